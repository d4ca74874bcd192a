/**
 * The credits of a statement: each credit's total, quota credit, estimate and lines.
 */

import { recordRef } from '../data/model.js';
import { type Dec, decText, sumOf } from '../decimal.js';
import { type CreditLineData, type Ctx, type Entry, entryText, totalOf } from '../evaluate/context.js';
import type { Def } from '../evaluate/program.js';
import type { Run } from '../evaluate/run.js';
import type { CreditLine, CreditResult } from './results.js';

function sum(entries: readonly Entry[], pick: (e: Entry) => Dec): Dec {
  return sumOf(entries.map(pick));
}

function creditLine(run: Run, e: Entry, l: CreditLineData): CreditLine {
  const line: CreditLine = {
    record: recordRef(l.rec),
    amount: l.amount === e.amount ? entryText(e) : run.text(l.amount),
    share: run.text(l.share),
    role: l.role,
  };
  if (l.rec.hyp) line.estimate = true;
  return line;
}

function lines(run: Run, entries: readonly Entry[], into: CreditLine[]): void {
  for (const e of entries) {
    into.push(creditLine(run, e, { rec: e.rec, amount: e.first, share: e.share, role: e.role }));
    if (e.more) for (const l of e.more) into.push(creditLine(run, e, l));
  }
}

/** The statement entry of one credit. */
export function creditResult(def: Def, actual: Ctx, projected: Ctx | undefined): CreditResult {
  const real = actual.entries(def.id);
  const all = projected ? projected.entries(def.id) : real;
  const hyp = all.length > real.length ? all.slice(real.length) : [];
  const credited: CreditLine[] = [];
  lines(actual.run, real, credited);
  lines(actual.run, hyp, credited);
  const result: CreditResult = {
    name: def.name,
    total: decText(totalOf(real)),
    quotaCredit: decText(sum(real, (e) => e.quota)),
    estimate: decText(sum(hyp, (e) => e.amount)),
    lines: credited,
    trace: {
      rule: def.rule,
      range: def.range,
      inputs: [{ name: 'records credited', value: String(real.length) }],
    },
  };
  if (def.element.label !== undefined) result.label = def.element.label;
  if (hyp.length > 0) result.trace.inputs.push({ name: 'hypothetical records', value: String(hyp.length) });
  return result;
}
