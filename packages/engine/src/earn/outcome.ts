/**
 * What calculating one earning for one payee and period gives, before it becomes a statement
 * entry: the amount, its lines, and what shaped them.
 */
import type { Dec } from '../decimal.js';
import type { Entry } from '../evaluate/context.js';
import type { TierHit } from '../tables/tier-hit.js';
import type { CompiledEarning } from './earning.js';

/** A line of an earning. */
export interface LineData {
  /** Unique within the statement: `<earning>:<record key>`, `<earning>:period`... */
  id: string;
  /** The credit entry of a per-line earning's line. */
  entry: Entry | undefined;
  /** The line's own value before gates, caps and floors (the increment it added). */
  raw: Dec;
  /** What the line pays. */
  amount: Dec;
  /** A line of a hypothetical record (or the period's estimate). */
  estimate: boolean;
  /** The tiers the line's increment went through (several for a deal crossing a boundary), with the increments of each band's base and pay. */
  tiers: TierHit[] | undefined;
  /** Why the line differs from its raw value (`capped`), or what it is (`floor`). */
  note: string | undefined;
}

/** The line of a credited record: it pays `raw`, the increment the record added. */
export function recordLine(earning: string, entry: Entry, raw: Dec, tiers: TierHit[] | undefined): LineData {
  return {
    id: `${earning}:${entry.rec.key ?? `row ${entry.rec.row}`}`,
    entry,
    raw,
    amount: raw,
    estimate: entry.rec.hyp,
    tiers,
    note: undefined,
  };
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
  /** Tiers applied to the period value. */
  tiers: TierHit[];
  /** Why it pays what it pays, when something intervened. */
  note: string | undefined;
}
