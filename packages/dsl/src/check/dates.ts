/**
 * Date checks: real calendar dates (AT6004), ranges that end after they start (AT6002),
 * versions of one definition whose effective ranges do not overlap (AT6001) and leave no period
 * of the plan without a version (AT6008, a warning), windows, versions and holdback dates inside
 * the plan's effective range (AT6003, AT6005; warnings).
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type {
  DateLit,
  DateRange,
  Declaration,
  EarningDecl,
  HoldbackDecl,
  PlanItem,
  TerritoriesDecl,
} from '../syntax/ast.js';
import { unparen } from './collections.js';
import { type CheckContext, report } from './context.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` (`YYYY-MM-DD`) is a real calendar date: no 2026-02-30, no month 13. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number of days of a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A date range with both ends valid, as strings that compare in date order. */
interface Span {
  from: string;
  to: string;
  range: Range;
}

function span(range: DateRange | undefined): Span | undefined {
  const from = range?.from?.value;
  const to = range?.to?.value;
  if (!range || !from || !to || !isCalendarDate(from) || !isCalendarDate(to)) return undefined;
  return { from, to, range: range.range };
}

/**
 * Checks the dates of the plan's ranges and versions. Date literals inside expressions are
 * checked as they are typed (see {@link checkCalendarDate}).
 */
export function checkDates(ctx: CheckContext): void {
  const plan = ctx.plan;
  if (!plan) return;
  const planSpan = planEffective(ctx);
  const byName = new Map<string, Declaration[]>();
  for (const item of plan.items) {
    checkItemRanges(ctx, item);
    if (item.kind === 'Territories' && planSpan) checkTerritoriesInsidePlan(ctx, item, planSpan);
    if (!('name' in item) || !item.name) continue;
    const list = byName.get(item.name.text);
    if (list) list.push(item);
    else byName.set(item.name.text, [item]);
    if (planSpan) checkInsidePlan(ctx, item, planSpan);
  }
  for (const [name, decls] of byName) if (decls.length > 1) checkVersions(ctx, name, decls, planSpan);
}

/** The date ranges an item writes: its effective range, SPIFF windows, territory assignments. */
function checkItemRanges(ctx: CheckContext, item: PlanItem): void {
  if (item.kind === 'EffectiveSetting' || 'effective' in item) checkRange(ctx, item.effective);
  if (item.kind === 'Earning') {
    for (const clause of item.clauses) if (clause.kind === 'During') checkRange(ctx, clause.window);
  }
  if (item.kind === 'Territories') {
    for (const territory of item.territories) {
      checkRange(ctx, territory.effective);
      for (const clause of territory.clauses) {
        if (clause.kind !== 'TerritoryAssign') continue;
        if (clause.from) checkCalendarDate(ctx, clause.from);
        if (clause.to) checkCalendarDate(ctx, clause.to);
        if (clause.from && clause.to) checkPair(ctx, clause.from, clause.to, clause.range);
      }
    }
  }
}

/** AT6004 for a date literal that is not in the calendar (the parser reports months and days out of range). */
export function checkCalendarDate(ctx: CheckContext, date: DateLit): void {
  if (!DATE.test(date.value) || isCalendarDate(date.value)) return;
  if (ctx.reported.has(date.range.start.offset)) return;
  report(ctx, 'AT6004', date.range, `${date.value} is not a date in the calendar`);
}

function checkPair(ctx: CheckContext, from: DateLit, to: DateLit, range: Range): void {
  if (!isCalendarDate(from.value) || !isCalendarDate(to.value) || to.value >= from.value) return;
  report(ctx, 'AT6002', range, `This range ends on ${to.value}, before it starts on ${from.value}`);
}

function checkRange(ctx: CheckContext, range: DateRange | undefined): void {
  if (!range) return;
  if (range.from) checkCalendarDate(ctx, range.from);
  if (range.to) checkCalendarDate(ctx, range.to);
  if (range.from && range.to) checkPair(ctx, range.from, range.to, range.range);
}

function planEffective(ctx: CheckContext): Span | undefined {
  for (const item of ctx.plan?.items ?? []) {
    if (item.kind === 'EffectiveSetting') {
      const s = span(item.effective);
      return s && s.from <= s.to ? s : undefined;
    }
  }
  return undefined;
}

function describe(s: Span): string {
  return `${s.from} to ${s.to}`;
}

/** AT6003 when `s` is not inside the plan; `what` names it, `are` when it is plural ("the effective dates"). */
function outside(ctx: CheckContext, s: Span, plan: Span, what: string, verb: 'is' | 'are' = 'is'): void {
  if (s.from >= plan.from && s.to <= plan.to) return;
  report(
    ctx,
    'AT6003',
    s.range,
    `${what} (${describe(s)}) ${verb} not inside the plan's effective dates (${describe(plan)})`,
  );
}

function checkInsidePlan(ctx: CheckContext, decl: Declaration, plan: Span): void {
  const name = 'name' in decl ? decl.name?.text : undefined;
  const effective = 'effective' in decl ? span(decl.effective) : undefined;
  if (effective) outside(ctx, effective, plan, `The effective dates of ${name ?? 'this definition'}`, 'are');
  if (decl.kind === 'Earning') checkWindow(ctx, decl, plan);
  if (decl.kind === 'Holdback') checkRelease(ctx, decl, plan);
}

/**
 * Territories and their assignments inside the plan (AT6003): a range not inside the plan's dates
 * partly never applies; an open assignment that starts after the plan ends (or ends before it
 * starts) never applies at all. An open assignment from before the plan simply carries on.
 */
