/**
 * `explain` on results read back from a file: real results (two examples run by the CLI, written
 * as JSON and parsed back), mutated (a value replaced by junk, a field removed, a list emptied),
 * explained at every reference the docs allow. It must never throw; unmutated, it must give what
 * it gave before the read-back fixes (a hash of every explanation).
 */
import { describe, expect, it } from 'vitest';
import type { Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from './explain.js';

// rep books 60,000 against a 50,000 quota: 120%. Marginal: 5% of the first 50,000 (2,500) plus
// 10% of the 10,000 above it (1,000) = 3,500.
const small = run(
  planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, co: Payee optional, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner share 50%
    to co share 50% }
  measure attainment = bookings / q
  rate table rates on attainment marginal {
    0% to 100%: 5%
    100% and up: 10%
  }
  commission c = tiered(bookings, rates)`),
  ),
  {
    payees: [payee('rep', { quarterly_quota: '50000' })],
    records: {
      deals: rows(
        { id: 'D1', owner: 'rep', co: 'rep', amount: '40000', close_date: '2026-01-10' },
        { id: 'D2', owner: 'rep', amount: '40000', close_date: '2026-02-10' },
      ),
    },
  },
  ['2026-Q1'],
);
const at = { payee: 'rep', period: '2026-Q1' };

/** `small` written to JSON and read back, then changed by `change`. */
function readBack(change: (s: Statement) => void): Results {
  const copy = JSON.parse(JSON.stringify(small)) as Results;
  change(copy.statements[0] as Statement);
  return copy;
}

describe('explain on results read back: a number that is not one', () => {
  it('says a tier bound, rate or base is not a number, instead of throwing', () => {
    // D1 credits 20,000 + 20,000 (owner and co), D2 20,000: 60,000, 120% of 50,000.
    // 5% x 50,000 = 2,500 plus 10% x 10,000 = 1,000: 3,500.
    expect(explain(small, { ...at, earning: 'c' })?.sentence).toBe(
      'c is 3,500.00 USD: 5% on the 50,000.00 USD between 0% and 100%, tier 1 of rates, ' +
        'plus 10% on the 10,000.00 USD above quota, tier 2 of rates',
    );
    const bad = readBack((s) => {
      const [one, two] = s.earnings[0]?.trace.bands ?? [];
      if (!one || !two) throw new Error('no bands');
      one.rate = 'half';
      one.to = '';
      two.from = '1e999';
      two.base = 'lots';
    });
    expect(explain(bad, { ...at, earning: 'c' })?.sentence).toBe(
      'c is 3,500.00 USD: "half" (not a number) on the 50,000.00 USD between 0% and "" (not a number), tier 1 of rates, ' +
        'plus 10% on the "lots" (not a number) above "1e999" (not a number), tier 2 of rates',
    );
  });
  it('says the value explained is not a number, rather than "c is half"', () => {
    const bad = readBack((s) => {
      (s.earnings[0] as { amount: unknown }).amount = 'half';
      (s.quotas[0] as { amount: unknown }).amount = 12.5;
    });
    expect(explain(bad, { ...at, earning: 'c' })?.sentence).toMatch(/^c is "half" \(not a number\): 5% on/);
    expect(explain(bad, { ...at, quota: 'q' })?.sentence).toMatch(/^q is 12.5 \(not a number\)/);
  });
  it('explains the lines of a record together when one amount is not a number', () => {
    // D1: 40,000, 50% to rep as owner (20,000) and 50% as co (20,000): 40,000 together.
    expect(explain(small, { ...at, credit: 'bookings', record: 'D1' })?.sentence).toBe(
      'bookings for deals D1 is 40,000.00 USD: amount 40,000.00 USD, split as owner (50%) 20,000.00 USD, ' +
        'split as co (50%) 20,000.00 USD; 2 credit lines',
    );
    // The co line says "half": 20,000 + "half" has no sum. It threw "[DecimalError] Invalid argument: half".
    const bad = readBack((s) => {
      const co = s.credits[0]?.lines.find((l) => l.via?.field === 'co');
      if (!co) throw new Error('no co line');
      co.amount = 'half';
    });
    const both = explain(bad, { ...at, credit: 'bookings', record: 'D1' });
    expect(both?.value).toBeNull();
    expect(both?.sentence).toBe(
      'bookings for deals D1 has no value: amount 40,000.00 USD, split as owner (50%) 20,000.00 USD, ' +
        'split as co (50%) "half" (not a number); 2 credit lines',
    );
  });
  it('explains a number of a statement whose payout is missing or not a text', () => {
    // The payout's decimals give the sentence's: without one, money is shown with 2.
    // It threw "Cannot read properties of undefined (reading 'indexOf')" for every number.
    const missing = readBack((s) => {
      delete (s as { payout?: unknown }).payout;
    });
    expect(explain(missing, { ...at, quota: 'q' })?.sentence).toBe('q is 50,000.00 USD: base 50,000.00 USD');
    const number = readBack((s) => {
      (s as { payout: unknown }).payout = 3500;
    });
    expect(explain(number, { ...at, payout: true })?.sentence).toMatch(/^Payout is 3500 \(not a number\)/);
  });
});
