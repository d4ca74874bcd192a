import type { Plan } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import { asReported } from '../recalc/test-support.js';
import type { Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from '../trace/explain.js';
import { linesOf } from './test-support.js';

/** Calculates through the engine's front door, failing on data errors. */
function payRun(plan: Plan, data: Dataset, periods: string[]): Results {
  const results = run(plan, data, periods);
  if (results.errors.length > 0) throw new Error(JSON.stringify(results.errors));
  return results;
}

const of = (results: Results, period: string): Statement => {
  const s = results.statements.find((x) => x.period === period);
  if (!s) throw new Error(`no statement in ${period}`);
  return s;
};

const PLAN = planOf(
  quarterly(
    `
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  payee { book_assigned_on: Date }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw new_hire_draw "New-hire draw" = 3_000 USD recoverable for 2 periods true up at year end
  holdback reserve = 10% of c until 2026-12-31
  clawback cancellations = deals cancelled on cancel_date within 90 days at original rate
  adjustment manual "Manual adjustments" from data
`,
    'rounding half up to 2 decimals at line',
  ),
);

const deals = rows(
  { id: 'D1', owner: 'rep', amount: '10000', close_date: '2026-02-01', cancel_date: '2026-04-20' },
  { id: 'D2', owner: 'rep', amount: '50000', close_date: '2026-04-10', cancel_date: null },
  { id: 'D3', owner: 'rep', amount: '20000', close_date: '2026-11-01', cancel_date: null },
);

const dataset = (extra: Partial<Dataset> = {}): Dataset => ({
  payees: [payee('rep', { book_assigned_on: '2026-05-15' })],
  records: { deals },
  fx: [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' }],
  adjustments: [
    { id: 'ADJ-1', payee: 'rep', period: '2026-Q2', amount: '200', currency: 'EUR', reason: 'Dispute #4' },
  ],
  ...extra,
});

const YEAR = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

describe('the payout stage over a plan', () => {
  it('pays draws, holdbacks, clawbacks and manual adjustments period by period', () => {
    const results = payRun(PLAN, dataset(), YEAR);
    // Q1: c = 10% x 10,000 = 1000.00. Draw 3000 - 1000 = 2000 (owed 2000). Hold 10% x 1000 = 100.00.
    //     Payout 1000 + 2000 - 100 = 2900.00.
    // Q2: c = 5000.00 (D2). Hold 500.00 (held 600). Draw period 2: the period pays 5000 - 500 =
    //     4500 after the holdback, excess 4500 - 3000 = 1500, recover 1500 (owed 500): the payout
    //     before the clawback and the manual line, 5000 - 500 - 1500 = 3000, is the draw.
    //     D1 closed 2026-02-01, cancelled 2026-04-20: 27 + 31 + 20 = 78 days <= 90: clawback
    //     -1000.00. Manual 200 EUR x 1.1 = 220.00. Payout 5000 - 1500 - 500 - 1000 + 220 = 2220.00.
    // Q3: nothing earned, past the draw periods: nothing to recover from (owed 500): payout 0.00.
    // Q4: c = 2000.00 (D3). The release date 2026-12-31 is in Q4: nothing kept, 600.00 released;
    //     the period pays 2000 + 600 = 2600: recover the 500 owed. Payout 2100.00. Nothing owed,
    //     so no true-up. Over the year 2900 + 2220 + 0 + 2100 = 7220.00, as when Q2 recovered 2000.
    expect(YEAR.map((p) => linesOf(of(results, p)))).toEqual([
      [
        ['draw:new_hire_draw', '2000.00'],
        ['holdback:reserve', '-100.00'],
      ],
      [
        ['draw-recovery:new_hire_draw', '-1500.00'],
        ['holdback:reserve', '-500.00'],
        ['clawback:cancellations:D1', '-1000.00'],
        ['manual:ADJ-1', '220.00'],
      ],
      [],
      [
        ['draw-recovery:new_hire_draw', '-500.00'],
        ['holdback-release:reserve', '600.00'],
      ],
    ]);
    expect(YEAR.map((p) => of(results, p).payout)).toEqual(['2900.00', '2220.00', '0.00', '2100.00']);
    expect(YEAR.map((p) => of(results, p).balances)).toEqual([
      { 'draw:new_hire_draw': '2000.00', 'holdback:reserve': '100.00' },
      { 'draw:new_hire_draw': '500.00', 'holdback:reserve': '600.00' },
      { 'draw:new_hire_draw': '500.00', 'holdback:reserve': '600.00' },
      { 'draw:new_hire_draw': '0.00', 'holdback:reserve': '0.00' },
    ]);
    const claw = of(results, '2026-Q2').adjustments[2];
    expect(claw?.record).toEqual({ source: 'deals', key: 'D1', row: 1 });
    expect(claw?.trace.inputs).toContainEqual({ name: '2026-Q1 c:D1', value: '1000.00', unit: 'USD' });
    expect(claw?.trace.range).toEqual(PLAN.clawbacks[0]?.range);
    expect(of(results, '2026-Q2').adjustments[0]?.label).toBe('New-hire draw');
  });

  it('carries balances and paid lines across runs through previous results', () => {
    const q1 = payRun(PLAN, dataset(), ['2026-Q1']);
    // Q2 alone, after Q1: the same Q2 as a run over both periods.
    const q2 = payRun(PLAN, dataset({ previous: q1 }), ['2026-Q2']);
    const both = payRun(PLAN, dataset(), ['2026-Q1', '2026-Q2']);
    expect(q2.statements).toHaveLength(1);
    expect(of(q2, '2026-Q2')).toEqual(of(both, '2026-Q2'));
  });

  it('pays a late deal for a closed period in the current period and keeps the closed statement', () => {
    const q1 = payRun(PLAN, dataset(), ['2026-Q1']);
    // A deal of 5,000 closed 2026-03-10 arrives late: Q1 c = 1000 + 500 = 1500.00, draw 1500 (owed
    // 1500), hold 150.00. Q2 recovers 1500 of the 2000 excess.
    // Recalculation in Q2: c +500.00, draw -500.00, holdback -50.00.
    const late = rows(...deals.map((d) => d.values), {
      id: 'D9',
      owner: 'rep',
      amount: '5000',
      close_date: '2026-03-10',
      cancel_date: null,
    });
    const rerun = payRun(PLAN, dataset({ records: { deals: late }, previous: q1 }), ['2026-Q1', '2026-Q2']);
    expect(of(rerun, '2026-Q1')).toEqual(asReported(of(q1, '2026-Q1')));
    expect(linesOf(of(rerun, '2026-Q2'))).toEqual([
      ['draw-recovery:new_hire_draw', '-1500.00'],
      ['holdback:reserve', '-500.00'],
      ['clawback:cancellations:D1', '-1000.00'],
      ['manual:ADJ-1', '220.00'],
      ['recalculation:2026-Q1:earning:c', '500.00'],
      ['recalculation:2026-Q1:adjustment:draw:new_hire_draw', '-500.00'],
      ['recalculation:2026-Q1:adjustment:holdback:reserve', '-50.00'],
    ]);
    // Paid for Q1 + Q2: 2900 + (5000 - 1500 - 500 - 1000 + 220 + 500 - 500 - 50) = 2900 + 2170 = 5070,
    // the same as a first run over the corrected data: Q1 1500 + 1500 - 150 = 2850, Q2 2220.
    const fresh = payRun(PLAN, dataset({ records: { deals: late } }), ['2026-Q1', '2026-Q2']);
    expect(of(rerun, '2026-Q2').payout).toBe('2170.00');
    expect([of(fresh, '2026-Q1').payout, of(fresh, '2026-Q2').payout]).toEqual(['2850.00', '2220.00']);
    expect(of(rerun, '2026-Q2').balances).toEqual(of(fresh, '2026-Q2').balances);
  });

  it('counts draw periods from the payee start and guarantee periods from a date', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { book_assigned_on: Date }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw ramp_draw = 1_000 USD non-recoverable for 2 periods
  guarantee book = 4_000 USD for 2 periods from payee.book_assigned_on
`),
    );
    const data: Dataset = {
      payees: [
        payee('rep', { book_assigned_on: '2026-08-15' }, { plans: [{ plan: 'Test', from: '2026-05-10' }] }),
      ],
      records: { deals: rows({ id: 'D1', owner: 'rep', amount: '5000', close_date: '2026-09-01' }) },
    };
    const results = payRun(plan, data, YEAR);
    // On the plan from 2026-05-10: Q2 and Q3 are the draw's 2 periods. The guarantee runs from the
    // quarter of 2026-08-15: Q3 and Q4.
    // Q2: draw 1000 - 0 = 1000. Q3: c = 500, draw 500 (base 1000), guarantee 4000 - 1000 = 3000.
    // Q4: guarantee period 2: 4000 - 0 = 4000.
    expect(results.statements.map((s) => [s.period, ...linesOf(s).map((l) => l.join(' '))])).toEqual([
      ['2026-Q2', 'draw:ramp_draw 1000.00'],
      ['2026-Q3', 'draw:ramp_draw 500.00', 'guarantee:book 3000.00'],
      ['2026-Q4', 'guarantee:book 4000.00'],
    ]);
  });

  it('releases a holdback when its condition holds', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  measure deal_count = count(deals)
  commission c = bookings * 10%
  holdback reserve = 50% of c until deal_count >= 2
`),
    );
    const data: Dataset = {
      payees: [payee('rep')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-10' },
          { id: 'D2', owner: 'rep', amount: '3000', close_date: '2026-04-10' },
          { id: 'D3', owner: 'rep', amount: '2000', close_date: '2026-04-20' },
        ),
      },
    };
    // Q1: one deal, c = 100, keep 50. Q2: two deals: release 50, keep nothing of 500 -> payout 550.
    const results = payRun(plan, data, ['2026-Q1', '2026-Q2']);
    expect(results.statements.map(linesOf)).toEqual([
      [['holdback:reserve', '-50.00']],
      [['holdback-release:reserve', '50.00']],
    ]);
    expect(results.statements.map((s) => s.payout)).toEqual(['50.00', '550.00']);
  });

  it('pays a correction to a year-to-date earning once, through the current period', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  bonus b = ytd(bookings) * 1% paid year to date
`),
    );
    const q1Deals = [{ id: 'D1', owner: 'rep', amount: '10000', close_date: '2026-02-01' }];
    const first = payRun(plan, { payees: [payee('rep')], records: { deals: rows(...q1Deals) } }, ['2026-Q1']);
    expect(of(first, '2026-Q1').payout).toBe('100.00');
    // Late deal of 5,000 in Q1 and 20,000 in Q2. Q2 pays ytd 1% x 35,000 = 350 minus the 100 Q1
    // reported = 250: the Q1 correction (+50) is inside it, so no recalculation line repeats it.
    const deals = rows(
      ...q1Deals,
      { id: 'D9', owner: 'rep', amount: '5000', close_date: '2026-03-01' },
      { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-05-01' },
    );
    const second = payRun(plan, { payees: [payee('rep')], records: { deals }, previous: first }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(of(second, '2026-Q1')).toEqual(asReported(of(first, '2026-Q1')));
    expect(linesOf(of(second, '2026-Q2'))).toEqual([]);
    expect(of(second, '2026-Q2').payout).toBe('250.00');
  });

  it('says once that adjustments given to a plan without `adjustment ... from data` are not read', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
`),
    );
    const data: Dataset = {
      payees: [payee('rep'), payee('rep2')],
      records: { deals: rows({ id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-01' }) },
      adjustments: [
        { id: 'A1', payee: 'rep', period: '2026-Q1', amount: '500', reason: 'missed deal' },
        { id: 'A2', payee: 'rep2', period: '2026-Q3', amount: '70', reason: 'later' },
      ],
    };
    const results = payRun(plan, data, ['2026-Q1', '2026-Q2']);
    // Nothing paid from them (c = 10% x 1000 = 100.00), one warning for the run, in its last period.
    expect(of(results, '2026-Q1').payout).toBe('100.00');
    expect(results.warnings).toEqual([
      {
        code: 'adjustments-not-read',
        period: '2026-Q2',
        range: expect.anything(),
        message:
          '2 rows of adjustments are given, but the plan has no `adjustment ... from data`: they are not read, and none of them is paid',
      },
    ]);
    // With the declaration there is nothing to say.
    expect(payRun(PLAN, dataset(), YEAR).warnings).toEqual([]);
  });

  it('estimates the payout as if every hypothetical record closed, draws and holdbacks included', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw d = 3_000 USD recoverable
  guarantee g = 4_000 USD for 4 periods
  holdback h = 50% of c until 2026-12-31
`),
    );
    const deal = (id: string, amount: string, date: string) => ({
      values: { id, owner: 'rep', amount, close_date: date },
    });
    const data = (hypothetical: boolean): Dataset => ({
      payees: [payee('rep')],
      records: {
        deals: [deal('D1', '10000', '2026-01-01'), { ...deal('H1', '50000', '2026-01-03'), hypothetical }],
      },
    });
    // Real: c = 1000.00, draw 2000.00, guarantee 4000 - 3000 = 1000.00, holdback 500.00: 3500.00.
    // H1 closed: c = 6000.00, holdback 3000.00, no draw, no guarantee: 3000.00 (was 8500.00 =
    // 3500 + the 5000.00 estimate of c).
    const estimated = of(payRun(plan, data(true), ['2026-Q1']), '2026-Q1');
    const closed = of(payRun(plan, data(false), ['2026-Q1']), '2026-Q1');
    expect([estimated.payout, estimated.estimatedPayout]).toEqual(['3500.00', '3000.00']);
    expect(closed.payout).toBe(estimated.estimatedPayout);
    expect(estimated.balances).toEqual({ 'draw:d': '2000.00', 'holdback:h': '500.00' });
  });

  it('gives the same results whatever the order of the records', () => {
    const forward = payRun(PLAN, dataset(), YEAR);
    const backward = payRun(PLAN, dataset({ records: { deals: [...deals].reverse() } }), YEAR);
    expect(JSON.stringify(backward.statements)).toBe(JSON.stringify(forward.statements));
  });
});

describe('a clawback of a line priced by a rate table', () => {
  it('names the original rate as a percentage', () => {
    const plan = planOf(
      quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  rate table r on bookings marginal {
    0 USD and up: 8%
  }
  commission c = tiered(bookings, r) per line
  clawback cancellations = deals cancelled on cancel_date within 90 days at original rate
`),
    );
    const cancelled = rows({
      id: 'D1',
      owner: 'rep',
      amount: '10000',
      close_date: '2026-02-01',
      cancel_date: '2026-04-20',
    });
    const results = payRun(plan, { payees: [payee('rep')], records: { deals: cancelled } }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    // D1 paid 8% x 10,000 = 800.00 in Q1; cancelled 78 days later: -800.00 in Q2.
    const claw = of(results, '2026-Q2').adjustments[0];
    expect(claw?.amount).toBe('-800.00');
    expect(claw?.trace.text).toBe(
      'deals D1 closed on 2026-02-01 and was cancelled on 2026-04-20, 78 days later (within 90): reverses 1 line paying 800.00 USD at the original rate 8% (c)',
    );
    // The rate input reads as a percentage too (8%, not 0.08), like the text after it.
    expect(explain(results, { payee: 'rep', period: '2026-Q2', adjustment: claw?.id ?? '' })?.sentence).toBe(
      'cancellations for deals D1 is -800.00 USD: dated 2026-02-01, cancelled 2026-04-20, days to cancellation 78, ' +
        '2026-Q1 c:D1 800.00 USD, 2026-Q1 c:D1 rate 8%; deals D1 closed on 2026-02-01 and was cancelled on ' +
        '2026-04-20, 78 days later (within 90): reverses 1 line paying 800.00 USD at the original rate 8% (c)',
    );
  });
});

