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
 * Their lines say so in their trace; with rounding at payout the recalculation then pays the
 * correction apart from the earning (`paidApart`), and the trace says that instead.
 */
import { compareText } from '../compare-text.js';
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement, TraceInput } from '../results/results.js';
import { clawbackLines } from './clawbacks.js';
import { drawBalance, drawLines } from './draws.js';
import { guaranteeLines } from './guarantees.js';
import { holdbackBalance, holdbackLines } from './holdbacks.js';
import type { Ledger } from './ledger.js';
import type { LineEnv } from './lines.js';
import { manualLines } from './manual.js';
import { amountOf, lineText, roundsLines } from './money.js';
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
  let held = ZERO;
  for (const line of holdbacks) held = held.plus(amountOf(line.amount));
  const draws = drawLines(env, terms.draws, earned, balances, held);
  let base = earned;
  for (const line of draws) base = base.plus(amountOf(line.amount));
  const guarantees = guaranteeLines(env, terms.guarantees, base);
  return { draws, guarantees, holdbacks };
}

/** The lines in the order a statement lists them. */
function inOrder(lines: RuleLines): AdjustmentLine[] {
  return [...lines.draws, ...lines.guarantees, ...lines.holdbacks];
}

/** `earned + Σ lines`. */
function sumOf(earned: Dec, lines: RuleLines): Dec {
  let total = earned;
  for (const line of inOrder(lines)) total = total.plus(amountOf(line.amount));
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
 * What hypothetical records would change on a line of a holdback, draw or guarantee: the line as
 * calculated (`without`, zero when there is none) and as it would be if they closed (`with`).
 */
export interface RuleChange {
  /** The line as calculated, or else as it would be. */
  line: AdjustmentLine;
  without: Dec;
  with: Dec;
}

/**
 * How the holdbacks, draws and guarantees of each paid statement would change if its
 * hypothetical records closed, worked out when asked (only recalculation asks, for closed
 * periods): without the estimates of the earnings `excluded`. Keyed by the statement object:
 * nothing global, nothing in the results.
 */
const RULE_CHANGES = new WeakMap<Statement, (excluded: ReadonlySet<string>) => RuleChange[]>();

/**
 * The lines of `statement`'s holdbacks, draws and guarantees that its hypothetical records would
 * change, counting the estimates of its earnings but those `excluded`; none for a statement
 * {@link payoutPeriod} did not pay, or one without estimates or such rules.
 */
export function ruleChangesOf(statement: Statement, excluded: ReadonlySet<string>): RuleChange[] {
  return RULE_CHANGES.get(statement)?.(excluded) ?? [];
}

/** The lines of `real` that holdbacks, draws and guarantees on the earnings with their estimates change. */
function ruleChanges(
  env: LineEnv,
  statement: Statement,
  terms: PeriodTerms,
  earned: Dec,
  opening: ReadonlyMap<string, Dec>,
  real: RuleLines,
  excluded: ReadonlySet<string>,
): RuleChange[] {
  let estimate = ZERO;
  let some = false;
  const earnings = statement.earnings.map((e) => {
    const own = amountOf(e.estimate);
    if (own.isZero()) return e;
    if (excluded.has(e.id)) return { ...e, estimate: '0' };
    some = true;
    estimate = estimate.plus(own);
    return e;
  });
  if (!some) return [];
  const projected = ruleLines(
    env,
    { ...statement, earnings },
    terms,
    earned.plus(estimate),
    new Map(opening),
    true,
  );
  const was = new Map(inOrder(real).map((line) => [line.id, line]));
  const changes: RuleChange[] = [];
  for (const line of inOrder(projected)) {
    const before = was.get(line.id);
    was.delete(line.id);
    const without = before ? amountOf(before.amount) : ZERO;
    const after = amountOf(line.amount);
    if (!after.eq(without)) changes.push({ line: before ?? line, without, with: after });
  }
  for (const line of was.values()) {
    const without = amountOf(line.amount);
    if (!without.isZero()) changes.push({ line, without, with: ZERO });
  }
  return changes;
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

/**
 * Says on each holdback, draw and guarantee line what of the `paid year to date` earnings it did not
 * count: the corrections of closed periods they take in (`absorbed`, by earning id; `parts`, by
 * earning id, then by the period corrected). When lines are rounded (at `line` or `earning`), the
 * earning pays them in its amount: `not counted: what y pays for closed periods`. With rounding at
 * payout it pays its own part only, and what its year to date takes in of each period's correction
 * is paid apart, on a recalculation line of that period (`paidApart` in `recalc/year-to-date.ts`):
 * `not counted: the correction of 2026-Q1, paid apart from y`.
 */
function noteAbsorbed(
  env: LineEnv,
  lines: RuleLines,
  absorbed: ReadonlyMap<string, Dec>,
  parts: ReadonlyMap<string, ReadonlyMap<string, Dec>>,
): void {
  if (absorbed.size === 0) return;
  const note = (name: string, part: Dec): TraceInput => ({
    name,
    value: lineText(part, env.rounding),
    unit: env.currency,
  });
  const inputs: TraceInput[] = [];
  for (const [id, part] of absorbed) {
    if (roundsLines(env.rounding)) {
      inputs.push(note(`not counted: what ${id} pays for closed periods`, part));
      continue;
    }
    const byPeriod = [...(parts.get(id) ?? [])]
      .filter(([, p]) => !p.isZero())
      .sort(([a], [b]) => compareText(a, b));
    for (const [from, p] of byPeriod)
      inputs.push(note(`not counted: the correction of ${from}, paid apart from ${id}`, p));
  }
  for (const line of inOrder(lines)) line.trace.inputs.push(...inputs);
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
  noteAbsorbed(env, real, absorbed, ledger.absorbedParts(statement.period));
  const manual = manualLines(env, terms.manual, terms.manualElement);
  const adjustments: AdjustmentLine[] = [...inOrder(real), ...clawbacks, ...manual];
  const names = [
    ...terms.draws.filter((t) => t.draw.recoverable).map((t) => drawBalance(t.draw)),
    ...terms.holdbacks.map((t) => holdbackBalance(t.holdback)),
  ];
  const estimate = projectedChange(env, own, earned, terms, opening, real);
  const paid = settle(env, statement, adjustments, balancesRecord(names, balances, env), from, estimate);
  if (terms.draws.length + terms.guarantees.length + terms.holdbacks.length > 0)
    RULE_CHANGES.set(paid, (excluded) => ruleChanges(env, own, terms, earned, opening, real, excluded));
  ledger.add(paid);
  return paid;
}
