import { describe, expect, it } from 'vitest';
import type { AdjustmentLine, Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from './explain.js';
import { exactMoney, money, percent } from './sentence.js';

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
    // D2 takes attainment from 80% to 120%: all 60,000 at 10% = 6,000, minus the 2,000 D1 paid = 4,000:
    // its own 20,000 at 10% = 2,000, plus the uplift of D1's 40,000 from 5% to 10% = 2,000.
    const e = explain(results, { ...at, earning: 'c', line: 'c:D2' });
    expect(e?.value).toBe('4000.00');
    expect(e?.trace.tier).toMatchObject({ table: 'rates', index: 2, rate: '0.1' });
    expect(e?.sentence).toBe(
      'Commission for deals D2 is 4,000.00 USD: 10% (attainment 120%, at or above quota), tier 2 of rates; ' +
        'bookings 20,000.00 USD, uplift on earlier records 2,000.00 USD',
    );
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
      'Payout is 7,000.00 USD: Commission 6,000.00 USD, Quarter bonus 1,000.00 USD, earned 7,000.00 USD; no adjustments',
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
    // Both lines credit the whole 500; without a role, the record's credit in all: 500 + 500 = 1,000.
    expect(explain(both, { ...ref, role: 'owner' })?.value).toBe('500');
    expect(explain(both, { ...ref, role: 'overlay' })?.value).toBe('500');
    expect(explain(both, ref)?.value).toBe('1000');
    expect(explain(both, ref)?.trace.inputs).toContainEqual({ name: 'owner', value: '500', unit: 'USD' });
    expect(explain(both, { ...ref, role: 'split' })).toBeUndefined();
  });

  it('finds nothing for a number that is not there', () => {
    expect(explain(results, { ...at, earning: 'nope' })).toBeUndefined();
    expect(explain(results, { ...at, payee: 'nobody', payout: true })).toBeUndefined();
    expect(explain(results, { ...at, earning: 'c', line: 'c:D9' })).toBeUndefined();
  });
});

