/**
 * Validation of the records of one source against its declared schema: every field read with
 * its type, payee references checked, money converted where the field says `converted on`, and
 * duplicate keys found. Each problem is recorded with its source, row, field and reason.
 */
import type { Field } from '@attain/dsl';
import { Dec } from '../decimal.js';
import type { Value } from '../evaluate/value.js';
import { quote, quoteAny } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { DataRecord, RawValue } from './dataset.js';
import { EMPTY_ROW } from './dense.js';
import type { FxTable } from './fx.js';
import { KeyList } from './key-list.js';
import { type Rec, type SourceSchema, ValidRecord } from './model.js';
import type { PayeeTable } from './payees.js';
import { amountOf, plainAmount } from './plain-amount.js';
import { dataError, otherNumbers, Problems, type RowAt, valueError } from './problems.js';
import {
  Bad,
  idText,
  isCurrencyCode,
  isMissing,
  memoized,
  type Reader,
  readerFor,
  readMoney,
  rowOf,
} from './values.js';

/** What validating records needs besides the rows. */
export interface RecordEnv {
  payees: PayeeTable;
  fx: FxTable;
  calendar: FiscalCalendar;
  /** The plan currency. */
  currency: string;
}

type FieldReader =
  | { kind: 'plain'; field: Field; read: Reader }
  | { kind: 'payee'; field: Field; read: Reader }
  | {
      kind: 'money';
      field: Field;
      currency: string;
      convertedOn: number | undefined;
      currencyColumn: string;
    };

function fieldReaders(schema: SourceSchema, env: RecordEnv): FieldReader[] {
  return schema.fields.map((field): FieldReader => {
    if (field.type.kind === 'Money') {
      const convertedOn = field.convertedOn === undefined ? undefined : schema.index.get(field.convertedOn);
      const currency = field.type.currency ?? env.currency;
      return { kind: 'money', field, currency, convertedOn, currencyColumn: `${field.name}_currency` };
    }
    const kind = field.type.kind;
    const read = readerFor(field.type, env.calendar);
    if (kind === 'Payee') return { kind: 'payee', field, read: memoized(read) };
    return { kind: 'plain', field, read: memoized(read) };
  });
}

/** The text of a key value. */
function keyText(value: Value): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Dec) return value.toString();
  if (typeof value === 'number') return formatDate(value);
  return typeof value === 'string' ? value : String(value);
}

/**
 * Where a row's values go as they are read (`values()`: the array for the next row, the value of
 * field f at f), and what is done with a row that read without error (so far: a repeated key is
 * found only at the end).
 */
interface RowSink {
  values(): Slotted[];
  visit(i: number, row: number, input: DataRecord, values: Slotted[], key: string | undefined): void;
}

/**
 * Where the row being read is, for its errors. Its {@link RowAt} is made on the first error:
 * most rows have none, and a million objects made for nothing cost the collector.
 */
class RowPlace {
  row = 0;
  /** The key as written, then as read. */
  key: string | undefined = undefined;
  private made: RowAt | undefined = undefined;

  constructor(readonly source: string) {}

  /** Moves to another row. */
  reset(row: number, key: string | undefined): void {
    this.row = row;
    this.key = key;
    this.made = undefined;
  }

  /** The row's place in its errors (the same object for all of them, to take the key read later). */
  get at(): RowAt {
    if (this.made) return this.made;
    const at: RowAt = { source: this.source, row: this.row };
    if (this.key !== undefined) at.key = this.key;
    this.made = at;
    return at;
  }

  /** Names the row by the key as read, in the errors already found too. */
  keyRead(key: string): void {
    this.key = key;
    if (this.made) this.made.key = key;
  }
}

/**
 * Reads every row of a source in `order` (or input order) into `sink`, records each problem,
 * calls `sink.visit` with each row that read without error, and at the end reports rows sharing a
 * key (see {@link reportRepeatedKey}; callers leave them out with `problems.has`).
 * With `check`, plain amounts are not made into decimals (see {@link readRow}): the sink gets
 * their trimmed text, unless the key is an amount (keys must be read to compare).
 */
