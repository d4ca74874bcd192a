/**
 * The earnings of a statement: amount, estimate, lines with their traces, and flags.
 */

import type { IrExpr, Rounding } from '@attain/dsl';
import { viewedRecord } from '../credit/crediting.js';
import { recordRef } from '../data/model.js';
import { type Dec, decText, NEGLIGIBLE, ZERO } from '../decimal.js';
import { type CompiledEarning, earningContext } from '../earn/earning.js';
import { allocateRounded, fit, roundAmount, toGrid } from '../earn/fit.js';
import { type EarningOutcome, LineData, NOTE } from '../earn/outcome.js';
import { PAID_EARLIER } from '../earn/paid-before.js';
import { BASE_NOTE, NO_VALUE } from '../earn/per-line.js';
import { type Ctx, type Entry, entryText } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import { renderExpr } from '../governance/render-expr.js';
import { type TierHit, tierApplied } from '../tables/tier-hit.js';
import { formatDate } from '../time/dates.js';
import {
  type Bounds,
  boundsOf,
  type Held,
  type HeldSentence,
  heldBounds,
  heldSentence,
} from '../trace/bound.js';
import { exactMoneyInput, inputsOf, tierOf } from '../trace/build.js';
import { ruleConstants, withConstants } from '../trace/constants.js';
import { detailedMoney, moneyDecimals, planMoney } from '../trace/sentence.js';
import type { MoneyFormat } from './format.js';
import type { EarningLine, EarningResult, TierApplied, Trace, TraceConstant, TraceInput } from './results.js';

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
      // A hypothetical record may also lower an earning (it closes a gate): it then takes off.
      note: total.isNegative()
        ? 'an estimate, not paid: what the hypothetical records take off if they close'
        : 'an estimate, not paid: what the hypothetical records add if they close',
    });
    return { lines: [line], total };
  }
  // With the hypothetical records, a condition that no longer holds (or a payment made once
  // already) stops the earning: their lines pay nothing, whatever their value.
  const stopped = projected.note === NOTE.gated || projected.note === NOTE.paidOnce;
  let amounts = hyp.map((l) =>
    stopped ? ZERO : rounding.point === 'line' ? roundAmount(l.raw, rounding) : l.raw,
  );
  const { extra, cut } = fit(amounts, total);
  const why = stopped ? stoppedEstimate(projected) : cutEstimate(actual, projected);
  const lines = hyp.map((l, i) => {
    const line = l.copy();
    line.amount = amounts[i] as Dec;
    if (stopped || cut[i]) line.note = why;
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
        note: "an estimate, not paid: what the hypothetical records change on real records' lines",
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
 * Why the line of a hypothetical record pays nothing when the earning, with the hypothetical
 * records, is stopped: its condition would no longer hold, or it was paid once already.
 */
function stoppedEstimate(projected: EarningOutcome): string {
  if (projected.note === NOTE.paidOnce) return NOTE.paidOnce;
  const gate = projected.earning.earning.gate;
  return `the condition (when${gate ? ` ${renderExpr(gate)}` : ''}) would not hold with the hypothetical records, so nothing is paid`;
}

/**
 * Why the lines of hypothetical records add up to less than their values: a cap they reach, a
 * floor that already pays part of them, or what they take off the real records' lines.
 */
function cutEstimate(actual: EarningOutcome, projected: EarningOutcome): string {
  if (projected.capped || projected.lines.some((l) => l.note === NOTE.cut)) return NOTE.cut;
  if (actual.floored) return 'reduced by what the floor already pays';
  return "reduced by what the hypothetical records take off the real records' lines";
}

/**
 * The traces shared by the lines of one earning that one tier priced whole at one rate (the run
 * keeps them by earning version and tier: `Run.lineTraces`).
 */
export interface SharedLineTraces {
  rate: Dec;
  /** The rule, its range and the tier. */
  trace: Trace;
  /** The same with a text (a stopped line's, an estimate line's), by text; made on first use. */
  texts: Map<string, Trace> | undefined;
}

/**
 * The trace shared by the lines of one earning that one tier priced whole: the rule, its range
 * and the tier (without base and pay: a line's base is its `credited` amount), and `text` when
 * given. Made once per earning, tier and text, so a million lines do not carry a million copies
 * of the same explanation.
 */
function tierTrace(run: Run, e: CompiledEarning, hit: TierHit, text: string | undefined): Trace {
  let byTier = run.lineTraces.get(e);
  if (!byTier) {
    byTier = new Map();
    run.lineTraces.set(e, byTier);
  }
  let shared = byTier.get(hit.desc);
  // A literal rate is one decimal object for every hit of its tier; a computed rate may differ.
  if (!shared || (shared.rate !== hit.rate && !shared.rate.eq(hit.rate))) {
    const tier = tierApplied({ desc: hit.desc, rate: hit.rate, base: undefined, paid: undefined }, run);
    shared = {
      rate: hit.rate,
      trace: { rule: e.def.rule, range: e.earning.range, inputs: [], tier },
      texts: undefined,
    };
    byTier.set(hit.desc, shared);
  }
  if (text === undefined) return shared.trace;
  shared.texts ??= new Map();
  let trace = shared.texts.get(text);
  if (!trace) {
    trace = { ...shared.trace, text };
    shared.texts.set(text, trace);
  }
  return trace;
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

/**
 * What the trace of a line of a hypothetical record says (the record, or the split row or account
 * that credits it, has not happened yet): its amount is an estimate, in no total and never paid.
 */
const ESTIMATE_LINE = 'an estimate, not paid: it comes from a hypothetical record';

/**
 * What the estimate line of a real record says when a hypothetical split row or account credits
 * it to the payee: the record is real (and may be paid to others), its credit to this payee is not.
 */
const ESTIMATE_VIA =
  'an estimate, not paid: the record is real, but the split row or account that credits it to this payee is hypothetical';

/** The sentence of an estimate line with a record: its own, or the one of a real record's view. */
function estimateText(entry: Entry): string {
  return viewedRecord(entry.rec) ? ESTIMATE_VIA : ESTIMATE_LINE;
}

/** What the lines of one earning are explained with. */
interface LineEnv {
  run: Run;
  e: CompiledEarning;
  format: MoneyFormat;
  currency: string;
  /** Money as a sentence shows it: the plan's decimals. */
  money: (value: Dec) => string;
  /** Why every line pays nothing (a condition that does not hold, paid once already). */
  stopped: string | undefined;
  /** The inputs of the earning, for its period line. */
  periodInputs: TraceInput[];
  cap: Dec | null;
  floor: Dec | null;
  /** What the earning pays. */
  earned: Dec;
  /** The credit of the records up to each line of the general per-line path, by line. */
  running: Map<LineData, Dec> | undefined;
  /**
   * The value without any record (the `base` line of the general per-line path), zero when there
   * is none: what the value of the records before a line holds besides them.
   */
  base: Dec;
  /** The first line of a real record (the records before it are none). */
  firstRecord: LineData | undefined;
  /** The rule is its per-line credit times constants plus constants: the base is the constants added. */
  addsOnce: boolean;
  /** The constants each line's credit is multiplied by (`alliance_bookings * 3%`), when that is the rule. */
  lineConstants: TraceConstant[] | undefined;
  /** The `max`, `min` and `clamp` of the rule: a value they held at a bound says so. */
  bounds: Bounds | undefined;
  /** What the bound of such a rule replaced in the period's value, for its period line. */
  periodHeld: string | undefined;
}

/**
 * Why a value of a rule with `max`, `min` or `clamp` is what it is: "bookings * 10% - 100 USD is
 * -40.00 USD, below the floor of 0.00 USD" (the bounded argument, every decimal it has, and the
 * value); a bound inside the rule with the value it used and the rule redone with it (see
 * {@link heldSentence}).
 */
function heldWhy(bounds: Bounds, held: Held, env: LineEnv): HeldSentence {
  return heldSentence(env.run.program.plan, bounds, held, env.money);
}

/** {@link heldWhy}, and "so 0.00 USD is paid" when the value is the bound itself. */
function heldPaid(bounds: Bounds, held: Held, env: LineEnv): string {
  const why = heldWhy(bounds, held, env);
  return why.atBound ? `${why.text}, so ${env.money(held.value)} is paid` : why.text;
}

/**
 * A line of a `max`/`min`/`clamp` rule whose value with the records up to it, or before it, was
 * held at a bound: the line pays the difference of the two values, and each value held at the
 * bound says what the bound replaced, so that a rep can redo it (a line of 0.00 USD next to a deal
 * of 600.00 USD under `max(bookings * 10% - 100 USD, 0 USD)`).
 */
function boundArithmetic(line: LineData, env: LineEnv): string | undefined {
  const bounds = env.bounds;
  const before = line.before;
  if (!bounds || !line.entry || before === undefined || line.estimate) return undefined;
  if (line.note?.includes(NO_VALUE)) return undefined;
  const { held, heldBefore } = line;
  if (held === undefined && heldBefore === undefined) return undefined;
  const upTo = before.plus(line.raw);
  const first = line === env.firstRecord;
  // The first record without a base line pays the value with it: the bound, when it was held.
  if (first && before.isZero()) return held === undefined ? undefined : heldPaid(bounds, held, env);
  const name = env.e.earning.name;
  const up = `${name} ${first ? 'with this record' : 'with the records up to it'} is ${env.money(upTo)}`;
  const upWhy = held === undefined ? '' : ` (${heldWhy(bounds, held, env).text})`;
  const was = first ? 'it is without any record, on the base line' : 'it is with the records before it';
  const wasWhy = heldBefore === undefined ? '' : ` (${heldWhy(bounds, heldBefore, env).text})`;
  return `${up}${upWhy}, minus the ${env.money(before)} ${was}${wasWhy}`;
}

/**
 * The note of a line, with the amounts a rep needs to redo it: the cap or floor, and what the
 * line or the other lines paid before it.
 */
function lineText(line: LineData, env: LineEnv): string | undefined {
  const note = line.note;
  if (line.estimate || note === undefined) return note;
  // `bookings * 10% + 100 USD per line`: the 100 USD is the rule's, paid once on this line, and
  // named as the rule writes it (100.005 USD, though the line pays 100.01 rounded).
  if (note === BASE_NOTE && env.addsOnce && line.id === `${env.e.earning.name}:base`) {
    const added = (value: Dec) => planMoney(env.run.program.plan, value, true);
    return line.raw.isNegative()
      ? `the ${added(line.raw.neg())} the rule takes off once, not for any record`
      : `the ${added(line.raw)} the rule adds once, not for any record`;
  }
  // `max(bookings * 10%, 250 USD) per line`: the 250 USD is a floor the value without records is held at.
  if (note === BASE_NOTE && env.bounds && line.held !== undefined)
    return `${note}: ${heldPaid(env.bounds, line.held, env)}`;
  if (note === NOTE.cut && env.cap)
    return `reduced by the cap of ${env.money(env.cap)}, from ${env.money(line.raw)}`;
  if (note === NOTE.cutYtd && env.cap)
    return `reduced by the cap of ${env.money(env.cap)}, from ${env.money(line.raw)}; ${NOTE.ytd}`;
  if (note === NOTE.toCap && env.cap)
    return `brought to the cap of ${env.money(env.cap)}: the other lines add up to ${env.money(env.earned.minus(line.amount))}`;
  if (note === NOTE.allocated) {
    // 33.34 for 100 / 3 under an earning of 100.00: the rep sees where the cent comes from.
    const way = line.amount.gt(line.raw) ? 'up' : 'down';
    const name = env.e.earning.label ?? env.e.earning.name;
    return `rounded ${way} from ${detailedMoney(decText(line.raw), env.currency, moneyDecimals(env.run.program.plan.header.rounding.decimals))} so that the lines of ${name} add up to its ${env.money(env.earned)} (largest remainder)`;
  }
  if (note === NOTE.toFloor && env.floor)
    return `raised to the floor of ${env.money(env.floor)}: the other lines add up to ${env.money(env.earned.minus(line.amount))}`;
  return note;
}

/**
 * The parts of a per-line trace that make its arithmetic add up to the line: a line priced
 * retroactively pays its credit at the tier's rate plus the uplift of the earlier records (now at
 * that rate); a line explained by the bands of the value with its record pays them minus what
 * the records before it add up to. `hits` are the line's tiers (the trace's `tier` and `bands`).
 */
function lineArithmetic(
  line: LineData,
  hits: readonly TierHit[] | undefined,
  trace: Trace,
  env: LineEnv,
): string | undefined {
  const entry = line.entry;
  // Only a line that is the table's pay itself (`tiered(credit, table)`, or `credit * rate(table)`,
  // the credit at the rate reached): in `tiered(...) * 50%` the bands are not what the line pays.
  const value = env.e.earning.value;
  const atRate = creditAtRate(value, env.e.earning.perLine?.credit);
  if (!entry || (value.op !== 'tiered' && !atRate)) return undefined;
  if (!hits || hits.length === 0) return undefined;
  if (!atRate && hits.every((h) => h.paid !== undefined)) {
    const paid = hits.reduce((sum, h) => sum.plus(h.paid as Dec), ZERO);
    const earlier = paid.minus(line.raw);
    return earlier.abs().gt(NEGLIGIBLE)
      ? `minus the ${env.money(earlier)} the records before it add up to`
      : undefined;
  }
  const hit = hits[hits.length - 1] as TierHit;
  const rateUnit = hit.desc.rateUnit;
  if (hits.length !== 1 || (rateUnit !== undefined && rateUnit !== '%')) return undefined;
  const uplift = line.raw.minus(entry.amount.times(hit.rate));
  if (uplift.abs().gt(NEGLIGIBLE))
    trace.inputs.push(exactMoneyInput('uplift on earlier records', uplift, env.currency));
  return undefined;
}

/**
 * A line of any other per-line value pays the value of the records up to it minus that of the
 * records before it. When what the sentence shows does not redo that by itself (a tier's rate on
 * the credit of a value multiplied afterwards, an `if` accelerator whose rate moves with the
 * total), the two values are given.
 */
function prefixArithmetic(
  line: LineData,
  hits: readonly TierHit[] | undefined,
  env: LineEnv,
): string | undefined {
  const entry = line.entry;
  const before = line.before;
  const value = env.e.earning.value;
  if (!entry || before === undefined || before.isZero() || line.estimate) return undefined;
  // A line without a value with its record says what it takes back by itself.
  if (line.note?.includes(NO_VALUE)) return undefined;
  if (value.op === 'tiered' || creditAtRate(value, env.e.earning.perLine?.credit)) return undefined;
  const raw = line.raw;
  const close = (a: Dec, b: Dec) => a.minus(b).abs().lte(NEGLIGIBLE);
  if (hits && hits.length > 0) {
    if (hits.every((h) => h.paid !== undefined)) {
      if (
        close(
          hits.reduce((sum, h) => sum.plus(h.paid as Dec), ZERO),
          raw,
        )
      )
        return undefined;
    } else {
      const hit = hits[hits.length - 1] as TierHit;
      if (hits.length === 1 && hit.desc.rateUnit === '%' && close(entry.amount.times(hit.rate), raw))
        return undefined;
    }
  } else {
    // No tier: a value proportional to the credit (`bookings * 3%`) pays each record at the rate of
    // the total, which the rule states, and so does a value that adds a constant, paid once on the
    // base line (`bookings * 3% + 100 USD`): each line is then its share of the value less the
    // base. Only a rate that moves with the total needs the two values.
    const credit = env.running?.get(line);
    const upTo = before.plus(raw);
    if (
      credit === undefined ||
      close(raw.times(credit), upTo.times(entry.amount)) ||
      (env.addsOnce && close(raw.times(credit), upTo.minus(env.base).times(entry.amount)))
    )
      return undefined;
  }
  // The two values are the earning's, with the records up to the line and with those before it:
  // not what the records add up to (for `if attainment >= 100% then bookings * 20% else bookings
  // * 10%`, 22,000.00 USD is i's value on 110,000.00 USD of bookings). With a value without any
  // record (its own base line), the first record's is said against that base.
  const name = env.e.earning.name;
  return line === env.firstRecord && !env.base.isZero()
    ? `${name} with this record is ${env.money(before.plus(raw))}, minus the ${env.money(before)} it is without any record (the base line)`
    : `${name} with the records up to it is ${env.money(before.plus(raw))}, minus the ${env.money(before)} it is with the records before it`;
}

/** The constants a line's credit is multiplied or divided by: those before any added constant. */
function lineFactors(constants: TraceConstant[]): TraceConstant[] | undefined {
  const factors = constants.filter((c) => c.op === '*' || c.op === '/');
  return factors.length === 0 ? undefined : factors.length === constants.length ? constants : factors;
}

/** `credit * rate(table)` or `rate(table) * credit`: the credit priced at the rate it reached. */
function creditAtRate(value: IrExpr, credit: string | undefined): boolean {
  if (value.op !== 'binary' || value.operator !== '*') return false;
  const isCredit = (x: IrExpr) => x.op === 'ref' && x.kind === 'credit' && x.name === credit;
  return (
    (isCredit(value.left) && value.right.op === 'rate') || (value.left.op === 'rate' && isCredit(value.right))
  );
}

function lineResult(line: LineData, env: LineEnv): EarningLine {
  const { run, e, format, currency } = env;
  const entry = line.entry;
  const stopped = line.estimate ? undefined : env.stopped;
  const whole = wholeTier(line);
  if (entry && whole) {
    // A stopped line (never an estimate) or an estimate line says so, in a trace shared by band.
    const trace = tierTrace(run, e, whole, stopped ?? (line.estimate ? estimateText(entry) : undefined));
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
  let inputs: TraceInput[];
  if (entry) {
    const input: TraceInput = {
      name: e.earning.perLine?.credit ?? 'credited',
      value: entryText(entry),
      unit: currency,
    };
    // `alliance_bookings * 3%`: each line is its credit times the rule's constants.
    if (env.lineConstants) input.constants = env.lineConstants;
    inputs = [input];
  } else if (line.id === `${e.earning.name}:period`) inputs = [...env.periodInputs];
  else if (line.raw.isZero() && !line.amount.isZero()) inputs = [];
  else inputs = [exactMoneyInput('value', line.raw, currency)];
  const trace: Trace = { rule: e.def.rule, range: e.earning.range, inputs };
  const hits = line.tiers;
  const { tier, bands } = tierOf(hits, run);
  if (entry) trace.records = [recordRef(entry.rec)];
  if (tier) trace.tier = tier;
  if (bands) trace.bands = bands;
  const texts = [
    line.id === `${e.earning.name}:period` ? env.periodHeld : undefined,
    lineArithmetic(line, hits, trace, env) ??
      (stopped ? undefined : (boundArithmetic(line, env) ?? prefixArithmetic(line, hits, env))),
    stopped ?? lineText(line, env),
    line.estimate && entry ? estimateText(entry) : undefined,
  ].filter((t): t is string => t !== undefined);
  if (texts.length > 0) trace.text = texts.join('; ');
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

/** The credit of the records up to each line (real lines with a record; estimates are not in it). */
function runningCredit(lines: readonly LineData[]): Map<LineData, Dec> {
  const running = new Map<LineData, Dec>();
  let total = ZERO;
  for (const line of lines) {
    if (!line.entry || line.estimate) continue;
    total = total.plus(line.entry.amount);
    running.set(line, total);
  }
  return running;
}

/** Why an earning pays nothing at all, when something stopped it. */
function stoppedText(e: CompiledEarning, actual: EarningOutcome): string | undefined {
  if (actual.gated) {
    const gate = e.earning.gate;
    return `the condition (when${gate ? ` ${renderExpr(gate)}` : ''}) does not hold, so nothing is paid`;
  }
  if (e.earning.once && actual.paidBefore && !actual.paidBefore.isZero()) return NOTE.paidOnce;
  return undefined;
}

/** The statement entry of one earning. */
export function earningResult(
  actualCtx: Ctx,
  actual: EarningOutcome,
  projected: EarningOutcome | undefined,
  format: MoneyFormat,
): EarningResult {
  const e = actual.earning;
  const run = actualCtx.run;
  const program = run.program;
  const currency = program.currency;
  const rounding = program.plan.header.rounding;
  // At the payout point lines keep full precision, and so do the cap and floor a sentence names
  // (a floor of 10.005 is 10.005, not 10.01): every amount keeps every decimal it has.
  const money = (value: Dec) => planMoney(program.plan, value, rounding.point === 'payout');
  const estimate = projected ? estimateLines(actual, projected, rounding) : { lines: [], total: ZERO };
  // Outside its dates an earning has no outcome of its own: its trace reads the period's context.
  const ctx = earningContext(actualCtx, e) ?? actualCtx;
  // The constants the rule applies to an input: "alliance_bookings 25,000.00 USD x 3%".
  const constants = ruleConstants(e.earning.value, currency);
  // The rule is the per-line credit times constants, plus constants: each record's line is its
  // credit times those constants (`bookings * 10% + 100 USD`: bookings x 10%; the 100 USD is the
  // base line's).
  const perLineAffine =
    !!constants?.affine && !constants.converted && constants.input === e.earning.perLine?.credit;
  const inputs = withConstants(inputsOf(ctx, e.def.uses, e.def.rule), constants);
  if (actual.value !== null) inputs.push(exactMoneyInput('value', actual.value, currency));
  if (actual.paidBefore !== undefined)
    inputs.push(exactMoneyInput(PAID_EARLIER, actual.paidBefore, currency));
  const trace: Trace = { rule: e.def.rule, range: e.earning.range, inputs };
  const { tier, bands } = tierOf(actual.tiers);
  if (tier) trace.tier = tier;
  if (bands) trace.bands = bands;
  const stopped = stoppedText(e, actual);
  const cutByCap = actual.capped || actual.lines.some((l) => l.note === NOTE.cut);
  // The limits as the earning applied them (a cap from data below zero caps at 0).
  // The limits as applied: rounding at each line or earning lowers a cap to the rounding grid and
  // raises a floor to it (a cap of 40.005 pays at most 40.00), so that is what the text says.
  const onGrid = rounding.point !== 'payout';
  const cap = cutByCap && actual.cap ? (onGrid ? toGrid(actual.cap, rounding, 'down') : actual.cap) : null;
  const floor =
    actual.floored && actual.floor ? (onGrid ? toGrid(actual.floor, rounding, 'up') : actual.floor) : null;
  let note = stopped ?? actual.note;
  if (actual.capped && cap) note = `capped at ${money(cap)}`;
  else if (actual.floored && floor) note = `raised to the floor of ${money(floor)}`;
  const texts: string[] = [];
  if (ctx !== actualCtx && e.window)
    texts.push(
      `counting only ${formatDate(e.window.from)} to ${formatDate(e.window.to)}, the dates of the earning`,
    );
  // Needed by lines of the general per-line path (they hold `before`). A value below a threshold
  // (a first tier that starts above zero) says so by its tier 0 (see `noTier` in rate-table.ts).
  const running = actual.lines.some((l) => l.before !== undefined) ? runningCredit(actual.lines) : undefined;
  const first = actual.lines[0];
  // `min(bookings * 10%, 500 USD)` at 500.00 USD: what the limit replaced; `min(bookings, 100000
  // USD) * 5%`: the value the limit used, and the rule redone with it.
  const bounds = boundsOf(e.earning.value);
  const held = bounds && !stopped ? heldBounds(ctx, bounds, actual.value, e.def.rule) : undefined;
  const periodHeld = bounds && held ? heldSentence(program.plan, bounds, held, money).text : undefined;
  if (periodHeld) texts.push(periodHeld);
  if (note) texts.push(note);
  // Rounded at each line, the lines add up to a little more or less than the value (3 x 33.33 for
  // 100.00): the earning says where the difference comes from.
  const n = actual.lines.length;
  if (
    !note &&
    rounding.point === 'line' &&
    n > 1 &&
    actual.value !== null &&
    actual.paidBefore === undefined &&
    !actual.amount.eq(roundAmount(actual.value, rounding))
  )
    texts.push(
      `the sum of its ${n} lines, each rounded ${rounding.mode.replace('-', ' ')} to ${rounding.decimals} decimals`,
    );
  if (texts.length > 0) trace.text = texts.join('; ');
  const env: LineEnv = {
    run,
    e,
    format,
    currency,
    money,
    stopped,
    periodInputs: inputs,
    cap,
    floor,
    earned: actual.amount,
    running,
    // Only lines of the general per-line path (`running`) have a base line, first when there is one.
    base: running && first?.id === `${e.earning.name}:base` ? first.raw : ZERO,
    firstRecord: running && (first?.entry ? first : actual.lines[1]),
    addsOnce: perLineAffine,
    lineConstants: perLineAffine && constants ? lineFactors(constants.constants) : undefined,
    bounds,
    periodHeld,
  };
  const result: EarningResult = {
    id: e.earning.name,
    name: e.earning.name,
    kind: e.earning.kind,
    amount: format.earned(actual.amount),
    estimate: format.earned(estimate.total),
    lines: [...actual.lines, ...estimate.lines].map((l) => lineResult(l, env)),
    trace,
  };
  if (e.earning.label !== undefined) result.label = e.earning.label;
  if (e.earning.doc !== undefined) result.doc = e.earning.doc;
  if (actual.capped) result.capped = true;
  if (actual.floored) result.floored = true;
  if (actual.gated) result.gated = true;
  if (projected && projected.gated !== actual.gated) GATED_IF_THEY_CLOSE.set(result, projected.gated);
  return result;
}

/**
 * The earnings whose gate the hypothetical records would open or close, with whether it would be
 * closed then; kept beside the results, not in them (only the payout stage asks, as it pays the
 * statement it was built into).
 */
const GATED_IF_THEY_CLOSE = new WeakMap<EarningResult, boolean>();

/** True when the earning's gate would be closed if the hypothetical records closed. */
export function gatedIfTheyClose(earning: EarningResult): boolean {
  return GATED_IF_THEY_CLOSE.get(earning) ?? earning.gated === true;
}
