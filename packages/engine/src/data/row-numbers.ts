/**
 * Row numbers given with input entries. An entry's `row` (the line of the file it was read from)
 * names it in errors and results; it must be a whole number from 1. One that is not is an error of
 * the entry, which is then named by its position in its list (see `rowOf`), never by the bad number.
 */

import type { Plan } from '@attain/dsl';
import { dataError, type Problems, type RowAt } from './problems.js';
import { idText, isObject, isRowNumber, quoteAny } from './values.js';

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

/** Reports each entry of `list` whose `row` is given but is not a row number. */
function checkList(
  source: string,
  list: unknown,
  problems: Problems,
  key: (entry: Record<string, unknown>) => string | undefined,
): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isObject(entry)) continue;
    const row = entry.row;
    if (row === undefined || row === null || isRowNumber(row)) continue;
    const at: RowAt = { source, row: i + 1 };
    const named = key(entry);
    if (named !== undefined) at.key = named;
    const code = typeof row === 'number' ? 'bad-integer' : 'bad-type';
    const why = `row is ${quoteAny(row)}, which is not a row number (a whole number from 1, without quotes); the entry is named by its place in the list, ${i + 1}`;
    problems.add(at, dataError(at, code, 'row', why));
  }
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
