/**
 * Recalculation of closed periods: paid periods are never silently rewritten.
 *
 * A run that calculates periods which earlier runs already reported (the `previous` results hold a
 * statement of them) treats them as closed: the statements it returns for them are the ones
 * reported before (`reported.ts`), and every difference between what the run calculated for them
 * now (from corrected data: a late deal, a changed split, a cancellation) and what was reported
 * becomes a `recalculation` line in the current period (the latest period of the run). When the
 * current period is closed too, there is no later period to pay differences in: it is returned as
 * reported as well, and the differences are left to a run with a later period.
 *
 * Differences are taken per earning (by earning id) and per adjustment line (by line id: draws,
 * guarantees, holdbacks, clawbacks, manual lines), so that the recalculation lines add up to the
 * difference between the payouts. "Reported" counts the corrections already made: the
 * recalculation lines of statements between the closed period and the current one (their id,
 * `recalculation:<period>:<key>`, names what they correct), so the same difference is never paid
 * twice. Unchanged data gives no recalculation line. Balances need no correction: the current
 * period carries the balances of the periods as calculated now.
 *
 * A line correcting an earning names, in its trace, its change on each record (`amounts.ts`), so
 * that a later clawback takes back what the record was paid in all.
 *
 * A `paid year to date` earning is compared on each closed period's own part: what the period pays
 * now without what it absorbed of earlier periods' corrections, less what later periods of the run
 * already pay of its correction in their own amount (`year-to-date.ts`), minus what it reported.
 * The line, named after that period, pays the rest.
 *
 * With `rounding ... at payout` the lines keep full precision while the payouts they correct were
 * rounded: a `payout rounding` line per corrected period pays the rounding rest (`roundingLine`).
 * There a `paid year to date` amount of the run pays its own part only: what it takes in of earlier
 * periods' corrections is paid apart (`paidApart`), on the lines of the corrected periods, so that
 * every payout rounds its own amount and adds the corrections, whole units, as they are. Also when
 * the current period is closed: a period of the run that is not (one no run calculated before,
 * between reported ones) still takes in earlier corrections, so those are paid apart in the latest
 * such period, with their rounding lines; the run's other differences are left to a later run.
 */
import type { Range } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import { recordName } from '../data/model.js';
import { readAmount } from '../data/previous.js';
import { Dec, ZERO } from '../decimal.js';
import { recordKey } from '../payout/ledger.js';
import { type LineEnv, moneyText } from '../payout/lines.js';
import { amountOf, lineText, payoutAmount, payoutText, roundsLines } from '../payout/money.js';
import { ruleChangesOf, yearToDateEstimatesOf } from '../payout/payout-period.js';
import { NO_RANGE } from '../payout/rules.js';
import { CARRIED_FROM, estimateOf, settle } from '../payout/settle.js';
import type { AdjustmentLine, RecordRef, RuleRef, Statement, TraceInput } from '../results/results.js';
import {
  type Amount,
  type AmountInfo,
  absorptionsIn,
  adjustmentKey,
  amountsOf,
  earningKey,
  Reported,
  recalculationId,
  recordInputName,
  ruleName,
} from './amounts.js';
import { reportedStatement } from './reported.js';
import { type PayeePeriods, paidApart, YearToDate } from './year-to-date.js';

const EARNING = earningKey('');

/** Which periods a run calculates. */
export interface RecalcScope {
  /** Labels of the periods calculated in this run. */
  periods: readonly string[];
  /** The current period: the latest of the run, where differences are paid. */
  current: string;
  /** First day of the current period (`YYYY-MM-DD`). */
  currentStart: string;
  /**
   * The ids of the earnings paid year to date, compared over each fiscal year (see the module
   * comment); with `fiscalYear`. Without them, every earning is compared period by period.
   */
  yearToDate?: ReadonlySet<string>;
  /** The fiscal year of a period label. */
  fiscalYear?: (period: string) => number | undefined;
  /**
   * The periods earlier runs reported, for any payee: closed for every payee. A payee without a
   * statement in one (not on the plan then, or credited only by the corrected data, such as a
   * split moved to them) had nothing reported: what they earn there now is paid in the current
   * period, and the closed period gets no new statement.
   */
  closed?: ReadonlySet<string>;
  /** The payee's statements of closed periods the run leaves out, built now (`YearToDateScope.leftOut`). */
  leftOut?: readonly Statement[];
  /** The payee's periods as the run reads them now (`YearToDateScope.payeePeriods`). */
  payeePeriods?: PayeePeriods;
  /**
   * Told the estimated corrections of closed periods that no statement can show: the payee has no
   * statement in the period `payIn` that would (not on the plan then) and no difference is paid.
   */
  notShown?: (payIn: string, lines: readonly AdjustmentLine[]) => void;
}

