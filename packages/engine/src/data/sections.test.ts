import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import type { Dataset } from './dataset.js';

const body = (adjustment: string) => `
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  ${adjustment}
`;
const PLAN = planOf(quarterly(body('adjustment manual from data')));

const data: Dataset = {
  payees: [
    payee('a'),
    payee('gone', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] }),
    payee('other', {}, { plans: [{ plan: 'Other plan' }] }),
  ],
  records: { deals: rows({ id: 'D1', owner: 'a', amount: '100', close_date: '2026-01-01' }) },
  adjustments: [
    { id: 'M1', payee: 'gone', period: '2026-Q2', amount: '500', reason: 'after leaving' },
    { id: 'M2', payee: 'other', period: '2026-Q2', amount: '500', reason: 'not on the plan' },
    { id: 'M3', payee: 'gone', period: '2026-Q3', amount: '500', reason: 'not calculated' },
    { id: 'M4', payee: 'a', period: '2026-Q2', amount: '500', reason: 'ok' },
  ],
};

describe('manual adjustments of a calculated period without a statement', () => {
  it('are errors in strict mode, naming the row, the field and why', () => {
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2']);
    // M1 and M2 have no statement to go on; M3 is of a period this run does not calculate; M4 is paid.
    expect(results.statements).toEqual([]);
    expect(results.errors).toEqual([
      {
        source: 'adjustments',
        row: 1,
        key: 'M1',
        field: 'period',
        code: 'off-plan',
        reason:
          'adjustments row 1: period is "2026-Q2", but gone is on plan "Test" only 2026-01-01 to 2026-03-31, so gone has no statement in 2026-Q2 to pay the adjustment on',
      },
      {
        source: 'adjustments',
        row: 2,
        key: 'M2',
        field: 'period',
        code: 'off-plan',
        reason:
          'adjustments row 2: period is "2026-Q2", but other has no assignment to plan "Test", so other has no statement in 2026-Q2 to pay the adjustment on',
      },
    ]);
  });

  it('are rejected in lenient mode; the other adjustments are paid or left for their period', () => {
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.row, r.key, r.errors.map((e) => e.code)])).toEqual([
      [1, 'M1', ['off-plan']],
      [2, 'M2', ['off-plan']],
    ]);
    // a in Q2: nothing earned, M4 pays 500.00.
    const q2 = results.statements.find((s) => s.payee === 'a' && s.period === '2026-Q2');
    expect(q2?.adjustments.map((l) => [l.id, l.amount])).toEqual([['manual:M4', '500.00']]);
  });

  it('name the plan dates for a period outside them', () => {
    const after = { id: 'M5', payee: 'a', period: '2027-Q1', amount: '1', reason: 'late' };
    const results = run(PLAN, { ...data, adjustments: [after] }, ['2026-Q4', '2027-Q1']);
    expect(results.errors.map((e) => e.reason)).toEqual([
      'adjustments row 1: period is "2027-Q1", but plan "Test" is in effect only 2026-01-01 to 2026-12-31, so a has no statement in 2027-Q1 to pay the adjustment on',
    ]);
    // Not calculated: no error.
    expect(run(PLAN, { ...data, adjustments: [after] }, ['2026-Q4']).errors).toEqual([]);
  });

  it('are no errors for a plan that does not read adjustments (a warning says so)', () => {
    const results = run(planOf(quarterly(body(''))), data, ['2026-Q1', '2026-Q2']);
    expect(results.errors).toEqual([]);
    expect(results.warnings.map((w) => w.code)).toEqual(['adjustments-not-read']);
  });
});
