/**
 * Counts written in a plan (periods of a draw or guarantee, days of a clawback, manager levels, a
 * territory's priority): whole numbers the Plan carries as JS numbers, so at most
 * {@link MAX_COUNT}, beyond which a JS number is no longer exact.
 */
import type { NumberLit } from '../syntax/ast.js';
import { type CheckContext, report } from './context.js';
import { toDecimal } from './decimal.js';

/** The largest count a plan may write (2^53 - 1); `toCount` reads every count up to it exactly. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * Reports (AT3001) a count that is not a whole number from `min` to {@link MAX_COUNT}. `what`
 * starts the message: "The number of periods".
 */
export function checkCount(ctx: CheckContext, count: NumberLit | undefined, what: string, min = 1): void {
  if (!count) return;
  const value = toDecimal(count.value);
  if (!count.integer || !value || value.lt(min)) {
    report(ctx, 'AT3001', count.range, `${what} must be a whole number of at least ${min}`);
  } else if (value.gt(MAX_COUNT)) {
    report(ctx, 'AT3001', count.range, `${what} must be at most ${MAX_COUNT}, not ${count.value}`);
  }
}
