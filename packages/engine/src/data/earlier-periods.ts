/**
 * Earlier periods a run needs but does not have. Draw and holdback balances are carried into a
 * period from the payee's latest statement before it: one of this run, or one of the earlier
 * results (`Dataset.previous`). A run whose first period comes after payees were already on the
 * plan, without the results of the period before it, carries in the balances of the payee's
 * latest earlier statement the earlier results do hold (out of date: what the periods skipped
 * recovered, paid, held back and released is not in them), or starts them from zero balances
 * when there is none: a draw paid before is not recovered, and money held back before is not paid
 * out. Nothing in the data says so, so the run warns (`no-previous`), once.
 *
 * Only balances are affected. What else reaches across periods is worked out without the earlier
 * results: `paid year to date` and `once` earnings count the earlier periods of the year as
 * calculated now, guarantees and draws count their periods from dates, and a non-recoverable draw
 * keeps no balance. A clawback of a record paid in a period missing from the earlier results has a
 * warning of its own (`not-clawed-back`, payout/unsettled.ts).
 */
import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import type { CalculationWarning, Results } from '../results/results.js';
import type { FiscalCalendar, Period } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import { listed, listedFirst } from '../trace/sentence.js';
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

/** `draw and holdback balances (d, h)`: the balances a warning is about. */
function balancesText(draws: readonly string[], holdbacks: readonly string[]): string {
  const kinds = [draws.length > 0 ? 'draw' : '', holdbacks.length > 0 ? 'holdback' : ''].filter(Boolean);
  return `${listed(kinds)} balances (${[...draws, ...holdbacks].join(', ')})`;
}

/**
 * The balances the plan carries from period to period, by kind: recoverable draws and holdbacks;
 * `undefined` for a plan that carries none (nothing to warn about when earlier results are missing).
 */
/** The plan's balances carried from period to period: recoverable draws and holdbacks, by name. */
interface Carried {
  draws: string[];
  holdbacks: string[];
}

function carried(plan: Plan): Carried | undefined {
  const draws = plan.draws.filter((d) => d.recoverable).map((d) => d.name);
  const holdbacks = plan.holdbacks.map((h) => h.name);
  return draws.length === 0 && holdbacks.length === 0 ? undefined : { draws, holdbacks };
}

/**
 * A payee whose balances are not those of the period before: the earlier period missing, the
 * run's first period for them, and the latest earlier statement the earlier results hold of them
 * (its balances are carried in, out of date), if any (else their balances start at zero).
 */
interface Missing {
  payee: string;
  before: Period;
  first: Period;
  stale?: { period: string; end: string };
}

/** `a`, `a and b`, or `a to d` for more than two periods in a row (labels in calendar order). */
function span(periods: readonly Period[]): string {
  const labels = inOrder(periods);
  const ordinals = [...new Map(periods.map((p) => [p.label, p.ordinal])).values()].sort((a, b) => a - b);
  const inARow = ordinals.every((o, i) => i === 0 || o === (ordinals[i - 1] as number) + 1);
  return labels.length > 2 && inARow ? `${labels[0]} to ${labels.at(-1)}` : listed(labels);
}

/** `ae-1, ae-2 and ae-3`, or the first five `and N more` (see {@link listedFirst}). */
function named(ids: readonly string[]): string {
  return listedFirst([...new Set(ids)].sort(compareText));
}

/**
 * The `no-previous` warning of a run, or `undefined` when nothing starts at zero that should not.
 *
 * For each payee on the plan in the run (`periods`, in order), the period before their first
 * period in the run in which they were on the plan: when there is one and the earlier results
 * (`previous`, already checked) hold no statement of the payee ending in or after it (and before
 * the run's period), their draw and holdback balances are those of their latest earlier statement
 * there, out of date (the warning names it and the periods skipped), or zero when there is none.
 * One warning names the periods (and, when the earlier results hold them for other payees, the
 * payees) for the whole run.
 */
