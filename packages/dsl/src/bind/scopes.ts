/**
 * Declaration phase: creates a symbol for every top-level declaration (one plan scope, order
 * does not matter), for the fields of sources and the payee schema, and for the built-ins.
 * Reports names defined twice (AT2002) and fields declared twice or named like a built-in field of
 * credits (AT2009).
 */

import { builtinFunctions } from '../check/builtins.js';
import type { Declaration, FieldDecl, File, PlanItem, TerritoryDecl } from '../syntax/ast.js';
import type { PlanSymbol, SymbolKind } from './binding.js';
import { creditFields, payeeBuiltins, periodBuiltins } from './builtins.js';
import type { BindContext } from './context.js';
import { messages } from './messages.js';

/** Declarations that introduce one name each. */
type NamedDeclaration = Exclude<Declaration, { kind: 'Payee' | 'Territories' }>;

/** The symbol kind each named declaration introduces. */
const declarationKinds: Record<NamedDeclaration['kind'], SymbolKind> = {
  Source: 'source',
  Let: 'let',
  Measure: 'measure',
  Quota: 'quota',
  Credit: 'credit',
  RateTable: 'rate-table',
  LookupTable: 'lookup-table',
  PayCurve: 'pay-curve',
  Earning: 'earning',
  Draw: 'draw',
  Guarantee: 'guarantee',
  Holdback: 'holdback',
  Clawback: 'clawback',
  Adjustment: 'adjustment',
  Metric: 'metric',
  Signal: 'signal',
};

/** Declares everything the plan and the language define. */
export function declareAll(file: File, ctx: BindContext): void {
  declareBuiltins(ctx);
  const items = file.plan?.items ?? [];
  for (const item of items) {
    if (item.kind === 'Territories') {
      for (const territory of item.territories) declareTopLevel(ctx, territory, 'territory');
      continue;
    }
    if (item.kind === 'Payee') {
      declarePayeeAttributes(ctx, item.fields);
      continue;
    }
    if (!isNamedDeclaration(item)) continue;
    const symbol = declareTopLevel(ctx, item, declarationKinds[item.kind]);
    if (symbol !== undefined && item.kind === 'Source') declareSourceFields(ctx, symbol, item.fields);
  }
  groupDeclarations(ctx);
}

const isNamedDeclaration = (item: PlanItem): item is NamedDeclaration => item.kind in declarationKinds;

function declareBuiltins(ctx: BindContext): void {
  for (const f of builtinFunctions) {
    ctx.functions.set(f.name, ctx.newSymbol({ name: f.name, kind: 'function', doc: f.doc }));
  }
  for (const a of payeeBuiltins) {
    ctx.payeeAttributes.set(
      a.name,
      ctx.newSymbol({ name: a.name, kind: 'payee-attribute', doc: a.doc, type: a.type }),
    );
  }
  for (const p of periodBuiltins) {
    ctx.periodFields.set(p.name, ctx.newSymbol({ name: p.name, kind: 'field', doc: p.doc, type: p.type }));
  }
}

function declareTopLevel(
  ctx: BindContext,
  decl: NamedDeclaration | TerritoryDecl,
  kind: SymbolKind,
): PlanSymbol | undefined {
  const name = decl.name;
  if (name === undefined || name.text === '') return undefined;
  const symbol = ctx.newSymbol({ name: name.text, kind, decl, nameRange: name.range, ...docOf(decl.doc) });
  ctx.nameSymbols.set(name, symbol);
  ctx.topLevel.push(symbol);
  ctx.dependencies.set(symbol, []);
  return symbol;
}

const docOf = (doc: string | undefined): { doc?: string } => (doc === undefined ? {} : { doc });

