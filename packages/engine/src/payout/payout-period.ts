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
 * Hypothetical records dated in closed periods are corrections of those periods once they close:
 * the balances the closed periods' projections carry out are carried into the later periods'
 * (`Ledger.projectedOpening`), and what they give a `paid year to date` earning is counted by the
 * closed periods' rules, not by the later ones' (`YearToDate.estimatedFromClosed`), as the
 * recalculation would count their corrections.
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

/** `Σ lines`. */
function totalOf(lines: RuleLines): Dec {
  let total = ZERO;
  for (const line of inOrder(lines)) total = total.plus(amountOf(line.amount));
  return total;
}

/** The sum of the earnings' estimates. */
function estimateOf(statement: Statement): Dec {
  let estimate = ZERO;
  for (const earning of statement.earnings) estimate = estimate.plus(amountOf(earning.estimate));
  return estimate;
}

/** What the estimated payout adds to the payout, with the projected lines and the balances they carry out. */
interface Projection {
  change: Dec;
  /** `undefined` when nothing was projected: the lines and balances are those of the payout. */
  projected: { lines: RuleLines; balances: Map<string, Dec> } | undefined;
}

/**
 * What the estimated payout adds to the payout: the earnings' estimates (`estimate`, all of them),
 * and how holdbacks, draws and guarantees change when the earnings of `own` include theirs (its
 * own part: without what hypothetical records of closed periods give a `paid year to date`
 * earning), from the balances `opening` (those the estimates of closed periods would carry in).
 * `shifted`: those differ from the balances the payout opened on. Zero when nothing is hypothetical.
 */
