/**
 * One side's results per payee: the statements of each payee over the compared periods, added up
 * into payout, earned, attainment and whether an accelerator was earned.
 */
import { compareText } from '../compare-text.js';
import { Dec } from '../decimal.js';
import type { Results, Statement } from '../results/results.js';
import { type AcceleratorTiers, earnsAccelerator } from './accelerators.js';
import { type Amount, amountOf, amountText, sumAmounts } from './amounts.js';
import { payeeAttainment } from './attainment.js';
import type { PayeeOutcome } from './comparison.js';

/** A payee's outcome on one side, with the exact values the summaries are computed from. */
export interface PayeeResult {
  payee: string;
  payeeName: string;
  outcome: PayeeOutcome;
  payout: Amount;
  earned: Amount;
  attainment: Dec | null;
}

/** The results of one side by payee, sorted by payee id. */
export function payeeResults(results: Results, accelerators: AcceleratorTiers): PayeeResult[] {
  const byPayee = new Map<string, Statement[]>();
  for (const statement of results.statements) {
    const list = byPayee.get(statement.payee);
    if (list) list.push(statement);
    else byPayee.set(statement.payee, [statement]);
  }
  const ids = [...byPayee.keys()].sort(compareText);
  return ids.map((payee) => {
    const statements = byPayee.get(payee) ?? [];
    const payout = sumAmounts(statements.map((s) => amountOf(s.payout)));
    const earned = sumAmounts(statements.map((s) => amountOf(s.earned)));
    const attainment = payeeAttainment(statements);
    const outcome: PayeeOutcome = {
      statements: statements.length,
      payout: amountText(payout),
      earned: amountText(earned),
      attainment,
      accelerated: statements.some((s) => earnsAccelerator(s, accelerators)),
    };
    return {
      payee,
      payeeName: statements[0]?.payeeName ?? payee,
      outcome,
      payout,
      earned,
      attainment: attainment === null ? null : new Dec(attainment),
    };
  });
}
