/**
 * Lowering of checked expressions to the IR: names become references by kind and name, literals
 * decimal strings (percentages as ratios), calls of built-ins their own IR nodes; parentheses
 * disappear. Only called on plans without errors.
 */
import type { PlanSymbol } from '../bind/binding.js';
import { type AggregateFunction, isAggregateCall } from '../check/aggregates.js';
import { collectionOf, collectionSymbol, unparen } from '../check/collections.js';
import type { CheckContext } from '../check/context.js';
import { percentRatio, toDecimal } from '../check/decimal.js';
import { typeExpr } from '../check/expressions.js';
import type { CallArg, CallExpr, Expr, MemberExpr } from '../syntax/ast.js';
import type { CallFn, IrExpr, IrRef, RefKind } from './ir.js';

/** Raised for a tree that cannot be lowered: only possible when the checker missed an error. */
export class LoweringError extends Error {
  override readonly name = 'LoweringError';
}

const REF_KINDS: ReadonlySet<string> = new Set<RefKind>([
  'let',
  'measure',
  'metric',
  'quota',
  'credit',
  'earning',
  'draw',
  'guarantee',
  'holdback',
  'clawback',
  'adjustment',
  'signal',
]);

/** A decimal literal in canonical form (`1_000.50` was already `1000.50`; `007` becomes `7`). */
function canonical(value: string): string {
  return toDecimal(value)?.toString() ?? value;
}

/** Lowers a checked expression. */
export function lowerExpr(ctx: CheckContext, expr: Expr): IrExpr {
  const type = typeExpr(ctx, expr);
  const range = expr.range;
  switch (expr.kind) {
    case 'Number':
    case 'Money':
      return { op: 'literal', type, range, value: canonical(expr.value) };
    case 'Percent':
      return { op: 'literal', type, range, value: percentRatio(expr.value) ?? expr.value };
    case 'Date':
    case 'PeriodLit':
    case 'Text':
    case 'Boolean':
      return { op: 'literal', type, range, value: expr.value };
    case 'NameRef':
      return lowerName(ctx, expr.name, type, range);
    case 'PayeeRef': {
      // In a credit or territory rule over a source with a field `payee`, it is that field.
      const field = ctx.binding.payeeFieldAt(expr);
      if (field) return { op: 'field', type, range, source: field.parent?.name ?? '', field: field.name };
      return { op: 'payee', type, range };
    }
    case 'PeriodRef':
      return { op: 'period', type, range };
    case 'TodayRef':
      return { op: 'today', type, range };
    case 'Member':
      return lowerMember(ctx, expr);
    case 'Call':
      return lowerCall(ctx, expr);
    case 'Unary':
      return {
        op: 'unary',
        type,
        range,
        operator: expr.op === '-' ? 'neg' : 'not',
        operand: lowerExpr(ctx, expr.operand),
      };
    case 'Binary':
      return {
        op: 'binary',
        type,
        range,
        operator: expr.op,
        left: lowerExpr(ctx, expr.left),
        right: lowerExpr(ctx, expr.right),
      };
    case 'In': {
      const value = lowerExpr(ctx, expr.value);
      const t = expr.target;
      const negated = expr.negated;
      if (t.kind === 'RangeTarget') {
        return {
          op: 'in-range',
          type,
          range,
          value,
          from: lowerExpr(ctx, t.from),
          to: lowerExpr(ctx, t.to),
          negated,
        };
      }
      if (t.kind === 'ListTarget') {
        return { op: 'in-list', type, range, value, items: t.items.map((i) => lowerExpr(ctx, i)), negated };
      }
      return { op: 'in-period', type, range, value, negated };
    }
    case 'If':
      return {
        op: 'if',
        type,
        range,
        condition: lowerExpr(ctx, expr.condition),
        ifTrue: lowerExpr(ctx, expr.then),
        ifFalse: lowerExpr(ctx, expr.else),
      };
    case 'List':
      return { op: 'list', type, range, items: expr.items.map((i) => lowerExpr(ctx, i)) };
    case 'Paren': {
      const inner = lowerExpr(ctx, expr.inner);
      // A literal zero inside parentheses may have taken the unit of its context.
      return { ...inner, type };
    }
    case 'Missing':
      throw new LoweringError('missing expression in a plan without errors');
  }
}

