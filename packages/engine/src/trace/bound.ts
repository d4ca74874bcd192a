/**
 * A value held at a bound by `max`, `min` or `clamp` (`max(bookings * 10% - 100 USD, 0 USD)`):
 * what the bounded argument was, so that a sentence can say why the value is the bound: "bookings
 * * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD".
 */
import type { IrExpr } from '@attain/dsl';
import { Dec } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import { renderExpr } from '../governance/render-expr.js';
import type { RuleRef } from '../results/results.js';
import { evaluated } from './build.js';

/** A value that is a `max`, `min` or `clamp` of an argument (the first one that is not a literal). */
export interface BoundCall {
  fn: 'max' | 'min' | 'clamp';
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
  const arg = fn === 'clamp' ? value.args[0] : value.args.find((a) => a.op !== 'literal');
  if (!arg) return undefined;
  return { fn, arg, text: renderExpr(arg) };
}

/**
 * The value of the bounded argument in `ctx` when `value` (the call's value there) is a bound
 * that replaced it (below a floor, above a limit); else `undefined`. Evaluated as the rule was:
 * a tier it reaches is not added to the rule's, a warning it raises is the rule's, given already.
 */
export function heldArg(ctx: Ctx, call: BoundCall, value: Dec | null, rule: RuleRef): Dec | undefined {
  if (value === null) return undefined;
  const trail = ctx.trail;
  const length = trail.length;
  const outer = ctx.rule;
  ctx.rule = rule;
  let arg: unknown;
  try {
    arg = evaluated(ctx, call.arg);
  } finally {
    trail.length = length;
    ctx.trail = trail;
    ctx.rule = outer;
  }
  if (!(arg instanceof Dec) || arg.eq(value)) return undefined;
  return arg;
}

/** "bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD". */
export function heldText(call: BoundCall, arg: string, bound: string, below: boolean): string {
  return `${call.text} is ${arg}, ${below ? 'below the floor' : 'above the limit'} of ${bound}`;
}
