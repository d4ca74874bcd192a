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

/** A percent literal's value (`12.5`) as a ratio string (`"0.125"`). */
export function percentRatio(value: string): string | undefined {
  return toDecimal(value)?.div(100).toString();
}
