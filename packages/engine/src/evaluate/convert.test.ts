import { describe, expect, it } from 'vitest';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

/** A plan paying 2% of the period's EUR fees converted to USD, at `date` when given. */
function planWithConvert(date?: string) {
  return planOf(
    quarterly(`source fees { id: Text key, owner: Payee owner, amount: Money(EUR), paid_on: Date dated }
  measure eur = sum(fees.amount)
  bonus b = convert(eur, USD${date ? `, ${date}` : ''}) * 2%`),
  );
}

const fees = rows(
  { id: 'F1', owner: 'rep', amount: '1000', paid_on: '2026-01-10' },
  { id: 'F2', owner: 'rep', amount: '500 EUR', paid_on: '2026-02-10' },
);
const fx = [
  { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.10' },
  { from: 'EUR', to: 'USD', date: '2026-03-31', rate: '1.20' },
];

describe('currency conversion', () => {
  it('converts at the rate of the end of the period by default', () => {
    // 1,500 EUR x 1.20 (the rate of 31 March) = 1,800 USD; x 2% = 36.00.
    const results = run(planWithConvert(), { payees: [payee('rep')], fx, records: { fees } }, ['2026-Q1']);
    expect(earned(statement(results, 'rep', '2026-Q1'), 'b')).toBe('36.00');
    expect(statement(results, 'rep', '2026-Q1').measures[0]).toMatchObject({
      type: 'Money (EUR)',
      value: '1500',
    });
  });
  it('converts at the declared date', () => {
    // 1,500 EUR x 1.10 (the latest rate on or before 15 March) = 1,650 USD; x 2% = 33.00.
    const results = run(planWithConvert('2026-03-15'), { payees: [payee('rep')], fx, records: { fees } }, [
      '2026-Q1',
    ]);
    expect(earned(statement(results, 'rep', '2026-Q1'), 'b')).toBe('33.00');
  });
  it('warns and pays nothing without a rate', () => {
    const results = run(planWithConvert('2025-12-31'), { payees: [payee('rep')], fx, records: { fees } }, [
      '2026-Q1',
    ]);
    expect(earned(statement(results, 'rep', '2026-Q1'), 'b')).toBe('0.00');
    expect(results.warnings.map((w) => w.code)).toEqual(['no-fx-rate', 'no-value']);
    // The first rate is of 2026-01-01: none on or before the declared date, which the warning names.
    expect(results.warnings[0]?.message).toBe('there is no FX rate from EUR to USD on or before 2025-12-31');
  });
});
