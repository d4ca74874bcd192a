/**
 * Clawbacks: what a record paid is taken back when the record is cancelled within a window.
 *
 * A record of the clawback's source whose cancellation date falls `withinDays` days or fewer after
 * its dated field (its close date; the same day counts, a cancellation dated before the close date
 * does not) is clawed back in the period that contains the cancellation date: every earning line
 * paid on that record until then (in earlier runs, in earlier periods of this run, and in the
 * cancellation period itself) is reversed at the amount it paid, that is at the rate it was
 * originally paid, as one negative `clawback` line naming the record. Earlier periods are never
 * rewritten. A cancellation after the window is not clawed back. When two clawbacks cover one
 * source, a record is taken back once, by the first.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement, TraceInput } from '../results/results.js';
import { formatDate } from '../time/dates.js';
import type { Ledger } from './ledger.js';
import { recordKey } from './ledger.js';
import { adjustmentLine, type LineEnv } from './lines.js';
import { amountOf, lineText } from './money.js';
import type { Cancellation } from './terms.js';

/** True when a record dated on day `dated` and cancelled on day `cancelled` is within the window. */
export function withinWindow(dated: number, cancelled: number, withinDays: number): boolean {
  const days = cancelled - dated;
  return days >= 0 && days <= withinDays;
}

/** The clawback lines of one period; `ledger` must already hold this period's statement (its earnings). */
export function clawbackLines(
  env: LineEnv,
  cancellations: readonly Cancellation[],
  statement: Statement,
  ledger: Ledger,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  const done = new Set<string>();
  for (const c of cancellations) {
    const key = recordKey(c.record);
    if (done.has(key) || !withinWindow(c.dated, c.cancelled, c.clawback.withinDays)) continue;
    const paid = ledger.linesOn(c.record, statement.start);
    let total: Dec = ZERO;
    const inputs: TraceInput[] = [];
    const rates = new Set<string>();
    for (const { period, earning, line } of paid) {
      const amount = amountOf(line.amount);
      total = total.plus(amount);
      inputs.push({ name: `${period} ${line.id}`, value: line.amount, unit: env.currency });
      if (line.rate !== undefined) {
        inputs.push({ name: `${period} ${line.id} rate`, value: line.rate });
        rates.add(`${line.rate} (${earning.name})`);
      }
    }
    if (total.isZero()) continue;
    done.add(key);
    const name = c.record.key ?? `row ${c.record.row ?? '?'}`;
    const days = c.cancelled - c.dated;
    const rateText =
      rates.size > 0 ? ` at the original rate ${[...rates].join(', ')}` : ' at the original amounts';
    lines.push(
      adjustmentLine(env, {
        id: `clawback:${c.clawback.name}:${name}`,
        kind: 'clawback',
        element: c.clawback,
        amount: total.neg(),
        record: c.record,
        inputs: [
          { name: 'dated', value: formatDate(c.dated) },
          { name: 'cancelled', value: formatDate(c.cancelled) },
          { name: 'days to cancellation', value: String(days) },
          ...inputs,
        ],
        text: `${c.record.source} ${name} closed on ${formatDate(c.dated)} and was cancelled on ${formatDate(c.cancelled)}, ${days} days later (within ${c.clawback.withinDays}): reverses ${paid.length} line${paid.length === 1 ? '' : 's'} paying ${lineText(total, env.rounding)}${rateText}`,
        reason: `${c.record.source} ${name} cancelled on ${formatDate(c.cancelled)}`,
      }),
    );
  }
  return lines;
}
