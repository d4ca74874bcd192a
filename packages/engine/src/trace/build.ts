/**
 * Building traces: the inputs of a rule (the definitions and payee attributes it reads, with
 * their values in the context), and the tiers it applied.
 */
import type { Definition, IrExpr, RefKind, Type } from '@attain/dsl';
import { attributeOn, type Rec } from '../data/model.js';
import { Dec, decText } from '../decimal.js';
import { compile, type Fn, WINDOWS } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Def, Program } from '../evaluate/program.js';
import { toResult, unitOf, type Value } from '../evaluate/value.js';
import type { Uses } from '../evaluate/walk.js';
import { renderExpr } from '../governance/render-expr.js';
import { toDate } from '../measure/to-date.js';
import type { RuleRef, TierApplied, TraceInput } from '../results/results.js';
import { rowOf } from '../tables/lookup.js';
import { type TierHit, tierApplied } from '../tables/tier-hit.js';
import type { PeriodKind } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';

/** The type of a definition's values. */
export function defType(def: Def, currency: string): Type {
  if (def.kind === 'let' || def.kind === 'measure' || def.kind === 'metric')
    return (def.element as Definition).type;
  return { kind: 'Money', currency };
}

/** A trace input for a value of a type. */
export function input(name: string, value: Value, type: Type): TraceInput {
  const result: TraceInput = { name, value: toResult(value, type) };
  const unit = unitOf(type);
  if (unit !== undefined) result.unit = unit;
  return result;
}

/**
 * A trace input for money in the plan currency, exact (the decimal's own digits, never rounded);
 * `moneyInput` in payout/lines.ts writes an amount as adjustment lines are written (rounded).
 */
export function exactMoneyInput(name: string, value: Dec, currency: string): TraceInput {
  return { name, value: value.toString(), unit: currency };
}

/** How a trace names a definition read through a to-date window: `bookings year to date`. */
export const WINDOW_NAMES: Readonly<Record<string, string>> = {
  ytd: 'year to date',
  htd: 'half year to date',
  qtd: 'quarter to date',
  mtd: 'month to date',
};

/** The expressions traces evaluate ({@link Uses.aggregates}, conversion dates), compiled on first use. */
const traceFns = new WeakMap<object, WeakMap<IrExpr, Fn>>();

function compiledFor(program: object): WeakMap<IrExpr, Fn> {
  let fns = traceFns.get(program);
  if (!fns) {
    fns = new WeakMap();
    traceFns.set(program, fns);
  }
  return fns;
}

/** The lookups of `u`, then those of the lets it reads. */
function lookupsOf(program: Program, u: Uses): IrExpr[] {
  const list = [...(u.lookups ?? [])];
  for (const ref of u.refs) {
    if (!ref.startsWith('let:')) continue;
    const id = program.defId('let', ref.slice(4));
    const def = id === undefined ? undefined : program.defs[id];
    for (const expr of def?.uses.lookups ?? []) if (!list.includes(expr)) list.push(expr);
  }
  return list;
}

/**
 * The value of `expr` in `ctx`; with `rec`, of an expression over that record (a credit's
 * `amount`), compiled in the record's scope.
 */
export function evaluated(ctx: Ctx, expr: IrExpr, rec?: Rec): Value {
  const fns = compiledFor(ctx.run.program);
  let fn = fns.get(expr);
  if (!fn) {
    const scopes = rec ? [{ source: rec.schema.name, entries: false }] : [];
    fn = compile(expr, ctx.run.program, scopes);
    fns.set(expr, fn);
  }
  return fn(ctx, rec);
}

/** A lookup's keys, the row they matched and its value: `partner_rates at product Platform, region NA (row 1) 6%`. */
export function lookupInput(ctx: Ctx, expr: IrExpr, rec?: Rec): TraceInput | undefined {
  if (expr.op !== 'lookup') return undefined;
  const table = ctx.run.tables.lookupTable(ctx, expr.table);
  if (!table) return undefined;
  const keys = expr.keys.map((k) => evaluated(ctx, k, rec));
  const row = rowOf(table, keys);
  if (row === 'otherwise' && !table.otherwise) return undefined;
  const shown = keys.map((k, i) => `${table.table.by[i] ?? `key ${i + 1}`} ${keyText(k)}`).join(', ');
  const name = `${expr.table} at ${shown} (${row === 'otherwise' ? 'otherwise' : `row ${row}`})`;
  return input(name, evaluated(ctx, expr, rec), expr.type);
}