describe('explain: units, decimals, curves and windows', () => {
  it('prices a count in its own unit and shows the plan decimals', () => {
    const plan3 = planOf(
      quarterly(
        `source meetings { id: Text key, owner: Payee owner, held: Date dated }
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  measure held = count(meetings)
  rate table mt on held marginal {
    0 to 10: 50 USD
    10 and up: 75 USD
  }
  bonus mb = tiered(held, mt)
  commission p = bookings * 8.1%`,
        'rounding half up to 3 decimals at line',
      ),
    );
    const meetings = Array.from({ length: 12 }, (_, i) => ({
      row: i + 1,
      values: { id: `M${i}`, owner: 'rep', held: '2026-02-02' },
    }));
    const results = run(
      plan3,
      {
        payees: [payee('rep')],
        records: {
          meetings,
          deals: rows({ id: 'D1', owner: 'rep', amount: '123456.78', close_date: '2026-02-01' }),
        },
      },
      ['2026-Q1'],
    );
    // 10 meetings at 50 USD = 500, plus 2 at 75 USD = 150: 650 (counts, not money).
    expect(explain(results, { ...at, earning: 'mb' })?.sentence).toBe(
      'mb is 650.000 USD: 50.000 USD each on the 10 between 0 and 10, tier 1 of mt, ' +
        'plus 75.000 USD each on the 2 above 10, tier 2 of mt',
    );
    // 123,456.78 x 8.1% = 9,999.99918, rounded to 3 decimals: 9,999.999 (2 decimals would show
    // 10,000.00). The value the rule computed is an input: shown with every decimal it has.
    expect(explain(results, { ...at, earning: 'p' })?.sentence).toBe(
      'p is 9,999.999 USD: bookings 123,456.780 USD x 8.1%, value 9,999.99918 USD',
    );
  });

  it('explains a pay curve below its first point', () => {
    const curved = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money, target: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure attainment = bookings / bq
  pay curve pc on attainment {
    80%: 0%
    100%: 100%
  }
  bonus cb = payee.target * curve(pc)`),
    );
    const at0 = (amount: string) =>
      run(
        curved,
        {
          payees: [payee('rep', { q: '100000', target: '10000' })],
          records: { deals: rows({ id: 'D1', owner: 'rep', amount, close_date: '2026-02-01' }) },
        },
        ['2026-Q1'],
      );
    // 50% is below the first point (80%: 0%): 10,000 x 0% = 0.
    expect(explain(at0('50000'), { ...at, earning: 'cb' })?.sentence).toBe(
      'cb is 0.00 USD: 0% from pc at attainment 50%, at or below its first point 80%; payee.target 10,000.00 USD, value 0.00 USD',
    );
    // 90% is halfway from 80% (0%) to 100% (100%): 50%, and 10,000 x 50% = 5,000.
    expect(explain(at0('90000'), { ...at, earning: 'cb' })?.sentence).toBe(
      'cb is 5,000.00 USD: 50% from pc at attainment 90%, between its points 80% (pays 0%) and 100% (pays 100%); payee.target 10,000.00 USD, value 5,000.00 USD',
    );
  });

  it('shows the value of a to-date window, not of the period', () => {
    const ytd = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  measure y = ytd(bookings)
  measure both = ytd(bookings) - bookings
  bonus yb = ytd(bookings) * 1% paid year to date`),
    );
    const results = run(
      ytd,
      {
        payees: [payee('rep')],
        records: {
          deals: rows(
            { id: 'D1', owner: 'rep', amount: '60000', close_date: '2026-02-01' },
            { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-05-01' },
          ),
        },
      },
      ['2026-Q1', '2026-Q2'],
    );
    const q2 = { payee: 'rep', period: '2026-Q2' };
    // Year to date in Q2: 60,000 + 20,000 = 80,000 (Q2 alone is 20,000).
    expect(explain(results, { ...q2, measure: 'y' })?.sentence).toBe(
      'y is 80,000.00 USD: bookings year to date 80,000.00 USD',
    );
    expect(explain(results, { ...q2, measure: 'both' })?.sentence).toBe(
      'both is 60,000.00 USD: bookings 20,000.00 USD, bookings year to date 80,000.00 USD',
    );
    // 80,000 x 1% = 800, minus the 600 paid in Q1 = 200.
    expect(explain(results, { ...q2, earning: 'yb' })?.sentence).toBe(
      'yb is 200.00 USD: bookings year to date 80,000.00 USD x 1%, value 800.00 USD, paid earlier this year 600.00 USD',
    );
  });

  it('writes the amounts of adjustment lines like the rest of the sentence, and says what is an estimate', () => {
    const paid = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c "Commission" = bookings * 10% per line
  draw d "New-hire draw" = 3_000 USD recoverable for 2 periods
  holdback h "Reserve" = 10% of c until 2026-12-31`),
    );
    const results = run(
      paid,
      {
        payees: [payee('rep')],
        records: {
          deals: [
            ...rows(
              { id: 'D1', owner: 'rep', amount: '12000', close_date: '2026-02-10' },
              { id: 'D2', owner: 'rep', amount: '40000', close_date: '2026-05-10' },
              { id: 'D3', owner: 'rep', amount: '10000', close_date: '2026-08-10' },
            ),
            {
              row: 4,
              values: { id: 'H1', owner: 'rep', amount: '20000', close_date: '2026-02-20' },
              hypothetical: true,
            },
          ],
        },
      },
      ['2026-Q1', '2026-Q2', '2026-Q3'],
    );
    const q = (n: number) => ({ payee: 'rep', period: `2026-Q${n}` });
    // Q1: c = 12,000 x 10% = 1,200 < 3,000: the draw pays 3,000 - 1,200 = 1,800, now owed.
    expect(explain(results, { ...q(1), adjustment: 'draw:d' })?.sentence).toBe(
      'New-hire draw is 1,800.00 USD: draw 3,000.00 USD, earned 1,200.00 USD, draw period 1 of 2, ' +
        'balance before 0.00 USD; earnings of 1,200.00 USD fell short of the 3,000.00 USD draw: ' +
        'it pays 3,000.00 USD - max(1,200.00 USD, 0.00 USD) = 1,800.00 USD; 1,800.00 USD now owed',
    );
    // 10% of 1,200 = 120 kept back; nothing was held before.
    expect(explain(results, { ...q(1), adjustment: 'holdback:h' })?.sentence).toBe(
      'Reserve is -120.00 USD: c 1,200.00 USD, share 10%, balance before 0.00 USD; ' +
        'keeps back 120.00 USD of c; 120.00 USD now held',
    );
    // The element's name picks the statement's one line of that name, as its id does.
    expect(explain(results, { ...q(1), adjustment: 'd' })).toEqual(
      explain(results, { ...q(1), adjustment: 'draw:d' }),
    );
    expect(explain(results, { ...q(1), adjustment: 'h' })?.value).toBe('-120.00');
    expect(explain(results, { ...q(1), adjustment: 'nothing' })).toBeUndefined();
    // Two lines of one name (a holdback kept and released in one period): only an id picks one.
    const q1 = results.statements.find((s) => s.period === '2026-Q1') as Statement;
    const held = q1.adjustments.find((a) => a.id === 'holdback:h') as AdjustmentLine;
    const both: Results = {
      ...results,
      statements: [
        { ...q1, adjustments: [...q1.adjustments, { ...held, id: 'holdback-release:h', amount: '50.00' }] },
      ],
    };
    expect(explain(both, { ...q(1), adjustment: 'h' })).toBeUndefined();
    expect(explain(both, { ...q(1), adjustment: 'holdback-release:h' })?.value).toBe('50.00');
    // 1,200 + 1,800 - 120 = 2,880: adjustments of 1,800 - 120 = 1,680.
    expect(explain(results, { ...q(1), payout: true })?.sentence).toBe(
      'Payout is 2,880.00 USD: Commission 1,200.00 USD, earned 1,200.00 USD, New-hire draw 1,800.00 USD, ' +
        'Reserve (held back) -120.00 USD; adjustments of 1,680.00 USD',
    );
    // H1 (hypothetical): 20,000 x 10% = 2,000, an estimate, never paid nor counted.
    expect(explain(results, { ...q(1), earning: 'c', line: 'H1' })?.sentence).toBe(
      'Commission for deals H1 is 2,000.00 USD: bookings 20,000.00 USD x 10%; ' +
        'an estimate, not paid: it comes from a hypothetical record',
    );
    expect(explain(results, { ...q(1), credit: 'bookings', record: 'H1' })?.sentence).toBe(
      'bookings for deals H1 is 20,000.00 USD: share 100%, role owner; ' +
        'an estimate, not counted: it comes from a hypothetical record',
    );
    // Q2: c = 4,000, of which the reserve keeps 10% = 400 back: the period pays 3,600, 600 above
    // the draw: 600 of the 1,800 owed recovered, 1,200 still owed.
    expect(explain(results, { ...q(2), adjustment: 'draw-recovery:d' })?.sentence).toBe(
      'New-hire draw is -600.00 USD: draw 3,000.00 USD, earned 4,000.00 USD, draw period 2 of 2, ' +
        'holdbacks -400.00 USD, balance before 1,800.00 USD; recovers 600.00 USD of the ' +
        '1,800.00 USD draw balance from what this period pays above 3,000.00 USD ' +
        '(earned 4,000.00 USD + holdbacks -400.00 USD = 3,600.00 USD); 1,200.00 USD still owed',
    );
    // Q3, after the 2 periods: c = 1,000 less 100 held back, all 900 above the draw: 900 of the
    // 1,200 owed recovered, 300 still owed.
    expect(explain(results, { ...q(3), adjustment: 'draw-recovery:d' })?.sentence).toBe(
      'New-hire draw is -900.00 USD: earned 1,000.00 USD, draw period ended, holdbacks -100.00 USD, ' +
        'balance before 1,200.00 USD; recovers 900.00 USD of the 1,200.00 USD draw balance from what this ' +
        'period pays above 0.00 USD (earned 1,000.00 USD + holdbacks -100.00 USD = 900.00 USD); 300.00 USD still owed',
    );
  });
});

describe('explain: limits as applied', () => {
  it('says the cap as rounding applied it: a cap of 40.005 pays at most 40.00 at line and earning', () => {
    for (const point of ['line', 'earning']) {
      const plan = planOf(
        quarterly(
          `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission g = bookings * 10% per line cap 40.005 USD`,
          `rounding half up to 2 decimals at ${point}`,
        ),
      );
      const results = run(
        plan,
        {
          payees: [payee('a')],
          records: {
            deals: rows(
              { id: 'D1', owner: 'a', amount: '300', close_date: '2026-02-01' },
              { id: 'D2', owner: 'a', amount: '300', close_date: '2026-02-02' },
            ),
          },
        },
        ['2026-Q1'],
      );
      const q1 = { payee: 'a', period: '2026-Q1' };
      // 30.00 + 30.00 = 60.00, capped at 40.005 lowered to the cent grid: 40.00 (D2 keeps 10.00).
      expect(explain(results, { ...q1, earning: 'g' })?.sentence, point).toBe(
        'g is 40.00 USD: bookings 600.00 USD x 10%, value 60.00 USD; capped at 40.00 USD',
      );
      expect(explain(results, { ...q1, earning: 'g', line: 'D2' })?.sentence, point).toBe(
        'g for deals D2 is 10.00 USD: bookings 300.00 USD x 10%; reduced by the cap of 40.00 USD, from 30.00 USD',
      );
    }
  });

  /** Manual adjustments of 10.005 EUR (at 1.1 USD) and 1.005 USD, rounded at `point`. */
  const manualAt = (point: string) =>
    run(
      planOf(
        quarterly(
          `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission g = bookings * 10%
  adjustment manual "Manual" from data`,
          `rounding half up to 2 decimals at ${point}`,
        ),
      ),
      {
        payees: [payee('a')],
        adjustments: [
          { id: 'A2', payee: 'a', period: '2026-Q1', amount: '10.005', currency: 'EUR', reason: 'eur' },
          { id: 'A3', payee: 'a', period: '2026-Q1', amount: '1.005', reason: 'usd' },
        ],
        fx: [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' }],
      },
      ['2026-Q1'],
    );

  it('shows an input as given, every decimal of it, when the plan rounds at each line', () => {
    const results = manualAt('line');
    // 10.005 EUR x 1.1 = 11.0055 USD, rounded at the line: 11.01; the amount given stays 10.005 EUR.
    expect(explain(results, { payee: 'a', period: '2026-Q1', adjustment: 'manual:A2' })?.sentence).toBe(
      'Manual is 11.01 USD: amount 10.005 EUR, FX EUR/USD on 2026-03-31 1.1; eur (10.005 EUR at 1.1 = 11.01 USD)',
    );
  });

  it('keeps every decimal at the payout rounding point, so that the items add up', () => {
    const results = manualAt('payout');
    const q1 = { payee: 'a', period: '2026-Q1' };
    // 10.005 EUR x 1.1 = 11.0055 USD, kept whole until the payout: 11.0055 + 1.005 = 12.0105, 12.01.
    expect(explain(results, { ...q1, adjustment: 'manual:A3' })?.sentence).toBe(
      'Manual is 1.005 USD: amount 1.005 USD; usd',
    );
    expect(explain(results, { ...q1, payout: true })?.sentence).toBe(
      'Payout is 12.01 USD: g 0.00 USD, earned 0.00 USD, manual adjustment A2 11.0055 USD, ' +
        'manual adjustment A3 1.005 USD; adjustments of 12.0105 USD, rounded half up to 2 decimals',
    );
  });
});

describe('explain: a number without a value', () => {
  it('says it has no value, with what it read', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { annual_quota: Money }
  credit bookings from deals { to owner }
  quota q = payee.annual_quota
  measure attainment = bookings / q
  commission c = bookings * 10%`),
    );
    // A quota of 0: attainment divides by zero and has no value.
    const results = run(plan, { payees: [payee('a', { annual_quota: '0' })] }, ['2026-Q1'], {
      mode: 'lenient',
    });
    expect(explain(results, { payee: 'a', period: '2026-Q1', measure: 'attainment' })?.sentence).toBe(
      'attainment has no value: bookings 0.00 USD, q 0.00 USD',
    );
  });
});

