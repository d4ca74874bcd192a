/**
 * Earnings for one payee and period: the value (per period, or per line through the credit),
 * then `once` and `paid year to date`, the gate, the floor and the cap (a cap is never exceeded:
 * its excess comes off the last lines), and rounding at the declared point with lines that always
 * add up exactly to the earning.
 */
import type { Earning, Rounding } from '@attain/dsl';
import type { DaySpan } from '../data/model.js';
import { Dec, decOf, sumOf, ZERO } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Def } from '../evaluate/program.js';
import type { TierHit } from '../tables/tier-hit.js';
import { parseDate } from '../time/dates.js';
import { planMoney } from '../trace/sentence.js';
import { roundUnits, safe, unitsOf } from '../units.js';
import { allocateRounded, fit, roundAmount, toGrid } from './fit.js';
import { type EarningOutcome, LineData, NOTE } from './outcome.js';
import { paidEarlier } from './paid-before.js';
import { perLineRaw } from './per-line.js';

/** An earning ready to evaluate. */
export interface CompiledEarning {
  earning: Earning;
  def: Def;
  value: Fn;
  gate: Fn | undefined;
  cap: Fn | undefined;
  floor: Fn | undefined;
  window: DaySpan | undefined;
  /** The per-line credit's definition id. */
  credit: number | undefined;
}

/** Compiles an earning. */
export function compileEarning(earning: Earning, def: Def, env: CompileEnv): CompiledEarning {
  const from = earning.window && parseDate(earning.window.from);
  const to = earning.window && parseDate(earning.window.to);
  return {
    earning,
    def,
    value: compile(earning.value, env),
    gate: earning.gate && compile(earning.gate, env),
    cap: earning.cap && compile(earning.cap, env),
    floor: earning.floor && compile(earning.floor, env),
    window: from !== undefined && to !== undefined ? { from, to } : undefined,
    credit: earning.perLine ? env.defId('credit', earning.perLine.credit) : undefined,
  };
}

const dec = (v: unknown): Dec | null => (v instanceof Dec ? v : null);

function emptyOutcome(e: CompiledEarning, note: string): EarningOutcome {
  return {
    earning: e,
    amount: ZERO,
    value: null,
    lines: [],
    gated: false,
    capped: false,
    floored: false,
    paidBefore: undefined,
    floor: null,
    cap: null,
    tiers: [],
    note,
  };
}

/** The earning in a context (memoised per context, except in per-line contexts). */
export function earningOutcome(ctx: Ctx, e: CompiledEarning): EarningOutcome {
  const cached = ctx.outcomes[e.def.id];
  if (cached && cached.earning === e) return cached;
  const outcome = calculate(ctx, e);
  if (!ctx.line) ctx.outcomes[e.def.id] = outcome;
  return outcome;
}

/**
 * Where an earning is calculated in `ctx`: `ctx` itself, the context of its own dates when they
 * cover only part of the period (`during`), or `undefined` when they miss the period entirely.
 */
export function earningContext(ctx: Ctx, e: CompiledEarning): Ctx | undefined {
  const w = e.window;
  const period = ctx.period;
  if (!w || ctx.window) return ctx;
  if (w.to < period.start || w.from > period.end) return undefined;
  if (w.from > period.start || w.to < period.end) return ctx.run.context(ctx.payee, period, ctx.projected, w);
  return ctx;
}

function calculate(ctx: Ctx, e: CompiledEarning): EarningOutcome {
  const own = earningContext(ctx, e);
  if (!own) return emptyOutcome(e, 'outside the dates of the earning');
  if (own !== ctx) return earningOutcome(own, e);
  if (ctx.line) return inLine(ctx, e);
  const name = e.earning.name;
  let lines: LineData[];
  let value: Dec | null;
  let tiers: TierHit[] = [];
  if (e.credit !== undefined && !e.earning.paidYearToDate) {
    const raw = perLineRaw(ctx, e, e.credit);
    ({ lines, value } = raw);
    // The tiers of the period's value (all the records), for the earning's own explanation: the
    // lines hold only what each record moved.
    if (value !== null) tiers = raw.tiers ?? (e.def.uses.tables.size > 0 ? tiersOfValue(ctx, e) : []);
  } else {
    const start = ctx.trail.length;
    const outer = ctx.rule;
    ctx.rule = e.def.rule;
    value = dec(e.value(ctx, undefined));
    ctx.rule = outer;
    tiers = ctx.trail.slice(start);
    const raw = value ?? ZERO;
    lines = [
      new LineData({
        id: `${name}:period`,
        entry: undefined,
        raw,
        estimate: false,
        tiers: tiers.length ? tiers : undefined,
        note: undefined,
      }),
    ];
  }
  if (value === null)
    ctx.warn(
      'no-value',
      e.earning,
      `${name} has no value for this payee and period, so it pays nothing`,
      e.def.rule,
    );
  const outcome: EarningOutcome = {
    earning: e,
    amount: ZERO,
    value,
    lines,
    gated: false,
    capped: false,
    floored: false,
    paidBefore: undefined,
    floor: null,
    cap: null,
    tiers,
    note: undefined,
  };
  if (e.earning.paidYearToDate || e.earning.once) outcome.paidBefore = paidEarlier(ctx, e);
  const open = !e.gate || e.gate(ctx, undefined) === true;
  const paidOnce = e.earning.once && outcome.paidBefore !== undefined && !outcome.paidBefore.isZero();
  if (!open || paidOnce) {
    for (const line of lines) line.amount = ZERO;
    outcome.gated = !open;
    outcome.note = paidOnce ? NOTE.paidOnce : NOTE.gated;
    return outcome;
  }
  settle(ctx, e, outcome);
  if (e.earning.paidYearToDate && outcome.paidBefore) {
    const line = outcome.lines[0] as LineData;
    line.amount = line.amount.minus(outcome.paidBefore);
    // A cap that reduced the year-to-date value stays in the line's explanation.
    line.note = line.note === NOTE.cut ? NOTE.cutYtd : NOTE.ytd;
  }
  outcome.amount = sumAmounts(outcome.lines);
  return outcome;
}

