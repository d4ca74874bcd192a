import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from './explain.js';

/** One rep with two deals (30,000 and 20,000 = 50,000) and the earnings `earnings` in the plan. */
function resultsOf(earnings: string) {
  const plan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  ${earnings}`),
  );
  return run(
    plan,
    {
      payees: [payee('rep', { quarterly_quota: '100000' })],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '30000', close_date: '2026-01-10' },
          { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-02-10' },
        ),
      },
    },
    ['2026-Q1'],
  );
}
const at = { payee: 'rep', period: '2026-Q1' };

describe('sentences name the constants a rule applied', () => {
  it('a per-line percent of a credit, on the earning and on each line (channel-partner alliance_commission)', () => {
    const results = resultsOf('commission c "Alliance commission" = bookings * 3% per line');
    // 50,000 x 3% = 1,500; a rep redoes it from the sentence, which used to say only "bookings 50,000.00 USD".
    expect(explain(results, { ...at, earning: 'c' })?.sentence).toBe(
      'Alliance commission is 1,500.00 USD: bookings 50,000.00 USD x 3%, value 1,500.00 USD',
    );
    // D1: 30,000 x 3% = 900; D2: 20,000 x 3% = 600.
    expect(explain(results, { ...at, earning: 'c', line: 'D1' })?.sentence).toBe(
      'Alliance commission for deals D1 is 900.00 USD: bookings 30,000.00 USD x 3%',
    );
    expect(explain(results, { ...at, earning: 'c', line: 'D2' })?.sentence).toBe(
      'Alliance commission for deals D2 is 600.00 USD: bookings 20,000.00 USD x 3%',
    );
    // The trace carries the constant as data: 3% is the ratio 0.03.
    const line = explain(results, { ...at, earning: 'c', line: 'D1' });
    expect(line?.trace.inputs[0]).toEqual({
      name: 'bookings',
      value: '30000',
      unit: 'USD',
      constants: [{ op: '*', value: '0.03', unit: '%' }],
    });
  });

  it('a percent written first, a division and a gate that holds or not (channel-partner territory_bonus)', () => {
    const results = resultsOf(`bonus b = 0.5% * bookings when attainment >= 40%
  bonus g = bookings * 0.5% when attainment >= 75%
  bonus d = bookings / 4`);
    // 50,000 x 0.5% = 250; attainment 50,000 / 100,000 = 50% >= 40%.
    expect(explain(results, { ...at, earning: 'b' })?.sentence).toBe(
      'b is 250.00 USD: bookings 50,000.00 USD x 0.5%, attainment 50%, value 250.00 USD',
    );
    // The gate sentence is kept, after the constant: 50% < 75%, nothing is paid.
    expect(explain(results, { ...at, earning: 'g' })?.sentence).toBe(
      'g is 0.00 USD: bookings 50,000.00 USD x 0.5%, attainment 50%, value 250.00 USD; ' +
        'the condition (when attainment >= 75%) does not hold, so nothing is paid',
    );
    // 50,000 / 4 = 12,500.
    expect(explain(results, { ...at, earning: 'd' })?.sentence).toBe(
      'd is 12,500.00 USD: bookings 50,000.00 USD / 4, value 12,500.00 USD',
    );
  });

  it('plus and minus a constant, and money per unit of a count (csm-renewals multi_year)', () => {
    const results = resultsOf(`bonus p = bookings * 2% + 500 USD
  bonus m = bookings - 45_000 USD
  bonus k = 200 USD + bookings * 1%
  spiff s = count(deals) * 750 USD`);
    // 50,000 x 2% = 1,000, + 500 = 1,500.
    expect(explain(results, { ...at, earning: 'p' })?.sentence).toBe(
      'p is 1,500.00 USD: bookings 50,000.00 USD x 2% + 500.00 USD, value 1,500.00 USD',
    );
    // 50,000 - 45,000 = 5,000.
    expect(explain(results, { ...at, earning: 'm' })?.sentence).toBe(
      'm is 5,000.00 USD: bookings 50,000.00 USD - 45,000.00 USD, value 5,000.00 USD',
    );
    // 50,000 x 1% = 500, + 200 = 700.
    expect(explain(results, { ...at, earning: 'k' })?.sentence).toBe(
      'k is 700.00 USD: bookings 50,000.00 USD x 1% + 200.00 USD, value 700.00 USD',
    );
    // 2 deals x 750 = 1,500.
    expect(explain(results, { ...at, earning: 's' })?.sentence).toBe(
      's is 1,500.00 USD: count(deals) 2 x 750.00 USD, value 1,500.00 USD',
    );
  });

  it('a per-line rule plus a constant gives its lines the factors only: the constant is on the base line', () => {
    const results = resultsOf('commission c = bookings * 10% + 100 USD per line');
    // The earning: 50,000 x 10% = 5,000, + 100 = 5,100.
    expect(explain(results, { ...at, earning: 'c' })?.sentence).toBe(
      'c is 5,100.00 USD: bookings 50,000.00 USD x 10% + 100.00 USD, value 5,100.00 USD',
    );
    // The 100 is paid once, on the base line (c without any record: 0 x 10% + 100 = 100), so each
    // deal's line is its bookings x 10%: D1 30,000 x 10% = 3,000, D2 20,000 x 10% = 2,000
    // (100 + 3,000 + 2,000 = 5,100). No "+ 100" on a deal's line.
    expect(explain(results, { ...at, earning: 'c', line: 'D1' })?.sentence).toBe(
      'c for deals D1 is 3,000.00 USD: bookings 30,000.00 USD x 10%',
    );
    expect(explain(results, { ...at, earning: 'c', line: 'D2' })?.sentence).toBe(
      'c for deals D2 is 2,000.00 USD: bookings 20,000.00 USD x 10%',
    );
  });

  it('keeps rate-table, rate and if sentences as they were', () => {
    const results = resultsOf(`rate table rt on attainment marginal {
    0% to 100%: 10%
    100% and up: 15%
  }
  commission t = tiered(bookings, rt) * 50%
  commission r = bookings * rate(rt)
  commission i = if attainment >= 40% then bookings * 2% else 0 USD
  commission two = bookings * 1% + q`);
    // tiered: 50,000 at 10% = 5,000, x 50% = 2,500: the bands' own sentence, unchanged.
    const t = explain(results, { ...at, earning: 't' });
    expect(t?.value).toBe('2500.00');
    expect(t?.trace.inputs.some((i) => i.constants !== undefined)).toBe(false);
    // 50,000 x 10% = 5,000: the rate reached is the tier's, not a constant.
    expect(explain(results, { ...at, earning: 'r' })?.sentence).toBe(
      'r is 5,000.00 USD: 10% (attainment 50%, between 0% and 100%), tier 1 of rt; ' +
        'bookings 50,000.00 USD, value 5,000.00 USD',
    );
    // An `if` and a sum of two inputs are not the simple shapes: no constants.
    expect(explain(results, { ...at, earning: 'i' })?.trace.inputs.some((x) => x.constants)).toBe(false);
    expect(explain(results, { ...at, earning: 'two' })?.trace.inputs.some((x) => x.constants)).toBe(false);
  });
});

describe('constants on a converted amount', () => {
  it('names a factor next to the amount converted, but no term added in another currency', () => {
    const plan = planOf(
      quarterly(`source fees { id: Text key, owner: Payee owner, fee: Money(EUR), billed: Date dated }
  measure eur_fees = sum(fees.fee)
  bonus attach = convert(eur_fees, USD) * 4%
  bonus plus = convert(eur_fees, USD) - 100 USD`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep', {})],
        records: { fees: rows({ id: 'F1', owner: 'rep', fee: '2000', billed: '2026-02-01' }) },
        fx: [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' }],
      },
      ['2026-Q1'],
    );
    // 2,000 EUR x 4% x 1.1 = 88.00 USD.
    expect(explain(results, { ...at, earning: 'attach' })?.sentence).toBe(
      'attach is 88.00 USD: eur_fees 2,000.00 EUR x 4%, FX EUR/USD on 2026-03-31 1.1, value 88.00 USD',
    );
    // 2,000 x 1.1 = 2,200, - 100 = 2,100 USD: "eur_fees 2,000.00 EUR - 100.00 USD" would mislead.
    const plus = explain(results, { ...at, earning: 'plus' });
    expect(plus?.value).toBe('2100.00');
    expect(plus?.trace.inputs.some((i) => i.constants)).toBe(false);
  });
});
