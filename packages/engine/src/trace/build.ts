/**
 * Building traces: the inputs of a rule (the definitions and payee attributes it reads, with
 * their values in the context), and the tiers it applied.
 */
import type { Definition, RefKind, Type } from '@attain/dsl';
import { attributeOn } from '../data/model.js';
import type { Dec } from '../decimal.js';
import { WINDOWS } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Def } from '../evaluate/program.js';
import { toResult, unitOf, type Value } from '../evaluate/value.js';
import type { Uses } from '../evaluate/walk.js';
import { toDate } from '../measure/to-date.js';
import type { TierApplied, TraceInput } from '../results/results.js';
import { type TierHit, tierApplied } from '../tables/tier-hit.js';
import type { PeriodKind } from '../time/calendar.js';

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
const WINDOW_NAMES: Readonly<Record<string, string>> = {
  ytd: 'year to date',
  htd: 'half year to date',
  qtd: 'quarter to date',
  mtd: 'month to date',
};

/**
 * The values of the definitions and payee attributes an expression reads, in the context; a
 * definition read through a to-date window (`ytd(bookings)`) with the window's value.
 */
export function inputsOf(ctx: Ctx, u: Uses): TraceInput[] {
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
