/**
 * The payout stage: turns a payee's statements (earnings filled) into paid statements —
 * adjustments (draws, guarantees, holdbacks, clawbacks, manual and recalculation lines), payout,
 * estimated payout, balances and the payout trace — and keeps closed periods as reported before.
 *
 * `calculate` calls {@link applyPayout} once per payee, after the payee's statements of every
 * period of the run are built.
 */

import { compareText } from '../compare-text.js';
import type { PayeeData } from '../data/model.js';
import { ZERO } from '../decimal.js';
import type { Run } from '../evaluate/run.js';
import { warnEstimatesNotShown } from '../recalc/estimates-not-shown.js';
import { type RecalcScope, recalculate } from '../recalc/recalculate.js';
import { payeePeriods, type YearToDateScope } from '../recalc/year-to-date.js';
import type { AdjustmentLine, Statement } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { drawBalance } from './draws.js';
import { Ledger, type PeriodDays } from './ledger.js';
import type { LineEnv } from './lines.js';
import { lineText } from './money.js';
import { payoutPeriod } from './payout-period.js';
import { isYearEnd, PayoutResolver } from './resolve.js';
import { NO_RANGE, PAYOUT_RULE } from './rules.js';
import { noTerms } from './terms.js';
import { warnUnknownBalances, warnUnknownPaid, warnUnsettled } from './unsettled.js';

/** What the payout stage keeps for one run. */
interface Stage {
  env: LineEnv;
  resolver: PayoutResolver;
  previousBy: Map<string, Statement[]>;
  periods: readonly string[];
  current: Period | undefined;
  /** Earnings paid year to date, and the fiscal years: see `recalc/year-to-date.ts`. */
  yearToDate: YearToDateScope;
  /** The periods of the earlier results (closed for every payee, see `RecalcScope.closed`). */
  closed: ReadonlySet<string>;
  /** The periods of the run, in order. */
  calculated: Period[];
  /** The draw balances forgiven at the end of a period by a year-end true-up (see `Ledger`). */
  trueUps: (period: string) => ReadonlySet<string>;
  /** A period's first and last day, from its label (see `Ledger`). */
  days: PeriodDays;
}

const NO_BALANCES: ReadonlySet<string> = new Set();

const STAGES = new WeakMap<Run, Stage>();

function stageOf(run: Run, periods: readonly string[]): Stage {
  const known = STAGES.get(run);
  if (known) return known;
  const { plan, calendar } = run.program;
  const previousBy = new Map<string, Statement[]>();
  for (const s of run.previous?.statements ?? []) {
    const list = previousBy.get(s.payee);
    if (list) list.push(s);
    else previousBy.set(s.payee, [s]);
  }
  let current: Period | undefined;
  const calculated: Period[] = [];
  for (const label of periods) {
    const p = calendar.parse(label);
    if (p) calculated.push(p);
    if (p && (!current || p.start > current.start)) current = p;
  }
  calculated.sort((a, b) => a.start - b.start);
  const trued = new Set(plan.draws.filter((d) => d.recoverable && d.trueUpAtYearEnd).map(drawBalance));
  const stage: Stage = {
    env: { rounding: plan.header.rounding, currency: plan.header.currency },
    resolver: new PayoutResolver(run),
    previousBy,
    periods,
    current,
    yearToDate: {
      yearToDate: new Set(plan.earnings.filter((e) => e.paidYearToDate).map((e) => e.name)),
      fiscalYear: (label) => calendar.parse(label)?.fiscalYear,
      closed: run.closedPeriods(),
    },
    closed: run.closedPeriods(),
    calculated,
    trueUps: (label) => {
      if (trued.size === 0) return NO_BALANCES;
      const period = calendar.parse(label);
      return period && isYearEnd(run.program.end, period) ? trued : NO_BALANCES;
    },
    days: (label) => calendar.parse(label),
  };
  STAGES.set(run, stage);
  warnUnread(run, current);
  warnUnknownPaid(run, stage.resolver, calculated, stage.closed);
  return stage;
}

/**
 * Manual adjustments are read only by a plan with `adjustment ... from data`: given to a plan
 * without one, they are not paid. Says so once per run, in the current period.
 */
function warnUnread(run: Run, current: Period | undefined): void {
  const count = run.data.adjustments.length;
  if (count === 0 || run.program.plan.adjustments.length > 0 || !current) return;
  const rows = count === 1 ? '1 row of adjustments is' : `${count} rows of adjustments are`;
  const why = `${rows} given, but the plan has no \`adjustment ... from data\`: they are not read, and none of them is paid`;
  run.warn(undefined, current.label, 'adjustments-not-read', undefined, NO_RANGE, why);
}

