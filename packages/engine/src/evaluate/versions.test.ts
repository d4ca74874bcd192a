import { describe, expect, it } from 'vitest';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

describe('versioned definitions', () => {
  const plan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  rate table rates on bookings retroactive {
    0 USD and up: 10%
  } effective 2026-01-01 to 2026-05-31
  rate table rates on bookings retroactive {
    0 USD and up: 20%
  } effective 2026-06-01 to 2026-12-31
  let kicker: Money = 100 USD effective 2026-01-01 to 2026-06-30
  let kicker: Money = 300 USD effective 2026-07-01 to 2026-12-31
  commission c = tiered(bookings, rates)
  bonus k = kicker`),
  );
  const results = run(
    plan,
    {
      payees: [payee('rep')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-01' },
          { id: 'D2', owner: 'rep', amount: '1000', close_date: '2026-05-01' },
          { id: 'D3', owner: 'rep', amount: '1000', close_date: '2026-08-01' },
        ),
      },
    },
    ['2026-Q1', '2026-Q2', '2026-Q3'],
  );
  it('use the version in force on the last day of the period', () => {
    // Q1: 10%. Q2 (April to June) ends under the June version: 20%, even for a deal of May. Q3: 20%.
    expect(['2026-Q1', '2026-Q2', '2026-Q3'].map((p) => earned(statement(results, 'rep', p), 'c'))).toEqual([
      '100.00',
      '200.00',
      '200.00',
    ]);
    expect(['2026-Q1', '2026-Q2', '2026-Q3'].map((p) => earned(statement(results, 'rep', p), 'k'))).toEqual([
      '100.00',
      '100.00',
      '300.00',
    ]);
  });
});
