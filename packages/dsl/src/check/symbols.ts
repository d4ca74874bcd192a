/**
 * The type of each named thing: a field has its declared type, a `let` or `measure` the type of
 * its definition (or its declared type), credits, quotas and earnings are money in the plan
 * currency. Computed on demand and remembered, so definitions can be checked in any order.
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { Declaration, FieldDecl } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { dependenciesFirst } from './dependencies-first.js';
import { typeExpr } from './expressions.js';
import { fieldType, typeFromRef } from './schema.js';
import { list, money, record, T, type Type } from './types.js';

/** The type of a symbol's value when its name is used in an expression. */
export function symbolType(ctx: CheckContext, symbol: PlanSymbol): Type {
  const known = ctx.symbolTypes.get(symbol);
  if (known) return known;
  if (ctx.inProgress.has(symbol)) return T.Unknown;
  ctx.inProgress.add(symbol);
  const type = computeSymbolType(ctx, symbol);
  ctx.inProgress.delete(symbol);
  ctx.symbolTypes.set(symbol, type);
  return type;
}

function computeSymbolType(ctx: CheckContext, symbol: PlanSymbol): Type {
  const currency = ctx.settings.currency;
  switch (symbol.kind) {
    case 'field':
    case 'payee-attribute':
      if (symbol.decl?.kind === 'Field') return fieldType(symbol.decl as FieldDecl, currency);
      // Built-ins (`credited`, payee `id`/`name`/`manager`, `period.start`/`end`) carry their type.
      if (symbol.type) return symbol.type === 'Money' ? money(currency) : T[symbol.type];
      return T.Unknown;
    case 'let':
    case 'measure':
    case 'metric': {
      const decl = symbol.decl;
      if (decl?.kind !== 'Let' && decl?.kind !== 'Measure' && decl?.kind !== 'Metric') return T.Unknown;
      const valueType = decl.value ? typeExpr(ctx, decl.value) : T.Unknown;
      return decl.type?.name ? typeFromRef(decl.type, currency) : valueType;
    }
    case 'quota':
    case 'credit':
    case 'earning':
    case 'draw':
    case 'guarantee':
    case 'holdback':
    case 'clawback':
    case 'adjustment':
      return money(currency);
    case 'source':
      return list(record(symbol.name));
    case 'signal':
      return T.Boolean;
    default:
      return T.Unknown;
  }
}

/**
 * Types every definition in dependency order ({@link dependenciesFirst}), so that typing one never
 * has to type the definitions it uses first: however long a chain of lets using lets, no recursion
 * goes deeper than one definition's expression.
 */
export function typeDefinitionsInOrder(ctx: CheckContext, topLevel: Iterable<PlanSymbol>): void {
  dependenciesFirst(ctx.binding.dependencies, topLevel, (symbol) => typeDefinition(ctx, symbol));
}

/** Types what using a symbol's name types: a definition's value, a table's rates or values. */
function typeDefinition(ctx: CheckContext, symbol: PlanSymbol): void {
  const decl = symbol.decl;
  if (symbol.kind === 'let' || symbol.kind === 'measure' || symbol.kind === 'metric') {
    symbolType(ctx, symbol);
  } else if (decl?.kind === 'RateTable') {
    for (const tier of decl.tiers) if (tier.rate) typeExpr(ctx, tier.rate);
  } else if (decl?.kind === 'LookupTable') {
    for (const row of decl.rows) if (row.value) typeExpr(ctx, row.value);
  }
}

/** The symbol a declaration declares, when it has a name. */
export function declaredSymbol(ctx: CheckContext, decl: Declaration): PlanSymbol | undefined {
  return 'name' in decl && decl.name ? ctx.binding.symbolAt(decl.name) : undefined;
}