function walkRows(
  schema: SourceSchema,
  rows: readonly DataRecord[],
  readers: FieldReader[],
  env: RecordEnv,
  problems: Problems,
  order: Int32Array | undefined,
  check: boolean,
  sink: RowSink,
): void {
  const checkOnly = check && (schema.key === undefined || schema.fields[schema.key]?.type.kind !== 'Money');
  // The keys read, and at the end the keys read again (their rows are gathered afterwards, in
  // the rare case there are any).
  const seen = new KeyList(rows.length);
  const place = new RowPlace(schema.name);
  const keyAt = schema.key;
  const keyName = keyAt === undefined ? undefined : (schema.fields[keyAt] as Field).name;
  for (let j = 0; j < rows.length; j++) {
    const i = order ? (order[j] as number) : j;
    const input = (rows[i] ?? {}) as DataRecord;
    const row = rowOf(input, i);
    const values = input.values;
    // The key as written names the row in its errors (a list or an object names nothing).
    const rawKey =
      keyName === undefined || values === null || typeof values !== 'object' ? undefined : values[keyName];
    place.reset(row, idText(rawKey));
    if (values === null || typeof values !== 'object') {
      const at = place.at;
      const what = rows[i] === undefined || rows[i] === null ? EMPTY_ROW : 'the record has no values';
      problems.add(at, dataError(at, 'bad-type', undefined, what));
      continue;
    }
    const hypothetical = input.hypothetical as unknown;
    // Only a JSON boolean says whether a record is hypothetical: "yes" or 1 is not read as
    // either (a record wrongly taken as real would be paid).
    if (hypothetical !== undefined && hypothetical !== null && typeof hypothetical !== 'boolean') {
      const what = `hypothetical is ${quoteAny(hypothetical)}, which is not true or false (in JSON a boolean, without quotes; in a CSV file true, false, yes or no)`;
      const at = place.at;
      problems.add(at, dataError(at, 'bad-type', 'hypothetical', what));
    }
    const out = sink.values();
    readRow(readers, values, place, env, problems, checkOnly, out);
    const key = keyAt === undefined ? undefined : keyText((out[keyAt] ?? null) as Value);
    if (key !== undefined) {
      place.keyRead(key);
      seen.add(key);
    }
    if (!problems.has(schema.name, row)) sink.visit(i, row, input, out, key);
  }
  const again = seen.repeated();
  if (again.length === 0) return;
  const repeated = new Map<string, KeyedRow[]>(again.map((key) => [key, []]));
  for (const keyed of keysOf(schema, rows, readers, env)) repeated.get(keyed.key)?.push(keyed);
  for (const [key, list] of repeated) reportRepeatedKey(schema.name, keyName ?? 'key', key, list, problems);
}

/** A row's key, row number and whether the row is hypothetical. */
interface KeyedRow {
  key: string;
  row: number;
  hypothetical: boolean;
}

/**
 * Reports the rows that share `key`. When one of them is a real record and the others are
 * hypothetical ("if this deal closes", written with the key of a deal that exists), the
 * hypothetical rows are the wrong ones: the real record is kept and paid. Otherwise nothing says
 * which row is right, and every one of them is reported.
 */
function reportRepeatedKey(
  source: string,
  keyField: string,
  key: string,
  list: KeyedRow[],
  problems: Problems,
): void {
  list.sort((a, b) => a.row - b.row);
  const rows = list.map((r) => r.row);
  const real = list.filter((r) => !r.hypothetical);
  const [only] = real;
  for (const { row, hypothetical } of list) {
    if (only && real.length === 1 && !hypothetical) continue;
    const at: RowAt = { source, row, key };
    const reason =
      only && real.length === 1
        ? `${keyField} ${quoteAny(key)} is already used by real row ${only.row}; a hypothetical record needs a key of its own`
        : `${keyField} ${quoteAny(key)} is also used in row ${otherNumbers(rows, row)}`;
    problems.add(at, dataError(at, 'duplicate-key', keyField, reason));
  }
}

