/**
 * `paid year to date` earnings with `rounding ... at payout`, over runs in sequence: each run takes
 * the results of the runs before it as `previous`, with late or corrected records between runs.
 * What the sequence pays in all (each run's new statements) must be what one call over every
 * period on the final data pays, for every payee: a correction that a later period's year-to-date
 * amount takes in must not be rounded with that period's own amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }`;

const periods = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const days = ['2026-02-01', '2026-03-15', '2026-05-01', '2026-08-01', '2026-11-01'];
const owners = ['a', 'b'];
const payees = owners.map((id) => payee(id));

/** The earlier results after a run: its statements replace those of the same payee and period. */
function merge(before: Results | undefined, after: Results): Results {
  const key = (s: { payee: string; period: string }) => `${s.payee}|${s.period}`;
  const all = new Map((before?.statements ?? []).map((s) => [key(s), s]));
  for (const s of after.statements) all.set(key(s), s);
  return { ...after, statements: [...all.values()] };
}

/** What a run paid each payee: its statements that are not returned as reported. */
function paidBy(results: Results, into: Map<string, Dec>): void {
  for (const s of results.statements)
    if (s.reported !== true) into.set(s.payee, (into.get(s.payee) ?? new Dec(0)).plus(s.payout));
}

/** A deal as each run sees it: its owner, close day and amount in cents, or absent (`null`). */
const version = fc.option(
  fc.record({
    day: fc.integer({ min: 0, max: days.length - 1 }),
    cents: fc.integer({ min: 1, max: 2_000 }),
  }),
  { nil: null },
);
const dealArb = fc.record({
  owner: fc.integer({ min: 0, max: owners.length - 1 }),
  versions: fc.array(version, { minLength: periods.length, maxLength: periods.length }),
});
type Deal = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

function dataOf(deals: readonly Deal[], runIndex: number) {
  const list = deals.flatMap((d, i) => {
    const v = d.versions[runIndex];
    if (!v) return [];
    const amount = `${Math.trunc(v.cents / 100)}.${String(v.cents % 100).padStart(2, '0')}`;
    return [{ id: `D${i + 1}`, owner: owners[d.owner] as string, amount, close_date: days[v.day] as string }];
  });
  return { payees, records: { deals: rows(...list) } };
}

/**
 * Runs in sequence: run i calculates the periods from `starts[i]` to period i (the earlier ones are
 * closed: the merged results of the runs before hold them), on the deals as run i sees them. What
 * the runs paid each payee, and what one call over every period on the last data pays them.
 */
function sequence(text: string, deals: readonly Deal[], starts: readonly number[]) {
  return sequenceOf(
    text,
    deals,
    periods.map((_, i) => [starts[i] ?? 0, i] as const),
  );
}

/**
 * {@link sequence} with the periods of each run given: run i calculates the periods from
 * `ranges[i][0]` to `ranges[i][1]` (any of them may be closed, the last one too), on the deals as
 * run i sees them (one run per version of the deals).
 */
function sequenceOf(text: string, deals: readonly Deal[], ranges: readonly (readonly [number, number])[]) {
  const plan = planOf(text);
  const paid = new Map<string, Dec>();
  let previous: Results | undefined;
  for (const [i, [from, to]] of ranges.entries()) {
    const data = { ...dataOf(deals, i), ...(previous ? { previous } : {}) };
    const r = run(plan, data, periods.slice(from, to + 1));
    expect(r.errors).toEqual([]);
    paidBy(r, paid);
    previous = merge(previous, r);
  }
  const one = new Map<string, Dec>();
  paidBy(run(plan, dataOf(deals, periods.length - 1), periods), one);
  const show = (m: Map<string, Dec>) => owners.map((o) => `${o} ${(m.get(o) ?? new Dec(0)).toFixed(2)}`);
  return { sequence: show(paid), oneCall: show(one) };
}

const ytdPlan = (mode: string) =>
  quarterly(
    `${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date\n  commission c = bookings * 1%`,
    `rounding ${mode} at payout`,
  );

