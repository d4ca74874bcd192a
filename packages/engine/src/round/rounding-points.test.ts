import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const at = (rounding: string) =>
  planOf(
    quarterly(
      `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 1% per line`,
      rounding,
    ),
  );

const deals = rows(
  ...['D1', 'D2', 'D3'].map((id, i) => ({
    id,
    owner: 'rep',
    amount: '333.335',
    close_date: `2026-01-1${i}`,
  })),
);
const statementAt = (rounding: string) =>
  statement(run(at(rounding), { payees: [payee('rep')], records: { deals } }, ['2026-Q1']), 'rep', '2026-Q1');

describe('rounding at the declared point', () => {
  it('at line: each line is rounded and the earning is their sum', () => {
    // 333.335 x 1% = 3.33335 -> 3.33 on each line; 3 x 3.33 = 9.99.
    const s = statementAt('rounding half up to 2 decimals at line');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.33', '3.33', '3.33']);
    expect(s.earnings[0]?.amount).toBe('9.99');
    expect(s.payout).toBe('9.99');
  });
  it('at earning: the total is rounded and lines get the remainder by largest remainder', () => {
    // 3 x 3.33335 = 10.00005 -> 10.00; lines 3.33 each leave one cent, given to the first (equal remainders).
    const s = statementAt('rounding half up to 2 decimals at earning');
    expect(s.earnings[0]?.amount).toBe('10.00');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.34', '3.33', '3.33']);
  });
  it('at payout: everything exact until the payout', () => {
    const s = statementAt('rounding half even to 2 decimals at payout');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.33335', '3.33335', '3.33335']);
    expect(s.earnings[0]?.amount).toBe('10.00005');
    expect(s.payout).toBe('10.00');
  });
  it('round down and up', () => {
    expect(statementAt('rounding down to 2 decimals at line').earnings[0]?.amount).toBe('9.99');
    // Up at line: 3.33335 -> 3.34 each, 10.02; up at payout: 10.00005 -> 10.01.
    expect(statementAt('rounding up to 2 decimals at line').earnings[0]?.amount).toBe('10.02');
    expect(statementAt('rounding up to 2 decimals at payout').payout).toBe('10.01');
    expect(statementAt('rounding up to 0 decimals at payout').payout).toBe('11');
  });
  it('default: half up to 2 decimals at each line', () => {
    expect(statementAt('').earnings[0]?.amount).toBe('9.99');
  });
});
