/**
 * Fairness of a territory design: how evenly a quantity (potential, workload, account count) is
 * spread over the territories. Three measures, each 0 for a perfectly even design:
 *
 * - coefficient of variation `CV = σ / μ` (population standard deviation over the mean),
 *   computed as `sqrt(n·Σx² − (Σx)²) / Σx`: one square root and one division, the rest exact;
 * - max/min ratio `max / min` (1 when even);
 * - Gini coefficient `G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n²·μ)`, computed from the sorted values as
 *   `Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σx)`: exact but for the one division.
 *
 * A measure that has no value says why, as data: no territories, a mean of 0, a minimum of 0
 * (max/min), or negative values (the measures are meant for quantities that cannot be negative).
 */
import { compareDec, type Dec, decText, ZERO } from '../decimal.js';

/** A fairness measure. */
export type FairnessMeasure = 'cv' | 'max-min-ratio' | 'gini';

/** Every fairness measure, in the order they are reported. */
export const FAIRNESS_MEASURES: readonly FairnessMeasure[] = ['cv', 'max-min-ratio', 'gini'];

/** Why a measure has no value. */
export type MissingMeasure = 'no-territories' | 'mean-zero' | 'min-zero' | 'negative-values';

/** The value of one measure (a decimal string), or `null` with the reason. */
export interface FairnessValue {
  value: string | null;
  reason?: MissingMeasure;
}

/** How evenly a quantity is spread over the territories. */
export interface Fairness {
  /** How many territories the quantity is spread over. */
  territories: number;
  /** `Σx`, exact. */
  total: string;
  /** `μ = Σx / n`; `null` without territories. */
  mean: string | null;
  min: string | null;
  max: string | null;
  /** Population standard deviation `σ = sqrt(Σ(x − μ)² / n)`; `null` without territories. */
  stdDev: string | null;
  cv: FairnessValue;
  maxMinRatio: FairnessValue;
  gini: FairnessValue;
}

const missing = (reason: MissingMeasure): FairnessValue => ({ value: null, reason });

/** `Σ x²`, exact. */
export function sumOfSquares(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const x of values) total = total.plus(x.times(x));
  return total;
}

/**
 * `Σ_{i<j} |xᵢ − xⱼ|`, exact: `Σᵢ (2i − n − 1)·x₍ᵢ₎` over the values sorted ascending, i from 1.
 */
export function pairDifferences(values: readonly Dec[]): Dec {
  return sortedPairDifferences(values.slice().sort((a, b) => compareDec(a, b)));
}

/** {@link pairDifferences} of values already sorted ascending. */
export function sortedPairDifferences(sorted: readonly Dec[]): Dec {
  const n = sorted.length;
  let total = ZERO;
  for (let i = 0; i < n; i++) total = total.plus((sorted[i] as Dec).times(2 * (i + 1) - n - 1));
  return total;
}

/** What every measure starts from. */
interface Summary {
  n: number;
  total: Dec;
  min: Dec;
  max: Dec;
}

function summarise(values: readonly Dec[]): Summary | undefined {
  const [first] = values;
  if (first === undefined) return undefined;
  let total = ZERO;
  let min = first;
  let max = first;
  for (const x of values) {
    total = total.plus(x);
    if (x.lt(min)) min = x;
    if (x.gt(max)) max = x;
  }
  return { n: values.length, total, min, max };
}

/** `sqrt(n·Σx² − (Σx)²)` = n·σ (the radicand is exact and never negative). */
function spreadRoot(n: number, total: Dec, squares: Dec): Dec {
  return squares.times(n).minus(total.times(total)).sqrt();
}

/** Why no measure has a value, if none does. */
function gap(s: Summary | undefined): FairnessValue | undefined {
  if (!s) return missing('no-territories');
  if (s.min.isNegative() && !s.min.isZero()) return missing('negative-values');
  return undefined;
}

/** CV from `Σx` and the root `n·σ`. */
function cvFromRoot(total: Dec, root: Dec): FairnessValue {
  return total.isZero() ? missing('mean-zero') : { value: decText(root.div(total)) };
}

/** CV of `n` non-negative values from their exact sums: `sqrt(n·Σx² − (Σx)²) / Σx`. */
export function cvOf(n: number, total: Dec, squares: Dec): FairnessValue {
  return cvFromRoot(total, spreadRoot(n, total, squares));
}

/** Max/min ratio of non-negative values from their largest and smallest. */
export function ratioOf(max: Dec, min: Dec): FairnessValue {
  return min.isZero() ? missing('min-zero') : { value: decText(max.div(min)) };
}

/** Gini of `n` non-negative values from `Σ_{i<j} |xᵢ − xⱼ|` (see {@link pairDifferences}): that over n·Σx. */
export function giniOf(n: number, total: Dec, pairs: Dec): FairnessValue {
  return total.isZero() ? missing('mean-zero') : { value: decText(pairs.div(total.times(n))) };
}

/** One fairness measure of `values` (one per territory), without computing the others. */
export function measureOf(values: readonly Dec[], measure: FairnessMeasure): FairnessValue {
  const s = summarise(values);
  const none = gap(s);
  if (none || !s) return none ?? missing('no-territories');
  if (measure === 'cv') return cvOf(s.n, s.total, sumOfSquares(values));
  return measure === 'gini' ? giniOf(s.n, s.total, pairDifferences(values)) : ratioOf(s.max, s.min);
}

/** The fairness of `values`, one per territory. */
export function fairnessOf(values: readonly Dec[]): Fairness {
  const s = summarise(values);
  if (!s) {
    const none = missing('no-territories');
    return {
      territories: 0,
      total: '0',
      mean: null,
      min: null,
      max: null,
      stdDev: null,
      cv: none,
      maxMinRatio: none,
      gini: none,
    };
  }
  const root = spreadRoot(s.n, s.total, sumOfSquares(values));
  const negative = gap(s);
  return {
    territories: s.n,
    total: decText(s.total),
    mean: decText(s.total.div(s.n)),
    min: decText(s.min),
    max: decText(s.max),
    stdDev: decText(root.div(s.n)),
    cv: negative ?? cvFromRoot(s.total, root),
    maxMinRatio: negative ?? ratioOf(s.max, s.min),
    gini: negative ?? giniOf(s.n, s.total, pairDifferences(values)),
  };
}

/** One measure of a fairness already computed. */
export function measureIn(fairness: Fairness, measure: FairnessMeasure): FairnessValue {
  return measure === 'cv' ? fairness.cv : measure === 'gini' ? fairness.gini : fairness.maxMinRatio;
}
