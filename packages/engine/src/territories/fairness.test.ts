import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import {
  FAIRNESS_MEASURES,
  fairnessOf,
  measureIn,
  measureOf,
  pairDifferences,
  sumOfSquares,
} from './fairness.js';

const decs = (...values: (number | string)[]): Dec[] => values.map((v) => new Dec(v));

describe('fairness measures', () => {
  it('computes CV, max/min and Gini of 10, 20, 30 by hand', () => {
    // n = 3, Σx = 60, μ = 20, Σx² = 100 + 400 + 900 = 1,400.
    // n·Σx² − (Σx)² = 4,200 − 3,600 = 600 = n²σ², so σ = sqrt(600) / 3 = 8.1649658...
    // CV = σ / μ = sqrt(600) / 60 = 0.4082482904...; sqrt(600) = 24.494897427831780981972840747058913919659474806567.
    // max/min = 30 / 10 = 3.
    // Gini: Σ_{i<j} |xi − xj| = 10 + 20 + 10 = 40; G = 40 / (n·Σx) = 40 / 180 = 0.2222...
    const f = fairnessOf(decs(20, 10, 30));
    expect(f).toEqual({
      territories: 3,
      total: '60',
      mean: '20',
      min: '10',
      max: '30',
      stdDev: '8.1649658092772603273242802490196379732198249355223',
      cv: { value: '0.40824829046386301636621401245098189866099124677612' },
      maxMinRatio: { value: '3' },
      gini: { value: '0.22222222222222222222222222222222222222222222222222' },
    });
  });

  it('computes the measures of four territories of unequal potential by hand', () => {
    // 500, 1,000, 300, 200: Σx = 2,000, μ = 500, Σx² = 250,000 + 1,000,000 + 90,000 + 40,000 = 1,380,000.
    // n·Σx² − (Σx)² = 5,520,000 − 4,000,000 = 1,520,000; sqrt = 1,232.88280059379529...
    // CV = 1,232.8828... / 2,000 = 0.6164414002968976...; max/min = 1,000 / 200 = 5.
    // Gini: sorted 200, 300, 500, 1,000 with weights 2i − n − 1 = −3, −1, 1, 3:
    // −600 − 300 + 500 + 3,000 = 2,600 (the six pair differences 100 + 300 + 800 + 200 + 700 + 500);
    // G = 2,600 / (4 × 2,000) = 0.325.
    const f = fairnessOf(decs(500, 1000, 300, 200));
    expect(f.cv.value).toBe('0.61644140029689764502501923814542442252356240234445');
    expect(f.stdDev).toBe('308.22070014844882251250961907271221126178120117223');
    expect(f.maxMinRatio.value).toBe('5');
    expect(f.gini.value).toBe('0.325');
  });

  it('is 0, 1 and 0 for a perfectly even design', () => {
    const f = fairnessOf(decs('12.5', '12.5', '12.5'));
    expect([f.cv.value, f.maxMinRatio.value, f.gini.value, f.stdDev]).toEqual(['0', '1', '0', '0']);
  });

  it('gives edge cases as data: no territories, a mean of 0, a minimum of 0, negative values', () => {
    expect(fairnessOf([])).toEqual({
      territories: 0,
      total: '0',
      mean: null,
      min: null,
      max: null,
      stdDev: null,
      cv: { value: null, reason: 'no-territories' },
      maxMinRatio: { value: null, reason: 'no-territories' },
      gini: { value: null, reason: 'no-territories' },
    });
    const zero = fairnessOf(decs(0, 0));
    expect([zero.cv, zero.maxMinRatio, zero.gini]).toEqual([
      { value: null, reason: 'mean-zero' },
      { value: null, reason: 'min-zero' },
      { value: null, reason: 'mean-zero' },
    ]);
    // 0 and 100: the ratio has no value, but CV = sqrt(2 × 10,000 − 10,000) / 100 = 1 and
    // G = 100 / (2 × 100) = 0.5.
    const empty = fairnessOf(decs(0, 100));
    expect([empty.cv.value, empty.maxMinRatio, empty.gini.value]).toEqual([
      '1',
      { value: null, reason: 'min-zero' },
      '0.5',
    ]);
    const negative = fairnessOf(decs(-5, 10));
    expect(negative.cv).toEqual({ value: null, reason: 'negative-values' });
    expect(negative.gini).toEqual({ value: null, reason: 'negative-values' });
    expect(negative.mean).toBe('2.5');
    expect(measureOf([], 'gini')).toEqual({ value: null, reason: 'no-territories' });
    expect(measureOf(decs(-5, 10), 'max-min-ratio')).toEqual({ value: null, reason: 'negative-values' });
    expect(measureOf(decs(0, 100), 'max-min-ratio')).toEqual({ value: null, reason: 'min-zero' });
    expect(measureOf(decs(0, 0), 'cv')).toEqual({ value: null, reason: 'mean-zero' });
  });

  it('computes the Gini sum as the sum of every pair difference, exactly', () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 30 });
    fc.assert(
      fc.property(amounts, (cents) => {
        const values = cents.map((c) => new Dec(c).div(100));
        let brute = new Dec(0);
        for (let i = 0; i < values.length; i++)
          for (let j = i + 1; j < values.length; j++)
            brute = brute.plus((values[i] as Dec).minus(values[j] as Dec).abs());
        expect(pairDifferences(values).eq(brute)).toBe(true);
        let squares = new Dec(0);
        for (const v of values) squares = squares.plus(v.pow(2));
        expect(sumOfSquares(values).eq(squares)).toBe(true);
      }),
    );
  });

  it('keeps every measure within its range, independent of the order of territories, alone or with the others', () => {
    const amounts = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(amounts, (values) => {
        const f = fairnessOf(values.map((v) => new Dec(v)));
        const reversed = fairnessOf(values.map((v) => new Dec(v)).reverse());
        expect(reversed).toEqual(f);
        const gini = new Dec(f.gini.value as string);
        expect(gini.gte(0) && gini.lt(1)).toBe(true);
        expect(new Dec(f.maxMinRatio.value as string).gte(1)).toBe(true);
        expect(new Dec(f.cv.value as string).gte(0)).toBe(true);
        for (const m of FAIRNESS_MEASURES)
          expect(
            measureOf(
              values.map((v) => new Dec(v)),
              m,
            ),
          ).toEqual(measureIn(f, m));
      }),
    );
  });
});
