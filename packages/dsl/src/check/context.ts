/**
 * The state one check of a plan shares between its passes: the tree, the names, the plan's
 * settings, the schema, the types found so far, and the diagnostics.
 */
import type { Binding, PlanSymbol } from '../bind/binding.js';
import { type Code, codes } from '../diagnostics/codes.js';
import {
  type Diagnostic,
  isSyntaxError,
  type Range,
  type RelatedInformation,
} from '../diagnostics/diagnostic.js';
import type { Expr, File, PeriodKind, PlanDecl } from '../syntax/ast.js';
import { isKnownCurrency } from './currencies.js';
import { buildSchema, type Schema } from './schema.js';
import type { Type } from './types.js';

/** The plan's header settings, as far as they were written. */
export interface Settings {
  /** The plan currency, when declared. */
  currency?: string;
  period?: PeriodKind;
  /** The plan's effective range (`YYYY-MM-DD` strings), when declared. */
  effective?: { from?: string; to?: string };
  /** The month the fiscal year starts in (1 = January), when declared. */
  fiscalYearStart?: number;
}

/** Everything one check shares. */
export interface CheckContext {
  readonly file: File;
  readonly plan: PlanDecl | undefined;
  readonly binding: Binding;
  readonly settings: Settings;
  readonly schema: Schema;
  /** The type of every expression checked so far. */
  readonly types: Map<Expr, Type>;
  /** The type of every symbol computed so far. */
  readonly symbolTypes: Map<PlanSymbol, Type>;
  /** Symbols whose type is being computed (a cycle, reported by the binder, ends in Unknown). */
  readonly inProgress: Set<PlanSymbol>;
  readonly diagnostics: Diagnostic[];
  /** Start offsets of earlier diagnostics (parser, binder), so the checker does not report a place twice. */
  readonly reported: Set<number>;
  /** Where the syntax errors found before checking (AT1xxx) are. */
  readonly syntaxErrors: readonly Range[];
  /**
   * For each `x.y` inside the `where` of one or more aggregates: those aggregates, outermost first
   * (so that `deals.stage` in `count(deals where deals.stage = "EU")` is known to be inside one
   * over deals).
   */
  readonly inAggregates: Map<Expr, EnclosingAggregate[]>;
}

/** An aggregate whose `where` holds an expression. */
export interface EnclosingAggregate {
  /** The source or credit it runs over. */
  collection: string;
  /** The source whose records it reads (for a credit, the source the credit credits from). */
  source: string | undefined;
}

/** Creates the context for checking `file`. */
export function createContext(
  file: File,
  binding: Binding,
  earlier: readonly Diagnostic[] = binding.diagnostics,
): CheckContext {
  const plan = file.plan;
  const settings = readSettings(plan);
  return {
    file,
    plan,
    binding,
    settings,
    schema: buildSchema(plan, settings.currency),
    types: new Map(),
    symbolTypes: new Map(),
    inProgress: new Set(),
    diagnostics: [],
    reported: new Set(earlier.map((d) => d.range.start.offset)),
    syntaxErrors: earlier.filter(isSyntaxError).map((d) => d.range),
    inAggregates: new Map(),
  };
}

/**
 * True when a syntax error lies within `range`. A table whose rows did not all parse is not
 * compared row against row (order, gaps, overlaps, repeats, kinds of value): the rows that were
 * read are not the rows that were written, so such a check would describe the half-read text.
 */
export function hasSyntaxErrorIn(ctx: CheckContext, range: Range): boolean {
  return ctx.syntaxErrors.some(
    (error) => error.start.offset < range.end.offset && range.start.offset <= error.start.offset,
  );
}

function readSettings(plan: PlanDecl | undefined): Settings {
  const settings: Settings = {};
  for (const item of plan?.items ?? []) {
    switch (item.kind) {
      case 'CurrencySetting':
        // An unknown code (AT3011) leaves the currency unknown, so amounts do not all mismatch.
        if (item.currency && isKnownCurrency(item.currency.text)) settings.currency ??= item.currency.text;
        break;
      case 'PeriodSetting':
        settings.period ??= item.period;
        break;
      case 'EffectiveSetting':
        settings.effective ??= { from: item.effective?.from?.value, to: item.effective?.to?.value };
        break;
      case 'FiscalYearSetting':
        if (item.month !== undefined) settings.fiscalYearStart ??= item.month;
        break;
    }
  }
  return settings;
}

/** Adds a diagnostic with the code's default severity. */
export function report(
  ctx: CheckContext,
  code: Code,
  range: Range,
  message: string,
  related?: RelatedInformation[],
): void {
  const diagnostic: Diagnostic = { code, severity: codes[code].severity, message, range };
  if (related && related.length > 0) diagnostic.related = related;
  ctx.diagnostics.push(diagnostic);
}

/** Adds a diagnostic unless the parser or binder already reported one starting at the same place. */
export function reportOnce(ctx: CheckContext, code: Code, range: Range, message: string): void {
  if (!ctx.reported.has(range.start.offset)) report(ctx, code, range, message);
}
