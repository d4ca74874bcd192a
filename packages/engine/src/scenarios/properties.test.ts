/**
 * Properties of plan comparisons over generated payees and deals (fast-check).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DataRecord, Dataset } from '../data/dataset.js';
import type { CalculateOptions } from '../data/options.js';
import { Dec } from '../decimal.js';
import { payee } from '../test-support.js';
import { comparePlans } from './compare-plans.js';
import type { ComparisonDifference, PlanComparison } from './comparison.js';
import { planA, planB } from './test-support.js';

const PAYEES = ['p1', 'p2', 'p3', 'p4', 'p5'];

/** A day of the first half of 2026. */
function dayOfH1(n: number): string {
  return new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);
}

const dealArb = fc.record({
  owner: fc.constantFrom(...PAYEES),
  cents: fc.integer({ min: -1_000_000, max: 30_000_000 }),
  day: fc.integer({ min: 1, max: 181 }),
  bad: fc.boolean(),
});

/** Payees with quotas (some zero), deals across Q1 and Q2, now and then a row that is not valid. */
const datasetArb = fc
  .record({
    quotas: fc.array(fc.integer({ min: 0, max: 500_000 }), {
      minLength: PAYEES.length,
      maxLength: PAYEES.length,
    }),
    deals: fc.array(dealArb, { maxLength: 20 }),
  })
  .map(
    ({ quotas, deals }): Dataset => ({
      payees: PAYEES.map((id, i) => payee(id, { quota: String(quotas[i] ?? 0) })),
      records: {
        deals: deals.map(
          (d, i): DataRecord => ({
            row: i + 1,
            values: {
              id: `D${i + 1}`,
              owner: d.owner,
              amount: d.bad && i % 5 === 0 ? 'n/a' : new Dec(d.cents).div(100).toFixed(2),
              close_date: dayOfH1(d.day),
            },
          }),
        ),
      },
    }),
  );

const optionsArb: fc.Arbitrary<CalculateOptions> = fc.record({
  periods: fc.constantFrom(['2026-Q1'], ['2026-Q2'], ['2026-Q1', '2026-Q2']).map((periods) => [...periods]),
  mode: fc.constantFrom('strict' as const, 'lenient' as const),
});

/** Every figure of a difference, in a fixed order. */
function figures(d: ComparisonDifference): (string | null)[] {
  return [
    d.payout,
    d.earned,
    d.creditedRevenue,
    d.costOfSales,
    ...Object.values(d.distribution),
    d.quotaShare,
    d.acceleratorShare,
    d.payForPerformance,
  ];
}

const isZero = (text: string | null) => text === null || new Dec(text).isZero();
const negates = (x: string | null, y: string | null) =>
  x === null ? y === null : y !== null && new Dec(x).eq(new Dec(y).neg());

/** The same list in another order, chosen by fast-check. */
const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length });

describe('plan comparison properties', () => {
  test.prop([datasetArb, optionsArb])(
    'no change gives zero delta: a plan compared with itself has no differences',
    (data, options) => {
      for (const plan of [planA, planB]) {
        const comparison = comparePlans(plan, plan, data, options);
        expect(figures(comparison.difference).every(isZero)).toBe(true);
        expect(comparison.difference.payees).toBe(0);
        expect(comparison.payees.every((p) => isZero(p.payoutDelta) && isZero(p.payoutChange))).toBe(true);
        expect(comparison.a).toEqual(comparison.b);
      }
    },
  );

  test.prop([datasetArb, optionsArb])('swapping the sides negates every difference', (data, options) => {
    const ab = comparePlans(planA, planB, data, options);
    const ba = comparePlans(planB, planA, data, options);
    expect([ba.a, ba.b]).toEqual([ab.b, ab.a]);
    expect(ba.difference.payees + ab.difference.payees).toBe(0);
    const [x, y] = [figures(ab.difference), figures(ba.difference)];
    expect(x.every((value, i) => negates(value, y[i] ?? null))).toBe(true);
    expect(ba.payees.map((p) => p.payee)).toEqual(ab.payees.map((p) => p.payee));
    expect(ab.payees.every((p, i) => negates(p.payoutDelta, ba.payees[i]?.payoutDelta ?? null))).toBe(true);
  });

  test.prop([
    datasetArb.chain((data) =>
      fc.tuple(fc.constant(data), shuffled(data.payees), shuffled(data.records.deals ?? [])),
    ),
    optionsArb,
  ])('the comparison does not depend on the order of the input records', ([data, payees, deals], options) => {
    const reordered: Dataset = { payees, records: { deals } };
    const json = (c: PlanComparison) => JSON.stringify(c);
    expect(json(comparePlans(planA, planB, reordered, options))).toBe(
      json(comparePlans(planA, planB, data, options)),
    );
  });

  test.prop([datasetArb, optionsArb])(
    'percentiles never decrease, and lie within min and max',
    (data, options) => {
      const comparison = comparePlans(planA, planB, data, options);
      for (const side of [comparison.a, comparison.b]) {
        const d = side.distribution;
        const ladder = [d.min, d.p10, d.p25, d.p50, d.p75, d.p90, d.max];
        if (side.payees === 0) {
          expect(ladder.every((v) => v === null)).toBe(true);
          continue;
        }
        const values = ladder.map((v) => new Dec(v ?? 'NaN'));
        for (let i = 1; i < values.length; i++) expect(values[i - 1]?.lte(values[i] as Dec)).toBe(true);
      }
    },
  );
});
