import { describe, expect, it } from 'vitest';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const table = (mode: string) =>
  planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment ${mode} {
    0% to 50%: 2%
    50% to 100%: 8%
    100% and up: 12%
  }
  commission c = tiered(bookings, rates)
`),
  );

const data = (...amounts: string[]) => ({
  payees: [payee('rep', { quarterly_quota: '100000' })],
  records: {
    deals: rows(
      ...amounts.map((amount, i) => ({ id: `D${i + 1}`, owner: 'rep', amount, close_date: '2026-02-10' })),
    ),
  },
});

describe('rate tables', () => {
  it('marginal: each band pays its own rate', () => {
    // quota 100,000, bookings 130,000: 50,000 x 2% + 50,000 x 8% + 30,000 x 12% = 1,000 + 4,000 + 3,600 = 8,600.00
    const s = statement(run(table('marginal'), data('130000'), ['2026-Q1']), 'rep', '2026-Q1');
    expect(earned(s, 'c')).toBe('8600.00');
  });
  it('retroactive: the reached tier pays on everything', () => {
    // 130,000 x 12% = 15,600.00
    expect(
      earned(statement(run(table('retroactive'), data('130000'), ['2026-Q1']), 'rep', '2026-Q1'), 'c'),
    ).toBe('15600.00');
  });
  it('hybrid at 100%: retroactive below quota, marginal above', () => {
    // 100,000 x 8% (tier reached below quota) + 30,000 x 12% = 8,000 + 3,600 = 11,600.00
    const plan = table('hybrid at 100%');
    expect(earned(statement(run(plan, data('130000'), ['2026-Q1']), 'rep', '2026-Q1'), 'c')).toBe('11600.00');
    // 80,000 x 8% = 6,400.00 (below the hybrid point it is retroactive)
    expect(earned(statement(run(plan, data('80000'), ['2026-Q1']), 'rep', '2026-Q1'), 'c')).toBe('6400.00');
  });
  it('a lower bound is inclusive: exactly 50% is in the second tier', () => {
    // retroactive at exactly 50%: 50,000 x 8% = 4,000.00; at 49,999.99: x 2% = 999.9998 -> 1,000.00
    expect(
      earned(statement(run(table('retroactive'), data('50000'), ['2026-Q1']), 'rep', '2026-Q1'), 'c'),
    ).toBe('4000.00');
    expect(
      earned(statement(run(table('retroactive'), data('49999.99'), ['2026-Q1']), 'rep', '2026-Q1'), 'c'),
    ).toBe('1000.00');
  });
  it('bands stay exact when the attainment is a repeating decimal', () => {
    // quota 56,400, bookings 28,296.75: attainment 0.50171542... does not terminate.
    // 0-50% band: 28,200 x 2% = 564.00; above: 96.75 x 22% = 21.285; total 585.285 -> 585.29 (half up).
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment marginal {
    0% to 50%: 2%
    50% and up: 22%
  }
  commission c = tiered(bookings, rates)
`),
    );
    const input = {
      payees: [payee('rep', { quarterly_quota: '56400' })],
      records: { deals: rows({ id: 'D1', owner: 'rep', amount: '28296.75', close_date: '2026-02-10' }) },
    };
    expect(earned(statement(run(plan, input, ['2026-Q1']), 'rep', '2026-Q1'), 'c')).toBe('585.29');
  });
  it('a value no tier contains is below the first tier (pays nothing) or above the last, closed one (a warning)', () => {
    // Tiers start at 50% and end at 150%; the checker allows no gap in between, so these are the
    // only two ways to miss every tier.
    const closed = (mode: string) =>
      planOf(
        quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment ${mode} {
    50% to 100%: 8%
    100% to 150%: 12%
  }
  commission c = tiered(bookings, rates)
`),
      );
    // Below the threshold: bookings 40,000 (40%) pay nothing, and that is no surprise (no warning).
    const below = run(closed('retroactive'), data('40000'), ['2026-Q1']);
    expect(earned(statement(below, 'rep', '2026-Q1'), 'c')).toBe('0.00');
    expect(below.warnings).toEqual([]);
    // Above the last tier: bookings 200,000 (200%). Marginal pays the bands it has,
    // 50,000 x 8% + 50,000 x 12% = 4,000 + 6,000 = 10,000.00, and warns about the rest.
    const above = run(closed('marginal'), data('200000'), ['2026-Q1']);
    expect(earned(statement(above, 'rep', '2026-Q1'), 'c')).toBe('10000.00');
    expect(above.warnings.map((w) => [w.code, w.message])).toEqual([
      // Attainment 200,000 / 100,000 = 2, a Percent: it reads as 200%, not 2.
      ['no-tier', '200% is above the last tier of rates, which has no rate there'],
    ]);
    // Retroactive has no rate for the whole 200,000: the warning, and the earning has no value.
    const retro = run(closed('retroactive'), data('200000'), ['2026-Q1']);
    expect(earned(statement(retro, 'rep', '2026-Q1'), 'c')).toBe('0.00');
    expect(retro.warnings.map((w) => [w.code, w.message])).toEqual([
      ['no-tier', '200% is above the last tier of rates, which has no rate there'],
      ['no-value', 'c has no value for this payee and period, so it pays nothing'],
    ]);
  });
  it('says the value above the last tier in the unit of the table: money as money, a count as a number', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  measure won = count(deals)
  rate table by_amount on bookings marginal {
    0 USD to 100_000 USD: 10%
  }
  rate table by_count on won retroactive {
    0 to 2: 50 USD
  }
  commission c = tiered(bookings, by_amount)
  bonus b = rate(by_count)
`),
    );
    // Bookings 1,234,567.5 are above the 100,000 USD the money table ends at; 3 deals are above
    // the 2 the count table ends at.
    const deals = rows(
      { id: 'D1', owner: 'rep', amount: '1234567.5', close_date: '2026-02-10' },
      { id: 'D2', owner: 'rep', amount: '0', close_date: '2026-02-11' },
      { id: 'D3', owner: 'rep', amount: '0', close_date: '2026-02-12' },
    );
    const results = run(plan, { payees: [payee('rep')], records: { deals } }, ['2026-Q1']);
    expect(results.warnings.filter((w) => w.code === 'no-tier').map((w) => w.message)).toEqual([
      '1,234,567.50 USD is above the last tier of by_amount, which has no rate there',
      '3 is above the last tier of by_count, which has no rate there',
    ]);
  });
});
