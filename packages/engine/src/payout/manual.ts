/**
 * Manual adjustments from data (`adjustment manual from data`): one `manual` line per adjustment,
 * in the period it names, converted to the plan currency at the FX rate of the period's last day
 * and rounded like any line. Positive pays more, negative takes back.
 */
import type { Adjustment } from '@attain/dsl';
import { decText } from '../decimal.js';
import type { AdjustmentLine, TraceInput } from '../results/results.js';
import { exactMoney, moneyDecimals } from '../trace/sentence.js';
import { adjustmentLine, type LineEnv, moneyText } from './lines.js';
import { lineAmount } from './money.js';
import type { ManualTerm } from './terms.js';

/** The manual lines of one period; none when the plan declares no manual adjustments. */
export function manualLines(
  env: LineEnv,
  terms: readonly ManualTerm[],
  element: Adjustment | undefined,
): AdjustmentLine[] {
  if (!element) return [];
  return terms.map((term) => {
    const amount = lineAmount(term.amount, env.rounding);
    const inputs: TraceInput[] = [{ name: 'amount', value: decText(term.original), unit: term.currency }];
    let text = term.reason;
    if (term.currency !== env.currency) {
      inputs.push({
        name: `FX ${term.currency}/${env.currency} on ${term.rateDate}`,
        value: decText(term.rate),
      });
      const original = exactMoney(
        decText(term.original),
        term.currency,
        moneyDecimals(env.rounding.decimals),
      );
      text = `${term.reason} (${original} at ${term.rateText ?? decText(term.rate)} = ${moneyText(env, amount)})`;
    }
    if (term.earning !== undefined) inputs.push({ name: 'earning', value: term.earning });
    return adjustmentLine(env, {
      id: `manual:${term.id}`,
      kind: 'manual',
      name: term.id,
      element,
      amount,
      inputs,
      text,
      reason: term.reason,
    });
  });
}
