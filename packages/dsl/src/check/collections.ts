/**
 * Collections: the records of a source or credit (`deals`, `bookings`) and one field of each
 * (`deals.amount`, `bookings.credited`). They are what aggregates run over, and only there may
 * they appear: everywhere else an expression stands for a single value.
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { Expr, Name, NameRef } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import type { SourceInfo } from './schema.js';
import { symbolType } from './symbols.js';
import { money, record, T, type Type } from './types.js';

/** The built-in field of a credit's records: the amount credited to the payee. */
export const CREDITED = 'credited';
/** The built-in field of a credit's records: the part of `credited` that counts toward quota. */
export const QUOTA_CREDITED = 'quota_credited';

/** A collection written in an aggregate. */
export interface Collection {
  /** Whether the records are those of a source or those a credit credited to the payee. */
  over: 'source' | 'credit';
  /** The source or credit name. */
  name: string;
  /** The source whose records these are (for a credit, the source it credits from). */
  source?: SourceInfo;
  /** For `deals.amount`: the field. */
  field?: string;
  /** `Record(source)` for the records, or the field's type. */
  element: Type;
  /** The range of the source or credit name. */
  nameRange: Range;
}

/** Strips parentheses. */
export function unparen(expr: Expr): Expr {
  let e = expr;
  while (e.kind === 'Paren') e = e.inner;
  return e;
}

/** The source or credit a name refers to, if it refers to one. */
export function collectionSymbol(ctx: CheckContext, expr: Expr): PlanSymbol | undefined {
  const e = unparen(expr);
  if (e.kind !== 'NameRef') return undefined;
  const symbol = ctx.binding.symbolAt(e.name);
  return symbol?.kind === 'source' || symbol?.kind === 'credit' ? symbol : undefined;
}

function recordsOf(ctx: CheckContext, ref: NameRef, symbol: PlanSymbol): Collection {
  if (symbol.kind === 'source') {
    return {
      over: 'source',
      name: symbol.name,
      source: ctx.schema.sources.get(symbol.name),
      element: record(symbol.name),
      nameRange: ref.range,
    };
  }
  const decl = symbol.decl?.kind === 'Credit' ? symbol.decl : undefined;
  const sourceName = decl?.source?.text;
  const source = sourceName === undefined ? undefined : ctx.schema.sources.get(sourceName);
  return {
    over: 'credit',
    name: symbol.name,
    source,
    element: source ? record(source.name) : T.Unknown,
    nameRange: ref.range,
  };
}

/** Reads `expr` as a collection (`deals`, `bookings`, `deals.amount`), or undefined if it is not one. */
export function collectionOf(ctx: CheckContext, expr: Expr): Collection | undefined {
  const e = unparen(expr);
  if (e.kind === 'NameRef') {
    const symbol = collectionSymbol(ctx, e);
    return symbol ? recordsOf(ctx, e, symbol) : undefined;
  }
  if (e.kind !== 'Member') return undefined;
  const object = unparen(e.object);
  const symbol = object.kind === 'NameRef' ? collectionSymbol(ctx, object) : undefined;
  if (!symbol || object.kind !== 'NameRef') return undefined;
  const records = recordsOf(ctx, object, symbol);
  if (!e.member) return { ...records, element: T.Unknown };
  const fieldName = e.member.text;
  return { ...records, field: fieldName, element: fieldOfCollection(ctx, records, e.member) };
}

function fieldOfCollection(ctx: CheckContext, records: Collection, member: Name): Type {
  const resolved = ctx.binding.symbolAt(member);
  if (resolved && (resolved.kind === 'field' || resolved.kind === 'payee-attribute'))
    return symbolType(ctx, resolved);
  if (records.over === 'credit' && (member.text === CREDITED || member.text === QUOTA_CREDITED))
    return money(ctx.settings.currency);
  return records.source?.fields.get(member.text)?.type ?? T.Unknown;
}
