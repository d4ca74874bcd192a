/**
 * What earlier periods of the fiscal year paid for an earning. For `paid year to date` earnings:
 * from earlier results when the dataset brings them (what was really paid, recalculation lines
 * included: the current period pays the year to date minus that, so a correction of a closed
 * period flows into it), else as calculated now. For `once` earnings as calculated now, on the
 * corrected data (a closed period's correction is paid as a recalculation line, and the milestone
 * is judged on what the earlier periods pay after it), except for a period of the earlier results
 * that this run does not calculate again: it keeps what it reported, so what it reported, with
 * every recalculation line paid for it (also one paid by the period judged, when that period is
 * calculated again), is what it paid.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import { formatDate } from '../time/dates.js';
import type { CompiledEarning } from './earning.js';
import { earningOutcome } from './earning.js';

/** The trace input of a `paid year to date` or `once` earning naming what earlier periods paid. */
export const PAID_EARLIER = 'paid earlier this year';

/**
 * The sum paid for `e` by the payee in the periods of the fiscal year before the context's in which
 * the payee is on the plan (a period before a mid-year start paid nothing: no statement). A period
 * the payee is off the plan in now is skipped even when earlier results hold what it paid (a start
 * date moved later), as one call over every period skips it, when the run calculates it again: its
 * recalculation line takes that back, and `recalc/year-to-date.ts` counts none of it as taken in
 * here. A `paid year to date` earning takes off what such a period was paid when the run leaves it
 * out (it is not recalculated): like a left-out period on the plan, whose change the year to date
 * takes in, this amount takes back what it was paid (the year-to-date module counts it as that
 * period's correction, its own part being what one call pays).
 */
export function paidEarlier(ctx: Ctx, e: CompiledEarning): Dec {
  const run = ctx.run;
  const program = run.program;
  let total = ZERO;
  // A `paid year to date` earning took off, in the period, what was paid before it started
  // (`recalc/year-to-date.ts` counts the rest as absorbed); a `once` earning counts what a
  // period not calculated again pays in all: its corrections stand, wherever they were paid.
  const before = e.earning.paidYearToDate ? formatDate(ctx.period.start) : undefined;
  for (const p of program.calendar.toDate(ctx.period, 'year')) {
    if (p === ctx.period) continue;
    const again = run.calculated === undefined || run.calculated.has(p.label);
    if (ctx.payee ? !program.onPlan(ctx.payee, p) : p.end < program.start || p.start > program.end) {
      // Off the plan now (a start date moved later), a closed period the run leaves out keeps what
      // it was paid: a `paid year to date` earning takes that off, so its amount takes it back.
      if (ctx.payee && e.earning.paidYearToDate && !again)
        total = total.plus(run.previousEarning(ctx.payee.id, p.label, e.earning.name, before) ?? ZERO);
      continue;
    }
    const reported = e.earning.paidYearToDate || !again;
    const previous =
      ctx.payee && reported ? run.previousEarning(ctx.payee.id, p.label, e.earning.name, before) : undefined;
    const paid = previous ?? earningOutcome(run.context(ctx.payee, p, false), e).amount;
    total = total.plus(paid);
  }
  return total;
}