function declareSourceFields(ctx: BindContext, source: PlanSymbol, fields: readonly FieldDecl[]): void {
  const byName = new Map<string, PlanSymbol>();
  for (const field of fields) {
    const name = field.name;
    if (name === undefined || name.text === '') continue;
    const symbol = ctx.newSymbol({
      name: name.text,
      kind: 'field',
      decl: field,
      nameRange: name.range,
      parent: source,
      ...docOf(field.doc),
    });
    ctx.nameSymbols.set(name, symbol);
    const builtin = creditFields.find((f) => f.name === name.text);
    if (builtin !== undefined)
      ctx.report(
        'AT2009',
        messages.builtinCreditField(name.text, builtin.meaning ?? builtin.doc),
        name.range,
      );
    const first = byName.get(name.text);
    if (first === undefined) {
      byName.set(name.text, symbol);
    } else if (first.nameRange !== undefined) {
      ctx.report('AT2009', messages.duplicateField(name.text, `\`${source.name}\``), name.range, [
        { message: messages.firstDefinition(name.text), range: first.nameRange },
      ]);
    }
  }
  ctx.fields.set(source, byName);
}

function declarePayeeAttributes(ctx: BindContext, fields: readonly FieldDecl[]): void {
  for (const field of fields) {
    const name = field.name;
    if (name === undefined || name.text === '') continue;
    const symbol = ctx.newSymbol({
      name: name.text,
      kind: 'payee-attribute',
      decl: field,
      nameRange: name.range,
      ...docOf(field.doc),
    });
    ctx.nameSymbols.set(name, symbol);
    const first = ctx.payeeAttributes.get(name.text);
    if (first === undefined) {
      ctx.payeeAttributes.set(name.text, symbol);
    } else if (first.nameRange === undefined) {
      ctx.report('AT2009', messages.builtinAttribute(name.text), name.range);
    } else {
      ctx.report('AT2009', messages.duplicateField(name.text, 'the payee attributes'), name.range, [
        { message: messages.firstDefinition(name.text), range: first.nameRange },
      ]);
    }
  }
}

/**
 * Fills `declarations`: names declared once, and versions (every declaration of the name has an
 * `effective` range and the same kind). Other repeats are AT2002 and stay out of the map.
 */
function groupDeclarations(ctx: BindContext): void {
  for (const symbol of ctx.topLevel) {
    const group = ctx.declarations.get(symbol.name);
    const first = group?.[0];
    if (group === undefined || first === undefined) {
      ctx.declarations.set(symbol.name, [symbol]);
      continue;
    }
    const range = symbol.nameRange;
    if (range === undefined || first.nameRange === undefined) continue;
    const related = [{ message: messages.firstDefinition(symbol.name), range: first.nameRange }];
    if (first.kind !== symbol.kind) {
      ctx.report('AT2002', messages.duplicateKinds(symbol.name, first, symbol), range, related);
    } else if (isVersioned(first) && isVersioned(symbol)) {
      group.push(symbol);
    } else {
      ctx.report('AT2002', messages.duplicate(symbol.name, isVersionable(symbol)), range, related);
    }
  }
}

const isVersioned = (symbol: PlanSymbol): boolean =>
  symbol.decl !== undefined && 'effective' in symbol.decl && symbol.decl.effective !== undefined;

/** Declarations the grammar allows an `effective` range on. */
const isVersionable = (symbol: PlanSymbol): boolean =>
  symbol.decl !== undefined && ['Let', 'Measure', 'Quota', 'RateTable', 'Earning'].includes(symbol.decl.kind);

/** Creates the fields of a credit: its source's fields plus the built-in `credited` and `quota_credited`. */
export function declareCreditFields(
  ctx: BindContext,
  credit: PlanSymbol,
  source: PlanSymbol | undefined,
): void {
  const fields = new Map(source === undefined ? [] : (ctx.fields.get(source) ?? []));
  for (const { name, doc, type } of creditFields)
    fields.set(name, ctx.newSymbol({ name, kind: 'field', doc, type, parent: credit }));
  ctx.fields.set(credit, fields);
  if (source !== undefined) ctx.creditSources.set(credit, source);
}
