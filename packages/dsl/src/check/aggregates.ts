/**
 * Aggregates (`sum`, `count`, `avg`, one-argument `min`/`max`) over a source or credit, scoped to
 * the payee (through the source's owner field, or through a credit) and to the period (through
 * its dated field), and the period-to-date functions (`ytd`, `qtd`, `mtd`, `htd`).
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { CallExpr, Expr } from '../syntax/ast.js';
import { type Collection, CREDITED, collectionOf, unparen } from './collections.js';
import { type CheckContext, type EnclosingAggregate, report } from './context.js';
import { typeCondition, typeExpr } from './expressions.js';
import type { SourceInfo } from './schema.js';
import { symbolType } from './symbols.js';
import { formatType, isOrdered, isQuantity, list, record, T, type Type } from './types.js';
import { childExpressions } from './walk.js';

/** The aggregate functions. */
export type AggregateFunction = 'sum' | 'count' | 'avg' | 'min' | 'max';

/** True when a call is an aggregate: `sum`, `count`, `avg`, or `min`/`max` with one argument. */
export function isAggregateCall(call: CallExpr): boolean {
  const name = call.callee.text;
  if (name === 'sum' || name === 'count' || name === 'avg') return true;
  return (name === 'min' || name === 'max') && call.args.length === 1;
}

/** Types an aggregate call. */
export function typeAggregate(ctx: CheckContext, call: CallExpr): Type {
  const fn = call.callee.text as AggregateFunction;
  const [arg, ...extra] = call.args;
  if (!arg || extra.length > 0) {
    report(
      ctx,
      'AT3005',
      call.range,
      `${fn} takes one source or credit, such as ${fn}(deals.amount), but ${call.args.length} values are given`,
    );
    for (const a of call.args) if (!collectionOf(ctx, a.value)) typeExpr(ctx, a.value);
    return T.Unknown;
  }
  const collection = collectionOf(ctx, arg.value);
  if (!collection) {
    const type = typeExpr(ctx, arg.value);
    if ((fn === 'min' || fn === 'max') && !arg.where) {
      report(
        ctx,
        'AT3005',
        call.range,
        `${fn} is written ${fn}(a, b, ...) or ${fn}(source.field), but 1 value is given`,
      );
    } else if (type.kind !== 'Unknown') {
      report(
        ctx,
        'AT3009',
        arg.value.range,
        `${fn} works on a source or credit, such as ${fn}(deals.amount where stage = "Won"), not on ${formatType(type)}`,
      );
    }
    return T.Unknown;
  }
  recordCollectionTypes(ctx, call, collection);
  checkScope(ctx, fn, collection, arg.value.range);
  if (arg.where) {
    markEnclosed(ctx, arg.where, enclosing(collection));
    typeCondition(ctx, arg.where, 'after `where`');
  }
  return aggregateResult(ctx, fn, collection, arg.value.range);
}

function enclosing(collection: Collection): EnclosingAggregate {
  return { collection: collection.name, source: collection.source?.name };
}

/**
 * Records that every `x.y` in `where` is inside `aggregate` (before the condition is typed, so
 * that typing `x.y` knows). A nested aggregate's collection (`avg(deals.amount)`) is not a value
 * and is skipped; its `where` is inside both.
 */
/**
 * The scope of a clause that reads one record of `source` at a time (a credit's `where` and
 * `amount`, a territory's rules, a signal `on` the source): `deals.stage` there is the record's
 * field, as in the `where` of an aggregate over the source.
 */
export function recordsOf(source: SourceInfo): EnclosingAggregate {
  return { collection: source.name, source: source.name };
}

export function markEnclosed(ctx: CheckContext, where: Expr, aggregate: EnclosingAggregate): void {
  const stack: Expr[] = [where];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    if (e.kind === 'Member') {
      const list = ctx.inAggregates.get(e);
      if (list) list.push(aggregate);
      else ctx.inAggregates.set(e, [aggregate]);
    }
    if (e.kind === 'Call' && isAggregateCall(e)) {
      for (const a of e.args) if (a.where) stack.push(a.where);
    } else stack.push(...childExpressions(e));
  }
}

