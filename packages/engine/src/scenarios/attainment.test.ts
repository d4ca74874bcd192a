import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { attainmentRatio, payeeAttainment } from './attainment.js';
import { DEALS } from './test-support.js';

/** A plan whose attainment measure is `formula`, with a seasonal quota of 1,000,000 a year. */
const planWith = (formula: string, seasonality = '10%, 20%, 30%, 40%') =>
  planOf(
    quarterly(`${DEALS}
  quota q = 1000000 USD seasonality ${seasonality}
  credit bookings from deals { to owner }
  measure attainment = ${formula}
  commission c = bookings * 1%`),
  );

// p1 books 50,000 in Q1 (quota 100,000) and 250,000 in Q2 (quota 200,000).
const data = {
  payees: [payee('p1', { quota: '100000' })],
  records: {
    deals: rows(
      { id: 'D1', owner: 'p1', amount: '50000', close_date: '2026-02-01' },
      { id: 'D2', owner: 'p1', amount: '250000', close_date: '2026-05-01' },
    ),
  },
};
const halves = ['2026-Q1', '2026-Q2'];

describe('payee attainment', () => {
  it('is the headline attainment in one period', () => {
    const results = run(planWith('bookings / q'), data, ['2026-Q2']);
    // 250,000 / 200,000 = 1.25.
    expect(payeeAttainment(results.statements)).toBe('1.25');
  });

  it('is Σ numerators ÷ Σ denominators over several periods, not an average', () => {
    const results = run(planWith('bookings / q'), data, halves);
    expect(results.statements.map((s) => s.attainment)).toEqual(['0.5', '1.25']);
    // (50,000 + 250,000) / (100,000 + 200,000) = 1; the average of 50% and 125% would be 87.5%.
    expect(payeeAttainment(results.statements)).toBe('1');
    const [q1] = results.statements;
    if (!q1) throw new Error('no Q1 statement');
    expect(attainmentRatio(q1)).toEqual({
      numerator: { name: 'bookings', value: expect.anything() },
      denominator: { name: 'q', value: expect.anything() },
    });
  });

  it('reads a quota from a payee attribute the same way', () => {
    const results = run(planWith('bookings / payee.quota'), data, halves);
    // (50,000 + 250,000) / (100,000 + 100,000) = 1.5.
    expect(payeeAttainment(results.statements)).toBe('1.5');
  });

  it('has none over several periods when the measure is not a ratio of its two inputs', () => {
    // bookings / q × 2: the trace has the inputs bookings and q, whose quotient is half the value.
    const results = run(planWith('bookings / q * 2'), data, halves);
    expect(results.statements.map((s) => s.attainment)).toEqual(['1', '2.5']);
    expect(payeeAttainment(results.statements)).toBeNull();
    expect(payeeAttainment(results.statements.slice(1))).toBe('2.5');
  });

  it('adds the numerator of a period whose quota is zero', () => {
    // Q1 quota 0 (no value, a division by zero); Q2 200,000: (50,000 + 250,000) / 200,000 = 1.5.
    const seasonality = '0%, 20%, 40%, 40%';
    const results = run(planWith('bookings / q', seasonality), data, halves);
    expect(results.statements.map((s) => s.attainment)).toEqual([undefined, '1.25']);
    expect(payeeAttainment(results.statements)).toBe('1.5');
    // With ratio(), a zero quota gives 0% in Q1: the same.
    const viaRatio = run(planWith('ratio(bookings, q)', seasonality), data, halves);
    expect(viaRatio.statements.map((s) => s.attainment)).toEqual(['0', '1.25']);
    expect(payeeAttainment(viaRatio.statements)).toBe('1.5');
  });

  it('is null without an attainment measure', () => {
    const plan = planOf(
      quarterly(`${DEALS}\n  credit bookings from deals { to owner }\n  commission c = bookings * 1%`),
    );
    const results = run(plan, data, halves);
    expect(payeeAttainment(results.statements)).toBeNull();
    expect(payeeAttainment(results.statements.slice(0, 1))).toBeNull();
  });
});