/** A `paid year to date` earning in a closed period. */
interface YearGroup {
  /** The closed period compared (one); the line is named after it. */
  periods: string[];
  info: AmountInfo;
  reported: Dec;
  /** What the closed periods pay now, less what later periods of the run pay of it. */
  now: Dec;
  /** What later periods of the run pay of it in their own amount. */
  absorbed: Dec;
}

/**
 * Replaces the payee's closed statements by the ones reported before and adds the differences to
 * the current statement. `fresh`: the payee's statements of this run, paid (payout applied), in
 * period order; `previous`: the payee's statements in the results of earlier runs; `blank`: an
 * empty statement of the current period, used only when the payee has none but differences must be
 * paid. Returns the statements in period order.
 */
export function recalculate(
  env: LineEnv,
  fresh: readonly Statement[],
  previous: readonly Statement[],
  scope: RecalcScope,
  blank?: () => Statement,
): Statement[] {
  const reported = new Reported(previous, scope.currentStart);
  const isClosed = (p: string) => reported.statement(p) !== undefined || scope.closed?.has(p) === true;
  // With rounding at payout, a run without closed periods still pays apart what its `paid year to
  // date` amounts take in of changes to closed periods it leaves out (they say so in their trace).
  const takesIn = !roundsLines(env.rounding) && absorptionsIn(fresh).length > 0;
  if (!scope.periods.some(isClosed) && !takesIn) return [...fresh];
  const freshBy = new Map(fresh.map((s) => [s.period, s]));
  const out = new Map<string, Statement>(freshBy);
  // In the order of the periods (labels of one kind compare by their start through the fresh
  // statement, the reported one, or else the label).
  const startOf = (p: string) => reported.statement(p)?.start ?? freshBy.get(p)?.start ?? p;
  const closed = scope.periods.filter(isClosed).sort((a, b) => compareText(startOf(a), startOf(b)));
  const payeeName = fresh.find((s) => s.payeeName)?.payeeName;
  for (const period of closed) {
    const before = reported.statement(period);
    if (before) out.set(period, reportedStatement(env, before, payeeName));
    else out.delete(period);
  }
  const done = () => [...out.values()].sort((a, b) => compareText(a.start, b.start));
  // The period whose statement pays the lines: the current one. When it is closed too, its
  // differences are left to a later run; but with rounding at payout, the `paid year to date`
  // amounts of the run's periods that are not closed still pay their own part only, and what they
  // take in of earlier periods' corrections is paid apart, in the latest of them (`payIn`); no
  // other difference is paid (rounded at line or earning, the amounts pay it themselves).
  const apartOnly = isClosed(scope.current);
  let payIn = scope.current;
  if (apartOnly) {
    const open = roundsLines(env.rounding) ? [] : fresh.filter((s) => !isClosed(s.period));
    const latest = open[open.length - 1];
    if (!latest) return done();
    payIn = latest.period;
  }
  const compare = comparison(env, reported, fresh, freshBy, closed, scope, apartOnly);
  if (apartOnly && compare.apart.size === 0) return done();
  // With rounding at payout, the run's statements pay their `paid year to date` earnings' own part:
  // what they take in of earlier periods' corrections is paid on lines of `payIn`.
  let apartCurrent: Statement | undefined;
  for (const [period, parts] of compare.apart) {
    const paid = out.get(period);
    if (!paid) continue;
    const own = paidApart(env, paid, parts, payIn);
    if (period === payIn) apartCurrent = own;
    else
      out.set(period, settle(env, own, paid.adjustments, paid.balances, carriedFrom(paid), estimateOf(paid)));
  }
  const rules = new Map<string, RuleRef>();
  const lines: AdjustmentLine[] = [];
  // With rounding at payout: what the run pays for earlier periods in all, which the rounding
  // lines make whole units (see roundingLine), paid as it is after the rest is rounded.
  let whole = ZERO;
  const isRun = new Set(apartOnly ? [] : closed);
  const corrected = [...new Set([...isRun, ...compare.moved.keys()])].sort((a, b) =>
    compareText(startOf(a), startOf(b)),
  );
  for (const period of corrected) {
    // What was reported for the period, with the corrections paid for it since.
    const reported = compare.reported.amounts(period);
    const found = isRun.has(period) ? differences(env, period, reported, compare, rules) : [];
    found.push(...apartLines(env, period, compare, rules));
    lines.push(...found);
    const rounding = roundingLine(env, period, reported, found, compare);
    if (rounding) lines.push(rounding);
    if (roundsLines(env.rounding)) continue;
    const paid = [...found, ...(rounding ? [rounding] : [])];
    whole = paid.reduce((sum, line) => sum.plus(amountOf(line.amount)), whole);
  }
  // What hypothetical records dated in the closed periods would change there: shown with the
  // current period's estimate, never paid. Without a statement of the current period (the payee is
  // not on the plan then) they are shown on the one that pays differences, if any, else said.
  let estimated = apartOnly ? [] : estimatedLines(env, closed, freshBy, scope);
  if (estimated.length > 0 && !freshBy.has(payIn) && lines.length === 0) {
    scope.notShown?.(payIn, estimated);
    estimated = [];
  }
  if (lines.length > 0 || apartCurrent || estimated.length > 0) {
    const paid = freshBy.get(payIn) ?? (apartOnly ? undefined : blank?.());
    if (!paid)
      throw new Error(`recalculate: no statement of the current period ${payIn} to pay differences in`);
    const current = apartCurrent ?? paid;
    let estimate = estimateOf(paid);
    if (estimated.length > 0) {
      estimate ??= paid.earnings.reduce((sum, e) => sum.plus(amountOf(e.estimate)), ZERO);
      for (const line of estimated) estimate = estimate.plus(amountOf(line.amount));
    }
    const settled = settle(
      env,
      current,
      [...current.adjustments, ...lines],
      current.balances,
      carriedFrom(current),
      estimate,
      whole,
    );
    if (estimated.length > 0) settled.estimatedAdjustments = estimated;
    out.set(payIn, settled);
  }
  return done();
}

