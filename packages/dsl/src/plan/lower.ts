/**
 * Builds the `Plan` from a checked tree: header, schema, every declaration lowered to plain data,
 * and the definitions in dependency order (from the binder's dependency graph).
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { CheckContext } from '../check/context.js';
import { toCount } from '../check/decimal.js';
import { fieldType } from '../check/schema.js';
import type * as Ast from '../syntax/ast.js';
import {
  element,
  lowerClawback,
  lowerCredit,
  lowerDefinition,
  lowerDraw,
  lowerEarning,
  lowerGuarantee,
  lowerHoldback,
  lowerLookupTable,
  lowerPayCurve,
  lowerQuota,
  lowerRateTable,
  lowerSignal,
} from './lower-decls.js';
import { LoweringError, lowerExpr } from './lower-expr.js';
import type * as P from './plan.js';
import { type DefinitionRef, PLAN_FORMAT, type Plan } from './plan.js';

/** Lowers a plan that was checked without errors. Throws `LoweringError` if the tree is incomplete. */
export function lower(ctx: CheckContext, uri?: string): Plan {
  const decl = ctx.plan;
  if (!decl) throw new LoweringError('no plan');
  const { order, rank } = definitionOrder(ctx);
  const plan: Plan = {
    format: PLAN_FORMAT,
    header: header(ctx, decl),
    sources: [],
    payee: [],
    lets: [],
    measures: [],
    quotas: [],
    credits: [],
    rateTables: [],
    lookupTables: [],
    payCurves: [],
    earnings: [],
    draws: [],
    guarantees: [],
    holdbacks: [],
    clawbacks: [],
    adjustments: [],
    metrics: [],
    signals: [],
    order,
  };
  if (uri !== undefined) plan.uri = uri;
  for (const item of decl.items) addItem(ctx, plan, item);
  const byRank = (a: P.Element, b: P.Element) => (rank.get(a.name) ?? 0) - (rank.get(b.name) ?? 0);
  for (const list of [plan.lets, plan.measures, plan.metrics, plan.quotas, plan.credits, plan.earnings]) {
    (list as P.Element[]).sort(byRank);
  }
  return plan;
}

function addItem(ctx: CheckContext, plan: Plan, item: Ast.PlanItem): void {
  switch (item.kind) {
    case 'Source':
      plan.sources.push(source(ctx, item));
      break;
    case 'Payee':
      plan.payee.push(...item.fields.map((f) => field(ctx, f)));
      break;
    case 'Let':
      plan.lets.push(lowerDefinition(ctx, item));
      break;
    case 'Measure':
      plan.measures.push(lowerDefinition(ctx, item));
      break;
    case 'Metric':
      plan.metrics.push(lowerDefinition(ctx, item));
      break;
    case 'Quota':
      plan.quotas.push(lowerQuota(ctx, item));
      break;
    case 'Credit':
      plan.credits.push(lowerCredit(ctx, item));
      break;
    case 'RateTable':
      plan.rateTables.push(lowerRateTable(ctx, item));
      break;
    case 'LookupTable':
      plan.lookupTables.push(lowerLookupTable(ctx, item));
      break;
    case 'PayCurve':
      plan.payCurves.push(lowerPayCurve(ctx, item));
      break;
    case 'Earning':
      plan.earnings.push(lowerEarning(ctx, item));
      break;
    case 'Draw':
      plan.draws.push(lowerDraw(ctx, item));
      break;
    case 'Guarantee':
      plan.guarantees.push(lowerGuarantee(ctx, item));
      break;
    case 'Holdback':
      plan.holdbacks.push(lowerHoldback(ctx, item));
      break;
    case 'Clawback':
      plan.clawbacks.push(lowerClawback(item));
      break;
    case 'Adjustment':
      plan.adjustments.push(element(item));
      break;
    case 'Territories':
      plan.territories ??= territories(ctx, item);
      break;
    case 'Signal':
      plan.signals.push(lowerSignal(ctx, item));
      break;
    default:
      break; // header settings are read by `header`
  }
}

const DEFAULT_ROUNDING: P.Rounding = { mode: 'half-up', decimals: 2, point: 'line', declared: false };

