/**
 * Per-line earnings: one line per credited record, in the stable record order (dated field, then
 * key). Line i pays value(records 1..i) − value(records 1..i−1), each value computed as if the
 * credit held only those records, so the lines add up exactly to the period's value and a deal
 * that crosses a tier boundary shows the tiers it crossed. Hypothetical records come after the
 * real ones.
 */
import { Dec, NEGLIGIBLE, ZERO } from '../decimal.js';
import { Ctx, type Entry, type LineState } from '../evaluate/context.js';
import type { TierHit } from '../tables/tier-hit.js';
import { boundsOf, heldBounds } from '../trace/bound.js';
import { planMoney } from '../trace/sentence.js';
import type { CompiledEarning } from './earning.js';
import { incrementalLines } from './incremental.js';
import { LineData, recordLine } from './outcome.js';

/** The note of the line of the value without any record. */
export const BASE_NOTE = 'without any record';

/** What the note of a line says when the value has no value with its record. */
export const NO_VALUE = 'has no value (see the warnings)';

/** The raw lines of a per-line earning and the value they add up to. */
export interface RawLines {
  lines: LineData[];
  value: Dec | null;
  /** The tiers of the value of all the records, when the path has them (the general path does). */
  tiers?: TierHit[];
}

/** Evaluates every prefix of the earning's credit and returns one line per record. */
export function perLineRaw(ctx: Ctx, e: CompiledEarning, credit: number): RawLines {
  const fast = incrementalLines(ctx, e, credit);
  if (fast) return fast;
  const run = ctx.run;
  const entries = ctx.entries(credit);
  const line: LineState = { credit, entries, n: 0, total: ZERO, dependent: run.program.dependents(credit) };
  const lctx = new Ctx(run, ctx.payee, ctx.period, ctx.projected, ctx.window, ctx, line);
  lctx.rule = e.def.rule;
  const name = e.earning.name;
  const lines: LineData[] = [];
  const base = decimalOf(e.value(lctx, undefined));
  // `max(bookings * 10% - 100 USD, 0 USD)`, `min(bookings, 10000 USD) * 5%`: what the bounds of
  // the rule replaced, for the sentences.
  const bounds = boundsOf(e.earning.value);
  const held = (value: Dec | null) => (bounds ? heldBounds(lctx, bounds, value, e.def.rule) : undefined);
  let previousHeld = held(base);
  let anyValue = base !== null;
  if (base !== null && !base.isZero()) {
    lines.push(
      new LineData({
        id: `${name}:base`,
        entry: undefined,
        raw: base,
        estimate: false,
        tiers: undefined,
        note: BASE_NOTE,
      }),
    );
    (lines[0] as LineData).held = previousHeld;
  }
  let previous = base ?? ZERO;
  let previousTrail = lctx.trail;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    line.n = i + 1;
    line.total = line.total.plus(entry.amount);
    lctx.resetLine();
    const value = decimalOf(e.value(lctx, undefined));
    if (value !== null) anyValue = true;
    const current = value ?? ZERO;
    const raw = current.minus(previous);
    const tiers = diffTiers(previousTrail, lctx.trail, raw);
    const made = recordLine(name, entry, raw, tiers);
    made.before = previous;
    if (bounds) {
      made.held = held(value);
      made.heldBefore = previousHeld;
      previousHeld = made.held;
    }
    // Without a value (a retroactive table above its last, closed tier), the line takes back what
    // the records before it paid; the warnings say why there is no value. With a base line (`+ 100
    // USD`), that is the value with the records before it, not what they add up to.
    if (value === null && !previous.isZero()) {
      const back = planMoney(run.program.plan, previous, true);
      made.note = `with this record ${name} ${NO_VALUE}, so this line takes back the ${back} ${
        base === null || base.isZero()
          ? 'the records before it add up to'
          : `${name} is with the records before it`
      }`;
    }
    lines.push(made);
    previous = current;
    previousTrail = lctx.trail;
  }
  return { lines, value: anyValue ? previous : null, tiers: previousTrail.slice() };
}

function decimalOf(v: unknown): Dec | null {
  return v instanceof Dec ? v : null;
}

function find(bands: readonly TierHit[], h: TierHit): TierHit | undefined {
  for (const b of bands) if (b.desc === h.desc) return b;
  return undefined;
}

function hasBase(h: TierHit): boolean {
  return h.base !== undefined && h.paid !== undefined;
}

/**
 * The tiers a line's increment went through: the marginal bands whose base moved, with the
 * movements of base and pay (a band the value left, after a credit note, moves by minus what it
 * held), lowest first; or else the tier reached.
 *
 * The movements explain the line only when both values were priced in bands. When one of them
 * was priced retroactively (a hybrid table below its point, a total below zero), there are no
 * bands to subtract: unless the movements still pay exactly `raw`, the line is explained by the
 * bands of the value with the record (which pay `raw` plus what the earlier records add up to,
 * as the line's trace states), or else by the tier reached.
 */
function diffTiers(before: readonly TierHit[], after: readonly TierHit[], raw: Dec): TierHit[] | undefined {
  let reached: TierHit | undefined;
  const banded: TierHit[] = [];
  for (const h of after) {
    if (!hasBase(h)) {
      reached = h;
      continue;
    }
    const known = find(banded, h);
    if (known) {
      known.base = (known.base as Dec).plus(h.base as Dec);
      known.paid = (known.paid as Dec).plus(h.paid as Dec);
    } else banded.push({ desc: h.desc, rate: h.rate, base: h.base, paid: h.paid });
  }
  const afterBands = banded.map((b) => ({ ...b }));
  // Bands left (found only in the earlier trail) are added at the end: only then is a sort needed.
  let left = false;
  let retroactiveBefore = false;
  for (const h of before) {
    if (!hasBase(h)) {
      retroactiveBefore = true;
      continue;
    }
    const known = find(banded, h);
    if (known) {
      known.base = (known.base as Dec).minus(h.base as Dec);
      known.paid = (known.paid as Dec).minus(h.paid as Dec);
    } else {
      banded.push({ desc: h.desc, rate: h.rate, base: (h.base as Dec).neg(), paid: (h.paid as Dec).neg() });
      left = true;
    }
  }
  const moved = banded.filter((b) => !(b.base as Dec).isZero() || !(b.paid as Dec).isZero());
  if (moved.length > 0 && (retroactiveBefore || reached !== undefined)) {
    // A value priced retroactively on one side: the movements are right only if they pay the line.
    const paid = moved.reduce((sum, b) => sum.plus(b.paid as Dec), ZERO);
    if (paid.minus(raw).abs().gt(NEGLIGIBLE)) {
      if (afterBands.length > 0) return afterBands;
      return reached ? [reached] : undefined;
    }
  }
  if (moved.length > 0) return left ? lowestFirst(moved) : moved;
  return reached ? [reached] : undefined;
}

/**
 * Bands in the order of results (`Trace.bands`): table by table, in the order the tables were
 * first read, and lowest tier first within a table (a band left, found only in the earlier trail,
 * takes its place among the others).
 */
function lowestFirst(bands: TierHit[]): TierHit[] {
  const tables = new Map<string, number>();
  for (const b of bands) if (!tables.has(b.desc.table)) tables.set(b.desc.table, tables.size);
  const order = (b: TierHit) => tables.get(b.desc.table) as number;
  return bands.sort((a, b) => order(a) - order(b) || a.desc.index - b.desc.index);
}
