/**
 * Reading raw input values (CSV text or JSON scalars) as typed values, exactly: numbers with
 * decimal.js, never `parseFloat`. A reader returns the value or a {@link Bad} explaining why not.
 */
import type { Type } from '@attain/dsl';
import { Dec, PRECISION } from '../decimal.js';
import type { Value } from '../evaluate/value.js';
import type { DataErrorCode } from '../results/results.js';
import { quoteAny, textOf } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import type { RawValue } from './dataset.js';

/** Why a raw value could not be read. */
export class Bad {
  constructor(
    readonly code: DataErrorCode,
    /** Completes "…, which …": `is not a number`. */
    readonly why: string,
  ) {}
}

/** Reads one present (non-empty) raw value. */
export type Reader = (raw: string | number | boolean) => Value | Bad;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN = /^[+-]?\d{1,20}(?:\.\d{1,20})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** True for a JSON object (not `null`, not a list): data from JSON is not trusted to have the shape it should. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list as given, or an empty one in place of anything else (data from JSON is not trusted). */
export function asList<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** True when `row` is a row number: a whole number from 1 (see `checkRowNumbers`). */
export function isRowNumber(row: unknown): row is number {
  return typeof row === 'number' && Number.isSafeInteger(row) && row >= 1;
}

/**
 * The 1-based row of an input entry, as every error and result names it: its `row` when it is a
 * row number, else its position from 1 (`i` is its index in its list).
 */
export function rowOf(entry: { row?: number } | null | undefined, i: number): number {
  const row = entry?.row;
  return isRowNumber(row) ? row : i + 1;
}

/**
 * A raw value as the engine reads an id or a key: text trimmed (`undefined` when blank), a number
 * as its text (`7` is "7"); anything else is no id.
 */
export function idText(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  return typeof raw === 'string' && !isMissing(raw) ? trimmed(raw) : undefined;
}

/**
 * Why a value given where a text or an id is expected is of the wrong kind (said after `owner is
 * NaN, which `), or `undefined` when it is a text, a finite number or no value at all. From
 * JavaScript an id may arrive as `NaN` or `Infinity`: never read as the text "NaN".
 */
export function notText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined || typeof raw === 'string') return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return undefined;
  return typeof raw === 'boolean' ? 'is a boolean, not a text' : 'is not a text';
}

/** `text` trimmed: the text itself, without a new string, when it starts and ends printable ASCII. */
export function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** True for "no value": `null`, `undefined`, or text that is empty after trimming. */
export function isMissing(raw: RawValue | undefined): raw is null | undefined | '' {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  // Nearly every text starts and ends with a printable ASCII character: not blank, no trim needed.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return false;
  return raw.trim() === '';
}

/**
 * The largest power of ten a read number may reach either way: `1e30`, `9.9e30` and `1e-30` are
 * read, `1e31` and `9e-31` are not (the exponent of the first significant digit is at most 30
 * either way). Plain decimals (at most 20 digits each side of the point) always
 * fit; the bound keeps an exponent such as `1e600000000` from becoming a number whose plain text
 * (every result prints decimals in full) does not fit in memory.
 */
export const MAX_DECIMAL_EXPONENT = 30;

/**
 * Reads a decimal from text or a finite JSON number; `undefined` if it is not one, or if it has
 * more than {@link PRECISION} significant digits or lies beyond 10^±{@link MAX_DECIMAL_EXPONENT}.
 */
export function readDecimal(raw: string | number | boolean): Dec | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? usable(new Dec(raw)) : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  // Plain decimals (`1200.50`, `-3`), nearly every value of a CSV file, are always finite, exact
  // and in range: only an exponent or a long run of digits can leave it.
  if (PLAIN.test(text)) return new Dec(text);
  if (!NUMBER.test(text)) return undefined;
  const value = new Dec(text);
  // An exponent below decimal.js's range reads as zero: only a written zero is zero.
  if (value.isZero()) return ZERO_TEXT.test(text) ? value : undefined;
  return usable(value);
}

const ZERO_TEXT = /^[+-]?0*\.?0*(e|$)/i;

/** The decimal if it is finite and in range (see {@link readDecimal}); a zero always is. */
function usable(value: Dec): Dec | undefined {
  if (value.isZero()) return value;
  const inRange = value.isFinite() && Math.abs(value.e) <= MAX_DECIMAL_EXPONENT;
  return inRange && value.sd() <= PRECISION ? value : undefined;
}

/** Why a number written correctly is not read: see {@link MAX_DECIMAL_EXPONENT}. */
const BEYOND = `is beyond the numbers a plan reads (below 10^${MAX_DECIMAL_EXPONENT + 1} and, other than zero, at least 10^-${MAX_DECIMAL_EXPONENT} in size, with at most ${PRECISION} significant digits)`;

/**
 * Why {@link readDecimal} left a value unread, said after it (`rate is "…", which …`): a number of
 * too many digits, or too large or small, is beyond the numbers a plan reads; else not a number.
 */
