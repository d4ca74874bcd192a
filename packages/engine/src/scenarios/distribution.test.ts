import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { amountOf } from './amounts.js';
import { nearestRank, PERCENTILES, payoutDistribution } from './distribution.js';

const amounts = (...texts: string[]) => texts.map(amountOf);

describe('nearestRank', () => {
  it('is ⌈P × n / 100⌉, at least 1', () => {
    // n = 4: 10% → ⌈0.4⌉ = 1, 25% → ⌈1⌉ = 1, 50% → 2, 75% → 3, 90% → ⌈3.6⌉ = 4.
    expect(PERCENTILES.map((p) => nearestRank(p, 4))).toEqual([1, 1, 2, 3, 4]);
    // n = 10: 1, ⌈2.5⌉ = 3, 5, ⌈7.5⌉ = 8, 9.
    expect(PERCENTILES.map((p) => nearestRank(p, 10))).toEqual([1, 3, 5, 8, 9]);
    expect(nearestRank(100, 7)).toBe(7);
    expect(nearestRank(1, 1)).toBe(1);
  });

  it('refuses ranks of nothing and percentages out of range', () => {
    expect(() => nearestRank(50, 0)).toThrow(RangeError);
    expect(() => nearestRank(0, 5)).toThrow(RangeError);
    expect(() => nearestRank(101, 5)).toThrow(RangeError);
    // The value is quoted as the engine quotes values: a text from JavaScript shows as one.
    expect(() => nearestRank(50, '4' as unknown as number)).toThrow(
      new RangeError('nearestRank: n must be a whole number >= 1, not "4"'),
    );
    expect(() => nearestRank(2.5, 4)).toThrow(
      new RangeError('nearestRank: percent must be a whole number in 1..100, not 2.5'),
    );
  });
});

describe('payoutDistribution', () => {
  it('picks payouts by nearest rank and keeps cents', () => {
    // Sorted: 0, 100, 250.50, 1,000 (n = 4): p10 rank 1, p25 rank 1, p50 rank 2, p75 rank 3, p90 rank 4.
    // Mean (0 + 100 + 250.50 + 1,000) / 4 = 1,350.50 / 4 = 337.625 (more digits than cents).
    expect(payoutDistribution(amounts('250.50', '1000.00', '0.00', '100.00'))).toEqual({
      payees: 4,
      min: '0.00',
      p10: '0.00',
      p25: '0.00',
      p50: '100.00',
      p75: '250.50',
      p90: '1000.00',
      max: '1000.00',
      mean: '337.625',
    });
  });

  it('has no values without payees', () => {
    const empty = payoutDistribution([]);
    expect(empty.payees).toBe(0);
    expect([empty.min, empty.p50, empty.max, empty.mean]).toEqual([null, null, null, null]);
  });

  const payouts = fc.array(
    fc
      .integer({ min: -1_000_000, max: 100_000_000 })
      .map((cents) => amountOf(new Dec(cents).div(100).toFixed(2))),
    { minLength: 1, maxLength: 40 },
  );

  test.prop([payouts])('percentiles are monotone: min ≤ p10 ≤ p25 ≤ p50 ≤ p75 ≤ p90 ≤ max', (values) => {
    const d = payoutDistribution(values);
    const ladder = [d.min, d.p10, d.p25, d.p50, d.p75, d.p90, d.max].map((v) => new Dec(v ?? 'NaN'));
    for (let i = 1; i < ladder.length; i++) expect(ladder[i - 1]?.lte(ladder[i] as Dec)).toBe(true);
    expect(new Dec(d.mean ?? 'NaN').gte(ladder[0] as Dec)).toBe(true);
    expect(new Dec(d.mean ?? 'NaN').lte(ladder[6] as Dec)).toBe(true);
  });

  const payoutsShuffled = payouts.chain((values) =>
    fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
  );

  test.prop([payoutsShuffled])(
    'every percentile is a payout, whatever the order of the payees',
    ([values, shuffled]) => {
      const d = payoutDistribution(values);
      expect(payoutDistribution(shuffled)).toEqual(d);
      const texts = new Set(values.map((v) => v.value.toFixed(2)));
      for (const p of [d.min, d.p10, d.p25, d.p50, d.p75, d.p90, d.max])
        expect(texts.has(p ?? '')).toBe(true);
    },
  );
});
