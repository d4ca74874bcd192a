import { describe, expect, it } from 'vitest';
import { planOf } from '../test-support.js';
import { firstPlanPeriod, planPeriod } from './plan-periods.js';

const planWith = (period: string, effective: string, fiscal = '') =>
  planOf(`plan "P" {
  currency USD
  period ${period}
  ${fiscal}
  effective ${effective}
}`);

describe('firstPlanPeriod', () => {
  it.each([
    ['month', '2026-07-15 to 2027-06-30', 'fiscal year starts july', '2026-07', '2026-07-01', '2026-07-31'],
    // February 2026 is month 1 of FY2026 (February to January): Q1 is February to April.
    [
      'quarter',
      '2026-02-01 to 2027-01-31',
      'fiscal year starts february',
      '2026-Q1',
      '2026-02-01',
      '2026-04-30',
    ],
    // January 2027 is month 7 of FY2026 (July to June): Q3 is January to March 2027.
    ['quarter', '2027-01-01 to 2027-06-30', 'fiscal year starts july', '2026-Q3', '2027-01-01', '2027-03-31'],
    ['half', '2026-07-01 to 2026-12-31', '', '2026-H2', '2026-07-01', '2026-12-31'],
    ['year', '2026-07-01 to 2027-06-30', 'fiscal year starts july', 'FY2026', '2026-07-01', '2027-06-30'],
  ])('a %s plan effective %s (%s) starts in %s', (period, effective, fiscal, label, from, to) => {
    expect(firstPlanPeriod(planWith(period, effective, fiscal))).toEqual({ label, from, to });
  });

  it('throws for a plan whose effective start is no date, quoting its name as data errors quote values', () => {
    const plan = planWith('quarter', '2026-01-01 to 2026-12-31');
    const unchecked = (name: string) => ({
      ...plan,
      header: { ...plan.header, name, effective: { ...plan.header.effective, from: 'soon' } },
    });
    expect(() => firstPlanPeriod(unchecked('P'))).toThrow(
      new RangeError('plan "P" has no effective start date'),
    );
    expect(() => firstPlanPeriod(unchecked('P\u200B\n'))).toThrow(
      new RangeError('plan "P\\u200B\\n" has no effective start date'),
    );
  });
});

describe('planPeriod', () => {
  it.each([
    ['month', '', '2028-02', '2028-02-01', '2028-02-29'],
    ['quarter', 'fiscal year starts february', '2026-Q4', '2026-11-01', '2027-01-31'],
    ['half', 'fiscal year starts july', '2026-H2', '2027-01-01', '2027-06-30'],
    ['year', 'fiscal year starts july', 'FY2026', '2026-07-01', '2027-06-30'],
  ])('a %s plan (%s): %s is %s to %s', (period, fiscal, label, from, to) => {
    expect(planPeriod(planWith(period, '2026-01-01 to 2026-12-31', fiscal), label)).toEqual({
      label,
      from,
      to,
    });
  });

  it('is undefined for a label of another kind, or no period at all', () => {
    const quarterly = planWith('quarter', '2026-01-01 to 2026-12-31');
    expect(planPeriod(quarterly, '2026-03')).toBeUndefined();
    expect(planPeriod(quarterly, 'FY2026')).toBeUndefined();
    expect(planPeriod(quarterly, '2026-Q5')).toBeUndefined();
    expect(planPeriod(planWith('month', '2026-01-01 to 2026-12-31'), '2026-13')).toBeUndefined();
  });
});
