/**
 * Unused definitions (AT2006, a warning): definitions that exist only to be used by others —
 * sources, lets, measures, quotas, credits, tables and pay curves — that nothing uses. Earnings,
 * payout adjustments, territories, metrics and signals are what a plan produces, so they are
 * never unused.
 */
import type { SymbolKind } from './binding.js';
import type { BindContext } from './context.js';
import { messages } from './messages.js';

const usedOnlyThroughOthers: ReadonlySet<SymbolKind> = new Set([
  'source',
  'let',
  'measure',
  'quota',
  'credit',
  'rate-table',
  'lookup-table',
  'pay-curve',
]);

/** Reports the definitions that no other definition uses. */
export function reportUnused(ctx: BindContext): void {
  for (const symbol of ctx.topLevel) {
    if (!usedOnlyThroughOthers.has(symbol.kind) || ctx.used.has(symbol.name)) continue;
    // A name defined twice by mistake is reported as a duplicate, not as unused.
    if (symbol.nameRange === undefined || !ctx.declarations.get(symbol.name)?.includes(symbol)) continue;
    ctx.report('AT2006', messages.unused(symbol), symbol.nameRange);
  }
}
