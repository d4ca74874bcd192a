/**
 * What calculating one earning for one payee and period gives, before it becomes a statement
 * entry: the amount, its lines, and what shaped them.
 */
import { type Dec, decOf, ZERO } from '../decimal.js';
import type { Entry } from '../evaluate/context.js';
import type { TierHit } from '../tables/tier-hit.js';
import type { Held } from '../trace/bound.js';
import type { CompiledEarning } from './earning.js';

/**
 * The notes the calculation leaves on earnings and lines, which the results turn into sentences
 * with the amounts (`results/earnings.ts`): written once, matched by the same constant.
 */
export const NOTE = {
  cut: 'reduced by the cap',
  ytd: 'year to date, minus what earlier periods paid',
  /** A `paid year to date` line whose year-to-date value the cap reduced. */
  cutYtd: 'reduced by the cap; year to date, minus what earlier periods paid',
  toCap: 'brought to the cap',
  toFloor: 'raised to the floor',
  /** Rounding at the earning moved the line off its own rounding, so that the lines add up to the earning. */
  allocated: 'rounded so that the lines add up to the earning',
  paidOnce: 'already paid earlier this year',
  gated: 'the condition (when) does not hold',
} as const;

/** The parts a line of units starts from before {@link LineData.ofUnits} sets its own. */
const UNIT_PARTS: LineParts = {
  id: '',
  entry: undefined,
  raw: ZERO,
  estimate: false,
  tiers: undefined,
  note: undefined,
};

/** What a line is made of; `amount` defaults to `raw`. */
export interface LineParts {
  /** Unique within the statement: `<earning>:<record key>`, `<earning>:period`... */
  id: string;
  entry: Entry | undefined;
  raw: Dec;
  amount?: Dec;
  estimate: boolean;
  tiers: TierHit[] | undefined;
  note: string | undefined;
}

/**
 * A line of an earning. Its values are decimals, or exact unit counts (see `units.ts`) on the
 * fast path, where the decimal is made only if something asks for it.
 */
export class LineData {
  /** Unique within the statement: `<earning>:<record key>`, `<earning>:period`... */
  id: string;
  /** The credit entry of a per-line earning's line. */
  entry: Entry | undefined;
  /** A line of a hypothetical record (or the period's estimate). */
  estimate: boolean;
  /** Why the line differs from its raw value (`capped`), or what it is (`floor`). */
  note: string | undefined;
  /** The marginal band that priced the whole of the line's credit, when the fast path knows it. */
  whole: TierHit | undefined = undefined;
  /** On the general per-line path, the value of the records before this line's (its line pays the difference). */
  before: Dec | undefined = undefined;
  /**
   * On the general per-line path of a rule with `max`, `min` or `clamp`: the bounds that cut the
   * value with the records up to this line (`held`) and with those before it (`heldBefore`).
   */
  held: Held | undefined = undefined;
  heldBefore: Held | undefined = undefined;
  /** The raw value in units of 10^-rawScale; NaN when it is held as a decimal only. */
  rawUnits = Number.NaN;
  rawScale = 0;
  /** The amount in units of 10^-amountScale; NaN when it is held as a decimal only. */
  amountUnits = Number.NaN;
  amountScale = 0;
  private raw_: Dec | undefined;
  private amount_: Dec | undefined;
  private tiers_: TierHit[] | undefined;

  constructor(parts: LineParts) {
    this.id = parts.id;
    this.entry = parts.entry;
    this.raw_ = parts.raw;
    this.amount_ = parts.amount ?? parts.raw;
    this.estimate = parts.estimate;
    this.tiers_ = parts.tiers;
    this.note = parts.note;
  }

