import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import { payee, planOf, quarterly, rows } from '../test-support.js';
import { compareCalculated, comparePlans, compareScenarios } from './compare-plans.js';
import { DEALS, dataset, planA, planB, Q1 } from './test-support.js';

// Payouts, deal by deal (marginal tiers, per line):
// A (quota 100,000; 250,000 for p5; 10% to 100%, 20% above):
//   p1 50,000 × 10% = 5,000; p2 6,000 + 4,000 = 10,000 (exactly 100%, all in tier 1);
//   p3 100,000 × 10% + 50,000 × 20% = 20,000 (tier 2: accelerated); p4 0; p5 100,000 × 10% = 10,000.
//   Total 45,000.
// B (quota halved: 50,000, 125,000 for p5; 5% to 100%, 10% above; 1,000 at 100%):
//   p1 50,000 × 5% = 2,500 + 1,000 = 3,500 (exactly 100%, tier 1);
//   p2 D2 50,000 × 5% + 10,000 × 10% = 3,500, D3 40,000 × 10% = 4,000, + 1,000 = 8,500 (accelerated);
//   p3 2,500 + 100,000 × 10% + 1,000 = 13,500 (accelerated); p4 0; p5 100,000 × 5% = 5,000.
//   Total 30,500.
describe('comparePlans', () => {
  const comparison = comparePlans(planA, planB, dataset, Q1);

  it('totals payout, earned and credited revenue, and their differences', () => {
    expect(comparison.a.payout).toBe('45000.00');
    expect(comparison.b.payout).toBe('30500.00');
    expect(comparison.a.earned).toBe('45000.00');
    expect(comparison.b.earned).toBe('30500.00');
    // Every deal credits its owner once: 50,000 + 100,000 + 150,000 + 100,000 = 400,000.
    // Money totals carry the plan's 2 decimals, though credits keep only the digits they need.
    expect([comparison.a.creditedRevenue, comparison.b.creditedRevenue]).toEqual(['400000.00', '400000.00']);
    expect(comparison.difference.payout).toBe('-14500.00');
    expect(comparison.difference.payoutChange).toBe('-0.32222222222222222222222222222222222222222222222222'); // −14,500 / 45,000
    expect(comparison.difference.earned).toBe('-14500.00');
    expect(comparison.difference.creditedRevenue).toBe('0.00');
    expect([comparison.a.payees, comparison.a.statements, comparison.difference.payees]).toEqual([5, 5, 0]);
  });

  it('gives cost of sales as payout over credited revenue', () => {
    // 45,000 / 400,000 = 0.1125; 30,500 / 400,000 = 0.07625; difference −0.03625.
    expect(comparison.a.costOfSales).toBe('0.1125');
    expect(comparison.b.costOfSales).toBe('0.07625');
    expect(comparison.difference.costOfSales).toBe('-0.03625');
  });

  it('gives the payout distribution by nearest rank', () => {
    // n = 5: ranks ⌈10×5/100⌉ = 1, ⌈1.25⌉ = 2, ⌈2.5⌉ = 3, ⌈3.75⌉ = 4, ⌈4.5⌉ = 5.
    // A sorted: 0, 5,000, 10,000, 10,000, 20,000; mean 45,000 / 5 = 9,000.
    expect(comparison.a.distribution).toEqual({
      payees: 5,
      min: '0.00',
      p10: '0.00',
      p25: '5000.00',
      p50: '10000.00',
      p75: '10000.00',
      p90: '20000.00',
      max: '20000.00',
      mean: '9000.00',
    });
    // B sorted: 0, 3,500, 5,000, 8,500, 13,500; mean 30,500 / 5 = 6,100.
    expect(comparison.b.distribution).toEqual({
      payees: 5,
      min: '0.00',
      p10: '0.00',
      p25: '3500.00',
      p50: '5000.00',
      p75: '8500.00',
      p90: '13500.00',
      max: '13500.00',
      mean: '6100.00',
    });
    expect(comparison.difference.distribution).toEqual({
      min: '0.00',
      p10: '0.00',
      p25: '-1500.00',
      p50: '-5000.00',
      p75: '-1500.00',
      p90: '-6500.00',
      max: '-6500.00',
      mean: '-2900.00',
    });
  });

  it('counts payees at or above quota', () => {
    // A attainments 0.5, 1, 1.5, 0, 0.4: p2 and p3, 2 of 5. B 1, 2, 3, 0, 0.8: p1, p2, p3, 3 of 5.
    expect(comparison.a.quota).toEqual({ payees: 5, atOrAbove: 2, share: '0.4' });
    expect(comparison.b.quota).toEqual({ payees: 5, atOrAbove: 3, share: '0.6' });
    expect(comparison.difference.quotaShare).toBe('0.2');
  });

  it('counts payees paid in an accelerator tier', () => {
    // Tier 2 (from 100%) pays more than tier 1 in both plans. A: only p3's D4 reaches it (p2 stops
    // at exactly 100%), 1 of 5. B: p2 (D2 and D3) and p3, 2 of 5; p1 stops at exactly 100%.
    expect(comparison.a.accelerators).toEqual({ payees: 1, share: '0.2' });
    expect(comparison.b.accelerators).toEqual({ payees: 2, share: '0.4' });
    expect(comparison.difference.acceleratorShare).toBe('0.2');
    expect(comparison.payees.map((p) => [p.payee, p.a?.accelerated, p.b?.accelerated])).toEqual([
      ['p1', false, false],
      ['p2', false, true],
      ['p3', true, true],
      ['p4', false, false],
      ['p5', false, false],
    ]);
  });

  it('correlates attainment and payout (pay for performance)', () => {
    // A: x = 0.5, 1, 1.5, 0, 0.4; y = 5,000, 10,000, 20,000, 0, 10,000; n = 5.
    // Σx = 3.4, Σy = 45,000, Σxy = 2,500 + 10,000 + 30,000 + 4,000 = 46,500,
    // Σx² = 3.66, Σy² = 625,000,000.
    // r = (5 × 46,500 − 3.4 × 45,000) / sqrt((5 × 3.66 − 3.4²) × (5 × 625,000,000 − 45,000²))
    //   = 79,500 / sqrt(6.74 × 1,100,000,000) = 79,500 / 86,104.5875… = 0.92329575283…
    expect(comparison.a.payForPerformance).toBe('0.9232957528');
    // B: x = 1, 2, 3, 0, 0.8; y = 3,500, 8,500, 13,500, 0, 5,000.
    // Σx = 6.8, Σy = 30,500, Σxy = 3,500 + 17,000 + 40,500 + 4,000 = 65,000, Σx² = 14.64,
    // Σy² = 291,750,000. r = (325,000 − 207,400) / sqrt((73.2 − 46.24) × (1,458,750,000 − 930,250,000))
    //   = 117,600 / sqrt(26.96 × 528,500,000) = 117,600 / 119,366.49… = 0.98520108620…
    expect(comparison.b.payForPerformance).toBe('0.9852010862');
    expect(comparison.difference.payForPerformance).toBe('0.0619053334');
  });

  it('lists every payee with payout A, payout B, delta and change', () => {
    expect(
      comparison.payees.map((p) => [p.payee, p.a?.payout, p.b?.payout, p.payoutDelta, p.payoutChange]),
    ).toEqual([
      ['p1', '5000.00', '3500.00', '-1500.00', '-0.3'], // −1,500 / 5,000
      ['p2', '10000.00', '8500.00', '-1500.00', '-0.15'],
      ['p3', '20000.00', '13500.00', '-6500.00', '-0.325'],
      ['p4', '0.00', '0.00', '0.00', null], // no change from nothing
      ['p5', '10000.00', '5000.00', '-5000.00', '-0.5'],
    ]);
    expect(comparison.payees[1]).toEqual({
      payee: 'p2',
      payeeName: 'P2',
      a: { statements: 1, payout: '10000.00', earned: '10000.00', attainment: '1', accelerated: false },
      b: { statements: 1, payout: '8500.00', earned: '8500.00', attainment: '2', accelerated: true },
      payoutDelta: '-1500.00',
      payoutChange: '-0.15',
    });
  });

  it('names each side and the run', () => {
    expect([comparison.periods, comparison.mode, comparison.asOf, comparison.currency]).toEqual([
      ['2026-Q1'],
      'strict',
      '2026-03-31',
      'USD',
    ]);
    expect(comparison.a.plan.hash).not.toBe(comparison.b.plan.hash);
    expect(comparison.a.dataHash).toBe(comparison.b.dataHash);
    expect([comparison.a.errors, comparison.a.rejected, comparison.a.warnings]).toEqual([[], [], 0]);
  });
});

