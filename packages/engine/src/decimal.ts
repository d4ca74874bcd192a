/**
 * The engine's decimal type: decimal.js configured for money. 50 significant digits keep every
 * sum and product of realistic amounts exact; only divisions can round, and then at the 50th
 * digit. Values print in plain notation (never `1e-7`), so strings are canonical.
 */
import DecimalJs from 'decimal.js';

/** Exact decimal arithmetic for money, rates and measures. */
export const Dec = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** A decimal of the engine. */
export type Dec = InstanceType<typeof Dec>;

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
  return value.isZero() ? '0' : value.toString();
}

/** The sum of decimals (a loop: safe for a million values, unlike `Dec.sum(...values)`). */
export function sumOf(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
