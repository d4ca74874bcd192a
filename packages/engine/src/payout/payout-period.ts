/**
 * The payout of one statement: its terms applied in a fixed order to the balances carried in.
 *
 * Order: clawbacks (they read the lines paid so far), holdbacks (on each earning's amount), draws
 * (on `earned`), guarantees (on `earned` plus draws), manual adjustments. The statement lists them
 * as draws, guarantees, holdbacks, clawbacks, manual. Then `payout = earned + Σ adjustments`,
 * rounded at the declared point.
 *
 * The estimated payout is the payout if every hypothetical record closed: holdbacks, draws and
 * guarantees are worked out again on the earnings plus their estimates, from the same balances
 * carried in (a copy: the projection never changes a balance, a line or the payout); clawbacks and
 * manual lines are the same as in the payout (hypothetical records are never paid, so never clawed back).
 *
 * In a recalculation, a `paid year to date` earning may pay in its amount the corrections of
 * closed periods (it takes off what they reported: `recalc/year-to-date.ts`). Holdbacks, draws and
 * guarantees count only the period's own part, as a single run over the corrected data would: the
 * closed periods' own holdbacks, draws and guarantees are corrected by recalculation lines, and
 * counting the correction here too would lower this period's draw or guarantee a second time.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement, TraceInput } from '../results/results.js';
import { clawbackLines } from './clawbacks.js';
import { drawBalance, drawLines } from './draws.js';
import { guaranteeLines } from './guarantees.js';
import { holdbackBalance, holdbackLines } from './holdbacks.js';
import type { Ledger } from './ledger.js';
import type { LineEnv } from './lines.js';
import { manualLines } from './manual.js';
import { amountOf, lineText } from './money.js';
import { balancesRecord, settle } from './settle.js';
import type { PeriodTerms } from './terms.js';

/** The lines of the payout rules that depend on what the period earns. */
interface RuleLines {
  draws: AdjustmentLine[];
  guarantees: AdjustmentLine[];
  holdbacks: AdjustmentLine[];
}

/** Holdbacks, draws and guarantees on `earned` (with `projected`, earnings count with their estimates). */
function ruleLines(
  env: LineEnv,
  statement: Statement,
  terms: PeriodTerms,
  earned: Dec,
  balances: Map<string, Dec>,
  projected: boolean,
): RuleLines {
  const holdbacks = holdbackLines(env, terms.holdbacks, statement, balances, projected);
  const draws = drawLines(env, terms.draws, earned, balances);
  let base = earned;
  for (const line of draws) base = base.plus(amountOf(line.amount));
  const guarantees = guaranteeLines(env, terms.guarantees, base);
  return { draws, guarantees, holdbacks };
}

/** `earned + Σ lines`. */
function sumOf(earned: Dec, lines: RuleLines): Dec {
  let total = earned;
  for (const line of [...lines.draws, ...lines.guarantees, ...lines.holdbacks])
    total = total.plus(amountOf(line.amount));
  return total;
}

/**
 * What the estimated payout adds to the payout: the earnings' estimates, and how holdbacks, draws
 * and guarantees change when the earnings include them. Zero when nothing is hypothetical.
 */
function projectedChange(
  env: LineEnv,
  statement: Statement,
  earned: Dec,
  terms: PeriodTerms,
  opening: ReadonlyMap<string, Dec>,
  real: RuleLines,
): Dec {
  let estimate = ZERO;
  for (const earning of statement.earnings) estimate = estimate.plus(amountOf(earning.estimate));
  const rules = terms.draws.length + terms.guarantees.length + terms.holdbacks.length;
  if (rules === 0 || statement.earnings.every((e) => amountOf(e.estimate).isZero())) return estimate;
  const projectedEarned = earned.plus(estimate);
  const projected = ruleLines(env, statement, terms, projectedEarned, new Map(opening), true);
  return sumOf(projectedEarned, projected).minus(sumOf(earned, real));
}

/**
 * The statement as holdbacks, draws and guarantees see it: each earning without the corrections of
 * closed periods it pays (`absorbed`, by earning id), and `earned` without them all.
 */
function ownPart(
  env: LineEnv,
  statement: Statement,
  absorbed: ReadonlyMap<string, Dec>,
): { own: Statement; earned: Dec } {
  let earned = amountOf(statement.earned);
  if (absorbed.size === 0) return { own: statement, earned };
  for (const part of absorbed.values()) earned = earned.minus(part);
  const earnings = statement.earnings.map((e) => {
    const part = absorbed.get(e.id);
    return part ? { ...e, amount: lineText(amountOf(e.amount).minus(part), env.rounding) } : e;
  });
  return { own: { ...statement, earnings }, earned };
}

/** Says on a holdback, draw or guarantee line which corrections of closed periods it did not count. */
function noteAbsorbed(env: LineEnv, lines: RuleLines, absorbed: ReadonlyMap<string, Dec>): void {
  if (absorbed.size === 0) return;
  const inputs: TraceInput[] = [...absorbed].map(([id, part]) => ({
    name: `not counted: what ${id} pays for closed periods`,
    value: lineText(part, env.rounding),
    unit: env.currency,
  }));
  for (const line of [...lines.draws, ...lines.guarantees, ...lines.holdbacks])
    line.trace.inputs.push(...inputs);
}

/**
 * Pays one statement (earnings filled, adjustments empty) of a payee whose earlier statements are
 * in `ledger`; returns the paid statement, which replaces the fresh one in the ledger.
 */
export function payoutPeriod(
  env: LineEnv,
  statement: Statement,
  terms: PeriodTerms,
  ledger: Ledger,
): Statement {
  ledger.add(statement);
  const { from, balances } = ledger.opening(statement.start);
  const opening = new Map(balances);
  const absorbed = ledger.absorbed(statement);
  const { own, earned } = ownPart(env, statement, absorbed);
  const clawbacks = clawbackLines(env, terms.cancellations, statement, ledger);
  const real = ruleLines(env, own, terms, earned, balances, false);
  noteAbsorbed(env, real, absorbed);
  const manual = manualLines(env, terms.manual, terms.manualElement);
  const adjustments: AdjustmentLine[] = [
    ...real.draws,
    ...real.guarantees,
    ...real.holdbacks,
    ...clawbacks,
    ...manual,
  ];
  const names = [
    ...terms.draws.filter((t) => t.draw.recoverable).map((t) => drawBalance(t.draw)),
    ...terms.holdbacks.map((t) => holdbackBalance(t.holdback)),
  ];
  const estimate = projectedChange(env, own, earned, terms, opening, real);
  const paid = settle(env, statement, adjustments, balancesRecord(names, balances, env), from, estimate);
  ledger.add(paid);
  return paid;
}
