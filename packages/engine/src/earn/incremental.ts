/**
 * The incremental path of per-line earnings: `tiered(credit, table) per line` through a marginal
 * rate table whose measure is the credit itself or the credit divided by a value that does not
 * depend on it (an attainment: `bookings / bookings_quota`). Such an earning is a piecewise linear
 * function of the running credit, so each line needs only the band it falls in instead of a new
 * evaluation of the whole expression on its prefix.
 *
 * The path performs, for every line, the same decimal operations in the same order as the general
 * path in `per-line.ts` (band bases, band pay, their running sum, the difference with the previous
 * line and the tiers the increment went through), so results are identical to the last digit; a
 * differential test checks this on generated plans and data. Whatever the path does not cover
 * (negative credit, thresholds, retroactive or hybrid tables, rates that are expressions, a measure
 * of another shape) returns `undefined` and the general path runs.
 */
import type { IrExpr, Plan } from '@attain/dsl';
import { Dec, decOf, PRECISION, sumOf, ZERO } from '../decimal.js';
import type { Ctx, Entry } from '../evaluate/context.js';
import { spanOf, versionIn } from '../evaluate/versions.js';
import { type CompiledRateTable, scaleOf } from '../tables/rate-table.js';
import type { TierHit } from '../tables/tier-hit.js';
import { decimalsOf, MAX_SCALE, safe, unitsOf } from '../units.js';
import type { CompiledEarning } from './earning.js';
import { LineData, lineId, recordLine } from './outcome.js';
import type { RawLines } from './per-line.js';

/** A band of the table in units of the credit. */
interface Band {
  hit: TierHit;
  rate: Dec;
  /** The band's lower bound in credit units (`from × scale`). */
  low: Dec;
  /** The band's upper bound in credit units, or undefined for the open top band. */
  high: Dec | undefined;
  /** Below this credit the measure is surely under the band's upper bound (no division needed). */
  safe: Dec | undefined;
  /** The tier's bounds on the measure. */
  from: Dec;
  to: Dec | undefined;
  /** Base and pay of the band when full (as the general path computes them). */
  fullBase: Dec | undefined;
  fullPaid: Dec | undefined;
  /** The running total of the pay of the bands below this one (the general path's order). */
  below: Dec;
}

/** The shape of the measure: the credit itself, or the credit over a divisor definition. */
type Shape = { divisor: undefined } | { divisor: number };

/** A relative margin far above the 50-digit rounding of the measure and far below any real gap. */
const MARGIN = new Dec('1e-30');

/**
 * Test instrumentation, not exported by the package: `enabled: false` runs the general path
 * everywhere, `units: false` keeps this path on decimals, `applied` counts the earnings priced by
 * this path and `inUnits` those priced in exact units (see the differential test).
 */
export const incremental = { enabled: true, units: true, applied: 0, inUnits: 0 };

/** The lines of `e` on credit `credit` by the incremental path, or undefined when it does not apply. */
export function incrementalLines(ctx: Ctx, e: CompiledEarning, credit: number): RawLines | undefined {
  if (!incremental.enabled) return undefined;
  const value = e.earning.value;
  const creditName = e.earning.perLine?.credit;
  if (value.op !== 'tiered' || !isCreditRef(value.amount, creditName)) return undefined;
  const run = ctx.run;
  const table = run.tables.rateTable(ctx, value.table);
  if (!table || !simpleMarginal(table)) return undefined;
  const shape = measureShape(ctx, table.table.on, creditName as string, credit);
  if (!shape) return undefined;
  const entries = ctx.entries(credit);
  for (const entry of entries) if (entry.amount.isNegative()) return undefined;
  let divisor: Dec | undefined;
  if (shape.divisor !== undefined) {
    const d = ctx.get(shape.divisor);
    // A divisor priced through a table would add its tier to every line's trace. A zero divisor
    // (decimal.js counts zero as positive) leaves the measure without a value: the general path
    // says so and prices nothing.
    if (!(d instanceof Dec) || !d.gt(ZERO) || ctx.tiers[shape.divisor]) return undefined;
    divisor = d;
  }
  const total = sumOf(entries.map((entry) => entry.amount));
  // The first prefix's total (no amount is negative, and decimal.js counts zero as positive).
  const first = entries[0]?.amount;
  const scale = scaleFor(total, divisor);
  // The general path derives the scale on every prefix: it must be the same on the first and the last.
  if (scale === null || first === undefined || !sameScale(scale, scaleFor(first, divisor))) return undefined;
  const bands = bandsOf(table, scale, divisor);
  incremental.applied++;
  const name = e.earning.name;
  return (
    (incremental.units ? unitLines(name, entries, bands, divisor, table) : undefined) ??
    linesOf(name, entries, bands, scale, divisor, table)
  );
}

