/**
 * Pay for performance: Pearson's correlation between attainment and payout across payees,
 *
 *   r = (n·Σxy − Σx·Σy) / sqrt((n·Σx² − (Σx)²) · (n·Σy² − (Σy)²))
 *
 * computed with the engine's decimals: the sums and products are exact for the short decimals of
 * money and attainment (50 significant digits), then one square root and one division. `r` is 1
 * when payout rises in step with attainment, 0 when it has nothing to do with it.
 */
import { Dec, decText, ZERO } from '../decimal.js';

/** Decimals `r` is rounded to (half up): the square root is irrational in general. */
export const CORRELATION_DECIMALS = 10;

/** One payee: attainment `x` and payout `y`. */
export interface Pair {
  x: Dec;
  y: Dec;
}

/**
 * Pearson's `r` over the pairs, rounded half up to {@link CORRELATION_DECIMALS} decimals, or
 * `null` when it is undefined: fewer than two pairs, or all `x` (or all `y`) equal. Callers pass the
 * pairs in a fixed order (by payee id) so that rounding at the 50th digit is the same on every run.
 */
export function pearson(pairs: readonly Pair[]): string | null {
  const n = pairs.length;
  if (n < 2) return null;
  let sx = ZERO;
  let sy = ZERO;
  let sxx = ZERO;
  let syy = ZERO;
  let sxy = ZERO;
  for (const { x, y } of pairs) {
    sx = sx.plus(x);
    sy = sy.plus(y);
    sxx = sxx.plus(x.times(x));
    syy = syy.plus(y.times(y));
    sxy = sxy.plus(x.times(y));
  }
  const spreadX = sxx.times(n).minus(sx.times(sx));
  const spreadY = syy.times(n).minus(sy.times(sy));
  if (spreadX.lte(0) || spreadY.lte(0)) return null;
  const covariance = sxy.times(n).minus(sx.times(sy));
  const r = covariance.div(spreadX.times(spreadY).sqrt());
  return decText(Dec.min(1, Dec.max(-1, r)).toDecimalPlaces(CORRELATION_DECIMALS, Dec.ROUND_HALF_UP));
}
