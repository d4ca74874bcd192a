/**
 * References to one number of the results, for {@link explain}.
 */
import type { CreditRole, ResultValue, Trace } from '../results/results.js';

/**
 * Points at one number of a statement: an earning or one of its lines, a credit or one of its
 * lines, a measure or metric, a quota, an adjustment, or the payout. A credit line is named by its
 * record (the record's key, or `row N` for a source without a key) and, when the record credits
 * the payee in several roles (owner and overlay, say), by its role; without one, the first line.
 */
export type ResultRef = { payee: string; period: string } & (
  | { earning: string; line?: string }
  | { credit: string; record?: string; role?: CreditRole }
  | { measure: string }
  | { quota: string }
  | { adjustment: string }
  | { payout: true }
);

/** What {@link explain} returns: the number, its trace, and a sentence a rep understands. */
export interface Explanation {
  value: ResultValue;
  trace: Trace;
  /** E.g. "12% on the 40,000.00 USD above quota, tier 3 of commission_rates". */
  sentence: string;
}
