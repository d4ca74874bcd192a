/**
 * `paid year to date` earnings when a payee's start date moves later across closed periods: a
 * later period takes off nothing for a period in which the payee is off the plan now
 * (`earn/paid-before.ts`, as one call over every period), so its amount takes in none of that
 * period's corrections (`year-to-date.ts`). Runs in sequence must pay what one call pays.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }`;
const Q = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
/** `a` on the plan from `from`; `b` all year, with a deal of their own. */
const team = (from: string) => [payee('a', {}, { plans: [{ plan: 'Test', from }] }), payee('b')];
const B1 = { id: 'B1', owner: 'b', amount: '5000', close_date: '2026-02-01' };

/** The earlier results after a run: its statements replace those of the same payee and period. */
function merge(before: Results, after: Results): Results {
  const key = (s: { payee: string; period: string }) => `${s.payee}|${s.period}`;
  const all = new Map(before.statements.map((s) => [key(s), s]));
  for (const s of after.statements) all.set(key(s), s);
  return { ...after, statements: [...all.values()] };
}

/** What runs paid `a`: their statements that are not returned as reported. */
function paidToA(...results: Results[]): string {
  let total = new Dec(0);
  for (const r of results)
    for (const s of r.statements) if (s.payee === 'a' && s.reported !== true) total = total.plus(s.payout);
  return total.toFixed(2);
}

/**
 * The three runs of the defect, with `bonus y = ytd(bookings) * 10% paid year to date`:
 * 1. Q1-Q2, `a` on the plan from 2026-02-15, A1 (`a1` USD) closes 2026-03-15.
 * 2. Q1-Q3, A1 now closes 2026-05-01 (Q2).
 * 3. Q1-Q4, A1 deleted and `a` on the plan from 2026-04-01 (Q1 now off the plan), with `q4`
 *    (a deal of `a` closing 2026-11-01) if given.
 * And one call over Q1-Q4 on the data of run 3.
 */