describe('explain: long decimals', () => {
  const ratios = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money, target: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure attainment = bookings / bq
  measure avg_deal = bookings / 3
  measure per_deal: Number = count(deals) / 3
  bonus rb = payee.target * attainment
  bonus ab = avg_deal`),
  );
  const results = run(
    ratios,
    {
      payees: [payee('rep', { q: '30000', target: '1000' })],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '25000', close_date: '2026-02-01' },
          { id: 'D2', owner: 'rep', amount: '15000', close_date: '2026-02-02' },
        ),
      },
    },
    ['2026-Q1'],
  );
  it('shows a quotient to the cent and says what it was rounded from', () => {
    // 1,000 x 40,000 / 30,000 = 1,333.3333...: paid 1,333.33 (half up at the line); the value the
    // rule computed is shown to the cent, and to 4 decimals what it was rounded from.
    expect(explain(results, { ...at, earning: 'rb' })?.sentence).toBe(
      'rb is 1,333.33 USD: attainment 133.3333%, payee.target 1,000.00 USD, value 1,333.33 USD (rounded from 1,333.3333)',
    );
    // 40,000 / 3 = 13,333.3333...
    expect(explain(results, { ...at, measure: 'avg_deal' })?.sentence).toBe(
      'avg_deal is 13,333.33 USD (rounded from 13,333.3333): bookings 40,000.00 USD',
    );
  });
  it('says once that an amount was rounded', () => {
    // avg_deal and the value of ab are the same 13,333.3333...: said rounded once.
    expect(explain(results, { ...at, earning: 'ab' })?.sentence).toBe(
      'ab is 13,333.33 USD: avg_deal 13,333.33 USD (rounded from 13,333.3333), value 13,333.33 USD',
    );
  });
  it('says once per amount, not per rounded text', () => {
    const said = new Set<string>();
    // 1,400.6064612 and 1,400.6065388 both read 1,400.6065 to 4 decimals: each says it was rounded;
    // the first again does not.
    expect(exactMoney('1400.6064612', 'USD', 2, said)).toBe('1,400.61 USD (rounded from 1,400.6065)');
    expect(exactMoney('1400.6065388', 'USD', 2, said)).toBe('1,400.61 USD (rounded from 1,400.6065)');
    expect(exactMoney('1400.6064612', 'USD', 2, said)).toBe('1,400.61 USD');
    // 6 decimals, 4 more than shown: whole, as an amount given or a product of a few decimals is.
    expect(exactMoney('108.425421', 'USD', 2, said)).toBe('108.425421 USD');
  });
  it('shows a plain number to at most 4 decimals, like a percentage', () => {
    // 2 deals / 3 = 0.6666...: 0.6667.
    expect(explain(results, { ...at, measure: 'per_deal' })?.sentence).toBe(
      'per_deal is 0.6667: count(deals) 2',
    );
  });
});

describe('explain: the value a curve or a tier was read at', () => {
  const curved = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money, target: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure retention = bookings / bq
  pay curve rc on retention {
    80%: 0%
    85%: 25%
    90%: 60%
    95%: 100%
    100%: 130%
    105%: 150%
  }
  bonus rb = payee.target * curve(rc)`),
  );
  const at = (amount: string) =>
    run(
      curved,
      {
        payees: [payee('rep', { q: '284000', target: '6300' })],
        records: { deals: rows({ id: 'D1', owner: 'rep', amount, close_date: '2026-02-01' }) },
      },
      ['2026-Q1'],
    );
  const q1 = { payee: 'rep', period: '2026-Q1', earning: 'rb' };
  it('says the measure, its value and the two points of a curve around it (csm-004)', () => {
    // 239,827.69 / 284,000 = 84.44637...%, between 80% (0%) and 85% (25%):
    // 0% + (84.44637 - 80) / (85 - 80) x 25% = 22.23185%; 6,300 x 22.23185% = 1,400.6065, paid 1,400.61.
    const e = explain(at('239827.69'), q1);
    expect(e?.trace.tier).toMatchObject({ on: 'retention', fromRate: '0', toRate: '0.25' });
    expect(e?.trace.tier?.at?.slice(0, 8)).toBe('0.844463');
    expect(e?.sentence).toBe(
      'rb is 1,400.61 USD: 22.2318% from rc at retention 84.4464%, between its points 80% (pays 0%) ' +
        'and 85% (pays 25%); payee.target 6,300.00 USD, value 1,400.61 USD (rounded from 1,400.6065)',
    );
  });
  it('says when the value is beyond the last point of a curve', () => {
    // 300,000 / 284,000 = 105.63380...%, above the last point 105% (150%): 6,300 x 150% = 9,450.
    expect(explain(at('300000'), q1)?.sentence).toBe(
      'rb is 9,450.00 USD: 150% from rc at retention 105.6338%, at or above its last point 105%; ' +
        'payee.target 6,300.00 USD, value 9,450.00 USD',
    );
  });
});

