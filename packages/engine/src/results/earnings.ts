/**
 * The earnings of a statement: amount, estimate, lines with their traces, and flags.
 */
import type { Rounding } from '@attain/dsl';
import { recordRef } from '../data/model.js';
import { type Dec, ZERO } from '../decimal.js';
import type { CompiledEarning } from '../earn/earning.js';
import { allocateRounded, fit, roundAmount } from '../earn/fit.js';
import { type EarningOutcome, LineData } from '../earn/outcome.js';
import { type Ctx, entryText } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import { type TierHit, tierApplied } from '../tables/tier-hit.js';
import { exactMoneyInput, inputsOf, tierOf } from '../trace/build.js';
import type { MoneyFormat } from './format.js';
import type { EarningLine, EarningResult, TierApplied, Trace } from './results.js';

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
    const line = new LineData({
      id: `${actual.earning.earning.name}:estimate`,
      entry: undefined,
      raw: total,
      estimate: true,
      tiers: undefined,
      note: 'if the hypothetical records close',
    });
    return { lines: [line], total };
  }
  let amounts = hyp.map((l) => (rounding.point === 'line' ? roundAmount(l.raw, rounding) : l.raw));
  const { extra, cut } = fit(amounts, total);
  const lines = hyp.map((l, i) => {
    const line = l.copy();
    line.amount = amounts[i] as Dec;
    if (cut[i]) line.note = 'reduced by the cap';
    return line;
  });
  if (!extra.isZero()) {
    amounts.push(extra);
    lines.push(
      new LineData({
        id: `${actual.earning.earning.name}:estimate`,
        entry: undefined,
        raw: ZERO,
        amount: extra,
        estimate: true,
        tiers: undefined,
        note: 'brought to the estimate',
      }),
    );
  }
  if (rounding.point === 'earning') {
    amounts = allocateRounded(amounts, total, rounding);
    lines.forEach((l, i) => {
      l.amount = amounts[i] as Dec;
    });
  }
  return { lines, total };
}

/**
 * The trace shared by the lines of one earning that one tier priced whole: the rule, its range
 * and the tier (without base and pay: a line's base is its `credited` amount). Made once per
 * earning and tier, so a million lines do not carry a million copies of the same explanation.
 */
function tierTrace(run: Run, e: CompiledEarning, hit: TierHit): Trace {
  let byTier = run.lineTraces.get(e);
  if (!byTier) {
    byTier = new Map();
    run.lineTraces.set(e, byTier);
  }
  let shared = byTier.get(hit.desc);
  // A literal rate is one decimal object for every hit of its tier; a computed rate may differ.
  if (!shared || (shared.rate !== hit.rate && !shared.rate.eq(hit.rate))) {
    const tier = tierApplied({ desc: hit.desc, rate: hit.rate, base: undefined, paid: undefined }, run);
    shared = { rate: hit.rate, trace: { rule: e.def.rule, range: e.earning.range, inputs: [], tier } };
    byTier.set(hit.desc, shared);
  }
  return shared.trace;
}

/** The marginal band that priced the whole of a line's credit, when one did. */
function wholeTier(line: LineData): TierHit | undefined {
  const entry = line.entry;
  if (!entry || line.note) return undefined;
  if (line.whole) return line.whole;
  const hits = line.tiers;
  if (hits?.length !== 1) return undefined;
  const hit = hits[0] as TierHit;
  return hit.base?.eq(entry.amount) && hit.paid?.eq(line.raw) ? hit : undefined;
}

function lineResult(
  run: Run,
  e: CompiledEarning,
  line: LineData,
  format: MoneyFormat,
  currency: string,
): EarningLine {
  const entry = line.entry;
  const whole = wholeTier(line);
  if (entry && whole) {
    const trace = tierTrace(run, e, whole);
    const result: EarningLine = {
      id: line.id,
      record: recordRef(entry.rec),
      amount: format.line(line),
      credited: entryText(entry),
      tier: whole.desc.index,
      rate: (trace.tier as TierApplied).rate,
      trace,
    };
    if (line.estimate) result.estimate = true;
    return result;
  }
  const trace: Trace = {
    rule: e.def.rule,
    range: e.earning.range,
    inputs: entry
      ? [{ name: e.earning.perLine?.credit ?? 'credited', value: entryText(entry), unit: currency }]
      : [exactMoneyInput('value', line.raw, currency)],
  };
  const { tier, bands } = tierOf(line.tiers, run);
  if (entry) trace.records = [recordRef(entry.rec)];
  if (tier) trace.tier = tier;
  if (bands) trace.bands = bands;
  if (line.note) trace.text = line.note;
  const result: EarningLine = { id: line.id, amount: format.line(line), trace };
  if (entry) {
    result.record = recordRef(entry.rec);
    result.credited = entryText(entry);
  }
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
  if (actual.value !== null) inputs.push(exactMoneyInput('value', actual.value, currency));
  if (actual.paidBefore !== undefined)
    inputs.push(exactMoneyInput('paid earlier this year', actual.paidBefore, currency));
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
