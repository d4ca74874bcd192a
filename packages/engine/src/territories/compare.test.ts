import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOf, quarterly } from '../test-support.js';
import { compareTerritories } from './compare.js';
import {
  ACCOUNTS,
  accountsArbitrary,
  design,
  generatedDesign,
  handAccounts,
  territoriesArbitrary,
} from './test-support.js';

/** The proposal: EMEA merged under rep-1, Umbrella named in Strategic, a new APAC without payee. */
const proposed = planOf(
  quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory strategic { named "Globex", "Umbrella"
      priority 1
      assign "rep-s" as primary }
    territory emea { where region = "EMEA"
      priority 2
      assign "rep-1" as primary }
    territory apac { where region = "APAC"
      priority 3 }
  }`),
);

describe('compareTerritories', () => {
  it('lists moves, balance before and after, coverage gaps and continuity', () => {
    const comparison = compareTerritories(design, proposed, handAccounts, { potential: 'potential' });
    // Before: A1 emea_ent (rep-1), A2 strategic (rep-s), A3 emea (rep-2), A4 na (no payee),
    // A5 unassigned, A6 invalid. After: A1 emea (rep-1), A2 strategic, A3 emea (rep-1),
    // A4 strategic (named), A5 apac, A6 still invalid. A3 keeps its territory's name: no move.
    expect(comparison.moved).toBe(3);
    expect(comparison.moves).toEqual([
      { from: 'emea_ent', to: 'emea', accounts: ['A1'] },
      { from: 'na', to: 'strategic', accounts: ['A4'] },
      { from: null, to: 'apac', accounts: ['A5'] },
    ]);
    expect(comparison.accounts).toBe(6);
    // A1, A2 and A3 had a primary payee; A1 (rep-1) and A2 (rep-s) keep theirs, A3 goes from
    // rep-2 to rep-1: 2 of 3.
    expect(comparison.continuity).toEqual({
      kept: 2,
      of: 3,
      share: '0.66666666666666666666666666666666666666666666666667',
    });
    expect([comparison.before.withoutPrimary, comparison.before.unassigned]).toEqual([['na'], ['A5', 'A6']]);
    expect([comparison.after.withoutPrimary, comparison.after.unassigned]).toEqual([['apac'], ['A6']]);
    expect(comparison.before.balance.fairness.gini.value).toBe('0.325');
    // After: strategic 500 + 200 = 700, emea 1,000 + 300 = 1,300, apac 100; Σ 2,100.
    // Σx² = 490,000 + 1,690,000 + 10,000 = 2,190,000; 3 × 2,190,000 − 2,100² = 2,160,000:
    // CV = sqrt(2,160,000) / 2,100 = 0.6998542...; max/min = 1,300 / 100 = 13;
    // Gini: sorted 100, 700, 1,300 weighted −2, 0, 2 = 2,400, G = 2,400 / (3 × 2,100) = 0.380952...
    expect(comparison.after.balance.territories.map((t) => [t.territory, t.potential])).toEqual([
      ['strategic', '700'],
      ['emea', '1300'],
      ['apac', '100'],
    ]);
    expect(comparison.after.balance.fairness).toMatchObject({
      cv: { value: '0.69985421222376517091350973563025468341884213733048' },
      maxMinRatio: { value: '13' },
      gini: { value: '0.38095238095238095238095238095238095238095238095238' },
    });
    expect(comparison.after.plan).toEqual({ name: 'Test', version: '1' });
    expect(comparison.asOf).toBe('2026-01-01');
  });

  it('places each design on its own first day without an as-of date, and says both days', () => {
    // The proposal for next year: the same design, effective for 2027.
    const nextYear = planOf(
      quarterly(
        `${ACCOUNTS}
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      priority 2
      assign "rep-1" as primary }
  }`,
      ).replace('effective 2026-01-01 to 2026-12-31', 'effective 2027-01-01 to 2027-12-31'),
    );
    const comparison = compareTerritories(design, nextYear, handAccounts, { potential: 'potential' });
    expect([comparison.asOf, comparison.before.asOf, comparison.after.asOf]).toEqual([
      '2026-01-01',
      '2026-01-01',
      '2027-01-01',
    ]);
  });

  it('no change gives zero delta: a design compared with itself has no move, full continuity, one balance', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, (territories, records) => {
        const plan = planOf(generatedDesign(territories));
        const same = compareTerritories(plan, plan, records, { potential: 'potential' });
        expect(same.moved).toBe(0);
        expect(same.moves).toEqual([]);
        expect(same.continuity.kept).toBe(same.continuity.of);
        expect(same.after.balance).toEqual(same.before.balance);
      }),
      { numRuns: 30 },
    );
  });

  it('counts every account that changes place exactly once in the groups', () => {
    fc.assert(
      fc.property(territoriesArbitrary, territoriesArbitrary, accountsArbitrary, (a, b, records) => {
        const comparison = compareTerritories(
          planOf(generatedDesign(a)),
          planOf(generatedDesign(b)),
          records,
          {
            potential: 'potential',
          },
        );
        const listed = comparison.moves.flatMap((m) => m.accounts);
        expect(listed.length).toBe(comparison.moved);
        expect(new Set(listed).size).toBe(listed.length);
        for (const m of comparison.moves) expect(m.from).not.toBe(m.to);
      }),
      { numRuns: 30 },
    );
  });
});
