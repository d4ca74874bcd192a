/**
 * Values held at a bound by `max`, `min` or `clamp`, so that a sentence can say why a number is
 * what it is. A rule that is one bound (`max(bookings * 10% - 100 USD, 0 USD)`) names the argument
 * the bound replaced: "bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD". A
 * bound inside a larger rule (`min(bookings, 100000 USD) * 5%`) is named with the value before and
 * after it, and the rule is then redone with the value used: "min(bookings, 100000 USD): bookings
 * is 140,000.00 USD, above the limit of 100,000.00 USD, so 100,000.00 USD is used; 100,000.00 USD
 * * 5% is 5,000.00 USD".
 */
import type { IrCall, IrExpr, IrRef, Plan, Type } from '@attain/dsl';
import { Dec, decText } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import { renderExpr } from '../governance/render-expr.js';
import type { RuleRef } from '../results/results.js';
import { evaluated } from './build.js';
import { exactMoney, moneyDecimals, percent, plain } from './sentence.js';

/** A `max`, `min` or `clamp` of an argument (the first one that is not a literal). */
export interface BoundCall {
  fn: 'max' | 'min' | 'clamp';
  /** The call itself. */
  call: IrCall;
  /** The argument the others bound. */
  arg: IrExpr;
  /** It as the plan writes it. */
  text: string;
}

/** The bounded call `value` is, when it is one. */
export function boundCall(value: IrExpr): BoundCall | undefined {
  if (value.op !== 'call' || value.args.length < 2) return undefined;
  const fn = value.fn;
  if (fn !== 'max' && fn !== 'min' && fn !== 'clamp') return undefined;
  if (!numeric(value.type)) return undefined;
  const arg = fn === 'clamp' ? value.args[0] : value.args.find((a) => a.op !== 'literal');
  if (!arg) return undefined;
  return { fn, call: value, arg, text: renderExpr(arg) };
}

function numeric(type: Type): boolean {
  return (
    type.kind === 'Money' || type.kind === 'Percent' || type.kind === 'Number' || type.kind === 'Integer'
  );
}

/** The bounds a rule computes with. */
export interface Bounds {
  /** The rule. */
  rule: IrExpr;
  /**
   * Every `max`, `min` and `clamp` the rule's arithmetic goes through, innermost first (not those
   * in a branch of an `if`, which may not be taken, nor in a `where`).
   */
  calls: BoundCall[];
  /** The rule is one bound and has no other inside: its argument is all there is to evaluate. */
  only: BoundCall | undefined;
}

const boundsByRule = new WeakMap<IrExpr, Bounds | null>();

/**
 * The bounds of `rule`, when it has any (found once per rule: a rule without any costs a lookup).
 */
export function boundsOf(rule: IrExpr): Bounds | undefined {
  let bounds = boundsByRule.get(rule);
  if (bounds === undefined) {
    const calls: BoundCall[] = [];
    collect(rule, calls);
    const only = calls.length === 1 && calls[0]?.call === rule ? calls[0] : undefined;
    bounds = calls.length === 0 ? null : { rule, calls, only };
    boundsByRule.set(rule, bounds);
  }
  return bounds ?? undefined;
}

/** The bound calls of the arithmetic of `expr`, innermost first. */
function collect(expr: IrExpr, calls: BoundCall[]): void {
  switch (expr.op) {
    case 'binary':
      if (expr.operator === '+' || expr.operator === '-' || expr.operator === '*' || expr.operator === '/') {
        collect(expr.left, calls);
        collect(expr.right, calls);
      }
      return;
    case 'unary':
      if (expr.operator === 'neg') collect(expr.operand, calls);
      return;
    case 'convert':
      collect(expr.value, calls);
      return;
    case 'tiered':
      collect(expr.amount, calls);
      return;
    case 'call': {
      for (const a of expr.args) collect(a, calls);
      const call = boundCall(expr);
      if (call) calls.push(call);
      return;
    }
    default:
      return;
  }
}

/** A bound that cut: the value of its argument (`arg`) and the value it used instead (`value`). */
export interface HeldStep {
  call: BoundCall;
  arg: Dec;
  value: Dec;
}

/** The bounds of a rule that cut its value, innermost first, and the value of the rule. */
export interface Held {
  steps: HeldStep[];
  value: Dec;
}

/**
 * The bounds of `bounds` that cut the rule's value in `ctx` (`value`, the rule's value there),
 * when any did; else `undefined`. Evaluated as the rule was: a tier they reach is not added to the
 * rule's, a warning they raise is the rule's, given already.
 */
