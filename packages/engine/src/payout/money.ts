/**
 * Amounts of the payout stage: where they are rounded and how they are written.
 *
 * At `line` and `earning` points every adjustment line is rounded on its own (it is a statement
 * line, and no adjustment is a part split out of a larger total, so there is no remainder to
 * allocate); amounts derived from rounded amounts (a draw shortfall, a recovery, a released
 * balance, a reversed line) stay on the rounding grid, so `payout = earned + Σ adjustments`
 * holds exactly. At the `payout` point lines keep full precision and only the payout is rounded.
 */
import type { Rounding } from '@attain/dsl';
import { readAmount } from '../data/previous.js';
import { Dec, decText, ZERO } from '../decimal.js';
import { fixed, roundTo } from '../round/round.js';

/**
 * Reads an amount of a statement (a decimal string) with {@link readAmount}, the reader that checked
 * the earlier results (`previous`): every amount they hold is read as the check read it (`" 100"`
 * is 100). The run's own amounts are canonical texts; one beyond the numbers data may hold (a sum
 * of amounts near 10^30) is read as written. An unreadable amount is a programmer mistake.
 */
export function amountOf(text: string): Dec {
  return readAmount(text) ?? new Dec(text);
}

/** True when adjustment lines are rounded (points `line` and `earning`). */
export function roundsLines(rounding: Rounding): boolean {
  return rounding.point !== 'payout';
}

/** An adjustment line's amount as paid: rounded at `line`/`earning`, exact at `payout`. */
export function lineAmount(value: Dec, rounding: Rounding): Dec {
  return roundsLines(rounding) ? roundTo(value, rounding.decimals, rounding.mode) : value;
}

/** The text of a line amount or balance: fixed decimals when lines are rounded, else canonical. */
export function lineText(value: Dec, rounding: Rounding): string {
  return roundsLines(rounding) ? fixed(value, rounding.decimals) : decText(value);
}

/** The payout: always rounded at the declared mode and decimals. */
export function payoutAmount(value: Dec, rounding: Rounding): Dec {
  return roundTo(value, rounding.decimals, rounding.mode);
}

/** The text of a payout (`"4700.00"`). */
export function payoutText(value: Dec, rounding: Rounding): string {
  return fixed(value, rounding.decimals);
}

/** The larger of a value and zero. */
export function positive(value: Dec): Dec {
  return value.isNegative() ? ZERO : value;
}