describe('compareScenarios', () => {
  it('compares one plan over two quota designs', () => {
    // Design B gives p1 a quota of 40,000 instead of 100,000: p1's 50,000 is 125% of it. Plan A's
    // marginal tiers pay 40,000 × 10% = 4,000 up to quota and 10,000 × 20% = 2,000 above: 6,000
    // instead of 5,000. Payout 45,000 → 46,000 (+1,000, change 1,000 / 45,000 = 0.0222...); p1
    // reaches quota (2 → 3 of 5 payees) and an accelerator (p3 alone → p1 and p3: 0.2 → 0.4).
    // Nothing else changes: the same deals credit the same 400,000.
    const quotas = {
      ...dataset,
      payees: dataset.payees.map((p) => (p.id === 'p1' ? { ...p, attributes: { quota: '40000' } } : p)),
    };
    const comparison = compareScenarios({ plan: planA, data: dataset }, { plan: planA, data: quotas }, Q1);
    expect([comparison.a.payout, comparison.b.payout]).toEqual(['45000.00', '46000.00']);
    expect(comparison.difference.payout).toBe('1000.00');
    expect(comparison.difference.payoutChange).toBe('0.022222222222222222222222222222222222222222222222222');
    expect(comparison.difference.creditedRevenue).toBe('0.00');
    expect(comparison.a.quota.atOrAbove).toBe(2);
    expect(comparison.b.quota.atOrAbove).toBe(3);
    expect(comparison.difference.acceleratorShare).toBe('0.2');
    expect(comparison.a.dataHash).not.toBe(comparison.b.dataHash);
    expect(comparison.a.plan.hash).toBe(comparison.b.plan.hash);
    expect(comparison.payees[0]).toMatchObject({
      payee: 'p1',
      a: { payout: '5000.00', attainment: '0.5', accelerated: false },
      b: { payout: '6000.00', attainment: '1.25', accelerated: true },
      payoutDelta: '1000.00',
      payoutChange: '0.2', // 1,000 / 5,000
    });
    expect(comparison.payees.slice(1).every((p) => p.payoutDelta === '0.00')).toBe(true);
  });

  it('returns the data errors of either side as data', () => {
    const bad = {
      ...dataset,
      records: {
        deals: [
          ...(dataset.records.deals ?? []),
          { row: 6, values: { id: 'D6', owner: 'p9', amount: 'x', close_date: '2026-01-01' } },
        ],
      },
    };
    const strict = compareScenarios({ plan: planA, data: dataset }, { plan: planB, data: bad }, Q1);
    expect(strict.a.errors).toEqual([]);
    expect(strict.b.errors.map((e) => [e.source, e.row, e.field, e.code])).toEqual([
      ['deals', 6, 'amount', 'bad-number'],
      ['deals', 6, 'owner', 'unknown-payee'],
    ]);
    // Strict: side B calculated nothing, so every payee is missing there.
    expect(strict.b.statements).toBe(0);
    expect(strict.b.distribution.p50).toBeNull();
    expect(strict.b.costOfSales).toBeNull();
    expect(strict.difference.distribution.p50).toBeNull();
    expect(strict.payees.map((p) => [p.payee, p.b, p.payoutDelta])).toEqual([
      ['p1', null, '-5000.00'],
      ['p2', null, '-10000.00'],
      ['p3', null, '-20000.00'],
      ['p4', null, '0.00'],
      ['p5', null, '-10000.00'],
    ]);

    const lenient = compareScenarios(
      { plan: planA, data: dataset },
      { plan: planB, data: bad },
      { ...Q1, mode: 'lenient' },
    );
    expect(lenient.b.rejected.map((r) => [r.source, r.row, r.key])).toEqual([['deals', 6, 'D6']]);
    expect(lenient.b.payout).toBe('30500.00');
  });

  it('throws on plans paid in different currencies', () => {
    const euros = planOf(
      quarterly(`${DEALS}\n  commission c = 0 EUR`).replace('currency USD', 'currency EUR'),
    );
    expect(() =>
      compareScenarios({ plan: planA, data: dataset }, { plan: euros, data: dataset }, Q1),
    ).toThrow(RangeError);
  });
});

