/**
 * Building adjustment lines and their traces.
 */
import type { Element, Rounding } from '@attain/dsl';
import type { Dec } from '../decimal.js';
import type { AdjustmentKind, AdjustmentLine, RecordRef, Trace, TraceInput } from '../results/results.js';
import { exactMoney, moneyDecimals } from '../trace/sentence.js';
import { lineText } from './money.js';
import { ruleOf } from './rules.js';

/** What building a line needs to know: the plan's rounding and currency. */
export interface LineEnv {
  rounding: Rounding;
  currency: string;
}

/**
 * A money input of an adjustment line's trace, in the plan currency, written as the line's own
 * amount ({@link lineText}: rounded at the `line` and `earning` points). `exactMoneyInput` in
 * trace/build.ts writes an amount exactly.
 */
export function moneyInput(env: LineEnv, name: string, value: Dec): TraceInput {
  return { name, value: lineText(value, env.rounding), unit: env.currency };
}

/**
 * A line amount or balance as the sentences of the payout stage write it, like the rest of an
 * explanation: grouped, with the currency and the plan's decimals (at least 2), `3,760.00 USD`. At
 * the `payout` point lines are exact, and every decimal they have is shown (`-1.0004 USD`).
 */
export function moneyText(env: LineEnv, value: Dec): string {
  return exactMoney(lineText(value, env.rounding), env.currency, moneyDecimals(env.rounding.decimals));
}

/** What an adjustment line says, besides its amount. */
export interface LineSpec {
  id: string;
  kind: AdjustmentKind;
  /** The plan element it comes from (named on the line, its rule in the trace). */
  element: Element;
  /** The line's name; default: the element's name. */
  name?: string;
  /** The rule kind of the trace (`draw`, `guarantee`...); default: `kind`. */
  ruleKind?: string;
  amount: Dec;
  inputs: TraceInput[];
  text: string;
  reason?: string;
  record?: RecordRef;
}

/** An adjustment line of a plan element, with its trace. */
export function adjustmentLine(env: LineEnv, spec: LineSpec): AdjustmentLine {
  const trace: Trace = {
    rule: ruleOf(spec.ruleKind ?? spec.kind, spec.element),
    range: spec.element.range,
    inputs: spec.inputs,
    text: spec.text,
  };
  if (spec.record) trace.records = [spec.record];
  const line: AdjustmentLine = {
    id: spec.id,
    kind: spec.kind,
    name: spec.name ?? spec.element.name,
    amount: lineText(spec.amount, env.rounding),
    trace,
  };
  if (spec.element.label !== undefined) line.label = spec.element.label;
  if (spec.reason !== undefined) line.reason = spec.reason;
  if (spec.record) line.record = spec.record;
  return line;
}
