/**
 * The estimated corrections of closed periods that no statement shows: what hypothetical records
 * dated in a closed period would change there is shown on the statement of the current period
 * (`estimatedAdjustments`), and a payee not on the plan then, with no correction paid there either,
 * has none. The estimate is then said in a warning rather than dropped.
 */
import type { PayeeData } from '../data/model.js';
import type { Run } from '../evaluate/run.js';
import { type LineEnv, moneyText } from '../payout/lines.js';
import { amountOf } from '../payout/money.js';
import { NO_RANGE } from '../payout/rules.js';
import type { AdjustmentLine } from '../results/results.js';
import { listed } from '../trace/sentence.js';
import { adjustmentKey, parseRecalculationId, ruleName } from './amounts.js';

/**
 * What an estimated line changes: an earning by its label, the line of a holdback, draw or
 * guarantee (`recalculation:2026-Q1:adjustment:holdback:h:estimate`) with its kind too.
 */
function changed(line: AdjustmentLine): string {
  const key = parseRecalculationId(line.id)?.key ?? '';
  const kind = key.startsWith(ADJUSTMENT) ? key.slice(ADJUSTMENT.length).split(':')[0] : undefined;
  const name = line.label ?? line.name;
  return kind ? ruleName(kind, name) : name;
}

const ADJUSTMENT = adjustmentKey('');

/** Warns (`estimate-not-shown`) once per closed period of `lines`, naming each earning and amount. */
export function warnEstimatesNotShown(
  run: Run,
  env: LineEnv,
  payee: PayeeData,
  payIn: string,
  lines: readonly AdjustmentLine[],
): void {
  const byPeriod = new Map<string, AdjustmentLine[]>();
  for (const line of lines) {
    const period = line.trace.inputs.find((i) => i.name === 'period')?.value;
    if (typeof period !== 'string') continue;
    const same = byPeriod.get(period);
    if (same) same.push(line);
    else byPeriod.set(period, [line]);
  }
  for (const [period, inPeriod] of byPeriod) {
    const changes = inPeriod.map((line) => `${changed(line)} by ${moneyText(env, amountOf(line.amount))}`);
    const message = `the hypothetical records of ${payee.id} dated in ${period} would change ${listed(changes)} there, but ${payee.id} has no statement in ${payIn} (not on the plan then) to show this estimate on, so no result holds it`;
    run.warn(payee.id, period, 'estimate-not-shown', undefined, NO_RANGE, message);
  }
}