describe('compareCalculated', () => {
  it('compares results already calculated, and refuses results over other periods', () => {
    const a = calculate(planA, dataset, Q1);
    const b = calculate(planB, dataset, Q1);
    expect(compareCalculated({ plan: planA, results: a }, { plan: planB, results: b })).toEqual(
      comparePlans(planA, planB, dataset, Q1),
    );
    const q2 = calculate(planB, dataset, { ...Q1, periods: ['2026-Q2'] });
    expect(() => compareCalculated({ plan: planA, results: a }, { plan: planB, results: q2 })).toThrow(
      /cannot compare results over 2026-Q1 with results over 2026-Q2/,
    );
  });

  it('counts a payee on one side only, with a missing side paying nothing', () => {
    // p6 is assigned to plan "Test" (A) until the end of January; the only deal is p6's D7.
    const data = {
      ...dataset,
      payees: [
        ...dataset.payees,
        payee('p6', { quota: '100000' }, { plans: [{ plan: 'Test', to: '2026-01-31' }] }),
      ],
      records: { deals: [...rows({ id: 'D7', owner: 'p6', amount: '1000', close_date: '2026-01-20' })] },
    };
    const renamed = planOf(
      quarterly(`${DEALS}
  quota q = payee.quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  commission c = bookings * 10%`).replace('plan "Test"', 'plan "Other"'),
    );
    const comparison = comparePlans(planA, renamed, data, Q1);
    const p6 = comparison.payees.find((p) => p.payee === 'p6');
    // A: attainment 1,000 / 100,000 = 1%, in tier 1: 1,000 × 10% = 100.00.
    expect(p6?.a?.payout).toBe('100.00');
    expect(p6?.b).toBeNull();
    expect(p6?.payoutDelta).toBe('-100.00');
    expect(p6?.payoutChange).toBe('-1');
    // Plan "Other": payees without assignments are on it, p6 (assigned to "Test" only) is not.
    expect([comparison.a.payees, comparison.b.payees, comparison.difference.payees]).toEqual([6, 5, -1]);
  });
});

