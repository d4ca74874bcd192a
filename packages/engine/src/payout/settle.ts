/**
 * Settling a statement: the payout is the earnings plus the adjustments, rounded at the declared
 * point, and its trace lists every part.
 */
import { type Dec, ZERO } from '../decimal.js';
import { parseRecalculationId } from '../recalc/amounts.js';
import type { AdjustmentLine, Statement, Trace, TraceInput } from '../results/results.js';
import { type LineEnv, moneyText } from './lines.js';
import { amountOf, lineText, payoutAmount, payoutText, roundsLines } from './money.js';
import { NO_RANGE, PAYOUT_RULE } from './rules.js';

/** The payout trace input naming the period whose balances were carried in. */
export const CARRIED_FROM = 'balances carried from';

/** What each kind of line does, after the rule's label (`Commission reserve (held back)`). */
const KIND_WORDS: Partial<Record<AdjustmentLine['kind'], string>> = {
  'draw-recovery': 'recovered',
  holdback: 'held back',
  'holdback-release': 'released',
  guarantee: 'guarantee',
};

/**
 * How the payout's explanation names an adjustment line: the rule's label and what the line does,
 * the record a clawback takes back, the id of a manual adjustment, the period a recalculation
 * corrects.
 */
export function adjustmentName(line: AdjustmentLine): string {
  const label = line.label ?? line.name;
  switch (line.kind) {
    case 'manual':
      return `manual adjustment ${line.name}`;
    case 'clawback':
      return line.record ? `${label} ${line.record.key ?? `row ${line.record.row}`}` : label;
    case 'recalculation': {
      const target = parseRecalculationId(line.id);
      return target ? `${label} for ${target.period} (recalculated)` : label;
    }
    default: {
      const word = KIND_WORDS[line.kind];
      return word ? `${label} (${word})` : label;
    }
  }
}

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
 * What a settled statement's estimated payout adds to its payout (before rounding), for settling a
 * copy of it again (`recalc/recalculate.ts`); `undefined` for a statement `settle` did not make.
 */
export function estimateOf(statement: Statement): Dec | undefined {
  return ESTIMATES.get(statement);
}

/**
 * A copy of `statement` with `adjustments`, `balances`, and the `payout`, `estimatedPayout` and
 * payout trace they give. `carriedFrom` names the period the opening balances came from. The
 * payout is `earned + Σ adjustments` rounded at the declared mode and decimals (exactly that sum
 * when lines are rounded). `estimate` is what the payout would gain if every hypothetical record
 * closed (the earnings' estimates, and how draws, guarantees and holdbacks change with them:
 * `payout-period.ts`); `estimatedPayout` is the payout plus `estimate`, rounded. Without
 * `estimate`: the one `statement` was settled with before, else the sum of the earnings' estimates.
 * `whole`: with rounding at payout, what recalculation pays for earlier periods, a whole number of
 * rounding units, added after the rest is rounded (`recalc/recalculate.ts`).
 */
export function settle(
  env: LineEnv,
  statement: Statement,
  adjustments: AdjustmentLine[],
  balances: Record<string, string>,
  carriedFrom?: string,
  estimate?: Dec,
  whole?: Dec,
): Statement {
  const earned = amountOf(statement.earned);
  let total = earned;
  // Named as a rep reads them: labels, not ids (`New-hire draw`, not `draw:new_hire_draw`).
  const inputs: TraceInput[] = statement.earnings.map((e) => ({
    name: e.label ?? e.name,
    value: e.amount,
    unit: env.currency,
  }));
  inputs.push({ name: 'earned', value: statement.earned, unit: env.currency });
  for (const line of adjustments) {
    total = total.plus(amountOf(line.amount));
    inputs.push({ name: adjustmentName(line), value: line.amount, unit: env.currency });
  }
  let added = estimate ?? ESTIMATES.get(statement);
  if (added === undefined) {
    added = ZERO;
    for (const earning of statement.earnings) added = added.plus(amountOf(earning.estimate));
  }
  // Corrections of earlier periods that add up to whole units are paid as they are, after the
  // rest is rounded: rounding `x + k` is not `round(x) + k` for every mode (half even, or when the
  // sign changes), and one call rounds the period's own amount only.
  const kept = whole === undefined || roundsLines(env.rounding) ? ZERO : payoutAmount(whole, env.rounding);
  const payout = payoutAmount(total.minus(kept), env.rounding).plus(kept);
  const estimated = payoutAmount(total.plus(added).minus(kept), env.rounding).plus(kept);
  const parts =
    adjustments.length === 0 ? 'no adjustments' : `adjustments of ${moneyText(env, total.minus(earned))}`;
  const rounded = roundsLines(env.rounding)
    ? ''
    : `, rounded ${env.rounding.mode.replace('-', ' ')} to ${env.rounding.decimals} decimals${kept.isZero() ? '' : ` before the ${moneyText(env, kept)} of recalculation, paid as it is`}`;
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
