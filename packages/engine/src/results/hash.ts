/**
 * Hashes that name a run's inputs, so a payout can be reproduced for an audit.
 *
 * - Plan hash: SHA-256 of the plan's canonical JSON (keys sorted), leaving out source ranges and
 *   the URI: reformatting a plan or moving a comment does not change it; changing a rate, a tier,
 *   a doc comment or a date does.
 * - Data hash: SHA-256 over the dataset's sections. Each section (payees, each source's records,
 *   FX rates, quotas, territory assignments, adjustments and, when there are any, attribute
 *   changes) is summarised by an order-independent
 *   multiset hash: the sum, lane by lane modulo 2^32, of a 128-bit hash of each row (its key
 *   names and typed values, in sorted key order, so the order of keys does not matter), with the
 *   row count. Row numbers are left out (the same
 *   rows in any order give the same hash), except for the records of sources without a key field:
 *   results name those records by their row, so renumbered rows are different data. Earlier
 *   results (`previous`) are hashed as canonical JSON, their statements in payee and period order.
 */

import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import type { DataRecord, Dataset } from '../data/dataset.js';
import { asList, rowOf } from '../data/values.js';
import { textOf } from '../text/quoted.js';
import type { Results, Statement } from './results.js';
import { sha256 } from './sha256.js';

/**
 * JSON with object keys sorted and `skip` keys left out; `undefined` values are dropped. Never
 * throws and never recurses without end on what a JavaScript caller may pass in data: a hole of a
 * list is `null`, a BigInt its digits in a string, a symbol or function `null` (as JSON.stringify
 * drops them), an object met again inside itself `"[circular]"` and one nested deeper than
 * {@link MAX_DEPTH} `"[too deep]"` (validation reports both in earlier results).
 */
export function canonicalJson(value: unknown, skip: ReadonlySet<string> = new Set()): string {
  return canonical(value, skip, new Set());
}

/**
 * How deep in lists and objects a value of data is read: deeper, a value is the text `[too deep]`
 * (validation reports it where it is read), not a stack overflow.
 */
export const MAX_DEPTH = 1000;

/** {@link canonicalJson} of `value` inside the objects `open` (its ancestors). */
function canonical(value: unknown, skip: ReadonlySet<string>, open: Set<object>): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (open.has(value)) return '"[circular]"';
  if (open.size >= MAX_DEPTH) return '"[too deep]"';
  open.add(value);
  let text: string;
  if (Array.isArray(value)) text = `[${Array.from(value, (v) => canonical(v, skip, open)).join(',')}]`;
  else {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => !skip.has(k) && object[k] !== undefined)
      .sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(object[k], skip, open)}`).join(',')}}`;
  }
  open.delete(value);
  return text;
}

/**
 * A value of data as the hash reads it: none as `''`, an object (a list, or anything from
 * JavaScript) by its canonical JSON, so by its contents and however deep (its `String()` is the
 * same for every object, and recurses without end into nested lists), anything else as its text.
 */
function hashText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? canonicalJson(value) : textOf(value);
}

const PLAN_SKIP: ReadonlySet<string> = new Set(['range', 'uri']);

/** The plan hash. */
export function planHash(plan: Plan): string {
  return sha256(canonicalJson(plan, PLAN_SKIP));
}

/**
 * A 128-bit string hash in four independent 32-bit lanes (multiply-xorshift, one seed per lane).
 * A string is fed as words of 32 bits: an optional tag, its UTF-16 code units two per word, then
 * its length (so that "ab","c" and "a","bc" differ).
 */
class RowHash {
  h1 = 0x9e3779b9;
  h2 = 0x85ebca6b;
  h3 = 0xc2b2ae35;
  h4 = 0x27d4eb2f;

