import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { amountText } from './amounts.js';
import { creditedRevenue, headlineCredit } from './credited-revenue.js';

const SOURCES = `source deals { id: Text key, owner: Payee owner, partner: Payee optional, amount: Money, close_date: Date dated }
  payee { quota: Money }`;

// Reps r1 and r2 report to manager m, who reports to director d.
const payees = [
  payee('d', { quota: '1' }),
  payee('m', { quota: '1' }, { manager: 'd' }),
  payee('r1', { quota: '1' }, { manager: 'm' }),
  payee('r2', { quota: '1' }, { manager: 'm' }),
];
const deals = rows(
  { id: 'D1', owner: 'r1', amount: '100', close_date: '2026-01-10' },
  { id: 'D2', owner: 'r2', amount: '50.25', close_date: '2026-02-10' },
);

const revenue = (body: string, data = { payees, records: { deals } }, periods = ['2026-Q1']) => {
  const results = run(planOf(quarterly(`${SOURCES}\n  ${body}`)), data, periods);
  return amountText(creditedRevenue(results.statements));
};

describe('credited revenue', () => {
  it('counts a deal once when it also credits the managers above its owner', () => {
    // r1 100, r2 50.25, m 150.25 and d 150.25 by roll-up (on top of the owner's 100%): credited
    // 451 in all, revenue 100 + 50.25 = 150.25.
    const body =
      'credit bookings from deals { to owner\n to managers of owner as overlay }\n  commission c = bookings * 1%';
    expect(revenue(body)).toBe('150.25');
    const results = run(planOf(quarterly(`${SOURCES}\n  ${body}`)), { payees, records: { deals } }, [
      '2026-Q1',
    ]);
    expect(results.statements.map((s) => [s.payee, s.credits[0]?.total])).toEqual([
      ['d', '150.25'],
      ['m', '150.25'],
      ['r1', '100'],
      ['r2', '50.25'],
    ]);
  });

  it('counts the full amount of a deal credited only by roll-up', () => {
    // m and d both receive 100 and 50.25: each deal counts once, at its full amount.
    expect(revenue('credit team from deals { to managers of owner }\n  commission c = team * 1%')).toBe(
      '150.25',
    );
  });

  it('adds up the shares of a split', () => {
    // D3 (300.10): r1 60% = 180.06, r2 40% = 120.04 → 300.10.
    const split = {
      payees,
      records: {
        deals: rows({ id: 'D3', owner: 'r1', partner: 'r2', amount: '300.10', close_date: '2026-03-01' }),
      },
    };
    const body = `credit bookings from deals { to owner share 60%\n to partner share 40% }\n  commission c = bookings * 1%`;
    expect(revenue(body, split)).toBe('300.10');
  });

  it('reads the credit the headline attainment measures, else the first credit', () => {
    const body = `credit all_deals from deals { to owner }
  credit large from deals where amount > 60 USD { to owner }
  measure attainment = large / payee.quota
  commission c = all_deals * 1%`;
    const results = run(planOf(quarterly(`${SOURCES}\n  ${body}`)), { payees, records: { deals } }, [
      '2026-Q1',
    ]);
    const r1 = results.statements.find((s) => s.payee === 'r1');
    expect(r1 && headlineCredit(r1)?.name).toBe('large');
    // Only D1 (100) is large.
    expect(amountText(creditedRevenue(results.statements))).toBe('100');
    expect(revenue('credit all_deals from deals { to owner }\n  commission c = all_deals * 1%')).toBe(
      '150.25',
    );
  });

  it('counts each period of its own', () => {
    const both = {
      payees,
      records: {
        deals: [...deals, ...rows({ id: 'D9', owner: 'r1', amount: '1', close_date: '2026-04-01' })].map(
          (r, i) => ({ ...r, row: i + 1 }),
        ),
      },
    };
    expect(
      revenue('credit bookings from deals { to owner }\n  commission c = bookings * 1%', both, [
        '2026-Q1',
        '2026-Q2',
      ]),
    ).toBe('151.25');
  });
});
