/**
 * The earnings of a statement: amount, estimate, lines with their traces, and flags.
 */
import type { Rounding } from '@attain/dsl';
import { recordRef } from '../data/model.js';
import { type Dec, ZERO } from '../decimal.js';
import type { CompiledEarning } from '../earn/earning.js';
import { allocateRounded, fit, roundAmount } from '../earn/fit.js';
import type { EarningOutcome, LineData } from '../earn/outcome.js';
import { type Ctx, entryText } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import { inputsOf, moneyInput, tierOf } from '../trace/build.js';
import type { MoneyFormat } from './format.js';
import type { EarningLine, EarningResult, Trace } from './results.js';

/**
 * The lines of what hypothetical records would add: the projected run's lines of hypothetical
 * records, fitted and rounded like real lines so that they add up exactly to the estimate.
 */
function estimateLines(
  actual: EarningOutcome,
  projected: EarningOutcome,
  rounding: Rounding,
): { lines: LineData[]; total: Dec } {
  const total = projected.amount.minus(actual.amount);
  const hyp = projected.lines.filter((l) => l.estimate);
  if (hyp.length === 0) {
    if (total.isZero()) return { lines: [], total };
    const line: LineData = {
      id: `${actual.earning.earning.name}:estimate`,
      entry: undefined,
      raw: total,
      amount: total,
      estimate: true,
      tiers: undefined,
      note: 'if the hypothetical records close',
    };
    return { lines: [line], total };
  }
  let amounts = hyp.map((l) => (rounding.point === 'line' ? roundAmount(l.raw, rounding) : l.raw));
  const { extra, cut } = fit(amounts, total);
  const lines = hyp.map(
    (l, i): LineData => ({ ...l, amount: amounts[i] as Dec, note: cut[i] ? 'reduced by the cap' : l.note }),
  );
  if (!extra.isZero()) {
    amounts.push(extra);
    lines.push({
      id: `${actual.earning.earning.name}:estimate`,
      entry: undefined,
      raw: ZERO,
      amount: extra,
      estimate: true,
      tiers: undefined,
      note: 'brought to the estimate',
    });
  }
  if (rounding.point === 'earning') {
    amounts = allocateRounded(amounts, total, rounding);
    lines.forEach((l, i) => {
      l.amount = amounts[i] as Dec;
    });
  }
  return { lines, total };
}

function lineResult(
  run: Run,
  e: CompiledEarning,
  line: LineData,
  format: MoneyFormat,
  currency: string,
): EarningLine {
  const entry = line.entry;
  const trace: Trace = {
    rule: e.def.rule,
    range: e.earning.range,
    inputs: entry
      ? [{ name: e.earning.perLine?.credit ?? 'credited', value: entryText(entry), unit: currency }]
      : [moneyInput('value', line.raw, currency)],
  };
  const { tier, bands } = tierOf(line.tiers, run);
  if (entry) trace.records = [recordRef(entry.rec)];
  if (tier) trace.tier = tier;
  if (bands) trace.bands = bands;
  if (line.note) trace.text = line.note;
  const result: EarningLine = { id: line.id, amount: format.earned(line.amount), trace };
  if (entry) result.record = recordRef(entry.rec);
  if (line.estimate) result.estimate = true;
  if (tier) {
    result.tier = tier.index;
    result.rate = tier.rate;
  }
  return result;
}

/** The statement entry of one earning. */
export function earningResult(
  actualCtx: Ctx,
  actual: EarningOutcome,
  projected: EarningOutcome | undefined,
  format: MoneyFormat,
): EarningResult {
  const e = actual.earning;
  const program = actualCtx.run.program;
  const currency = program.currency;
  const estimate = projected
    ? estimateLines(actual, projected, program.plan.header.rounding)
    : { lines: [], total: ZERO };
  const inputs = inputsOf(actualCtx, e.def.uses);
  if (actual.value !== null) inputs.push(moneyInput('value', actual.value, currency));
  if (actual.paidBefore !== undefined)
    inputs.push(moneyInput('paid earlier this year', actual.paidBefore, currency));
  const trace: Trace = { rule: e.def.rule, range: e.earning.range, inputs };
  const { tier, bands } = tierOf(actual.tiers);
  if (tier) trace.tier = tier;
  if (bands) trace.bands = bands;
  if (actual.note) trace.text = actual.note;
  const result: EarningResult = {
    id: e.earning.name,
    name: e.earning.name,
    kind: e.earning.kind,
    amount: format.earned(actual.amount),
    estimate: format.earned(estimate.total),
    lines: [...actual.lines, ...estimate.lines].map((l) => lineResult(actualCtx.run, e, l, format, currency)),
    trace,
  };
  if (e.earning.label !== undefined) result.label = e.earning.label;
  if (e.earning.doc !== undefined) result.doc = e.earning.doc;
  if (actual.capped) result.capped = true;
  if (actual.floored) result.floored = true;
  if (actual.gated) result.gated = true;
  return result;
}