function missingEarlierResults(
  dates: PlanDates,
  payees: readonly PayeeData[],
  periods: readonly Period[],
  previous: Results | undefined,
  { draws, holdbacks }: Carried,
): CalculationWarning | undefined {
  const ends = new Map<string, { period: string; end: string }[]>();
  for (const s of previous?.statements ?? []) {
    const list = ends.get(s.payee);
    if (list) list.push(s);
    else ends.set(s.payee, [s]);
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
    const earlier = (ends.get(payee.id) ?? []).filter((s) => s.end < to);
    if (earlier.some((s) => s.end >= from)) continue;
    // Else the latest one before `before` gives them, out of date.
    const stale = earlier.reduce<{ period: string; end: string } | undefined>(
      (latest, s) => (latest === undefined || s.end > latest.end ? s : latest),
      undefined,
    );
    missing.push(stale ? { payee: payee.id, before, first, stale } : { payee: payee.id, before, first });
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
    why = `the earlier results (previous) have no statement of ${named(missing.map((m) => m.payee))} in ${one ? 'it' : 'them'}`;
  }
  const balances = balancesText(draws, holdbacks);
  const stale = missing.filter((m) => m.stale);
  const zero = missing.filter((m) => !m.stale);
  // Both kinds: each clause names its payees.
  const who = (list: readonly Missing[]) =>
    stale.length > 0 && zero.length > 0 ? `for ${named(list.map((m) => m.payee))}, ` : '';
  const clauses: string[] = [];
  if (stale.length > 0)
    clauses.push(`${who(stale)}${carriedStale(dates, stale, balances, draws, holdbacks)}`);
  if (zero.length > 0) {
    const effects = [
      draws.length > 0 ? 'draws paid before are not recovered' : '',
      holdbacks.length > 0 ? 'money held back before is not paid out' : '',
    ].filter(Boolean);
    const starts = `start at zero in ${listed(inOrder(zero.map((m) => m.first)))}, so ${listed(effects)}`;
    clauses.push(`${who(zero)}${stale.length > 0 ? 'they' : balances} ${starts}`);
  }
  const message =
    `${listed(firsts)} ${firsts.length === 1 ? 'is' : 'are'} calculated without the results of ${listed(befores)}, ` +
    `the period${one ? '' : 's'} before ${firsts.length === 1 ? 'it' : 'them'} (${why}): ${clauses.join('; ')}. ` +
    `Pass the results of ${listed(befores)} and the periods before ${one ? 'it' : 'them'} as previous ` +
    '(in data.json, or attain run --previous with the JSON of their run)';
  return { period: firsts[0] as string, code: 'no-previous', message };
}

/**
 * What happens to payees whose balances come from an out-of-date earlier statement:
 * `draw balances (d) are carried into 2026-Q3 from the latest earlier results, 2026-Q1, skipping
 * 2026-Q2, so what 2026-Q2 did to them is lost: draws it recovered are owed again, …`.
 */
function carriedStale(
  dates: PlanDates,
  stale: readonly Missing[],
  balances: string,
  draws: readonly string[],
  holdbacks: readonly string[],
): string {
  const froms = stale
    .map((m) => m.stale as { period: string; end: string })
    .sort((x, y) => compareText(x.end, y.end))
    .map((x) => x.period)
    .filter((label, i, all) => all.indexOf(label) === i);
  const skipped: Period[] = [];
  for (const m of stale) {
    // The periods after the statement carried in, up to the one before the run.
    const day = (parseDate(m.stale?.end as string) as number) + 1;
    const after = dates.calendar.containing(m.before.kind, day);
    for (let o = after.ordinal; o <= m.before.ordinal; o++)
      skipped.push(dates.calendar.byOrdinal(m.before.kind, o));
  }
  const gap = span(skipped);
  const it = new Set(skipped.map((p) => p.label)).size === 1 ? 'it' : 'they';
  const lost = [
    ...(draws.length > 0 ? [`draws ${it} recovered are owed again`, `draws ${it} paid are not owed`] : []),
    ...(holdbacks.length > 0
      ? [`money ${it} held back is not held`, `money ${it} released is held again`]
      : []),
  ];
  const latest = froms.length === 1 ? 'the latest earlier results' : "each payee's latest earlier results";
  return (
    `${balances} are carried into ${listed(inOrder(stale.map((m) => m.first)))} from ${latest}, ` +
    `${listed(froms)}, skipping ${gap}, so what ${gap} did to them is lost: ${listed(lost)}`
  );
}

/** The labels of distinct periods, in calendar order. */
function inOrder(periods: readonly Period[]): string[] {
  const byLabel = new Map(periods.map((p) => [p.label, p]));
  return [...byLabel.values()].sort((a, b) => a.ordinal - b.ordinal).map((p) => p.label);
}

/**
 * The `no-previous` warning for periods a run skips between its own (`--period 2026-Q1,2026-Q3`)
 * that the earlier results do not hold either, for a plan that carries draw or holdback balances:
 * they are carried from the period before the gap into the one after it, as if the skipped
 * periods paid nothing. `undefined` when there is no such gap, or no payee is on the plan in it.
 */
