/**
 * Plan scenarios: the same payees under two plans, or under one plan with two datasets (two quota
 * or territory designs). Each side is calculated with `calculate`, then summarised — total payout
 * and earned, credited revenue, cost of sales, the payout distribution, the share of payees at or
 * above quota, the share earning accelerators, pay for performance — and compared payee by payee.
 */
import type { Plan } from '@attain/dsl';
import { calculate } from '../calculate.js';
import { compareText } from '../compare-text.js';
import type { Dataset } from '../data/dataset.js';
import type { CalculateOptions } from '../data/options.js';
import { Dec, decText, ONE } from '../decimal.js';
import type { Results } from '../results/results.js';
import { acceleratorTiers } from './accelerators.js';
import { type Amount, amountOf, amountText, minus, NO_AMOUNT, ratioText, sumAmounts } from './amounts.js';
import type {
  CalculatedScenario,
  ComparisonDifference,
  PayeeComparison,
  PlanComparison,
  Scenario,
  ScenarioSummary,
} from './comparison.js';
import { pearson } from './correlation.js';
import { creditedRevenue } from './credited-revenue.js';
import { payoutDistribution } from './distribution.js';
import { type PayeeResult, payeeResults } from './payee-outcomes.js';

/** A side summarised, with its payees. */
interface Side {
  summary: ScenarioSummary;
  payees: PayeeResult[];
}

/** `count ÷ of` as a ratio string, `null` when `of` is 0. */
const share = (count: number, of: number): string | null => ratioText(new Dec(count), new Dec(of));

/**
 * The results as far as this side pays them: without the statements returned as reported
 * (`reported: true`), which an earlier run paid (a closed period of a recalculation over
 * `data.previous`, or the copy of a paid statement in the JSON of several runs put together).
 * Counting them would count a payout twice; their corrections are the `recalculation` lines of
 * the current period, which count.
 */
function paidBySide(results: Results): Results {
  const statements = results.statements.filter((s) => s.reported !== true);
  return statements.length === results.statements.length ? results : { ...results, statements };
}

function summarise({ plan, results: all }: CalculatedScenario): Side {
  const results = paidBySide(all);
  const payees = payeeResults(results, acceleratorTiers(plan));
  // Money totals are written with at least the plan's decimals ("0.00", not "0").
  const decimals = plan.header.rounding.decimals;
  const atLeast = (amount: Amount): Amount => ({ ...amount, scale: Math.max(amount.scale, decimals) });
  const payout = atLeast(sumAmounts(payees.map((p) => p.payout)));
  const earned = atLeast(sumAmounts(payees.map((p) => p.earned)));
  const revenue = atLeast(creditedRevenue(results.statements));
  // Attainment x and payout y of the payees who have an attainment, by payee id.
  const pairs = payees.flatMap((p) =>
    p.attainment === null ? [] : [{ x: p.attainment, y: p.payout.value }],
  );
  const atOrAbove = pairs.filter((p) => p.x.gte(ONE)).length;
  const accelerated = payees.filter((p) => p.outcome.accelerated).length;
  const summary: ScenarioSummary = {
    plan: results.meta.plan,
    dataHash: results.meta.dataHash,
    currency: results.meta.currency,
    errors: results.errors,
    rejected: results.rejected,
    warnings: results.warnings.length,
    statements: results.statements.length,
    payees: payees.length,
    payout: amountText(payout),
    earned: amountText(earned),
    creditedRevenue: amountText(revenue),
    costOfSales: ratioText(payout.value, revenue.value),
    distribution: payoutDistribution(payees.map((p) => atLeast(p.payout))),
    quota: { payees: pairs.length, atOrAbove, share: share(atOrAbove, pairs.length) },
    accelerators: { payees: accelerated, share: share(accelerated, payees.length) },
    payForPerformance: pearson(pairs),
  };
  return { summary, payees };
}

/** `b − a` of two amounts, with the larger number of decimals; `null` when either is `null`. */
function delta(a: string, b: string): string;
function delta(a: string | null, b: string | null): string | null;
function delta(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : amountText(minus(amountOf(b), amountOf(a)));
}

/** `b − a` of two ratios or shares, in canonical form (`"0.2"`, `"0"`); `null` when either is `null`. */
function ratioDelta(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : decText(new Dec(b).minus(a));
}