/**
 * What the hypothetical records dated in the closed periods `closed` would change there, one line
 * each: on each of their earnings, the earning's estimate as the period is calculated now; then on
 * each line of their holdbacks, draws and guarantees, the line with the earnings' estimates less
 * the line as calculated, from the balances the period carried in. A `paid year to date` earning
 * has a line only for what no later period of the run takes in (a later period that is not closed
 * and takes off what earlier periods paid: its own estimate counts the hypothetical records of the
 * year to date, as its amount would take the correction in). Its estimate counts in the period's
 * holdbacks, draws and guarantees either way, as the recalculation would count its correction
 * there, and the later periods' count it without that part (`payout-period.ts`).
 */
function estimatedLines(
  env: LineEnv,
  closed: readonly string[],
  freshBy: ReadonlyMap<string, Statement>,
  scope: RecalcScope,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  for (const period of closed) {
    const fresh = freshBy.get(period);
    if (!fresh) continue;
    const notTakenIn = yearToDateEstimatesOf(fresh);
    for (const earning of fresh.earnings) {
      // A `paid year to date` earning's correction is paid by a later period that takes it in,
      // when one does (its estimate counts it); else as this period's, like any other earning's.
      const estimate = scope.yearToDate?.has(earning.id)
        ? (notTakenIn.get(earning.id) ?? ZERO)
        : amountOf(earning.estimate);
      if (estimate.isZero()) continue;
      const records = earning.lines.flatMap((l) => (l.estimate && l.record ? [l.record] : []));
      lines.push(
        estimatedLine(env, period, {
          key: earningKey(earning.id),
          of: earning,
          what: earning.label ?? earning.name,
          amount: estimate,
          range: earning.trace.range,
          inputs: [{ name: 'estimate', value: lineText(estimate, env.rounding), unit: env.currency }],
          records,
        }),
      );
    }
    const { changes, from } = ruleChangesOf(fresh);
    const dated = { own: undefined, carried: `before ${period}`, both: `in or before ${period}` }[from];
    for (const { line, without, with: projected } of changes)
      lines.push(
        estimatedLine(env, period, {
          dated,
          key: adjustmentKey(line.id),
          of: line,
          what: ruleName(line.kind, line.label ?? line.name),
          amount: projected.minus(without),
          range: line.trace.range,
          inputs: [
            { name: 'as calculated', value: lineText(without, env.rounding), unit: env.currency },
            {
              name: 'with the hypothetical records',
              value: lineText(projected, env.rounding),
              unit: env.currency,
            },
          ],
          records: [],
        }),
      );
  }
  return lines;
}

