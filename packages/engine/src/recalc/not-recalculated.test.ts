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
