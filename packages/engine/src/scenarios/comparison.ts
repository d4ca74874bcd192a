/**
 * The shape of a plan scenario comparison: two sides (A, the current design, and B, the
 * proposal), what each costs and how it pays, the difference B − A, and every payee's payout
 * under both. Plain JSON data: money and ratios are decimal strings, counts are JS integers.
 *
 * @packageDocumentation
 */
import type { Plan } from '@attain/dsl';
import type { Dataset } from '../data/dataset.js';
import type { CalculationMode } from '../data/options.js';
import type { DataError, RejectedRecord, Results } from '../results/results.js';

/** One side of a comparison before it is calculated: a plan and the data it runs over. */
export interface Scenario {
  plan: Plan;
  data: Dataset;
}

/** One side of a comparison after `calculate`: the plan and its results. */
export interface CalculatedScenario {
  plan: Plan;
  results: Results;
}

/**
 * Payout per payee over the payees of one side, by the nearest-rank method: with the `n` payouts
 * sorted ascending, the P-th percentile is the value at rank `⌈P × n / 100⌉` (1-based). Every
 * percentile is a payout that some payee receives. `null` when the side has no payees.
 */
export interface PayoutDistribution {
  /** How many payees the distribution is over (payees with at least one statement). */
  payees: number;
  min: string | null;
  p10: string | null;
  p25: string | null;
  p50: string | null;
  p75: string | null;
  p90: string | null;
  max: string | null;
  /** Total payout ÷ payees. */
  mean: string | null;
}

/** One payee on one side, over all the compared periods. */
export interface PayeeOutcome {
  /** How many statements (periods) the payee has on this side. */
  statements: number;
  /** Σ payout of the payee's statements. */
  payout: string;
  /** Σ earned of the payee's statements. */
  earned: string;
  /**
   * The payee's attainment over the periods, a ratio (`"1.2"` is 120%): in one period, the
   * statement's headline attainment; over several, Σ numerator ÷ Σ denominator of the headline
   * attainment measure of each statement. `null` when there is none.
   */
  attainment: string | null;
  /** True when a line of the payee was priced in an accelerator tier (see the reference). */
  accelerated: boolean;
}

/** What one side costs and how it pays. */
export interface ScenarioSummary {
  plan: { name: string; version?: string; hash: string };
  dataHash: string;
  currency: string;
  /** Strict mode: every data error of this side (then it has no statements). */
  errors: DataError[];
  /** Lenient mode: the rows this side left out. */
  rejected: RejectedRecord[];
  /** How many calculation warnings this side has (its `Results.warnings`). */
  warnings: number;
  statements: number;
  /** Payees with at least one statement. */
  payees: number;
  /** Σ payout of every statement. */
  payout: string;
  /** Σ earned of every statement. */
  earned: string;
  /** The credited value of the records of the headline credit, each record counted once. */
  creditedRevenue: string;
  /** `payout ÷ creditedRevenue`, a ratio; `null` when the credited revenue is zero. */
  costOfSales: string | null;
  distribution: PayoutDistribution;
  /** Payees with an attainment, those at or above 100%, and their share of the former. */
  quota: { payees: number; atOrAbove: number; share: string | null };
  /** Payees with a line priced in an accelerator tier, and their share of all payees. */
  accelerators: { payees: number; share: string | null };
  /**
   * Pay for performance: Pearson's correlation between attainment and payout over the payees with
   * an attainment, rounded half up to 10 decimals; `null` with fewer than two such payees or when
   * either varies not at all.
   */
  payForPerformance: string | null;
}

/** B − A for every figure of the summaries; `null` when either side has no value. */
export interface ComparisonDifference {
  payees: number;
  payout: string;
  /** `payout ÷ A's payout`, a ratio (`"0.05"` is +5%); `null` when A pays nothing. Not a difference. */
  payoutChange: string | null;
  earned: string;
  creditedRevenue: string;
  costOfSales: string | null;
  distribution: {
    min: string | null;
    p10: string | null;
    p25: string | null;
    p50: string | null;
    p75: string | null;
    p90: string | null;
    max: string | null;
    mean: string | null;
  };
  /** Difference of the shares of payees at or above quota. */
  quotaShare: string | null;
  /** Difference of the shares of payees earning accelerators. */
  acceleratorShare: string | null;
  payForPerformance: string | null;
}

/** One payee under both sides. */
export interface PayeeComparison {
  payee: string;
  payeeName: string;
  /** `null` when the payee has no statement on that side. */
  a: PayeeOutcome | null;
  b: PayeeOutcome | null;
  /** B's payout − A's payout, a missing side counting as 0. */
  payoutDelta: string;
  /** `payoutDelta ÷ A's payout`, a ratio (`"-0.25"` is −25%); `null` when A's payout is zero or missing. */
  payoutChange: string | null;
}

/** Two plan scenarios compared over the same periods. */
export interface PlanComparison {
  periods: string[];
  mode: CalculationMode;
  asOf: string;
  currency: string;
  a: ScenarioSummary;
  b: ScenarioSummary;
  difference: ComparisonDifference;
  /** Every payee with a statement on either side, sorted by payee id. */
  payees: PayeeComparison[];
}
