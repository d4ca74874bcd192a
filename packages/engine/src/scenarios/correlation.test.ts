import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec, decText } from '../decimal.js';
import { type Pair, pearson } from './correlation.js';

const pairs = (...xy: [string, string][]): Pair[] => xy.map(([x, y]) => ({ x: new Dec(x), y: new Dec(y) }));

describe('pearson', () => {
  it('is 1 when payout rises in step with attainment, −1 when it falls', () => {
    // y = 10,000 × x: a straight line.
    expect(pearson(pairs(['0.5', '5000'], ['1', '10000'], ['1.5', '15000']))).toBe('1');
    expect(pearson(pairs(['0.5', '15000'], ['1', '10000'], ['1.5', '5000']))).toBe('-1');
  });

  it('computes r exactly up to the square root', () => {
    // x = 0, 1, 2; y = 0, 2, 1. n = 3, Σx = 3, Σy = 3, Σxy = 0 + 2 + 2 = 4, Σx² = 5, Σy² = 5.
    // r = (3 × 4 − 3 × 3) / sqrt((3 × 5 − 9) × (3 × 5 − 9)) = 3 / 6 = 0.5.
    expect(pearson(pairs(['0', '0'], ['1', '2'], ['2', '1']))).toBe('0.5');
    // x = 0, 1, 2, 3; y = 1, 3, 2, 5. Σx = 6, Σy = 11, Σxy = 0 + 3 + 4 + 15 = 22, Σx² = 14, Σy² = 39.
    // r = (88 − 66) / sqrt((56 − 36) × (156 − 121)) = 22 / sqrt(700) = 0.83152184…
    expect(pearson(pairs(['0', '1'], ['1', '3'], ['2', '2'], ['3', '5']))).toBe('0.8315218406');
    // Anti-correlated, not perfectly: x = 0, 1, 2; y = 2, 0, 1. Σx = 3, Σy = 3, Σxy = 0 + 0 + 2 = 2,
    // Σx² = Σy² = 5. r = (3 × 2 − 3 × 3) / sqrt((15 − 9) × (15 − 9)) = −3 / 6 = −0.5.
    expect(pearson(pairs(['0', '2'], ['1', '0'], ['2', '1']))).toBe('-0.5');
    // Unrelated: x = 0, 1, 2, 3; y = 1, 0, 0, 1. Σxy = 0 + 0 + 0 + 3 = 3, Σx = 6, Σy = 2: 4 × 3 − 6 × 2 = 0.
    expect(pearson(pairs(['0', '1'], ['1', '0'], ['2', '0'], ['3', '1']))).toBe('0');
  });

  it('has no value for fewer than two payees or when nothing varies', () => {
    expect(pearson([])).toBeNull();
    expect(pearson(pairs(['1', '100']))).toBeNull();
    expect(pearson(pairs(['1', '100'], ['1', '200']))).toBeNull(); // every attainment 100%
    expect(pearson(pairs(['0.5', '100'], ['1', '100']))).toBeNull(); // everyone paid the same
  });

  const data = fc.array(
    fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: -1000, max: 1_000_000 }) }),
    { minLength: 2, maxLength: 30 },
  );
  const toPairs = (list: { x: number; y: number }[]) =>
    list.map(({ x, y }) => ({ x: new Dec(x).div(100), y: new Dec(y).div(100) }));

  test.prop([data])(
    'lies in [-1, 1] and does not change when payouts are scaled or shifted, or x and y swapped',
    (list) => {
      const r = pearson(toPairs(list));
      if (r !== null) expect(new Dec(r).abs().lte(1)).toBe(true);
      const scaled = toPairs(list).map(({ x, y }) => ({ x, y: y.times(3).plus(250) }));
      expect(pearson(scaled)).toBe(r);
      expect(pearson(toPairs(list).map(({ x, y }) => ({ x: y, y: x })))).toBe(r);
    },
  );

  test.prop([data])('changes sign, exactly, when payouts are negated', (list) => {
    const r = pearson(toPairs(list));
    const negated = pearson(toPairs(list).map(({ x, y }) => ({ x, y: y.neg() })));
    expect(negated).toBe(r === null ? null : decText(new Dec(r).neg()));
  });

  // A payout that is a straight line of attainment, y = a·x + b: r is exactly 1 when it rises
  // (a > 0) and −1 when it falls (a < 0), whatever a and b, once attainments differ.
  const line = fc.record({
    xs: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 30 }),
    a: fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((a) => a !== 0),
    b: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  });
  test.prop([line])('is 1 on a rising straight line and −1 on a falling one', ({ xs, a, b }) => {
    const points = xs.map((x) => ({ x: new Dec(x).div(100), y: new Dec(a).times(x).div(100).plus(b) }));
    const expected = new Set(xs).size < 2 ? null : a > 0 ? '1' : '-1';
    expect(pearson(points)).toBe(expected);
  });
});
