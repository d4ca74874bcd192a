/**
 * Period-to-date windows: `ytd(m)`, `htd(m)`, `qtd(m)` and `mtd(m)` add up the values of `m` in
 * each period of the plan from the start of the fiscal year (half, quarter, month) containing the
 * current period up to the current period, inside the plan's effective dates. A window no longer
 * than the plan's period is the period itself. Periods without a value are left out.
 */
import type { Dec } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import { isDec, type Value } from '../evaluate/value.js';
import type { PeriodKind } from '../time/calendar.js';

/** The sum of definition `id` over the periods of `window` up to the context's period. */
export function toDate(ctx: Ctx, window: PeriodKind, id: number): Value {
  const run = ctx.run;
  const program = run.program;
  let total: Dec | null = null;
  for (const p of program.calendar.toDate(ctx.period, window)) {
    if (p.end < program.start || p.start > program.end) continue;
    // The current period is this very context (a per-line context sees its prefix of records).
    const at = p === ctx.period ? ctx : run.context(ctx.payee, p, ctx.projected, ctx.window);
    const v = at.get(id);
    if (isDec(v)) total = total === null ? v : total.plus(v);
  }
  return total;
}
