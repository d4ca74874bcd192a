/**
 * Runs that recalculate only some of the earlier periods: a run that starts after a closed period
 * which an earlier run corrected (its recalculation lines were paid by a later statement). A
 * sequence of runs must pay what one call over all the periods on the final data pays, and running
 * unchanged data again gives no recalculation line.
 */
import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }`;

const deal = (id: string, amount: string, close_date: string) => ({ id, owner: 'a', amount, close_date });
const payees = [payee('a')];

/** The earlier results after a run: its statements replace those of the same payee and period. */
function merge(before: Results | undefined, after: Results): Results {
  const key = (s: { payee: string; period: string }) => `${s.payee}|${s.period}`;
  const all = new Map((before?.statements ?? []).map((s) => [key(s), s]));
  for (const s of after.statements) all.set(key(s), s);
  return { ...after, statements: [...all.values()] };
}

/** The payouts of the final statements of each period, added up (in cents, exactly). */
function total(results: Results): string {
  let cents = 0n;
  for (const s of results.statements) cents += BigInt(s.payout.replace('.', ''));
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const adjustments = (r: Results, period: string) =>
  statement(r, 'a', period).adjustments.map((a) => [a.id, a.amount]);

describe('balances carried from a closed period corrected by a later statement', () => {
  it('carry the corrected draw and holdback balances, not the reported ones', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  commission c = bookings * 10% per line
  holdback h = 50% of c until 2026-09-30
  draw d = 3_000 USD recoverable for 4 periods`),
    );
    const d1 = deal('D1', '10000', '2026-02-01');
    const d2 = deal('D2', '10000', '2026-03-01'); // late Q1 deal
    const d3 = deal('D3', '1000', '2026-05-01'); // late Q2 deal
    // Run 1, Q1: c 1,000, holdback -500 (held 500), draw 3,000 - 1,000 = 2,000 (owed 2,000).
    const r1 = run(plan, { payees, records: { deals: rows(d1) } }, ['2026-Q1']);
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('2500.00');
    // Run 2, Q1..Q2 with D2: Q1 is now c 2,000, holdback -1,000, draw 1,000; Q2 pays the
    // differences (+1,000, -500, -1,000) and its own draw 3,000: owed 1,000 + 3,000 = 4,000,
    // held 1,000.
    let prev = merge(undefined, r1);
    const r2 = run(plan, { payees, records: { deals: rows(d1, d2) }, previous: prev }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(statement(r2, 'a', '2026-Q2').balances).toEqual({ 'draw:d': '4000.00', 'holdback:h': '1000.00' });
    prev = merge(prev, r2);
    // Run 3, Q2..Q3 with D3: Q2 starts from Q1's balances as corrected (owed 1,000, held 1,000,
    // not the 2,000 and 500 Q1 reported). Q2 now: c 100, holdback -50 (held 1,050), draw
    // 3,000 - 100 = 2,900 (owed 3,900); differences c +100, holdback -50, draw -100. Q3 releases
    // the 1,050 held and draws 3,000 (owed 6,900): 3,000 + 1,050 + 100 - 50 - 100 = 4,000.
    const r3 = run(plan, { payees, records: { deals: rows(d1, d2, d3) }, previous: prev }, [
      '2026-Q2',
      '2026-Q3',
    ]);
    const q3 = statement(r3, 'a', '2026-Q3');
    expect(adjustments(r3, '2026-Q3')).toEqual([
      ['draw:d', '3000.00'],
      ['holdback-release:h', '1050.00'],
      ['recalculation:2026-Q2:earning:c', '100.00'],
      ['recalculation:2026-Q2:adjustment:draw:d', '-100.00'],
      ['recalculation:2026-Q2:adjustment:holdback:h', '-50.00'],
    ]);
    expect(q3.payout).toBe('4000.00');
    expect(q3.balances).toEqual({ 'draw:d': '6900.00', 'holdback:h': '0.00' });
    prev = merge(prev, r3);
    // In all 2,500 + 2,500 + 4,000 = 9,000: one call over the final data pays Q1 2,000, Q2 2,950
    // (100 + 2,900 - 50) and Q3 4,050 (3,000 + 1,050), 9,000, and ends owing 6,900.
    const one = run(plan, { payees, records: { deals: rows(d1, d2, d3) } }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(total(prev)).toBe('9000.00');
    expect(total(one)).toBe('9000.00');
    expect(statement(one, 'a', '2026-Q3').balances).toEqual(q3.balances);
  });
});

