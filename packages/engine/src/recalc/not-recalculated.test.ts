/**
 * The `not-recalculated` warning is exact: a left-out closed period is named when calculating it
 * again would pay something (its earnings now against what was reported plus the corrections
 * already paid for them), and only then.
 */
import { describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }`;
const deal = (id: string, amount: string, close_date: string) => ({ id, owner: 'a', amount, close_date });
const payees = [payee('a')];

/** The periods named by the run's `not-recalculated` warning (none: `[]`). */
const named = (results: Results) =>
  results.warnings.filter((w) => w.code === 'not-recalculated').map((w) => w.message.split(' ')[0]);
/** Earlier results merged from several runs. */
const merged = (...runs: Results[]) =>
  ({ ...runs[runs.length - 1], statements: runs.flatMap((r) => r.statements) }) as Results;

describe('a correction already paid by a later run', () => {
  const plan = planOf(quarterly(`${DEALS}\n  commission c = bookings * 10%\n  adjustment manual from data`));
  const base = rows(deal('D1', '1000', '2026-02-01'), deal('D2', '2000', '2026-05-01'));
  // A late Q1 deal of 500: Q1 earns (1,000 + 500) x 10% = 150 instead of 100.
  const late: DataRecord[] = [...base, { row: 3, values: deal('D0', '500', '2026-03-01') }];
  const q1 = run(plan, { payees, records: { deals: base } }, ['2026-Q1']);
  // The admin does what the warning says: Q1 again with Q2, which pays the +50 as a line.
  const q12 = run(plan, { payees, records: { deals: late }, previous: q1 }, ['2026-Q1', '2026-Q2']);

  it('is paid once, then the period is quiet in every later run', () => {
    expect(named(run(plan, { payees, records: { deals: late }, previous: q1 }, ['2026-Q2']))).toEqual([
      '2026-Q1',
    ]);
    expect(statement(q12, 'a', '2026-Q2').adjustments.map((a) => [a.id, a.amount])).toEqual([
      ['recalculation:2026-Q1:earning:c', '50.00'],
    ]);
    // Q3: Q1 reported 100 + the 50 paid in Q2 = 150, what it earns now: quiet (it warned forever).
    const q3 = run(plan, { payees, records: { deals: late }, previous: merged(q1, q12) }, ['2026-Q3']);
    expect(q3.warnings).toEqual([]);
    const q4 = run(plan, { payees, records: { deals: late }, previous: merged(q1, q12, q3) }, ['2026-Q4']);
    expect(q4.warnings).toEqual([]);
    // A further change after the correction is one: D0 is 700, Q1 earns 170 (150 paid).
    const again = late.map((d) =>
      d.values.id === 'D0' ? { ...d, values: { ...d.values, amount: '700' } } : d,
    );
    const changed = run(plan, { payees, records: { deals: again }, previous: merged(q1, q12) }, ['2026-Q3']);
    expect(named(changed)).toEqual(['2026-Q1']);
  });

  it("says to run a later period when the run's current period was already reported too", () => {
    // Q1 and Q2 reported, then Q2 run alone again with the late Q1 deal: Q2 is closed, so calculating
    // Q1 again with Q2 would pay nothing in Q2 (already-reported); the advice names a later period.
    const q2 = run(plan, { payees, records: { deals: base }, previous: q1 }, ['2026-Q2']);
    const again = run(plan, { payees, records: { deals: late }, previous: merged(q1, q2) }, ['2026-Q2']);
    const messages = again.warnings.map((w) => [w.code, w.message]);
    expect(messages).toContainEqual([
      'not-recalculated',
      "2026-Q1 is in the earlier results but not among this run's periods: changes to its data are not recalculated (calculate 2026-Q1 again with a period after 2026-Q2 to pay them there)",
    ]);
    expect(messages.map(([code]) => code)).toContain('already-reported');
  });

  it('counts a manual adjustment paid by a recalculation line as paid', () => {
    const adjustments = [{ id: 'A1', payee: 'a', period: '2026-Q1', amount: '100', reason: 'missed SPIFF' }];
    const data = { payees, records: { deals: base }, adjustments };
    // Given late: Q1 is recalculated with Q2, which pays the manual line's 100 as a line.
    const paid = run(plan, { ...data, previous: q1 }, ['2026-Q1', '2026-Q2']);
    expect(statement(paid, 'a', '2026-Q2').adjustments.map((a) => [a.id, a.amount])).toEqual([
      ['recalculation:2026-Q1:adjustment:manual:A1', '100.00'],
    ]);
    expect(run(plan, { ...data, previous: merged(q1, paid) }, ['2026-Q3']).warnings).toEqual([]);
  });
});

describe('a source that no credit reads', () => {
  it('warns when a count of its records changes (an SDR paid per meeting)', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source meetings { id: Text key, rep: Payee owner, held_on: Date dated }
  measure held = count(meetings)
  commission c = bookings * 10%
  bonus m = held * 100 USD`),
    );
    const deals = rows(deal('D1', '1000', '2026-02-01'));
    const meeting = (id: string, held_on: string) => ({ id, rep: 'a', held_on });
    const meetings = rows(meeting('M1', '2026-01-20'), meeting('M2', '2026-04-02'));
    const q1 = run(plan, { payees, records: { deals, meetings } }, ['2026-Q1']);
    expect(statement(q1, 'a', '2026-Q1').payout).toBe('200.00'); // 100 + 1 meeting x 100
    const same = run(plan, { payees, records: { deals, meetings }, previous: q1 }, ['2026-Q2']);
    expect(same.warnings).toEqual([]);
    // Two more January meetings: Q1's m is 3 x 100 = 300 (reported 100); no credit changed.
    const more = [...meetings, { row: 3, values: meeting('M3', '2026-01-21') }];
    const late = run(plan, { payees, records: { deals, meetings: more }, previous: q1 }, ['2026-Q2']);
    expect(named(late)).toEqual(['2026-Q1']);
  });
});