/** The record of a row that read without error. */
function recOf(
  schema: SourceSchema,
  row: number,
  input: DataRecord,
  v: Value[],
  key: string | undefined,
): Rec {
  const day = schema.dated === undefined ? undefined : (v[schema.dated] as number | null);
  const owner = schema.owner === undefined ? undefined : (v[schema.owner] as string | null);
  return new ValidRecord(
    schema,
    v,
    row,
    key,
    input.hypothetical === true,
    day ?? undefined,
    owner ?? undefined,
    input.values,
  );
}

/**
 * Validates the rows of a source. Returns the valid records; every problem goes to `problems`.
 * Rows sharing a key are all left out (nothing says which of them is right), but for a real row
 * whose key only hypothetical rows reuse: it is kept, and they are left out.
 */
export function validateRecords(
  schema: SourceSchema,
  rows: readonly DataRecord[],
  env: RecordEnv,
  problems: Problems,
): Rec[] {
  const readers = fieldReaders(schema, env);
  const valid: Rec[] = [];
  // Each row's values in an array of its own: the record keeps it.
  const sink: RowSink = {
    values: () => new Array(readers.length),
    visit(_i, row, input, values, key) {
      valid.push(recOf(schema, row, input, values as Value[], key));
    },
  };
  walkRows(schema, rows, readers, env, problems, ownerOrder(schema, rows), false, sink);
  return problems.size === 0 ? valid : valid.filter((r) => !problems.has(schema.name, r.row));
}

/** What the owner tables hold: a row's values, then its key, raw values, row number and state. */
type Slotted = Value | Record<string, RawValue>;

/**
 * The entries after a row's values in its slot of an owner table: the key text (or null), the
 * raw values, the row number, and the state (null for a slot without a valid row, else
 * {@link VALID} or {@link HYPOTHETICAL}).
 */
const KEY = 0;
const RAW = 1;
const ROW = 2;
const STATE = 3;
const SLOT_EXTRA = 4;
const VALID = 1;
const HYPOTHETICAL = 2;
/** The fewest slots of a chunk of owner tables (256 KiB of references): see {@link OwnedRows}. */
const CHUNK = 1 << 16;

/**
 * The valid rows of a source with an owner field, checked now and made into records owner by
 * owner when a statement asks (see `calculate`): a million records are never all in memory.
 * Records without an owner, and those with a value in one of the `kept` date fields (what a
 * clawback may take back), are made at once.
 *
 * The check writes what it reads of each row straight into a table, in the slot of the row's
 * owner group (the rows that write the owner alike; a counting sort on it, worked out before the
 * check, gives each row its place), so that making an owner's records reads a few contiguous
 * slots instead of going back to rows scattered through memory. The tables hold only references
 * to values the check made anyway (texts, dates, shared decimals, the rare amount read in full
 * because its currency is written) and, for a plain amount, its text: the decimal is made with
 * the record. Groups are packed into chunks of at least {@link CHUNK} slots, made before the
 * check: V8 makes arrays that large outside the young generation's copying space, so the
 * collector never copies them (an array per group, 12,000 slots for a payee with a thousand
 * deals, was copied by the young collections that ran while the check filled the tables), and
 * a chunk per group of groups, not one array for all rows, leaves no single array of 12
 * million slots. With the rows read into one scratch array and each error's place made only
 * when there is an error, checking a million deals allocates almost nothing but the tables
 * (1,090-1,110 ms against 1,120-1,160 ms before, in the benchmark's full runs).
 */
export class OwnedRows {
  /** The slot groups of each owner (by payee id; one per way the owner is written). */
  private readonly byOwner = new Map<string, number[]>();
  /** Valid records without an owner. */
  readonly unowned: Rec[] = [];
  /** Valid records with a value in each kept field, by field name. */
  readonly withDate = new Map<string, Rec[]>();
  /** True when some valid row is hypothetical. */
  hypothetical = false;
  private readonly readers: FieldReader[];
  /** The money fields' positions. */
  private readonly money: number[];
  /**
   * The tables: the k-th row of group g in `chunks[chunkOf[g]]` at `offsetOf[g] + k × (fields +
   * SLOT_EXTRA)`: its values (a plain amount as its trimmed text), then its key text, raw values,
   * row number and state (see {@link SLOT_EXTRA}).
   */
  private readonly chunks: Slotted[][] = [];
  private readonly chunkOf: Int32Array;
  private readonly offsetOf: Int32Array;
  /** Each group's row count. */
  private readonly sizeOf: Int32Array;

