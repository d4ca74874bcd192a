/**
 * Spreading an annual quota over the periods of a fiscal year: seasonality, a ramp for new hires
 * (with the mid-month start rule), calendar-day proration for joiners, leavers and transfers, and
 * relief for territory changes. The per-period arithmetic is the engine's own (quota/amount.ts,
 * quota/ramp.ts, quota/proration.ts); amounts are rounded so that they add up exactly.
 */

import type { DaySpan } from '../data/model.js';
import { readDecimal } from '../data/values.js';
import { type Dec, ONE, sumOf } from '../decimal.js';
import { quotaAmount } from '../quota/amount.js';
import { daysInSpans } from '../quota/proration.js';
import { rampStart, rampStep } from '../quota/ramp.js';
import { allocate } from '../round/allocate.js';
import { fixed } from '../round/round.js';
import { quoteAny } from '../text/quoted.js';
import { FiscalCalendar, MONTHS, type Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { type PlanningProblem, PlanningProblems } from './problems.js';
import { checkDecimals, readDate, readRatio } from './read.js';
import { type QuotaRelief, type ReliefStep, readReliefs, reliefIn } from './relief.js';
import { kindOfSeasonality, readSeasonality, type SpreadPeriodKind, seasonalSplit } from './seasonality.js';

/** A ramp schedule for a new hire. */
export interface RampSchedule {
  /** The date the ramp counts from, usually the hire date (`YYYY-MM-DD`). */
  from: string;
  /** The share of quota in the first, second, ... period (`"25%"`), then 100%. */
  steps: readonly string[];
  /** The mid-month rule: a `from` date after this day of its month counts from the 1st of the next month. */
  startNextMonthAfterDay?: number;
}

/** Days on the plan (`YYYY-MM-DD`, both ends inclusive); an open end is the year's. */
export interface OnPlanSpan {
  from?: string;
  to?: string;
}

/** How {@link spreadQuota} spreads an annual quota. */
export interface SpreadOptions {
  /** The fiscal year, named by the calendar year it starts in. */
  fiscalYear: number;
  /** The first month of the fiscal year (1 = January, the default). */
  fiscalYearStart?: number;
  /** The periods to spread over; default: those of the seasonality (a quarter without one). */
  period?: SpreadPeriodKind;
  /** 2, 4 or 12 percentages adding up to 100%; default: even. */
  seasonality?: readonly string[];
  /** A new hire's ramp. */
  ramp?: RampSchedule;
  /** Calendar-day proration for joiners, leavers and transfers: the days on the plan. */
  onPlan?: OnPlanSpan | readonly OnPlanSpan[];
  /** Accounts moved away during the year. */
  relief?: readonly QuotaRelief[];
  /** Decimal places of every amount (default 2). */
  decimals?: number;
}

/** One period of a spread quota. */
export interface SpreadPeriod {
  /** The period's label (`2026-Q1`, `2026-03`, `2026-H1`). */
  period: string;
  start: string;
  end: string;
  /** The period's share of the year, a ratio. */
  seasonality: string;
  /** The annual amount × the period's share, rounded: these add up exactly to `annual`. */
  seasonal: string;
  /** The ramp factor, a ratio (`"1"` when there is no ramp or it is over). */
  ramp: string;
  /** The ramp step (1-based), 0 once the ramp is over; only with a ramp. */
  rampStep?: number;
  /** Days on the plan in the period, and days in the period. */
  days: number;
  of: number;
  /** The territory relief taken off, rounded half up (for reading: `amount` is computed unrounded). */
  relief: string;
  /** The quota of the period: these add up exactly to `total`. */
  amount: string;
}

/** The result of {@link spreadQuota}. */
export interface QuotaSpread {
  /** The annual amount, rounded. */
  annual: string;
  /** The sum of the periods' amounts: the annual amount after ramp, proration and relief. */
  total: string;
  /** The periods of the fiscal year in order; empty when there are errors. */
  periods: SpreadPeriod[];
  problems: PlanningProblem[];
}

const KINDS: readonly SpreadPeriodKind[] = ['month', 'quarter', 'half'];
const NO_DAY = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

/**
 * Spreads an annual quota over the periods of a fiscal year. Each period's seasonal amount is
 * `annual × share`, rounded so that they add up to the annual amount. Its quota is then the
 * engine's `seasonal × ramp step × days on plan / days in period − relief` (never below zero),
 * rounded by largest remainder so that the periods add up exactly to `total`, their rounded sum.
 * Throws only on API misuse (no options object, a fiscal year or start month that is not one, bad
 * `decimals`).
 */
export function spreadQuota(annual: string, options: SpreadOptions): QuotaSpread {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object such as { fiscalYear: 2026 }, not ${quoteAny(options)}`);
  }
  const decimals = checkDecimals(options.decimals ?? 2);
  if (!Number.isInteger(options.fiscalYear)) {
    throw new RangeError(`fiscalYear must be an integer, not ${quoteAny(options.fiscalYear)}`);
  }
  const startMonth = options.fiscalYearStart ?? 1;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscalYearStart must be a month from 1 to 12, not ${quoteAny(startMonth)}`);
  }
  if (options.period !== undefined && !KINDS.includes(options.period)) {
    throw new TypeError(`period must be one of ${KINDS.join(', ')}, not ${quoteAny(options.period)}`);
  }
  const problems = new PlanningProblems();
  const amount = readDecimal(annual);
  if (amount === undefined || amount.isNegative()) {
    problems.error(
      'bad-amount',
      undefined,
      `the annual quota ${quoteAny(annual)} is not an amount of at least 0`,
    );
  }
  const seasonality = options.seasonality && readSeasonality(options.seasonality, problems);
  const ramp = options.ramp && readRamp(options.ramp, problems);
  const onPlan = readOnPlan(options.onPlan, problems);
  const relief = readReliefs(options.relief ?? [], problems);
  if (problems.failed || amount === undefined || !onPlan || !relief) {
    return { annual: String(annual), total: String(annual), periods: [], problems: problems.sorted() };
  }

  const kind = options.period ?? kindOfSeasonality(options.seasonality?.length);
  const rounded = amount.toDecimalPlaces(decimals);
  const { shares, amounts } = seasonalSplit(rounded, seasonality, kind, decimals);
  const calendar = new FiscalCalendar(startMonth);
  const count = 12 / MONTHS[kind];
  const rows = amounts.map((seasonal, i) => {
    const period = calendar.byOrdinal(kind, options.fiscalYear * count + i);
    return periodRow(period, seasonal, calendar, ramp, onPlan, relief);
  });
  const total = sumOf(rows.map((r) => r.exact)).toDecimalPlaces(decimals);
  const final = allocate(
    rows.map((r) => r.exact),
    total,
    decimals,
  );
  const periods = rows.map(
    (row, i): SpreadPeriod => ({
      period: row.period.label,
      start: formatDate(row.period.start),
      end: formatDate(row.period.end),
      seasonality: (shares[i] as Dec).toString(),
      seasonal: fixed(amounts[i] as Dec, decimals),
      ramp: row.ramp.toString(),
      ...(row.rampStep !== undefined && { rampStep: row.rampStep }),
      days: row.days.days,
      of: row.days.of,
      relief: fixed(row.relief, decimals),
      amount: fixed(final[i] as Dec, decimals),
    }),
  );
  return {
    annual: fixed(rounded, decimals),
    total: fixed(total, decimals),
    periods,
    problems: problems.sorted(),
  };
}

