/** Decimal helpers: literal values are decimal strings, read with decimal.js, never JS floats. */
import Decimal from 'decimal.js';

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

/** A percent literal's value (`12.5`) as a ratio string (`"0.125"`). */
export function percentRatio(value: string): string | undefined {
  return toDecimal(value)?.div(100).toString();
}