export function heldBounds(ctx: Ctx, bounds: Bounds, value: Dec | null, rule: RuleRef): Held | undefined {
  if (value === null) return undefined;
  const trail = ctx.trail;
  const length = trail.length;
  const outer = ctx.rule;
  ctx.rule = rule;
  const steps: HeldStep[] = [];
  try {
    const only = bounds.only;
    if (only) {
      // The rule is the bound: its value is the call's, only the argument is new.
      const arg = evaluated(ctx, only.arg);
      if (arg instanceof Dec && !arg.eq(value)) steps.push({ call: only, arg, value });
    } else
      for (const call of bounds.calls) {
        const used = call.call === bounds.rule ? value : evaluated(ctx, call.call);
        const arg = evaluated(ctx, call.arg);
        if (used instanceof Dec && arg instanceof Dec && !arg.eq(used))
          steps.push({ call, arg, value: used });
      }
  } finally {
    trail.length = length;
    ctx.trail = trail;
    ctx.rule = outer;
  }
  return steps.length === 0 ? undefined : { steps, value };
}

/** "bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD". */
export function heldText(subject: string, arg: string, bound: string, below: boolean): string {
  const where = below ? 'below the floor' : 'above the limit';
  return subject === arg ? `${arg} is ${where} of ${bound}` : `${subject} is ${arg}, ${where} of ${bound}`;
}

/** What the sentence of a held value says, and whether the value is the bound itself. */
export interface HeldSentence {
  text: string;
  /** The last bound is the rule itself: the value is that bound ("so 0.00 USD is paid" may follow). */
  atBound: boolean;
}

/** A value of type `type` for reading, with every decimal it has (money in the plan's decimals at least). */
function valueText(plan: Plan, type: Type, value: Dec): string {
  const text = decText(value);
  if (type.kind === 'Percent') return percent(text);
  if (type.kind === 'Money')
    return exactMoney(
      text,
      type.currency ?? plan.header.currency,
      moneyDecimals(plan.header.rounding.decimals),
    );
  return plain(text);
}

/** A value standing for the expression it replaces in a rule written back with it. */
function standIn(expr: IrExpr, text: string): IrRef {
  return { op: 'ref', kind: 'let', name: text, type: expr.type, range: expr.range };
}

/** `expr` with each expression of `used` replaced by its value (a `ref` named by it), as plan text. */
function withValues(expr: IrExpr, used: ReadonlyMap<IrExpr, string>): string {
  return renderExpr(replaced(expr, used));
}

function replaced(expr: IrExpr, used: ReadonlyMap<IrExpr, string>): IrExpr {
  const text = used.get(expr);
  if (text !== undefined) return standIn(expr, text);
  switch (expr.op) {
    case 'binary':
      return { ...expr, left: replaced(expr.left, used), right: replaced(expr.right, used) };
    case 'unary':
      return { ...expr, operand: replaced(expr.operand, used) };
    case 'convert':
      return { ...expr, value: replaced(expr.value, used) };
    case 'tiered':
      return { ...expr, amount: replaced(expr.amount, used) };
    case 'call':
      return { ...expr, args: expr.args.map((a) => replaced(a, used)) };
    default:
      return expr;
  }
}

/**
 * The sentence of a value `held` by the bounds of a rule. A rule that is one bound names the
 * argument it replaced (`bound` shows the bound: the earning's money): "bookings * 10% - 100 USD is
 * -40.00 USD, below the floor of 0.00 USD". Otherwise each bound that cut is named with its
 * argument, innermost first, and the value used, each with the values of the bounds inside it; and
 * the rule, with those values, gives the value: "min(bookings, 100000 USD): bookings is 140,000.00
 * USD, above the limit of 100,000.00 USD, so 100,000.00 USD is used; 100,000.00 USD * 5% is
 * 5,000.00 USD".
 */
export function heldSentence(
  plan: Plan,
  bounds: Bounds,
  held: Held,
  bound: (value: Dec) => string,
): HeldSentence {
  const used = new Map<IrExpr, string>();
  const parts: string[] = [];
  let atBound = false;
  for (const { call, arg, value } of held.steps) {
    const type = call.call.type;
    const below = value.gt(arg);
    const argText = valueText(plan, call.arg.type, arg);
    // An argument that is a bound inside (`max(min(bookings, 100 USD), 200 USD)`) is its value.
    const subject = used.has(call.arg) ? argText : withValues(call.arg, used);
    if (call.call === bounds.rule) {
      parts.push(heldText(subject, argText, bound(value), below));
      atBound = true;
      continue;
    }
    const valueShown = valueText(plan, type, value);
    parts.push(
      `${withValues(call.call, used)}: ${heldText(subject, argText, valueShown, below)}, so ${valueShown} is used`,
    );
    used.set(call.call, value.isNegative() ? `(${valueShown})` : valueShown);
  }
  if (!atBound)
    parts.push(`${withValues(bounds.rule, used)} is ${valueText(plan, bounds.rule.type, held.value)}`);
  return { text: parts.join('; '), atBound };
}