function isCreditRef(expr: IrExpr, credit: string | undefined): boolean {
  return expr.op === 'ref' && expr.kind === 'credit' && expr.name === credit;
}

/** Marginal, literal rates, starting at zero, contiguous, open at the top. */
function simpleMarginal(t: CompiledRateTable): boolean {
  if (t.table.mode !== 'marginal' || t.tiers.length === 0) return false;
  const tiers = t.tiers;
  if (!(tiers[0]?.from.isZero() ?? false)) return false;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    if (!tier?.fixed) return false;
    const next = tiers[i + 1];
    if (next ? !tier.to?.eq(next.from) : tier.to !== undefined) return false;
    if (tier.to !== undefined && !tier.to.gt(tier.from)) return false;
  }
  return true;
}

/**
 * The measure the table is on, when it is the credit itself or `credit / d` with `d` a definition
 * that does not depend on the credit.
 */
export function measureShape(ctx: Ctx, on: IrExpr, creditName: string, credit: number): Shape | undefined {
  if (isCreditRef(on, creditName)) return { divisor: undefined };
  if (on.op !== 'ref' || (on.kind !== 'measure' && on.kind !== 'let')) return undefined;
  const program = ctx.run.program;
  const plan: Plan = program.plan;
  const elements = (on.kind === 'measure' ? plan.measures : plan.lets).filter((m) => m.name === on.name);
  const element = versionIn(
    elements.map((m) => ({ span: spanOf(m), value: m })),
    ctx.period,
  );
  if (!element) return undefined;
  const expr = element.value;
  if (expr.op !== 'binary' || expr.operator !== '/' || !isCreditRef(expr.left, creditName)) return undefined;
  const right = expr.right;
  if (right.op !== 'ref') return undefined;
  const id = program.defId(right.kind, right.name);
  // The divisor must not move with the credit: `dependents` follows every definition and table it
  // reads, down to aggregates over the credit.
  if (id === undefined || program.dependents(credit)[id] === 1) return undefined;
  return { divisor: id };
}

/**
 * The credit per unit of measure as the general path computes it from the period's total; null
 * when no prefix can have a positive measure (nothing to price incrementally).
 */
function scaleFor(total: Dec, divisor: Dec | undefined): Dec | undefined | null {
  if (divisor === undefined) return undefined;
  if (!total.isPositive()) return null;
  const x = total.div(divisor);
  return total.eq(x) ? undefined : scaleOf(total, x);
}

function sameScale(a: Dec | undefined | null, b: Dec | undefined | null): boolean {
  return a === b || (a instanceof Dec && b instanceof Dec && a.eq(b));
}

function bandsOf(t: CompiledRateTable, scale: Dec | undefined, divisor: Dec | undefined): Band[] {
  const bands: Band[] = [];
  let below = ZERO;
  for (const tier of t.tiers) {
    const fixed = tier.fixed as { rate: Dec; hit: TierHit };
    const rate = fixed.rate;
    const low = scale ? tier.from.times(scale) : tier.from;
    const to = tier.to;
    let fullBase: Dec | undefined;
    let fullPaid: Dec | undefined;
    let high: Dec | undefined;
    let safe: Dec | undefined;
    if (to !== undefined) {
      const portion = to.minus(tier.from);
      fullBase = scale ? portion.times(scale) : portion;
      fullPaid = fullBase.times(rate);
      high = divisor ? to.times(divisor) : to;
      safe = high.minus(high.abs().times(MARGIN));
    }
    bands.push({ hit: fixed.hit, rate, low, high, safe, from: tier.from, to, fullBase, fullPaid, below });
    if (fullPaid) below = below.plus(fullPaid);
  }
  return bands;
}