function lowerName(
  ctx: CheckContext,
  name: import('../syntax/ast.js').Name,
  type: IrExpr['type'],
  range: IrExpr['range'],
): IrExpr {
  const symbol = ctx.binding.symbolAt(name);
  if (!symbol) throw new LoweringError(`unresolved name ${name.text}`);
  if (symbol.kind === 'field') {
    return { op: 'field', type, range, source: symbol.parent?.name ?? '', field: symbol.name };
  }
  return refTo(symbol, type, range);
}

function refTo(symbol: PlanSymbol, type: IrExpr['type'], range: IrExpr['range']): IrRef {
  if (!REF_KINDS.has(symbol.kind)) throw new LoweringError(`${symbol.name} (${symbol.kind}) is not a value`);
  return { op: 'ref', type, range, kind: symbol.kind as RefKind, name: symbol.name };
}

function lowerMember(ctx: CheckContext, expr: MemberExpr): IrExpr {
  if (!expr.member) throw new LoweringError('member without a name');
  // `deals.stage` in the `where` of an aggregate over deals (the checker let only that through):
  // the current record's field, the same IR as `stage` written alone.
  const object = unparen(expr.object);
  if (object.kind === 'NameRef' && collectionSymbol(ctx, object)) {
    const field = ctx.binding.symbolAt(expr.member);
    if (field?.kind !== 'field') throw new LoweringError(`${expr.member.text} is not a field`);
    const type = typeExpr(ctx, expr);
    return { op: 'field', type, range: expr.range, source: field.parent?.name ?? '', field: field.name };
  }
  return {
    op: 'member',
    type: typeExpr(ctx, expr),
    range: expr.range,
    object: lowerExpr(ctx, expr.object),
    member: expr.member.text,
  };
}

function tableName(ctx: CheckContext, arg: CallArg | undefined): string {
  const value = arg && unparen(arg.value);
  const symbol = value?.kind === 'NameRef' ? ctx.binding.symbolAt(value.name) : undefined;
  if (!symbol) throw new LoweringError('table argument is not a table name');
  return symbol.name;
}

function lowerCall(ctx: CheckContext, call: CallExpr): IrExpr {
  const type = typeExpr(ctx, call);
  const range = call.range;
  const fn = call.callee.text;
  const args = call.args;
  if (isAggregateCall(call)) {
    const arg = args[0] as CallArg;
    const collection = collectionOf(ctx, arg.value);
    if (!collection?.source)
      throw new LoweringError('aggregate over something that is not a source or credit');
    return {
      op: 'aggregate',
      type,
      range,
      fn: fn as AggregateFunction,
      over: { kind: collection.over, name: collection.name },
      source: collection.source.name,
      ...(collection.field === undefined ? {} : { field: collection.field }),
      ...(arg.where ? { where: lowerExpr(ctx, arg.where) } : {}),
    };
  }
  switch (fn) {
    case 'ytd':
    case 'htd':
    case 'qtd':
    case 'mtd': {
      const value = unparen((args[0] as CallArg).value);
      const symbol = value.kind === 'NameRef' ? ctx.binding.symbolAt(value.name) : undefined;
      if (!symbol) throw new LoweringError(`${fn} of something that is not a definition`);
      return { op: 'to-date', type, range, window: fn, ref: refTo(symbol, type, value.range) };
    }
    case 'tiered':
      return {
        op: 'tiered',
        type,
        range,
        amount: lowerExpr(ctx, (args[0] as CallArg).value),
        table: tableName(ctx, args[1]),
      };
    case 'rate':
      return { op: 'rate', type, range, table: tableName(ctx, args[0]) };
    case 'lookup':
      return {
        op: 'lookup',
        type,
        range,
        table: tableName(ctx, args[0]),
        keys: args.slice(1).map((a) => lowerExpr(ctx, a.value)),
      };
    case 'curve':
      return { op: 'curve', type, range, curve: tableName(ctx, args[0]) };
    case 'convert': {
      const target = unparen((args[1] as CallArg).value);
      if (target.kind !== 'NameRef') throw new LoweringError('convert without a currency');
      const date = args[2];
      return {
        op: 'convert',
        type,
        range,
        value: lowerExpr(ctx, (args[0] as CallArg).value),
        currency: target.name.text,
        ...(date ? { date: lowerExpr(ctx, date.value) } : {}),
      };
    }
    default:
      return { op: 'call', type, range, fn: fn as CallFn, args: args.map((a) => lowerExpr(ctx, a.value)) };
  }
}
