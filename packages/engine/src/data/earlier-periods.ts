/**
 * Earlier periods a run needs but does not have. Draw and holdback balances are carried into a
 * period from the payee's latest statement before it: one of this run, or one of the earlier
 * results (`Dataset.previous`). A run whose first period comes after payees were already on the
 * plan, without the results of the period before it, starts them from zero balances: a draw paid
 * before is not recovered, and money held back before is not paid out. Nothing in the data says
 * so, so the run warns (`no-previous`), once.
 *
 * Only balances start at zero. What else reaches across periods is worked out without the earlier
 * results: `paid year to date` and `once` earnings count the earlier periods of the year as
 * calculated now, guarantees and draws count their periods from dates, and a non-recoverable draw
 * keeps no balance. A clawback of a record paid in a period missing from the earlier results has a
 * warning of its own (`not-clawed-back`, payout/unsettled.ts).
 */
import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import type { CalculationWarning, Results } from '../results/results.js';
import type { FiscalCalendar, Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { PayeeData } from './model.js';

/** What the check reads of the plan: a `Program` is one. */
export interface PlanDates {
  plan: Plan;
  calendar: FiscalCalendar;
  /** The plan's effective dates as day numbers. */
  start: number;
  end: number;
  /** True when the payee is on the plan for at least one day of the period. */
  onPlan(payee: PayeeData, period: Period): boolean;
}

/** How many payees the warning names before "and N more". */
const NAMED = 5;

/**
 * The last day before `day` on which the payee is on the plan (within its dates); `undefined` when
 * there is none.
 */
export function lastDayOnPlanBefore(dates: PlanDates, payee: PayeeData, day: number): number | undefined {
  let last: number | undefined;
  for (const span of payee.onPlan ?? [{ from: dates.start, to: dates.end }]) {
    const from = Math.max(span.from, dates.start);
    const to = Math.min(span.to, dates.end, day - 1);
    if (from <= to && (last === undefined || to > last)) last = to;
  }
  return last;
}

/** `a`, `a and b`, `a, b and c`. */
function and(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The balances the plan carries from period to period, by kind: recoverable draws and holdbacks. */
function carried(plan: Plan): { draws: string[]; holdbacks: string[] } {
  return {
    draws: plan.draws.filter((d) => d.recoverable).map((d) => d.name),
    holdbacks: plan.holdbacks.map((h) => h.name),
  };
}

/** A payee whose balances start at zero: the earlier period missing, and the run's first period for them. */
interface Missing {
  payee: string;
  before: Period;
  first: Period;
}

/**
 * The `no-previous` warning of a run, or `undefined` when nothing starts at zero that should not.
 *
 * For each payee on the plan in the run (`periods`, in order), the period before their first
 * period in the run in which they were on the plan: when there is one and the earlier results
 * (`previous`, already checked) hold no statement of the payee ending in or after it (and before
 * the run's period), their draw and holdback balances start at zero. One warning names the
 * periods (and, when the earlier results hold them for other payees, the payees) for the whole run.
 */
export function missingEarlierResults(
  dates: PlanDates,
  payees: Iterable<PayeeData>,
  periods: readonly Period[],
  previous: Results | undefined,
): CalculationWarning | undefined {
  const { draws, holdbacks } = carried(dates.plan);
  if (draws.length === 0 && holdbacks.length === 0) return undefined;
  const ends = new Map<string, string[]>();
  for (const s of previous?.statements ?? []) {
    const list = ends.get(s.payee);
    if (list) list.push(s.end);
    else ends.set(s.payee, [s.end]);
  }
  const missing: Missing[] = [];
  for (const payee of payees) {
    const first = periods.find((p) => dates.onPlan(payee, p));
    if (!first) continue;
    const last = lastDayOnPlanBefore(dates, payee, first.start);
    if (last === undefined) continue;
    const before = dates.calendar.containing(first.kind, last);
    const from = formatDate(before.start);
    const to = formatDate(first.start);
    // Balances come from the latest statement ending before the period: one of `before` (or later) will do.
    if (ends.get(payee.id)?.some((end) => end >= from && end < to)) continue;
    missing.push({ payee: payee.id, before, first });
  }
  if (missing.length === 0) return undefined;
  const firsts = inOrder(missing.map((m) => m.first));
  const befores = inOrder(missing.map((m) => m.before));
  const one = befores.length === 1;
  const reported = new Set((previous?.statements ?? []).map((s) => s.period));
  let why: string;
  if (!previous) why = 'no earlier results are given in previous';
  else if (!befores.some((label) => reported.has(label)))
    why = `the earlier results (previous) have no statement of ${one ? 'it' : 'them'}`;
  else {
    // The earlier results hold the period, but not for these payees (left out of the run that made them).
    const ids = [...new Set(missing.map((m) => m.payee))].sort(compareText);
    const more = ids.length > NAMED ? ` and ${ids.length - NAMED} more` : '';
    why = `the earlier results (previous) have no statement of ${and(ids.slice(0, NAMED))}${more} in ${one ? 'it' : 'them'}`;
  }
  const kinds = [draws.length > 0 ? 'draw' : '', holdbacks.length > 0 ? 'holdback' : ''].filter(Boolean);
  const effects = [
    draws.length > 0 ? 'draws paid before are not recovered' : '',
    holdbacks.length > 0 ? 'money held back before is not paid out' : '',
  ].filter(Boolean);
  const message =
    `${and(firsts)} ${firsts.length === 1 ? 'is' : 'are'} calculated without the results of ${and(befores)}, ` +
    `the period${one ? '' : 's'} before ${firsts.length === 1 ? 'it' : 'them'} (${why}): ${and(kinds)} balances ` +
    `(${[...draws, ...holdbacks].join(', ')}) start at zero in ${and(firsts)}, so ${and(effects)}. ` +
    `Pass the results of ${and(befores)} and the periods before ${one ? 'it' : 'them'} as previous ` +
    '(in data.json, or attain run --previous with the JSON of their run)';
  return { period: firsts[0] as string, code: 'no-previous', message };
}

/** The labels of distinct periods, in calendar order. */
function inOrder(periods: readonly Period[]): string[] {
  const byLabel = new Map(periods.map((p) => [p.label, p]));
  return [...byLabel.values()].sort((a, b) => a.ordinal - b.ordinal).map((p) => p.label);
}