/**
 * Pays a payee's statements of one run.
 *
 * @param run The run the statements were calculated in: plan, data, evaluation contexts, and the
 *   results of earlier runs (`run.previous`, from `Dataset.previous`) that give the balances carried
 *   in, the lines paid on records (for clawbacks) and the closed periods a recalculation compares with.
 * @param payee The payee.
 * @param statements The payee's statements of the run, one per period, earnings and `earned`
 *   filled, `adjustments` empty (the other payout fields are overwritten).
 * @param periods The periods of the run (`CalculateOptions.periods`, the same for every payee of
 *   the run); the latest is the current period, where recalculation differences are paid.
 * @returns The payee's statements in period order: paid statements for the periods calculated, and
 *   for closed periods (reported in `previous`) the statements reported then, unchanged. A payee
 *   without a statement in the current period but with differences to pay gets one there.
 * @param leftOut The payee's statements of closed periods the run leaves out, as built now
 *   (`NotRecalculated.leftOut`): a later `paid year to date` amount of their year pays their
 *   changes (`recalc/year-to-date.ts`).
 */
export function applyPayout(
  run: Run,
  payee: PayeeData,
  statements: readonly Statement[],
  periods: readonly string[],
  leftOut: readonly Statement[] = [],
): Statement[] {
  const stage = stageOf(run, periods);
  const years: YearToDateScope = { ...stage.yearToDate, leftOut, payeePeriods: payeePeriods(run, payee) };
  const ledger = new Ledger(stage.previousBy.get(payee.id) ?? [], years, stage.trueUps, stage.days);
  // A period of the run without the payee's statement (not on the plan then) pays them nothing:
  // what earlier runs paid there, draws and holdbacks included, is taken back by the recalculation.
  const own = new Set(statements.map((s) => s.period));
  for (const label of periods) if (!own.has(label)) ledger.paysNothingIn(label);
  const notShown = (payIn: string, lines: readonly AdjustmentLine[]) =>
    warnEstimatesNotShown(run, stage.env, payee, payIn, lines);
  const result = payStatements(run, stage, payee, statements, ledger, years, notShown);
  // Money the plan leaves unsettled for a leaver, or at the plan's end, is said, never silent.
  warnUnsettled(run, stage.resolver, stage.env, payee, stage.calculated, result, ledger);
  warnUnknownBalances(run, payee, result);
  return result;
}

/** {@link applyPayout} without the warnings: pays the statements and recalculates closed periods. */
function payStatements(
  run: Run,
  stage: Stage,
  payee: PayeeData,
  statements: readonly Statement[],
  ledger: Ledger,
  years: YearToDateScope,
  notShown: RecalcScope['notShown'],
): Statement[] {
  const { env, resolver, periods } = stage;
  const calendar = run.program.calendar;
  const before = stage.previousBy.get(payee.id) ?? [];
  const ordered = [...statements].sort((a, b) => compareText(a.start, b.start));
  const paid = ordered.map((statement) => {
    const period = calendar.parse(statement.period);
    if (!period) throw new Error(`applyPayout: ${quoteAny(statement.period)} is not a period label`);
    return payoutPeriod(env, statement, resolver.terms(payee, period), ledger);
  });
  const current = stage.current;
  if (!current) return paid;
  if (before.length === 0 && !paid.some((s) => stage.closed.has(s.period))) return paid;
  const blank = () => payoutPeriod(env, blankStatement(env, payee, current), noTerms(), ledger);
  const scope: RecalcScope = {
    periods,
    current: current.label,
    currentStart: formatDate(current.start),
    closed: stage.closed,
    yearToDate: stage.yearToDate.yearToDate,
    fiscalYear: stage.yearToDate.fiscalYear,
    leftOut: years.leftOut ?? [],
    payeePeriods: years.payeePeriods,
    notShown,
  };
  return recalculate(env, paid, before, scope, blank);
}

/** A statement with nothing earned, for a payee who has differences to be paid in a period without a statement. */
function blankStatement(env: LineEnv, payee: PayeeData, period: Period): Statement {
  const zero = lineText(ZERO, env.rounding);
  return {
    payee: payee.id,
    payeeName: payee.name,
    period: period.label,
    start: formatDate(period.start),
    end: formatDate(period.end),
    currency: env.currency,
    credits: [],
    measures: [],
    quotas: [],
    earnings: [],
    earned: zero,
    adjustments: [],
    payout: zero,
    estimatedPayout: zero,
    balances: {},
    metrics: [],
    signals: [],
    trace: { rule: PAYOUT_RULE, range: NO_RANGE, inputs: [] },
  };
}