function recordCollectionTypes(ctx: CheckContext, call: CallExpr, collection: Collection): void {
  const value = call.args[0]?.value;
  if (!value) return;
  ctx.types.set(value, list(collection.element));
  const e = unparen(value);
  if (e.kind === 'Member') {
    ctx.types.set(e, list(collection.element));
    ctx.types.set(e.object, list(collection.source ? record(collection.source.name) : T.Unknown));
  }
}

/** AT5005 / AT5006: the records must be placeable in a period and (for a source) on a payee. */
function checkScope(ctx: CheckContext, fn: string, collection: Collection, range: Range): void {
  const source = collection.source;
  if (!source || collection.over === 'credit') return;
  if (!source.dated) {
    report(
      ctx,
      'AT5005',
      range,
      `${fn} over ${source.name} needs to know which period each record belongs to: mark a Date field of ${source.name} as \`dated\``,
    );
  }
  if (!source.owner) {
    report(
      ctx,
      'AT5006',
      range,
      `${fn} over ${source.name} needs to know whose each record is: mark a Payee field of ${source.name} as \`owner\`, or credit the records with a credit`,
    );
  }
}

function aggregateResult(
  ctx: CheckContext,
  fn: AggregateFunction,
  collection: Collection,
  range: Range,
): Type {
  if (collection.field === undefined) {
    if (fn === 'count') return T.Integer;
    const field = collection.over === 'credit' ? CREDITED : 'amount';
    report(
      ctx,
      'AT3009',
      range,
      `${fn} needs the field to use: write ${fn}(${collection.name}.${field}), or count(${collection.name}) to count records`,
    );
    return T.Unknown;
  }
  const element = collection.element;
  // An unknown field was reported by the binder.
  if (element.kind === 'Unknown') return fn === 'count' ? T.Integer : T.Unknown;
  switch (fn) {
    case 'count':
      return T.Integer;
    case 'sum':
    case 'avg':
      if (!isQuantity(element)) {
        report(
          ctx,
          'AT3006',
          range,
          `${fn} can only use numbers, percentages or money, but ${collection.field} is ${formatType(element)}`,
        );
        return T.Unknown;
      }
      return fn === 'avg' && element.kind === 'Integer' ? T.Number : element;
    default:
      if (!isOrdered(element)) {
        report(
          ctx,
          'AT3006',
          range,
          `${fn} needs values with an order, but ${collection.field} is ${formatType(element)}`,
        );
        return T.Unknown;
      }
      return element;
  }
}

/** Types `ytd(m)`, `qtd(m)`, `mtd(m)`, `htd(m)`: the to-date value of a measure or credit. */
export function typeToDate(ctx: CheckContext, call: CallExpr): Type {
  const fn = call.callee.text;
  const [arg, ...extra] = call.args;
  if (!arg || extra.length > 0) {
    report(
      ctx,
      'AT3005',
      call.range,
      `${fn} takes one measure or credit, such as ${fn}(bookings), but ${call.args.length} values are given`,
    );
    for (const a of call.args) typeExpr(ctx, a.value);
    return T.Unknown;
  }
  const value = unparen(arg.value);
  if (value.kind === 'NameRef') {
    const symbol = ctx.binding.symbolAt(value.name);
    if (!symbol) return T.Unknown;
    if (TO_DATE_KINDS.has(symbol.kind)) {
      const type = symbolType(ctx, symbol);
      ctx.types.set(arg.value, type);
      ctx.types.set(value, type);
      return type;
    }
  } else if (typeExpr(ctx, arg.value).kind === 'Unknown') {
    return T.Unknown;
  }
  report(
    ctx,
    'AT3006',
    arg.value.range,
    `${fn} needs the name of a measure or credit, such as ${fn}(bookings)`,
  );
  return T.Unknown;
}

const TO_DATE_KINDS: ReadonlySet<string> = new Set([
  'measure',
  'credit',
  'metric',
  'earning',
  'quota',
  'let',
]);
