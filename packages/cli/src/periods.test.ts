import { compile } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import { collectPeriods, firstPeriod, periodSpan, periodsOutside } from './periods.js';

function planWith(period: string, effective: string, fiscal = ''): string {
  return `plan "P" {
  currency USD
  period ${period}
  ${fiscal}
  effective ${effective}
}
`;
}

describe('firstPeriod', () => {
  it.each([
    ['month', '2026-01-01 to 2026-12-31', '', '2026-01'],
    ['month', '2026-07-15 to 2027-06-30', 'fiscal year starts july', '2026-07'],
    ['quarter', '2026-01-01 to 2026-12-31', '', '2026-Q1'],
    ['quarter', '2026-02-01 to 2027-01-31', 'fiscal year starts february', '2026-Q1'],
    ['quarter', '2026-05-01 to 2027-01-31', 'fiscal year starts february', '2026-Q2'],
    ['quarter', '2027-01-01 to 2027-06-30', 'fiscal year starts july', '2026-Q3'],
    ['half', '2026-07-01 to 2026-12-31', '', '2026-H2'],
    ['year', '2026-07-01 to 2027-06-30', 'fiscal year starts july', 'FY2026'],
  ])('a %s plan effective %s (%s) starts in %s', (period, effective, fiscal, label) => {
    const { plan, diagnostics } = compile(planWith(period, effective, fiscal));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (plan) expect(firstPeriod(plan)).toBe(label);
  });
});

describe('periodSpan', () => {
  it.each([
    ['month', '', '2026-02', '2026-02-01', '2026-02-28'],
    ['month', '', '2028-02', '2028-02-01', '2028-02-29'],
    ['quarter', '', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['quarter', 'fiscal year starts february', '2026-Q1', '2026-02-01', '2026-04-30'],
    ['quarter', 'fiscal year starts february', '2026-Q4', '2026-11-01', '2027-01-31'],
    ['half', 'fiscal year starts july', '2026-H2', '2027-01-01', '2027-06-30'],
    ['year', 'fiscal year starts july', 'FY2026', '2026-07-01', '2027-06-30'],
  ])('a %s plan (%s): %s is %s to %s', (period, fiscal, label, from, to) => {
    const { plan } = compile(planWith(period, '2026-01-01 to 2026-12-31', fiscal));
    expect(plan && periodSpan(plan, label)).toEqual({ from, to });
  });

  it('is undefined for a label of another kind, and periodsOutside lists the periods outside the dates', () => {
    const { plan } = compile(planWith('quarter', '2026-02-01 to 2027-01-31', 'fiscal year starts february'));
    if (!plan) throw new Error('the plan does not compile');
    expect(periodSpan(plan, '2026-03')).toBeUndefined();
    // 2025-Q4 is 2025-11-01 to 2026-01-31, the day before the plan starts; 2026-Q4 ends on its last day.
    expect(periodsOutside(plan, ['2025-Q4', '2026-Q1', '2026-Q4', '2027-Q1', '2026-03'])).toEqual([
      '2025-Q4',
      '2027-Q1',
    ]);
  });
});

describe('collectPeriods', () => {
  it('splits lists at commas, and takes an empty list for a usage error', () => {
    expect(collectPeriods('2026-Q1, 2026-Q2,', ['2025-Q4'])).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(() => collectPeriods('', undefined)).toThrow('It names no period: write one like 2026-Q1.');
    expect(() => collectPeriods(' , ', undefined)).toThrow('It names no period');
  });
});
