/**
 * What the plan's payout adjustments say for one payee in one period, with every expression
 * already evaluated: the terms the payout stage applies to a statement. Building them needs the
 * evaluator (see `resolve.ts`); applying them is pure arithmetic on decimals (see `payout-period.ts`),
 * which keeps the payout rules testable on hand-written statements.
 */
import type { Adjustment, Clawback, Draw, Guarantee, Holdback } from '@attain/dsl';
import type { Dec } from '../decimal.js';
import type { RecordRef } from '../results/results.js';

/** A draw in one period. */
export interface DrawTerm {
  draw: Draw;
  /** The draw amount evaluated in the period (plan currency); `null` when it has no value. */
  amount: Dec | null;
  /**
   * 1-based position of the period among the N consecutive calendar periods from the one containing
   * the payee's first day on the plan (`for N periods`), or among all periods from it without `for`;
   * `undefined` when the period is past the draw's periods.
   */
  position: number | undefined;
  /** True in the last period of a fiscal year (or the period the plan ends in): the true-up point. */
  yearEnd: boolean;
}

/** A guarantee in one period. */
export interface GuaranteeTerm {
  guarantee: Guarantee;
  /** The guaranteed minimum evaluated in the period; `null` when it has no value. */
  amount: Dec | null;
  /** 1-based position of the period among the guarantee's N periods; `undefined` outside them. */
  position: number | undefined;
}

/** A holdback in one period. */
export interface HoldbackTerm {
  holdback: Holdback;
  /**
   * True when the balance is released in this period (the period contains or follows the release
   * date, or the release condition holds in it): nothing is kept back and the whole balance is paid.
   * False: the share of the earning is kept back.
   */
  release: boolean;
  /** Why it is released, for the trace (`on 2027-01-31`, `gross_retention >= 90% holds`). */
  why: string;
}

/** A record of a clawback's source cancelled in the period. */
export interface Cancellation {
  clawback: Clawback;
  record: RecordRef;
  /** Day number of the record's dated field (its close date). */
  dated: number;
  /** Day number of the cancellation (inside the period). */
  cancelled: number;
}

/** A manual adjustment from data for the period, converted to the plan currency. */
export interface ManualTerm {
  id: string;
  /** The amount in the plan currency, before rounding. */
  amount: Dec;
  /** The amount and currency as given in the data. */
  original: Dec;
  currency: string;
  /** The FX rate used (1 when already in the plan currency). */
  rate: Dec;
  /** The rate as the text of the line writes it (`1 / 0.9` for a rate given the other way); else `rate`. */
  rateText?: string;
  /** The day whose FX rate was used (the period's last day). */
  rateDate: string;
  reason: string;
  earning: string | undefined;
}

/** Everything the payout stage applies to one statement. */
export interface PeriodTerms {
  draws: DrawTerm[];
  guarantees: GuaranteeTerm[];
  holdbacks: HoldbackTerm[];
  cancellations: Cancellation[];
  manual: ManualTerm[];
  /** The plan's `adjustment ... from data` declaration, named on manual lines. */
  manualElement: Adjustment | undefined;
}

/** Terms with nothing in them. */
export function noTerms(): PeriodTerms {
  return {
    draws: [],
    guarantees: [],
    holdbacks: [],
    cancellations: [],
    manual: [],
    manualElement: undefined,
  };
}
