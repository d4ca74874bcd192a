/**
 * What earlier periods of the fiscal year paid for an earning: from earlier results when the
 * dataset brings them (what was really paid), else as calculated now.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import type { CompiledEarning } from './earning.js';
import { earningOutcome } from './earning.js';

/** The sum paid for `e` by the payee in the periods of the fiscal year before the context's. */
export function paidEarlier(ctx: Ctx, e: CompiledEarning): Dec {
  const run = ctx.run;
  const program = run.program;
  let total = ZERO;
  for (const p of program.calendar.toDate(ctx.period, 'year')) {
    if (p === ctx.period || p.end < program.start || p.start > program.end) continue;
    const previous = ctx.payee ? run.previousEarning(ctx.payee.id, p.label, e.earning.name) : undefined;
    const paid = previous ?? earningOutcome(run.context(ctx.payee, p, false), e).amount;
    total = total.plus(paid);
  }
  return total;
}
