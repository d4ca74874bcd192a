/**
 * Typing of calls to the built-in functions: dispatches aggregates and table functions to their
 * own files, and types the arithmetic, date and currency functions here. `where` is only allowed
 * inside aggregates (AT3010); argument counts are AT3005, argument types AT3006.
 */
import type { CallArg, CallExpr, Expr } from '../syntax/ast.js';
import { isAggregateCall, typeAggregate, typeToDate } from './aggregates.js';
import { arity } from './arity.js';
import { builtinFunction } from './builtins.js';
import { unparen } from './collections.js';
import { type CheckContext, report } from './context.js';
import { isKnownCurrency, unknownCurrencyMessage } from './currencies.js';
import { toCount } from './decimal.js';
import { typeExpr } from './expressions.js';
import { formatLiteral, isAbove, literalValue } from './literals.js';
import { typeTableCall } from './table-functions.js';
import { formatType, isOrdered, isQuantity, join, money, T, type Type } from './types.js';
import { joinAll } from './unify.js';

/** Types a call of a built-in function (unknown functions are the binder's AT2004). */
export function typeCall(ctx: CheckContext, call: CallExpr): Type {
  const info = builtinFunction(call.callee.text);
  if (!info) {
    for (const arg of call.args) typeExpr(ctx, arg.value);
    return T.Unknown;
  }
  if (!isAggregateCall(call)) {
    for (const arg of call.args) {
      if (arg.where) {
        report(
          ctx,
          'AT3010',
          arg.where.range,
          '`where` filters records, so it is only allowed inside sum, count, avg, min or max',
        );
      }
    }
  }
  switch (info.category) {
    case 'aggregate':
      return isAggregateCall(call) ? typeAggregate(ctx, call) : typeMinMax(ctx, call);
    case 'to-date':
      return typeToDate(ctx, call);
    case 'table':
      return typeTableCall(ctx, call);
    default:
      return typeOtherCall(ctx, call);
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function ordinal(i: number): string {
  return ORDINALS[i] ?? `${i + 1}th`;
}

/** Types argument `i` and reports AT3006 unless `fits`; returns its type (Unknown when it does not fit). */
function expectArg(
  ctx: CheckContext,
  call: CallExpr,
  i: number,
  fits: (t: Type) => boolean,
  expected: string,
): Type {
  const arg = call.args[i];
  if (!arg) return T.Unknown;
  const type = typeExpr(ctx, arg.value);
  if (type.kind === 'Unknown' || fits(type)) return type;
  report(
    ctx,
    'AT3006',
    arg.value.range,
    `The ${ordinal(i)} value of ${call.callee.text} must be ${expected}, but this is ${formatType(type)}`,
  );
  return T.Unknown;
}

/** The common type of values that must agree (`min(a, b)`, `clamp`); a literal 0 takes their unit. */
function joinArgs(ctx: CheckContext, call: CallExpr, args: readonly Expr[]): Type {
  const joined = joinAll(ctx, args);
  const fn = call.callee.text;
  let ordered = true;
  for (const arg of args) {
    const type = typeExpr(ctx, arg);
    if (isOrdered(type)) continue;
    ordered = false;
    report(ctx, 'AT3006', arg.range, `${fn} compares values, but ${formatType(type)} values have no order`);
  }
  for (const { index, type, expected } of joined.mismatches) {
    const arg = args[index] as Expr;
    if (!isOrdered(type) || !isOrdered(expected)) continue;
    const currency = expected.kind === 'Money' && type.kind === 'Money';
    report(
      ctx,
      currency ? 'AT3002' : 'AT3006',
      arg.range,
      `The values of ${fn} must be of one kind, but ${formatType(expected)} and ${formatType(type)} are mixed`,
    );
  }
  return ordered && joined.mismatches.length === 0 ? joined.type : T.Unknown;
}

function typeMinMax(ctx: CheckContext, call: CallExpr): Type {
  const fn = call.callee.text;
  if (!arity(ctx, call, 2, Number.POSITIVE_INFINITY, `${fn}(a, b, ...) or ${fn}(source.field)`))
    return T.Unknown;
  return joinArgs(
    ctx,
    call,
    call.args.map((a) => a.value),
  );
}

/** Decimal places `round` keeps: the engine's precision is 50 significant digits. */
export const MAX_PLACES = 50;

/** A literal number of places (`2`, `-3`) must be from 0 to {@link MAX_PLACES}. */
function checkPlaces(ctx: CheckContext, places: Expr | undefined): void {
  const expr = places && unparen(places);
  const negative = expr?.kind === 'Unary' && expr.op === '-';
  const literal = negative ? unparen(expr.operand) : expr;
  if (!places || literal?.kind !== 'Number') return;
  // A count, read exactly (undefined when it is beyond the safe integers: out of range anyway).
  const count = toCount(literal.value);
  if (count === 0 || (!negative && count !== undefined && count <= MAX_PLACES)) return;
  const step = negative && count !== undefined && count <= 9 ? 10 ** count : undefined;
  const hint =
    step === undefined ? '' : `; to round to the nearest ${step}, write round(x / ${step}, 0) * ${step}`;
  report(
    ctx,
    'AT3006',
    places.range,
    `round keeps from 0 to ${MAX_PLACES} decimal places, not ${negative ? '-' : ''}${literal.value}${hint}`,
  );
}

/** clamp(x, lowest, highest) with literal limits: the lowest must not be above the highest (AT3303). */
function checkClampLimits(ctx: CheckContext, lowest: Expr | undefined, highest: Expr | undefined): void {
  const low = literalValue(lowest);
  const high = literalValue(highest);
  if (!lowest || !low || !high || !isAbove(low, high)) return;
  report(
    ctx,
    'AT3303',
    lowest.range,
    `clamp(value, lowest, highest) keeps a value between its limits, but the lowest (${formatLiteral(low)}) is above the highest (${formatLiteral(high)}): swap them`,
  );
}

const isDate = (t: Type) => t.kind === 'Date';
const isInteger = (t: Type) => t.kind === 'Integer';

function typeOtherCall(ctx: CheckContext, call: CallExpr): Type {
  const args = call.args;
  switch (call.callee.text) {
    case 'clamp':
      if (!arity(ctx, call, 3, 3, 'clamp(value, lowest, highest)')) return T.Unknown;
      checkClampLimits(ctx, args[1]?.value, args[2]?.value);
      return joinArgs(
        ctx,
        call,
        args.map((a) => a.value),
      );
    case 'round': {
      if (!arity(ctx, call, 2, 2, 'round(value, places)')) return T.Unknown;
      const value = expectArg(ctx, call, 0, isQuantity, 'a number, percentage or money');
      if (isInteger(expectArg(ctx, call, 1, isInteger, 'a whole number of decimal places')))
        checkPlaces(ctx, args[1]?.value);
      return value;
    }
    case 'abs':
      if (!arity(ctx, call, 1, 1, 'abs(value)')) return T.Unknown;
      return expectArg(ctx, call, 0, isQuantity, 'a number, percentage or money');
    case 'ratio':
      return typeRatio(ctx, call);
    case 'convert':
      return typeConvert(ctx, call);
    case 'days_between':
    case 'months_between':
      if (!arity(ctx, call, 2, 2, `${call.callee.text}(a, b)`)) return T.Unknown;
      expectArg(ctx, call, 0, isDate, 'a Date');
      expectArg(ctx, call, 1, isDate, 'a Date');
      return T.Integer;
    case 'add_days':
    case 'add_months':
      if (!arity(ctx, call, 2, 2, `${call.callee.text}(date, n)`)) return T.Unknown;
      expectArg(ctx, call, 0, isDate, 'a Date');
      expectArg(ctx, call, 1, isInteger, 'a whole number');
      return T.Date;
    default:
      if (!arity(ctx, call, 1, 1, `${call.callee.text}(period)`)) return T.Unknown;
      expectArg(ctx, call, 0, (t) => t.kind === 'Period', 'a Period, such as period or 2026-Q1');
      return T.Date;
  }
}

function typeRatio(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 2, 2, 'ratio(a, b)')) return T.Unknown;
  const a = expectArg(ctx, call, 0, isQuantity, 'a number, percentage or money');
  const b = expectArg(ctx, call, 1, isQuantity, 'a number, percentage or money');
  if (!join(a, b)) {
    const currency = a.kind === 'Money' && b.kind === 'Money';
    const second = (call.args[1] as CallArg).value;
    report(
      ctx,
      currency ? 'AT3002' : 'AT3006',
      second.range,
      `ratio divides values of one kind, but ${formatType(a)} and ${formatType(b)} are mixed`,
    );
  }
  return T.Percent;
}

function typeConvert(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 2, 3, 'convert(money, CURRENCY) or convert(money, CURRENCY, date)')) return T.Unknown;
  expectArg(ctx, call, 0, (t) => t.kind === 'Money', 'money');
  if (call.args.length === 3) expectArg(ctx, call, 2, isDate, 'a Date');
  const target = unparen((call.args[1] as CallArg).value);
  if (target.kind !== 'NameRef') {
    report(ctx, 'AT3006', target.range, 'The second value of convert must be a currency code, such as USD');
    return T.Unknown;
  }
  const code = target.name.text;
  if (!isKnownCurrency(code)) {
    report(ctx, 'AT3011', target.range, unknownCurrencyMessage(code));
    return money(undefined);
  }
  return money(code);
}