  constructor(
    readonly schema: SourceSchema,
    rows: readonly DataRecord[],
    private readonly env: RecordEnv,
    problems: Problems,
    kept: readonly string[],
  ) {
    this.readers = fieldReaders(schema, env);
    this.money = this.readers.flatMap((r, f) => (r.kind === 'money' ? [f] : []));
    const fields = kept.map((name) => ({ name, at: schema.index.get(name) }));
    for (const { name } of fields) this.withDate.set(name, []);
    const owner = schema.owner as number;
    const { order, groupOf, start } = ownerGroups(schema, rows);
    const groups = start.length - 1;
    // Each row's place in the owner order: its slot.
    const slotOf = new Int32Array(rows.length);
    for (let k = 0; k < order.length; k++) slotOf[order[k] as number] = k;
    const width = this.readers.length;
    const stride = width + SLOT_EXTRA;
    this.chunkOf = new Int32Array(groups);
    this.offsetOf = new Int32Array(groups);
    this.sizeOf = new Int32Array(groups);
    for (let g = 0, size = 0; g <= groups; g++) {
      const slots = g < groups ? ((start[g + 1] as number) - (start[g] as number)) * stride : 0;
      // A chunk is made once it holds enough groups, or at the end.
      if (size > 0 && (size >= CHUNK || g === groups)) {
        this.chunks.push(new Array<Slotted>(size).fill(null));
        size = 0;
      }
      if (g === groups) break;
      this.chunkOf[g] = this.chunks.length;
      this.offsetOf[g] = size;
      this.sizeOf[g] = slots / stride;
      size += slots;
    }
    const { chunks, chunkOf, offsetOf } = this;
    // The groups of each owner id, as the check reads the owner field.
    const groupsOf = new Map<string, Set<number>>();
    const ownerOf: (string | undefined)[] = [];
    const scratch = new Problems();
    const self = this;
    // Only checked (amounts not made): a row kept as a record now is read again in full.
    // Each row is read into one scratch array, then copied to its slot if it read without error:
    // writing the slot directly, in the middle of reading, was slower (the slots of consecutive
    // rows are far apart, and the reads waited on the writes).
    const scratchRow = new Array<Slotted>(width).fill(null);
    const sink: RowSink = {
      values: () => scratchRow,
      visit(i, row, input, _values, key) {
        const hyp = input.hypothetical === true;
        if (hyp) self.hypothetical = true;
        const who = scratchRow[owner];
        let rec: Rec | undefined;
        for (const { name, at } of fields) {
          if (at === undefined || typeof scratchRow[at] !== 'number') continue;
          rec ??= recOf(schema, row, input, self.valuesOf(input, row, scratch), key);
          (self.withDate.get(name) as Rec[]).push(rec);
        }
        if (typeof who !== 'string') {
          self.unowned.push(rec ?? recOf(schema, row, input, self.valuesOf(input, row, scratch), key));
          return;
        }
        const g = groupOf[i] as number;
        // Every row of a group names its owner alike: only the first says whose group it is.
        if (ownerOf[g] !== who) {
          ownerOf[g] = who;
          const known = groupsOf.get(who);
          if (known) known.add(g);
          else groupsOf.set(who, new Set([g]));
        }
        const out = chunks[chunkOf[g] as number] as Slotted[];
        const base = (offsetOf[g] as number) + ((slotOf[i] as number) - (start[g] as number)) * stride;
        for (let f = 0; f < width; f++) out[base + f] = scratchRow[f] as Slotted;
        out[base + width + KEY] = key ?? null;
        out[base + width + RAW] = input.values;
        out[base + width + ROW] = row;
        out[base + width + STATE] = hyp ? HYPOTHETICAL : VALID;
      },
    };
    walkRows(schema, rows, this.readers, env, problems, undefined, true, sink);
    for (const [who, list] of groupsOf)
      this.byOwner.set(
        who,
        [...list].sort((a, b) => a - b),
      );
    if (problems.size === 0) return;
    // Rows found wrong at the end (repeated keys) are left out, and whether some valid row is
    // hypothetical is counted again (a hypothetical row reusing a real row's key is left out).
    const bad = (r: Rec) => problems.has(schema.name, r.row);
    let hypothetical = false;
    for (let g = 0; g < groups; g++) {
      const table = chunks[chunkOf[g] as number] as Slotted[];
      const end = (offsetOf[g] as number) + (this.sizeOf[g] as number) * stride;
      for (let base = offsetOf[g] as number; base < end; base += stride) {
        const state = table[base + width + STATE];
        if (state === null) continue;
        if (problems.has(schema.name, table[base + width + ROW] as number))
          table[base + width + STATE] = null;
        else if (state === HYPOTHETICAL) hypothetical = true;
      }
    }
    this.unowned.splice(0, this.unowned.length, ...this.unowned.filter((r) => !bad(r)));
    this.hypothetical = hypothetical || this.unowned.some((r) => r.hyp);
    for (const [name, list] of this.withDate)
      this.withDate.set(
        name,
        list.filter((r) => !bad(r)),
      );
  }