function header(ctx: CheckContext, decl: Ast.PlanDecl): P.PlanHeader {
  const { currency, period, effective } = ctx.settings;
  if (!currency || !period || !effective?.from || !effective.to)
    throw new LoweringError('incomplete plan header');
  const result: P.PlanHeader = {
    name: decl.name?.value ?? '',
    currency,
    period,
    fiscalYearStart: 1,
    effective: { from: effective.from, to: effective.to },
    rounding: DEFAULT_ROUNDING,
  };
  if (decl.version) result.version = decl.version.value;
  if (decl.doc !== undefined) result.doc = decl.doc;
  for (const item of decl.items) {
    if (item.kind === 'FiscalYearSetting' && item.month !== undefined) result.fiscalYearStart = item.month;
    if (item.kind === 'RoundingSetting' && item.mode && item.point) {
      // The checker accepts only whole numbers from 0 to 50 (AT3006): never a silent default.
      const decimals = item.decimals && toCount(item.decimals.value);
      if (decimals === undefined) throw new LoweringError('a number of decimal places is missing');
      result.rounding = { mode: item.mode, decimals, point: item.point, declared: true };
    }
  }
  return result;
}

function field(ctx: CheckContext, decl: Ast.FieldDecl): P.Field {
  const converted = decl.modifiers.find((m) => m.kind === 'converted');
  const result: P.Field = {
    name: decl.name?.text ?? '',
    type: fieldType(decl, ctx.settings.currency),
    optional: decl.modifiers.some((m) => m.kind === 'optional'),
    range: decl.range,
  };
  if (decl.doc !== undefined) result.doc = decl.doc;
  if (converted?.kind === 'converted' && converted.on) result.convertedOn = converted.on.text;
  return result;
}

function source(ctx: CheckContext, decl: Ast.SourceDecl): P.Source {
  const result: P.Source = { ...element(decl), fields: decl.fields.map((f) => field(ctx, f)) };
  const info = ctx.schema.sources.get(result.name);
  if (info?.decl === decl) {
    if (info.keys[0]) result.key = info.keys[0].name;
    if (info.owner) result.owner = info.owner.name;
    if (info.dated) result.dated = info.dated.name;
  }
  return result;
}

function territories(ctx: CheckContext, decl: Ast.TerritoriesDecl): P.Territories {
  return {
    source: decl.source?.text ?? '',
    by: decl.by ?? 'priority',
    range: decl.range,
    territories: decl.territories.map((t) => territory(ctx, t)),
  };
}

function territory(ctx: CheckContext, decl: Ast.TerritoryDecl): P.Territory {
  const result: P.Territory = { ...element(decl), where: [], named: [], assignments: [] };
  for (const clause of decl.clauses) {
    switch (clause.kind) {
      case 'TerritoryWhere':
        if (clause.condition) result.where.push(lowerExpr(ctx, clause.condition));
        break;
      case 'TerritoryNamed':
        result.named.push(...clause.accounts.map((a) => a.value));
        break;
      case 'TerritoryPriority': {
        const priority = clause.priority && toCount(clause.priority.value);
        if (priority !== undefined) result.priority = priority;
        break;
      }
      case 'TerritoryScore':
        if (clause.score) result.score = lowerExpr(ctx, clause.score);
        break;
      case 'TerritoryAssign': {
        const assignment: P.Territory['assignments'][number] = {
          payee: clause.payee?.value ?? '',
          role: clause.role ?? 'primary',
          range: clause.range,
        };
        if (clause.from) assignment.from = clause.from.value;
        if (clause.to) assignment.to = clause.to.value;
        result.assignments.push(assignment);
        break;
      }
    }
  }
  return result;
}

const ORDERED: ReadonlySet<string> = new Set(['let', 'measure', 'metric', 'quota', 'credit', 'earning']);

/**
 * Names in dependency order (depth-first post-order over the binder's graph, versions of a name
 * taken together), and each name's rank in it.
 */
function definitionOrder(ctx: CheckContext): { order: DefinitionRef[]; rank: Map<string, number> } {
  const { declarations, dependencies } = ctx.binding;
  const depsOf = (name: string): string[] =>
    (declarations.get(name) ?? []).flatMap((s: PlanSymbol) => (dependencies.get(s) ?? []).map((d) => d.name));
  const rank = new Map<string, number>();
  const order: DefinitionRef[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of declarations.keys()) {
    if (state.has(start)) continue;
    const stack: { name: string; deps: string[]; next: number }[] = [
      { name: start, deps: depsOf(start), next: 0 },
    ];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const dep = top.deps[top.next++];
      if (dep !== undefined) {
        if (!state.has(dep) && declarations.has(dep)) {
          state.set(dep, 'open');
          stack.push({ name: dep, deps: depsOf(dep), next: 0 });
        }
        continue;
      }
      stack.pop();
      state.set(top.name, 'done');
      rank.set(top.name, rank.size);
      const kind = declarations.get(top.name)?.[0]?.kind;
      if (kind && ORDERED.has(kind)) order.push({ kind: kind as DefinitionRef['kind'], name: top.name });
    }
  }
  return { order, rank };
}
