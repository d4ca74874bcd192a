/**
 * Calendar dates as day numbers: the number of days since 1970-01-01 (proleptic Gregorian).
 * Day numbers compare and subtract as plain integers, which keeps date logic exact and fast.
 */

import { monthNames } from '@attain/dsl';
import { quoteAny } from '../text/quoted.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days of a month (1 = January). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a calendar date (month 1-12; day 1-31). */
export function dayOf(year: number, month: number, day: number): number {
  // Days from civil (H. Hinnant's algorithm): exact for any year, no Date objects involved.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A calendar date broken into parts. */
export interface Civil {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number. */
export function civil(dayNumber: number): Civil {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Reads `YYYY-MM-DD`; `undefined` unless it is a real calendar date. */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayOf(year, month, day);
}

/**
 * Why `value` is not a date, in words that follow the name it was given as: `must be a date
 * written YYYY-MM-DD`, or, for text written so that is no day of the calendar, `is 2026-02-30,
 * which is not a day of the calendar (February 2026 has 28 days)`. A value that is no text at all
 * (a number, a `Date`, a BigInt, from JavaScript) is named as data errors quote values: `must be a
 * date written YYYY-MM-DD, not 20260101`.
 */
export function notADate(value: unknown): string {
  if (typeof value !== 'string') return `must be a date written YYYY-MM-DD, not ${quoteAny(value)}`;
  const m = DATE.exec(value);
  if (!m) return `must be a date written YYYY-MM-DD, not ${quoteAny(value)}`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const why =
    month < 1 || month > 12
      ? `there is no month ${m[2]}`
      : `${capitalized(monthNames[month - 1] as string)} ${m[1]} has ${daysInMonth(year, month)} days`;
  return `is ${value}, which is not a day of the calendar (${why})`;
}

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The `YYYY-MM-DD` text of a day number. */
export function formatDate(dayNumber: number): string {
  const { year, month, day } = civil(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date `months` months later, kept within the month (31 January + 1 month is 28 or 29 February). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civil(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return dayOf(y, mo, Math.min(day, daysInMonth(y, mo)));
}

/** Whole months from one date to another (negative when `to` is before `from`). */
export function monthsBetween(from: number, to: number): number {
  if (to < from) return -monthsBetween(to, from);
  const a = civil(from);
  const b = civil(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}