describe('a paid year to date correction, with a later run that starts after the corrected period', () => {
  it('is named after the period it corrects, so the later run does not take it back', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  bonus y = ytd(bookings) * 10% paid year to date when bookings > 0 USD
  guarantee g = 2_000 USD for 4 periods`),
    );
    const d1 = deal('D1', '10000', '2026-02-01');
    const d2 = deal('D2', '10000', '2026-03-01'); // late Q1 deal
    const d4 = deal('D4', '5000', '2026-11-01');
    // Run 1, Q1..Q2: Q1 y 1,000 + guarantee 1,000; Q2 gated (no deal): guarantee 2,000.
    const r1 = run(plan, { payees, records: { deals: rows(d1) } }, ['2026-Q1', '2026-Q2']);
    let prev = merge(undefined, r1);
    // Run 2, Q1..Q3 with D2: Q1 y is 2,000 (+1,000), guarantee 0 (-1,000); Q2 and Q3 are gated
    // and absorb nothing. The +1,000 is Q1's and its line is named after Q1.
    const r2 = run(plan, { payees, records: { deals: rows(d1, d2) }, previous: prev }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(adjustments(r2, '2026-Q3')).toEqual([
      ['guarantee:g', '2000.00'],
      ['recalculation:2026-Q1:earning:y', '1000.00'],
      ['recalculation:2026-Q1:adjustment:guarantee:g', '-1000.00'],
    ]);
    prev = merge(prev, r2);
    // Run 3, Q2..Q4, Q1 not calculated again, D4 5,000 in Q4: Q2 and Q3 unchanged, no line (the
    // line named after Q2 was read as Q2's +1,000 and taken back: -1,000). Q4: y = 25,000 x 10%
    // - (Q1 1,000 + its 1,000 paid in Q3) = 500, all its own: guarantee 2,000 - 500 = 1,500.
    const r3 = run(plan, { payees, records: { deals: rows(d1, d2, d4) }, previous: prev }, [
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(adjustments(r3, '2026-Q4')).toEqual([['guarantee:g', '1500.00']]);
    expect(statement(r3, 'a', '2026-Q4').payout).toBe('2000.00');
    prev = merge(prev, r3);
    // In all Q1 2,000 + Q2 2,000 + Q3 2,000 + Q4 2,000 = 8,000, as one call: Q1 y 2,000, Q2 and
    // Q3 guarantees of 2,000, Q4 y 500 + guarantee 1,500.
    const one = run(plan, { payees, records: { deals: rows(d1, d2, d4) } }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(one.statements.map((s) => s.payout)).toEqual(['2000.00', '2000.00', '2000.00', '2000.00']);
    expect(total(prev)).toBe('8000.00');
  });

  it("absorbed by a later period is read as the corrected period's when that later period runs again", () => {
    const plan = planOf(
      quarterly(`${DEALS}
  bonus y = ytd(bookings) * 10% paid year to date
  draw d = 3_000 USD recoverable for 4 periods`),
    );
    const d1 = deal('D1', '10000', '2026-02-01');
    const d2 = deal('D2', '20000', '2026-03-01'); // late Q1 deal
    // Run 1, Q1: y 1,000, draw 2,000 (owed 2,000): 3,000.
    const r1 = run(plan, { payees, records: { deals: rows(d1) } }, ['2026-Q1']);
    let prev = merge(undefined, r1);
    // Run 2, Q1..Q2 with D2: Q2 pays y = 3,000 - 1,000 = 2,000, all of it Q1's correction: its
    // own part is 0, so its draw is 3,000; Q1's draw is taken back (-2,000). Q2's y says so.
    const r2 = run(plan, { payees, records: { deals: rows(d1, d2) }, previous: prev }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    const y2 = statement(r2, 'a', '2026-Q2').earnings.find((e) => e.id === 'y');
    expect(y2?.amount).toBe('2000.00');
    expect(y2?.trace.inputs).toContainEqual({
      name: 'pays the correction of 2026-Q1',
      value: '2000.00',
      unit: 'USD',
    });
    expect(statement(r2, 'a', '2026-Q2').payout).toBe('3000.00');
    prev = merge(prev, r2);
    // Run 3, Q2..Q3 on the same data: Q2 is calculated again without Q1; its y still pays Q1's
    // correction, so its draw is still 3,000: no line (it was a draw of 1,000 on the whole 2,000,
    // and a line of -2,000). Q3 draws 3,000 (owed 6,000).
    const r3 = run(plan, { payees, records: { deals: rows(d1, d2) }, previous: prev }, [
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(adjustments(r3, '2026-Q3')).toEqual([['draw:d', '3000.00']]);
    expect(statement(r3, 'a', '2026-Q3').balances).toEqual({ 'draw:d': '6000.00' });
    prev = merge(prev, r3);
    // In all 3,000 + 3,000 + 3,000 = 9,000, as one call: Q1 y 3,000, Q2 and Q3 draws of 3,000.
    const one = run(plan, { payees, records: { deals: rows(d1, d2) } }, ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(one.statements.map((s) => s.payout)).toEqual(['3000.00', '3000.00', '3000.00']);
    expect(total(prev)).toBe('9000.00');
  });
});

describe('a milestone paid once, moved by a correction, with a later run that starts after it', () => {
  const twoYears = (body: string) =>
    planOf(`plan "Test" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2027-12-31
  ${body}
}`);
  const plan = twoYears(`${DEALS}
  milestone m = 500 USD when ytd(bookings) >= 20_000 USD once`);

  it('is not moved again within the year by unchanged data', () => {
    // Run 1, Q1: D1 25,000 reaches 20,000: m 500 in Q1.
    const r1 = run(plan, { payees, records: { deals: rows(deal('D1', '25000', '2026-02-01')) } }, [
      '2026-Q1',
    ]);
    let prev = merge(undefined, r1);
    // Run 2, Q1..Q2: D1 is 5,000, D2 20,000 in Q2: Q1 now pays no m (-500), Q2 pays it (500).
    const deals = rows(deal('D1', '5000', '2026-02-01'), deal('D2', '20000', '2026-05-01'));
    const r2 = run(plan, { payees, records: { deals }, previous: prev }, ['2026-Q1', '2026-Q2']);
    expect(adjustments(r2, '2026-Q2')).toEqual([['recalculation:2026-Q1:earning:m', '-500.00']]);
    expect(statement(r2, 'a', '2026-Q2').payout).toBe('0.00');
    prev = merge(prev, r2);
    // Run 3, Q2..Q3 on the same data: Q1 paid 500 - 500 = 0 in all (its correction was paid by Q2
    // itself), so Q2 still pays m and nothing changes (it counted Q1's 500 without the -500 paid
    // in Q2, took m back from Q2: -500, and left it to no period).
    const r3 = run(plan, { payees, records: { deals }, previous: prev }, ['2026-Q2', '2026-Q3']);
    expect(adjustments(r3, '2026-Q3')).toEqual([]);
    expect(statement(r3, 'a', '2026-Q3').payout).toBe('0.00');
  });

  it('is not taken back in the last quarter of the year by a run into the next year', () => {
    const r1 = run(plan, { payees, records: { deals: rows(deal('D1', '25000', '2026-02-01')) } }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    let prev = merge(undefined, r1);
    // Run 2, Q1..Q4: D1 is 5,000 and D2 20,000 closes in Q4: m moves from Q1 (-500) to Q4 (500).
    const deals = rows(deal('D1', '5000', '2026-02-01'), deal('D2', '20000', '2026-11-01'));
    const r2 = run(plan, { payees, records: { deals }, previous: prev }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(adjustments(r2, '2026-Q4')).toEqual([['recalculation:2026-Q1:earning:m', '-500.00']]);
    prev = merge(prev, r2);
    // Run 3, 2026-Q4..2027-Q1 on the same data: no line (it took m back from 2026-Q4, -500, and
    // 2027 cannot pay a 2026 milestone): in all 500 - 500 + 500 = 500, as one call (m in 2026-Q4).
    const r3 = run(plan, { payees, records: { deals }, previous: prev }, ['2026-Q4', '2027-Q1']);
    expect(adjustments(r3, '2027-Q1')).toEqual([]);
    prev = merge(prev, r3);
    expect(total(prev)).toBe('500.00');
    const one = run(plan, { payees, records: { deals } }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    expect(total(one)).toBe('500.00');
  });
});

describe('the balances a leaver leaves, after a recalculation', () => {
  it('are named as they stand after the corrections, not as the last statement reported them', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  commission c = bookings * 10% per line
  holdback h = 50% of c until 2026-12-31`),
    );
    const leaver = [payee('l', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] })];
    const d1 = { ...deal('D1', '10000', '2026-02-01'), owner: 'l' };
    const d2 = { ...deal('D2', '4000', '2026-03-15'), owner: 'l' }; // late Q1 deal
    // Run 1, Q1: c 1,000, 500 held back: the warning names 500.
    const r1 = run(plan, { payees: leaver, records: { deals: rows(d1) } }, ['2026-Q1']);
    const held = (r: Results) =>
      r.warnings.filter((w) => w.code === 'not-settled').map((w) => [w.period, w.message.split(' USD')[0]]);
    expect(held(r1)).toEqual([['2026-Q1', '500.00']]);
    // Run 2, Q1..Q2 with D2: Q1 now holds 50% x 1,400 = 700 (a line of -200, paid on a statement
    // of Q2 made for it): 700 is left held, not the 500 Q1 reported.
    const r2 = run(plan, { payees: leaver, records: { deals: rows(d1, d2) }, previous: r1 }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(statement(r2, 'l', '2026-Q2').balances).toEqual({ 'holdback:h': '700.00' });
    expect(held(r2)).toEqual([['2026-Q1', '700.00']]);
  });
});

