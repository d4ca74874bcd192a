/**
 * Calendar-day proration: the share of a period a payee spends on the plan.
 */
import type { DaySpan, PayeeData } from '../data/model.js';
import type { Period } from '../time/calendar.js';

/** Days of the period on the plan, and days of the period. */
export interface DaysOnPlan {
  days: number;
  of: number;
}

/**
 * Counts the days of `period` that are inside the plan's effective dates and inside the payee's
 * assignments to the plan (all of the plan's days when the payee lists none). Overlapping
 * assignments count each day once.
 */
export function daysOnPlan(payee: PayeeData | null, period: Period, plan: DaySpan): DaysOnPlan {
  return daysInSpans(payee?.onPlan ?? [plan], period, plan);
}

/**
 * Counts the days of `period` (both ends inclusive) that are inside `bounds` and inside one of
 * `spans` (sorted by their first day); a day inside several spans counts once.
 */
export function daysInSpans(
  spans: readonly DaySpan[],
  period: { start: number; end: number },
  bounds: DaySpan,
): DaysOnPlan {
  const of = period.end - period.start + 1;
  let days = 0;
  let covered = period.start - 1; // last day counted so far
  for (const span of spans) {
    const from = Math.max(span.from, bounds.from, period.start, covered + 1);
    const to = Math.min(span.to, bounds.to, period.end);
    if (to >= from) {
      days += to - from + 1;
      covered = to;
    }
  }
  return { days, of };
}