/** What an estimated correction of a closed period corrects, and by how much. */
interface EstimatedSpec {
  /**
   * When the hypothetical records it comes from are dated, if not simply in its period: `before
   * 2026-Q2` (those of earlier closed periods change the line through the balances they would carry
   * in) or `in or before 2026-Q2`.
   */
  dated?: string | undefined;
  /** The key of the amount corrected (`earning:c`, `adjustment:holdback:h`). */
  key: string;
  /** The earning or line corrected: its name and label. */
  of: { name: string; label?: string | undefined };
  /** How the reason names it: `Commission`, `holdback Reserve`. */
  what: string;
  amount: Dec;
  range: Range;
  /** The trace's inputs after the period. */
  inputs: TraceInput[];
  /** The hypothetical records it comes from, when known. */
  records: RecordRef[];
}

/** An estimated correction of a closed period (`recalculation:2026-Q1:earning:c:estimate`). */
function estimatedLine(env: LineEnv, period: string, spec: EstimatedSpec): AdjustmentLine {
  const { name, label } = spec.of;
  const { dated } = spec;
  const reason = dated
    ? `an estimate, not paid: what the hypothetical records dated ${dated} would change on ${spec.what} of ${period}`
    : `an estimate, not paid: what the hypothetical records dated in ${period} would change on ${spec.what}`;
  const rule: RuleRef = { kind: 'recalculation', name };
  if (label !== undefined) rule.label = label;
  const line: AdjustmentLine = {
    id: `${recalculationId(period, spec.key)}:estimate`,
    kind: 'recalculation',
    name,
    amount: lineText(spec.amount, env.rounding),
    reason,
    trace: {
      rule,
      range: spec.range,
      inputs: [
        { name: 'period', value: period },
        // Said when not simply in its period (the reason says it too).
        ...(dated ? [{ name: DATED, value: dated }] : []),
        ...spec.inputs,
      ],
      ...(spec.records.length > 0 ? { records: spec.records } : {}),
      text: reason,
    },
  };
  if (label !== undefined) line.label = label;
  return line;
}

/**
 * The name of the trace input of an estimated correction that says when the hypothetical records
 * it comes from are dated, when that is not simply in its period ({@link EstimatedSpec.dated}:
 * `before 2026-Q2`, `in or before 2026-Q2`).
 */
export const DATED = 'hypothetical records dated';

/** The period whose balances a settled statement carried in (its payout trace names it). */
function carriedFrom(statement: Statement): string | undefined {
  const carried = statement.trace.inputs.find((i) => i.name === CARRIED_FROM)?.value;
  return typeof carried === 'string' ? carried : undefined;
}

/** What a recalculation compares, period by period. */
interface Comparison {
  reported: Reported;
  freshBy: ReadonlyMap<string, Statement>;
  /** The year group of a `paid year to date` earning key in a closed period, if it is one. */
  groupOf: (period: string, key: string) => YearGroup | undefined;
  /** Without year groups: true when the current period pays the key's difference itself. */
  absorbed: (period: string, key: string) => boolean;
  /** What the run's other periods pay of a closed period's correction in their own year-to-date amounts. */
  absorbedOf: (period: string) => Dec;
  /**
   * With rounding at payout: the parts of the run's (not closed) statements' `paid year to date`
   * amounts that take in earlier periods' corrections, paid apart (`paidApart`): by period, then
   * by earning id, then by the period corrected.
   */
  apart: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Dec>>>;
  /**
   * Of those, the ones for which no year group of a closed period of the run pays a line (a closed
   * period the run leaves out, say; all of them when the current period is closed: no year group
   * pays a line then): by the period corrected, then by earning key, with the earning for the line.
   */
  moved: ReadonlyMap<string, ReadonlyMap<string, Amount>>;
}

