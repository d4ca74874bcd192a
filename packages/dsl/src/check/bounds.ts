/**
 * Tier bounds and curve points: their unit, their value as a decimal, and how they are written
 * back in messages. A bound's unit must match what the table is on (AT4006): percentages for an
 * attainment, money for an amount.
 */
import type { Bound, Expr } from '../syntax/ast.js';
import { type CheckContext, report } from './context.js';
import { type Decimal, toDecimal } from './decimal.js';
import { typeExpr } from './expressions.js';
import { formatType, isAssignable, isNumeric, isQuantity, T, type Type } from './types.js';
import { isZeroLiteral } from './unify.js';

/** The value of a bound as written (`50%` is 50), for ordering bounds of one unit. */
export function boundValue(bound: Bound): Decimal | undefined {
  return toDecimal(bound.value);
}

/** A bound as a comp admin wrote it: `50%`, `10000 USD`, `3`. */
export function formatBound(bound: Bound): string {
  switch (bound.kind) {
    case 'Percent':
      return `${bound.value}%`;
    case 'Money':
      return `${bound.value} ${bound.currency.text}`;
    default:
      return bound.value;
  }
}

/** True when a bound of type `bound` may bound a table on `on` (a literal 0 fits any unit). */
function fits(bound: Bound, type: Type, on: Type): boolean {
  if (isZeroLiteral(bound)) return true;
  if (on.kind === 'Unknown' || type.kind === 'Unknown') return true;
  return isAssignable(type, on) || (isNumeric(type) && isNumeric(on));
}

/**
 * Checks the unit of every bound against the table's `on` type; reports AT4006 for each bound
 * that does not fit. Returns true when all bounds share one unit (so they can be ordered).
 */
export function checkBoundUnits(
  ctx: CheckContext,
  bounds: readonly Bound[],
  on: Type,
  describe: (bound: Bound) => string,
): boolean {
  let consistent = true;
  let first: Type | undefined;
  for (const bound of bounds) {
    const type = typeExpr(ctx, bound);
    if (!fits(bound, type, on)) {
      report(
        ctx,
        'AT4006',
        bound.range,
        `${describe(bound)} is ${formatType(type)}, but the table is on ${formatType(on)}: ${unitHint(on)}`,
      );
      consistent = false;
      continue;
    }
    if (isZeroLiteral(bound) || type.kind === 'Unknown') continue;
    if (first === undefined) first = type;
    else if (!isAssignable(type, first) && !(isNumeric(type) && isNumeric(first))) consistent = false;
  }
  return consistent;
}

function unitHint(on: Type): string {
  switch (on.kind) {
    case 'Percent':
      return 'write the bounds as percentages, such as 50%';
    case 'Money':
      return on.currency
        ? `write the bounds as money, such as 10000 ${on.currency}`
        : 'write the bounds as money';
    default:
      return 'write the bounds as plain numbers';
  }
}

/** Checks what a table or curve is `on`: a percentage, an amount or a number (AT3001 otherwise). */
export function checkTableOn(ctx: CheckContext, on: Expr | undefined, what: string): Type {
  if (!on) return T.Unknown;
  const type = typeExpr(ctx, on);
  if (isQuantity(type)) return type;
  report(
    ctx,
    'AT3001',
    on.range,
    `${what} must be on a percentage, an amount or a number, but this is ${formatType(type)}`,
  );
  return T.Unknown;
}
