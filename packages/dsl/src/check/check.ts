/**
 * The checker: types and units (AT3xxx), tables (AT4xxx), crediting and sources (AT5xxx) and
 * dates (AT6xxx) of a parsed and bound plan. One pass over the declarations in source order; the
 * types of named definitions are computed on demand, so order does not matter.
 */
import type { Binding, PlanSymbol } from '../bind/binding.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration, Expr, File, HeaderSetting, NumberLit } from '../syntax/ast.js';
import { type CheckContext, createContext, report } from './context.js';
import { checkCredit } from './credit.js';
import { isKnownCurrency, unknownCurrencyMessage } from './currencies.js';
import { checkDates } from './dates.js';
import { toCount } from './decimal.js';
import { checkDefinition, checkSignal } from './definitions.js';
import { checkEarning } from './earning.js';
import { typeExpr } from './expressions.js';
import { MAX_PLACES } from './functions.js';
import { checkLiteralLimits } from './literals.js';
import { checkLookupTable } from './lookup-table.js';
import { checkPayCurve } from './pay-curve.js';
import { checkClawback, checkDraw, checkGuarantee, checkHoldback } from './payouts.js';
import { checkQuota } from './quota.js';
import { checkRateTable } from './rate-table.js';
import { checkPayeeSchema, checkSource } from './sources.js';
import { symbolType, typeDefinitionsInOrder } from './symbols.js';
import { checkTerritories } from './territories.js';
import type { Type } from './types.js';

/** The types the checker found, for hover and lowering. */
export interface TypeTable {
  /** The type of any expression node of the checked file (computed on first request if needed). */
  typeOf(expr: Expr): Type;
  /** The type a name has when used in an expression. */
  typeOfSymbol(symbol: PlanSymbol): Type;
}

/** What checking a plan gives. */
export interface CheckResult {
  types: TypeTable;
  /** The checker's own diagnostics (the parser's and binder's are not repeated). */
  diagnostics: Diagnostic[];
  /** The checker's state, which lowering to a `Plan` reads. */
  context: CheckContext;
}

/**
 * Checks a parsed and bound plan. `earlier` are the parser's and binder's diagnostics, so that a
 * place they already reported is not reported again. Never throws on any tree the parser builds.
 */
export function check(file: File, binding: Binding, earlier?: readonly Diagnostic[]): CheckResult {
  const ctx = createContext(file, binding, earlier ?? binding.diagnostics);
  typeDefinitionsInOrder(ctx, binding.dependencies.keys());
  for (const item of file.plan?.items ?? []) {
    if (isHeader(item)) checkHeader(ctx, item);
    else checkDeclaration(ctx, item);
  }
  checkDates(ctx);
  checkLiteralLimits(ctx, file);
  const diagnostics = [...ctx.diagnostics];
  return {
    diagnostics,
    context: ctx,
    types: {
      typeOf: (expr) => typeExpr(ctx, expr),
      typeOfSymbol: (symbol) => symbolType(ctx, symbol),
    },
  };
}

function isHeader(item: HeaderSetting | Declaration): item is HeaderSetting {
  return item.kind.endsWith('Setting');
}

function checkHeader(ctx: CheckContext, setting: HeaderSetting): void {
  if (setting.kind === 'CurrencySetting' && setting.currency && !isKnownCurrency(setting.currency.text)) {
    report(ctx, 'AT3011', setting.currency.range, unknownCurrencyMessage(setting.currency.text));
  }
  if (setting.kind === 'RoundingSetting' && setting.decimals) checkRoundingPlaces(ctx, setting.decimals);
}

/** `rounding ... to N decimals` keeps, like round(), a whole number of places from 0 to 50. */
function checkRoundingPlaces(ctx: CheckContext, decimals: NumberLit): void {
  const places = toCount(decimals.value);
  if (decimals.integer && places !== undefined && places <= MAX_PLACES) return;
  report(
    ctx,
    'AT3006',
    decimals.range,
    `Rounding keeps a whole number of decimal places from 0 to ${MAX_PLACES}, not ${decimals.value}`,
  );
}

type Checker<K extends Declaration['kind']> = (
  ctx: CheckContext,
  decl: Extract<Declaration, { kind: K }>,
) => void;

/** The check of each kind of declaration. */
const checkers: { [K in Declaration['kind']]: Checker<K> } = {
  Source: checkSource,
  Payee: checkPayeeSchema,
  Let: checkDefinition,
  Measure: checkDefinition,
  Metric: checkDefinition,
  Quota: checkQuota,
  Credit: checkCredit,
  RateTable: checkRateTable,
  LookupTable: checkLookupTable,
  PayCurve: checkPayCurve,
  Earning: checkEarning,
  Draw: checkDraw,
  Guarantee: checkGuarantee,
  Holdback: checkHoldback,
  Clawback: checkClawback,
  Territories: checkTerritories,
  Signal: checkSignal,
  Adjustment: () => {},
};

function checkDeclaration(ctx: CheckContext, decl: Declaration): void {
  (checkers[decl.kind] as Checker<Declaration['kind']>)(ctx, decl);
}
