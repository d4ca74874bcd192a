/**
 * Expression typing: every expression gets a type (remembered in the context, for hover and
 * lowering), and every misuse of units, conditions or names of the wrong kind is reported once.
 * An expression that already has an error is `Unknown`, which fits everywhere.
 */
import type { Code } from '../diagnostics/codes.js';
import type {
  BinaryExpr,
  Expr,
  IfExpr,
  InExpr,
  ListExpr,
  MemberExpr,
  NameRef,
  UnaryExpr,
} from '../syntax/ast.js';
import { collectionOf, collectionSymbol, unparen } from './collections.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { isKnownCurrency, unknownCurrencyMessage } from './currencies.js';
import { checkCalendarDate } from './dates.js';
import { toDecimal } from './decimal.js';
import { typeCall } from './functions.js';
import { formatLiteral, isAbove, literalValue } from './literals.js';
import { binary, comparison, negate } from './operators.js';
import { checkPeriodEquality } from './period-literals.js';
import { symbolType } from './symbols.js';
import { formatType, isAssignable, isOrdered, isQuantity, join, list, money, T, type Type } from './types.js';
import { adaptZero } from './unify.js';

/** The type of an expression; reports its errors the first time it is asked. */
export function typeExpr(ctx: CheckContext, expr: Expr): Type {
  const known = ctx.types.get(expr);
  if (known) return known;
  const type = computeType(ctx, expr);
  ctx.types.set(expr, type);
  return type;
}

function computeType(ctx: CheckContext, expr: Expr): Type {
  switch (expr.kind) {
    case 'Number':
      return expr.integer ? T.Integer : T.Number;
    case 'Percent':
      return T.Percent;
    case 'Money':
      return moneyLiteral(ctx, expr.currency.text, expr.currency.range);
    case 'Date':
      checkCalendarDate(ctx, expr);
      return T.Date;
    case 'PeriodLit':
      return T.Period;
    case 'Text':
      return T.Text;
    case 'Boolean':
      return T.Boolean;
    case 'NameRef':
      return typeName(ctx, expr);
    case 'PayeeRef': {
      // In a credit or territory rule over a source with a field `payee`, it is that field.
      const field = ctx.binding.payeeFieldAt(expr);
      return field ? symbolType(ctx, field) : T.Payee;
    }
    case 'PeriodRef':
      return T.Period;
    case 'TodayRef':
      return T.Date;
    case 'Member':
      return typeMember(ctx, expr);
    case 'Call':
      return typeCall(ctx, expr);
    case 'Unary':
      return typeUnary(ctx, expr);
    case 'Binary':
      return typeBinary(ctx, expr);
    case 'In':
      return typeIn(ctx, expr);
    case 'If':
      return typeIf(ctx, expr);
    case 'List':
      return typeList(ctx, expr);
    case 'Paren':
      return typeExpr(ctx, expr.inner);
    case 'Missing':
      return T.Unknown;
  }
}

function moneyLiteral(ctx: CheckContext, code: string, range: Expr['range']): Type {
  if (isKnownCurrency(code)) return money(code);
  report(ctx, 'AT3011', range, unknownCurrencyMessage(code));
  return money(undefined);
}

/** Types `expr` as a condition: reports AT3004 unless it is true/false. */
export function typeCondition(ctx: CheckContext, expr: Expr, where: string): void {
  const type = typeExpr(ctx, expr);
  if (type.kind !== 'Boolean' && type.kind !== 'Unknown') {
    report(
      ctx,
      'AT3004',
      expr.range,
      `The condition ${where} must be true or false, but this is ${formatType(type)}`,
    );
  }
}

/**
 * Types `expr` and reports `code` unless it fits `expected` (a literal zero fits money and
 * percentages); money in another currency is `currencyCode`. `what` names the value in the
 * message: "The cap of commission".
 */
