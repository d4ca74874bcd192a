/**
 * References to one number of the results, for {@link explain}.
 */
import type { CreditRole, ResultValue, Trace } from '../results/results.js';

/**
 * Points at one number of a statement: an earning or one of its lines, a credit, what it credits
 * the payee for one record, or one credit line, a measure or metric, a quota, an adjustment, or
 * the payout. A record is named by its key, or `row N` for a source without a key. When the record
 * credits the payee through several lines (owner and overlay, or `to owner share 50%` and `to co
 * share 50%` both naming the payee), `role` and `via` pick lines: `via` is the field a line came
 * through (`CreditLine.via.field`: `co`, `lead`, the account field, the field whose managers are
 * credited) or, for a split source's row, that row's key (`row N` without one). The lines left
 * are explained together: their sum, with each line.
 */
export type ResultRef = { payee: string; period: string } & (
  | { earning: string; line?: string }
  | { credit: string; record?: string; role?: CreditRole; via?: string }
  | { measure: string }
  | { quota: string }
  /** A line id (`draw:new_hire_draw`), or the name of the statement's only line of that name. */
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