/** The tiers the earning's value goes through in the context (its value is memoised elsewhere). */
function tiersOfValue(ctx: Ctx, e: CompiledEarning): TierHit[] {
  const start = ctx.trail.length;
  const outer = ctx.rule;
  ctx.rule = e.def.rule;
  e.value(ctx, undefined);
  ctx.rule = outer;
  return ctx.trail.slice(start);
}

/** In a per-line context an earning used by another is its value within cap and floor, without lines. */
function inLine(ctx: Ctx, e: CompiledEarning): EarningOutcome {
  const outcome = emptyOutcome(e, '');
  const value = dec(e.value(ctx, undefined));
  if (value === null || (e.gate && e.gate(ctx, undefined) !== true)) return outcome;
  outcome.value = value;
  const { floor, cap } = limitsOf(ctx, e);
  outcome.floor = floor;
  outcome.cap = cap;
  outcome.amount = clampTo(value, floor, cap);
  return outcome;
}

function clampTo(value: Dec, floor: Dec | null, cap: Dec | null): Dec {
  let v = value;
  if (floor && v.lt(floor)) v = floor;
  if (cap && v.gt(cap)) v = cap;
  return v;
}

/**
 * The earning's floor and cap in the context (kept on the outcome as `floor` and `cap`). The checker rejects a cap below zero or below the
 * floor when both are written in the plan; from data (`cap payee.cap_amount`) they are found here,
 * with a `bad-cap` warning: a cap below zero caps at zero (a cap never takes money), and a cap
 * below the floor wins over it (the floor applies first).
 */
function limitsOf(ctx: Ctx, e: CompiledEarning): { floor: Dec | null; cap: Dec | null } {
  const floor = dec(e.floor?.(ctx, undefined));
  let cap = dec(e.cap?.(ctx, undefined));
  const name = e.earning.name;
  const money = (v: Dec) => planMoney(ctx.run.program.plan, v, true);
  if (cap?.isNegative()) {
    ctx.warn(
      'bad-cap',
      e.earning,
      `the cap of ${name} is ${money(cap)}, below zero: ${name} is capped at 0`,
      e.def.rule,
    );
    cap = ZERO;
  }
  if (cap && floor?.gt(cap))
    ctx.warn(
      'bad-cap',
      e.earning,
      `the cap of ${name} (${money(cap)}) is below its floor (${money(floor)}): the cap wins`,
      e.def.rule,
    );
  return { floor, cap };
}

