import { describe, expect, it } from 'vitest';
import { assignAccounts } from './assign-accounts.js';
import { territoryBalance } from './balance.js';
import { accounts, design, handAccounts } from './test-support.js';

const assignment = assignAccounts(design, handAccounts);

describe('territoryBalance', () => {
  it('sums potential and workload per territory and measures fairness on potential', () => {
    const balance = territoryBalance(assignment, { potential: 'potential', workload: 'visits' });
    // Potential: strategic 500 (A2), emea_ent 1,000 (A1), emea 300 (A3), na 200 (A4); Σ 2,000.
    // Shares: 500 / 2,000 = 0.25, 0.5, 0.15, 0.1. Visits: 2, 4, 0 (A3 has none), 1; Σ 7.
    expect(
      balance.territories.map((t) => [t.territory, t.accounts, t.potential, t.workload, t.share]),
    ).toEqual([
      ['strategic', 1, '500', '2', '0.25'],
      ['emea_ent', 1, '1000', '4', '0.5'],
      ['emea', 1, '300', '0', '0.15'],
      ['na', 1, '200', '1', '0.1'],
    ]);
    expect(balance.territories[0]).toMatchObject({ label: 'Strategic', primary: ['rep-s'], overlay: [] });
    expect(balance.totals).toEqual({ accounts: 4, potential: '2000', workload: '7' });
    // CV = sqrt(4 × 1,380,000 − 2,000²) / 2,000 = sqrt(1,520,000) / 2,000; max/min = 1,000 / 200;
    // Gini = 2,600 / (4 × 2,000) (see fairness.test.ts).
    expect(balance.fairness).toMatchObject({
      territories: 4,
      total: '2000',
      mean: '500',
      min: '200',
      max: '1000',
      cv: { value: '0.61644140029689764502501923814542442252356240234445' },
      maxMinRatio: { value: '5' },
      gini: { value: '0.325' },
    });
    // A5 (APAC, 100) matches no rule; A6 is invalid, so its potential is unknown.
    expect(balance.unassigned).toEqual({
      accounts: 2,
      potential: '100',
      list: [
        { account: 'A5', reason: 'no-rule-matched' },
        { account: 'A6', reason: 'invalid-record' },
      ],
    });
    expect(balance.empty).toEqual([{ account: 'A3', field: 'visits' }]);
    expect([balance.potential, balance.workload, balance.basis]).toEqual([
      'potential',
      'visits',
      'potential',
    ]);
  });

  it('measures fairness on workload or on the account count when asked', () => {
    const workload = territoryBalance(assignment, {
      potential: 'potential',
      workload: 'visits',
      basis: 'workload',
    });
    // Visits 2, 4, 0, 1: Σ 7, Σx² = 4 + 16 + 0 + 1 = 21, n·Σx² − (Σx)² = 84 − 49 = 35:
    // CV = sqrt(35) / 7 = 0.8451542547...; the minimum is 0, so max/min has no value;
    // Gini: sorted 0, 1, 2, 4 weighted −3, −1, 1, 3 = 13, G = 13 / (4 × 7) = 0.4642857...
    expect(workload.fairness.cv.value).toBe('0.84515425472851657750961832736594529263078589011347');
    expect(workload.fairness.maxMinRatio).toEqual({ value: null, reason: 'min-zero' });
    expect(workload.fairness.gini.value).toBe('0.46428571428571428571428571428571428571428571428571');
    expect(workload.territories.map((t) => t.share)).toEqual([
      '0.28571428571428571428571428571428571428571428571429',
      '0.57142857142857142857142857142857142857142857142857',
      '0',
      '0.14285714285714285714285714285714285714285714285714',
    ]);
    // One account in each territory: perfectly even.
    const count = territoryBalance(assignment, { potential: 'potential', basis: 'accounts' });
    expect(count.workload).toBe('count');
    expect([count.fairness.cv.value, count.fairness.maxMinRatio.value, count.fairness.gini.value]).toEqual([
      '0',
      '1',
      '0',
    ]);
  });

  it('counts empty territories, so that a design leaving one empty is not even', () => {
    const two = assignAccounts(
      design,
      accounts(
        { id: 'A1', name: 'Initech', region: 'EMEA', segment: 'ENT', potential: '100' },
        { id: 'A2', name: 'Hooli', region: 'EMEA', segment: 'SMB', potential: '100' },
      ),
    );
    const balance = territoryBalance(two, { potential: 'potential' });
    // 0, 100, 100, 0: mean 50, Σx² = 20,000, 4 × 20,000 − 200² = 40,000: CV = 200 / 200 = 1;
    // Gini: sorted 0, 0, 100, 100 weighted −3, −1, 1, 3: 400, G = 400 / (4 × 200) = 0.5.
    expect(balance.fairness.cv.value).toBe('1');
    expect(balance.fairness.gini.value).toBe('0.5');
    expect(balance.fairness.maxMinRatio.reason).toBe('min-zero');
  });

  it('rejects a field that is not a numeric field of the accounts', () => {
    expect(() => territoryBalance(assignment, { potential: 'region' })).toThrow(
      'potential: field region of accounts is Text, not a number',
    );
    expect(() => territoryBalance(assignment, { potential: 'revenue' })).toThrow(
      'potential must be a numeric field of accounts (potential, visits), not "revenue"',
    );
    expect(() => territoryBalance(assignment, { potential: 'potential', workload: 'segment' })).toThrow(
      RangeError,
    );
  });

  it('quotes a field that is not one as data errors quote values, and never throws another error', () => {
    const not = (potential: unknown) => () =>
      territoryBalance(assignment, { potential: potential as string });
    const fields = 'potential must be a numeric field of accounts (potential, visits), not';
    // A long name is cut, with its length; an invisible character is written out.
    expect(not(`potential ${'x'.repeat(300)}`)).toThrow(
      new RangeError(`${fields} "potential ${'x'.repeat(90)}…" (310 characters)`),
    );
    expect(not('potential\u200B')).toThrow(new RangeError(`${fields} "potential\\u200B"`));
    // From JavaScript: named, where JSON.stringify threw on a BigInt and wrote a symbol as undefined.
    expect(not(7n)).toThrow(new RangeError(`${fields} 7n (a BigInt)`));
    expect(not(Symbol('potential'))).toThrow(new RangeError(`${fields} a symbol`));
    expect(() =>
      territoryBalance(assignment, { potential: 'potential', basis: 1n as unknown as 'potential' }),
    ).toThrow(new RangeError('basis must be potential, workload or accounts, not 1n (a BigInt)'));
  });
});
