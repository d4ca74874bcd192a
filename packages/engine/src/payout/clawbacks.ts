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
 * source, a record is taken back once, by the first. A cancellation in a period in which the payee
 * has no statement (they left the plan, or it ended) takes nothing back: `unsettled.ts` says so.
 */

import { recordName } from '../data/model.js';
import { type Dec, decText, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement, TraceInput } from '../results/results.js';
import { formatDate } from '../time/dates.js';
import { exactMoney, moneyDecimals, percent } from '../trace/sentence.js';
import { type Ledger, type PaidLine, recordKey } from './ledger.js';
import { adjustmentLine, type LineEnv, moneyText } from './lines.js';
import { amountOf } from './money.js';
import type { Cancellation } from './terms.js';

/** True when a record dated on day `dated` and cancelled on day `cancelled` is within the window. */
export function withinWindow(dated: number, cancelled: number, withinDays: number): boolean {
  const days = cancelled - dated;
  return days >= 0 && days <= withinDays;
}

/** Positions of cancellations by record key, built once per list (the list is shared by every payee of a run). */
const keyIndexes = new WeakMap<readonly Cancellation[], Map<string, number[]>>();

function keyIndex(cancellations: readonly Cancellation[]): Map<string, number[]> {
  let index = keyIndexes.get(cancellations);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < cancellations.length; i++) {
    const key = recordKey((cancellations[i] as Cancellation).record);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }
  keyIndexes.set(cancellations, index);
  return index;
}

/**
 * The cancellations that can take something back from this payee: those of records the ledger
 * holds paid lines for, in their given order. A cancellation of any other record reverses
 * nothing, so leaving it out changes no result; this keeps a run linear when thousands of
 * payees each see the period's cancellations of every payee.
 */
function candidates(
  cancellations: readonly Cancellation[],
  ledger: Ledger,
  start: string,
): readonly Cancellation[] {
  if (cancellations.length === 0) return cancellations;
  const index = keyIndex(cancellations);
  const positions: number[] = [];
  for (const key of ledger.recordsPaid(start)) {
    const at = index.get(key);
    if (at) for (const i of at) positions.push(i);
  }
  positions.sort((a, b) => a - b);
  return positions.map((i) => cancellations[i] as Cancellation);
}

/** A cancelled record that a clawback takes back: what it paid until then, line by line and in all. */
export interface TakenBack {
  cancellation: Cancellation;
  paid: PaidLine[];
  total: Dec;
}

/**
 * The records among `cancellations` that a clawback takes back in a period starting on `start`:
 * cancelled within the window, with a non-zero total paid on them until then according to
 * `ledger`; each record once, by the first clawback covering it. The clawback lines of a period
 * and the warning that a leaver's are not taken (`unsettled.ts`) read them alike.
 */
export function takenBack(
  cancellations: readonly Cancellation[],
  ledger: Ledger,
  start: string,
): TakenBack[] {
  const found: TakenBack[] = [];
  const done = new Set<string>();
  for (const c of candidates(cancellations, ledger, start)) {
    const key = recordKey(c.record);
    if (done.has(key) || !withinWindow(c.dated, c.cancelled, c.clawback.withinDays)) continue;
    const paid = ledger.linesOn(c.record, start);
    let total: Dec = ZERO;
    for (const { line } of paid) total = total.plus(amountOf(line.amount));
    if (total.isZero()) continue;
    done.add(key);
    found.push({ cancellation: c, paid, total });
  }
  return found;
}

/** The clawback lines of one period; `ledger` must already hold this period's statement (its earnings). */
export function clawbackLines(
  env: LineEnv,
  cancellations: readonly Cancellation[],
  statement: Statement,
  ledger: Ledger,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  for (const { cancellation: c, paid, total } of takenBack(cancellations, ledger, statement.start)) {
    const inputs: TraceInput[] = [];
    const rates = new Set<string>();
    for (const { period, earning, line } of paid) {
      // Earlier results are read as `previous.ts` checked them: amounts and rates through the
      // amounts' reader (written without the spaces it ignores), a line without a trace as one
      // without a tier.
      inputs.push({ name: `${period} ${line.id}`, value: line.amount.trim(), unit: env.currency });
      if (line.rate !== undefined) {
        const text = line.rate.trim();
        // A rate of a percentage table reads as one (`5%`, not `0.05`), a rate in money as money
        // (`50.00 USD`), in the inputs and the text alike; a rate of unknown unit (a line without
        // a trace) as written.
        const unit = line.trace?.tier?.rateUnit;
        const money = unit !== undefined && /^[A-Z]{3}$/.test(unit);
        const input: TraceInput = { name: `${period} ${line.id} rate`, value: text };
        if (unit === '%' || money) input.unit = unit;
        inputs.push(input);
        const rate =
          unit === '%'
            ? percent(decText(amountOf(text)))
            : money
              ? exactMoney(decText(amountOf(text)), unit, moneyDecimals(env.rounding.decimals))
              : text;
        rates.add(`${rate} (${earning.name})`);
      }
    }
    const name = recordName(c.record);
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
        text: `${c.record.source} ${name} closed on ${formatDate(c.dated)} and was cancelled on ${formatDate(c.cancelled)}, ${days} days later (within ${c.clawback.withinDays}): reverses ${paid.length} line${paid.length === 1 ? '' : 's'} paying ${moneyText(env, total)}${rateText}`,
        reason: `${c.record.source} ${name} cancelled on ${formatDate(c.cancelled)}`,
      }),
    );
  }
  return lines;
}