function runs(header: string, a1: string, q4?: string) {
  const plan = planOf(quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`, header));
  const deal = (close_date: string) => ({ id: 'A1', owner: 'a', amount: a1, close_date });
  const late = q4 ? [{ id: 'A2', owner: 'a', amount: q4, close_date: '2026-11-01' }] : [];
  const r1 = run(
    plan,
    { payees: team('2026-02-15'), records: { deals: rows(B1, deal('2026-03-15')) } },
    Q.slice(0, 2),
  );
  const r2 = run(
    plan,
    { payees: team('2026-02-15'), records: { deals: rows(B1, deal('2026-05-01')) }, previous: r1 },
    Q.slice(0, 3),
  );
  const last = { payees: team('2026-04-01'), records: { deals: rows(B1, ...late) } };
  const r3 = run(plan, { ...last, previous: merge(r1, r2) }, Q);
  const once = run(plan, last, Q);
  for (const r of [r1, r2, r3, once]) expect(r.errors).toEqual([]);
  return { r1, r2, r3, once };
}

const y = (s: { earnings: { id: string; amount: string }[] }) => s.earnings.find((e) => e.id === 'y')?.amount;
const lines = (s: { adjustments: { id: string; amount: string }[] }) =>
  s.adjustments.map((a) => [a.id, a.amount]);
const inputs = (s: { earnings: { id: string; trace: { inputs: { name: string; value: unknown }[] } }[] }) =>
  s.earnings.find((e) => e.id === 'y')?.trace.inputs.map((i) => [i.name, i.value]);

describe('paid year to date, start date moved later across closed periods', () => {
  it('takes back what a period now off the plan paid, once (rounded at line)', () => {
    const { r1, r2, r3, once } = runs('', '1000');
    // Run 1: Q1 y = 1,000 x 10% = 100; Q2 = 100 - 100 = 0.
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('100.00');
    // Run 2: Q1 is now 0 (-100), Q2 100 - 100 = 0 with an own part of 100 (+100); Q3 takes off
    // Q1 100 + Q2 0 = 100 and pays 100 - 100 = 0, taking in both corrections (no line).
    const q3 = statement(r2, 'a', '2026-Q3');
    expect(q3.payout).toBe('0.00');
    expect(lines(q3)).toEqual([]);
    // Run 3: a is off the plan in Q1, so Q2, Q3 and Q4 take nothing off for it. Q4's year to date
    // is 0; it takes off Q2 0 + Q3 0 (Q3's 0 holds Q1's -100 and Q2's +100), so y = 0 - 0 = 0,
    // of which Q1's correction +100 (Q3's -100 of Q1 taken off again) and Q2's -100 (Q2's own
    // part is 0 now, after +100 paid in Q3): its own part is 0, as one call. Q1 is now 0, was
    // reported 100 - 100 = 0, less the +100 Q4 pays of it: a line of -100.
    const q4 = statement(r3, 'a', '2026-Q4');
    expect(y(q4)).toBe('0.00');
    expect(inputs(q4)).toContainEqual(['pays the correction of 2026-Q1', '100.00']);
    expect(inputs(q4)).toContainEqual(['pays the correction of 2026-Q2', '-100.00']);
    expect(lines(q4)).toEqual([['recalculation:2026-Q1:earning:y', '-100.00']]);
    // The line says what Q1 pays now (0, not 0 - 100), then what Q4 pays of it.
    expect(q4.adjustments[0]?.reason).toBe(
      '2026-Q1 recalculated: y was 0.00 USD, is now 0.00 USD, less the 100.00 USD later periods of the year pay of it',
    );
    // Q4 pays 0 - 100 = -100: the runs pay 100 + 0 + 0 + 0 - 100 = 0, as one call (Q2-Q4 pay 0).
    expect(q4.payout).toBe('-100.00');
    expect(r3.warnings).toEqual([]);
    expect(paidToA(r1, r2, r3)).toBe('0.00');
    expect(paidToA(once)).toBe('0.00');
  });

  it('pays Q4 its own part and the correction apart (rounding half even at payout)', () => {
    const { r1, r2, r3, once } = runs('rounding half even to 2 decimals at payout', '1000.05', '0.15');
    // Run 1: Q1 y = 1,000.05 x 10% = 100.005, paid 100.00 (half even).
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('100.00');
    // Run 2: Q3 pays apart Q1's -100.005 with its rounding line +0.005 (Q1 now pays 0, reported
    // 100.00) and Q2's +100.005 with -0.005 (100.005 rounds to 100.00): 0 in all.
    expect(statement(r2, 'a', '2026-Q3').payout).toBe('0.00');
    // Run 3: Q4's year to date is A2 0.15 x 10% = 0.015; it takes off Q2 0 + its line +100.005,
    // and Q3 0 (Q1 is off the plan: nothing): y = 0.015 - 100.005 = -99.99. Its own part is
    // 0.015, as one call; the -100.005 is Q2's correction (own 0, paid 100.005), paid apart.
    const q4 = statement(r3, 'a', '2026-Q4');
    expect(y(q4)).toBe('0.015');
    expect(inputs(q4)).toContainEqual(['paid apart: the correction of 2026-Q2', '-100.005']);
    // Q2's line -100.005 and its rounding line: Q2 now 0.00, 0.00 paid in all unrounded, less the
    // -0.005 rounding paid before: +0.005. Q1: reported 100.005 - 100.005 = 0, no line.
    expect(lines(q4)).toEqual([
      ['recalculation:2026-Q2:earning:y', '-100.005'],
      ['recalculation:2026-Q2:rounding', '0.005'],
    ]);
    // Q4 pays round(0.015) = 0.02 and -100.005 + 0.005 = -100.00: -99.98. The runs pay
    // 100.00 + 0 + 0 + 0 - 99.98 = 0.02, as one call (Q4 0.015 -> 0.02); they paid
    // round(-99.99) = -99.99 in Q4, 0.01 in all.
    expect(q4.payout).toBe('-99.98');
    expect(r3.warnings).toEqual([]);
    expect(paidToA(r1, r2, r3)).toBe('0.02');
    expect(paidToA(once)).toBe('0.02');
  });

  it('takes back, in a later period, what a left-out period now off the plan was paid', () => {
    for (const header of ['', 'rounding half even to 2 decimals at payout']) {
      const plan = planOf(quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`, header));
      const deals = rows(
        B1,
        { id: 'A1', owner: 'a', amount: '1000', close_date: '2026-02-15' },
        { id: 'A2', owner: 'a', amount: '500', close_date: '2026-05-15' },
      );
      // Run 1, Q1, `a` on the plan from 2026-01-01: y = 1,000 x 10% = 100.
      const r1 = run(plan, { payees: team('2026-01-01'), records: { deals } }, Q.slice(0, 1));
      expect(statement(r1, 'a', '2026-Q1').payout).toBe('100.00');
      // Run 2, Q2 alone (Q1 left out), `a` now from 2026-04-01: the year to date is A2's 500 x 10%
      // = 50 (A1 is before the start); Q2 takes off what Q1 was paid, 100: y = 50 - 100 = -50.
      const r2 = run(plan, { payees: team('2026-04-01'), records: { deals }, previous: r1 }, Q.slice(1, 2));
      const q2 = statement(r2, 'a', '2026-Q2');
      expect(q2.payout).toBe('-50.00');
      expect(inputs(q2)).toContainEqual(['paid earlier this year', '100']);
      // The runs pay 100 - 50 = 50, as one call (Q2 50); Q2 used to take off nothing: 150 in all,
      // with no warning.
      expect(r2.warnings).toEqual([]);
      expect(paidToA(r1, r2)).toBe('50.00');
      expect(paidToA(run(plan, { payees: team('2026-04-01'), records: { deals } }, Q.slice(0, 2)))).toBe(
        '50.00',
      );
    }
  });

  it('takes back what a left-out period now off the plan was paid by a period the run calculates again', () => {
    for (const header of ['', 'rounding half even to 2 decimals at payout']) {
      const plan = planOf(quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`, header));
      const A1 = { id: 'A1', owner: 'a', amount: '1000', close_date: '2026-02-15' };
      // Run 1, Q1, `a` from 2026-04-01: no statement of `a`.
      const r1 = run(plan, { payees: team('2026-04-01'), records: { deals: rows(B1, A1) } }, Q.slice(0, 1));
      // Run 2, Q1-Q2, `a` from 2026-01-01: Q1 now pays 1,000 x 10% = 100, taken in by Q2 (y =
      // 100 - 0; at payout, a line for Q1 of +100 and y's own part 0): Q2 pays 100.
      const r2 = run(
        plan,
        { payees: team('2026-01-01'), records: { deals: rows(B1, A1) }, previous: r1 },
        Q.slice(0, 2),
      );
      expect(statement(r2, 'a', '2026-Q2').payout).toBe('100.00');
      // Run 3, Q2-Q3 (Q1 left out), A1 deleted and `a` from 2026-04-01 again: Q3's year to date is
      // 0 and it takes off 100 (Q2's 100 in y, or at payout Q1's +100 line paid before Q3): it
      // pays -100. At payout its own part is 0 and the -100 is paid apart, as Q2's line (Q2 is
      // now 0 and took in Q1's 100, which Q1, left out and off the plan, no longer pays).
      const last = { payees: team('2026-04-01'), records: { deals: rows(B1) } };
      const r3 = run(plan, { ...last, previous: merge(r1, r2) }, Q.slice(1, 3));
      expect(statement(r3, 'a', '2026-Q3').payout).toBe('-100.00');
      // The runs pay 0 + 100 - 100 = 0, as one call; at payout they used to pay 0 in Q3, 100 in all.
      expect(r3.warnings).toEqual([]);
      expect(paidToA(r1, r2, r3)).toBe('0.00');
      expect(paidToA(run(plan, last, Q.slice(0, 3)))).toBe('0.00');
    }
  });

  it('takes off what a period off the plan now took in of an earlier correction (a gap in the plan dates)', () => {
    const plan = planOf(quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`));
    const deal = (amount: string) => ({ id: 'A1', owner: 'a', amount, close_date: '2026-02-15' });
    const gap = [
      { plan: 'Test', from: '2026-01-01', to: '2026-03-31' },
      { plan: 'Test', from: '2026-07-01' },
    ];
    const all = [payee('a'), payee('b')];
    const r1 = run(plan, { payees: all, records: { deals: rows(B1, deal('1000')) } }, Q.slice(0, 1));
    // Run 1, Q1: y = 1,000 x 10% = 100.
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('100.00');
    // Run 2, Q2 alone, A1 now 2,000: Q2 pays 200 - 100 = 100, all of it Q1's correction.
    const r2 = run(
      plan,
      { payees: all, records: { deals: rows(B1, deal('2000')) }, previous: r1 },
      Q.slice(1, 2),
    );
    expect(statement(r2, 'a', '2026-Q2').payout).toBe('100.00');
    // Run 3, Q1-Q3, `a` now off the plan in Q2: Q3 takes off Q1's 100 only (not Q2's statement,
    // which holds Q1's +100), so y = 200 - 100 = 100, all of it Q1's correction again: its own
    // part is 0, as one call. Q1 is now 200, reported 100 + 100 = 200, less the 100 Q3 pays of
    // it: a line of -100. (Q2, off the plan, paid nothing of its own: no line.)
    const last = {
      payees: [payee('a', {}, { plans: gap }), payee('b')],
      records: { deals: rows(B1, deal('2000')) },
    };
    const r3 = run(plan, { ...last, previous: merge(r1, r2) }, Q.slice(0, 3));
    const q3 = statement(r3, 'a', '2026-Q3');
    expect(y(q3)).toBe('100.00');
    expect(inputs(q3)).toContainEqual(['pays the correction of 2026-Q1', '100.00']);
    expect(lines(q3)).toEqual([['recalculation:2026-Q1:earning:y', '-100.00']]);
    // Q3 pays 100 - 100 = 0: the runs pay 100 + 100 + 0 = 200, as one call (Q1 200, Q3 0); they
    // paid 100 in Q3, 300 in all.
    expect(q3.payout).toBe('0.00');
    expect(paidToA(r1, r2, r3)).toBe('200.00');
    expect(paidToA(run(plan, last, Q.slice(0, 3)))).toBe('200.00');
  });
});
