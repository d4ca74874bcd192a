/**
 * Ramp schedules: a new hire carries the first step of quota in their first period, the second
 * in the second, and so on, then 100%. With `starting next month after day N`, a ramp date after
 * day N of its month counts from the first day of the next month. Periods before the ramp's first
 * period carry the first step.
 */
import type { Dec } from '../decimal.js';
import { ONE } from '../decimal.js';
import type { FiscalCalendar, Period } from '../time/calendar.js';
import { addMonths, civil, dayOf } from '../time/dates.js';

/** The day a ramp starts counting from, after the mid-month rule. */
export function rampStart(rampDate: number, cutoffDay: number | undefined): number {
  if (cutoffDay === undefined) return rampDate;
  const { year, month, day } = civil(rampDate);
  return day > cutoffDay ? addMonths(dayOf(year, month, 1), 1) : rampDate;
}

/** The ramp step applying in `period`, with its 1-based number (0 once the ramp is over). */
export function rampStep(
  steps: readonly Dec[],
  start: number,
  period: Period,
  calendar: FiscalCalendar,
): { factor: Dec; step: number } {
  const first = calendar.containing(period.kind, start);
  const k = Math.max(0, period.ordinal - first.ordinal);
  if (k < steps.length) return { factor: steps[k] as Dec, step: k + 1 };
  return { factor: ONE, step: 0 };
}