function comparison(
  env: LineEnv,
  reported: Reported,
  fresh: readonly Statement[],
  freshBy: ReadonlyMap<string, Statement>,
  closed: readonly string[],
  scope: RecalcScope,
  apartOnly: boolean,
): Comparison {
  const { yearToDate, fiscalYear } = scope;
  const apart = new Map<string, ReadonlyMap<string, ReadonlyMap<string, Dec>>>();
  const moved = new Map<string, Map<string, Amount>>();
  if (!yearToDate || yearToDate.size === 0 || !fiscalYear)
    return {
      reported,
      freshBy,
      groupOf: () => undefined,
      absorbed: () => false,
      absorbedOf: () => ZERO,
      apart,
      moved,
    };
  const ytd = new YearToDate(reported, {
    yearToDate,
    fiscalYear,
    closed: scope.closed ?? new Set(),
    leftOut: scope.leftOut ?? [],
    payeePeriods: scope.payeePeriods,
  });
  for (const s of fresh) ytd.absorbed(s);
  const groups = new Map<string, YearGroup>();
  // One group per closed period: its line is named after the period whose correction it pays, so
  // that a later run that calculates some of the periods again reads each correction where it
  // belongs.
  const groupKey = (key: string, period: string) => `${key}\u0000${period}`;
  for (const period of closed) {
    const was = reported.amounts(period);
    const now = amountsOf(freshBy.get(period));
    for (const key of [...now.keys(), ...[...was.keys()].filter((k) => !now.has(k))]) {
      if (!key.startsWith(EARNING) || !ytd.isYearToDate(key.slice(EARNING.length))) continue;
      const id = key.slice(EARNING.length);
      const at = groupKey(key, period);
      const info = (now.get(key) ?? was.get(key))?.info;
      if (!info) continue;
      let group = groups.get(at);
      if (!group) {
        group = { periods: [], info, reported: ZERO, now: ZERO, absorbed: ZERO };
        groups.set(at, group);
      }
      group.periods.push(period);
      if (now.has(key)) group.info = info;
      group.reported = group.reported.plus(was.get(key)?.amount ?? ZERO);
      // Its own part: without what it absorbed of earlier closed periods (counted there).
      const own = (now.get(key)?.amount ?? ZERO).minus(ytd.absorbedIn(period, id));
      group.now = group.now.plus(own);
    }
  }
  // What the run's other periods pay of each closed period's correction in their own amount;
  // with rounding at payout, nothing: it is paid apart, on the corrected periods' lines.
  const payApart = !roundsLines(env.rounding);
  for (const [period, { statement }] of ytd.periods()) {
    if (ytd.isClosed(period)) continue;
    if (payApart) {
      const parts = ytd.partsIn(period);
      if (parts.size > 0) apart.set(period, parts);
      for (const e of statement.earnings)
        for (const [from, part] of parts.get(e.id) ?? []) {
          const key = earningKey(e.id);
          if (part.isZero() || (!apartOnly && groups.has(groupKey(key, from)))) continue;
          const byKey = moved.get(from) ?? new Map<string, Amount>();
          const known = byKey.get(key);
          const info: AmountInfo = { name: e.name, kind: 'earning', range: e.trace.range };
          if (e.label !== undefined) info.label = e.label;
          byKey.set(key, { amount: (known?.amount ?? ZERO).plus(part), info });
          moved.set(from, byKey);
        }
      continue;
    }
    for (const e of statement.earnings) {
      for (const from of closed) {
        const part = ytd.absorbedFrom(period, e.id, from);
        const group = groups.get(groupKey(earningKey(e.id), from));
        if (part.isZero() || !group) continue;
        group.now = group.now.minus(part);
        group.absorbed = group.absorbed.plus(part);
      }
    }
  }
  const absorbedBy = new Map<string, Dec>();
  for (const group of groups.values()) {
    const period = group.periods[group.periods.length - 1] as string;
    absorbedBy.set(period, (absorbedBy.get(period) ?? ZERO).plus(group.absorbed));
  }
  return {
    reported,
    freshBy,
    groupOf: (period, key) => (key.startsWith(EARNING) ? groups.get(groupKey(key, period)) : undefined),
    absorbed: () => false,
    absorbedOf: (period) => absorbedBy.get(period) ?? ZERO,
    apart,
    moved,
  };
}

/**
 * With rounding at payout, the lines of what the run's `paid year to date` amounts took in of
 * `period`'s corrections, paid apart (`paidApart`), when no year group of the run pays it: a
 * closed period the run leaves out, whose change since it was reported a later period's year to
 * date takes in (it took off what the period reported), or any closed period when the run's
 * current period is closed too (only these lines are paid then, in the latest period that is not).
 */