describe('a year-end true-up of a balance corrected after it was reported', () => {
  // Two fiscal years (calendar years), a draw of 3,000 for 2 periods, trued up at year end.
  const plan = planOf(`plan "Test" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2027-12-31
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10%
  draw d = 3_000 USD recoverable for 2 periods true up at year end
}`);
  const deal = (id: string, amount: string, close_date: string) => ({ id, owner: 'rep', amount, close_date });
  const v1 = [
    deal('D1', '10000', '2026-02-01'),
    deal('D2', '30000', '2026-05-01'),
    deal('D4', '20000', '2026-11-01'),
    deal('D5', '10000', '2027-02-01'),
    deal('D6', '20000', '2027-05-01'),
  ];
  // D4 was 5,000, not 20,000.
  const v2 = v1.map((d) => (d.id === 'D4' ? { ...d, amount: '5000' } : d));
  const data = (values: typeof v1, previous?: Results): Dataset => ({
    payees: [payee('rep')],
    records: { deals: rows(...values) },
    ...(previous ? { previous } : {}),
  });

  it('forgives the corrected balance at that year end instead of carrying it into the next year', () => {
    // Run A, 2026 (v1). Q1: c 1,000, draw 2,000 (owed 2,000). Q2: c 3,000 = the draw: nothing
    // paid or recovered. Q3: nothing. Q4 (year end, draw ended): c 2,000 recovers the 2,000 owed:
    // balance 0, nothing to forgive, no true-up line.
    const a = payRun(plan, data(v1), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(of(a, '2026-Q4').balances).toEqual({ 'draw:d': '0.00' });
    expect(linesOf(of(a, '2026-Q4'))).toEqual([['draw-recovery:d', '-2000.00']]);
    // Run B, 2026-Q4 again with 2027-Q1 (v2). Q4 now: c 500 recovers 500, 1,500 owed at year end,
    // forgiven by the true-up. Its corrections are paid in 2027-Q1: c 500 - 2,000 = -1,500 and
    // the recovery -500 - (-2,000) = +1,500. 2027-Q1: c 1,000, nothing owed: paid 1,000.
    const b = payRun(plan, data(v2, a), ['2026-Q4', '2027-Q1']);
    const q1 = of(b, '2027-Q1');
    expect(linesOf(q1)).toEqual([
      ['recalculation:2026-Q4:earning:c', '-1500.00'],
      ['recalculation:2026-Q4:adjustment:draw-recovery:d', '1500.00'],
    ]);
    expect([q1.payout, q1.balances]).toEqual(['1000.00', { 'draw:d': '0.00' }]);
    // Run C, 2027-Q2 with run B's results: 2026-Q4 as reported (balance 0, no true-up line) and the
    // +1,500 correction of its recovery. At that year end the 1,500 is forgiven, so nothing is
    // owed in 2027: c 2,000 is paid whole. Before: the ledger carried the 1,500 into 2027 and
    // recovered it, paying 500.
    const c = payRun(plan, data(v2, b), ['2027-Q2']);
    const q2 = of(c, '2027-Q2');
    expect(linesOf(q2)).toEqual([]);
    expect([q2.payout, q2.balances]).toEqual(['2000.00', { 'draw:d': '0.00' }]);
    // As one run over v2 pays: 2027-Q1 1,000 and 2027-Q2 2,000.
    const once = payRun(plan, data(v2), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect([of(once, '2027-Q1').payout, of(once, '2027-Q2').payout]).toEqual(['1000.00', '2000.00']);
  });
});