describe('a source without a key, its records named by row', () => {
  it('is quiet when its rows only moved in the file', () => {
    const plan = planOf(
      quarterly(`source deals { owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10%`),
    );
    const d = (amount: string, close_date: string) => ({ owner: 'a', amount, close_date });
    const q1 = run(
      plan,
      { payees, records: { deals: rows(d('100', '2026-02-01'), d('200', '2026-03-01')) } },
      ['2026-Q1'],
    );
    // Sorted newest first: the Q2 deal is row 1, the Q1 deals rows 2 and 3. Q1 still earns 30.
    const resorted = rows(d('300', '2026-05-01'), d('100', '2026-02-01'), d('200', '2026-03-01'));
    const q2 = run(plan, { payees, records: { deals: resorted }, previous: q1 }, ['2026-Q2']);
    expect(q2.warnings).toEqual([]);
    expect(statement(q2, 'a', '2026-Q2').payout).toBe('30.00');
    // A changed amount still counts: row 3 is 250, Q1 earns 35.
    const changed = rows(d('300', '2026-05-01'), d('100', '2026-02-01'), d('250', '2026-03-01'));
    expect(named(run(plan, { payees, records: { deals: changed }, previous: q1 }, ['2026-Q2']))).toEqual([
      '2026-Q1',
    ]);
  });
});