function apartLines(
  env: LineEnv,
  period: string,
  compare: Comparison,
  rules: Map<string, RuleRef>,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  for (const [key, { amount, info }] of compare.moved.get(period) ?? []) {
    const what = info.label ?? info.name;
    const paid = lineText(amount, env.rounding);
    lines.push(
      recalculationLine(env, period, key, info, amount, rules, {
        reason: `${what}, paid year to date, takes in ${moneyText(env, amount)} of changes to ${period}`,
        inputs: [
          { name: 'period', value: period },
          { name: 'taken in by the year to date', value: paid, unit: env.currency },
        ],
        text: `${what}, paid year to date, takes off what ${period} was paid, so its amount takes in the ${moneyText(env, amount)} ${period} pays now beyond that: paid apart, in this period`,
      }),
    );
  }
  return lines;
}

/** The recalculation lines of one closed period: calculated now minus reported, per key. */
function differences(
  env: LineEnv,
  period: string,
  reported: ReadonlyMap<string, Amount>,
  compare: Comparison,
  rules: Map<string, RuleRef>,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  const now = amountsOf(compare.freshBy.get(period));
  const keys = [...now.keys(), ...[...reported.keys()].filter((k) => !now.has(k))];
  for (const key of keys) {
    if (key === ROUNDING) continue;
    const group = compare.groupOf(period, key);
    if (group) {
      // The period's own part, less what later periods of the run absorbed of it.
      if (group.periods[group.periods.length - 1] === period) {
        const line = yearLine(env, period, key, group, rules);
        if (line) lines.push(line);
      }
      continue;
    }
    const was = reported.get(key);
    const is = now.get(key);
    const wasAmount: Dec = was?.amount ?? ZERO;
    const isAmount: Dec = is?.amount ?? ZERO;
    const diff = isAmount.minus(wasAmount);
    if (diff.isZero() || compare.absorbed(period, key)) continue;
    const info = (is ?? was)?.info;
    if (!info) continue;
    const what = amountName(info);
    const wasText = lineText(wasAmount, env.rounding);
    const isText = lineText(isAmount, env.rounding);
    const line = recalculationLine(env, period, key, info, diff, rules, {
      reason: `${period} recalculated: ${what} was ${moneyText(env, wasAmount)}, is now ${moneyText(env, isAmount)}`,
      inputs: [
        { name: 'period', value: period },
        { name: 'reported', value: wasText, unit: env.currency },
        { name: 'recalculated', value: isText, unit: env.currency },
      ],
      text: `${what} for ${period} was reported as ${moneyText(env, wasAmount)} and is ${moneyText(env, isAmount)} with the data as it is now: the difference is paid in this period`,
    });
    if (key.startsWith(EARNING)) addRecordChanges(env, line, period, key.slice(EARNING.length), compare);
    lines.push(line);
  }
  return lines;
}

/**
 * The key of the line that keeps a closed period's payout rounding right when lines keep full
 * precision (`rounding ... at payout`): see {@link roundingLine}.
 */
const ROUNDING = 'rounding';

const ROUNDING_RULE: RuleRef = { kind: 'recalculation', name: ROUNDING, label: 'payout rounding' };

/**
 * With `rounding ... at payout`, the rounding rest of a closed period's corrections: its lines
 * keep full precision, while the payout they correct was rounded. Paid with them, it makes what
 * the period is paid in all (its reported payout and every correction) its payout as calculated
 * now, rounded: `round(T) − T − ρ − R`, where T is what the period pays now unrounded (what was
 * reported, earlier corrections, and what this run pays for it: its lines, and what later
 * periods' `paid year to date` amounts take in of its correction), ρ what rounding added to the
 * reported payout, and R the rounding lines paid for it before. What one statement pays for the
 * period then adds up to a whole number of cents (of the rounding grid), so a later payout
 * rounds its own amount only, and runs in sequence pay what one call pays. None when the run pays
 * nothing for the period (unchanged data gives no line), or the rest is zero.
 */
