/**
 * `explain(results, ref)`: one number of the results with its trace and a sentence.
 */

import { isObject } from '../data/values.js';
import { PAYOUT_RULE } from '../payout/rules.js';
import type {
  AdjustmentLine,
  EarningLine,
  EarningResult,
  Results,
  ResultValue,
  RuleRef,
  Statement,
  Trace,
} from '../results/results.js';
import { creditedInputs, creditLinesTrace, creditLineTrace, pickLines } from './credit-lines.js';
import { objectsOf, readCredit, readStatement, readTrace } from './read-back.js';
import type { Explanation, ResultRef } from './ref.js';
import { moneyDecimals, sentence } from './sentence.js';

/**
 * The decimals an amount is written with (`"4700.00"`: 2, `"11.0055"`: 4, `"12"`: 0); 0 for an
 * amount that is not a text (results read back may lack it): money is then shown with 2.
 */
function decimalsOf(amount: unknown): number {
  if (typeof amount !== 'string') return 0;
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

function found(
  value: ResultValue,
  traced: unknown,
  unit: string | undefined,
  statement: Statement,
  rule: RuleRef,
): Explanation {
  const trace = readTrace(traced, rule);
  const decimals = moneyDecimals(decimalsOf(statement.payout));
  return { value, trace, sentence: sentence(trace, value, unit, statement.currency, decimals) };
}

/** The rule of an earning, named when its trace names none. */
function ruleOf(earning: EarningResult): RuleRef {
  return { kind: 'earning', name: earning.name };
}

function unitOfType(type: string, currency: string): string | undefined {
  if (type === 'Percent') return '%';
  const money = /^Money(?: \(([A-Z]{3})\))?$/.exec(type);
  return money ? (money[1] ?? currency) : undefined;
}

/**
 * The whole trace of an earning line. A line that one marginal band priced whole shares its
 * trace (rule, range, tier) with the other lines of that band; its own inputs are on the line:
 * the record and the credited amount, which is the band's base.
 */
function lineTrace(line: EarningLine, earning: EarningResult, statement: Statement): Trace {
  const shared = readTrace(line.trace, ruleOf(earning));
  const record = isObject(line.record) && typeof line.record.source === 'string' ? line.record : undefined;
  // What a credit's computed amount read from the record: "amount 50,000.00 USD, partner_rates at
  // product Platform, region EMEA (row 2) 7%" after "rated_bookings 3,500.00 USD".
  const read = record
    ? creditedInputs(
        // Only the credits it reads, each read once for its shape (see read-back.ts).
        statement.credits.filter((c) => shared.inputs.some((i) => i.name === c.name)).map(readCredit),
        shared.inputs,
        record,
        statement.currency,
        line.estimate === true,
      )
    : [];
  if (shared.records || record === undefined || line.credited === undefined)
    return read.length > 0 ? { ...shared, inputs: [...shared.inputs, ...read] } : shared;
  const trace: Trace = {
    ...shared,
    inputs: [...shared.inputs, ...read, { name: 'credited', value: line.credited, unit: statement.currency }],
    records: [record],
  };
  if (shared.tier) trace.tier = { ...shared.tier, base: line.credited };
  return trace;
}

/**
 * Finds the number `ref` points at and explains it; `undefined` when the results hold no such
 * number (an unknown payee, period, name or line).
 */
export function explain(results: Results, ref: ResultRef): Explanation | undefined {
  const match = objectsOf<Statement>(isObject(results) ? results.statements : undefined).find(
    (s) => s.payee === ref.payee && s.period === ref.period,
  );
  if (!match) return undefined;
  const statement = readStatement(match);
  const cur = statement.currency;
  if ('earning' in ref) {
    const earning = statement.earnings.find((e) => e.name === ref.earning);
    if (!earning) return undefined;
    const rule = ruleOf(earning);
    if (ref.line === undefined) return found(earning.amount, earning.trace, cur, statement, rule);
    const line = objectsOf<EarningLine>(earning.lines).find(
      (l) => l.id === ref.line || l.id === `${earning.name}:${ref.line}`,
    );
    return line && found(line.amount, lineTrace(line, earning, statement), cur, statement, rule);
  }
  if ('credit' in ref) {
    const named = statement.credits.find((c) => c.name === ref.credit);
    if (!named) return undefined;
    const credit = readCredit(named);
    const rule = credit.trace.rule;
    if (ref.record === undefined) return found(credit.total, credit.trace, cur, statement, rule);
    const lines = pickLines(credit, { record: ref.record, role: ref.role, via: ref.via });
    const [line] = lines;
    if (!line) return undefined;
    if (lines.length === 1)
      return found(line.amount, creditLineTrace(credit, line, statement.payee, cur), cur, statement, rule);
    const { value, trace } = creditLinesTrace(credit, lines, cur);
    return found(value, trace, cur, statement, rule);
  }
  if ('measure' in ref) {
    const measure =
      statement.measures.find((m) => m.name === ref.measure) ??
      statement.metrics.find((m) => m.name === ref.measure);
    return (
      measure &&
      found(measure.value, measure.trace, unitOfType(measure.type, cur), statement, {
        kind: 'measure',
        name: measure.name,
      })
    );
  }
  if ('quota' in ref) {
    const quota = statement.quotas.find((q) => q.name === ref.quota);
    return quota && found(quota.amount, quota.trace, cur, statement, { kind: 'quota', name: quota.name });
  }
  if ('adjustment' in ref) {
    // A line id (`draw:new_hire_draw`), else the name of the one line of that name (`new_hire_draw`).
    // Estimated adjustments (never paid) are found by their id, after the paid lines.
    const estimated = objectsOf<AdjustmentLine>(statement.estimatedAdjustments);
    const byName = statement.adjustments.filter((a) => a.name === ref.adjustment);
    const adjustment =
      statement.adjustments.find((a) => a.id === ref.adjustment) ??
      (byName.length === 1 ? byName[0] : undefined) ??
      estimated.find((a) => a.id === ref.adjustment);
    return (
      adjustment &&
      found(adjustment.amount, adjustment.trace, cur, statement, {
        kind: String(adjustment.kind),
        name: String(adjustment.name),
      })
    );
  }
  return found(statement.payout, statement.trace, cur, statement, PAYOUT_RULE);
}
