/**
 * The constants a rule applies to one of its inputs, so that a sentence can show them next to it:
 * `alliance_bookings * 3%` reads "alliance_bookings 25,000.00 USD x 3%", not the credit alone.
 * Only the simple shapes a comp admin writes: inputs (definitions, payee attributes, to-date
 * windows, aggregates, conversions of these) times or divided by number, percent or money
 * literals, plus or minus constants. Anything else (a rate table, a pay curve, a lookup, an `if`,
 * a function) gives nothing: its sentence says what it applied by itself.
 */

import type { IrExpr } from '@attain/dsl';
import { unitOf } from '../evaluate/value.js';
import { renderExpr } from '../governance/render-expr.js';
import type { TraceConstant, TraceInput } from '../results/results.js';
import { WINDOW_NAMES } from './build.js';

/** The constants of a rule and the input they apply to, by the input's name. */
export interface RuleConstants {
  /** The name of the input the constants apply to, as the trace names it. */
  input: string;
  /** The constants, in the rule's order: `[x 3%, + 500 USD]`. */
  constants: TraceConstant[];
  /** The whole rule is the input times (or divided by) constants only: proportional to it. */
  proportional: boolean;
  /**
   * The whole rule is the input times (or divided by) constants, plus or minus constants
   * (`bookings * 10% + 100 USD`): the constants added are a value without the input, and the
   * rest is proportional to it. True when `proportional` is.
   */
  affine: boolean;
  /** The input is converted into another currency (its FX rate is an input of its own). */
  converted: boolean;
}

/** A number, percent or money literal (or its negation), with its unit; `undefined` otherwise. */
function constantOf(expr: IrExpr, currency: string): { value: string; unit?: string } | undefined {
  if (expr.op === 'unary' && expr.operator === 'neg') {
    const inner = constantOf(expr.operand, currency);
    if (!inner) return undefined;
    const value = inner.value.startsWith('-') ? inner.value.slice(1) : `-${inner.value}`;
    return { ...inner, value };
  }
  if (expr.op !== 'literal' || typeof expr.value !== 'string') return undefined;
  const kind = expr.type.kind;
  if (kind !== 'Number' && kind !== 'Integer' && kind !== 'Percent' && kind !== 'Money') return undefined;
  const unit = unitOf(expr.type) ?? (kind === 'Money' ? currency : undefined);
  return unit === undefined ? { value: expr.value } : { value: expr.value, unit };
}

/** The name the trace gives an input the rule reads, when it is one (see `inputsOf`). */
function inputName(expr: IrExpr): string | undefined {
  switch (expr.op) {
    case 'ref':
      return expr.name;
    case 'to-date':
      return `${expr.ref.name} ${WINDOW_NAMES[expr.window] ?? expr.window}`;
    case 'aggregate':
      return renderExpr(expr);
    case 'member':
      return expr.object.op === 'payee' ? `payee.${expr.member}` : undefined;
    case 'convert':
      // The FX rate is an input of its own: the constants apply to the amount converted.
      return inputName(expr.value);
    default:
      return undefined;
  }
}

/** `a * 3% / 2`: the factors and the constants they are multiplied or divided by, in order. */
function product(expr: IrExpr, currency: string, factors: IrExpr[], constants: TraceConstant[]): boolean {
  if (expr.op === 'binary' && (expr.operator === '*' || expr.operator === '/')) {
    const right = constantOf(expr.right, currency);
    if (expr.operator === '/') {
      if (!right) return false;
      if (!product(expr.left, currency, factors, constants)) return false;
      constants.push({ op: '/', ...right });
      return true;
    }
    const left = constantOf(expr.left, currency);
    if (left && right) return false;
    if (!product(left ? expr.right : expr.left, currency, factors, constants)) return false;
    if (left || right) constants.push({ op: '*', ...((left ?? right) as { value: string }) });
    else return product(expr.right, currency, factors, constants);
    return true;
  }
  if (constantOf(expr, currency)) return false;
  factors.push(expr);
  return true;
}

function analyse(expr: IrExpr, currency: string): RuleConstants | undefined {
  // `x * 3% + 500 USD`, `500 USD + x`, `x - 100 USD`: the terms after the product.
  if (expr.op === 'binary' && (expr.operator === '+' || expr.operator === '-')) {
    const right = constantOf(expr.right, currency);
    const left = expr.operator === '+' ? constantOf(expr.left, currency) : undefined;
    const term = right ?? left;
    if (!term || (left && right)) return undefined;
    const rest = right ? expr.left : expr.right;
    // `x - 100 USD`: the input alone, or the product before the term.
    const name = inputName(rest);
    const inner =
      name === undefined
        ? analyse(rest, currency)
        : { input: name, constants: [], converted: rest.op === 'convert', affine: true };
    // `convert(fees, USD) - 100 USD` would read as if 100 USD came off the fees in euros.
    if (!inner || inner.converted) return undefined;
    const constants: TraceConstant[] = [...inner.constants, { op: expr.operator, ...term }];
    return { input: inner.input, constants, proportional: false, affine: inner.affine, converted: false };
  }
  const factors: IrExpr[] = [];
  const constants: TraceConstant[] = [];
  if (!product(expr, currency, factors, constants) || constants.length === 0) return undefined;
  const names = factors.map(inputName);
  const [first] = names;
  if (first === undefined || names.some((n) => n === undefined)) return undefined;
  const converted = factors[0]?.op === 'convert';
  const proportional = factors.length === 1;
  return { input: first, constants, proportional, affine: proportional, converted };
}

const analysed = new WeakMap<IrExpr, RuleConstants | null>();

/** The constants `rule` applies to one of its inputs (made once per rule expression). */
export function ruleConstants(rule: IrExpr, currency: string): RuleConstants | undefined {
  let found = analysed.get(rule);
  if (found === undefined) {
    found = analyse(rule, currency) ?? null;
    analysed.set(rule, found);
  }
  return found ?? undefined;
}

/** `inputs` with the constants of `found` on the input they apply to (a new object; others as they are). */
export function withConstants(inputs: TraceInput[], found: RuleConstants | undefined): TraceInput[] {
  if (!found) return inputs;
  const at = inputs.findIndex((i) => i.name === found.input && i.value !== null);
  if (at < 0) return inputs;
  inputs[at] = { ...(inputs[at] as TraceInput), constants: found.constants };
  return inputs;
}