function roundingLine(
  env: LineEnv,
  period: string,
  reported: ReadonlyMap<string, Amount>,
  found: readonly AdjustmentLine[],
  compare: Comparison,
): AdjustmentLine | undefined {
  if (roundsLines(env.rounding)) return undefined;
  const absorbed = compare.absorbedOf(period);
  if (found.length === 0 && absorbed.isZero()) return undefined;
  const paidNow = found.reduce((sum, line) => sum.plus(amountOf(line.amount)), absorbed);
  let total = paidNow;
  let earlier = ZERO;
  for (const [key, { amount }] of reported) {
    if (key === ROUNDING) earlier = earlier.plus(amount);
    else total = total.plus(amount);
  }
  const before = compare.reported.statement(period);
  const added = roundingAdded(before, env);
  const rounded = payoutAmount(total, env.rounding);
  const rest = rounded.minus(total).minus(added).minus(earlier);
  if (rest.isZero()) return undefined;
  const now = payoutText(rounded, env.rounding);
  const inputs: TraceInput[] = [
    { name: 'period', value: period },
    { name: 'recalculated payout', value: now, unit: env.currency },
    { name: 'unrounded', value: lineText(total, env.rounding), unit: env.currency },
  ];
  if (!added.isZero())
    inputs.push({
      name: 'rounding of the reported payout',
      value: lineText(added, env.rounding),
      unit: env.currency,
    });
  if (!earlier.isZero())
    inputs.push({ name: 'rounding paid before', value: lineText(earlier, env.rounding), unit: env.currency });
  return {
    id: recalculationId(period, ROUNDING),
    kind: 'recalculation',
    name: ROUNDING,
    label: 'payout rounding',
    amount: lineText(rest, env.rounding),
    reason: `${period} recalculated: its payout now rounds to ${moneyText(env, rounded)} from ${moneyText(env, total)}`,
    trace: {
      rule: ROUNDING_RULE,
      range: NO_RANGE,
      inputs,
      text: `${period} pays ${moneyText(env, rounded)} with the data as it is now (${moneyText(env, total)}, rounded); the other lines for it keep full precision, so this line pays the rounding rest, and what ${period} is paid in all adds up to its rounded payout`,
    },
  };
}

/**
 * What rounding added to a reported statement's payout: the payout minus its earnings and lines.
 * Zero when a part is missing or unreadable (earlier results made by hand may leave `earned` and
 * the payout out), or when the difference is a whole rounding unit or more: then the payout is not
 * the rounded sum of its lines (made by hand, or by other rules), and nothing of it is rounding.
 */
function roundingAdded(statement: Statement | undefined, env: LineEnv): Dec {
  const payout = readAmount(statement?.payout);
  const earned = readAmount(statement?.earned);
  if (!statement || payout === undefined || earned === undefined) return ZERO;
  let total = earned;
  for (const line of statement.adjustments ?? []) {
    const amount = readAmount(line?.amount);
    if (amount === undefined) return ZERO;
    total = total.plus(amount);
  }
  const added = payout.minus(total);
  return added.abs().lt(new Dec(10).pow(-env.rounding.decimals)) ? added : ZERO;
}

/**
 * What an amount of a statement is, as a recalculation line names it: an earning by its label or
 * name; an adjustment line by its kind and element, with the manual adjustment's id (its element
 * is the plan's one `adjustment ... from data`, the same for all of them) and the record a line is
 * on (a clawback), so that two lines of a period never read the same: `manual adjustment M1`,
 * `clawback cx on deals A1`, `draw recovery dr`.
 */
function amountName(info: AmountInfo): string {
  if (info.kind === 'earning') return info.label ?? info.name;
  if (info.kind === 'manual') return `manual adjustment ${info.name}`;
  const what = ruleName(info.kind, info.label ?? info.name);
  return info.record ? `${what} on ${info.record.source} ${recordName(info.record)}` : what;
}

/** The line of a `paid year to date` earning for a closed period; none when nothing is owed. */
function yearLine(
  env: LineEnv,
  period: string,
  key: string,
  group: YearGroup,
  rules: Map<string, RuleRef>,
): AdjustmentLine | undefined {
  const diff = group.now.minus(group.reported);
  if (diff.isZero()) return undefined;
  const { info } = group;
  const what = info.label ?? info.name;
  const periods = group.periods.join(', ');
  // What the period pays now, its own part: the line pays it less what was reported and what
  // later periods pay of it (`now` is without the latter already).
  const own = group.now.plus(group.absorbed);
  const wasText = lineText(group.reported, env.rounding);
  const isText = lineText(own, env.rounding);
  const inputs: TraceInput[] = [
    { name: 'period', value: period },
    { name: 'periods', value: periods },
    { name: 'reported', value: wasText, unit: env.currency },
    { name: 'recalculated', value: isText, unit: env.currency },
  ];
  let later = '';
  let laterReason = '';
  if (!group.absorbed.isZero()) {
    const paid = lineText(group.absorbed, env.rounding);
    inputs.push({ name: 'paid by later periods of the year', value: paid, unit: env.currency });
    later = `, less the ${moneyText(env, group.absorbed)} later periods of the year pay of it in their year-to-date amount`;
    laterReason = `, less the ${moneyText(env, group.absorbed)} later periods of the year pay of it`;
  }
  return recalculationLine(env, period, key, info, diff, rules, {
    reason: `${periods} recalculated: ${what} was ${moneyText(env, group.reported)}, is now ${moneyText(env, own)}${laterReason}`,
    inputs,
    text: `${what}, paid year to date, was reported as ${moneyText(env, group.reported)} for ${periods} and is ${moneyText(env, own)} with the data as it is now${later}: the difference is paid in this period`,
  });
}