  /** The owners with valid rows. */
  owners(): IterableIterator<string> {
    return this.byOwner.keys();
  }

  /** New records of `owner`'s valid rows, with the values a full read of each row makes. */
  recordsOf(owner: string): Rec[] {
    const groups = this.byOwner.get(owner);
    if (!groups) return [];
    const { schema } = this;
    const width = this.readers.length;
    const stride = width + SLOT_EXTRA;
    const recs: Rec[] = [];
    for (const g of groups) {
      const table = this.chunks[this.chunkOf[g] as number] as Slotted[];
      const end = (this.offsetOf[g] as number) + (this.sizeOf[g] as number) * stride;
      for (let base = this.offsetOf[g] as number; base < end; base += stride) {
        const state = table[base + width + STATE];
        if (state === null) continue;
        const v = table.slice(base, base + width) as Value[];
        for (const f of this.money) {
          const plain = v[f];
          if (typeof plain === 'string' || typeof plain === 'number') v[f] = amountOf(plain);
        }
        const day = schema.dated === undefined ? undefined : (v[schema.dated] as number | null);
        recs.push(
          new ValidRecord(
            schema,
            v,
            table[base + width + ROW] as number,
            (table[base + width + KEY] as string | null) ?? undefined,
            state === HYPOTHETICAL,
            day ?? undefined,
            owner,
            table[base + width + RAW] as Record<string, RawValue>,
          ),
        );
      }
    }
    return recs;
  }

  /** The values of a row that was checked without error, read in full. */
  private valuesOf(input: DataRecord, row: number, scratch: Problems): Value[] {
    const v = new Array<Value>(this.readers.length);
    const place = new RowPlace(this.schema.name);
    place.reset(row, undefined);
    readRow(this.readers, input.values, place, this.env, scratch, false, v);
    return v;
  }
}

/** The rows of a source grouped by the owner field as written, see {@link ownerGroups}. */
interface OwnerGroups {
  /** Row positions by group (first-seen owner first), then by day, then in input order. */
  order: Int32Array;
  /** Each row's group. */
  groupOf: Int32Array;
  /** Where each group starts in {@link order}, and one past the last (`start[g + 1]`). */
  start: Int32Array;
}

/**
 * The positions of the rows grouped by the text of their owner field (first-seen owner first) and,
 * within an owner, by the day of the dated field when it is written `YYYY-MM-DD` (then input
 * order); `undefined` for a source without an owner field. Records are created in this order, so
 * one payee's records lie together in memory, nearly in the stable record order in which a
 * statement reads them. Nothing depends on this order but speed: the stable order is set later,
 * and on the parsed values.
 */
