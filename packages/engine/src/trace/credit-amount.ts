/**
 * What a credit's `amount` read from a record, for the explanation of its credit lines: a credit
 * whose amount is an expression (`amount * lookup(partner_rates, product, region)`) gives, per
 * record, the expression with its value, the record's fields it read, the lookup rows it matched
 * and the FX rates it converted at. A credit whose amount is a bare field (`amount`, the
 * default) gives nothing: its line's amount is the field's value times the share.
 */
import type { IrExpr, IrField } from '@attain/dsl';
import type { Rec } from '../data/model.js';
import type { Ctx } from '../evaluate/context.js';
import type { Value } from '../evaluate/value.js';
import { children } from '../evaluate/walk.js';
import { renderExpr } from '../governance/render-expr.js';
import type { TraceInput } from '../results/results.js';
import { fxInput, input, lookupInput } from './build.js';

/** The parts of an amount expression a trace shows, found once per expression. */
interface AmountParts {
  text: string;
  /** The record's fields read outside lookup keys (a key is shown with its lookup's row). */
  fields: IrField[];
  lookups: IrExpr[];
  converts: IrExpr[];
}

const partsOf = new WeakMap<IrExpr, AmountParts>();

function collect(expr: IrExpr, parts: AmountParts, inKey: boolean, seen: Set<string>): void {
  if (expr.op === 'field' && !inKey && !seen.has(expr.field)) {
    seen.add(expr.field);
    parts.fields.push(expr);
  }
  if (expr.op === 'lookup') parts.lookups.push(expr);
  if (expr.op === 'convert') parts.converts.push(expr);
  for (const child of children(expr)) collect(child, parts, inKey || expr.op === 'lookup', seen);
}

function amountParts(amount: IrExpr): AmountParts {
  let parts = partsOf.get(amount);
  if (!parts) {
    parts = { text: renderExpr(amount), fields: [], lookups: [], converts: [] };
    collect(amount, parts, false, new Set());
    partsOf.set(amount, parts);
  }
  return parts;
}

/** True for an amount that is an expression rather than a bare field of the record. */
export function computedAmount(amount: IrExpr): boolean {
  return amount.op !== 'field';
}

/**
 * The inputs of a credit's computed `amount` for record `rec`: the expression as the plan writes
 * it with the value it gave (`worth`, before any share: the compiled amount's value for `rec`), then the record's fields it read, each
 * lookup's keys, row and value, and each conversion's rate: "amount * lookup(partner_rates,
 * product, region) 3,500.00 USD, amount 50,000.00 USD, partner_rates at product Platform, region
 * EMEA (row 2) 7%". `ctx` is a record context of the period (as crediting evaluates amounts).
 */
export function creditAmountInputs(ctx: Ctx, amount: IrExpr, rec: Rec, worth: Value): TraceInput[] {
  const parts = amountParts(amount);
  const inputs: TraceInput[] = [input(parts.text, worth, amount.type)];
  const index = rec.schema.index;
  for (const f of parts.fields) {
    const at = index.get(f.field);
    inputs.push(input(f.field, at === undefined ? null : (rec.v[at] ?? null), f.type));
  }
  for (const expr of parts.lookups) {
    const row = lookupInput(ctx, expr, rec);
    if (row) inputs.push(row);
  }
  for (const expr of parts.converts) {
    const rate = fxInput(ctx, expr, rec);
    if (rate) inputs.push(rate);
  }
  return inputs;
}