function recalculationLine(
  env: LineEnv,
  period: string,
  key: string,
  info: AmountInfo,
  diff: Dec,
  rules: Map<string, RuleRef>,
  say: { reason: string; inputs: TraceInput[]; text: string },
): AdjustmentLine {
  const ruleKey = `${info.kind}\u0000${info.name}`;
  let rule = rules.get(ruleKey);
  if (!rule) {
    rule = { kind: 'recalculation', name: info.name };
    if (info.label !== undefined) rule.label = info.label;
    rules.set(ruleKey, rule);
  }
  const line: AdjustmentLine = {
    id: recalculationId(period, key),
    kind: 'recalculation',
    name: info.name,
    amount: lineText(diff, env.rounding),
    reason: say.reason,
    trace: { rule, range: info.range, inputs: say.inputs, text: say.text },
  };
  if (info.label !== undefined) line.label = info.label;
  if (info.record) line.record = info.record;
  return line;
}

/** Amounts by record (its key), in line order. */
type ByRecord = Map<string, { record: RecordRef; amount: Dec }>;

/** Adds `amount` to what `by` holds for `record`. */
function addTo(by: ByRecord, record: RecordRef, amount: Dec): void {
  const key = recordKey(record);
  const known = by.get(key);
  if (known) known.amount = known.amount.plus(amount);
  else by.set(key, { record, amount });
}

/** The amounts of lines (earning or credit lines) by record, estimates and lines of no record left out. */
function byRecord(lines: Iterable<{ record?: RecordRef; amount: string; estimate?: boolean }>): ByRecord {
  const by: ByRecord = new Map();
  for (const line of lines) if (line.record && !line.estimate) addTo(by, line.record, amountOf(line.amount));
  return by;
}

/** What changed on each record from `was` to `now` (none for no change), `now`'s records first. */
function changedOn(now: ByRecord, was: ByRecord): { record: RecordRef; change: Dec }[] {
  const changes: { record: RecordRef; change: Dec }[] = [];
  for (const [key, { record, amount }] of now) {
    const change = amount.minus(was.get(key)?.amount ?? ZERO);
    if (!change.isZero()) changes.push({ record, change });
  }
  for (const [key, { record, amount }] of was)
    if (!now.has(key) && !amount.isZero()) changes.push({ record, change: amount.negated() });
  return changes;
}

/**
 * Names in the line's trace its change on each record: the records whose lines of the earning
 * changed (`records`), and for each an input with the change (what the record's lines pay now,
 * minus what they reported and what earlier corrections changed on it). An earning worked out per
 * period has no line per record: its line names the records whose credit changed, without an
 * input (the earning's change is not theirs to split), so that a later run can follow them
 * (`not-recalculated.ts`: a record moved out of the period).
 */
function addRecordChanges(
  env: LineEnv,
  line: AdjustmentLine,
  period: string,
  id: string,
  compare: Comparison,
): void {
  const fresh = compare.freshBy.get(period);
  const reported = compare.reported.statement(period);
  const linesOf = (s: Statement | undefined) => s?.earnings.find((e) => e.id === id)?.lines ?? [];
  const now = byRecord(linesOf(fresh));
  const was = byRecord(linesOf(reported));
  const corrected = compare.reported.recordChanges(period, id);
  if (now.size === 0 && was.size === 0 && corrected.length === 0) {
    const credits = (s: Statement | undefined) => byRecord((s?.credits ?? []).flatMap((c) => c.lines ?? []));
    const records = changedOn(credits(fresh), credits(reported)).map((c) => c.record);
    if (records.length > 0) line.trace.records = records;
    return;
  }
  for (const c of corrected) addTo(was, c.record, c.amount);
  const changes = changedOn(now, was);
  for (const { record, change } of changes)
    line.trace.inputs.push({
      name: recordInputName(record),
      value: lineText(change, env.rounding),
      unit: env.currency,
    });
  if (changes.length > 0) line.trace.records = changes.map((c) => c.record);
}
