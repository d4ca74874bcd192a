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

/** The decimal `units × 10^-scale` (exact). */
export function decOf(units: number, scale: number): Dec {
  return new Dec(unitsText(units, scale));
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