export function expectType(
  ctx: CheckContext,
  expr: Expr,
  expected: Type,
  code: Code,
  what: string,
  currencyCode: Code = 'AT3002',
): Type {
  const type = adaptZero(ctx, expr, typeExpr(ctx, expr), expected);
  if (isAssignable(type, expected)) return type;
  const currencyOnly = type.kind === 'Money' && expected.kind === 'Money';
  report(
    ctx,
    currencyOnly ? currencyCode : code,
    expr.range,
    `${what} must be ${formatType(expected)}, but this is ${formatType(type)}`,
  );
  return T.Unknown;
}

function typeName(ctx: CheckContext, ref: NameRef): Type {
  const symbol = ctx.binding.symbolAt(ref.name);
  if (!symbol) return T.Unknown;
  switch (symbol.kind) {
    case 'source':
      report(
        ctx,
        'AT3009',
        ref.range,
        `${symbol.name} is a list of records: count them with count(${symbol.name}) or add up a field with sum(${symbol.name}.amount)`,
      );
      return T.Unknown;
    case 'rate-table':
      report(
        ctx,
        'AT4012',
        ref.range,
        `${symbol.name} is a rate table: use it through tiered(amount, ${symbol.name}) or rate(${symbol.name})`,
      );
      return T.Unknown;
    case 'lookup-table':
      report(
        ctx,
        'AT4012',
        ref.range,
        `${symbol.name} is a lookup table: use it through lookup(${symbol.name}, key)`,
      );
      return T.Unknown;
    case 'pay-curve':
      report(ctx, 'AT4012', ref.range, `${symbol.name} is a pay curve: use it through curve(${symbol.name})`);
      return T.Unknown;
    case 'function':
      reportOnce(
        ctx,
        'AT2008',
        ref.range,
        `${symbol.name} is a function: call it with parentheses, for example ${symbol.name}(...)`,
      );
      return T.Unknown;
    case 'territory':
      reportOnce(ctx, 'AT2008', ref.range, `${symbol.name} is a territory, which cannot be used as a value`);
      return T.Unknown;
    default:
      return symbolType(ctx, symbol);
  }
}

/** True when `x.y` is in the `where` of an aggregate over `x`, or over a credit from source `x`. */
function readsRecord(ctx: CheckContext, expr: MemberExpr, name: string): boolean {
  return (ctx.inAggregates.get(expr) ?? []).some((a) => a.collection === name || a.source === name);
}

function typeMember(ctx: CheckContext, expr: MemberExpr): Type {
  const object = unparen(expr.object);
  const collection = object.kind === 'NameRef' ? collectionSymbol(ctx, object) : undefined;
  if (collection && object.kind === 'NameRef') {
    // An unknown field (`deals.regoin`) was reported by the binder (AT2003, with its suggestion).
    const field = expr.member?.text;
    const type = collectionOf(ctx, expr)?.element ?? T.Unknown;
    if (field === undefined || type.kind === 'Unknown') return T.Unknown;
    // In the `where` of an aggregate over deals (or over a credit from deals), `deals.stage` is the
    // current record's field, as `stage` is.
    if (readsRecord(ctx, expr, collection.name)) {
      // `deals` there is the current record, not the list of them.
      const current = collectionOf(ctx, object)?.element ?? T.Unknown;
      ctx.types.set(object, current);
      ctx.types.set(expr.object, current);
      return type;
    }
    const written = `${collection.name}.${field}`;
    const example = isQuantity(type)
      ? `sum(${written}) or max(${written})`
      : isOrdered(type)
        ? `max(${written}) or min(${written})`
        : `count(${collection.name} where ${field} = ...)`;
    report(
      ctx,
      'AT3009',
      expr.range,
      `${written} has one value per record: use it inside an aggregate such as ${example}`,
    );
    return T.Unknown;
  }
  const objectType = typeExpr(ctx, expr.object);
  const member = expr.member;
  if (!member || objectType.kind === 'Unknown') return T.Unknown;
  const symbol = ctx.binding.symbolAt(member);
  if (symbol && (symbol.kind === 'field' || symbol.kind === 'payee-attribute'))
    return symbolType(ctx, symbol);
  const name = member.text;
  switch (objectType.kind) {
    case 'Payee': {
      const attribute = ctx.schema.payee.get(name);
      if (attribute) return attribute.type;
      reportOnce(
        ctx,
        'AT2010',
        member.range,
        `Payees have no attribute ${name}: declare it in the payee { ... } block`,
      );
      return T.Unknown;
    }
    case 'Period':
      if (name === 'start' || name === 'end') return T.Date;
      reportOnce(ctx, 'AT2003', member.range, `A period has only start and end, not ${name}`);
      return T.Unknown;
    case 'Record': {
      const field = ctx.schema.sources.get(objectType.source)?.fields.get(name);
      if (field) return field.type;
      reportOnce(ctx, 'AT2003', member.range, `${objectType.source} has no field ${name}`);
      return T.Unknown;
    }
    default:
      reportOnce(
        ctx,
        'AT2003',
        member.range,
        `${formatType(objectType)} has no fields, so .${name} means nothing here`,
      );
      return T.Unknown;
  }
}

