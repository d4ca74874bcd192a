/** Decimal helpers: literal values are decimal strings, read with decimal.js, never JS floats. */
import DecimalJs from 'decimal.js';

/**
 * Significant digits the checker's arithmetic keeps: far more than any literal a plan keeps
 * exactly (50 significant digits within 10^±30, AT3306) spans, so adding up shares or seasonality
 * and turning a percentage into a ratio never round. (decimal.js keeps 20 by default, which let
 * 50.0000000000000000000001% + 49.9999999999999999999998% add up to 100%.)
 */
export const EXACT_DIGITS = 1_000;

/** decimal.js configured for the checker: exact sums of plan literals, plain rounding otherwise. */
export const Decimal = DecimalJs.clone({ precision: EXACT_DIGITS, rounding: DecimalJs.ROUND_HALF_UP });

/** A decimal of the checker. */
export type Decimal = DecimalJs;

/** The decimal a literal's value denotes, or undefined when it is not a number (after a syntax error). */
export function toDecimal(value: string): Decimal | undefined {
  try {
    return new Decimal(value);
  } catch {
    return undefined;
  }
}

/**
 * A whole-number literal that counts something (periods, days, levels, decimal places, a
 * priority) as a JS integer; undefined when it is not a whole number within the safe-integer
 * range, where a JS number would no longer be exact. Never used for money.
 */
export function toCount(value: string): number | undefined {
  const decimal = toDecimal(value);
  if (!decimal?.isInteger() || decimal.abs().gt(Number.MAX_SAFE_INTEGER)) return undefined;
  return decimal.toNumber();
}

/** A percent literal's value (`12.5`) as a ratio string (`"0.125"`), exactly. */
export function percentRatio(value: string): string | undefined {
  return toDecimal(value)?.div(100).toString();
}