function projectedChange(
  env: LineEnv,
  own: Statement,
  earned: Dec,
  terms: PeriodTerms,
  opening: ReadonlyMap<string, Dec>,
  shifted: boolean,
  real: RuleLines,
  estimate: Dec,
): Projection {
  const rules = terms.draws.length + terms.guarantees.length + terms.holdbacks.length;
  if (rules === 0 || (!shifted && own.earnings.every((e) => amountOf(e.estimate).isZero())))
    return { change: estimate, projected: undefined };
  const balances = new Map(opening);
  const lines = ruleLines(env, own, terms, earned.plus(estimateOf(own)), balances, true);
  return { change: estimate.plus(totalOf(lines)).minus(totalOf(real)), projected: { lines, balances } };
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
 * What the hypothetical records of each paid statement of a closed period would correct there,
 * worked out when asked (only recalculation asks, once every statement of the run is paid): how
 * its holdbacks, draws and guarantees would change, and what its `paid year to date` earnings
 * would pay that no later period takes in. Keyed by the statement object: nothing global, nothing
 * in the results.
 */
const ESTIMATED = new WeakMap<
  Statement,
  { rules: () => RuleChanges; yearToDate: () => ReadonlyMap<string, Dec> }
>();

/** The lines {@link ruleChangesOf} finds, and what changes them. */
export interface RuleChanges {
  changes: RuleChange[];
  /**
   * `own`: the period's own hypothetical records; `carried`: those of earlier closed periods,
   * through the balances they would carry in; `both`.
   */
  from: 'own' | 'carried' | 'both';
}

const NO_CHANGES: RuleChanges = { changes: [], from: 'own' };

/**
 * The lines of `statement`'s holdbacks, draws and guarantees that its hypothetical records would
 * change, counting the estimates of its earnings as the rules count them (a `paid year to date`
 * earning's without what hypothetical records of earlier closed periods give it: those periods'
 * own lines count that); none for a statement {@link payoutPeriod} did not pay, or one without
 * estimates or such rules.
 */
export function ruleChangesOf(statement: Statement): RuleChanges {
  return ESTIMATED.get(statement)?.rules() ?? NO_CHANGES;
}

/**
 * What the hypothetical records of `statement` (a closed period's, paid by {@link payoutPeriod})
 * would correct on its `paid year to date` earnings that no later period of the run takes in, by
 * earning id (`YearToDate.estimatesNotTakenIn`); none for another statement.
 */
export function yearToDateEstimatesOf(statement: Statement): ReadonlyMap<string, Dec> {
  return ESTIMATED.get(statement)?.yearToDate() ?? NO_ESTIMATES;
}

const NO_ESTIMATES: ReadonlyMap<string, Dec> = new Map();

/** The lines of `real` that the `projected` ones (on the earnings with their estimates) change. */
function ruleChanges(real: RuleLines, projected: RuleLines): RuleChange[] {
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
 * closed periods it pays (`absorbed`, by earning id), its estimate without what hypothetical
 * records dated in closed periods give it (`estimated`, by earning id: if they closed, it would
 * be such a correction), and `earned` without the corrections.
 */
function ownPart(
  env: LineEnv,
  statement: Statement,
  absorbed: ReadonlyMap<string, Dec>,
  estimated: ReadonlyMap<string, Dec>,
): { own: Statement; earned: Dec } {
  let earned = amountOf(statement.earned);
  if (absorbed.size === 0 && estimated.size === 0) return { own: statement, earned };
  for (const part of absorbed.values()) earned = earned.minus(part);
  const earnings = statement.earnings.map((e) => {
    const part = absorbed.get(e.id);
    const fromClosed = estimated.get(e.id);
    if (!part && !fromClosed) return e;
    const own = { ...e };
    if (part) own.amount = lineText(amountOf(e.amount).minus(part), env.rounding);
    if (fromClosed) own.estimate = lineText(amountOf(e.estimate).minus(fromClosed), env.rounding);
    return own;
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
  const { own, earned } = ownPart(env, statement, absorbed, ledger.estimatedFromClosed(statement.period));
  const clawbacks = clawbackLines(env, terms.cancellations, statement, ledger);
  const real = ruleLines(env, own, terms, earned, balances, false);
  noteAbsorbed(env, real, absorbed, ledger.absorbedParts(statement.period));
  const manual = manualLines(env, terms.manual, terms.manualElement);
  const adjustments: AdjustmentLine[] = [...inOrder(real), ...clawbacks, ...manual];
  const names = [
    ...terms.draws.filter((t) => t.draw.recoverable).map((t) => drawBalance(t.draw)),
    ...terms.holdbacks.map((t) => holdbackBalance(t.holdback)),
  ];
  // If the hypothetical records of closed periods closed, those periods would carry other balances
  // in (`shifted`); the estimate counts them, and so do the estimated corrections of closed periods.
  const shifted = ledger.projectedOpening(statement.start);
  const projection = projectedChange(
    env,
    own,
    earned,
    terms,
    shifted ?? opening,
    shifted !== undefined,
    real,
    estimateOf(statement),
  );
  const paid = settle(
    env,
    statement,
    adjustments,
    balancesRecord(names, balances, env),
    from,
    projection.change,
  );
  const closed = ledger.isClosed(statement.period);
  const { projected } = projection;
  if (closed) {
    const estimates = own.earnings.some((e) => !amountOf(e.estimate).isZero());
    const cause = !shifted ? 'own' : estimates ? 'both' : 'carried';
    ESTIMATED.set(paid, {
      rules: () => (projected ? { changes: ruleChanges(real, projected.lines), from: cause } : NO_CHANGES),
      yearToDate: () => ledger.estimatesNotTakenIn(statement.period),
    });
  }
  ledger.add(paid);
  // What this period would carry out: a closed one with its hypothetical records closed (they
  // would correct it); any other without its own (each is estimated on its own), but from the
  // balances the closed periods' would carry in.
  if (closed && projected) ledger.setProjected(statement.period, projected.balances);
  else if (!closed && shifted) {
    const carried = new Map(shifted);
    ruleLines(env, own, terms, earned, carried, false);
    ledger.setProjected(statement.period, carried);
  }
  return paid;
}