function difference(a: ScenarioSummary, b: ScenarioSummary): ComparisonDifference {
  const da = a.distribution;
  const db = b.distribution;
  return {
    payees: b.payees - a.payees,
    payout: delta(a.payout, b.payout),
    payoutChange: ratioText(minus(amountOf(b.payout), amountOf(a.payout)).value, new Dec(a.payout)),
    earned: delta(a.earned, b.earned),
    creditedRevenue: delta(a.creditedRevenue, b.creditedRevenue),
    costOfSales: ratioDelta(a.costOfSales, b.costOfSales),
    distribution: {
      min: delta(da.min, db.min),
      p10: delta(da.p10, db.p10),
      p25: delta(da.p25, db.p25),
      p50: delta(da.p50, db.p50),
      p75: delta(da.p75, db.p75),
      p90: delta(da.p90, db.p90),
      max: delta(da.max, db.max),
      mean: delta(da.mean, db.mean),
    },
    quotaShare: ratioDelta(a.quota.share, b.quota.share),
    acceleratorShare: ratioDelta(a.accelerators.share, b.accelerators.share),
    payForPerformance: ratioDelta(a.payForPerformance, b.payForPerformance),
  };
}

/** Every payee of either side, by payee id, with the payout difference. */
function payeeComparisons(a: readonly PayeeResult[], b: readonly PayeeResult[]): PayeeComparison[] {
  const inA = new Map(a.map((p) => [p.payee, p]));
  const inB = new Map(b.map((p) => [p.payee, p]));
  const ids = [...new Set([...inA.keys(), ...inB.keys()])].sort(compareText);
  return ids.map((id) => {
    const pa = inA.get(id);
    const pb = inB.get(id);
    const payoutA: Amount = pa?.payout ?? NO_AMOUNT;
    const change = minus(pb?.payout ?? NO_AMOUNT, payoutA);
    return {
      payee: id,
      payeeName: (pa ?? pb)?.payeeName ?? id,
      a: pa?.outcome ?? null,
      b: pb?.outcome ?? null,
      payoutDelta: amountText(change),
      payoutChange: ratioText(change.value, payoutA.value),
    };
  });
}

/**
 * Compares two sides that are already calculated: the plan of each side and its `Results`, over
 * the same periods and in the same currency. Pure and deterministic. Each side counts only the
 * statements it pays: one returned as reported (`reported: true`) was paid by an earlier run and
 * counts nowhere (not in payout, earned, revenue, attainment, the distribution or `statements`). Throws a `RangeError` when the
 * results are not over the same periods or not in the same currency (wrong use of the API): data
 * errors are not thrown but reported in each side's `errors` and `rejected`.
 */
export function compareCalculated(a: CalculatedScenario, b: CalculatedScenario): PlanComparison {
  const ma = a.results.meta;
  const mb = b.results.meta;
  if (ma.currency !== mb.currency)
    throw new RangeError(
      `cannot compare plans paid in ${ma.currency} and ${mb.currency}: the currencies differ`,
    );
  if (ma.periods.join() !== mb.periods.join())
    throw new RangeError(
      `cannot compare results over ${ma.periods.join(', ')} with results over ${mb.periods.join(', ')}`,
    );
  const sideA = summarise(a);
  const sideB = summarise(b);
  return {
    periods: ma.periods,
    mode: ma.mode,
    asOf: ma.asOf,
    currency: ma.currency,
    a: sideA.summary,
    b: sideB.summary,
    difference: difference(sideA.summary, sideB.summary),
    payees: payeeComparisons(sideA.payees, sideB.payees),
  };
}

/**
 * Compares two scenarios — each a plan and the data it runs over — calculated with the same
 * options: two plans over one dataset (a plan change), or one plan over two datasets (two quota or
 * territory designs). Pure and deterministic: the result does not depend on the order of the
 * input records. Never throws on bad data (see each side's `errors` and `rejected`); throws a
 * `RangeError` when the plans are paid in different currencies, and whatever `calculate` throws
 * on wrong options (a period that is not of a plan's period kind).
 */
export function compareScenarios(a: Scenario, b: Scenario, options: CalculateOptions): PlanComparison {
  if (a.plan.header.currency !== b.plan.header.currency) {
    throw new RangeError(
      `cannot compare plans paid in ${a.plan.header.currency} and ${b.plan.header.currency}: the currencies differ`,
    );
  }
  return compareCalculated(
    { plan: a.plan, results: calculate(a.plan, a.data, options) },
    { plan: b.plan, results: calculate(b.plan, b.data, options) },
  );
}

/**
 * Compares two plans over the same data (`compareScenarios` with one dataset): plan A, the current
 * design, and plan B, the proposal. Differences are B − A. A payee assigned to a plan by name
 * (`Payee.plans`) is on plan B only when B has that name too.
 */
export function comparePlans(
  planA: Plan,
  planB: Plan,
  data: Dataset,
  options: CalculateOptions,
): PlanComparison {
  return compareScenarios({ plan: planA, data }, { plan: planB, data }, options);
}
