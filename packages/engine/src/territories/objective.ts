/**
 * What the balancing routine minimises, evaluated exactly and incrementally: the effect of moving
 * an amount `v` from one territory's total to another's, without recomputing the whole measure.
 * Each objective orders designs exactly as its fairness measure does (for the same total):
 *
 * - `cv`: `Σx²` (with n and Σx fixed, CV = sqrt(n·Σx² − (Σx)²) / Σx grows with Σx²); a move
 *   changes it by `2v(v + l − h)`, where h and l are the two totals before the move;
 * - `gini`: `Σ_{i<j} |xᵢ − xⱼ|` (G is that over n·Σx); a move changes only the pairs with one of
 *   the two territories, found from the sorted totals and their prefix sums;
 * - `max-min-ratio`: first the number of empty territories (the ratio has no value while one
 *   is 0: filling one is progress), then `max / min`, compared by cross-multiplication.
 *
 * A search builds one objective per move from its one order of the totals, and hands on the key
 * of the move it made as the next objective's current key: Σx² or the pair sum is updated, not
 * recomputed, and the measure itself is read from the key ({@link measureOfKey}).
 */
import { compareDec, Dec, ONE, ZERO } from '../decimal.js';
import {
  cvOf,
  type FairnessMeasure,
  type FairnessValue,
  giniOf,
  ratioOf,
  sortedPairDifferences,
  sumOfSquares,
} from './fairness.js';

/** A value of an objective: smaller is fairer. `num / den` with `den > 0`, after `zeros`. */
export interface ObjectiveKey {
  zeros: number;
  num: Dec;
  den: Dec;
}

/** Order of two keys: negative when `a` is fairer. */
export function compareKeys(a: ObjectiveKey, b: ObjectiveKey): number {
  if (a.zeros !== b.zeros) return a.zeros - b.zeros;
  return compareDec(a.num.times(b.den), b.num.times(a.den));
}

/** An objective over the current territory totals. */
export interface Objective {
  /** The key of the current totals. */
  readonly current: ObjectiveKey;
  /** The key after moving `v` (positive, at most `totals[from]`) from `from` to `to`. */
  after(from: number, to: number, v: Dec): ObjectiveKey;
}

const key = (num: Dec, zeros = 0, den: Dec = ONE): ObjectiveKey => ({ zeros, num, den });

function cvObjective(totals: readonly Dec[], current: ObjectiveKey | undefined): Objective {
  const squares = current?.num ?? sumOfSquares(totals);
  return {
    current: current ?? key(squares),
    after: (from, to, v) => {
      const h = totals[from] as Dec;
      const l = totals[to] as Dec;
      return key(squares.plus(v.times(2).times(v.plus(l).minus(h))));
    },
  };
}

function giniObjective(
  totals: readonly Dec[],
  order: readonly number[],
  current: ObjectiveKey | undefined,
): Objective {
  const sorted = order.map((i) => totals[i] as Dec);
  const n = sorted.length;
  const prefix: Dec[] = [ZERO];
  for (const x of sorted) prefix.push((prefix[prefix.length - 1] as Dec).plus(x));
  const all = prefix[n] as Dec;
  // 2·lo − n for each lo, as decimals made once.
  const weights = Array.from({ length: n + 1 }, (_, lo) => new Dec(2 * lo - n));
  /** `Σₖ |y − xₖ|` over every current total. */
  const distance = (y: Dec): Dec => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as Dec).lt(y)) lo = mid + 1;
      else hi = mid;
    }
    // y·lo − Σbelow + Σabove − y·(n − lo), with Σabove = all − Σbelow.
    const below = prefix[lo] as Dec;
    return y
      .times(weights[lo] as Dec)
      .plus(all)
      .minus(below)
      .minus(below);
  };
  const pairs = current?.num ?? sortedPairDifferences(sorted);
  // The pairs with h or l before a move depend only on the two territories: kept for the next move.
  let last = { from: -1, to: -1, before: ZERO };
  return {
    current: current ?? key(pairs),
    after: (from, to, v) => {
      const h = totals[from] as Dec;
      const l = totals[to] as Dec;
      const h2 = h.minus(v);
      const l2 = l.plus(v);
      // The pairs with h or l, before and after; the other totals do not move.
      if (last.from !== from || last.to !== to)
        last = { from, to, before: distance(h).plus(distance(l)).minus(h.minus(l).abs()) };
      const before = last.before;
      const after = distance(h2)
        .minus(h2.minus(h).abs())
        .minus(h2.minus(l).abs())
        .plus(distance(l2))
        .minus(l2.minus(h).abs())
        .minus(l2.minus(l).abs())
        .plus(h2.minus(l2).abs());
      return key(pairs.minus(before).plus(after));
    },
  };
}

