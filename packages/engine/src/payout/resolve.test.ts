import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { linesOf } from './test-support.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { rel: Date optional, start: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  holdback h = 50% of c until payee.rel
  guarantee g = 2_000 USD for 4 periods from payee.start
`),
);

const data: Dataset = {
  payees: [payee('a', { rel: '2026-06-30', start: '2026-01-01' }), payee('b', { rel: null, start: '' })],
  records: {
    deals: rows(
      { id: 'A1', owner: 'a', amount: '10000', close_date: '2026-02-01' },
      { id: 'B1', owner: 'b', amount: '10000', close_date: '2026-02-01' },
    ),
  },
};

describe('payout terms with an empty date', () => {
  it('keep a holdback without a release date holding, and say so for every statement', () => {
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2']);
    // a: Q1 c = 1000.00, keeps 500.00, guarantee 2000 - 1000 = 1000.00; Q2 contains 2026-06-30:
    //    releases 500.00, guarantee 2000.00.
    // b: keeps 500.00 in Q1 and still holds it in Q2 (no release date); no guarantee (no start date).
    const lines = results.statements.map((s) => [s.payee, s.period, ...linesOf(s).map((l) => l.join(' '))]);
    expect(lines).toEqual([
      ['a', '2026-Q1', 'guarantee:g 1000.00', 'holdback:h -500.00'],
      ['a', '2026-Q2', 'guarantee:g 2000.00', 'holdback-release:h 500.00'],
      ['b', '2026-Q1', 'holdback:h -500.00'],
      ['b', '2026-Q2'],
    ]);
    expect(results.statements[3]?.balances).toEqual({ 'holdback:h': '500.00' });
    expect(
      results.warnings.map((w) => [w.payee, w.period, w.code, w.rule?.kind, w.rule?.name, w.message]),
    ).toEqual([
      [
        'b',
        '2026-Q1',
        'no-value',
        'guarantee',
        'g',
        'the start date of guarantee g (payee.start) has no value for b, so g guarantees nothing in 2026-Q1',
      ],
      [
        'b',
        '2026-Q1',
        'no-value',
        'holdback',
        'h',
        'the release date of holdback h (payee.rel) has no value for b, so h keeps holding back in 2026-Q1 and releases nothing',
      ],
      [
        'b',
        '2026-Q2',
        'no-value',
        'guarantee',
        'g',
        'the start date of guarantee g (payee.start) has no value for b, so g guarantees nothing in 2026-Q2',
      ],
      [
        'b',
        '2026-Q2',
        'no-value',
        'holdback',
        'h',
        'the release date of holdback h (payee.rel) has no value for b, so h keeps holding back in 2026-Q2 and releases nothing',
      ],
    ]);
    expect(results.warnings[1]?.range).toEqual(PLAN.holdbacks[0]?.range);
  });
});

describe('draw and guarantee periods', () => {
  const plan = planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw d = 500 USD recoverable for 2 periods
  guarantee g = 1_000 USD for 2 periods
`),
  );

  it('count from the first day on the plan, not from an assignment that ended before it began', () => {
    const results = run(
      plan,
      {
        payees: [
          // A rehire: an earlier stint ended in 2025, before the plan's dates; back on 2026-05-01.
          payee(
            'r',
            {},
            {
              plans: [
                { plan: 'Test', from: '2025-01-01', to: '2025-06-30' },
                { plan: 'Test', from: '2026-05-01' },
              ],
            },
          ),
          payee('n', {}, { plans: [{ plan: 'Test', from: '2026-05-01' }] }),
        ],
        records: { deals: [] },
      },
      ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
    );
    // Both are first on the plan on 2026-05-01: Q2 is period 1, Q3 period 2, Q4 after them.
    // Q2 and Q3: nothing earned; draw 500 - max(0, 0) = 500.00 (owed 500, then 1,000);
    // guarantee 1,000 - (0 + 500) = 500.00; payout 1,000.00. Q4: nothing, 1,000.00 still owed.
    const lines = (id: string) =>
      results.statements
        .filter((s) => s.payee === id)
        .map((s) => [s.period, s.payout, s.balances['draw:d'], ...linesOf(s).map((l) => l.join(' '))]);
    const expected = [
      ['2026-Q2', '1000.00', '500.00', 'draw:d 500.00', 'guarantee:g 500.00'],
      ['2026-Q3', '1000.00', '1000.00', 'draw:d 500.00', 'guarantee:g 500.00'],
      ['2026-Q4', '0.00', '1000.00'],
    ];
    expect(lines('r')).toEqual(expected);
    expect(lines('n')).toEqual(expected);
  });

  it('are consecutive calendar periods: a period off the plan counts among them', () => {
    const results = run(
      plan,
      {
        payees: [
          payee(
            'g',
            {},
            {
              plans: [
                { plan: 'Test', to: '2026-03-31' },
                { plan: 'Test', from: '2026-07-01' },
              ],
            },
          ),
        ],
        records: { deals: [] },
      },
      ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
    );
    // Q1 is period 1: draw 500.00, guarantee 1,000 - 500 = 500.00. Q2 (off the plan, no statement)
    // is period 2, so Q3 and Q4 are after both: no lines, 500.00 still owed.
    expect(
      results.statements.map((s) => [s.period, s.payout, ...linesOf(s).map((l) => l.join(' '))]),
    ).toEqual([
      ['2026-Q1', '1000.00', 'draw:d 500.00', 'guarantee:g 500.00'],
      ['2026-Q3', '0.00'],
      ['2026-Q4', '0.00'],
    ]);
  });
});
