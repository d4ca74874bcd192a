import { compile } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import { firstPeriod } from './periods.js';

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
