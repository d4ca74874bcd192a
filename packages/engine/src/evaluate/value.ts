/**
 * Values at run time. Each type of the language has one representation, known from the checked
 * type of the expression that produced it, so values carry no tags:
 * Number, Integer, Percent and Money are decimals (Percent as a ratio; Money in the currency of
 * its type); Date is a day number; Period a {@link Period}; Text a string; Payee the payee's id;
 * Boolean a boolean; a list an array. `null` is "no value" (an empty optional field, an average of
 * nothing, a division by zero); it propagates through arithmetic and makes comparisons false.
 */
import type { Type } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import { compareDec, Dec, decText } from '../decimal.js';
import type { ResultValue } from '../results/results.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';

/** A run-time value. */
export type Value = Dec | number | string | boolean | Period | null | readonly Value[];

/** True for decimal values. */
export function isDec(value: Value): value is Dec {
  return value instanceof Dec;
}

function isPeriod(value: Value): value is Period {
  return typeof value === 'object' && value !== null && !(value instanceof Dec) && !Array.isArray(value);
}

/** Equality of two values of one type; `null` equals only `null`. */
export function equals(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof Dec) return b instanceof Dec && compareDec(a, b) === 0;
  if (isPeriod(a)) return isPeriod(b) && a.start === b.start && a.end === b.end;
  return a === b;
}

/** Order of two values of one ordered type (-1, 0, 1); `undefined` when either is `null`. */
export function compare(a: Value, b: Value): number | undefined {
  if (a === null || b === null) return undefined;
  if (a instanceof Dec && b instanceof Dec) return compareDec(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (isPeriod(a) && isPeriod(b)) return a.start - b.start || a.end - b.end;
  return undefined;
}

/** The value as it appears in results: decimals and dates as text, periods by label. */
export function toResult(value: Value, type: Type): ResultValue {
  if (value === null) return null;
  if (value instanceof Dec) return decText(value);
  if (typeof value === 'number') return type.kind === 'Date' ? formatDate(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toResult(v, type)).join(', ');
  return (value as Period).label;
}

/** The unit shown next to a value in traces: the currency of money, `%` for percentages. */
export function unitOf(type: Type): string | undefined {
  if (type.kind === 'Money') return type.currency;
  if (type.kind === 'Percent') return '%';
  return undefined;
}
