/**
 * Rules read without a payee (AT5008) or without a period of their own (AT5010). A credit's
 * `where` and `amount` are read once per record, before it is known whose credit the record is,
 * and a territory's `where` and `score` once per account, for all payees: there is no current
 * payee there. Anything that needs one (`payee`, `payee.x`, an aggregate over the payee's records,
 * a quota, a credit, an earning...) would have no value, silently, so the checker rejects it,
 * directly or through the definitions it uses.
 *
 * A territory rule places an account by its own fields, never by the period paid (the engine
 * places accounts once per period, `today` being its last day; a credit's rules do read the
 * period: each record is credited in the period it is dated in). What reads the period there
 * (`period`, `period.start`, `in period`, a period-to-date window, a definition with versions by
 * date) is rejected the same way.
 *
 * Per-record signals (`signal ... on source`) and quota `relief` are read for one payee, and so
 * may use the payee.
 */
import type { PlanSymbol, SymbolKind } from '../bind/binding.js';
import { kindWord } from '../bind/messages.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { Declaration, Expr } from '../syntax/ast.js';
import { isAggregateCall } from './aggregates.js';
import { collectionOf, unparen } from './collections.js';
import { type CheckContext, report } from './context.js';
import { dependenciesFirst } from './dependencies-first.js';
import { childExpressions } from './walk.js';

/** What a rule cannot read: the current payee, or the current period. */
export type RuleNeed = 'payee' | 'period';

/** What makes an expression need a payee (or a period). */
export interface PayeeUse {
  /** Where it is written in the rule. */
  range: Range;
  /** What it reads, in plan words: `payee.region`, `the quota q`, `sum(deals.amount)`, `period.start`. */
  what: string;
  /** The payee attribute read at the root, when it is one (`region` for `payee.region`). */
  attribute?: string;
  /** The definition written in the rule through which it is read, when it is not read directly. */
  via?: string;
}

/** What a definition needs a payee for (without a place: it is read where the definition is used). */
type Need = Omit<PayeeUse, 'range' | 'via'>;

/** Kinds whose value is per payee whatever their definition says. */
const perPayee: ReadonlySet<SymbolKind> = new Set([
  'quota',
  'credit',
  'earning',
  'draw',
  'guarantee',
  'holdback',
  'clawback',
  'adjustment',
  'signal',
]);

/** Kinds whose value is what their expressions say: a payee is needed when those need one. */
const computed: ReadonlySet<SymbolKind> = new Set([
  'let',
  'measure',
  'metric',
  'rate-table',
  'lookup-table',
  'pay-curve',
]);

/** The period-to-date windows: their value adds up the periods of the year (half...) to the current one. */
const windows: ReadonlySet<string> = new Set(['ytd', 'htd', 'qtd', 'mtd']);

/** Per check and per need: what each definition needs a payee (or period) for (null: nothing). */
const needs = new WeakMap<CheckContext, Record<RuleNeed, Map<PlanSymbol, Need | null>>>();

/**
 * Every place in `expr` that needs a payee, outermost first (what is inside a reported place is
 * not reported again): `payee`, `payee.x`, aggregates, and names of definitions that need one.
 */
export function payeeUses(ctx: CheckContext, expr: Expr): PayeeUse[] {
  return uses(ctx, expr, 'payee');
}

/**
 * Every place in `expr` that reads the current period, outermost first: `period`, `period.x`,
 * `in period`, period-to-date windows, definitions with versions by date, and names of
 * definitions that read one of those.
 */
export function periodUses(ctx: CheckContext, expr: Expr): PayeeUse[] {
  return uses(ctx, expr, 'period');
}