function ownerOrder(schema: SourceSchema, rows: readonly DataRecord[]): Int32Array | undefined {
  if (schema.owner === undefined || rows.length < 2) return undefined;
  return ownerGroups(schema, rows).order;
}

/** The rows of a source with an owner field grouped by it, as {@link ownerOrder} orders them. */
function ownerGroups(schema: SourceSchema, rows: readonly DataRecord[]): OwnerGroups {
  const field = (schema.fields[schema.owner as number] as Field).name;
  const dated = schema.dated === undefined ? undefined : (schema.fields[schema.dated] as Field).name;
  const groups = new Map<unknown, number>();
  const groupOf = new Int32Array(rows.length);
  const dayOf = new Int32Array(rows.length);
  let counts = 0;
  let minDay = Number.MAX_SAFE_INTEGER;
  let maxDay = 0;
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i]?.values;
    const usable = values !== null && typeof values === 'object';
    const owner = usable ? values[field] : undefined;
    let g = groups.get(owner);
    if (g === undefined) {
      g = counts++;
      groups.set(owner, g);
    }
    groupOf[i] = g;
    const day = usable && dated !== undefined ? dayKey(values[dated]) : 0;
    dayOf[i] = day;
    if (day > 0) {
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
  }
  // Two stable counting sorts: by day, then by owner.
  let order: Int32Array = identity(rows.length);
  if (maxDay >= minDay && maxDay - minDay < 1 << 20)
    order = countingSort(
      order,
      (i) => (dayOf[i] === 0 ? 0 : (dayOf[i] as number) - minDay + 1),
      maxDay - minDay + 2,
    ).sorted;
  const { sorted, start } = countingSort(order, (i) => groupOf[i] as number, counts);
  return { order: sorted, groupOf, start };
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** `order` stably sorted by `bucket` (0 to `buckets` − 1), with where each bucket starts (and ends). */
function countingSort(
  order: Int32Array,
  bucket: (i: number) => number,
  buckets: number,
): { sorted: Int32Array; start: Int32Array } {
  const start = new Int32Array(buckets + 1);
  // Indexed loops: a typed array's iterator made an object per row here.
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const b = bucket(order[k] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 1; b <= buckets; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  const next = start.slice();
  const sorted = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const b = bucket(i);
    sorted[next[b] as number] = i;
    next[b] = (next[b] as number) + 1;
  }
  return { sorted, start };
}

/** An increasing number for a date written `YYYY-MM-DD` (not checked further), 0 for anything else. */
function dayKey(raw: RawValue | undefined): number {
  if (typeof raw !== 'string' || raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45)
    return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    n = n * 10 + c;
  }
  // YYYYMMDD read as a number: increasing with the date; made dense for the counting sort.
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  return year * 372 + month * 31 + (n % 100) + 1;
}

/** The key text and row number of every row with a key, read again as the first pass read them. */
function* keysOf(
  schema: SourceSchema,
  rows: readonly DataRecord[],
  readers: FieldReader[],
  env: RecordEnv,
): Iterable<KeyedRow> {
  const scratch = new Problems();
  const place = new RowPlace(schema.name);
  const v = new Array<Value>(readers.length);
  for (let i = 0; i < rows.length; i++) {
    const input = (rows[i] ?? {}) as DataRecord;
    const values = input.values;
    if (values === null || typeof values !== 'object') continue;
    const row = rowOf(input, i);
    place.reset(row, undefined);
    readRow(readers, values, place, env, scratch, false, v);
    const key = keyText(v[schema.key as number] ?? null);
    if (key !== undefined) yield { key, row, hypothetical: input.hypothetical === true };
  }
}

/**
 * Reads the values of a row, in field order, into `out`; each problem goes to `problems` and
 * leaves its value `null`. With `check`, a plain amount (see {@link isPlainAmount}) in the field's
 * own currency is
 * checked but not made into a decimal: its value is its trimmed text, which `new Dec` makes into
 * the decimal a full read makes (see {@link OwnedRows.recordsOf}).
 */