describe('earnings paid year to date', () => {
  const late = rows(deal('D1', '10000', '2026-02-01'), deal('D0', '1000', '2026-03-01'));
  const base = rows(deal('D1', '10000', '2026-02-01'));

  it('are quiet when a later period of the run pays the change in its year to date', () => {
    const plan = planOf(quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`));
    const q1 = run(plan, { payees, records: { deals: base } }, ['2026-Q1']);
    // Q2 pays 11,000 x 10% - 1,000 = 100: Q1's change; recalculating Q1 would pay nothing more.
    const q2 = run(plan, { payees, records: { deals: late }, previous: q1 }, ['2026-Q2']);
    expect(statement(q2, 'a', '2026-Q2').payout).toBe('100.00');
    expect(q2.warnings).toEqual([]);
  });

  it('name the period for its other earnings, saying what the year to date takes in', () => {
    const plan = planOf(
      quarterly(
        `${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date\n  commission c = bookings * 1%`,
      ),
    );
    const q1 = run(plan, { payees, records: { deals: base } }, ['2026-Q1']);
    // c of Q1 is now 110 (reported 100): y's +100 is paid in Q2, c's +10 is not.
    const q2 = run(plan, { payees, records: { deals: late }, previous: q1 }, ['2026-Q2']);
    expect(q2.warnings.map((w) => [w.code, w.period, w.message])).toEqual([
      [
        'not-recalculated',
        '2026-Q1',
        "2026-Q1 is in the earlier results but not among this run's periods: changes to its data are not recalculated, except in the earnings paid year to date (y): from 2026-Q2 on they pay the year to date minus what 2026-Q1 reported, which takes in its changes (calculate 2026-Q1 again with 2026-Q2 to pay its other changes in 2026-Q2)",
      ],
    ]);
  });

  it('compare their own part in an earlier fiscal year, after a correction absorbed', () => {
    const plan = planOf(
      quarterly(`${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`).replace(
        'effective 2026-01-01 to 2026-12-31',
        'effective 2026-01-01 to 2027-12-31',
      ),
    );
    const deals = [
      ...late,
      { row: 3, values: deal('D2', '2000', '2026-05-01') },
      { row: 4, values: deal('D3', '4000', '2026-08-01') },
    ];
    const q1 = run(plan, { payees, records: { deals: base } }, ['2026-Q1']);
    // Q1 again with Q2: Q2 pays 13,000 x 10% - 1,000 = 300: its own 200 and Q1's correction of 100,
    // absorbed (no line; its trace says it pays the correction of 2026-Q1). Q3 pays 1,700 - 1,300 =
    // 400, Q4 nothing.
    const q2 = run(plan, { payees, records: { deals }, previous: q1 }, ['2026-Q1', '2026-Q2']);
    const q3 = run(plan, { payees, records: { deals }, previous: merged(q1, q2) }, ['2026-Q3']);
    const q4 = run(plan, { payees, records: { deals }, previous: merged(q1, q2, q3) }, ['2026-Q4']);
    const paid = [q2, q3, q4].map((r) => r.statements.filter((s) => !s.reported).map((s) => s.payout));
    expect(paid).toEqual([['300.00'], ['400.00'], ['0.00']]);
    // 2027-Q1 takes off nothing of 2026: each 2026 quarter is compared on its own part. Q1 1,100
    // (1,000 + the 100 Q2 paid for it), Q2 200 (300 - 100 absorbed), Q3 400, Q4 0: as now. Quiet
    // (Q2's 300 against its own 200 would be a change).
    const earlier = merged(q1, q2, q3, q4);
    expect(run(plan, { payees, records: { deals }, previous: earlier }, ['2027-Q1']).warnings).toEqual([]);
    // D3 was 5,000: Q3's own part is now 18,000 x 10% - 13,000 x 10% = 500 (reported 400).
    const d3 = deals.map((d) =>
      d.values.id === 'D3' ? { ...d, values: { ...d.values, amount: '5000' } } : d,
    );
    expect(named(run(plan, { payees, records: { deals: d3 }, previous: earlier }, ['2027-Q1']))).toEqual([
      '2026-Q3',
    ]);
  });
});

/** The adjustment lines of a statement as [id, amount]. */
const lines = (s: { adjustments: { id: string; amount: string }[] }) =>
  s.adjustments.map((a) => [a.id, a.amount]);

describe('the payout rules of a left-out period', () => {
  const SOURCE = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line`;
  const sale = (id: string, owner: string, amount: string, close: string, cancel: string | null = null) => ({
    id,
    owner,
    amount,
    close_date: close,
    cancel_date: cancel,
  });

  it('count a record cancelled there: the clawback is taken there, and nowhere else', () => {
    const plan = planOf(
      quarterly(`${SOURCE}\n  clawback cx = deals cancelled on cancel_date within 90 days at original rate`),
    );
    // D1 10,000 in Q1 pays 1,000; D3 2,000 in Q3 pays 200. No record is dated in Q2: the
    // cancellation alone makes the data reach back to it.
    const deals = (cancel: string | null) =>
      rows(sale('D1', 'a', '10000', '2026-02-01', cancel), sale('D3', 'a', '2000', '2026-08-01'));
    const data = { payees, records: { deals: deals(null) } };
    const q1 = run(plan, data, ['2026-Q1']);
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q2']);
    const earlier = merged(q1, q2);
    // D1 cancelled on 2026-04-20, 28 + 31 + 19 = 78 days after it closed (within 90): one call
    // takes its 1,000 back in Q2. Q2 was reported without it, and Q3 alone does not take it
    // (the cancellation is not in Q3): Q3 pays 200, and nothing ever claws the 1,000 back.
    const cancelled = { payees, records: { deals: deals('2026-04-20') } };
    const q3 = run(plan, { ...cancelled, previous: earlier }, ['2026-Q3']);
    expect(statement(q3, 'a', '2026-Q3').payout).toBe('200.00'); // 2,000 x 10%, no clawback
    expect(named(q3)).toEqual(['2026-Q2']); // Q1's earnings are as reported: 1,000
    // Unchanged data: quiet.
    expect(run(plan, { ...data, previous: earlier }, ['2026-Q3']).warnings).toEqual([]);
    // Done as the warning says: Q2 again with Q3 takes the 1,000 back in Q3 (200 - 1,000 = -800),
    // and later runs are quiet.
    const q23 = run(plan, { ...cancelled, previous: earlier }, ['2026-Q2', '2026-Q3']);
    expect(lines(statement(q23, 'a', '2026-Q3'))).toEqual([
      ['recalculation:2026-Q2:adjustment:clawback:cx:D1', '-1000.00'],
    ]);
    expect(statement(q23, 'a', '2026-Q3').payout).toBe('-800.00'); // 200 - 1,000
    const q4 = run(plan, { ...cancelled, previous: merged(q1, q2, q23) }, ['2026-Q4']);
    expect(q4.warnings).toEqual([]);
  });

  it('count a start date that moves a guarantee into the period', () => {
    const plan = planOf(quarterly(`${SOURCE}\n  guarantee g = 2_000 USD for 2 periods`));
    const from = (day: string) => payee('a', {}, { plans: [{ plan: 'Test', from: day }] });
    // b's Q1 deal makes the data reach back to Q1. a: 5,000 in Q2 (c 500), 30,000 in Q3 (c 3,000).
    const records = {
      deals: rows(
        sale('B1', 'b', '10000', '2026-02-01'),
        sale('A2', 'a', '5000', '2026-05-01'),
        sale('A3', 'a', '30000', '2026-08-01'),
      ),
    };
    const data = { payees: [from('2026-04-01'), payee('b')], records };
    const q1 = run(plan, data, ['2026-Q1']);
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q2']);
    // a's first guaranteed quarter is Q2: 2,000 - 500 = 1,500.
    expect(lines(statement(q2, 'a', '2026-Q2'))).toEqual([['guarantee:g', '1500.00']]);
    const earlier = merged(q1, q2);
    expect(run(plan, { ...data, previous: earlier }, ['2026-Q3']).warnings).toEqual([]);
    // a started on 2026-03-01: one call guarantees Q1 (2,000, nothing earned) and Q2 (1,500).
    // Q1 has no statement of a and earns 0 as reported; only the guarantee changed.
    const moved = { ...data, payees: [from('2026-03-01'), payee('b')] };
    const q3 = run(plan, { ...moved, previous: earlier }, ['2026-Q3']);
    expect(statement(q3, 'a', '2026-Q3').payout).toBe('3000.00'); // 30,000 x 10%, past the guarantee
    expect(named(q3)).toEqual(['2026-Q1']);
    // Q1 again with Q3 pays its 2,000 in Q3; later runs are quiet.
    const q13 = run(plan, { ...moved, previous: earlier }, ['2026-Q1', '2026-Q3']);
    expect(lines(statement(q13, 'a', '2026-Q3'))).toEqual([
      ['recalculation:2026-Q1:adjustment:guarantee:g', '2000.00'],
    ]);
    expect(run(plan, { ...moved, previous: merged(q1, q2, q13) }, ['2026-Q4']).warnings).toEqual([]);
  });

  it('count a start date that moves a draw out of the period', () => {
    const plan = planOf(quarterly(`${SOURCE}\n  draw d = 1_000 USD recoverable for 2 periods`));
    const records = {
      deals: rows(
        sale('B1', 'b', '10000', '2026-02-01'),
        sale('A2', 'a', '5000', '2026-05-01'),
        sale('A3', 'a', '30000', '2026-08-01'),
      ),
    };
    const data = { payees: [payee('a'), payee('b')], records };
    const q1 = run(plan, data, ['2026-Q1']);
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q2']);
    // a on the plan from its start: Q1 draws 1,000 (owed 1,000), Q2 1,000 - 500 = 500 (owed 1,500).
    expect(lines(statement(q1, 'a', '2026-Q1'))).toEqual([['draw:d', '1000.00']]);
    expect(lines(statement(q2, 'a', '2026-Q2'))).toEqual([['draw:d', '500.00']]);
    const earlier = merged(q1, q2);
    const same = run(plan, { ...data, previous: earlier }, ['2026-Q3']);
    expect(same.warnings).toEqual([]);
    // Q3, past the draw's 2 periods, recovers the 1,500 owed from its 3,000 (at most the balance).
    expect(lines(statement(same, 'a', '2026-Q3'))).toEqual([['draw-recovery:d', '-1500.00']]);
    // Q4 given Q3's results alone: what Q3 carried in is not known (Q2 is missing), so Q3's
    // recovery is not compared (paid again from nothing owed, it would recover nothing): quiet.
    expect(named(run(plan, { ...data, previous: same }, ['2026-Q4']))).toEqual([]);
    // a started on 2026-04-01: one call pays no draw in Q1, draws 500 in Q2 (owed 500) and
    // recovers those 500 in Q3. Q3 alone carries in the 1,500 Q2 reported: it recovers 1,500 of
    // the 3,000 - 1,000 above the draw, and Q1's 1,000 is never taken back. Q1 earned 0 as
    // reported: only the draw changed (a is off the plan there now).
    const moved = {
      ...data,
      payees: [payee('a', {}, { plans: [{ plan: 'Test', from: '2026-04-01' }] }), payee('b')],
    };
    const q3 = run(plan, { ...moved, previous: earlier }, ['2026-Q3']);
    expect(lines(statement(q3, 'a', '2026-Q3'))).toEqual([['draw-recovery:d', '-1500.00']]);
    expect(named(q3)).toEqual(['2026-Q1']);
  });

  it('count a release date that moves a holdback: what it holds and releases there', () => {
    const plan = planOf(
      quarterly(`${SOURCE}\n  payee { rel: Date }\n  holdback h = 50% of c until payee.rel`),
    );
    // c: 1,000 in Q1, 400 in Q2, 200 in Q3.
    const records = {
      deals: rows(
        sale('A1', 'a', '10000', '2026-02-01'),
        sale('A2', 'a', '4000', '2026-05-01'),
        sale('A3', 'a', '2000', '2026-08-01'),
      ),
    };
    const data = { payees: [payee('a', { rel: '2026-06-30' })], records };
    const q1 = run(plan, data, ['2026-Q1']);
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q2']);
    // Q1 holds 500; Q2 contains 2026-06-30: holds nothing and releases the 500 (payout 900).
    expect(lines(statement(q1, 'a', '2026-Q1'))).toEqual([['holdback:h', '-500.00']]);
    expect(lines(statement(q2, 'a', '2026-Q2'))).toEqual([['holdback-release:h', '500.00']]);
    const earlier = merged(q1, q2);
    expect(run(plan, { ...data, previous: earlier }, ['2026-Q3']).warnings).toEqual([]);
    // Released on 2026-12-31 instead: one call holds 500 in Q1, 200 in Q2, 100 in Q3 and releases
    // 800 in Q4. Q3 alone carries in nothing held (Q2 released it): it holds 100, and the 700
    // paid early in Q2 are never held. Q1 is as reported; Q2's lines changed, not its earnings.
    const later = { ...data, payees: [payee('a', { rel: '2026-12-31' })] };
    const q3 = run(plan, { ...later, previous: earlier }, ['2026-Q3']);
    expect(lines(statement(q3, 'a', '2026-Q3'))).toEqual([['holdback:h', '-100.00']]);
    expect(named(q3)).toEqual(['2026-Q2']);
    // Q2 again with Q3: Q3 holds its 100 on the 700 Q2 holds now, and takes back Q2's release and
    // its 200 (payout 200 - 100 - 200 - 500 = -600); later runs are quiet.
    const q23 = run(plan, { ...later, previous: earlier }, ['2026-Q2', '2026-Q3']);
    expect(lines(statement(q23, 'a', '2026-Q3'))).toEqual([
      ['holdback:h', '-100.00'],
      ['recalculation:2026-Q2:adjustment:holdback:h', '-200.00'],
      ['recalculation:2026-Q2:adjustment:holdback-release:h', '-500.00'],
    ]);
    expect(statement(q23, 'a', '2026-Q3').payout).toBe('-600.00');
    const q4 = run(plan, { ...later, previous: merged(q1, q2, q23) }, ['2026-Q4']);
    expect(q4.warnings).toEqual([]);
    expect(lines(statement(q4, 'a', '2026-Q4'))).toEqual([['holdback-release:h', '800.00']]); // 500 + 200 + 100
  });
});

describe('a left-out period no record reaches back to', () => {
  const plan = planOf(
    quarterly(`${DEALS}\n  commission c = bookings * 10%\n  draw d = 100 USD recoverable for 2 periods`),
  );
  const from = (day: string) => ({
    payees: [payee('a', {}, { plans: [{ plan: 'Test', from: day }] })],
    records: { deals: rows() },
  });

  it('is compared when the start date puts the payee on the plan there, after a run took it back', () => {
    // No deal at all. From 2026-01-01: Q1 draws 100.
    const q1 = run(plan, from('2026-01-01'), ['2026-Q1']);
    expect(lines(statement(q1, 'a', '2026-Q1'))).toEqual([['draw:d', '100.00']]);
    // From 2026-04-01: Q1 is off the plan, its 100 is taken back in Q2, and Q2 draws 100 (its first
    // period): Q2 pays 100 - 100 = 0.
    const q12 = run(plan, { ...from('2026-04-01'), previous: q1 }, ['2026-Q1', '2026-Q2']);
    expect(statement(q12, 'a', '2026-Q2').payout).toBe('0.00');
    // From 2026-01-01 again, Q2 and Q3 without Q1: Q2 is the draw's second period, 100 as paid;
    // Q3 pays nothing. The runs paid 100 + 0 + 0 = 100; one call pays Q1 100 and Q2 100 = 200. Q1
    // was paid 100 - 100 = 0 in all and draws 100 now: the start date reaches back to it.
    const q23 = run(plan, { ...from('2026-01-01'), previous: merged(q1, q12) }, ['2026-Q2', '2026-Q3']);
    expect(statement(q23, 'a', '2026-Q3').payout).toBe('0.00');
    expect(named(q23)).toEqual(['2026-Q1']);
    const once = run(plan, from('2026-01-01'), ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(once.statements.map((s) => s.payout)).toEqual(['100.00', '100.00', '0.00']); // 200 in all
  });
});

describe('a record that moved out of a left-out period', () => {
  const plan = planOf(quarterly(`${DEALS}\n  commission c = bookings * 10%`));

  it('reaches back to it when the run pays the payee on it in a later period', () => {
    // D1 1,000 closed in Q1: Q1 pays 100.
    const q1 = run(plan, { payees, records: { deals: rows(deal('D1', '1000', '2026-02-01')) } }, ['2026-Q1']);
    expect(statement(q1, 'a', '2026-Q1').payout).toBe('100.00');
    // D1's close date corrected to 2026-05-01, Q2 alone: Q2 pays 100 on it, and Q1's 100 is never
    // taken back (200 in all, one call pays 100). No record is dated in Q1 now, but D1 was paid there.
    const moved = { payees, records: { deals: rows(deal('D1', '1000', '2026-05-01')) } };
    const q2 = run(plan, { ...moved, previous: q1 }, ['2026-Q2']);
    expect(statement(q2, 'a', '2026-Q2').payout).toBe('100.00');
    expect(named(q2)).toEqual(['2026-Q1']);
    // As the warning says, Q1 again with Q2: Q2 takes Q1's 100 back (100 - 100 = 0), 100 in all.
    const q12 = run(plan, { ...moved, previous: q1 }, ['2026-Q1', '2026-Q2']);
    expect(statement(q12, 'a', '2026-Q2').payout).toBe('0.00');
    expect(named(run(plan, { ...moved, previous: merged(q1, q12) }, ['2026-Q3']))).toEqual([]);
    // Data given period by period (Q2's deals only, D2 new): Q1 is quiet.
    const q2Only = { payees, records: { deals: rows(deal('D2', '500', '2026-05-01')) } };
    expect(named(run(plan, { ...q2Only, previous: q1 }, ['2026-Q2']))).toEqual([]);
  });
});

describe('a record that moved out of a left-out period a recalculation credited it in', () => {
  const sequence = (per: string) => {
    const plan = planOf(quarterly(`${DEALS}\n  commission c = bookings * 10%${per}`));
    const at = (day: string) => ({ payees, records: { deals: rows(deal('D1', '1000', day)) } });
    // D1 1,000 in Q2: Q1 pays 0. Then dated in Q1: Q1 again with Q2 pays Q1's +100 in Q2.
    const q1 = run(plan, at('2026-05-01'), ['2026-Q1']);
    const q12 = run(plan, { ...at('2026-02-01'), previous: q1 }, ['2026-Q1', '2026-Q2']);
    expect(lines(statement(q12, 'a', '2026-Q2'))).toEqual([['recalculation:2026-Q1:earning:c', '100.00']]);
    // Then dated in Q3, Q3 alone: Q3 pays 100 on it and Q1 keeps its 100 (200 in all, one call 100).
    const q3 = run(plan, { ...at('2026-08-01'), previous: merged(q1, q12) }, ['2026-Q3']);
    expect(statement(q3, 'a', '2026-Q3').payout).toBe('100.00');
    return named(q3);
  };

  it('reaches back to it through the change the recalculation line made on the record', () => {
    expect(sequence(' per line')).toEqual(['2026-Q1']);
  });

  // A recalculation line of an earning worked out per period names the records whose credit
  // changed (recalculate.ts): Q2's line for Q1 names D1, so the move is seen.
  it('reaches back to it when the earning is worked out per period', () => {
    expect(sequence('')).toEqual(['2026-Q1']);
  });
});
