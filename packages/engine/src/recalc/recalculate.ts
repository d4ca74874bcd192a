/**
 * Recalculation of closed periods: paid periods are never silently rewritten.
 *
 * A run that calculates periods which earlier runs already reported (the `previous` results hold a
 * statement of the payee for them) treats them as closed: the statements it returns for them are
 * the ones reported before, unchanged, and every difference between what the run calculated for
 * them now (from corrected data: a late deal, a changed split, a cancellation) and what was
 * reported becomes a `recalculation` line in the current period (the latest period of the run).
 *
 * Differences are taken per earning (by earning id) and per adjustment line (by line id: draws,
 * guarantees, holdbacks, clawbacks, manual lines), so that the recalculation lines add up to the
 * difference between the payouts. "Reported" counts the corrections already made: the
 * recalculation lines of statements between the closed period and the current one (their id,
 * `recalculation:<period>:<key>`, names what they correct), so the same difference is never paid
 * twice. Unchanged data gives no recalculation line. Balances need no correction: the current
 * period carries the balances of the periods as calculated now.
 */
import { compareText } from '../compare-text.js';
import { type Dec, ZERO } from '../decimal.js';
import type { LineEnv } from '../payout/lines.js';
import { lineText } from '../payout/money.js';
import { CARRIED_FROM, settle } from '../payout/settle.js';
import type { AdjustmentLine, RuleRef, Statement } from '../results/results.js';
import { type Amount, amountsOf, earningKey, Reported, recalculationId } from './amounts.js';

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
   * True when the current period's own calculation already pays the difference of an earning in a
   * closed period: `paid year to date` earnings in the current fiscal year, which pay the
   * year-to-date value minus what earlier periods reported (so a correction in a closed period of
   * the year flows into the current period's amount, and must not be paid twice). Not `once`
   * earnings: they pay nothing or the whole amount, so a correction is a recalculation line.
   */
  absorbs?: (period: string, earning: string) => boolean;
  /**
   * The periods earlier runs reported, for any payee: closed for every payee. A payee without a
   * statement in one (not on the plan then, or credited only by the corrected data, such as a
   * split moved to them) had nothing reported: what they earn there now is paid in the current
   * period, and the closed period gets no new statement.
   */
  closed?: ReadonlySet<string>;
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
  const isClosed = (p: string) =>
    p !== scope.current && (reported.statement(p) !== undefined || scope.closed?.has(p) === true);
  if (!scope.periods.some(isClosed)) return [...fresh];
  const freshBy = new Map(fresh.map((s) => [s.period, s]));
  const rules = new Map<string, RuleRef>();
  const lines: AdjustmentLine[] = [];
  const out = new Map<string, Statement>(freshBy);
  // In the order of the periods (labels of one kind compare by their start through the fresh
  // statement, the reported one, or else the label).
  const startOf = (p: string) => reported.statement(p)?.start ?? freshBy.get(p)?.start ?? p;
  const closed = scope.periods.filter(isClosed).sort((a, b) => compareText(startOf(a), startOf(b)));
  const currentEarnings = new Set(freshBy.get(scope.current)?.earnings.map((e) => e.id));
  for (const period of closed) {
    const before = reported.statement(period);
    if (before) out.set(period, structuredClone(before));
    else out.delete(period);
    const absorbed = (key: string): boolean => {
      if (!key.startsWith(EARNING)) return false;
      const id = key.slice(EARNING.length);
      return currentEarnings.has(id) && scope.absorbs?.(period, id) === true;
    };
    const now = amountsOf(freshBy.get(period));
    lines.push(...differences(env, period, reported.amounts(period), now, rules, absorbed));
  }
  if (lines.length > 0) {
    const current = freshBy.get(scope.current) ?? blank?.();
    if (!current)
      throw new Error(
        `recalculate: no statement of the current period ${scope.current} to pay differences in`,
      );
    const carried = current.trace.inputs.find((i) => i.name === CARRIED_FROM)?.value;
    out.set(
      scope.current,
      settle(
        env,
        current,
        [...current.adjustments, ...lines],
        current.balances,
        typeof carried === 'string' ? carried : undefined,
      ),
    );
  }
  return [...out.values()].sort((a, b) => compareText(a.start, b.start));
}

/** The recalculation lines of one closed period: calculated now minus reported, per key. */
function differences(
  env: LineEnv,
  period: string,
  reported: Map<string, Amount>,
  now: Map<string, Amount>,
  rules: Map<string, RuleRef>,
  absorbed: (key: string) => boolean,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  const keys = [...now.keys(), ...[...reported.keys()].filter((k) => !now.has(k))];
  for (const key of keys) {
    const was = reported.get(key);
    const is = now.get(key);
    const wasAmount: Dec = was?.amount ?? ZERO;
    const isAmount: Dec = is?.amount ?? ZERO;
    const diff = isAmount.minus(wasAmount);
    if (diff.isZero() || absorbed(key)) continue;
    const info = (is ?? was)?.info;
    if (!info) continue;
    const ruleKey = `${info.kind}\u0000${info.name}`;
    let rule = rules.get(ruleKey);
    if (!rule) {
      rule = { kind: 'recalculation', name: info.name };
      if (info.label !== undefined) rule.label = info.label;
      rules.set(ruleKey, rule);
    }
    const what =
      info.kind === 'earning' ? (info.label ?? info.name) : `${info.kind} ${info.label ?? info.name}`;
    const wasText = lineText(wasAmount, env.rounding);
    const isText = lineText(isAmount, env.rounding);
    const line: AdjustmentLine = {
      id: recalculationId(period, key),
      kind: 'recalculation',
      name: info.name,
      amount: lineText(diff, env.rounding),
      reason: `${period} recalculated: ${what} was ${wasText}, is now ${isText}`,
      trace: {
        rule,
        range: info.range,
        inputs: [
          { name: 'period', value: period },
          { name: 'reported', value: wasText, unit: env.currency },
          { name: 'recalculated', value: isText, unit: env.currency },
        ],
        text: `${what} for ${period} was reported as ${wasText} and is ${isText} with the data as it is now: the difference is paid in this period`,
      },
    };
    if (info.label !== undefined) line.label = info.label;
    if (info.record) line.record = info.record;
    lines.push(line);
  }
  return lines;
}
