/**
 * Scenarios a comp admin runs over several quarters, worked out by hand before the engine: draws
 * recovered and clawbacks at the original rate, a holdback released in a quarter without earnings,
 * a late deal in a closed quarter of a year-to-date plan, a leaver in the middle of a quarter. Each
 * is run quarter by quarter with the earlier results as `previous`, and compared with one call.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { dealRow, linesOf } from './test-support.js';

const SOURCE = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }`;
const YEAR = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

/** Runs in sequence, each given the statements the earlier ones paid as `previous`. */
function inSequence(
  plan: Parameters<typeof run>[0],
  data: (i: number) => Partial<Dataset>,
  runs: string[][],
) {
  const paid: Results['statements'] = [];
  const results: Results[] = [];
  let previous: Results | undefined;
  runs.forEach((periods, i) => {
    const r = run(plan, { ...data(i), ...(previous ? { previous } : {}) }, periods);
    expect(r.errors).toEqual([]);
    for (const s of r.statements) if (!s.reported) paid.push(s);
    previous = { ...r, statements: [...paid] };
    results.push(r);
  });
  return results;
}

/** What each payee was paid in all: the payouts of the statements the runs paid (not reported ones). */
function paidIn(results: readonly Results[]): Record<string, string> {
  const cents: Record<string, bigint> = {};
  for (const r of results)
    for (const s of r.statements)
      if (!s.reported) cents[s.payee] = (cents[s.payee] ?? 0n) + BigInt(s.payout.replace('.', ''));
  return Object.fromEntries(
    Object.entries(cents).map(([p, c]) => {
      const sign = c < 0n ? '-' : '';
      const a = c < 0n ? -c : c;
      return [p, `${sign}${a / 100n}.${String(a % 100n).padStart(2, '0')}`];
    }),
  );
}

const payoutsOf = (results: Results, id: string) =>
  results.statements.filter((s) => s.payee === id).map((s) => s.payout);

describe('a recoverable draw, recovered, then a clawback at the original rate', () => {
  const plan = planOf(
    quarterly(`${SOURCE}
  commission c = bookings * 10% per line
  draw dr = 2_000 USD recoverable for 2 periods
  clawback cx = deals cancelled on cancel_date within 180 days at original rate`),
  );
  const payees = [payee('a'), payee('b')];
  // A1 and B1 close 2026-02-01 and are cancelled 2026-07-10, 159 days later (within 180), in Q3.
  const deals = rows(
    dealRow('A1', 'a', '5000', '2026-02-01', '2026-07-10'),
    dealRow('A2', 'a', '40000', '2026-05-01'),
    dealRow('A3', 'a', '10000', '2026-08-01'),
    dealRow('B1', 'b', '10000', '2026-02-01', '2026-07-10'),
    dealRow('B3', 'b', '20000', '2026-08-01'),
  );

  it('pays, recovers and claws back as worked out by hand, quarter by quarter as in one call', () => {
    const one = run(plan, { payees, records: { deals } }, YEAR);
    // a: Q1 c = 500: draw 2,000 - 500 = 1,500 (owed 1,500), payout 2,000.
    //    Q2 c = 4,000, the draw's 2nd period: recovery -min(1,500, 4,000 - 2,000) = -1,500, payout 2,500.
    //    Q3 c = 1,000; A1 cancelled: clawback of Q1's 10% x 5,000 = -500; nothing owed: payout 500.
    expect(linesOf(statement(one, 'a', '2026-Q3'))).toEqual([['clawback:cx:A1', '-500.00']]);
    expect(payoutsOf(one, 'a')).toEqual(['2000.00', '2500.00', '500.00', '0.00']);
    // b: Q1 c = 1,000: draw 1,000 (owed 1,000), payout 2,000. Q2 c = 0: draw 2,000 (owed 3,000).
    //    Q3 (after the draw's periods) c = 2,000: recovery -min(3,000, 2,000) = -2,000 (owed
    //    1,000); B1 cancelled: clawback -1,000. Payout 2,000 - 2,000 - 1,000 = -1,000: the
    //    recovery is worked out on earnings and holdbacks, the clawback comes out besides it.
    expect(linesOf(statement(one, 'b', '2026-Q3'))).toEqual([
      ['draw-recovery:dr', '-2000.00'],
      ['clawback:cx:B1', '-1000.00'],
    ]);
    expect(payoutsOf(one, 'b')).toEqual(['2000.00', '2000.00', '-1000.00', '0.00']);
    expect(statement(one, 'b', '2026-Q4').balances).toEqual({ 'draw:dr': '1000.00' });

    const sequence = inSequence(
      plan,
      () => ({ payees, records: { deals } }),
      YEAR.map((p) => [p]),
    );
    // a: 2,000 + 2,500 + 500 = 5,000; b: 2,000 + 2,000 - 1,000 = 3,000.
    expect(paidIn(sequence)).toEqual({ a: '5000.00', b: '3000.00' });
    expect(paidIn([one])).toEqual(paidIn(sequence));
  });
});