function readRow(
  readers: FieldReader[],
  values: Record<string, RawValue>,
  place: RowPlace,
  env: RecordEnv,
  problems: Problems,
  check: boolean,
  out: Slotted[],
): void {
  let conversions:
    | { index: number; reader: FieldReader & { kind: 'money' }; amount: Dec; currency: string }[]
    | undefined;
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i] as FieldReader;
    const name = reader.field.name;
    const raw = values[name];
    out[i] = null;
    if (isMissing(raw)) {
      if (!reader.field.optional)
        problems.add(place.at, dataError(place.at, 'missing-field', name, `${name} is missing`));
      continue;
    }
    if (reader.kind === 'money') {
      const plain = check && typeof raw === 'string' ? plainAmount(raw) : undefined;
      if (plain !== undefined) {
        const currency = currencyColumn(values, reader.currencyColumn, place, problems);
        if (currency === null) continue;
        if (currency === undefined || currency === reader.currency) {
          out[i] = plain;
          continue;
        }
        // Written in another currency: read in full, to be converted or found wrong.
      }
      const money = readMoney(raw);
      if (money instanceof Bad) {
        problems.add(place.at, valueError(place.at, money.code, name, raw, money.why));
        continue;
      }
      const currency = money.currency ?? currencyColumn(values, reader.currencyColumn, place, problems);
      if (currency === null) continue;
      if (reader.convertedOn !== undefined && currency !== undefined && currency !== reader.currency) {
        conversions ??= [];
        conversions.push({ index: i, reader, amount: money.amount, currency });
      } else if (currency !== undefined && currency !== reader.currency) {
        problems.add(
          place.at,
          valueError(
            place.at,
            'currency-mismatch',
            name,
            raw,
            `is in ${currency}, but ${name} is declared in ${reader.currency}`,
          ),
        );
      } else out[i] = money.amount;
      continue;
    }
    const value = reader.read(raw);
    if (value instanceof Bad) {
      problems.add(place.at, valueError(place.at, value.code, name, raw, value.why));
      continue;
    }
    if (reader.kind === 'payee' && !env.payees.byId.has(value as string)) {
      const known = env.payees.rowOf.get(value as string);
      const why =
        known === undefined ? 'who is not among the payees' : `who has errors in payees row ${known}`;
      problems.add(place.at, dataError(place.at, 'unknown-payee', name, `${name} is ${quote(raw)}, ${why}`));
      continue;
    }
    out[i] = value;
  }
  if (conversions) for (const c of conversions) convert(c, out, values, place, env, problems);
}

/** The currency of a `<field>_currency` column: `undefined` without one, `null` after an error. */
function currencyColumn(
  values: Record<string, RawValue>,
  column: string,
  place: RowPlace,
  problems: Problems,
): string | undefined | null {
  const raw = values[column];
  if (isMissing(raw)) return undefined;
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  if (code !== undefined && isCurrencyCode(code)) return code;
  problems.add(place.at, valueError(place.at, 'unknown-currency', column, raw, 'is not a currency code'));
  return null;
}

function convert(
  c: { index: number; reader: FieldReader & { kind: 'money' }; amount: Dec; currency: string },
  out: Slotted[],
  values: Record<string, RawValue>,
  place: RowPlace,
  env: RecordEnv,
  problems: Problems,
): void {
  const name = c.reader.field.name;
  const dateField = c.reader.field.convertedOn as string;
  const day = out[c.reader.convertedOn as number];
  if (typeof day !== 'number') {
    if (isMissing(values[dateField])) {
      problems.add(
        place.at,
        dataError(
          place.at,
          'missing-field',
          dateField,
          `${dateField} is missing, so ${name} cannot be converted from ${c.currency}`,
        ),
      );
    }
    return;
  }
  const converted = env.fx.convert(c.amount, c.currency, c.reader.currency, day);
  if (converted === undefined) {
    problems.add(
      place.at,
      valueError(
        place.at,
        'unknown-currency',
        name,
        values[name] ?? null,
        `is in ${c.currency}, and there is no FX rate from ${c.currency} to ${c.reader.currency} on or before ${formatDate(day)}`,
      ),
    );
    return;
  }
  out[c.index] = converted;
}
