/**
 * Row numbers given with input entries. An entry's `row` (the line of the file it was read from)
 * names it in errors and results; it must be a whole number from 1. One that is not is an error of
 * the entry, which is then named by its position in its list (see `rowOf`), never by the bad number.
 *
 * Each entry of a list must have a row number of its own: errors are kept by row, and lenient mode
 * leaves out every entry of a row with an error, so an entry that shared its row with a bad one
 * would be left out without an error of its own. Entries that share one (an entry without `row` at
 * position 5 and another given `row: 5`, or two given `row: 5`: only JavaScript can pass them) are
 * each a `duplicate-row` error.
 */

import type { Plan } from '@attain/dsl';
import { quoteAny } from '../text/quoted.js';
import { dataError, otherNumbers, type Problems, type RowAt } from './problems.js';
import { idText, isObject, isRowNumber, rowOf } from './values.js';

/**
 * The lists of a dataset whose entries may carry a `row`, besides the records of each source, with
 * the field that names an entry when it has one.
 */
const SECTIONS = {
  payees: 'id',
  fx: undefined,
  quotas: undefined,
  territoryAssignments: undefined,
  adjustments: 'id',
  attributeChanges: undefined,
} as const;

/** The key an entry is named by in errors: `values[field]` as text, when there is one. */
function keyOf(values: unknown, field: string | undefined): string | undefined {
  return field === undefined || !isObject(values) ? undefined : idText(values[field]);
}

/**
 * Reports each entry of `list` whose `row` is given but is not a row number, and each entry whose
 * row number (as `rowOf` gives it) another entry of the list has too.
 */
function checkList(
  source: string,
  list: unknown,
  problems: Problems,
  key: (entry: Record<string, unknown>) => string | undefined,
): void {
  if (!Array.isArray(list)) return;
  // Row numbers that rise from entry to entry are distinct: the common case (every entry given
  // the line it was read from, or none given a row) needs no more than this one pass.
  let last = 0;
  let rising = true;
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    const row = rowAt(entry, i);
    if (row > last) last = row;
    else rising = false;
    if (!isObject(entry)) continue;
    const given = entry.row;
    if (given === undefined || given === null || isRowNumber(given)) continue;
    const at: RowAt = { source, row: i + 1 };
    const named = key(entry);
    if (named !== undefined) at.key = named;
    const code = typeof given === 'number' ? 'bad-integer' : 'bad-type';
    const why = `row is ${quoteAny(given)}, which is not a row number (a whole number from 1, without quotes); the entry is named by its place in the list, ${i + 1}`;
    problems.add(at, dataError(at, code, 'row', why));
  }
  if (!rising) checkShared(source, list, last, problems, key);
}

/** The row number of an entry of any kind (a hole, `null`, a text: its position). */
function rowAt(entry: unknown, i: number): number {
  return rowOf(entry as { row?: number } | null | undefined, i);
}

/**
 * Reports each entry of `list` whose row number another entry has too (`max` is the largest row
 * number of the list): a `duplicate-row` error naming the others' positions.
 */
function checkShared(
  source: string,
  list: readonly unknown[],
  max: number,
  problems: Problems,
  key: (entry: Record<string, unknown>) => string | undefined,
): void {
  const shared = sharedRows(list, max);
  if (shared === undefined) return;
  // The positions (from 1) of the entries of each shared row, in list order.
  const positions = new Map<number, number[]>();
  for (let i = 0; i < list.length; i++) {
    const row = rowAt(list[i], i);
    if (!shared.has(row)) continue;
    const at = positions.get(row);
    if (at) at.push(i + 1);
    else positions.set(row, [i + 1]);
  }
  for (const [row, all] of positions) {
    for (const position of all) {
      const entry: unknown = list[position - 1];
      const at: RowAt = { source, row };
      const named = isObject(entry) ? key(entry) : undefined;
      if (named !== undefined) at.key = named;
      const why = `${ownRow(entry, position, row)}, and row ${row} is also the row of ${others(all, position)}; give each entry a row of its own, or none`;
      const error = dataError(at, 'duplicate-row', 'row', why);
      error.position = position;
      problems.add(at, error);
    }
  }
}

/**
 * The row numbers (see `rowOf`) that more than one entry of `list` has, or `undefined` when there
 * are none (`max` is the largest). A byte per row number when they are not much more than the
 * entries (a file's lines), else the row numbers sorted.
 */
function sharedRows(list: readonly unknown[], max: number): Set<number> | undefined {
  const n = list.length;
  const shared = new Set<number>();
  if (max <= 4 * n + 1024) {
    const seen = new Uint8Array(max + 1);
    for (let i = 0; i < n; i++) {
      const row = rowAt(list[i], i);
      if (seen[row] === 0) seen[row] = 1;
      else shared.add(row);
    }
  } else {
    const rows = new Float64Array(n);
    for (let i = 0; i < n; i++) rows[i] = rowAt(list[i], i);
    rows.sort();
    for (let k = 1; k < n; k++) if (rows[k] === rows[k - 1]) shared.add(rows[k] as number);
  }
  return shared.size === 0 ? undefined : shared;
}

/** How an entry comes to be row `row`: `the entry at position 9 of the list has row 5`. */
function ownRow(entry: unknown, position: number, row: number): string {
  const it = `the entry at position ${position} of the list`;
  // Read as `rowOf` reads it, whatever the entry is.
  const given = entry === null || entry === undefined ? undefined : (entry as { row?: unknown }).row;
  if (isRowNumber(given)) return `${it} has row ${row}`;
  const none = given === undefined || given === null ? 'has no row' : 'has no row number';
  return `${it} ${none}, so its position makes it row ${row}`;
}

/**
 * The entries of `all` (positions, rising) but the one at `position`, as a reason names them (`the
 * entry at position 5`, `the entries at positions 5 and 9`), the first few and how many more when
 * there are many (a list may give a million entries one row).
 */
function others(all: readonly number[], position: number): string {
  return all.length === 2
    ? `the entry at position ${otherNumbers(all, position)}`
    : `the entries at positions ${otherNumbers(all, position, ' and ')}`;
}

/** Checks the row numbers of every list of `data` that `plan` reads. */
export function checkRowNumbers(plan: Plan, data: Record<string, unknown>, problems: Problems): void {
  for (const [section, field] of Object.entries(SECTIONS))
    checkList(section, data[section], problems, (entry) => keyOf(entry, field));
  const records = data.records;
  if (!isObject(records)) return;
  for (const source of plan.sources)
    checkList(source.name, records[source.name], problems, (entry) => keyOf(entry.values, source.key));
}
