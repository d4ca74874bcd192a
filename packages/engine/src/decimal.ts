/**
 * The engine's decimal type: decimal.js configured for money. 50 significant digits keep every
 * sum and product of realistic amounts exact; only divisions can round, and then at the 50th
 * digit. Values print in plain notation (never `1e-7`), so strings are canonical.
 */
import DecimalJs from 'decimal.js';
import { decimalsOf, rescale, safe, unitsOf, unitsText } from './units.js';

/** Significant digits of every decimal result. */
export const PRECISION = 50;

/** Exact decimal arithmetic for money, rates and measures. */
export const Dec = DecimalJs.clone({
  precision: PRECISION,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** A decimal of the engine. */
export type Dec = InstanceType<typeof Dec>;

/** Differences below this are rounding noise of a division, not money (1e-20). */
export const NEGLIGIBLE: Dec = new Dec('1e-20');

/** Zero, shared. */
export const ZERO: Dec = new Dec(0);
/** One, shared. */
export const ONE: Dec = new Dec(1);

/**
 * A decimal that counts something (days, months, decimal places) as a JS integer: truncated and
 * clamped to `[min, max]` so the JS number is exact. Never used for money.
 */
export function toCount(value: Dec, min: number, max: number): number {
  return value.trunc().clamp(min, max).toNumber();
}

/** The canonical text of a decimal (`"1200.5"`, `"-0.125"`; `-0` prints as `"0"`). */
export function decText(value: Dec): string {
  // Nearly every amount is a safe number of units at a few decimals: printed without decimal.js.
  const scale = decimalsOf(value);
  const units = scale === undefined ? undefined : unitsOf(value, scale);
  if (units !== undefined) return unitsText(units, scale as number);
  return value.isZero() ? '0' : value.toString();
}

/** Minus zero, shared (decimals are immutable). */
const NEGATIVE_ZERO: Dec = new Dec('-0');

/**
 * A decimal of the engine with decimal.js's representation `s`, `e`, `d` (see
 * {@link decOfPlain}): a new zero made by decimal.js (so that it is made as every decimal is, with
 * its own `constructor`, the clone that carries the precision and rounding), given that
 * representation before anyone sees it; the typings call the fields read-only. (An instance made
 * with `Object.create` is four times faster to make, but V8 moves such objects to the old
 * generation: the heap grew by 200 MB over a million records.)
 */
function decimalOf(s: number, e: number, d: number[]): Dec {
  // A copy of ZERO (decimal.js copies its words with slice): `new Dec(0)` would make its words
  // with an array literal, a place V8 may pretenure (see `ValidRecord`).
  const x = new Dec(ZERO) as unknown as { s: number; e: number; d: number[] };
  x.s = s;
  x.e = e;
  x.d = d;
  return x as unknown as Dec;
}

/** Where decOfPlain puts the words of a decimal (at most 7 for 42 characters). */
const SCRATCH: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/** Words of seven decimal digits: decimal.js's base (its `LOG_BASE`). */
const WORD = 7;

/**
 * The decimal of a plain decimal text: an optional sign, digits, and optionally a point followed
 * by digits (`1200.50`, `-3`, `+0.125`; at most 20 digits each side, as `readDecimal` reads
 * them). The same decimal as `new Dec(text)`, its digits in the same words, made without the
 * strings and the digit array that decimal.js's parser builds on the way (a million amounts of
 * a CSV file made that parser the engine's largest allocation). Text of any other shape is read
 * by decimal.js.
 *
 * decimal.js holds a value as a sign `s`, the exponent `e` of its first significant digit, and
 * `d`: the significant digits in words of seven, the first word aligned so that every word
 * covers seven places of the number (`123.45` is `[123, 4500000]`, `0.05` is `[500000]`), the
 * last one padded with zeros. A zero made by decimal.js is given that representation, as its
 * parser gives a new instance; a property test checks every field against `new Dec(text)`.
 */
export function decOfPlain(text: string): Dec {
  const n = text.length;
  if (n === 0 || n > 42) return new Dec(text);
  let start = 0;
  let sign = 1;
  const c0 = text.charCodeAt(0);
  if (c0 === 45) {
    sign = -1;
    start = 1;
  } else if (c0 === 43) start = 1;
  // Where the point is (n without one), and the first and last significant digits.
  let point = n;
  let first = -1;
  let last = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (point !== n || i === start || i === n - 1) return new Dec(text);
      point = i;
    } else if (c < 48 || c > 57) return new Dec(text);
    else if (c !== 48) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (start === n) return new Dec(text);
  if (first < 0) return sign < 0 ? NEGATIVE_ZERO : ZERO; // decimal.js keeps the sign of `-0`
  // The exponent of the first digit, and how many significant digits there are.
  const e = first < point ? point - first - 1 : point - first;
  let head = (e + 1) % WORD;
  if (e < 0) head += WORD;
  if (head === 0) head = WORD;
  const words = SCRATCH;
  let w = 0;
  let word = 0;
  let size = head; // digits the current word holds when full
  let filled = 0;
  for (let i = first; i <= last; i++) {
    if (i === point) continue;
    word = word * 10 + (text.charCodeAt(i) - 48);
    if (++filled === size) {
      words[w++] = word;
      word = 0;
      filled = 0;
      size = WORD;
    }
  }
  if (filled > 0) {
    for (; filled < size; filled++) word *= 10;
    words[w++] = word;
  }
  // The words as an array of their own, made by slice (packed, like decimal.js's own, and from no
  // literal: see decimalOf).
  return decimalOf(sign, e, words.slice(0, w));
}

/** Powers of ten up to 10^7, exact. */
const POW10_WORD = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * The decimal `units × 10^-scale` (exact; `units` a safe integer), made from the number without
 * text: the same decimal as `new Dec(unitsText(units, scale))`, its digits laid out in words as
 * {@link decOfPlain} describes (a property test checks every field). Integer arithmetic on a
 * safe integer only: `%` and division by a power of ten that divides exactly.
 */
export function decOf(units: number, scale: number): Dec {
  if (units === 0) return ZERO;
  if (!Number.isSafeInteger(units)) return new Dec(unitsText(units, scale));
  const sign = units < 0 ? -1 : 1;
  let u = units < 0 ? -units : units;
  let s = scale;
  while (u % 10 === 0) {
    u /= 10;
    s--;
  }
  let n = 1;
  for (let p = 10; p <= u; p *= 10) n++;
  // The exponent of the first digit, and how many digits the first word takes (see decOfPlain).
  const e = n - 1 - s;
  let head = (e + 1) % WORD;
  if (e < 0) head += WORD;
  if (head === 0) head = WORD;
  const count = n <= head ? 1 : 1 + Math.ceil((n - head) / WORD);
  // Zeros after the last digit, to fill the last word to its width.
  const pad = head + WORD * (count - 1) - n;
  const words = SCRATCH;
  let rest = u;
  for (let w = count - 1; w > 0; w--) {
    const take = w === count - 1 ? WORD - pad : WORD;
    const p = POW10_WORD[take] as number;
    const r = rest % p;
    words[w] = w === count - 1 ? r * (POW10_WORD[pad] as number) : r;
    rest = (rest - r) / p;
  }
  words[0] = count === 1 ? rest * (POW10_WORD[pad] as number) : rest;
  return decimalOf(sign, e, words.slice(0, count));
}

/** The sum of decimals (a loop: safe for a million values, unlike `Dec.sum(...values)`). */
export function sumOf(values: Iterable<Dec>): Dec {
  // On exact units while every value and the running sum fit (see units.ts), then on decimals.
  let units = 0;
  let scale = 0;
  let total: Dec | undefined;
  for (const v of values) {
    if (total === undefined) {
      const s = decimalsOf(v);
      if (s !== undefined) {
        const at = Math.max(s, scale);
        const sum = rescale(units, scale, at);
        const u = unitsOf(v, at);
        const next = sum === undefined || u === undefined ? undefined : safe(sum + u);
        if (next !== undefined) {
          units = next;
          scale = at;
          continue;
        }
      }
      total = decOf(units, scale);
    }
    total = total.plus(v);
  }
  return total ?? decOf(units, scale);
}

/**
 * The order of two decimals (-1, 0, 1), as `a.comparedTo(b)` gives it for finite values, read
 * from their digits without the copy of `b` that decimal.js makes for every comparison.
 */
export function compareDec(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.comparedTo(b);
  const as = ad[0] === 0 ? 0 : a.s;
  const bs = bd[0] === 0 ? 0 : b.s;
  if (as !== bs) return as > bs ? 1 : -1;
  if (as === 0) return 0;
  if (a.e !== b.e) return a.e > b.e === as > 0 ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) {
    const x = ad[i] as number;
    const y = bd[i] as number;
    if (x !== y) return x > y === as > 0 ? 1 : -1;
  }
  if (ad.length === bd.length) return 0;
  return ad.length > bd.length === as > 0 ? 1 : -1;
}
