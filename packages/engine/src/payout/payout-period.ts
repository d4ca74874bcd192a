/**
 * The payout of one statement: its terms applied in a fixed order to the balances carried in.
 *
 * Order: clawbacks (they read the lines paid so far), holdbacks (on each earning's amount), draws
 * (on `earned`), guarantees (on `earned` plus draws), manual adjustments. The statement lists them
 * as draws, guarantees, holdbacks, clawbacks, manual. Then `payout = earned + Σ adjustments`,
 * rounded at the declared point.
 */
import type { AdjustmentLine, Statement } from '../results/results.js';
import { clawbackLines } from './clawbacks.js';
import { drawBalance, drawLines } from './draws.js';
import { guaranteeLines } from './guarantees.js';
import { holdbackBalance, holdbackLines } from './holdbacks.js';
import type { Ledger } from './ledger.js';
import type { LineEnv } from './lines.js';
import { manualLines } from './manual.js';
import { amountOf } from './money.js';
import { balancesRecord, settle } from './settle.js';
import type { PeriodTerms } from './terms.js';

/**
 * Pays one statement (earnings filled, adjustments empty) of a payee whose earlier statements are
 * in `ledger`; returns the paid statement, which replaces the fresh one in the ledger.
 */
export function payoutPeriod(
  env: LineEnv,
  statement: Statement,
  terms: PeriodTerms,
  ledger: Ledger,
): Statement {
  ledger.add(statement);
  const { from, balances } = ledger.opening(statement.start);
  const earned = amountOf(statement.earned);
  const clawbacks = clawbackLines(env, terms.cancellations, statement, ledger);
  const holdbacks = holdbackLines(env, terms.holdbacks, statement, balances);
  const draws = drawLines(env, terms.draws, earned, balances);
  let base = earned;
  for (const line of draws) base = base.plus(amountOf(line.amount));
  const guarantees = guaranteeLines(env, terms.guarantees, base);
  const manual = manualLines(env, terms.manual, terms.manualElement);
  const adjustments: AdjustmentLine[] = [...draws, ...guarantees, ...holdbacks, ...clawbacks, ...manual];
  const names = [
    ...terms.draws.filter((t) => t.draw.recoverable).map((t) => drawBalance(t.draw)),
    ...terms.holdbacks.map((t) => holdbackBalance(t.holdback)),
  ];
  const paid = settle(env, statement, adjustments, balancesRecord(names, balances, env), from);
  ledger.add(paid);
  return paid;
}
