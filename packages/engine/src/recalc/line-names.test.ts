/**
 * What a recalculation line says it corrects: a sales rep reads the sentence, not the id, so two
 * lines paid for one closed period must never read the same.
 */
import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const PLAN = planOf(
  quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw dr = 2_000 USD recoverable for 4 periods
  clawback cx = deals cancelled on cancel_date within 180 days at original rate
  adjustment manual "Manual adjustments" from data`),
);

const deal = (id: string, amount: string, close: string, cancel: string | null = null) => ({
  id,
  owner: 'l',
  amount,
  close_date: close,
  cancel_date: cancel,
});

describe('recalculation lines of a leaver settled after they left', () => {
  // l is on the plan until 2026-05-15 (a leaver in the middle of Q2).
  const payees = [payee('l', {}, { plans: [{ plan: 'Test', to: '2026-05-15' }] })];
  // Q1: L1 5,000 and L2 3,000 closed, c = 10% = 800.00; draw 2,000 - 800 = 1,200.00 (owed 1,200).
  // Q2: nothing earned, draw 2,000.00 (owed 3,200), and l leaves with 3,200.00 owed.
  const v1 = rows(deal('L1', '5000', '2026-02-01'), deal('L2', '3000', '2026-02-10'));
  const q1 = run(PLAN, { payees, records: { deals: v1 } }, ['2026-Q1']);
  const q2 = run(PLAN, { payees, records: { deals: v1 }, previous: q1 }, ['2026-Q2']);
  const previous: Results = { ...q2, statements: [...q1.statements, ...q2.statements] };

  it('name the manual adjustment and the cancelled record they correct', () => {
    expect(statement(q2, 'l', '2026-Q2').balances).toEqual({ 'draw:dr': '3200.00' });
    // Later the data says L1 and L2 were cancelled in Q2, before l left (L1 on 2026-04-20, 78 days
    // after 2026-02-01; L2 on 2026-05-01, 80 days after 2026-02-10: both within 180), and payroll
    // settles the leaver on their last statement, Q2, with two manual adjustments.
    const v2 = rows(
      deal('L1', '5000', '2026-02-01', '2026-04-20'),
      deal('L2', '3000', '2026-02-10', '2026-05-01'),
    );
    const adjustments = [
      { id: 'M1', payee: 'l', period: '2026-Q2', amount: '-1000', reason: 'draw settled from final pay' },
      { id: 'M2', payee: 'l', period: '2026-Q2', amount: '-1200', reason: 'laptop not returned' },
    ];
    const results = run(PLAN, { payees, records: { deals: v2 }, adjustments, previous }, [
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(results.errors).toEqual([]);
    // l is off the plan in Q3: a statement is made there to pay Q2's corrections.
    // Q2 now: clawbacks L1 -500.00 and L2 -300.00 (10% of 5,000 and 3,000), manual -1,000.00 and
    // -1,200.00; the draw still pays 2,000 (earned 0). Q3 pays -500 - 300 - 1,000 - 1,200 = -3,000.00.
    const q3 = statement(results, 'l', '2026-Q3');
    expect(q3.payout).toBe('-3000.00');
    expect(q3.adjustments.map((a) => [a.id, a.amount, a.trace.text, a.reason])).toEqual([
      [
        'recalculation:2026-Q2:adjustment:clawback:cx:L1',
        '-500.00',
        'clawback cx on deals L1 for 2026-Q2 was reported as 0.00 USD and is -500.00 USD with the data as it is now: the difference is paid in this period',
        '2026-Q2 recalculated: clawback cx on deals L1 was 0.00 USD, is now -500.00 USD',
      ],
      [
        'recalculation:2026-Q2:adjustment:clawback:cx:L2',
        '-300.00',
        'clawback cx on deals L2 for 2026-Q2 was reported as 0.00 USD and is -300.00 USD with the data as it is now: the difference is paid in this period',
        '2026-Q2 recalculated: clawback cx on deals L2 was 0.00 USD, is now -300.00 USD',
      ],
      [
        'recalculation:2026-Q2:adjustment:manual:M1',
        '-1000.00',
        // Not "manual Manual adjustments for 2026-Q2", the same sentence for M1 and M2.
        'manual adjustment M1 for 2026-Q2 was reported as 0.00 USD and is -1,000.00 USD with the data as it is now: the difference is paid in this period',
        '2026-Q2 recalculated: manual adjustment M1 was 0.00 USD, is now -1,000.00 USD',
      ],
      [
        'recalculation:2026-Q2:adjustment:manual:M2',
        '-1200.00',
        'manual adjustment M2 for 2026-Q2 was reported as 0.00 USD and is -1,200.00 USD with the data as it is now: the difference is paid in this period',
        '2026-Q2 recalculated: manual adjustment M2 was 0.00 USD, is now -1,200.00 USD',
      ],
    ]);
    // The draw balance is untouched: 3,200.00 owed.
    expect(q3.balances).toEqual({ 'draw:dr': '3200.00' });
  });

  it('say "draw recovery", not the line kind "draw-recovery"', () => {
    // Q1 reported owed 1,200 (above). A late Q2 deal L3 of 30,000 (2026-05-01, before l left):
    // Q2 earns 3,000 > the 2,000 draw, so it pays no draw and recovers -min(1,200, 3,000 - 2,000)
    // = -1,000.00: lines +3,000.00 (c), -2,000.00 (draw) and -1,000.00 (recovery) in Q3.
    const v2 = [...v1, { row: 3, values: deal('L3', '30000', '2026-05-01') }];
    const results = run(PLAN, { payees, records: { deals: v2 }, previous }, ['2026-Q2', '2026-Q3']);
    const q3 = statement(results, 'l', '2026-Q3');
    expect(q3.adjustments.map((a) => [a.id, a.amount])).toEqual([
      ['recalculation:2026-Q2:earning:c', '3000.00'],
      ['recalculation:2026-Q2:adjustment:draw-recovery:dr', '-1000.00'],
      ['recalculation:2026-Q2:adjustment:draw:dr', '-2000.00'],
    ]);
    // 3,000 - 1,000 - 2,000 = 0.00; owed 1,200 - 1,000 = 200.00.
    expect(q3.payout).toBe('0.00');
    expect(q3.balances).toEqual({ 'draw:dr': '200.00' });
    expect(q3.adjustments[1]?.reason).toBe(
      '2026-Q2 recalculated: draw recovery dr was 0.00 USD, is now -1,000.00 USD',
    );
  });
});
