/**
 * Largest-remainder allocation: rounds parts so that they add up exactly to a rounded total.
 */
import { Dec, sumOf, toCount } from '../decimal.js';

/** Decimals to which remainders are compared: finer differences are division noise (see `NEGLIGIBLE`). */
const REMAINDER_DECIMALS = 20;

/**
 * Rounds each of `parts` to a multiple of 10^-decimals so that the results add up exactly to
 * `total` (itself such a multiple). Each part is first rounded down; the units still missing go,
 * one each, to the parts with the largest remainders (the earlier part on a tie, remainders being
 * compared to {@link REMAINDER_DECIMALS} decimals). If the total is
 * below the rounded-down parts, units are taken from the parts with the smallest remainders (the
 * later part on a tie). No part moves more than needed.
 */
export function allocate(parts: readonly Dec[], total: Dec, decimals: number): Dec[] {
  const n = parts.length;
  if (n === 0) return [];
  const unit = new Dec(1).div(new Dec(10).pow(decimals));
  const floors = parts.map((p) => p.toDecimalPlaces(decimals, Dec.ROUND_FLOOR));
  const units = total.minus(sumOf(floors)).div(unit).round();
  const result = floors.slice();
  // Spread whole rounds evenly first (only when the total is far from the parts, e.g. a floor top-up).
  // Kept as a decimal: the units missing can be any amount; only the remainder (|r| < n) is counted.
  const rounds = units.divToInt(n);
  if (!rounds.isZero()) {
    const step = unit.times(rounds);
    for (let i = 0; i < n; i++) result[i] = (result[i] as Dec).plus(step);
  }
  const missing = toCount(units.minus(rounds.times(n)), -n, n);
  if (missing === 0) return result;
  // Remainders are compared to 20 decimals: beyond, a difference is the noise of a division at 50
  // digits (100 / 3 as prefix differences gives 33.33…33 and 33.33…34), and equal parts must tie.
  const order = parts.map((p, i) => ({
    i,
    rem: p.minus(floors[i] as Dec).toDecimalPlaces(REMAINDER_DECIMALS, Dec.ROUND_HALF_UP),
  }));
  if (missing > 0) {
    order.sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
    for (let k = 0; k < missing; k++) {
      const at = (order[k] as (typeof order)[number]).i;
      result[at] = (result[at] as Dec).plus(unit);
    }
  } else {
    order.sort((a, b) => a.rem.comparedTo(b.rem) || b.i - a.i);
    for (let k = 0; k < -missing; k++) {
      const at = (order[k] as (typeof order)[number]).i;
      result[at] = (result[at] as Dec).minus(unit);
    }
  }
  return result;
}