/** Applies floor and cap and rounds at the declared point; lines end up adding to the amount. */
function settle(ctx: Ctx, e: CompiledEarning, outcome: EarningOutcome): void {
  const rounding = ctx.run.program.plan.header.rounding;
  const { floor, cap } = limitsOf(ctx, e);
  outcome.floor = floor;
  outcome.cap = cap;
  const lines = outcome.lines;
  if (settleUnits(e, outcome, rounding, floor, cap)) return;
  let amounts: Dec[];
  let target: Dec;
  let sum: Dec;
  if (rounding.point === 'line') {
    amounts = lines.map((l) => roundAmount(l.raw, rounding));
    sum = sumOf(amounts);
    target = clampTo(sum, floor && toGrid(floor, rounding, 'up'), cap && toGrid(cap, rounding, 'down'));
  } else {
    amounts = lines.map((l) => l.raw);
    sum = sumOf(amounts);
    target = clampTo(sum, floor, cap);
  }
  outcome.capped = cap !== null && target.lt(sum);
  outcome.floored = floor !== null && target.gt(sum);
  const { extra, cut } = fit(amounts, target, sum);
  if (!extra.isZero()) {
    amounts.push(extra);
    lines.push(
      new LineData({
        id: `${e.earning.name}:${outcome.floored ? 'floor' : 'adjustment'}`,
        entry: undefined,
        raw: ZERO,
        amount: extra,
        estimate: false,
        tiers: undefined,
        note: outcome.floored ? NOTE.toFloor : NOTE.toCap,
      }),
    );
  }
  if (rounding.point === 'earning') {
    let total = roundAmount(target, rounding);
    if (cap && total.gt(cap)) total = toGrid(cap, rounding, 'down');
    if (floor && total.lt(floor)) total = toGrid(floor, rounding, 'up');
    const exact = amounts;
    amounts = allocateRounded(amounts, total, rounding);
    // A line given a unit (or one taken) to make the lines add up says so: 100 / 3 pays 33.34.
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as LineData;
      if (!cut[i] && line.note === undefined && !roundAmount(exact[i] as Dec, rounding).eq(amounts[i] as Dec))
        line.note = NOTE.allocated;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineData;
    line.amount = amounts[i] as Dec;
    if (cut[i]) line.note = NOTE.cut;
  }
  if (outcome.capped) outcome.note = 'capped';
  if (outcome.floored) outcome.note = NOTE.toFloor;
}

/** The sum of the lines' amounts: on units when every line has them at one scale. */
function sumAmounts(lines: readonly LineData[]): Dec {
  const scale = lines[0]?.amountScale ?? 0;
  let total = 0;
  for (const line of lines) {
    if (Number.isNaN(line.amountUnits) || line.amountScale !== scale)
      return sumOf(lines.map((l) => l.amount));
    const next = safe(total + line.amountUnits);
    if (next === undefined) return sumOf(lines.map((l) => l.amount));
    total = next;
  }
  return decOf(total, scale);
}

/**
 * {@link settle} on exact units, for lines that all have their raw value in units at one scale
 * (the incremental path's) with rounding at the line or at the payout: the same steps, the same
 * results. Returns false, having changed nothing, when it cannot (a floor or cap off the grid of
 * units, an overflow, rounding at the earning), and the decimal path runs.
 */
function settleUnits(
  e: CompiledEarning,
  outcome: EarningOutcome,
  rounding: Rounding,
  floor: Dec | null,
  cap: Dec | null,
): boolean {
  const lines = outcome.lines;
  if (rounding.point === 'earning' || lines.length === 0) return false;
  const scale = (lines[0] as LineData).rawScale;
  const atLine = rounding.point === 'line';
  const d = atLine ? rounding.decimals : scale;
  const amounts = new Array<number>(lines.length);
  let sum = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineData;
    if (Number.isNaN(line.rawUnits) || line.rawScale !== scale) return false;
    const a = atLine ? roundUnits(line.rawUnits, scale, d, rounding.mode) : line.rawUnits;
    const next = a === undefined ? undefined : safe(sum + a);
    if (a === undefined || next === undefined) return false;
    amounts[i] = a;
    sum = next;
  }
  const low = floor && unitsOf(atLine ? toGrid(floor, rounding, 'up') : floor, d);
  const high = cap && unitsOf(atLine ? toGrid(cap, rounding, 'down') : cap, d);
  if (low === undefined || high === undefined) return false;
  let target = sum;
  if (low !== null && target < low) target = low;
  if (high !== null && target > high) target = high;
  outcome.capped = cap !== null && target < sum;
  outcome.floored = floor !== null && target > sum;
  // As `fit`: an excess comes off the positive amounts from the last one backwards.
  const cut = new Array<boolean>(lines.length).fill(false);
  let excess = sum - target;
  for (let i = amounts.length - 1; i >= 0 && excess > 0; i--) {
    const a = amounts[i] as number;
    if (a <= 0) continue;
    const take = Math.min(a, excess);
    amounts[i] = a - take;
    excess -= take;
    cut[i] = true;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineData;
    line.setAmountUnits(amounts[i] as number, d);
    if (cut[i]) line.note = NOTE.cut;
  }
  if (excess !== 0) {
    const extra = new LineData({
      id: `${e.earning.name}:${outcome.floored ? 'floor' : 'adjustment'}`,
      entry: undefined,
      raw: ZERO,
      estimate: false,
      tiers: undefined,
      note: outcome.floored ? NOTE.toFloor : NOTE.toCap,
    });
    extra.setAmountUnits(-excess, d);
    lines.push(extra);
  }
  if (outcome.capped) outcome.note = 'capped';
  if (outcome.floored) outcome.note = NOTE.toFloor;
  return true;
}
