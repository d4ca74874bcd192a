/**
 * The distribution of payout over payees, by the nearest-rank method: with the `n` values sorted
 * ascending, the P-th percentile is the value at rank `⌈P × n / 100⌉` (1-based). It never
 * interpolates, so every percentile is a payout some payee receives, exact to the cent, and the
 * percentiles never decrease as P grows.
 */

import { compareDec } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import { type Amount, amountText, sumAmounts } from './amounts.js';
import type { PayoutDistribution } from './comparison.js';

/** The percentiles reported, in percent. */
export const PERCENTILES = [10, 25, 50, 75, 90] as const;

/**
 * The 1-based nearest rank of the `percent`-th percentile among `n` values: `⌈percent × n / 100⌉`,
 * at least 1. Integer arithmetic only. Throws a `RangeError` when `n < 1` or `percent` is not in
 * (0, 100].
 */
export function nearestRank(percent: number, n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`nearestRank: n must be a whole number >= 1, not ${quoteAny(n)}`);
  if (!Number.isInteger(percent) || percent <= 0 || percent > 100)
    throw new RangeError(`nearestRank: percent must be a whole number in 1..100, not ${quoteAny(percent)}`);
  const product = percent * n;
  const remainder = product % 100;
  return Math.max(1, (product - remainder) / 100 + (remainder === 0 ? 0 : 1));
}

/** The values sorted ascending (ties keep their order). */
function ascending(values: readonly Amount[]): Amount[] {
  return [...values].sort((x, y) => compareDec(x.value, y.value));
}

/** The distribution of `payouts` (one per payee), in the order of nothing: the result is the same for any order. */
export function payoutDistribution(payouts: readonly Amount[]): PayoutDistribution {
  const n = payouts.length;
  if (n === 0) {
    return {
      payees: 0,
      min: null,
      p10: null,
      p25: null,
      p50: null,
      p75: null,
      p90: null,
      max: null,
      mean: null,
    };
  }
  const sorted = ascending(payouts);
  // Equal values may be written with different decimals ("0" and "0.00"): print at the widest scale.
  const scale = sorted.reduce((s, a) => Math.max(s, a.scale), 0);
  const at = (rank: number) => amountText({ value: (sorted[rank - 1] as Amount).value, scale });
  const [p10, p25, p50, p75, p90] = PERCENTILES.map((p) => at(nearestRank(p, n)));
  const total = sumAmounts(sorted);
  return {
    payees: n,
    min: at(1),
    p10: p10 ?? null,
    p25: p25 ?? null,
    p50: p50 ?? null,
    p75: p75 ?? null,
    p90: p90 ?? null,
    max: at(n),
    mean: amountText({ value: total.value.div(n), scale }),
  };
}