function typeUnary(ctx: CheckContext, expr: UnaryExpr): Type {
  const operand = typeExpr(ctx, expr.operand);
  if (expr.op === 'not') {
    if (operand.kind !== 'Boolean' && operand.kind !== 'Unknown') {
      report(
        ctx,
        'AT3004',
        expr.operand.range,
        `\`not\` needs something true or false, but this is ${formatType(operand)}`,
      );
    }
    return T.Boolean;
  }
  const result = negate(operand);
  if (result.ok) return result.type;
  report(ctx, result.code, expr.range, result.message);
  return T.Unknown;
}

function typeBinary(ctx: CheckContext, expr: BinaryExpr): Type {
  let left = typeExpr(ctx, expr.left);
  let right = typeExpr(ctx, expr.right);
  if (expr.op === 'and' || expr.op === 'or') {
    for (const [side, type] of [
      [expr.left, left],
      [expr.right, right],
    ] as const) {
      if (type.kind !== 'Boolean' && type.kind !== 'Unknown') {
        report(
          ctx,
          'AT3004',
          side.range,
          `Both sides of \`${expr.op}\` must be true or false, but this is ${formatType(type)}`,
        );
      }
    }
    return T.Boolean;
  }
  if (expr.op !== '*' && expr.op !== '/') {
    left = adaptZero(ctx, expr.left, left, right);
    right = adaptZero(ctx, expr.right, right, left);
  }
  if (expr.op === '=' || expr.op === '!=') checkPeriodEquality(ctx, expr.left, expr.right, expr.op);
  if (expr.op === '/' && literalValue(expr.right)?.value.isZero()) {
    report(
      ctx,
      'AT3305',
      expr.right.range,
      'This divides by zero, which has no value: divide by a number other than 0',
    );
  }
  const result = binary(expr.op, left, right);
  if (result.ok) return result.type;
  report(ctx, result.code, expr.range, percentHint(expr, left, right) ?? result.message);
  return isArithmetic(expr.op) ? T.Unknown : T.Boolean;
}

/**
 * `attainment >= 100`: a percentage compared with a number written as a literal. The general
 * message suggests `50%` whatever the number; with the literal at hand it says what to write: a
 * number above 1 was most likely a percentage without its `%` (`100%`), one of 1 or less a ratio
 * (`0.5` is `50%`).
 */
function percentHint(expr: BinaryExpr, left: Type, right: Type): string | undefined {
  if (isArithmetic(expr.op) || expr.op === 'and' || expr.op === 'or') return undefined;
  const sides = [
    { type: left, other: right, node: expr.right },
    { type: right, other: left, node: expr.left },
  ];
  for (const { type, other, node } of sides) {
    if (type.kind !== 'Percent' || (other.kind !== 'Number' && other.kind !== 'Integer')) continue;
    if (node.kind !== 'Number') continue;
    const written = node.value.replaceAll('_', '');
    const value = toDecimal(written);
    if (!value) continue;
    const fix = value.abs().gt(1) ? `${written}%` : `${value.times(100).toString()}%`;
    const meaning = value.abs().gt(1)
      ? `${written} is ${value.times(100).toString()}%`
      : `${written} is ${fix}`;
    return `Cannot compare ${formatType(left)} with ${formatType(right)}: write the number as a percentage, \`${fix}\` (the number ${meaning})`;
  }
  return undefined;
}