function maxMinObjective(
  totals: readonly Dec[],
  order: readonly number[],
  current: ObjectiveKey | undefined,
): Objective {
  // Three from each end are enough: a move changes two totals.
  const lowest = order.slice(0, 3);
  const highest = order.slice(-3).reverse();
  let zeros = 0;
  for (const x of totals) if (x.isZero()) zeros++;
  const ratio = (max: Dec, min: Dec, z: number): ObjectiveKey => (z > 0 ? key(ZERO, z) : key(max, 0, min));
  const first = order[0];
  const last = order[order.length - 1];
  return {
    current:
      current ??
      (first === undefined || last === undefined
        ? key(ZERO)
        : ratio(totals[last] as Dec, totals[first] as Dec, zeros)),
    after: (from, to, v) => {
      const h2 = (totals[from] as Dec).minus(v);
      const l2 = (totals[to] as Dec).plus(v);
      let max = h2.gt(l2) ? h2 : l2;
      let min = h2.lt(l2) ? h2 : l2;
      const other = (list: number[]): Dec | undefined => {
        const i = list.find((j) => j !== from && j !== to);
        return i === undefined ? undefined : totals[i];
      };
      const high = other(highest);
      const low = other(lowest);
      if (high?.gt(max)) max = high;
      if (low?.lt(min)) min = low;
      const z =
        zeros -
        ((totals[from] as Dec).isZero() ? 1 : 0) -
        ((totals[to] as Dec).isZero() ? 1 : 0) +
        (h2.isZero() ? 1 : 0) +
        (l2.isZero() ? 1 : 0);
      return ratio(max, min, z);
    },
  };
}

/** The territories by total, smallest first (ties by index). */
function ascending(totals: readonly Dec[]): number[] {
  return totals.map((_, i) => i).sort((a, b) => compareDec(totals[a] as Dec, totals[b] as Dec) || a - b);
}

/**
 * The objective of `measure` over the current totals (all non-negative). `order` lists the
 * territories by total, smallest first (ties in any order); `current`, when given, is the key of
 * these totals as a previous objective's `after` gave it, and is not computed again.
 */
export function objectiveOf(
  measure: FairnessMeasure,
  totals: readonly Dec[],
  order?: readonly number[],
  current?: ObjectiveKey,
): Objective {
  return measure === 'cv'
    ? cvObjective(totals, current)
    : measure === 'gini'
      ? giniObjective(totals, order ?? ascending(totals), current)
      : maxMinObjective(totals, order ?? ascending(totals), current);
}

/**
 * The fairness measure of `n` totals summing to `total` (none negative) whose key is `key`: the
 * value `measureOf` gives for those totals, read from the key's exact sums.
 */
export function measureOfKey(
  measure: FairnessMeasure,
  key: ObjectiveKey,
  n: number,
  total: Dec,
): FairnessValue {
  if (measure === 'cv') return cvOf(n, total, key.num);
  if (measure === 'gini') return giniOf(n, total, key.num);
  // Some territory is empty (zeros > 0): the minimum is 0.
  return key.zeros > 0 ? ratioOf(ZERO, ZERO) : ratioOf(key.num, key.den);
}
