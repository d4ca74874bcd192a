import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results.js';
import { payee, planOf, rows, run, statement } from '../test-support.js';

const monthly = (body: string) => `plan "M" {
  currency USD
  period month
  fiscal year starts april
  effective 2026-04-01 to 2027-03-31
  ${body}
}`;

const measure = (results: Results, period: string, name: string) =>
  statement(results, 'rep', period).measures.find((m) => m.name === name)?.value;

describe('measures', () => {
  const plan = planOf(
    monthly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text, days: Integer optional }
  credit bookings from deals where stage = "Won" { to owner }
  measure year_to_date = ytd(bookings)
  measure quarter_to_date = qtd(bookings)
  measure half_to_date = htd(bookings)
  measure month_to_date = mtd(bookings)
  measure won = count(deals where stage = "Won")
  measure lost_value = sum(deals.amount where stage = "Lost")
  measure average_won = avg(bookings.credited)
  measure biggest = max(deals.amount)
  measure smallest = min(deals.amount where stage = "Won")
  measure average_days = avg(deals.days)
  commission c = bookings * 1%`),
  );
  const deals = rows(
    { id: 'A', owner: 'rep', amount: '100', close_date: '2026-04-03', stage: 'Won' },
    { id: 'B', owner: 'rep', amount: '200', close_date: '2026-05-20', stage: 'Won', days: 10 },
    { id: 'C', owner: 'rep', amount: '50', close_date: '2026-05-21', stage: 'Lost', days: '15' },
    { id: 'D', owner: 'rep', amount: '400', close_date: '2026-07-01', stage: 'Won' },
    { id: 'E', owner: 'rep', amount: '800', close_date: '2026-10-01', stage: 'Won' },
    { id: 'F', owner: 'other', amount: '999', close_date: '2026-05-01', stage: 'Won' },
  );
  const results = run(plan, { payees: [payee('rep'), payee('other')], records: { deals } }, [
    '2026-05',
    '2026-07',
    '2026-10',
  ]);

  it('add up period-to-date windows over the fiscal year', () => {
    // Fiscal year from April. May: year and quarter to date are April + May = 100 + 200.
    expect(measure(results, '2026-05', 'year_to_date')).toBe('300');
    expect(measure(results, '2026-05', 'quarter_to_date')).toBe('300');
    expect(measure(results, '2026-05', 'month_to_date')).toBe('200');
    // July starts fiscal Q2: quarter to date is July only; the half (April-September) and year: 700.
    expect(measure(results, '2026-07', 'quarter_to_date')).toBe('400');
    expect(measure(results, '2026-07', 'half_to_date')).toBe('700');
    // October starts H2: half to date is October only; year to date 1,500.
    expect(measure(results, '2026-10', 'half_to_date')).toBe('800');
    expect(measure(results, '2026-10', 'year_to_date')).toBe('1500');
  });

  it("aggregate the payee's records of the period", () => {
    expect(measure(results, '2026-05', 'won')).toBe('1');
    expect(measure(results, '2026-05', 'lost_value')).toBe('50');
    expect(measure(results, '2026-05', 'average_won')).toBe('200');
    expect(measure(results, '2026-05', 'biggest')).toBe('200');
    expect(measure(results, '2026-05', 'smallest')).toBe('200');
    // Average of the days that are known: (10 + 15) / 2.
    expect(measure(results, '2026-05', 'average_days')).toBe('12.5');
    // No value to average in July.
    expect(measure(results, '2026-07', 'average_days')).toBeNull();
  });
});