function skippedInRun(
  dates: PlanDates,
  payees: readonly PayeeData[],
  periods: readonly Period[],
  previous: Results | undefined,
  { draws, holdbacks }: Carried,
): CalculationWarning | undefined {
  const reported = new Set((previous?.statements ?? []).map((s) => s.period));
  const inRun = new Set(periods.map((p) => p.label));
  const sorted = [...periods].sort((a, b) => a.ordinal - b.ordinal);
  const gaps: Period[] = [];
  let after: Period | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1] as Period, sorted[i] as Period];
    for (let o = a.ordinal + 1; o < b.ordinal; o++) {
      const p = dates.calendar.byOrdinal(a.kind, o);
      if (inRun.has(p.label) || reported.has(p.label)) continue;
      if (!payees.some((payee) => dates.onPlan(payee, p))) continue;
      gaps.push(p);
      after ??= b;
    }
  }
  if (!after) return undefined;
  const gap = span(gaps);
  const one = new Set(gaps.map((p) => p.label)).size === 1;
  const balances = balancesText(draws, holdbacks);
  const words = [
    ...(draws.length > 0 ? ['advanced', 'recovered'] : []),
    ...(holdbacks.length > 0 ? ['held back', 'released'] : []),
  ];
  const message =
    `the run skips ${gap} between its periods, and the earlier results (previous) have no statement of ${one ? 'it' : 'them'}: ` +
    `${balances} are carried across ${one ? 'it' : 'them'} as if ${gap} paid nothing, so whatever ${one ? 'it' : 'they'} ` +
    `would have ${listed(words, 'or')} is missing from them. ` +
    `Calculate ${gap} in the same run, or pass ${one ? 'its' : 'their'} results as previous`;
  return { period: after.label, code: 'no-previous', message };
}

/**
 * The `later-reported` warning for a run of periods before one the earlier results already hold
 * (periods run out of order: Q4, then Q3, then Q1), for a plan that carries draw or holdback
 * balances: the later period was paid on balances without what the run's periods pay now, and it
 * is not paid again, so draws they advance are never recovered and money they hold back is never
 * released there. `undefined` when the earlier results hold no period after the run's new ones, or
 * no payee is on the plan in those.
 */
function laterReported(
  dates: PlanDates,
  payees: readonly PayeeData[],
  periods: readonly Period[],
  previous: Results | undefined,
  { draws, holdbacks }: Carried,
): CalculationWarning | undefined {
  if (!previous) return undefined;
  const reported = new Set(
    (previous.statements ?? []).map((s) => s?.period).filter((p) => typeof p === 'string'),
  );
  // The run's periods that pay now (not returned as reported), with a payee on the plan.
  const fresh = periods.filter(
    (p) => !reported.has(p.label) && payees.some((payee) => dates.onPlan(payee, p)),
  );
  const last = fresh.reduce<Period | undefined>((a, p) => (a && a.end >= p.end ? a : p), undefined);
  if (!last) return undefined;
  const later: Period[] = [];
  for (const label of reported) {
    const period = dates.calendar.parse(label);
    if (period && period.start > last.end) later.push(period);
  }
  if (later.length === 0) return undefined;
  const them = span(later);
  const one = new Set(later.map((p) => p.label)).size === 1;
  const now = span(fresh);
  const lost = [
    ...(draws.length > 0 ? [`draws ${now} advance now are not recovered there`] : []),
    ...(holdbacks.length > 0
      ? [`money ${now} hold${fresh.length === 1 ? 's' : ''} back now is not released there`]
      : []),
  ];
  const message =
    `the earlier results (previous) hold ${them}, after this run's ${now}: ${one ? 'it was' : 'they were'} paid on ` +
    `${balancesText(draws, holdbacks)} without what ${now} pay${fresh.length === 1 ? 's' : ''} now, and ${one ? 'it is' : 'they are'} not paid again, so ${listed(lost)}. ` +
    `Calculate ${now} to ${inOrder(later).at(-1)} again in one run with a later period, which pays the differences`;
  return { period: last.label, code: 'later-reported', message };
}

/**
 * The warnings of a run about balances carried from periods it does not calculate, for a plan
 * that carries draw or holdback balances (none for any other): `no-previous` for the periods
 * before the run missing from the earlier results ({@link missingEarlierResults}) and for periods
 * the run skips between its own ({@link skippedInRun}); `later-reported` for a run of periods
 * before one the earlier results already hold ({@link laterReported}).
 */
export function balanceWarnings(
  dates: PlanDates,
  payees: Iterable<PayeeData>,
  periods: readonly Period[],
  previous: Results | undefined,
): CalculationWarning[] {
  const balances = carried(dates.plan);
  if (!balances) return [];
  const everyone = [...payees];
  return [
    missingEarlierResults(dates, everyone, periods, previous, balances),
    skippedInRun(dates, everyone, periods, previous, balances),
    laterReported(dates, everyone, periods, previous, balances),
  ].filter((w): w is CalculationWarning => w !== undefined);
}
