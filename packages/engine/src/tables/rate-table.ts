/**
 * Rate tables: tiers on a measure, applied marginally, retroactively or hybrid. A tier's lower
 * bound is inclusive and its upper bound exclusive. When the table is read on a different value
 * than the amount it prices (a table on attainment pricing bookings), each band's share of the
 * measure is the same share of the amount: marginal bands split the amount in proportion to the
 * attainment bands.
 */
import type { RateTable } from '@attain/dsl';
import { Dec, decText, ZERO } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import { unitOf, type Value } from '../evaluate/value.js';
import { renderExpr } from '../governance/render-expr.js';
import type { RuleRef } from '../results/results.js';
import { planReading } from '../trace/sentence.js';
import type { TierDesc, TierHit } from './tier-hit.js';

/** A tier ready to apply. */
export interface CompiledTier {
  index: number;
  from: Dec;
  to: Dec | undefined;
  /** Shared by every hit of the tier. */
  desc: TierDesc;
  rate: Fn;
  /** The rate when it is a literal, and the tier's shared hit for it. */
  fixed?: { rate: Dec; hit: TierHit };
}

/** A rate table ready to apply. */
export interface CompiledRateTable {
  table: RateTable;
  rule: RuleRef;
  on: Fn;
  tiers: CompiledTier[];
  hybridAt: Dec | undefined;
  /** The tier 0 of a value below a first tier that starts above zero (made on first use). */
  below?: TierDesc;
}

/** Compiles a rate table. */
export function compileRateTable(table: RateTable, env: CompileEnv): CompiledRateTable {
  const rule: RuleRef = { kind: 'rate-table', name: table.name };
  const units = {
    table: table.name,
    unit: unitOf(table.on.type),
    rateUnit: table.tiers[0] && unitOf(table.tiers[0].rate.type),
    on: renderExpr(table.on),
  };
  if (table.label !== undefined) rule.label = table.label;
  const tiers = table.tiers.map((tier, i): CompiledTier => {
    const from = new Dec(tier.from);
    const to = tier.to === undefined ? undefined : new Dec(tier.to);
    const desc: TierDesc = { ...units, index: i + 1, from: decText(from), to: to && decText(to) };
    const compiled: CompiledTier = { index: i + 1, from, to, desc, rate: compile(tier.rate, env) };
    if (tier.rate.op === 'literal' && typeof tier.rate.value === 'string') {
      const rate = new Dec(tier.rate.value);
      compiled.fixed = { rate, hit: hit(compiled, rate) };
    }
    return compiled;
  });
  return {
    table,
    rule,
    on: compile(table.on, env),
    tiers,
    hybridAt: table.hybridAt === undefined ? undefined : new Dec(table.hybridAt),
  };
}

function hit(tier: CompiledTier, rate: Dec, base?: Dec, paid?: Dec): TierHit {
  return { desc: tier.desc, rate, base, paid };
}

function rateOf(ctx: Ctx, tier: CompiledTier): Dec | null {
  if (tier.fixed) return tier.fixed.rate;
  const rate = tier.rate(ctx, undefined);
  return rate instanceof Dec ? rate : null;
}

/**
 * The tier containing `x` (lower bound inclusive, upper exclusive). Below a first tier that starts
 * at zero or less (negative bookings after a credit note), the first tier; below a first tier that
 * starts higher (a threshold), none.
 */
export function tierAt(t: CompiledRateTable, x: Dec): CompiledTier | undefined {
  const first = t.tiers[0];
  if (!first) return undefined;
  if (x.lt(first.from)) return first.from.lte(ZERO) ? first : undefined;
  for (const tier of t.tiers) if (x.gte(tier.from) && (tier.to === undefined || x.lt(tier.to))) return tier;
  return undefined;
}

/** The tier just below `x` (containing values slightly less than it): the tier reached below a hybrid point. */
function tierBelow(t: CompiledRateTable, x: Dec): CompiledTier | undefined {
  for (const tier of t.tiers) if (x.gt(tier.from) && (tier.to === undefined || x.lte(tier.to))) return tier;
  return t.tiers[0];
}

/**
 * No tier contains `x`. A checked plan's tiers are written lowest first and leave no gap (AT4002,
 * AT4003 and AT4004 are errors), so `x` is either below the first tier, a threshold that pays
 * nothing, or at or above the end of the last tier, which is closed (AT4005 warns): no rate, and
 * a warning.
 */
