import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from './explain.js';
import { money, percent } from './sentence.js';

const plan = planOf(
  quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  /** The quarter's quota. */
  quota q "Quota" = payee.quarterly_quota
  credit bookings "Bookings" from deals { to owner }
  measure attainment "Attainment" = bookings / q
  rate table rates on attainment retroactive {
    0% to 100%: 5%
    100% and up: 10%
  }
  commission c "Commission" = tiered(bookings, rates) per line
  bonus b "Quarter bonus" = 1_000 USD when attainment >= 100%`),
);

const results = run(
  plan,
  {
    payees: [payee('rep', { quarterly_quota: '50000' })],
    records: {
      deals: rows(
        { id: 'D1', owner: 'rep', amount: '40000', close_date: '2026-01-10' },
        { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-02-10' },
      ),
    },
  },
  ['2026-Q1'],
);
const at = { payee: 'rep', period: '2026-Q1' };

describe('explain', () => {
  it('formats amounts and percentages for reading', () => {
    expect(money('1234567.005', 'USD')).toBe('1,234,567.01 USD');
    expect(money('-40000')).toBe('-40,000.00');
    expect(percent('0.125')).toBe('12.5%');
  });
  it('explains a line priced by a retroactive tier', () => {
    // D2 takes attainment from 80% to 120%: all 60,000 at 10% = 6,000, minus the 2,000 D1 paid = 4,000.
    const e = explain(results, { ...at, earning: 'c', line: 'c:D2' });
    expect(e?.value).toBe('4000.00');
    expect(e?.trace.tier).toMatchObject({ table: 'rates', index: 2, rate: '0.1' });
    expect(e?.sentence).toBe('Commission for deals D2 is 4,000.00 USD: 10% (above quota), tier 2 of rates');
  });
  it('explains measures, quotas, credits, earnings and the payout', () => {
    expect(explain(results, { ...at, measure: 'attainment' })?.sentence).toBe(
      'Attainment is 120%: bookings 60,000.00 USD, q 50,000.00 USD',
    );
    expect(explain(results, { ...at, quota: 'q' })?.sentence).toBe(
      'Quota is 50,000.00 USD: base 50,000.00 USD',
    );
    expect(explain(results, { ...at, credit: 'bookings', record: 'D1' })?.sentence).toBe(
      'Bookings for deals D1 is 40,000.00 USD: share 100%, role owner',
    );
    expect(explain(results, { ...at, earning: 'b' })?.sentence).toBe(
      'Quarter bonus is 1,000.00 USD: attainment 120%, value 1,000.00 USD',
    );
    // c pays 2,000 (D1 at 5%) + 4,000 (D2) = 6,000; b pays 1,000: 7,000, with no adjustments.
    const payout = explain(results, { ...at, payout: true });
    expect(payout?.value).toBe('7000.00');
    expect(payout?.sentence).toBe(
      'Payout is 7,000.00 USD: c 6,000.00 USD, b 1,000.00 USD, earned 7,000.00 USD; no adjustments',
    );
  });
  it('explains each line of a record credited twice, by its role, and a keyless record by row', () => {
    // rep owns D1 and is also its overlay: two lines for one record in one credit.
    const twice = planOf(
      quarterly(`source deals { owner: Payee owner, lead: Payee, amount: Money, close_date: Date dated }
  credit bookings "Bookings" from deals {
    to owner
    to lead as overlay
  }
  commission c = bookings * 1%`),
    );
    const both = run(
      twice,
      {
        payees: [payee('rep')],
        records: { deals: rows({ owner: 'rep', lead: 'rep', amount: '500', close_date: '2026-02-01' }) },
      },
      ['2026-Q1'],
    );
    const ref = { ...at, credit: 'bookings', record: 'row 1' };
    expect(explain(both, { ...ref, role: 'owner' })?.trace.inputs).toContainEqual({
      name: 'role',
      value: 'owner',
    });
    expect(explain(both, { ...ref, role: 'overlay' })?.trace.inputs).toContainEqual({
      name: 'role',
      value: 'overlay',
    });
    // Both lines credit the whole 500; without a role, the first line (the owner's) is explained.
    expect(explain(both, { ...ref, role: 'owner' })?.value).toBe('500');
    expect(explain(both, { ...ref, role: 'overlay' })?.value).toBe('500');
    expect(explain(both, ref)?.trace.inputs).toContainEqual({ name: 'role', value: 'owner' });
    expect(explain(both, { ...ref, role: 'split' })).toBeUndefined();
  });

  it('finds nothing for a number that is not there', () => {
    expect(explain(results, { ...at, earning: 'nope' })).toBeUndefined();
    expect(explain(results, { ...at, payee: 'nobody', payout: true })).toBeUndefined();
    expect(explain(results, { ...at, earning: 'c', line: 'c:D9' })).toBeUndefined();
  });
});
