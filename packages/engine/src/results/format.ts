/**
 * Money as text in results: with exactly the declared decimals where the plan rounds it, and in
 * full precision where it does not (yet).
 */
import type { Rounding } from '@attain/dsl';
import { type Dec, decText } from '../decimal.js';
import { fixed } from '../round/round.js';

/** Formats amounts of one plan. */
export class MoneyFormat {
  constructor(private readonly rounding: Rounding) {}

  /** An earning amount or line: fixed decimals unless rounding happens only at the payout. */
  earned(value: Dec): string {
    return this.rounding.point === 'payout' ? decText(value) : fixed(value, this.rounding.decimals);
  }

  /** A rounded payout. */
  payout(value: Dec): string {
    return fixed(value, this.rounding.decimals);
  }

  /** An exact amount (credits, quotas). */
  exact(value: Dec): string {
    return decText(value);
  }
}
