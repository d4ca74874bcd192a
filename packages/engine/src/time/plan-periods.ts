/**
 * The calculation periods of a plan by label, for hosts that name periods before calculating (the
 * CLI's `--period`, the demo's first period): the calendar `calculate` reads `options.periods` with.
 */
import type { DateSpan, Plan } from '@attain/dsl';
import { quoteAny } from '../text/quoted.js';
import { FiscalCalendar, type Period } from './calendar.js';
import { formatDate, parseDate } from './dates.js';

/** A calculation period of a plan: its label, and its first and last days (`YYYY-MM-DD`, both inclusive). */
export interface PlanPeriod extends DateSpan {
  /**
   * `2026-03` (a calendar month), `2026-Q1`, `2026-H1` or `FY2026`: a fiscal year, and its quarters
   * and halves, are named by the calendar year it starts in.
   */
  label: string;
}

function planPeriodOf(period: Period): PlanPeriod {
  return { label: period.label, from: formatDate(period.start), to: formatDate(period.end) };
}

/**
 * The period `label` names in the plan's fiscal calendar, when it is a period of the plan's kind
 * (the labels `calculate` accepts in `options.periods`): with `fiscal year starts february`,
 * `2026-Q1` is 2026-02-01 to 2026-04-30. `undefined` for anything else (a label of another kind,
 * `2026-13`). Whether the plan is in effect then is not checked.
 */
export function planPeriod(plan: Plan, label: string): PlanPeriod | undefined {
  const period = new FiscalCalendar(plan.header.fiscalYearStart).parse(label);
  return period && period.kind === plan.header.period ? planPeriodOf(period) : undefined;
}

/**
 * The plan's first calculation period: the one containing the first day of its effective dates.
 * Throws a `RangeError` for a plan whose effective dates are not dates (not a checked plan).
 */
export function firstPlanPeriod(plan: Plan): PlanPeriod {
  const start = parseDate(plan.header.effective.from);
  if (start === undefined)
    throw new RangeError(`plan ${quoteAny(plan.header.name)} has no effective start date`);
  return planPeriodOf(new FiscalCalendar(plan.header.fiscalYearStart).containing(plan.header.period, start));
}