/** The band (index) holding the top of the credit `t` > 0: `from < x <= to` for the measure x. */
function topBand(bands: readonly Band[], start: number, t: Dec, divisor: Dec | undefined): number {
  let k = start;
  let x: Dec | undefined;
  for (;;) {
    const band = bands[k] as Band;
    if (band.high === undefined) return k;
    if (t.lt(band.safe as Dec)) return k;
    // Near or past the bound: decide on the measure itself, as the general path does.
    x ??= divisor ? t.div(divisor) : t;
    if (x.lte(band.to as Dec)) return k;
    k++;
  }
}

function linesOf(
  name: string,
  entries: readonly Entry[],
  bands: readonly Band[],
  scale: Dec | undefined,
  divisor: Dec | undefined,
  table: CompiledRateTable,
): RawLines {
  const lines: LineData[] = [];
  // A zero measure is priced retroactively at the first tier, reached at 0 (as the general path says).
  const first: TierHit = { ...(table.tiers[0] as { fixed: { hit: TierHit } }).fixed.hit, at: ZERO };
  let t = ZERO;
  let k = 0;
  let prevValue = ZERO;
  // The top band's base and pay at the previous prefix (undefined while the credit is zero).
  let topBase: Dec | undefined;
  let topPaid: Dec | undefined;
  for (const entry of entries) {
    t = t.plus(entry.amount);
    let tiers: TierHit[] | undefined;
    let value: Dec;
    if (t.isZero()) {
      value = ZERO; // the general path prices a zero measure retroactively: 0 × the first rate
      tiers = [first];
      topBase = undefined;
      topPaid = undefined;
    } else {
      const k1 = topBand(bands, k, t, divisor);
      const top = bands[k1] as Band;
      const base = scale ? t.minus(top.low) : t.minus(top.from);
      const paid = base.times(top.rate);
      value = top.below.plus(paid);
      tiers = moved(bands, k, k1, topBase, topPaid, base, paid);
      k = k1;
      topBase = base;
      topPaid = paid;
    }
    const raw = value.minus(prevValue);
    lines.push(recordLine(name, entry, raw, tiers));
    prevValue = value;
  }
  return { lines, value: prevValue };
}

/**
 * The bands whose base or pay grew from the previous prefix (top band `k0`, base and pay
 * `base0`/`paid0`, undefined at zero) to this one (top band `k1`), as the general path's
 * difference of the two trails gives them.
 */
function moved(
  bands: readonly Band[],
  k0: number,
  k1: number,
  base0: Dec | undefined,
  paid0: Dec | undefined,
  base1: Dec,
  paid1: Dec,
): TierHit[] | undefined {
  const out: TierHit[] = [];
  const from = base0 === undefined ? 0 : k0;
  for (let b = from; b <= k1; b++) {
    const band = bands[b] as Band;
    let base = b === k1 ? base1 : (band.fullBase as Dec);
    let paid = b === k1 ? paid1 : (band.fullPaid as Dec);
    if (base0 !== undefined && b === k0) {
      base = base.minus(base0);
      paid = paid.minus(paid0 as Dec);
    }
    if (base.isZero() && paid.isZero()) continue;
    out.push({ desc: band.hit.desc, rate: band.rate, base, paid });
  }
  return out.length > 0 ? out : undefined;
}

/** A band's bounds and pay in units: credit at scale `a`, pay at scale `a + r`. */
interface UnitBand {
  low: number;
  /** The upper bound in credit units; Infinity for the open top band. */
  high: number;
  rate: number;
  below: number;
}