function checkTerritoriesInsidePlan(ctx: CheckContext, block: TerritoriesDecl, plan: Span): void {
  for (const territory of block.territories) {
    const name = territory.name?.text ?? 'this territory';
    const effective = span(territory.effective);
    if (effective) outside(ctx, effective, plan, `The effective dates of territory ${name}`, 'are');
    for (const clause of territory.clauses) {
      if (clause.kind !== 'TerritoryAssign') continue;
      const what = `The assignment of ${clause.payee ? JSON.stringify(clause.payee.value) : 'a payee'} to territory ${name}`;
      const from = clause.from && isCalendarDate(clause.from.value) ? clause.from.value : undefined;
      const to = clause.to && isCalendarDate(clause.to.value) ? clause.to.value : undefined;
      if (from !== undefined && to !== undefined) {
        if (from <= to) outside(ctx, { from, to, range: clause.range }, plan, what);
      } else if (from !== undefined && from > plan.to) {
        report(
          ctx,
          'AT6003',
          clause.range,
          `${what} starts on ${from}, after the plan ends on ${plan.to}, so it never applies`,
        );
      } else if (to !== undefined && to < plan.from) {
        report(
          ctx,
          'AT6003',
          clause.range,
          `${what} ends on ${to}, before the plan starts on ${plan.from}, so it never applies`,
        );
      }
    }
  }
}

function checkWindow(ctx: CheckContext, earning: EarningDecl, plan: Span): void {
  for (const clause of earning.clauses) {
    if (clause.kind !== 'During') continue;
    const window = span(clause.window);
    if (window) outside(ctx, window, plan, `The window of ${earning.name?.text ?? 'this earning'}`);
  }
}

function checkRelease(ctx: CheckContext, holdback: HoldbackDecl, plan: Span): void {
  const until = holdback.until && unparen(holdback.until);
  if (until?.kind !== 'Date' || !isCalendarDate(until.value)) return;
  const name = holdback.name?.text ?? 'this holdback';
  if (until.value > plan.to) {
    report(
      ctx,
      'AT6005',
      until.range,
      `Holdback ${name} is released on ${until.value}, after the plan ends on ${plan.to}: make sure a later plan pays it out`,
    );
  } else if (until.value < plan.from) {
    report(
      ctx,
      'AT6003',
      until.range,
      `Holdback ${name} is released on ${until.value}, before the plan starts on ${plan.from}`,
    );
  }
}

/** The earlier of two `YYYY-MM-DD` dates. */
function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * AT6001: versions of one name must have effective ranges that do not overlap. AT6008: between two
 * versions, no whole period of the plan may be left without one.
 */
function checkVersions(
  ctx: CheckContext,
  name: string,
  decls: readonly Declaration[],
  plan: Span | undefined,
): void {
  const spans: Span[] = [];
  for (const decl of decls) {
    const s = 'effective' in decl ? span(decl.effective) : undefined;
    if (s && s.from <= s.to) spans.push(s);
  }
  spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let latest: Span | undefined;
  for (const s of spans) {
    if (latest && s.from <= latest.to) {
      const end = earlier(s.to, latest.to);
      report(
        ctx,
        'AT6001',
        s.range,
        `Two versions of ${name} are both effective from ${s.from} to ${end}: the effective dates of versions must not overlap`,
        [{ message: `The other version is effective ${describe(latest)}`, range: latest.range }],
      );
    } else if (latest) {
      checkGap(ctx, name, latest, s, plan);
    }
    if (!latest || s.to > latest.to) latest = s;
  }
}

/** The number of months of each kind of period. */
const monthsIn = { month: 1, quarter: 3, half: 6, year: 12 } as const;

/**
 * AT6008: the days after version `before` ends and before version `after` starts hold whole
 * periods of the plan, and a period with no version in force on any of its days has no value of
 * the definition (what uses it pays nothing). A shorter gap loses nothing: a period takes the
 * version in force on its last day, or the latest one that starts within it.
 */
function checkGap(ctx: CheckContext, name: string, before: Span, after: Span, plan: Span | undefined): void {
  const kind = ctx.settings.period;
  if (kind === undefined) return;
  const gapFrom = addDays(before.to, 1);
  const gapTo = addDays(after.from, -1);
  if (gapFrom > gapTo) return;
  const length = monthsIn[kind];
  const fiscalStart = ctx.settings.fiscalYearStart ?? 1;
  const lost: Span[] = [];
  // Periods start on the first of a month, every `length` months from the fiscal year's start.
  let [year, month] = [Number(gapFrom.slice(0, 4)), Number(gapFrom.slice(5, 7))];
  for (let step = 0; step < 120_000; step++) {
    const start = isoDate(year, month, 1);
    if (start > gapTo) break;
    if ((((month - fiscalStart) % length) + length) % length === 0) {
      const end = addDays(isoDate(year, month + length, 1), -1);
      const inPlan = plan === undefined || (start <= plan.to && end >= plan.from);
      if (start >= gapFrom && end <= gapTo && inPlan) lost.push({ from: start, to: end, range: after.range });
    }
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  const first = lost[0];
  const last = lost[lost.length - 1];
  if (first === undefined || last === undefined) return;
  const periods =
    lost.length === 1
      ? `the period from ${first.from} to ${first.to}`
      : `the ${lost.length} periods from ${first.from} to ${last.to}`;
  report(
    ctx,
    'AT6008',
    after.range,
    `No version of ${name} is in force from ${gapFrom} to ${gapTo}, so ${name} has no value in ${periods} and what uses it pays nothing there: start this version on ${gapFrom}, the day after the previous one ends`,
    [{ message: `The previous version ends on ${before.to}`, range: before.range }],
  );
}

/** `YYYY-MM-DD` of a day (a month past 12 rolls into the next year). */
function isoDate(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, years below 100 stay as they are
  return date.toISOString().slice(0, 10);
}

/** The date `days` days after `date` (before it when negative). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDate(y, m, d + days);
}