describe('a holdback released on its date in a quarter without earnings', () => {
  const plan = planOf(
    quarterly(`${SOURCE}
  commission c = bookings * 10% per line
  holdback h = 20% of c until 2026-08-15
  guarantee g = 1_000 USD for 2 periods`),
  );
  const payees = [payee('a'), payee('b')];
  const deals = rows(
    dealRow('A1', 'a', '10000', '2026-02-01'),
    dealRow('A2', 'a', '5000', '2026-05-01'),
    dealRow('B1', 'b', '30000', '2026-03-01'),
  );

  it('pays the whole balance in the quarter containing the date', () => {
    const sequence = inSequence(plan, () => ({ payees, records: { deals } }), [
      ['2026-Q1'],
      ['2026-Q2'],
      ['2026-Q3'],
    ]);
    const [, q2, q3] = sequence as [Results, Results, Results];
    // a: Q1 c = 1,000, keeps 200 (payout 800). Q2 c = 500: the guarantee tops 500 up to 1,000
    //    (+500; the holdback does not lower what it sees), keeps 100: 500 + 500 - 100 = 900.
    //    Q3 (contains 2026-08-15), nothing earned: releases 200 + 100 = 300.
    expect(linesOf(statement(q2, 'a', '2026-Q2'))).toEqual([
      ['guarantee:g', '500.00'],
      ['holdback:h', '-100.00'],
    ]);
    expect(linesOf(statement(q3, 'a', '2026-Q3'))).toEqual([['holdback-release:h', '300.00']]);
    expect(statement(q3, 'a', '2026-Q3').payout).toBe('300.00');
    // b: Q1 c = 3,000, keeps 600 (payout 2,400). Q2 nothing: guarantee 1,000. Q3 releases 600.
    expect(statement(q3, 'b', '2026-Q3').payout).toBe('600.00');
    expect(statement(q3, 'b', '2026-Q3').balances).toEqual({ 'holdback:h': '0.00' });
    // a: 800 + 900 + 300 = 2,000 = c 1,500 + guarantee 500; b: 2,400 + 1,000 + 600 = 4,000.
    expect(paidIn(sequence)).toEqual({ a: '2000.00', b: '4000.00' });
    const one = run(plan, { payees, records: { deals } }, ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(paidIn([one])).toEqual(paidIn(sequence));
  });
});

describe('a holdback released in a quarter without earnings, with a draw balance to recover', () => {
  const plan = planOf(
    quarterly(`${SOURCE}
  commission c = bookings * 10% per line
  holdback h = 20% of c until 2026-05-15
  draw dr = 2_000 USD recoverable for 1 periods`),
  );
  const payees = [payee('a')];
  const deals = rows(dealRow('A1', 'a', '10000', '2026-02-01'));

  it('recovers from the release, and the sentence says the period earned nothing', () => {
    const one = run(plan, { payees, records: { deals } }, ['2026-Q1', '2026-Q2']);
    // Q1: c = 1,000, keeps 20% = 200 back; the draw pays 2,000 - 1,000 = 1,000 (owed 1,000);
    //     payout 1,000 - 200 + 1,000 = 1,800.
    // Q2 (contains 2026-05-15, after the draw's one period): nothing earned; the release pays 200,
    //     all of it above the draw's threshold of 0: recovery -200, 800 still owed; payout 0.
    expect(linesOf(statement(one, 'a', '2026-Q2'))).toEqual([
      ['draw-recovery:dr', '-200.00'],
      ['holdback-release:h', '200.00'],
    ]);
    expect(statement(one, 'a', '2026-Q2').payout).toBe('0.00');
    const recovery = statement(one, 'a', '2026-Q2').adjustments.find((l) => l.kind === 'draw-recovery');
    // Before: "from earnings paid this period (200.00 USD after holdbacks)", of a period that earned
    // nothing and whose 200 is a release.
    expect(recovery?.trace.text).toBe(
      'recovers 200.00 USD of the 1,000.00 USD draw balance from what this period pays above 0.00 USD ' +
        '(earned 0.00 USD + holdbacks 200.00 USD = 200.00 USD); 800.00 USD still owed',
    );
  });
});

describe('a late deal in a closed quarter of a year-to-date plan', () => {
  const plan = planOf(quarterly(`${SOURCE}\n  bonus y = ytd(bookings) * 5% paid year to date`));
  const payees = [payee('a'), payee('b')];
  const v1 = rows(
    dealRow('A1', 'a', '10000', '2026-02-01'),
    dealRow('A2', 'a', '20000', '2026-05-01'),
    dealRow('B1', 'b', '8000', '2026-02-10'),
    dealRow('A3', 'a', '6000', '2026-08-01'),
  );
  // Late: A0 4,000 in Q1 (closed) for a, B0 2,000 in Q2 (closed) for b.
  const v2 = [
    ...v1,
    { row: 5, values: dealRow('A0', 'a', '4000', '2026-03-15') },
    { row: 6, values: dealRow('B0', 'b', '2000', '2026-06-15') },
  ];

  it('pays the year-to-date difference once, and nothing when run again on the same data', () => {
    const [q1, q2, q3, again] = inSequence(plan, (i) => ({ payees, records: { deals: i < 2 ? v1 : v2 } }), [
      ['2026-Q1'],
      ['2026-Q2'],
      ['2026-Q1', '2026-Q2', '2026-Q3'],
      ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
    ]) as [Results, Results, Results, Results];
    // a: Q1 5% x 10,000 = 500; Q2 5% x 30,000 - 500 = 1,000.
    expect(statement(q1, 'a', '2026-Q1').payout).toBe('500.00');
    expect(statement(q2, 'a', '2026-Q2').payout).toBe('1000.00');
    // Q3 with A0: year to date 5% x 40,000 = 2,000 minus what Q1 and Q2 reported (500 + 1,000) =
    // 500: its own 300 (5% x 6,000) and Q1's +200 (5% x 4,000), no recalculation line.
    const a3 = statement(q3, 'a', '2026-Q3');
    expect([a3.payout, a3.adjustments]).toEqual(['500.00', []]);
    // b: Q1 400, Q2 0; Q3 5% x 10,000 - 400 = 100: Q2's correction (5% x 2,000).
    expect(statement(q3, 'b', '2026-Q3').payout).toBe('100.00');
    // Run again with Q4 on the same data: no line, Q4 pays 2,000 - 2,000 = 0.
    expect(
      again.statements.filter((s) => !s.reported).map((s) => [s.payee, s.payout, s.adjustments]),
    ).toEqual([
      ['a', '0.00', []],
      ['b', '0.00', []],
    ]);
    // In all a 500 + 1,000 + 500 = 2,000 (5% x 40,000), b 400 + 100 = 500 (5% x 10,000).
    const sequence = [q1, q2, q3, again];
    expect(paidIn(sequence)).toEqual({ a: '2000.00', b: '500.00' });
    expect(paidIn([run(plan, { payees, records: { deals: v2 } }, YEAR)])).toEqual(paidIn(sequence));
  });
});

describe('a leaver in the middle of a quarter with a draw balance', () => {
  const plan = planOf(
    quarterly(`${SOURCE}
  commission c = bookings * 10% per line
  draw dr = 2_000 USD recoverable for 4 periods
  holdback h = 10% of c until 2026-12-31
  clawback cx = deals cancelled on cancel_date within 180 days at original rate`),
  );
  const payees = [payee('l', {}, { plans: [{ plan: 'Test', to: '2026-05-15' }] })];
  // L3 closes after l left: it credits l nothing (an off-plan warning).
  const v1 = rows(
    dealRow('L1', 'l', '5000', '2026-02-01'),
    dealRow('L2', 'l', '8000', '2026-04-20'),
    dealRow('L3', 'l', '9000', '2026-06-01'),
  );
  // Later: a late Q1 deal L0 of 20,000, and L1 cancelled on 2026-07-15 (164 days later, in Q3).
  const v2 = [
    ...rows(
      dealRow('L1', 'l', '5000', '2026-02-01', '2026-07-15'),
      dealRow('L2', 'l', '8000', '2026-04-20'),
      dealRow('L3', 'l', '9000', '2026-06-01'),
    ),
    { row: 4, values: dealRow('L0', 'l', '20000', '2026-03-01') },
  ];
  const notSettled = (r: Results) =>
    r.warnings.filter((w) => w.code === 'not-settled').map((w) => [w.period, w.message]);

  it('leaves the balances named, corrected by a later recalculation', () => {
    const [, q2, q3] = inSequence(plan, (i) => ({ payees, records: { deals: i < 2 ? v1 : v2 } }), [
      ['2026-Q1'],
      ['2026-Q2'],
      ['2026-Q1', '2026-Q2', '2026-Q3'],
    ]) as [Results, Results, Results];
    // Q1: c = 500: draw 1,500, keeps 50: payout 1,950. Q2 (l leaves 2026-05-15): c = 800: draw
    // 1,200 (owed 2,700), keeps 80 (130 held): payout 1,920.
    expect(statement(q2, 'l', '2026-Q2').payout).toBe('1920.00');
    expect(notSettled(q2)).toEqual([
      [
        '2026-Q2',
        '2,700.00 USD owed on draw dr is not recovered because l leaves the plan on 2026-05-15: no later statement of this plan recovers it',
      ],
      [
        '2026-Q2',
        '130.00 USD held back by holdback h is not released because l leaves the plan on 2026-05-15: no later statement of this plan pays it',
      ],
    ]);
    // With L0, Q1 earns 2,500 >= 2,000: no draw (-1,500), keeps 250 (-200 more); paid on a Q3
    // statement made for l: 2,000 - 200 - 1,500 = 300. Owed 2,700 - 1,500 = 1,200, held 330.
    const l3 = statement(q3, 'l', '2026-Q3');
    expect(linesOf(l3)).toEqual([
      ['recalculation:2026-Q1:earning:c', '2000.00'],
      ['recalculation:2026-Q1:adjustment:holdback:h', '-200.00'],
      ['recalculation:2026-Q1:adjustment:draw:dr', '-1500.00'],
    ]);
    expect([l3.payout, l3.balances]).toEqual(['300.00', { 'draw:dr': '1200.00', 'holdback:h': '330.00' }]);
    // L1's cancellation in Q3 is not clawed back (l is off the plan): said with Q1's 500.
    expect(notSettled(q3)).toEqual([
      [
        '2026-Q2',
        '1,200.00 USD owed on draw dr is not recovered because l leaves the plan on 2026-05-15: no later statement of this plan recovers it',
      ],
      [
        '2026-Q2',
        '330.00 USD held back by holdback h is not released because l leaves the plan on 2026-05-15: no later statement of this plan pays it',
      ],
      [
        '2026-Q3',
        "deals L1 was cancelled on 2026-07-15, 164 days after it closed on 2026-02-01 (within the 180 days of clawback cx), but the 500.00 USD it paid l is not clawed back: l left the plan on 2026-05-15, and l's statement in 2026-Q3 only pays recalculation differences",
      ],
    ]);
    // One call on the final data: Q1 2,500 - 250 = 2,250; Q2 800 + 1,200 - 80 = 1,920: 4,170,
    // as 1,950 + 1,920 + 300.
    const one = run(plan, { payees, records: { deals: v2 } }, ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(payoutsOf(one, 'l')).toEqual(['2250.00', '1920.00']);
    expect(paidIn([one])).toEqual({ l: '4170.00' });
  });
});
