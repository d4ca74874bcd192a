/**
 * Lists with holes. A list built in JavaScript may be sparse (`[row, , row]`): most ways of walking
 * it (`forEach`, `map`, `filter`) skip a hole without a word, others (`for...of`) give `undefined`
 * in its place. Neither may happen to data: a hole is a row the caller meant to give and did not,
 * so it is reported as an error of that row (`deals row 2: the row is empty`) like any other bad
 * row, never skipped and never thrown on.
 */
import type { Dataset } from './dataset.js';
import { dataError, type Problems, type RowAt } from './problems.js';
import { isObject } from './values.js';

/**
 * `list` with each hole (and each `undefined` entry) as an `undefined` entry that every walk
 * visits: the list itself when it has none, which a native scan tells without a per-row step of
 * ours (the cost per row of validation is unchanged), else a copy.
 */
function dense<T>(list: readonly T[]): readonly T[] {
  return list.includes(undefined as T) ? Array.from(list) : list;
}

/** `data` with every list it reads made {@link dense} (the same object when none has a hole). */
export function denseData(data: Dataset): Dataset {
  if (!isObject(data)) return data;
  let copy: Record<string, unknown> | undefined;
  const set = (part: string, value: unknown) => {
    copy ??= { ...data };
    copy[part] = value;
  };
  for (const part of ['payees', 'fx', 'quotas', 'territoryAssignments', 'adjustments', 'attributeChanges']) {
    const list = (data as unknown as Record<string, unknown>)[part];
    const made = Array.isArray(list) ? dense(list) : list;
    if (made !== list) set(part, made);
  }
  const records: unknown = data.records;
  if (isObject(records)) {
    let rows: Record<string, unknown> | undefined;
    for (const source of Object.keys(records)) {
      const list = records[source];
      const made = Array.isArray(list) ? dense(list) : list;
      if (made === list) continue;
      rows ??= { ...records };
      rows[source] = made;
    }
    if (rows) set('records', rows);
  }
  return (copy ?? data) as unknown as Dataset;
}

/** Why an empty row is an error, after `deals row 2: `. */
export const EMPTY_ROW = 'the row is empty';

/**
 * True when `entry` is no row at all (a hole of its list, `undefined` or `null`): the row's error
 * is reported at `at`, and nothing else of it is read.
 */
export function emptyRow(entry: unknown, at: RowAt, problems: Problems): boolean {
  if (entry !== undefined && entry !== null) return false;
  problems.add(at, dataError(at, 'bad-type', undefined, EMPTY_ROW));
  return true;
}
