/**
 * Values quoted for a message: a text in quotes, cut when long and with its invisible characters
 * written out; any other value as a short readable text. Every data error, warning and API-misuse
 * message that shows a caller's value shows it this way.
 */
import type { RawValue } from '../data/dataset.js';
import { spelledOut } from './spelled-out.js';

/** A raw value quoted for an error message. */
export function quote(raw: RawValue | undefined): string {
  if (raw === undefined) return 'missing';
  return quoteAny(raw);
}

/** How much of a long text a message quotes. */
const QUOTED = 100;

/** A value of any JSON kind as an error message shows it: scalars as {@link quote}, else `a list`, `an object`. */
export function quoteAny(value: unknown): string {
  // A long text (a paragraph pasted into a cell) is cut, with its length: the message stays a line.
  // Invisible characters JSON leaves as they are (a zero-width or non-breaking space, DEL) are
  // written out too: `"12\u200B00"` shows why a number that looks right is not one.
  if (typeof value === 'string')
    return value.length > QUOTED
      ? `${spelledOut(JSON.stringify(value.slice(0, QUOTED))).slice(0, -1)}…" (${value.length.toLocaleString('en-US')} characters)`
      : spelledOut(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  // Only a JavaScript caller can pass these: JSON has none of them.
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? 'a list' : 'an object';
}

/**
 * `String(raw)` that never throws: an object without a prototype (`Object.create(null)`) or whose
 * `toString` throws is `[object Object]`. For values a JavaScript caller may pass where data is read.
 */
export function textOf(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}