  /** Feeds `text`, after `tag` when one is given (a record's values are tagged with their type). */
  feed(text: string, tag?: number): void {
    let { h1, h2, h3, h4 } = this;
    const n = text.length;
    const words = (n + 1) >> 1;
    for (let w = tag === undefined ? 0 : -1; w <= words; w++) {
      let c: number;
      if (w < 0) c = tag as number;
      else if (w === words) c = n;
      else {
        const at = w << 1;
        c = text.charCodeAt(at) | (at + 1 < n ? text.charCodeAt(at + 1) << 16 : 0);
      }
      h1 = Math.imul(h1 ^ c, 0x85ebca77);
      h2 = Math.imul(h2 ^ c, 0xc2b2ae3d);
      h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
      h4 = Math.imul(h4 ^ c, 0x165667b1);
      h1 ^= h1 >>> 15;
      h2 ^= h2 >>> 13;
      h3 ^= h3 >>> 16;
      h4 ^= h4 >>> 12;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** The lanes, to continue from them later (see {@link restore}). */
  state(): Uint32Array {
    return Uint32Array.of(this.h1, this.h2, this.h3, this.h4);
  }

  restore(state: Uint32Array): void {
    this.h1 = state[0] as number;
    this.h2 = state[1] as number;
    this.h3 = state[2] as number;
    this.h4 = state[3] as number;
  }

  reset(): void {
    this.h1 = 0x9e3779b9;
    this.h2 = 0x85ebca6b;
    this.h3 = 0xc2b2ae35;
    this.h4 = 0x27d4eb2f;
  }

  /** Adds the finished hash to a running multiset sum and resets. */
  addTo(sum: Uint32Array): void {
    sum[0] = ((sum[0] as number) + mix(this.h1, 0x7feb352d)) >>> 0;
    sum[1] = ((sum[1] as number) + mix(this.h2, 0x846ca68b)) >>> 0;
    sum[2] = ((sum[2] as number) + mix(this.h3, 0x9e3779b1)) >>> 0;
    sum[3] = ((sum[3] as number) + mix(this.h4, 0x68e31da4)) >>> 0;
    this.reset();
  }
}

function mix(h: number, k: number): number {
  let x = Math.imul(h ^ (h >>> 16), k);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  return (x ^ (x >>> 16)) >>> 0;
}

function digest(name: string, count: number, sum: Uint32Array): string {
  return `${JSON.stringify(name)}:${count}:${[...sum].map((x) => x.toString(16).padStart(8, '0')).join('')}`;
}

/** `rows` must have no holes: a list of the dataset is mapped with `Array.from`, which visits them. */
function section(name: string, rows: readonly string[]): string {
  const sum = new Uint32Array(4);
  const h = new RowHash();
  for (const row of rows) {
    h.feed(row);
    h.addTo(sum);
  }
  return digest(name, rows.length, sum);
}

/** The keys of a record's values in the order they are enumerated, and the same keys sorted. */
interface KeyOrder {
  keys: string[];
  /** Positions in {@link keys}, in sorted key order. */
  sorted: number[];
  /** The hash state after the sorted key names: where each row with these keys starts. */
  state: Uint32Array;
}

/**
 * Hashes records without building their text: a row's hash starts from the hash of its sorted
 * key names (worked out once per order of keys met, nearly always one per source) and goes on
 * with each value, typed, in sorted key order, so the order of keys does not matter. With
 * `numbered`, the row's number (as validation reads it) is part of the row.
 */
function recordSection(name: string, rows: readonly DataRecord[], numbered: boolean): string {
  const sum = new Uint32Array(4);
  const h = new RowHash();
  const orders = new Map<string, KeyOrder>();
  let last: KeyOrder | undefined;
  const keys: string[] = [];
  const raw: unknown[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as DataRecord | null;
    const values = r?.values ?? {};
    let n = 0;
    let same = last !== undefined;
    for (const key in values) {
      if (!Object.hasOwn(values, key)) continue;
      if (same && (last as KeyOrder).keys[n] !== key) same = false;
      keys[n] = key;
      raw[n++] = values[key];
    }
    if (!same || (last as KeyOrder).keys.length !== n) last = keyOrder(orders, keys.slice(0, n), h);
    const order = last as KeyOrder;
    h.restore(order.state);
    for (const k of order.sorted) {
      const v = raw[k];
      h.feed(typeof v === 'string' ? v : hashText(v), tagOf(v));
    }
    const flag = r?.hypothetical === true ? '?' : '';
    h.feed(numbered ? `${flag}#${rowOf(r, i)}` : flag);
    h.addTo(sum);
  }
  return digest(name, rows.length, sum);
}

/** The tag of a value's type in a row's hash (a text and a number written alike differ). */
function tagOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case 'string':
      return 1;
    case 'number':
      return 2;
    case 'boolean':
      return 3;
    default:
      return 4;
  }
}