function keyText(value: Value): string {
  if (value === null) return 'no value';
  if (value instanceof Dec) return decText(value);
  return typeof value === 'string' ? value : String(value);
}

/**
 * The rate a conversion used, as manual adjustments name it (`FX EUR/USD on 2026-09-30 1.1`):
 * on its date, else the period's last day; `undefined` for a conversion into the same currency.
 */
export function fxInput(ctx: Ctx, expr: IrExpr, rec?: Rec): TraceInput | undefined {
  if (expr.op !== 'convert') return undefined;
  const program = ctx.run.program;
  const from =
    expr.value.type.kind === 'Money' ? (expr.value.type.currency ?? program.currency) : program.currency;
  const to = expr.currency;
  if (from === to) return undefined;
  const day: Value = expr.date ? evaluated(ctx, expr.date, rec) : ctx.period.end;
  if (typeof day !== 'number') return undefined;
  const rate = ctx.run.data.fx.rate(from, to, day);
  return { name: `FX ${from}/${to} on ${formatDate(day)}`, value: rate ? decText(rate) : null };
}

/**
 * The values of the definitions and payee attributes an expression reads, in the context; a
 * definition read through a to-date window (`ytd(bookings)`) with the window's value; and the
 * aggregates it is made of (`count(sourced_pipeline) 3` in `count(sourced_pipeline) *
 * opportunity_rate`), evaluated for `rule`.
 */
export function inputsOf(ctx: Ctx, u: Uses, rule?: RuleRef): TraceInput[] {
  const program = ctx.run.program;
  const inputs: TraceInput[] = [];
  for (const ref of u.refs) {
    const at = ref.indexOf(':');
    const id = program.defId(ref.slice(0, at) as RefKind, ref.slice(at + 1));
    if (id === undefined) continue;
    const def = program.defs[id] as Def;
    const type = defType(def, program.currency);
    const windows = u.windows?.get(ref);
    if (!windows || u.direct?.has(ref)) inputs.push(input(def.name, ctx.get(id), type));
    for (const w of windows ?? []) {
      const value = toDate(ctx, WINDOWS[w] as PeriodKind, id);
      inputs.push(input(`${def.name} ${WINDOW_NAMES[w] ?? w}`, value, type));
    }
  }
  // Evaluated as the rule evaluated them: a warning they raise is the rule's, already given once;
  // a tier they reach is not the rule's (the rule's tiers are taken already).
  const outer = ctx.rule;
  const trail = ctx.trail.length;
  ctx.rule = rule ?? outer;
  try {
    for (const expr of u.aggregates ?? [])
      inputs.push(input(renderExpr(expr), evaluated(ctx, expr), expr.type));
    // The row of each lookup the rule makes, and of the lookups of the lets it reads (a let is not
    // explained on its own): `opportunity_rates at level 2 (row 2) 175.00 USD`.
    for (const expr of lookupsOf(program, u)) {
      const row = lookupInput(ctx, expr);
      if (row) inputs.push(row);
    }
    for (const expr of u.converts ?? []) {
      const rate = fxInput(ctx, expr);
      if (rate) inputs.push(rate);
    }
  } finally {
    ctx.rule = outer;
    ctx.trail.length = trail;
  }
  for (const name of u.attributes ?? []) {
    const field = program.plan.payee.find((f) => f.name === name);
    const payee = ctx.payee;
    // The value in force in the period (see `Dataset.attributeChanges`), as the rule read it.
    const value = payee ? attributeOn(payee, name, () => ctx.attributeDay(payee)) : null;
    inputs.push(input(`payee.${name}`, value, field?.type ?? { kind: 'Text' }));
  }
  return inputs;
}

/** The tier of a trace (the last tier hit) and, when several were, all of them. */
export function tierOf(
  hits: readonly TierHit[] | undefined,
  texts?: { text(value: Dec): string },
): { tier?: TierApplied; bands?: TierApplied[] } {
  if (!hits || hits.length === 0) return {};
  const tier = tierApplied(hits[hits.length - 1] as TierHit, texts);
  if (hits.length === 1) return { tier };
  return { tier, bands: hits.map((h) => tierApplied(h, texts)) };
}
