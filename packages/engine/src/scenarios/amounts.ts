/**
 * Sums and differences of the decimal strings of results, kept exact and written with as many
 * decimals as their terms: amounts rounded to cents (`"4700.00"`) add up to `"9400.00"`, not
 * `"9400"`, while a value with more digits (an unrounded credit, a mean) keeps all of them.
 */
import { Dec, decText, ZERO } from '../decimal.js';
import { fixed } from '../round/round.js';

/** An exact amount and the number of decimals it is written with. */
export interface Amount {
  value: Dec;
  scale: number;
}

/** Zero, written without decimals. */
export const NO_AMOUNT: Amount = { value: ZERO, scale: 0 };

/** The decimals written in a decimal string (`"4700.00"` → 2, `"1e3"` → 0). */
function scaleOf(text: string): number {
  const match = /\.(\d+)(?:[eE]|$)/.exec(text);
  return match?.[1]?.length ?? 0;
}

/** A decimal string of the results as an amount. */
export function amountOf(text: string): Amount {
  return { value: new Dec(text), scale: scaleOf(text) };
}

/** The sum of amounts, with the largest scale among them. */
export function sumAmounts(amounts: Iterable<Amount>): Amount {
  let value = ZERO;
  let scale = 0;
  for (const a of amounts) {
    value = value.plus(a.value);
    scale = Math.max(scale, a.scale);
  }
  return { value, scale };
}

/** `b − a`, with the larger scale of the two. */
export function minus(b: Amount, a: Amount): Amount {
  return { value: b.value.minus(a.value), scale: Math.max(a.scale, b.scale) };
}

/**
 * The text of an amount: with exactly its scale's decimals when its value needs no more
 * (`"9400.00"`), else every digit (a mean such as `"3333.3333…"`). Zero is never negative.
 */
export function amountText(amount: Amount): string {
  return amount.value.decimalPlaces() <= amount.scale
    ? fixed(amount.value, amount.scale)
    : decText(amount.value);
}

/** `a ÷ b` as a full-precision decimal string, or `null` when `b` is zero. */
export function ratioText(a: Dec, b: Dec): string | null {
  return b.isZero() ? null : decText(a.div(b));
}
