/**
 * Name resolution: `bind(file)` declares every name a plan defines, resolves every identifier
 * occurrence to its symbol, builds the dependency graph between definitions and reports the
 * AT2xxx diagnostics (unknown names with "did you mean", duplicates, cycles, unused definitions).
 */
import type { File } from '../syntax/ast.js';
import type { Binding } from './binding.js';
import { reportDeepChains } from './chains.js';
import { BindContext } from './context.js';
import { reportCycles } from './cycles.js';
import { resolveAll } from './resolve.js';
import { declareAll } from './scopes.js';
import { reportUnused } from './unused.js';

/** Resolves the names of a parsed plan file. Never throws; works on trees with syntax errors. */
export function bind(file: File): Binding {
  const ctx = new BindContext();
  declareAll(file, ctx);
  resolveAll(file, ctx);
  reportCycles(ctx);
  reportDeepChains(ctx);
  reportUnused(ctx);
  ctx.diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return {
    symbols: ctx.symbols,
    declarations: ctx.declarations,
    references: ctx.references,
    symbolAt: (name) => ctx.nameSymbols.get(name),
    dependencies: ctx.dependencies,
    diagnostics: ctx.diagnostics,
    fieldsOf: (symbol) => ctx.fields.get(symbol),
    payeeAttributes: ctx.payeeAttributes,
    rowSourceOf: (call) => ctx.rowSources.get(call),
    payeeFieldAt: (ref) => ctx.payeeFields.get(ref),
  };
}
