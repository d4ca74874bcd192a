/**
 * Settling a statement: the payout is the earnings plus the adjustments, rounded at the declared
 * point, and its trace lists every part.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine, Statement, Trace, TraceInput } from '../results/results.js';
import type { LineEnv } from './lines.js';
import { amountOf, lineText, payoutAmount, payoutText, roundsLines } from './money.js';
import { NO_RANGE, PAYOUT_RULE } from './rules.js';

/** The payout trace input naming the period whose balances were carried in. */
export const CARRIED_FROM = 'balances carried from';

/** Names of balances in a stable order: the plan's (in `first`'s order), then any other carried balance by name. */
export function balancesRecord(
  first: readonly string[],
  balances: ReadonlyMap<string, Dec>,
  env: LineEnv,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const name of first) record[name] = lineText(balances.get(name) ?? ZERO, env.rounding);
  const rest = [...balances.keys()].filter((name) => !(name in record)).sort();
  for (const name of rest) record[name] = lineText(balances.get(name) as Dec, env.rounding);
  return record;
}

/**
 * What each settled statement's estimated payout adds to its payout (before rounding), so that a
 * statement settled again with more lines (recalculation differences, `recalc/recalculate.ts`)
 * keeps its estimate. Keyed by the statement object: nothing global, nothing in the results.
 */
const ESTIMATES = new WeakMap<Statement, Dec>();

/**
 * A copy of `statement` with `adjustments`, `balances`, and the `payout`, `estimatedPayout` and
 * payout trace they give. `carriedFrom` names the period the opening balances came from. The
 * payout is `earned + Σ adjustments` rounded at the declared mode and decimals (exactly that sum
 * when lines are rounded). `estimate` is what the payout would gain if every hypothetical record
 * closed (the earnings' estimates, and how draws, guarantees and holdbacks change with them:
 * `payout-period.ts`); `estimatedPayout` is the payout plus `estimate`, rounded. Without
 * `estimate`: the one `statement` was settled with before, else the sum of the earnings' estimates.
 */
export function settle(
  env: LineEnv,
  statement: Statement,
  adjustments: AdjustmentLine[],
  balances: Record<string, string>,
  carriedFrom?: string,
  estimate?: Dec,
): Statement {
  const earned = amountOf(statement.earned);
  let total = earned;
  const inputs: TraceInput[] = statement.earnings.map((e) => ({
    name: e.name,
    value: e.amount,
    unit: env.currency,
  }));
  inputs.push({ name: 'earned', value: statement.earned, unit: env.currency });
  for (const line of adjustments) {
    total = total.plus(amountOf(line.amount));
    inputs.push({ name: line.id, value: line.amount, unit: env.currency });
  }
  let added = estimate ?? ESTIMATES.get(statement);
  if (added === undefined) {
    added = ZERO;
    for (const earning of statement.earnings) added = added.plus(amountOf(earning.estimate));
  }
  const payout = payoutAmount(total, env.rounding);
  const estimated = payoutAmount(total.plus(added), env.rounding);
  const parts =
    adjustments.length === 0
      ? 'no adjustments'
      : `adjustments of ${lineText(total.minus(earned), env.rounding)}`;
  const rounded = roundsLines(env.rounding)
    ? ''
    : `, rounded ${env.rounding.mode.replace('-', ' ')} to ${env.rounding.decimals} decimals`;
  if (carriedFrom !== undefined) inputs.push({ name: CARRIED_FROM, value: carriedFrom });
  const trace: Trace = {
    rule: PAYOUT_RULE,
    range: NO_RANGE,
    inputs,
    // The earnings and `earned` are the inputs: the text says only what was added to them.
    text: `${parts}${rounded}`,
  };
  const settled: Statement = {
    ...statement,
    adjustments,
    payout: payoutText(payout, env.rounding),
    estimatedPayout: payoutText(estimated, env.rounding),
    balances,
    trace,
  };
  ESTIMATES.set(settled, added);
  return settled;
}
