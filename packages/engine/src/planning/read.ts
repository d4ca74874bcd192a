/**
 * Reading the text inputs of quota planning (amounts, percentages, dates) with the engine's own
 * readers, so that a value means the same here as in a dataset.
 */

import { readerFor } from '../data/values.js';
import { Dec } from '../decimal.js';
import { FiscalCalendar } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';

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
    throw new RangeError(`decimals must be an integer from 0 to 20, not ${String(decimals)}`);
  }
  return decimals;
}
