/** Argument-count checking shared by the built-in functions (AT3005). */
import type { CallExpr } from '../syntax/ast.js';
import { unparen } from './collections.js';
import { type CheckContext, report } from './context.js';
import { typeExpr } from './expressions.js';

/**
 * True when `call` has between `min` and `max` arguments. Otherwise reports AT3005 with the way
 * the function is written (`usage`), types the arguments that are not bare names (so errors
 * inside them still show), and returns false.
 */
export function arity(ctx: CheckContext, call: CallExpr, min: number, max: number, usage: string): boolean {
  const n = call.args.length;
  if (n >= min && n <= max) return true;
  report(
    ctx,
    'AT3005',
    call.range,
    `${call.callee.text} is written ${usage}, but ${n} ${n === 1 ? 'value is' : 'values are'} given`,
  );
  for (const arg of call.args) {
    if (unparen(arg.value).kind !== 'NameRef') typeExpr(ctx, arg.value);
  }
  return false;
}
