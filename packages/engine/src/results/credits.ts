/**
 * The credits of a statement: each credit's total, quota credit, estimate and lines.
 */

import type { CompiledCredit } from '../credit/compile-credit.js';
import { type Rec, recordRef } from '../data/model.js';
import { type Dec, decText, sumOf } from '../decimal.js';
import { type CreditLineData, type Ctx, type Entry, entryText, totalOf } from '../evaluate/context.js';
import type { Def } from '../evaluate/program.js';
import type { Run } from '../evaluate/run.js';
import { versionIn } from '../evaluate/versions.js';
import type { Period } from '../time/calendar.js';
import { computedAmount, creditAmountInputs } from '../trace/credit-amount.js';
import { CreditPaths } from './credit-via.js';
import type { CreditLine, CreditResult, CreditVia, TraceInput } from './results.js';

function sum(entries: readonly Entry[], pick: (e: Entry) => Dec): Dec {
  return sumOf(entries.map(pick));
}

/**
 * One credit line of entry `e`: its first line (`l` absent: the entry's own record, amount, share
 * and role, which nearly every entry has alone) or one of its other lines.
 */
function creditLine(
  run: Run,
  e: Entry,
  l: CreditLineData | undefined,
  via: CreditVia | undefined,
  inputs: TraceInput[] | undefined,
): CreditLine {
  const rec = l ? l.rec : e.rec;
  const amount = l ? l.amount : e.first;
  const line: CreditLine = {
    record: recordRef(rec),
    amount: amount === e.amount ? entryText(e) : run.text(amount),
    share: run.text(l ? l.share : e.share),
    role: l ? l.role : e.role,
  };
  if (rec.hyp) line.estimate = true;
  if (via) line.via = via;
  if (inputs) line.inputs = inputs;
  return line;
}

/**
 * What a credit's computed `amount` read from each record (see {@link creditAmountInputs}), for
 * the lines of a credit whose amount is not a bare field; `undefined` for the others, which do no
 * work per record here.
 */
function amountInputs(run: Run, period: Period, compiled: CompiledCredit | undefined) {
  if (!compiled || !computedAmount(compiled.credit.amount)) return undefined;
  const ctx = run.recordContext(period);
  ctx.rule = compiled.def.rule;
  return (rec: Rec): TraceInput[] =>
    creditAmountInputs(ctx, compiled.credit.amount, rec, compiled.amount(ctx, rec));
}

function lines(
  run: Run,
  entries: readonly Entry[],
  paths: CreditPaths | undefined,
  read: ((rec: Rec) => TraceInput[]) | undefined,
  into: CreditLine[],
): void {
  for (const e of entries) {
    // One list for the lines of a record: they read the same values.
    const inputs = read?.(e.rec);
    if (!paths) {
      into.push(creditLine(run, e, undefined, undefined, inputs));
      if (e.more) for (const l of e.more) into.push(creditLine(run, e, l, undefined, inputs));
      continue;
    }
    if (!e.more) {
      into.push(creditLine(run, e, undefined, paths.via(e.rec, e.role, e.share), inputs));
      continue;
    }
    const first: CreditLineData = { rec: e.rec, amount: e.first, share: e.share, role: e.role };
    const all = [first, ...e.more];
    const vias = paths.vias(e.rec, all);
    all.forEach((l, i) => {
      into.push(creditLine(run, e, l, vias[i], inputs));
    });
  }
}

/** The statement entry of one credit. */
export function creditResult(def: Def, actual: Ctx, projected: Ctx | undefined): CreditResult {
  const real = actual.entries(def.id);
  const all = projected ? projected.entries(def.id) : real;
  const hyp = all.length > real.length ? all.slice(real.length) : [];
  const run = actual.run;
  const compiled = versionIn(run.program.credits.get(def.id) ?? [], actual.period);
  const paths = actual.payee ? CreditPaths.of(run, compiled, actual.payee.id) : undefined;
  const credited: CreditLine[] = [];
  const read = amountInputs(run, actual.period, compiled);
  lines(run, real, paths, read, credited);
  lines(run, hyp, paths, read, credited);
  const total = decText(totalOf(real));
  // Quota credit is the total when every entry counts its amount (no overlay): not summed again.
  const quotaCredit = real.every((e) => e.quota === e.amount) ? total : decText(sum(real, (e) => e.quota));
  const result: CreditResult = {
    name: def.name,
    total,
    quotaCredit,
    estimate: decText(sum(hyp, (e) => e.amount)),
    lines: credited,
    trace: {
      rule: def.rule,
      range: def.range,
      inputs: [{ name: 'records credited', value: String(real.length) }],
    },
  };
  if (def.element.label !== undefined) result.label = def.element.label;
  // Named once per credit, not per line: explanations divide a line by its share for its base.
  const amount = compiled?.credit.amount;
  if (amount?.op === 'field') result.amountField = amount.field;
  if (hyp.length > 0) result.trace.inputs.push({ name: 'hypothetical records', value: String(hyp.length) });
  // Overlay credit counts in the total (what the credit's name reads in an expression), not here.
  if (quotaCredit !== total)
    result.trace.inputs.push({ name: 'quota credit', value: quotaCredit, unit: run.program.currency });
  return result;
}