/**
 * The lines of {@link linesOf} computed on exact unit counts, when every amount, bound, rate and
 * running sum is a safe integer at a common scale; `undefined` otherwise (or on overflow), and the
 * decimal path runs. Every decimal operation of `linesOf` is exact under that condition (operands
 * of at most 16 digits, products of at most 32, far inside the 50-digit precision), so the units
 * give the same values; a line priced whole inside one band (nearly all of them) then needs no
 * decimal at all. Lines that start from zero or cross a band take their tiers from `moved`.
 */
function unitLines(
  name: string,
  entries: readonly Entry[],
  bands: readonly Band[],
  divisor: Dec | undefined,
  table: CompiledRateTable,
): RawLines | undefined {
  if (divisor !== undefined && unitsOf(divisor, decimalsOf(divisor) ?? MAX_SCALE + 1) === undefined)
    return undefined;
  let a = 0;
  const amounts = new Array<number>(entries.length);
  for (const entry of entries) {
    const s = decimalsOf(entry.amount);
    if (s === undefined) return undefined;
    if (s > a) a = s;
  }
  let r = 0;
  for (const band of bands) {
    const s = decimalsOf(band.rate);
    if (s === undefined) return undefined;
    // The bound in credit units is `to × divisor`: exact when their digits fit the precision.
    if (band.to !== undefined && divisor !== undefined && band.to.sd() + divisor.sd() > PRECISION)
      return undefined;
    if (s > r) r = s;
  }
  if (a + r > MAX_SCALE) return undefined;
  const ub: UnitBand[] = [];
  for (const band of bands) {
    const low = unitsOf(band.low, a);
    const high = band.high === undefined ? Number.POSITIVE_INFINITY : unitsOf(band.high, a);
    const rate = unitsOf(band.rate, r);
    const below = unitsOf(band.below, a + r);
    if (low === undefined || high === undefined || rate === undefined || below === undefined)
      return undefined;
    ub.push({ low, high, rate, below });
  }
  for (let i = 0; i < entries.length; i++) {
    const units = unitsOf((entries[i] as Entry).amount, a);
    if (units === undefined) return undefined;
    amounts[i] = units;
  }
  const p = a + r;
  const prefix = `${name}:`;
  const lines: LineData[] = [];
  // A zero measure is priced retroactively at the first tier, reached at 0 (as the general path says).
  const first: TierHit = { ...(table.tiers[0] as { fixed: { hit: TierHit } }).fixed.hit, at: ZERO };
  let t = 0;
  let k = 0;
  let prevValue = 0;
  let topBase: number | undefined;
  let topPaid = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    const next = safe(t + (amounts[i] as number));
    if (next === undefined) return undefined;
    t = next;
    let value: number;
    let whole: TierHit | undefined;
    let tiers: TierHit[] | undefined;
    if (t === 0) {
      value = 0;
      tiers = [first];
      topBase = undefined;
    } else {
      let k1 = k;
      while (t > (ub[k1] as UnitBand).high) k1++;
      const top = ub[k1] as UnitBand;
      const base = t - top.low;
      const paid = safe(base * top.rate);
      const sum = paid === undefined ? undefined : safe(top.below + paid);
      if (paid === undefined || sum === undefined) return undefined;
      value = sum;
      if (topBase !== undefined && k1 === k) {
        // Inside the band of the previous line: the record's whole credit at the band's rate.
        if (base !== topBase || paid !== topPaid) whole = (bands[k1] as Band).hit;
      } else {
        tiers = moved(
          bands,
          k,
          k1,
          topBase === undefined ? undefined : decOf(topBase, a),
          topBase === undefined ? undefined : decOf(topPaid, p),
          decOf(base, a),
          decOf(paid, p),
        );
      }
      k = k1;
      topBase = base;
      topPaid = paid;
    }
    const raw = safe(value - prevValue);
    if (raw === undefined) return undefined;
    lines.push(LineData.ofUnits(lineId(prefix, entry), entry, raw, p, entry.rec.hyp, whole, tiers));
    prevValue = value;
  }
  incremental.inUnits++;
  return { lines, value: decOf(prevValue, p) };
}