describe('paid year to date with rounding at payout, runs in sequence', () => {
  it('pay each payee what one call pays (each run from the first period)', () => {
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('half even to 2 decimals', 'half up to 2 decimals', 'down to 2 decimals'),
        (deals, mode) => {
          const { sequence: s, oneCall } = sequence(ytdPlan(mode), deals, [0, 0, 0, 0]);
          expect(s).toEqual(oneCall);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('pay each payee what one call pays (runs that start at any earlier period)', () => {
    const starts = fc.tuple(
      fc.constant(0),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        starts,
        fc.constantFrom('half even to 2 decimals', 'half up to 2 decimals', 'up to 0 decimals'),
        (deals, from, mode) => {
          // Only y: a left-out period's other changes are not recalculated (a warning says so).
          const plan = quarterly(
            `${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`,
            `rounding ${mode} at payout`,
          );
          const { sequence: s, oneCall } = sequence(plan, deals, from);
          expect(s).toEqual(oneCall);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('pay each payee what one call pays with a gate, a guarantee and a holdback', () => {
    const plan = (mode: string) =>
      quarterly(
        `${DEALS}
  bonus y = ytd(bookings) * 10% paid year to date when bookings > 1 USD
  commission c = bookings * 1%
  guarantee g = 0.05 USD for 2 periods
  holdback h = 25% of y until 2026-12-31`,
        `rounding ${mode} at payout`,
      );
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('half even to 2 decimals', 'half up to 2 decimals', 'down to 2 decimals'),
        (deals, mode) => {
          const { sequence: s, oneCall } = sequence(plan(mode), deals, [0, 0, 0, 0]);
          expect(s).toEqual(oneCall);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("pay each payee what one call pays when a run's latest period was already reported", () => {
    // Q1, then Q3 alone (Q2 not run yet), then Q1, Q2 or Q3 to Q3 (Q3 reported: the run's current
    // period is closed, but Q2 is not), then a run to Q4 from any period. One of the last two runs
    // calculates Q2 (a period no run calculates is never paid: the later ones take it off as it is
    // worked out now).
    const ranges = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }))
      .filter(([third, last]) => third <= 1 || last <= 1);
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        ranges,
        fc.constantFrom('half even to 2 decimals', 'half up to 2 decimals', 'up to 0 decimals'),
        (deals, [third, last], mode) => {
          // Only y: a left-out period's other changes are not recalculated (a warning says so).
          const plan = quarterly(
            `${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`,
            `rounding ${mode} at payout`,
          );
          const runs = [
            [0, 0],
            [2, 2],
            [third, 2],
            [last, 3],
          ] as const;
          const { sequence: s, oneCall } = sequenceOf(plan, deals, runs);
          expect(s).toEqual(oneCall);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("pay each payee what one call pays when a run's latest period was already reported (a gate, a guarantee and a holdback)", () => {
    const plan = (mode: string) =>
      quarterly(
        `${DEALS}
  bonus y = ytd(bookings) * 10% paid year to date when bookings > 1 USD
  commission c = bookings * 1%
  guarantee g = 0.05 USD for 2 periods
  holdback h = 25% of y until 2026-12-31`,
        `rounding ${mode} at payout`,
      );
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('half even to 2 decimals', 'half up to 2 decimals', 'down to 2 decimals'),
        (deals, third, mode) => {
          // The last run calculates every period: each change is paid by then.
          const runs = [
            [0, 0],
            [2, 2],
            [third, 2],
            [0, 3],
          ] as const;
          const { sequence: s, oneCall } = sequenceOf(plan(mode), deals, runs);
          expect(s).toEqual(oneCall);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('a correction a year-to-date amount takes in, with rounding half even at payout', () => {
  const plan = planOf(
    quarterly(
      `${DEALS}\n  bonus y = ytd(bookings) * 10% paid year to date`,
      'rounding half even to 2 decimals at payout',
    ),
  );
  const deal = (id: string, amount: string, close_date: string) => ({ id, owner: 'a', amount, close_date });
  const one = [payee('a')];
  const lines = (r: Results, period: string) =>
    statement(r, 'a', period).adjustments.map((a) => [a.id, a.amount]);

  it('is paid apart, so the period rounds its own amount only (Q1 and Q2 in one run)', () => {
    // Run 1, Q1: D1 100.05 x 10% = 10.005, paid 10.00 (half even).
    const r1 = run(plan, { payees: one, records: { deals: rows(deal('D1', '100.05', '2026-02-01')) } }, [
      '2026-Q1',
    ]);
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('10.00');
    // Run 2, Q1..Q2: a late Q1 deal of 0.05 (Q1 is now 100.10 x 10% = 10.01, +0.005) and a Q2 deal
    // of 0.05 (Q2's own y: 0.005). Q2's y is the year to date 10.015 minus the 10.005 Q1 reported:
    // 0.010, which takes in Q1's +0.005. It used to be paid in Q2's amount: 0.010 and Q1's rounding
    // line 10.01 - 10.01 - (-0.005) = +0.005 make 0.015, rounded half even 0.02; in all 10.02,
    // a cent more than one call pays (10.01 and 0.005 -> 0.00). Now y pays its own 0.005, and
    // Q1's +0.005 is a line with its rounding line (+0.005): 0.01, added after 0.005 is rounded to
    // 0.00. Q2 pays 0.01; in all 10.00 + 0.01 = 10.01.
    const data = rows(
      deal('D1', '100.05', '2026-02-01'),
      deal('L', '0.05', '2026-03-01'),
      deal('D2', '0.05', '2026-05-01'),
    );
    const r2 = run(plan, { payees: one, records: { deals: data }, previous: r1 }, ['2026-Q1', '2026-Q2']);
    const q2 = statement(r2, 'a', '2026-Q2');
    expect(q2.earnings.map((e) => [e.id, e.amount])).toEqual([['y', '0.005']]);
    // y's lines: the year to date minus what Q1 reported (0.010), less Q1's part (-0.005).
    expect(q2.earnings[0]?.lines.map((l) => [l.id, l.amount])).toEqual([
      ['y:period', '0.01'],
      ['y:correction:2026-Q1', '-0.005'],
    ]);
    expect(q2.earnings[0]?.trace.inputs).toContainEqual({
      name: 'paid apart: the correction of 2026-Q1',
      value: '0.005',
      unit: 'USD',
    });
    expect(q2.earned).toBe('0.005');
    expect(lines(r2, '2026-Q2')).toEqual([
      ['recalculation:2026-Q1:earning:y', '0.005'],
      ['recalculation:2026-Q1:rounding', '0.005'],
    ]);
    expect(q2.payout).toBe('0.01');
    const once = run(plan, { payees: one, records: { deals: data } }, ['2026-Q1', '2026-Q2']);
    expect(once.statements.map((s) => s.payout)).toEqual(['10.01', '0.00']);
    // Run 3, Q1..Q3 on the same data: Q1's correction was paid, nothing is paid again.
    const r3 = run(plan, { payees: one, records: { deals: data }, previous: r2 }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(lines(r3, '2026-Q3')).toEqual([]);
    expect(statement(r3, 'a', '2026-Q3').payout).toBe('0.00');
  });

  it('is paid apart when the run leaves the corrected period out', () => {
    // Run 1, Q1: D1 100.15 x 10% = 10.015, paid 10.02 (half even; rounding added 0.005).
    const r1 = run(plan, { payees: one, records: { deals: rows(deal('D1', '100.15', '2026-02-01')) } }, [
      '2026-Q1',
    ]);
    expect(statement(r1, 'a', '2026-Q1').payout).toBe('10.02');
    // Run 2, Q2 alone: a late Q1 deal of 0.05 (Q1 is now 10.02, +0.005) and a Q2 deal of 0.05 (own
    // 0.005). Q2's y is 10.025 - 10.015 = 0.010, which takes in Q1's +0.005. It used to pay 0.010,
    // rounded 0.01: in all 10.03, a cent more than one call (10.02 and 0.005 -> 0.00). Now y pays
    // its own 0.005 and Q1's +0.005 is a line, with a rounding line 10.02 - 10.02 - 0.005 = -0.005:
    // 0 in all. Q2 pays 0.00; in all 10.02.
    const data = rows(
      deal('D1', '100.15', '2026-02-01'),
      deal('L', '0.05', '2026-03-01'),
      deal('D2', '0.05', '2026-05-01'),
    );
    const r2 = run(plan, { payees: one, records: { deals: data }, previous: r1 }, ['2026-Q2']);
    const q2 = statement(r2, 'a', '2026-Q2');
    expect(q2.earnings.map((e) => [e.id, e.amount])).toEqual([['y', '0.005']]);
    expect(lines(r2, '2026-Q2')).toEqual([
      ['recalculation:2026-Q1:earning:y', '0.005'],
      ['recalculation:2026-Q1:rounding', '-0.005'],
    ]);
    expect(q2.payout).toBe('0.00');
    const once = run(plan, { payees: one, records: { deals: data } }, ['2026-Q1', '2026-Q2']);
    expect(once.statements.map((s) => s.payout)).toEqual(['10.02', '0.00']);
    // Run 3, Q3 alone on the same data: Q1's change was paid, nothing more is paid for it.
    const previous = merge(r1, r2);
    const r3 = run(plan, { payees: one, records: { deals: data }, previous }, ['2026-Q3']);
    expect(lines(r3, '2026-Q3')).toEqual([]);
    expect(statement(r3, 'a', '2026-Q3').payout).toBe('0.00');
    expect(r3.warnings).toEqual([]);
  });

  it("is paid apart when the run's latest period was already reported (a period between it and the corrected one never run)", () => {
    // Run 1, Q1: D1 100.15 x 10% = 10.015, paid 10.02 (half even; rounding added 0.005).
    const before = rows(deal('D1', '100.15', '2026-02-01'));
    const r1 = run(plan, { payees: one, records: { deals: before } }, ['2026-Q1']);
    // Run 2, Q3 alone (Q2 never run): 10.015 - 10.015 (Q1) - 0 (Q2 as worked out now) = 0.
    const r2 = run(plan, { payees: one, records: { deals: before }, previous: r1 }, ['2026-Q3']);
    expect(statement(r2, 'a', '2026-Q3').payout).toBe('0.00');
    // Run 3, Q2 and Q3: a late Q1 deal of 0.05 (Q1 is now 10.02, +0.005) and a Q2 deal of 0.05 (own
    // 0.005). Q3 is reported: the run's current period is closed. Q2's y is 10.025 - 10.015 =
    // 0.010, which takes in Q1's +0.005. It used to pay it in its amount: 0.010, rounded 0.01, in
    // all 10.03, a cent more than one call (10.02, and 0.005 -> 0.00). Now y pays its own 0.005, and
    // Q1's +0.005 is paid apart in Q2 (the latest period of the run not reported), with a rounding
    // line 10.02 - 10.02 - 0.005 = -0.005: 0.00 + 0.005 - 0.005, Q2 pays 0.00; in all 10.02.
    const data = rows(
      deal('D1', '100.15', '2026-02-01'),
      deal('L', '0.05', '2026-03-01'),
      deal('D2', '0.05', '2026-05-01'),
    );
    const r3 = run(plan, { payees: one, records: { deals: data }, previous: merge(r1, r2) }, [
      '2026-Q2',
      '2026-Q3',
    ]);
    const q2 = statement(r3, 'a', '2026-Q2');
    expect(q2.earnings.map((e) => [e.id, e.amount])).toEqual([['y', '0.005']]);
    expect(q2.earnings[0]?.trace.inputs).toContainEqual({
      name: 'paid apart: the correction of 2026-Q1',
      value: '0.005',
      unit: 'USD',
    });
    expect(q2.earnings[0]?.lines.find((l) => l.id === 'y:correction:2026-Q1')?.trace.text).toContain(
      'on a recalculation line of 2026-Q2',
    );
    expect(lines(r3, '2026-Q2')).toEqual([
      ['recalculation:2026-Q1:earning:y', '0.005'],
      ['recalculation:2026-Q1:rounding', '-0.005'],
    ]);
    expect(q2.payout).toBe('0.00');
    // Q3 is returned as reported, nothing added.
    expect(statement(r3, 'a', '2026-Q3').reported).toBe(true);
    expect(lines(r3, '2026-Q3')).toEqual([]);
    const once = run(plan, { payees: one, records: { deals: data } }, ['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(once.statements.map((s) => s.payout)).toEqual(['10.02', '0.00', '0.00']);
    // Run 4, Q1 to Q4 on the same data: Q1's change was paid, nothing is paid again (Q1: 10.02 -
    // 10.015 - 0.005 = 0; Q4: 10.025 - 10.02 - 0.005 - 0 = 0).
    const r4 = run(plan, { payees: one, records: { deals: data }, previous: merge(merge(r1, r2), r3) }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(lines(r4, '2026-Q4')).toEqual([]);
    expect(statement(r4, 'a', '2026-Q4').payout).toBe('0.00');
  });
});