describe('a clawback worked out again without the period that paid the deal', () => {
  it('takes back the correction paid for that period later, and unchanged data gives no line', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  clawback cx = deals cancelled on cancel_date within 120 days at original rate`),
    );
    const d1 = { id: 'D1', owner: 'a', amount: '10000', close_date: '2026-02-01' };
    const d2 = { id: 'D2', owner: 'a', amount: '5000', close_date: '2026-03-01', cancel_date: '2026-05-01' };
    // Run 1, Q1..Q2: D1 pays 10,000 x 10% = 1,000 in Q1.
    const r1 = run(plan, { payees, records: { deals: rows(d1) } }, ['2026-Q1', '2026-Q2']);
    let previous = merge(undefined, r1);
    // Run 2, Q1..Q3: the late D2 (Q1, cancelled in Q2) pays +500 for Q1 and -500 for Q2, both in Q3.
    const deals = rows(d1, d2);
    const r2 = run(plan, { payees, records: { deals }, previous }, ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(adjustments(r2, '2026-Q3')).toEqual([
      ['recalculation:2026-Q1:earning:c', '500.00'],
      ['recalculation:2026-Q2:adjustment:clawback:cx:D2', '-500.00'],
    ]);
    previous = merge(previous, r2);
    // Run 3, Q2..Q4 on the same data: Q2's clawback still takes back the 500 paid for Q1 (in Q3),
    // so nothing changes. Before, it saw no payment on D2 and paid the 500 back (+500 in Q4).
    const r3 = run(plan, { payees, records: { deals }, previous }, ['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(adjustments(r3, '2026-Q4')).toEqual([]);
    // Paid in all: 1,000 + 0 + (500 - 500) + 0 = 1,000; one call: 1,500 - 500 = 1,000.
    const one = run(plan, { payees, records: { deals } }, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(total(merge(previous, r3))).toBe('1000.00');
    expect(total(one)).toBe('1000.00');
  });
});
