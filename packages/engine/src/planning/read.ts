/**
 * Reading the text inputs of quota planning (amounts, percentages, dates) with the engine's own
 * readers, so that a value means the same here as in a dataset; and the lists that give one value
 * per node (weights, capacities), whose ids are checked against the hierarchy the same way.
 */

import { compareText } from '../compare-text.js';
import { readerFor } from '../data/values.js';
import { Dec } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import { FiscalCalendar } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import type { PlanningProblems } from './problems.js';

const percentReader = readerFor({ kind: 'Percent' }, new FiscalCalendar(1));

/** A percentage (`"10%"`) or a bare ratio (`"0.1"`) as a ratio; `undefined` when it is neither. */
export function readRatio(text: string | number): Dec | undefined {
  const value = percentReader(text);
  return value instanceof Dec ? value : undefined;
}

/** A `YYYY-MM-DD` date as a day number; `undefined` unless it is a real calendar day. */
export function readDate(text: string): number | undefined {
  return typeof text === 'string' ? parseDate(text.trim()) : undefined;
}

/** Checks the `decimals` option: an integer from 0 to 20 (a programmer's mistake otherwise). */
export function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, not ${quoteAny(decimals)}`);
  }
  return decimals;
}

/** A list that gives one value per node of the hierarchy, and how its problems name it. */
export interface PerNodeInput<E extends { id: string }> {
  entries: readonly E[];
  /** True when `id` is a node of the hierarchy. */
  isNode(id: string): boolean;
  /** True when the node carries a quota of its own (a leaf, or a manager with `ownQuota`). */
  carries(id: string): boolean;
  /** The entry's value; `undefined` once the reason it has none is reported. */
  read(entry: E, id: string): Dec | undefined;
  /** What one entry gives, as problems say it: "a capacity is given for ...", "more than one capacity". */
  what: string;
  /** The name of the input, put on its problems (`PlanningProblem.input`): `values`, `capacity`. */
  input: string;
  /** Why a manager without a quota of their own has no use for it: "their capacity is not used". */
  unused: string;
}

/**
 * Reads a list of one value per node. Ids are trimmed; an id given twice is an error
 * (`duplicate-value`) and only its first entry is read; an id that is not a node is a warning
 * (`unknown-node`); the value of a node without a quota of its own is a warning (`unused-value`).
 * Gives the values of the quota carriers, and every id the list gives.
 */
export function readPerNode<E extends { id: string }>(
  input: PerNodeInput<E>,
  problems: PlanningProblems,
): { values: Map<string, Dec>; given: Set<string> } {
  const values = new Map<string, Dec>();
  const given = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of input.entries) {
    const id = typeof entry?.id === 'string' ? entry.id.trim() : '';
    if (given.has(id)) {
      repeated.add(id);
      continue;
    }
    given.add(id);
    if (!input.isNode(id)) {
      problems.warning(
        'unknown-node',
        id || undefined,
        `a ${input.what} is given for ${id || 'a node without an id'}, which is not in the hierarchy`,
        { input: input.input },
      );
      continue;
    }
    const value = input.read(entry, id);
    if (value === undefined) continue;
    if (input.carries(id)) values.set(id, value);
    else
      problems.warning(
        'unused-value',
        id,
        `${id} is a manager without a quota of their own: ${input.unused}`,
        { input: input.input },
      );
  }
  for (const id of [...repeated].sort(compareText)) {
    problems.error('duplicate-value', id, `${id} has more than one ${input.what}`, { input: input.input });
  }
  return { values, given };
}