describe('explain: the aggregates and conversions a rule is made of', () => {
  const counted = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source fees { id: Text key, owner: Payee owner, fee: Money(EUR), billed: Date dated, approved: Boolean }
  credit pipeline from deals { to owner }
  let rate_each: Money = 150 USD
  measure eur_fees = sum(fees.fee where approved)
  earning per_deal = count(pipeline) * rate_each
  bonus attach = convert(eur_fees, USD, end_of(period)) * 4%
  bonus claims = convert(sum(fees.fee where approved), USD) * 2%
  measure whole = count(pipeline)`),
  );
  const results = run(
    counted,
    {
      payees: [payee('rep')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-10' },
          { id: 'D2', owner: 'rep', amount: '2000', close_date: '2026-02-10' },
          { id: 'D3', owner: 'rep', amount: '3000', close_date: '2026-03-10' },
        ),
        fees: rows(
          { id: 'F1', owner: 'rep', fee: '2000', billed: '2026-02-01', approved: 'true' },
          { id: 'F2', owner: 'rep', fee: '500', billed: '2026-02-02', approved: 'false' },
        ),
      },
      fx: [
        { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.08' },
        { from: 'EUR', to: 'USD', date: '2026-03-01', rate: '1.1' },
      ],
    },
    ['2026-Q1'],
  );
  it('gives the value of an aggregate that is part of the rule (sdr opportunity_pay)', () => {
    // 3 deals credited x 150 USD = 450: the count was missing, so 450 could not be redone.
    expect(explain(results, { ...at, earning: 'per_deal' })?.sentence).toBe(
      'per_deal is 450.00 USD: rate_each 150.00 USD, count(pipeline) 3, value 450.00 USD',
    );
    // An aggregate that is the whole rule is its value: not repeated as an input.
    expect(explain(results, { ...at, measure: 'whole' })?.sentence).toBe('whole is 3');
  });
  it('gives the FX rate of a conversion (csm services_attach, channel-partner mdf_bonus)', () => {
    // F1 only (approved): 2,000 EUR at the 2026-03-31 rate 1.1 (from 2026-03-01) = 2,200 USD x 4% = 88.
    expect(explain(results, { ...at, earning: 'attach' })?.sentence).toBe(
      'attach is 88.00 USD: eur_fees 2,000.00 EUR x 4%, FX EUR/USD on 2026-03-31 1.1, value 88.00 USD',
    );
    // The same sum written in the rule: 2,000 EUR x 1.1 x 2% = 44.
    expect(explain(results, { ...at, earning: 'claims' })?.sentence).toBe(
      'claims is 44.00 USD: sum(fees.fee where approved) 2,000.00 EUR x 2%, FX EUR/USD on 2026-03-31 1.1, value 44.00 USD',
    );
  });
});

describe('explain: the row of a lookup table', () => {
  const looked = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { level: Integer, region: Text }
  credit pipeline from deals { to owner }
  lookup table opp_rates by level {
    1: 150 USD
    2: 175 USD
    otherwise: 200 USD
  }
  lookup table uplift by level, region {
    1, "EMEA": 2%
    *, *: 1%
  }
  let opp_rate: Money = lookup(opp_rates, payee.level)
  earning opp_pay = count(pipeline) * opp_rate
  bonus kicker = pipeline * lookup(uplift, payee.level, payee.region)`),
  );
  const results = run(
    looked,
    {
      payees: [payee('rep', { level: '2', region: 'EMEA' }), payee('lead', { level: '3', region: 'NA' })],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-10' },
          { id: 'D2', owner: 'rep', amount: '2000', close_date: '2026-02-10' },
          { id: 'D3', owner: 'lead', amount: '4000', close_date: '2026-02-11' },
        ),
      },
    },
    ['2026-Q1'],
  );
  it('says which row the keys matched, for a let the rule reads (sdr opportunity_rate)', () => {
    // rep is level 2: row 2, 175 USD; 2 deals x 175 = 350.
    expect(explain(results, { ...at, earning: 'opp_pay' })?.sentence).toBe(
      'opp_pay is 350.00 USD: opp_rate 175.00 USD, count(pipeline) 2, opp_rates at level 2 (row 2) 175.00 USD, value 350.00 USD',
    );
    // lead is level 3: no row, otherwise 200 USD; 1 deal x 200 = 200.
    expect(explain(results, { payee: 'lead', period: '2026-Q1', earning: 'opp_pay' })?.sentence).toBe(
      'opp_pay is 200.00 USD: opp_rate 200.00 USD, count(pipeline) 1, opp_rates at level 3 (otherwise) 200.00 USD, value 200.00 USD',
    );
  });
  it('says which row the keys matched, in the rule itself', () => {
    // rep: level 2 in EMEA does not match row 1 (level 1 only): row 2, 1%; 3,000 x 1% = 30.
    expect(explain(results, { ...at, earning: 'kicker' })?.sentence).toBe(
      'kicker is 30.00 USD: pipeline 3,000.00 USD, uplift at level 2, region EMEA (row 2) 1%, ' +
        'payee.level 2, payee.region EMEA, value 30.00 USD',
    );
  });
});
