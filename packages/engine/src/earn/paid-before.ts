/**
 * What earlier periods of the fiscal year paid for an earning. For `paid year to date` earnings:
 * from earlier results when the dataset brings them (what was really paid: the current period pays
 * the year to date minus that, so a correction of a closed period flows into it), else as
 * calculated now. For `once` earnings always as calculated now, on the corrected data: a closed
 * period's correction is paid as a recalculation line, and the milestone is judged on what the
 * earlier periods pay after it.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import type { CompiledEarning } from './earning.js';
import { earningOutcome } from './earning.js';

/**
 * The sum paid for `e` by the payee in the periods of the fiscal year before the context's in which
 * the payee was on the plan (a period before a mid-year start paid nothing: no statement).
 */
export function paidEarlier(ctx: Ctx, e: CompiledEarning): Dec {
  const run = ctx.run;
  const program = run.program;
  let total = ZERO;
  for (const p of program.calendar.toDate(ctx.period, 'year')) {
    if (p === ctx.period) continue;
    if (ctx.payee ? !program.onPlan(ctx.payee, p) : p.end < program.start || p.start > program.end) continue;
    const previous =
      ctx.payee && e.earning.paidYearToDate
        ? run.previousEarning(ctx.payee.id, p.label, e.earning.name)
        : undefined;
    const paid = previous ?? earningOutcome(run.context(ctx.payee, p, false), e).amount;
    total = total.plus(paid);
  }
  return total;
}
