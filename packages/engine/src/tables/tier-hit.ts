/**
 * A tier (or pay-curve segment) applied during an evaluation, kept as decimals until a trace
 * needs it as text. The description of a tier is created once per tier and shared by every hit.
 */
import type { Dec } from '../decimal.js';
import { decText } from '../decimal.js';
import type { TierApplied } from '../results/results.js';

/** What does not change between hits of a tier. */
export interface TierDesc {
  table: string;
  /** Units of the bounds and the rate, for sentences. */
  unit: string | undefined;
  rateUnit: string | undefined;
  index: number;
  from: string;
  to: string | undefined;
  /** What the table or curve reads, as the plan writes it (`gross_retention`), for sentences. */
  on?: string;
  /** A pay curve's values at `from` and `to`, the points around the value read. */
  fromRate?: string;
  toRate?: string;
}

/** A tier applied to a value. */
export interface TierHit {
  desc: TierDesc;
  rate: Dec;
  /** For marginal bands: the part of the amount in the tier, and what it paid. */
  base: Dec | undefined;
  paid: Dec | undefined;
  /** For a tier reached without a base (retroactive, `rate(table)`, a pay curve): the value read. */
  at?: Dec;
}

/** The trace form of a hit; `texts` shares the text of a rate used on many lines. */
export function tierApplied(h: TierHit, texts?: { text(value: Dec): string }): TierApplied {
  const d = h.desc;
  const t: TierApplied = {
    table: d.table,
    index: d.index,
    from: d.from,
    rate: texts ? texts.text(h.rate) : decText(h.rate),
  };
  if (d.to !== undefined) t.to = d.to;
  if (d.unit !== undefined) t.unit = d.unit;
  if (d.rateUnit !== undefined) t.rateUnit = d.rateUnit;
  if (h.base !== undefined) t.base = decText(h.base);
  if (h.paid !== undefined) t.paid = decText(h.paid);
  if (h.at !== undefined && d.on !== undefined) {
    t.on = d.on;
    t.at = decText(h.at);
  }
  if (d.fromRate !== undefined) t.fromRate = d.fromRate;
  if (d.toRate !== undefined) t.toRate = d.toRate;
  return t;
}