function isArithmetic(op: BinaryExpr['op']): boolean {
  return op === '+' || op === '-' || op === '*' || op === '/';
}

/** Checks that `item` can be compared with a value of type `value` (reports on the item). */
function compareItem(ctx: CheckContext, item: Expr, value: Type, op: '=' | '<='): void {
  const itemType = adaptZero(ctx, item, typeExpr(ctx, item), value);
  const result = comparison(op, value, itemType);
  if (!result.ok) report(ctx, result.code, item.range, result.message);
}

function typeIn(ctx: CheckContext, expr: InExpr): Type {
  const value = typeExpr(ctx, expr.value);
  const target = expr.target;
  switch (target.kind) {
    case 'RangeTarget':
      compareItem(ctx, target.from, value, '<=');
      compareItem(ctx, target.to, value, '<=');
      checkRangeOrder(ctx, target.from, target.to);
      break;
    case 'ListTarget':
      for (const item of target.items) {
        compareItem(ctx, item, value, '=');
        checkPeriodEquality(ctx, expr.value, item, expr.negated ? '!=' : '=');
      }
      break;
    case 'PeriodTarget':
      if (value.kind !== 'Date' && value.kind !== 'Unknown') {
        report(
          ctx,
          'AT3001',
          expr.value.range,
          `Only a date can be \`in period\`, but this is ${formatType(value)}`,
        );
      }
      break;
  }
  return T.Boolean;
}

/**
 * `x in A to B` with literal ends: B below A leaves nothing between them, so the test is never
 * true (AT3303; AT6002 for dates, as for any date range that ends before it starts).
 */
function checkRangeOrder(ctx: CheckContext, from: Expr, to: Expr): void {
  const [start, end] = [unparen(from), unparen(to)];
  if (start.kind === 'Date' && end.kind === 'Date') {
    if (end.value < start.value)
      report(ctx, 'AT6002', to.range, `This range ends on ${end.value}, before it starts on ${start.value}`);
    return;
  }
  const low = literalValue(from);
  const high = literalValue(to);
  if (!low || !high || !isAbove(low, high)) return;
  report(
    ctx,
    'AT3303',
    from.range,
    `This range starts at ${formatLiteral(low)}, above its end at ${formatLiteral(high)}, so no value is in it: write the lower end first`,
  );
}

function typeIf(ctx: CheckContext, expr: IfExpr): Type {
  typeCondition(ctx, expr.condition, 'after `if`');
  let then = typeExpr(ctx, expr.then);
  let otherwise = typeExpr(ctx, expr.else);
  then = adaptZero(ctx, expr.then, then, otherwise);
  otherwise = adaptZero(ctx, expr.else, otherwise, then);
  const joined = join(then, otherwise);
  if (joined) return joined;
  report(
    ctx,
    'AT3101',
    expr.else.range,
    `The two branches of this if give different types: ${formatType(then)} after \`then\`, ${formatType(otherwise)} after \`else\``,
    [{ message: `This branch gives ${formatType(then)}`, range: expr.then.range }],
  );
  return T.Unknown;
}

function typeList(ctx: CheckContext, expr: ListExpr): Type {
  let element: Type = T.Unknown;
  for (const item of expr.items) {
    const type = adaptZero(ctx, item, typeExpr(ctx, item), element);
    const joined = join(element, type);
    if (joined) element = joined;
    else
      report(
        ctx,
        'AT3001',
        item.range,
        `All items of a list must have one type: ${formatType(element)}, not ${formatType(type)}`,
      );
  }
  return list(element);
}