function noTier(ctx: Ctx, t: CompiledRateTable, x: Dec): Dec | null {
  const first = t.tiers[0];
  if (first && x.lt(first.from)) {
    // Below a threshold: a tier 0 that pays nothing, with the value that did not reach tier 1.
    t.below ??= { ...first.desc, index: 0, to: undefined };
    ctx.trail.push({ desc: t.below, rate: ZERO, base: undefined, paid: undefined, at: x });
    return ZERO;
  }
  // In the unit of the table's measure, as a sentence shows it: `200%`, `1,250,000.00 USD`.
  const program = ctx.run.program;
  const reading = planReading(program.plan);
  const shown = reading.shown(decText(x), first?.desc.unit);
  ctx.warn(
    'no-tier',
    t.table,
    `${shown} is above the last tier of ${t.table.name}, which has no rate there`,
    t.rule,
  );
  return null;
}

/** `rate(table)`: the rate of the tier the table's measure has reached. */
export function rateReached(ctx: Ctx, t: CompiledRateTable): Value {
  const x = t.on(ctx, undefined);
  if (!(x instanceof Dec)) return null;
  const tier = tierAt(t, x);
  if (!tier) return noTier(ctx, t, x);
  const rate = rateOf(ctx, tier);
  if (rate === null) return null;
  ctx.trail.push(reachedAt(tier, rate, x));
  return rate;
}

/** The hit of a tier reached (no base), with the value of the measure that reached it. */
function reachedAt(tier: CompiledTier, rate: Dec, x: Dec): TierHit {
  return { ...(tier.fixed?.hit ?? hit(tier, rate)), at: x };
}

/** `tiered(amount, table)`: the amount paid through the table, in the table's mode. */
export function tiered(ctx: Ctx, t: CompiledRateTable, amount: Value): Value {
  const x = t.on(ctx, undefined);
  if (!(x instanceof Dec) || !(amount instanceof Dec)) return null;
  const first = t.tiers[0];
  if (!first) return null;
  if (t.table.mode === 'retroactive' || x.isZero() || x.lt(first.from)) return retroactive(ctx, t, x, amount);
  const scale = amount.eq(x) ? undefined : scaleOf(amount, x);
  if (t.table.mode === 'hybrid' && t.hybridAt !== undefined) {
    if (x.lt(t.hybridAt)) return retroactive(ctx, t, x, amount);
    const below = tierBelow(t, t.hybridAt) as CompiledTier;
    const rate = rateOf(ctx, below);
    if (rate === null) return null;
    const base = scale ? t.hybridAt.times(scale) : t.hybridAt;
    const paid = base.times(rate);
    ctx.trail.push(hit(below, rate, base, paid));
    const above = marginal(ctx, t, x, t.hybridAt, scale, amount);
    return above instanceof Dec ? paid.plus(above) : null;
  }
  return marginal(ctx, t, x, first.from, scale, amount);
}

/**
 * Significant digits kept of the amount-per-unit-of-measure ratio. The measure (an attainment
 * such as bookings / quota) is itself rounded to the context precision, so `amount / x` carries
 * an error in its last digits; rounding it back to fewer digits recovers the exact quota whenever
 * that quota is an exact decimal, and so keeps half-cent lines exact (21.285 must not become
 * 21.28499...).
 */
const SCALE_DIGITS = 40;

export function scaleOf(amount: Dec, x: Dec): Dec {
  return amount.div(x).toSignificantDigits(SCALE_DIGITS);
}

function retroactive(ctx: Ctx, t: CompiledRateTable, x: Dec, amount: Dec): Value {
  const tier = tierAt(t, x);
  if (!tier) {
    const none = noTier(ctx, t, x);
    return none && amount.times(none);
  }
  const rate = rateOf(ctx, tier);
  if (rate === null) return null;
  ctx.trail.push(reachedAt(tier, rate, x));
  return amount.times(rate);
}

/** Pays each band between `start` and `x` at its rate; `scale` turns measure into amount. */
function marginal(
  ctx: Ctx,
  t: CompiledRateTable,
  x: Dec,
  start: Dec,
  scale: Dec | undefined,
  amount: Dec,
): Value {
  let total = ZERO;
  let covered = start;
  for (const tier of t.tiers) {
    const lo = tier.from.gt(start) ? tier.from : start;
    const hi = tier.to === undefined || tier.to.gt(x) ? x : tier.to;
    if (!hi.gt(lo)) continue;
    const rate = rateOf(ctx, tier);
    if (rate === null) return null;
    const portion = hi.minus(lo);
    // The band that reaches `x` takes the rest of the amount, so the bands add up to it exactly.
    const base = !scale ? portion : hi.eq(x) ? amount.minus(lo.times(scale)) : portion.times(scale);
    const paid = base.times(rate);
    ctx.trail.push(hit(tier, rate, base, paid));
    total = total.plus(paid);
    covered = hi;
  }
  if (covered.lt(x)) noTier(ctx, t, x);
  return total;
}
