/**
 * Checks of `let`, `measure` and `metric` (the value matches a declared type, AT3007) and of
 * `signal` (its condition is true/false).
 */
import type { LetDecl, MeasureDecl, MetricDecl, SignalDecl } from '../syntax/ast.js';
import { markEnclosed, recordsOf } from './aggregates.js';
import { type CheckContext, report } from './context.js';
import { typeCondition, typeExpr } from './expressions.js';
import { typeFromRef } from './schema.js';
import { checkTypeRef } from './sources.js';
import { declaredSymbol, symbolType } from './symbols.js';
import { formatType, isAssignable } from './types.js';
import { adaptZero } from './unify.js';

/** Checks a let, measure or metric. */
export function checkDefinition(ctx: CheckContext, decl: LetDecl | MeasureDecl | MetricDecl): void {
  const symbol = declaredSymbol(ctx, decl);
  // Typed through the symbol, so that a cycle (the binder's AT2005) ends in Unknown, not a loop.
  if (symbol) symbolType(ctx, symbol);
  if (!decl.value) return;
  const value = typeExpr(ctx, decl.value);
  checkTypeRef(ctx, decl.type);
  if (!decl.type?.name) return;
  const declared = typeFromRef(decl.type, ctx.settings.currency);
  if (isAssignable(adaptZero(ctx, decl.value, value, declared), declared)) return;
  const word = decl.kind === 'Let' ? 'let' : decl.kind === 'Measure' ? 'measure' : 'metric';
  report(
    ctx,
    'AT3007',
    decl.value.range,
    `${decl.name?.text ?? `This ${word}`} is declared as ${formatType(declared)}, but its value is ${formatType(value)}`,
    [{ message: 'Declared here', range: decl.type.range }],
  );
}

/** Checks a signal. */
export function checkSignal(ctx: CheckContext, signal: SignalDecl): void {
  if (!signal.condition) return;
  // A signal `on deals` reads one deal at a time: `deals.amount` in its condition is that deal's.
  const source = signal.on ? ctx.schema.sources.get(signal.on.text) : undefined;
  if (source) markEnclosed(ctx, signal.condition, recordsOf(source));
  typeCondition(ctx, signal.condition, `after \`when\` in ${signal.name?.text ?? 'this signal'}`);
}
