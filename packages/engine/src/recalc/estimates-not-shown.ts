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
import { DATED } from './recalculate.js';

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
  // By period, then by when their hypothetical records are dated.
  const byPeriod = new Map<string, Map<string, AdjustmentLine[]>>();
  for (const line of lines) {
    const period = line.trace.inputs.find((i) => i.name === 'period')?.value;
    if (typeof period !== 'string') continue;
    const given = line.trace.inputs.find((i) => i.name === DATED)?.value;
    const dated = typeof given === 'string' ? given : `in ${period}`;
    const inPeriod = byPeriod.get(period) ?? new Map<string, AdjustmentLine[]>();
    byPeriod.set(period, inPeriod);
    inPeriod.set(dated, [...(inPeriod.get(dated) ?? []), line]);
  }
  for (const [period, inPeriod] of byPeriod) {
    const parts = [...inPeriod].map(([dated, same]) => {
      const changes = same.map((line) => `${changed(line)} by ${moneyText(env, amountOf(line.amount))}`);
      const there = dated === `in ${period}` ? 'there' : `in ${period}`;
      return `the hypothetical records of ${payee.id} dated ${dated} would change ${listed(changes)} ${there}`;
    });
    const message = `${parts.join('; ')}, but ${payee.id} has no statement in ${payIn} (not on the plan then) to show this estimate on, so no result holds it`;
    run.warn(payee.id, period, 'estimate-not-shown', undefined, NO_RANGE, message);
  }
}