function uses(ctx: CheckContext, expr: Expr, kind: RuleNeed): PayeeUse[] {
  const found: PayeeUse[] = [];
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    const need = kind === 'payee' ? directNeed(ctx, e) : directPeriodNeed(ctx, e);
    if (need) {
      found.push({ range: e.range, ...need });
      continue;
    }
    if (e.kind === 'NameRef') {
      const symbol = ctx.binding.symbolAt(e.name);
      const through = symbol ? definitionNeed(ctx, symbol, kind) : undefined;
      if (symbol && through) found.push({ range: e.range, ...through, via: symbol.name });
      continue;
    }
    const children = childExpressions(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Expr);
  }
  return found;
}

/** What `e` itself needs a payee for: `payee`, `payee.x`, an aggregate, a per-payee definition. */
function directNeed(ctx: CheckContext, e: Expr): Need | undefined {
  switch (e.kind) {
    case 'PayeeRef':
      // The record's field `payee`, in a rule over a source that has one, is no payee of the rule.
      return ctx.binding.payeeFieldAt(e) ? undefined : { what: 'payee' };
    case 'Member': {
      const object = unparen(e.object);
      if (object.kind !== 'PayeeRef' || ctx.binding.payeeFieldAt(object) || !e.member) return undefined;
      return { what: `payee.${e.member.text}`, attribute: e.member.text };
    }
    case 'Call': {
      const arg = e.args[0];
      if (!isAggregateCall(e) || !arg) return undefined;
      const collection = collectionOf(ctx, arg.value);
      if (!collection) return undefined;
      const field = collection.field === undefined ? '' : `.${collection.field}`;
      return { what: `${e.callee.text}(${collection.name}${field}) over the payee's records` };
    }
    case 'NameRef': {
      const symbol = ctx.binding.symbolAt(e.name);
      if (!symbol || !perPayee.has(symbol.kind)) return undefined;
      return { what: `the ${kindWord(symbol)} ${symbol.name}` };
    }
    default:
      return undefined;
  }
}