  /** A line whose raw value (and amount) is `units × 10^-scale`, priced whole by `whole` when given. */
  static ofUnits(
    id: string,
    entry: Entry | undefined,
    units: number,
    scale: number,
    estimate: boolean,
    whole: TierHit | undefined,
    tiers: TierHit[] | undefined,
  ): LineData {
    // No parts literal for the fast path's million lines: see `ValidRecord` on pretenuring.
    const line = new LineData(UNIT_PARTS);
    line.id = id;
    line.entry = entry;
    line.estimate = estimate;
    line.tiers_ = tiers;
    line.raw_ = undefined;
    line.amount_ = undefined;
    line.rawUnits = units;
    line.rawScale = scale;
    line.amountUnits = units;
    line.amountScale = scale;
    line.whole = whole;
    return line;
  }

  /** The line's own value before gates, caps and floors (the increment it added). */
  get raw(): Dec {
    this.raw_ ??= decOf(this.rawUnits, this.rawScale);
    return this.raw_;
  }

  set raw(value: Dec) {
    this.raw_ = value;
    this.rawUnits = Number.NaN;
  }

  /** What the line pays. */
  get amount(): Dec {
    this.amount_ ??= decOf(this.amountUnits, this.amountScale);
    return this.amount_;
  }

  set amount(value: Dec) {
    this.amount_ = value;
    this.amountUnits = Number.NaN;
  }

  /** Sets the amount as units (the decimal is made on demand). */
  setAmountUnits(units: number, scale: number): void {
    this.amount_ = undefined;
    this.amountUnits = units;
    this.amountScale = scale;
  }

  /**
   * The tiers the line's increment went through (several for a deal crossing a boundary), with
   * the increments of each band's base and pay.
   */
  get tiers(): TierHit[] | undefined {
    if (this.tiers_ === undefined && this.whole && this.entry) {
      const w = this.whole;
      this.tiers_ = [{ desc: w.desc, rate: w.rate, base: this.entry.amount, paid: this.raw }];
    }
    return this.tiers_;
  }

  /** A copy of the line (values shared: they are immutable). */
  copy(): LineData {
    const line = new LineData({
      id: this.id,
      entry: this.entry,
      raw: ZERO,
      estimate: this.estimate,
      tiers: this.tiers_,
      note: this.note,
    });
    line.raw_ = this.raw_;
    line.amount_ = this.amount_;
    line.rawUnits = this.rawUnits;
    line.rawScale = this.rawScale;
    line.amountUnits = this.amountUnits;
    line.amountScale = this.amountScale;
    line.whole = this.whole;
    line.held = this.held;
    line.heldBefore = this.heldBefore;
    return line;
  }
}

/** The line of a credited record: it pays `raw`, the increment the record added. */
export function recordLine(earning: string, entry: Entry, raw: Dec, tiers: TierHit[] | undefined): LineData {
  return new LineData({
    id: lineId(`${earning}:`, entry),
    entry,
    raw,
    estimate: entry.rec.hyp,
    tiers,
    note: undefined,
  });
}

/** The id of a credited record's line; `prefix` is the earning's name and a colon. */
export function lineId(prefix: string, entry: Entry): string {
  const key = entry.rec.key;
  return key === undefined ? `${prefix}row ${entry.rec.row}` : prefix + key;
}

/** One earning for one payee and period. */
export interface EarningOutcome {
  earning: CompiledEarning;
  /** What the earning pays, rounded as the plan declares. */
  amount: Dec;
  /** The value of the earning's expression (year to date for `paid year to date`), before gate, cap and floor. */
  value: Dec | null;
  lines: LineData[];
  gated: boolean;
  capped: boolean;
  floored: boolean;
  /** For `paid year to date` and `once`: paid by earlier periods of the fiscal year. */
  paidBefore: Dec | undefined;
  /**
   * The floor and cap as the earning applied them (a cap from data below zero is 0), found once
   * when the earning is settled; `null` when it has none or was stopped before them (gate, `once`).
   */
  floor: Dec | null;
  cap: Dec | null;
  /** Tiers applied to the period value. */
  tiers: TierHit[];
  /** Why it pays what it pays, when something intervened. */
  note: string | undefined;
}
