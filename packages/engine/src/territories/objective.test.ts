import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { FAIRNESS_MEASURES, measureOf, pairDifferences, sumOfSquares } from './fairness.js';
import { compareKeys, measureOfKey, type ObjectiveKey, objectiveOf } from './objective.js';

const decs = (...values: number[]): Dec[] => values.map((v) => new Dec(v));

/** The key of totals computed from scratch. */
function scratch(measure: string, totals: Dec[]): ObjectiveKey {
  if (measure === 'cv') return { zeros: 0, num: sumOfSquares(totals), den: new Dec(1) };
  if (measure === 'gini') return { zeros: 0, num: pairDifferences(totals), den: new Dec(1) };
  const zeros = totals.filter((t) => t.isZero()).length;
  if (zeros > 0) return { zeros, num: new Dec(0), den: new Dec(1) };
  return { zeros: 0, num: Dec.max(...totals), den: Dec.min(...totals) };
}

describe('balancing objectives', () => {
  it('evaluates moves by hand: 1,000, 200, 300, moving 300 from the first to the second', () => {
    // After: 700, 500, 300. CV: Σx² goes from 1,130,000 by 2v(v + l − h) = 600 × (300 + 200 − 1,000)
    // = −300,000 to 830,000. Gini: Σ|xi − xj| goes from 800 + 700 + 100 = 1,600 to 200 + 400 + 200 = 800.
    // Max/min goes from 1,000 / 200 to 700 / 300.
    const totals = decs(1000, 200, 300);
    const v = new Dec(300);
    expect(objectiveOf('cv', totals).current.num.toString()).toBe('1130000');
    expect(objectiveOf('cv', totals).after(0, 1, v).num.toString()).toBe('830000');
    expect(objectiveOf('gini', totals).current.num.toString()).toBe('1600');
    expect(objectiveOf('gini', totals).after(0, 1, v).num.toString()).toBe('800');
    const ratio = objectiveOf('max-min-ratio', totals).after(0, 1, v);
    expect([ratio.zeros, ratio.num.toString(), ratio.den.toString()]).toEqual([0, '700', '300']);
  });

  it('reads each measure of the moved totals from the key of the move', () => {
    // 1,000, 200, 300 → 700, 500, 300 (Σ 1,500, n = 3). CV: Σx² = 830,000, sqrt(3 × 830,000 − 1,500²)
    // / 1,500 = sqrt(240,000) / 1,500 = 0.3265986...; Gini: 800 / (3 × 1,500) = 0.1777...;
    // max/min: 700 / 300 = 2.333...
    const totals = decs(1000, 200, 300);
    const read = (measure: (typeof FAIRNESS_MEASURES)[number]) =>
      measureOfKey(measure, objectiveOf(measure, totals).after(0, 1, new Dec(300)), 3, new Dec(1500)).value;
    expect(read('cv')).toBe('0.32659863237109041309297120996078551892879299742089');
    expect(read('gini')).toBe('0.17777777777777777777777777777777777777777777777778');
    expect(read('max-min-ratio')).toBe('2.3333333333333333333333333333333333333333333333333');
    // 500, 0, 0 → 400, 100, 0: a territory is still empty, so the ratio has no value.
    const empty = objectiveOf('max-min-ratio', decs(500, 0, 0)).after(0, 1, new Dec(100));
    expect(measureOfKey('max-min-ratio', empty, 3, new Dec(500))).toEqual({
      value: null,
      reason: 'min-zero',
    });
  });

  it('counts empty territories before the ratio: filling one is progress', () => {
    // 500, 0, 0: two empty territories. Moving 100 into one leaves one empty: better, though
    // max/min still has no value.
    const objective = objectiveOf('max-min-ratio', decs(500, 0, 0));
    expect(objective.current.zeros).toBe(2);
    expect(compareKeys(objective.after(0, 1, new Dec(100)), objective.current)).toBeLessThan(0);
    // Emptying the first territory is worse: 0, 500, 0.
    expect(compareKeys(objective.after(0, 1, new Dec(500)), objective.current)).toBe(0);
  });

  it('gives the key of the moved totals, as computed from scratch, for every measure', () => {
    const totals = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(
        totals,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...FAIRNESS_MEASURES),
        (values, i, j, k, measure) => {
          const from = i % values.length;
          const to = (from + 1 + (j % (values.length - 1))) % values.length;
          const current = values.map((x) => new Dec(x));
          fc.pre((values[from] as number) > 0);
          const v = new Dec(1 + (k % (values[from] as number)));
          const moved = current.slice();
          moved[from] = (moved[from] as Dec).minus(v);
          moved[to] = (moved[to] as Dec).plus(v);
          const objective = objectiveOf(measure, current);
          expect(compareKeys(objective.current, scratch(measure, current))).toBe(0);
          const after = objective.after(from, to, v);
          const expected = scratch(measure, moved);
          expect(after.zeros).toBe(expected.zeros);
          expect(compareKeys(after, expected)).toBe(0);
          // The same objective answers for another pair of territories, then for the first again.
          if ((values[to] as number) > 0) {
            const w = new Dec(1 + (k % (values[to] as number)));
            const back = current.slice();
            back[to] = (back[to] as Dec).minus(w);
            back[from] = (back[from] as Dec).plus(w);
            expect(compareKeys(objective.after(to, from, w), scratch(measure, back))).toBe(0);
          }
          expect(compareKeys(objective.after(from, to, v), expected)).toBe(0);
          // Given the search's order of the totals, ties in another order: the same key.
          const order = values
            .map((_, t) => t)
            .sort((a, b) => (values[a] as number) - (values[b] as number) || b - a);
          expect(compareKeys(objectiveOf(measure, current, order).after(from, to, v), expected)).toBe(0);
          // The key handed on: the measure read from it, and the next objective built on it.
          const total = current.reduce((sum, x) => sum.plus(x), new Dec(0));
          expect(measureOfKey(measure, after, values.length, total)).toEqual(measureOf(moved, measure));
          const next = objectiveOf(measure, moved, undefined, after);
          expect(next.current).toBe(after);
          expect(compareKeys(next.after(to, from, v), scratch(measure, current))).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
