/**
 * Holdbacks: a share of an earning kept back and paid later.
 *
 * In each period before the release, `share × amount` of the named earning (when that amount is
 * positive) is kept back: a negative `holdback` line, added to the balance `holdback:<name>`. In
 * the period the holdback is released (the period containing the release date, and any period
 * after it; or each period in which the release condition holds) nothing is kept back and the whole
 * balance is paid: a positive `holdback-release` line, the balance back to zero. So by the release
 * period the released total equals the total kept back. With a condition the holdback works as a
 * rolling reserve: kept back while the condition fails, released whenever it holds.
 */
import type { Holdback } from '@attain/dsl';
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement } from '../results/results.js';
import { adjustmentLine, type LineEnv, moneyInput, moneyText } from './lines.js';
import { amountOf, lineAmount } from './money.js';
import type { HoldbackTerm } from './terms.js';

/** The balance name of a holdback. */
export function holdbackBalance(holdback: Holdback): string {
  return `holdback:${holdback.name}`;
}

/**
 * The holdback lines of one period. `balances` holds the balances carried in and is updated to the
 * balances carried out. With `projected`, each earning counts with its estimate (what hypothetical
 * records add), for the estimated payout.
 */
export function holdbackLines(
  env: LineEnv,
  terms: readonly HoldbackTerm[],
  statement: Statement,
  balances: Map<string, Dec>,
  projected = false,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  for (const { holdback, release, why } of terms) {
    const key = holdbackBalance(holdback);
    const balance = balances.get(key) ?? ZERO;
    if (release) {
      if (balance.isPositive() && !balance.isZero()) {
        lines.push(
          adjustmentLine(env, {
            id: `holdback-release:${holdback.name}`,
            kind: 'holdback-release',
            ruleKind: 'holdback',
            element: holdback,
            amount: balance,
            inputs: [moneyInput(env, 'balance held', balance)],
            text: `releases the ${moneyText(env, balance)} held back: ${why}`,
          }),
        );
        balances.set(key, ZERO);
      } else balances.set(key, balance);
      continue;
    }
    const earning = statement.earnings.find((e) => e.id === holdback.earning);
    const amount = earning ? amountOf(earning.amount) : ZERO;
    const earned = earning && projected ? amount.plus(amountOf(earning.estimate)) : amount;
    const held = earned.isPositive() ? lineAmount(earned.times(holdback.share), env.rounding) : ZERO;
    if (held.isPositive() && !held.isZero()) {
      const after = balance.plus(held);
      lines.push(
        adjustmentLine(env, {
          id: `holdback:${holdback.name}`,
          kind: 'holdback',
          element: holdback,
          amount: held.neg(),
          inputs: [
            moneyInput(env, holdback.earning, earned),
            { name: 'share', value: holdback.share, unit: '%' },
            moneyInput(env, 'balance before', balance),
          ],
          text: `keeps back ${moneyText(env, held)} of ${holdback.earning}; ${moneyText(env, after)} now held`,
        }),
      );
      balances.set(key, after);
    } else balances.set(key, balance);
  }
  return lines;
}
