/**
 * Unifying values that must agree: a literal zero takes the unit of the other side (`amount > 0`,
 * `if c then amount else 0`), and the values of a list, a table or a call join to one type.
 */
import type { Expr } from '../syntax/ast.js';
import { unparen } from './collections.js';
import type { CheckContext } from './context.js';
import { typeExpr } from './expressions.js';
import { isNumeric, join, T, type Type } from './types.js';

/** True for a literal zero (`0`, `0.00`, `(0)`, `-0`), which fits money and percentages too. */
export function isZeroLiteral(expr: Expr): boolean {
  const e = unparen(expr);
  if (e.kind === 'Unary' && e.op === '-') return isZeroLiteral(e.operand);
  return e.kind === 'Number' && /^0+(\.0+)?$/.test(e.value);
}

/**
 * Lets a literal zero take the unit of the other side (`amount > 0`, `if c then amount else 0`):
 * returns the adapted type and records it on the literal.
 */
export function adaptZero(ctx: CheckContext, expr: Expr, type: Type, other: Type): Type {
  if (!isNumeric(type) || (other.kind !== 'Money' && other.kind !== 'Percent') || !isZeroLiteral(expr))
    return type;
  let e: Expr = expr;
  for (;;) {
    ctx.types.set(e, other);
    if (e.kind === 'Paren') e = e.inner;
    else if (e.kind === 'Unary') e = e.operand;
    else break;
  }
  return other;
}

/** The outcome of {@link joinAll}: the common type, and the values that do not fit it. */
export interface Joined {
  type: Type;
  /** Indexes of the values whose type does not agree with the ones before, with that type. */
  mismatches: { index: number; type: Type; expected: Type }[];
}

/**
 * The common type of values that must agree (the rates of a table, the values of a lookup table):
 * a literal zero takes the unit of the others.
 */
export function joinAll(ctx: CheckContext, exprs: readonly Expr[]): Joined {
  const types = exprs.map((e) => typeExpr(ctx, e));
  const unit = types.find((t) => t.kind === 'Money' || t.kind === 'Percent');
  const result: Joined = { type: T.Unknown, mismatches: [] };
  exprs.forEach((expr, index) => {
    const type = unit ? adaptZero(ctx, expr, types[index] ?? T.Unknown, unit) : (types[index] ?? T.Unknown);
    const joined = join(result.type, type);
    if (joined) result.type = joined;
    else result.mismatches.push({ index, type, expected: result.type });
  });
  return result;
}