export function unreadNumber(raw: string | number | boolean): string {
  return isNumberBeyondRange(raw) ? BEYOND : 'is not a number';
}

/** True for a number that {@link readDecimal} leaves unread only for its size or its digits. */
function isNumberBeyondRange(raw: string | number | boolean): boolean {
  if (typeof raw === 'number') return Number.isFinite(raw);
  return typeof raw === 'string' && NUMBER.test(raw.trim());
}

/** True for an ISO 4217-shaped code (three capital letters). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY.test(code);
}

/** Money as read: the amount and, when written with it (`"1200.50 EUR"`), the currency. */
export interface RawMoney {
  amount: Dec;
  currency?: string;
}

/** Reads money: a decimal, optionally followed by a space and a currency code. */
export function readMoney(raw: string | number | boolean): RawMoney | Bad {
  if (typeof raw === 'boolean') return new Bad('bad-type', 'is a boolean, not an amount');
  const direct = readDecimal(raw);
  if (direct) return { amount: direct };
  if (isNumberBeyondRange(raw)) return new Bad('bad-number', BEYOND);
  const parts = textOf(raw).trim().split(/\s+/);
  const amount = parts.length === 2 ? readDecimal(parts[0] as string) : undefined;
  if (!amount) return new Bad('bad-number', 'is not an amount (write it like 1200.50 or 1200.50 EUR)');
  const currency = (parts[1] as string).toUpperCase();
  if (!isCurrencyCode(currency))
    return new Bad('unknown-currency', `ends in ${quoteAny(parts[1])}, not a currency code`);
  return { amount, currency };
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/**
 * The reader of a declared type, except Money (see {@link readMoney}). Payee references are
 * checked against the payees by the caller, which knows them.
 */
export function readerFor(type: Type, calendar: FiscalCalendar): Reader {
  switch (type.kind) {
    case 'Number':
      return (raw) => readDecimal(raw) ?? new Bad('bad-number', unreadNumber(raw));
    case 'Integer':
      return (raw) => {
        const value = readDecimal(raw);
        if (!value) return new Bad('bad-integer', 'is not a whole number');
        return value.isInteger() ? value : new Bad('bad-integer', 'is not a whole number');
      };
    case 'Percent':
      return (raw) => {
        if (typeof raw === 'string' && raw.trim().endsWith('%')) {
          const value = readDecimal(raw.trim().slice(0, -1));
          return value ? value.div(100) : new Bad('bad-percent', 'is not a percentage (write 12% or 0.12)');
        }
        return readDecimal(raw) ?? new Bad('bad-percent', 'is not a percentage (write 12% or 0.12)');
      };
    case 'Date':
      return (raw) => {
        const day = typeof raw === 'string' ? parseDate(raw.trim()) : undefined;
        return day ?? new Bad('bad-date', 'is not a date (write it as YYYY-MM-DD)');
      };
    case 'Period':
      return (raw) => {
        const period = typeof raw === 'string' ? calendar.parse(raw) : undefined;
        return period ?? new Bad('bad-period', 'is not a period (write 2026-Q1, 2026-H1, 2026-03 or FY2026)');
      };
    case 'Boolean':
      return (raw) => {
        if (typeof raw === 'boolean') return raw;
        const text = textOf(raw).trim().toLowerCase();
        if (TRUE.has(text)) return true;
        if (FALSE.has(text)) return false;
        return new Bad('bad-boolean', 'is not true or false');
      };
    case 'Text':
    case 'Payee':
      return (raw) => {
        if (typeof raw === 'string') return raw.trim();
        if (typeof raw === 'number' && Number.isFinite(raw)) return new Dec(raw).toString();
        // NaN, the infinities, a boolean, a list or an object (JSON data may hold anything,
        // JavaScript more) is no text.
        return new Bad('bad-type', notText(raw) ?? 'is not a text');
      };
    default:
      return () => new Bad('bad-type', `cannot be read as ${type.kind}`);
  }
}

/** How many distinct texts a {@link memoized} reader remembers. */
const MEMO_LIMIT = 4096;

/**
 * A reader that remembers what it read for the first {@link MEMO_LIMIT} distinct texts. Values
 * are immutable (decimals, day numbers, booleans, texts), so the records of a column that repeats
 * a few values (dates, term months, stages, owners) share them instead of each holding its own
 * copy, and equal texts are one string (compared by reference). Once it is full, a reader that
 * finds fewer than half of its texts stops looking: a column of ids only pays for the first
 * lookups.
 */
export function memoized(read: Reader): Reader {
  const seen = new Map<string, Value | Bad>();
  let lookups = 0;
  let hits = 0;
  let useful = true;
  return (raw) => {
    if (!useful || typeof raw !== 'string') return read(raw);
    let value = seen.get(raw);
    if (value === undefined) {
      value = read(raw);
      if (seen.size < MEMO_LIMIT) seen.set(raw, value);
    } else hits++;
    if (++lookups === MEMO_LIMIT * 4) {
      useful = hits * 2 >= lookups;
      if (!useful) seen.clear();
    }
    return value;
  };
}