interface Ramp {
  start: number;
  steps: Dec[];
}

/** One period before rounding. */
function periodRow(
  period: Period,
  seasonal: Dec,
  calendar: FiscalCalendar,
  ramp: Ramp | undefined,
  onPlan: readonly DaySpan[],
  relief: readonly ReliefStep[],
) {
  const step = ramp ? rampStep(ramp.steps, ramp.start, period, calendar) : undefined;
  const days = daysInSpans(onPlan, period, NO_DAY);
  const relieved = reliefIn(relief, seasonal, step?.factor, onPlan, period);
  const exact = quotaAmount(seasonal, { ...(step && { ramp: step.factor }), days, relief: relieved });
  return { period, ramp: step?.factor ?? ONE, rampStep: step?.step, days, relief: relieved, exact };
}

function readRamp(ramp: RampSchedule, problems: PlanningProblems): Ramp | undefined {
  const from = readDate(ramp.from);
  if (from === undefined) {
    problems.error('bad-date', undefined, `the ramp date ${quoteAny(ramp.from)} is not a date (YYYY-MM-DD)`, {
      input: 'ramp',
      fields: ['from'],
    });
  }
  const steps: Dec[] = [];
  for (const text of ramp.steps ?? []) {
    const step = readRatio(text);
    if (step === undefined || step.isNegative() || step.gt(1)) {
      problems.error(
        'bad-ramp',
        undefined,
        `the ramp step ${quoteAny(text)} is not a percentage from 0% to 100%`,
        { input: 'ramp', fields: ['steps'] },
      );
    } else steps.push(step);
  }
  const cutoff = ramp.startNextMonthAfterDay;
  if (cutoff !== undefined && (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > 31)) {
    problems.error(
      'bad-ramp',
      undefined,
      `the mid-month rule's day must be a day from 1 to 31, not ${quoteAny(cutoff)}`,
      { input: 'ramp', fields: ['startNextMonthAfterDay'] },
    );
  }
  if (from === undefined || steps.length !== (ramp.steps ?? []).length) return undefined;
  return { start: rampStart(from, cutoff), steps };
}

/** The days on the plan as sorted spans; `undefined` (problems recorded) when a date is bad. */
function readOnPlan(onPlan: SpreadOptions['onPlan'], problems: PlanningProblems): DaySpan[] | undefined {
  if (onPlan === undefined) return [NO_DAY];
  const spans: DaySpan[] = [];
  let usable = true;
  for (const span of Array.isArray(onPlan) ? onPlan : [onPlan as OnPlanSpan]) {
    const from = span.from === undefined ? NO_DAY.from : readDate(span.from);
    const to = span.to === undefined ? NO_DAY.to : readDate(span.to);
    if (from === undefined || to === undefined) {
      const bad = from === undefined ? span.from : span.to;
      problems.error(
        'bad-date',
        undefined,
        `the date on the plan ${quoteAny(bad)} is not a date (YYYY-MM-DD)`,
        { input: 'onPlan', fields: [from === undefined ? 'from' : 'to'] },
      );
      usable = false;
    } else if (from > to && span.from !== undefined && span.to !== undefined) {
      problems.error(
        'bad-date',
        undefined,
        `the days on the plan end (${span.to}) before they start (${span.from})`,
        { input: 'onPlan', fields: ['from', 'to'] },
      );
      usable = false;
    } else if (from <= to) spans.push({ from, to });
  }
  return usable ? spans.sort((a, b) => a.from - b.from || a.to - b.to) : undefined;
}