/** What `e` itself reads of the period: `period`, `period.x`, `in period`, a window, a versioned definition. */
function directPeriodNeed(ctx: CheckContext, e: Expr): Need | undefined {
  switch (e.kind) {
    case 'PeriodRef':
      return { what: 'period' };
    case 'Member':
      return unparen(e.object).kind === 'PeriodRef' && e.member
        ? { what: `period.${e.member.text}` }
        : undefined;
    case 'In':
      return e.target.kind === 'PeriodTarget' ? { what: '`in period`' } : undefined;
    case 'Call':
      return windows.has(e.callee.text) ? { what: `${e.callee.text}(...)` } : undefined;
    case 'NameRef': {
      const symbol = ctx.binding.symbolAt(e.name);
      if (!symbol || !computed.has(symbol.kind) || !isVersioned(ctx, symbol)) return undefined;
      return {
        what: `the ${kindWord(symbol)} ${symbol.name}, which takes effect on its own dates (\`effective\`), not on every day of the plan`,
      };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a definition's value depends on the date: several versions by date, or one version whose
 * `effective` range leaves out part of the plan's (there, the definition has no value). One version
 * over the plan's whole range is the same on every day.
 */
function isVersioned(ctx: CheckContext, symbol: PlanSymbol): boolean {
  const versions = ctx.binding.declarations.get(symbol.name) ?? [symbol];
  const dated = versions.flatMap((v) =>
    v.decl !== undefined && 'effective' in v.decl && v.decl.effective !== undefined ? [v.decl.effective] : [],
  );
  if (dated.length === 0) return false;
  if (versions.length > 1) return true;
  // One version: dated unless its range holds the plan's (dates `YYYY-MM-DD` compare as text).
  const from = dated[0]?.from?.value;
  const to = dated[0]?.to?.value;
  const plan = ctx.settings.effective;
  const holdsStart = from === undefined || (plan?.from !== undefined && from <= plan.from);
  const holdsEnd = to === undefined || (plan?.to !== undefined && to >= plan.to);
  return !(holdsStart && holdsEnd);
}

/**
 * What a definition needs a payee for, through its own expressions (every version of it), or
 * undefined. The definitions it uses are worked out first, iteratively, so a long chain of lets
 * using lets never recurses deeply; a definition in a cycle (AT2005) counts as needing none.
 */
function definitionNeed(ctx: CheckContext, symbol: PlanSymbol, kind: RuleNeed): Need | undefined {
  if (!computed.has(symbol.kind)) return undefined;
  let byKind = needs.get(ctx);
  if (!byKind) {
    byKind = { payee: new Map(), period: new Map() };
    needs.set(ctx, byKind);
  }
  const known = byKind[kind];
  if (!known.has(symbol)) {
    for (const s of usedFirst(ctx, symbol, known)) {
      if (known.has(s)) continue;
      known.set(s, null);
      known.set(s, computed.has(s.kind) ? ownNeed(ctx, s, kind) : null);
    }
  }
  return known.get(symbol) ?? undefined;
}

/** `symbol` and the definitions it uses not yet worked out, each after those it uses. */
function usedFirst(
  ctx: CheckContext,
  symbol: PlanSymbol,
  known: ReadonlyMap<PlanSymbol, unknown>,
): PlanSymbol[] {
  const order: PlanSymbol[] = [];
  dependenciesFirst(
    ctx.binding.dependencies,
    [symbol],
    (s) => order.push(s),
    (s) => !known.has(s) && computed.has(s.kind),
  );
  return order;
}

/** What the expressions of a definition (all its versions) need a payee (or period) for, if anything. */
function ownNeed(ctx: CheckContext, symbol: PlanSymbol, kind: RuleNeed): Need | null {
  const versions = (ctx.binding.declarations.get(symbol.name) ?? [symbol]).filter(
    (s) => s.kind === symbol.kind,
  );
  for (const version of versions) {
    for (const expr of definitionExpressions(version.decl)) {
      const use = uses(ctx, expr, kind)[0];
      if (use)
        return use.attribute === undefined
          ? { what: use.what }
          : { what: use.what, attribute: use.attribute };
    }
  }
  return null;
}

/** The expressions a definition's value is made of. */
function definitionExpressions(decl: PlanSymbol['decl']): Expr[] {
  const d = decl as Declaration | undefined;
  switch (d?.kind) {
    case 'Let':
    case 'Measure':
    case 'Metric':
      return d.value ? [d.value] : [];
    case 'RateTable':
      return [...(d.on ? [d.on] : []), ...d.tiers.flatMap((t) => (t.rate ? [t.rate] : []))];
    case 'LookupTable':
      return d.rows.flatMap((row) => (row.value ? [row.value] : []));
    case 'PayCurve':
      return d.on ? [d.on] : [];
    default:
      return [];
  }
}

/** How a use reads in a message: `payee.region`, `payee.min_deal (through big)`. */
export function describeUse(use: PayeeUse): string {
  return use.via === undefined ? use.what : `${use.what} (through ${use.via})`;
}

/**
 * Reports AT5008 at every place in `expr` that needs a payee, with the message `message` gives it;
 * returns those places.
 */
export function rejectPayeeUses(
  ctx: CheckContext,
  expr: Expr,
  message: (use: PayeeUse) => string,
): PayeeUse[] {
  const found = payeeUses(ctx, expr);
  for (const use of found) report(ctx, 'AT5008', use.range, message(use));
  return found;
}

/**
 * Reports AT5010 at every place in `expr` that reads the period, except inside `reported` (places
 * already rejected for needing a payee), with the message `message` gives it.
 */
export function rejectPeriodUses(
  ctx: CheckContext,
  expr: Expr,
  reported: readonly PayeeUse[],
  message: (use: PayeeUse) => string,
): void {
  const inside = (use: PayeeUse): boolean =>
    reported.some(
      (r) => r.range.start.offset <= use.range.start.offset && use.range.end.offset <= r.range.end.offset,
    );
  for (const use of periodUses(ctx, expr)) if (!inside(use)) report(ctx, 'AT5010', use.range, message(use));
}
