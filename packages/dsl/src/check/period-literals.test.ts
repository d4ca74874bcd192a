/**
 * `period` compared with a period literal of another kind (AT6006, review finding 3): in a plan
 * paid by quarter, `period = 2026-03` was never true and silently paid 0.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../compile.js';
import { expectOne, planText, probe } from './test-plans.js';

describe('period compared with a period of another kind (AT6006)', () => {
  it('reports a month in a quarterly plan, explaining the plan’s period', () => {
    const d = expectOne(probe('period = 2026-03'), 'AT6006', '2026-03');
    expect(d.message).toBe(
      'This plan is paid by quarter: `period` is always a quarter, never the month 2026-03, so this is never true; compare it with a quarter such as 2026-Q1',
    );
  });

  it('reports a fiscal year, on either side, and `!=` (always true)', () => {
    expectOne(probe('FY2026 = period'), 'AT6006', 'FY2026');
    const d = expectOne(probe('period != 2026-H1'), 'AT6006', '2026-H1');
    expect(d.message).toContain('never the half year 2026-H1, so this is always true;');
  });

  it('reports each item of another kind in an `in [...]` list', () => {
    const result = probe('period in [2026-Q1, 2026-05]');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT6006']);
    expectOne(result, 'AT6006', '2026-05');
  });

  it('accepts a literal of the plan’s kind, and ordering comparisons', () => {
    expect(probe('period = 2026-Q2').diagnostics).toEqual([]);
    expect(probe('period in [2026-Q1, (2026-Q2)]').diagnostics).toEqual([]);
    expect(probe('period >= 2026-07').diagnostics).toEqual([]);
  });

  it('follows the plan’s period setting', () => {
    const monthly = 'currency USD\n  period month\n  effective 2026-01-01 to 2026-12-31';
    const ok = analyze(planText('  bonus b = 100 USD when period = 2026-03', monthly));
    expect(ok.diagnostics).toEqual([]);
    const yearly = 'currency USD\n  period year\n  effective 2026-01-01 to 2026-12-31';
    const bad = analyze(planText('  bonus b = 100 USD when period = 2026-Q1', yearly));
    expect(bad.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'AT6006',
        'This plan is paid by year: `period` is always a year, never the quarter 2026-Q1, so this is never true; compare it with a year such as FY2026',
      ],
    ]);
  });
});