/** The order of `keys` (as enumerated), found again or worked out and remembered. */
function keyOrder(orders: Map<string, KeyOrder>, keys: string[], h: RowHash): KeyOrder {
  const id = keys.join('\u0000');
  let order = orders.get(id);
  if (!order) {
    const sorted = keys.map((_, k) => k).sort((a, b) => compareText(keys[a] as string, keys[b] as string));
    h.reset();
    h.feed(String(keys.length));
    for (const k of sorted) h.feed(keys[k] as string);
    order = { keys, sorted, state: h.state() };
    orders.set(id, order);
  }
  return order;
}

/** The canonical JSON of an entry without its row number (rows move when files are sorted). */
function rowless(entry: unknown): string {
  if (entry === null || typeof entry !== 'object') return canonicalJson(entry);
  const { row: _row, ...rest } = entry as { row?: number };
  return canonicalJson(rest);
}

/**
 * Earlier results with their statements in payee and period order: the order in which they are
 * given (merged from several runs, say) means nothing. A statement given twice, identical (the
 * same results file passed twice), is hashed once, as the run reads it once.
 */
function previousInOrder(previous: Results): Results {
  if (!Array.isArray(previous.statements)) return previous;
  const key = (s: Statement) => [hashText(s?.payee), hashText(s?.start), hashText(s?.period)];
  const sorted = [...previous.statements].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (
      compareText(x[0] as string, y[0] as string) ||
      compareText(x[1] as string, y[1] as string) ||
      compareText(x[2] as string, y[2] as string)
    );
  });
  // Copies can only be among statements of one payee, start and period, next to each other once
  // sorted: only such runs are compared, so results without copies cost nothing more.
  const statements: Statement[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    const at = key(sorted[i] as Statement).join('\u0000');
    while (j < sorted.length && key(sorted[j] as Statement).join('\u0000') === at) j++;
    if (j - i === 1) statements.push(sorted[i] as Statement);
    else {
      const texts = new Set<string>();
      for (let k = i; k < j; k++) {
        const text = canonicalJson(sorted[k]);
        if (texts.has(text)) continue;
        texts.add(text);
        statements.push(sorted[k] as Statement);
      }
    }
    i = j;
  }
  return { ...previous, statements };
}

/**
 * The data hash (independent of the order of rows within each section). `numbered`: the sources
 * whose records are named by row number in results (those without a key field).
 */
export function dataHash(data: Dataset, numbered: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  // Array.from, not map: a hole in a list (a sparse array from JavaScript) is a row too.
  const rowsOf = (list: readonly unknown[] | undefined) => Array.from(asList(list), rowless);
  parts.push(section('payees', rowsOf(data.payees)));
  for (const source of Object.keys(data.records ?? {}).sort()) {
    const rows = asList(data.records[source]);
    parts.push(recordSection(`records:${source}`, rows, numbered.has(source)));
  }
  parts.push(section('fx', rowsOf(data.fx)));
  parts.push(section('quotas', rowsOf(data.quotas)));
  parts.push(section('territoryAssignments', rowsOf(data.territoryAssignments)));
  parts.push(section('adjustments', rowsOf(data.adjustments)));
  // Only when there are changes: the hash of a dataset without them is what it was before they existed.
  const changes = asList(data.attributeChanges);
  if (changes.length > 0) parts.push(section('attributeChanges', rowsOf(changes)));
  if (data.previous) parts.push(`previous:${sha256(canonicalJson(previousInOrder(data.previous)))}`);
  return sha256(parts.join('\n'));
}