describe('statements returned as reported (paid by an earlier run)', () => {
  const both = { ...Q1, periods: ['2026-Q1', '2026-Q2'] };
  // Run 1 pays Q1 under A (45,000). Run 2 calculates Q1 (unchanged) and Q2 (no deals): Q1 comes
  // back as reported and Q2 pays 0 to each of the 5 payees.
  const q1 = calculate(planA, dataset, Q1);
  const again = calculate(planA, { ...dataset, previous: q1 }, both);
  const once = calculate(planA, dataset, both);

  it('count once in the JSON of several runs put together', () => {
    const merged = { ...again, statements: [...q1.statements, ...again.statements] };
    const c = compareCalculated({ plan: planA, results: merged }, { plan: planA, results: once });
    // Before: the merged side counted Q1 twice, 90,000.00 against 45,000.00.
    expect([c.a.payout, c.b.payout, c.difference.payout]).toEqual(['45000.00', '45000.00', '0.00']);
    expect([c.a.earned, c.a.creditedRevenue]).toEqual(['45000.00', '400000.00']);
    expect([c.a.statements, c.b.statements]).toEqual([10, 10]);
    expect(c.payees.map((p) => p.payoutDelta)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
  });

  it('count nowhere in the run that returns them: it pays only Q2', () => {
    const c = compareCalculated({ plan: planA, results: again }, { plan: planA, results: once });
    // Run 2 pays 5 statements of 0.00: 0.00 against 45,000.00 for one run over both periods.
    expect([c.a.payout, c.a.earned, c.a.creditedRevenue, c.a.statements]).toEqual([
      '0.00',
      '0.00',
      '0.00',
      5,
    ]);
    expect(c.payees.find((p) => p.payee === 'p3')?.a).toEqual({
      statements: 1,
      payout: '0.00',
      earned: '0.00',
      attainment: '0',
      accelerated: false,
    });
  });
});
