/**
 * The exact scaled-integer fast path: a decimal held as a safe JS integer counting units of
 * 10^-scale (`1234.5` at scale 2 is `123450`). Every operation here is exact or reports that it
 * cannot be: a result beyond ±(2^53 − 1) is `undefined`, never a rounded float, and the caller
 * then stays on decimal.js. Hot loops (per-line pricing, sums of credit, line rounding, money
 * text) use units where their inputs fit, and produce the same values, to the last digit, as the
 * decimal.js path.
 *
 * Decimals are read through decimal.js's documented read-only representation (`d`: base 1e7
 * words, the first one without leading zeros; `e`: the base-10 exponent of the leading digit;
 * `s`: the sign), so reading one allocates nothing.
 */
import type { Rounding } from '@attain/dsl';
import type { Dec } from './decimal.js';

/** The largest magnitude a unit count may have: every integer up to it is exact in a double. */
const MAX = Number.MAX_SAFE_INTEGER;

/** The largest scale the fast path uses (10^15 units already leave only one digit above the point). */
export const MAX_SCALE = 15;

/** Powers of ten, all exact doubles. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A safe integer, or `undefined` when `n` left the exact range (or is not a number). */
export function safe(n: number): number | undefined {
  return n <= MAX && n >= -MAX ? n : undefined;
}

/** How many decimal digits the first base-1e7 word of a decimal has (1 to 7). */
function digitsOf(word: number): number {
  return word < 10
    ? 1
    : word < 100
      ? 2
      : word < 1000
        ? 3
        : word < 10000
          ? 4
          : word < 100000
            ? 5
            : word < 1000000
              ? 6
              : 7;
}

/**
 * The number of decimal places of a decimal (`1200.50` is 1, `0.125` is 3, `1200` is 0), or
 * `undefined` when it needs more than {@link MAX_SCALE}.
 */
export function decimalsOf(value: Dec): number | undefined {
  const d = value.d;
  if (!d || d.length === 0) return undefined; // NaN or ±Infinity
  const first = d[0] as number;
  if (first === 0) return 0;
  let last = d[d.length - 1] as number;
  let zeros = 0;
  while (last % 10 === 0) {
    last /= 10;
    zeros++;
  }
  const significant = digitsOf(first) + 7 * (d.length - 1) - zeros;
  const scale = Math.max(0, significant - value.e - 1);
  return scale <= MAX_SCALE ? scale : undefined;
}

/**
 * The decimal as a count of 10^-scale units, or `undefined` when it is not a whole number of
 * such units or the count is not a safe integer.
 */
export function unitsOf(value: Dec, scale: number): number | undefined {
  const d = value.d;
  if (!d || d.length === 0) return undefined;
  const first = d[0] as number;
  if (first === 0) return 0;
  // Word i is worth 10^(shift − 7i) units.
  const shift = value.e - digitsOf(first) + 1 + scale;
  let total = 0;
  for (let i = 0; i < d.length; i++) {
    const word = d[i] as number;
    const p = shift - 7 * i;
    let part: number;
    if (p >= 0) {
      if (p > 22) return undefined;
      part = word * (POW10[p] as number);
    } else {
      if (p < -7) {
        if (word !== 0) return undefined;
        continue;
      }
      const unit = POW10[-p] as number;
      if (word % unit !== 0) return undefined;
      part = word / unit;
    }
    total += part;
    if (part > MAX || total > MAX) return undefined;
  }
  return value.s < 0 ? -total : total;
}

/** Units at a larger scale (`undefined` on overflow). */
export function rescale(units: number, scale: number, to: number): number | undefined {
  return to === scale ? units : safe(units * (POW10[to - scale] as number));
}

/** Splits `n` (any sign) by 10^k into a truncated quotient and a remainder of the same sign as `n`. */
function divide(n: number, k: number): [quotient: number, remainder: number] {
  const p = POW10[k] as number;
  let q = Math.trunc(n / p);
  let r = n - q * p;
  // n / p is a rounded double: correct the quotient by one when it landed on the wrong side.
  if (n >= 0) {
    if (r < 0) {
      q--;
      r += p;
    } else if (r >= p) {
      q++;
      r -= p;
    }
  } else if (r > 0) {
    q++;
    r -= p;
  } else if (r <= -p) {
    q--;
    r += p;
  }
  return [q, r];
}

/**
 * Units at scale `scale` rounded to `decimals` places (returned at scale `decimals`) as the
 * language's rounding modes do: `half-up` (ties away from zero), `half-even`, `down` (toward
 * zero), `up` (away from zero). `undefined` when more decimals overflow.
 */
export function roundUnits(
  units: number,
  scale: number,
  decimals: number,
  mode: Rounding['mode'],
): number | undefined {
  if (decimals >= scale) return rescale(units, scale, decimals);
  const [q, r] = divide(units, scale - decimals);
  if (r === 0) return q;
  const half = (POW10[scale - decimals] as number) / 2;
  const abs = Math.abs(r);
  const away =
    mode === 'up' ||
    (mode === 'half-up' && abs >= half) ||
    (mode === 'half-even' && (abs > half || (abs === half && q % 2 !== 0)));
  return away ? q + Math.sign(r) : q;
}

/** The canonical text of `units × 10^-scale`, as `decText` prints the same decimal (`"1200.5"`, `"0"`). */
export function unitsText(units: number, scale: number): string {
  if (units === 0) return '0';
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  let s = scale;
  while (s > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    s--;
  }
  return (negative ? '-' : '') + point(digits, s);
}

/** The text of `units × 10^-scale` with exactly `scale` decimals (`"4700.00"`; never `"-0.00"`). */
export function fixedUnitsText(units: number, scale: number): string {
  if (units === 0) return scale === 0 ? '0' : `0.${'0'.repeat(scale)}`;
  const negative = units < 0;
  return (negative ? '-' : '') + point(String(negative ? -units : units), scale);
}

/** Puts the decimal point `scale` digits from the right of a digit string, padding with zeros. */
function point(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const padded = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
  return `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}
