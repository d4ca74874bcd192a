import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { PeriodTerms } from '../payout/terms.js';
import {
  clawbackOf,
  day,
  deal,
  drawOf,
  earning,
  envOf,
  guaranteeOf,
  holdbackOf,
  linesOf,
  payAll,
  quarter,
  rounding,
  statementOf,
} from '../payout/test-support.js';
import type { Statement } from '../results/results.js';
import { type RecalcScope, recalculate } from './recalculate.js';
import { asReported, runYear, totalPaid, type YearData, yearStatements, ytdEarning } from './test-support.js';

const env = envOf();
const draw = drawOf('d', true, 2);
const drawTerms = (n: number): Partial<PeriodTerms> => ({
  draws: [{ draw, amount: new Dec(3000), position: n <= 2 ? n : undefined, yearEnd: n === 4 }],
});
const Q = [quarter(1), quarter(2), quarter(3), quarter(4)] as const;
const scope = (periods: string[]): RecalcScope => {
  const current = periods[periods.length - 1] as string;
  return { periods, current, currentStart: Q.find((q) => q.period === current)?.start as string };
};
const commission = (n: 1 | 2 | 3 | 4, amount: string, bonus?: string) =>
  statementOf(Q[n - 1] as (typeof Q)[number], [
    earning('commission', amount),
    ...(bonus ? [earning('bonus', bonus)] : []),
  ]);

/** Pays `fresh` after `previous` (balances carried) and recalculates against it. */
function rerun(
  fresh: Statement[],
  terms: Partial<PeriodTerms>[],
  previous: Statement[],
  s = scope(fresh.map((x) => x.period)),
): Statement[] {
  const before = previous.filter((p) => p.end < (fresh[0]?.start ?? ''));
  return recalculate(env, payAll(fresh, terms, before), previous, s);
}

describe('recalculation', () => {
  // Run 1 pays Q1: commission 1000, draw 3000 -> draw 2000, balance 2000, payout 3000.
  const run1 = payAll([commission(1, '1000.00')], [drawTerms(1)]);

  it('pays a late deal in a closed period in the current period, keeping the closed statement as reported', () => {
    // Run 2 calculates Q1 and Q2. A late deal raises Q1 commission to 2000.00: Q1 now pays draw 1000
    // (balance 1000). Q2: commission 5000, draw period 2, excess 2000, recovers the 1000 owed.
    // Recalculation lines in Q2: commission for Q1 +1000.00, draw for Q1 -1000.00.
    // Q2 payout: 5000 - 1000 + 1000 - 1000 = 4000. Paid overall: 3000 + 4000 = 7000 = 2000 + 5000 earned.
    const out = rerun(
      [commission(1, '2000.00'), commission(2, '5000.00')],
      [drawTerms(1), drawTerms(2)],
      run1,
    );
    expect(out.map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(out[0]).toEqual(asReported(run1[0]));
    expect(out[0]).not.toBe(run1[0]);
    expect(linesOf(out[1] as Statement)).toEqual([
      ['draw-recovery:d', '-1000.00'],
      ['recalculation:2026-Q1:earning:commission', '1000.00'],
      ['recalculation:2026-Q1:adjustment:draw:d', '-1000.00'],
    ]);
    expect(out[1]?.payout).toBe('4000.00');
    expect(out[1]?.balances).toEqual({ 'draw:d': '0.00' });
    const line = out[1]?.adjustments[1];
    expect(line).toMatchObject({
      kind: 'recalculation',
      name: 'commission',
      reason: '2026-Q1 recalculated: commission was 1,000.00 USD, is now 2,000.00 USD',
    });
    expect(line?.trace.inputs).toEqual([
      { name: 'period', value: '2026-Q1' },
      { name: 'reported', value: '1000.00', unit: 'USD' },
      { name: 'recalculated', value: '2000.00', unit: 'USD' },
    ]);
    expect(line?.trace.rule).toEqual({ kind: 'recalculation', name: 'commission' });
    expect(out[1]?.adjustments[2]?.reason).toBe(
      '2026-Q1 recalculated: draw d was 2,000.00 USD, is now 1,000.00 USD',
    );
  });

  it('adds nothing when the data did not change', () => {
    const out = rerun(
      [commission(1, '1000.00'), commission(2, '5000.00')],
      [drawTerms(1), drawTerms(2)],
      run1,
    );
    expect(out[0]).toEqual(asReported(run1[0]));
    expect(out[1]?.adjustments.some((a) => a.kind === 'recalculation')).toBe(false);
  });

  it('never pays a correction twice: later runs count the recalculation lines already paid', () => {
    const run2 = rerun(
      [commission(1, '2000.00'), commission(2, '5000.00')],
      [drawTerms(1), drawTerms(2)],
      run1,
    );
    // Run 3 calculates Q1..Q3 with the same data: Q1 was reported as 1000 and corrected by +1000 in Q2.
    const run3 = rerun(
      [commission(1, '2000.00'), commission(2, '5000.00'), commission(3, '100.00')],
      [drawTerms(1), drawTerms(2), drawTerms(3)],
      run2,
    );
    expect(run3[0]).toEqual(asReported(run2[0]));
    expect(run3[1]).toEqual(asReported(run2[1]));
    expect(linesOf(run3[2] as Statement)).toEqual([]);
    expect(run3[2]?.payout).toBe('100.00');
    // Rerunning run 2's current period gives run 2's statement again (its own lines are replaced, not counted).
    const again = rerun(
      [commission(1, '2000.00'), commission(2, '5000.00')],
      [drawTerms(1), drawTerms(2)],
      run2,
    );
    expect(again).toEqual(run2.map(asReported));
  });

  it('takes back a lower amount after a changed split', () => {
    // Q1 commission falls from 1000 to 600 (the split moved 40% to another rep): Q1 draw 2400.
    // Q2: commission 3000 = draw, nothing to recover; lines: commission -400, draw +400.
    const out = rerun(
      [commission(1, '600.00'), commission(2, '3000.00')],
      [drawTerms(1), drawTerms(2)],
      run1,
    );
    expect(linesOf(out[1] as Statement)).toEqual([
      ['recalculation:2026-Q1:earning:commission', '-400.00'],
      ['recalculation:2026-Q1:adjustment:draw:d', '400.00'],
    ]);
    expect(out[1]?.payout).toBe('3000.00');
    expect(out[1]?.balances).toEqual({ 'draw:d': '2400.00' });
  });

  it('claws back a cancellation reported late for a closed period, naming the record', () => {
    const claw = clawbackOf('cancellations', 'deals', 90);
    const q = (n: 1 | 2 | 3, lines: { amount: string; key: string }[]) =>
      statementOf(Q[n - 1] as (typeof Q)[number], [
        earning(
          'commission',
          lines.reduce((t, l) => t.plus(l.amount), new Dec(0)).toFixed(2),
          lines.map((l) => ({ amount: l.amount, record: deal(l.key), rate: '0.08' })),
        ),
      ]);
    const reported = payAll([q(1, [{ amount: '800.00', key: 'D1' }]), q(2, [])], []);
    // D1 (closed 2026-03-01) was cancelled on 2026-04-15, in closed Q2, but the data came late.
    const cancel = {
      clawback: claw,
      record: deal('D1'),
      dated: day('2026-03-01'),
      cancelled: day('2026-04-15'),
    };
    const out = rerun(
      [q(2, []), q(3, [{ amount: '50.00', key: 'D7' }])],
      [{ cancellations: [cancel] }, {}],
      reported,
    );
    expect(out.map((x) => x.period)).toEqual(['2026-Q2', '2026-Q3']);
    expect(out[0]).toEqual(asReported(reported[1]));
    expect(linesOf(out[1] as Statement)).toEqual([
      ['recalculation:2026-Q2:adjustment:clawback:cancellations:D1', '-800.00'],
    ]);
    expect(out[1]?.adjustments[0]?.record).toEqual(deal('D1'));
    expect(out[1]?.payout).toBe('-750.00');
  });

  it('leaves year-to-date earnings of the current year to the current period', () => {
    const q1 = (commission: string, ytd: string) =>
      statementOf(Q[0], [earning('commission', commission), ytdEarning(ytd, new Dec(0), false)]);
    const reported = payAll([q1('0.00', '100.00')], []);
    // The year-to-date earning of Q1 is now 150: the current Q2 pays its year to date 250 minus the
    // 100 Q1 reported = 150, the +50 of Q1 included, so no line for it; the commission's +10 is paid.
    const q2 = statementOf(Q[1], [earning('commission', '0.00'), ytdEarning('150.00', new Dec(100), false)]);
    const years = { yearToDate: new Set(['ytd']), fiscalYear: () => 2026 };
    const out = recalculate(env, payAll([q1('10.00', '150.00'), q2], [], []), reported, {
      ...scope(['2026-Q1', '2026-Q2']),
      ...years,
    });
    expect(linesOf(out[1] as Statement)).toEqual([['recalculation:2026-Q1:earning:commission', '10.00']]);
  });

  it('returns a current period that earlier results hold as reported, with no line', () => {
    // Q1 and Q2 were reported (1,000 each). A late Q2 deal: Q2 now earns 1,500. Q2 is closed: it is
    // returned as reported (it used to be rewritten as 1,500, or 2,200 with a change of Q1), and
    // its changes wait for a run with a later period.
    const reported = payAll([commission(1, '1000.00'), commission(2, '1000.00')], []);
    const both = rerun([commission(1, '1700.00'), commission(2, '1500.00')], [], reported);
    expect(both).toEqual(reported.map(asReported));
    const alone = rerun([commission(2, '1500.00')], [], reported);
    expect(alone).toEqual([asReported(reported[1])]);
    // The next run pays both: Q1 +700, Q2 +500.
    const next = rerun(
      [commission(1, '1700.00'), commission(2, '1500.00'), commission(3, '0.00')],
      [],
      reported,
    );
    expect(linesOf(next[2] as Statement)).toEqual([
      ['recalculation:2026-Q1:earning:commission', '700.00'],
      ['recalculation:2026-Q2:earning:commission', '500.00'],
    ]);
  });

  it('returns a reported statement made by hand whole', () => {
    // What the earlier results must hold for a run to read them, and nothing else.
    const minimal = {
      payee: 'rep',
      period: '2026-Q1',
      start: '2026-01-01',
      end: '2026-03-31',
      earnings: [
        { name: 'commission', id: 'commission', amount: '100', trace: {}, lines: [{ amount: '100' }] },
      ],
      adjustments: [{ kind: 'draw', id: 'draw:d', amount: '2900', trace: {} }],
      balances: { 'draw:d': '2900' },
    } as unknown as Statement;
    const out = rerun(
      [commission(1, '100.00'), commission(2, '0.00')],
      [drawTerms(1), drawTerms(2)],
      [minimal],
    );
    const range = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };
    expect(out[0]).toEqual({
      ...minimal,
      reported: true,
      payeeName: 'REP',
      currency: 'USD',
      credits: [],
      measures: [],
      quotas: [],
      earnings: [
        {
          name: 'commission',
          id: 'commission',
          kind: 'earning',
          amount: '100',
          estimate: '0.00',
          trace: { rule: { kind: 'earning', name: 'commission' }, range, inputs: [] },
          lines: [
            {
              id: 'commission:1',
              amount: '100',
              trace: { rule: { kind: 'earning', name: 'commission' }, range, inputs: [] },
            },
          ],
        },
      ],
      // 100: the sum of the earnings; 100 + 2,900 = 3,000.
      earned: '100.00',
      adjustments: [
        {
          kind: 'draw',
          id: 'draw:d',
          name: 'd',
          amount: '2900',
          trace: { rule: { kind: 'draw', name: 'd' }, range, inputs: [] },
        },
      ],
      payout: '3000.00',
      estimatedPayout: '3000.00',
      metrics: [],
      signals: [],
      trace: { rule: { kind: 'payout', name: 'payout', label: 'Payout' }, range, inputs: [] },
    });
    // The statement reported is left as it was.
    expect(minimal).not.toHaveProperty('payout');
  });

  it("names a line's change on each record in its trace", () => {
    const q1 = (lines: [string, string][]) =>
      statementOf(Q[0], [
        earning(
          'commission',
          lines.reduce((t, [, amount]) => t.plus(amount), new Dec(0)).toFixed(2),
          lines.map(([key, amount]) => ({ amount, record: deal(key) })),
        ),
      ]);
    // Reported: D1 500 + D2 500. Now: D1 700, D2 gone (moved to another rep), D3 400: +100 in all.
    const reported = payAll(
      [
        q1([
          ['D1', '500.00'],
          ['D2', '500.00'],
        ]),
      ],
      [],
    );
    const out = rerun(
      [
        q1([
          ['D1', '700.00'],
          ['D3', '400.00'],
        ]),
        commission(2, '0.00'),
      ],
      [],
      reported,
    );
    const line = out[1]?.adjustments[0];
    expect(line?.amount).toBe('100.00');
    expect(line?.trace.records).toEqual([deal('D1'), deal('D3'), deal('D2')]);
    expect(line?.trace.inputs.slice(3)).toEqual([
      { name: 'deals D1', value: '200.00', unit: 'USD' },
      { name: 'deals D3', value: '400.00', unit: 'USD' },
      { name: 'deals D2', value: '-500.00', unit: 'USD' },
    ]);
  });

  it('pays differences of a payee who has no statement in the current period on a blank one', () => {
    const q2 = payAll([commission(2, '0.00')], [])[0] as Statement;
    const blank = (): Statement => ({ ...q2, earnings: [], earned: '0.00', payout: '0.00' });
    const out = recalculate(
      env,
      payAll([commission(1, '1500.00')], [drawTerms(1)]),
      run1,
      scope(['2026-Q1', '2026-Q2']),
      blank,
    );
    expect(out.map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(linesOf(out[1] as Statement)).toEqual([
      ['recalculation:2026-Q1:earning:commission', '500.00'],
      ['recalculation:2026-Q1:adjustment:draw:d', '-500.00'],
    ]);
    expect(out[1]?.payout).toBe('0.00');
  });
});

const cents = fc.integer({ min: -100_000, max: 2_000_000 }).map((n) => new Dec(n).div(100).toFixed(2));

describe('recalculation properties', () => {
  const quarters = fc.array(fc.tuple(cents, cents), { minLength: 2, maxLength: 4 });

  test.prop([quarters])('a recalculation with unchanged data yields no adjustment', (amounts) => {
    const fresh = () => amounts.map(([c, b], i) => commission((i + 1) as 1 | 2 | 3 | 4, c, b));
    const terms = amounts.map((_, i) => drawTerms(i + 1));
    const closed = amounts.length - 1;
    const previous = payAll(fresh().slice(0, closed), terms.slice(0, closed));
    const out = rerun(fresh(), terms, previous);
    expect(out.slice(0, closed)).toEqual(previous.map(asReported));
    expect(out.flatMap((s) => s.adjustments).filter((a) => a.kind === 'recalculation')).toEqual([]);
  });

  // The same with rounding at payout, where earnings keep fractions of a cent (12.3456): the
  // closed periods' amounts are compared as they were reported, not rounded.
  const fractions = fc
    .integer({ min: -10_000_000, max: 200_000_000 })
    .map((n) => new Dec(n).div(10_000).toString());
  test.prop([fc.array(fc.tuple(fractions, fractions), { minLength: 2, maxLength: 4 })])(
    'a recalculation with unchanged data yields no adjustment, with rounding at payout',
    (amounts) => {
      const atPayout = envOf(rounding('payout'));
      const fresh = () => amounts.map(([c, b], i) => commission((i + 1) as 1 | 2 | 3 | 4, c, b));
      const terms = amounts.map((_, i) => drawTerms(i + 1));
      const closed = amounts.length - 1;
      const previous = payAll(fresh().slice(0, closed), terms.slice(0, closed), [], atPayout);
      const out = recalculate(
        atPayout,
        payAll(fresh(), terms, [], atPayout),
        previous,
        scope(fresh().map((x) => x.period)),
      );
      expect(out.slice(0, closed)).toEqual(previous.map(asReported));
      expect(out.flatMap((s) => s.adjustments).filter((a) => a.kind === 'recalculation')).toEqual([]);
    },
  );

  // The same for an earning paid year to date, after a correction: run 1 on the first data, run 2
  // on corrected data (a later quarter may already pay the correction in its year-to-date amount),
  // run 3 on the same data again, one or more quarters later (its quarter may be gated, and pay
  // nothing of its own). With a draw, a guarantee and a holdback on the earning.
  const quarterData = fc.record({ commission: cents, ytd: cents, open: fc.boolean() });
  const version = fc.array(quarterData, { minLength: 4, maxLength: 4 });
  const dataOf = (v: { commission: string; ytd: string; open: boolean }[]): YearData => ({
    commission: v.map((q) => q.commission),
    ytd: v.map((q) => q.ytd),
    open: v.map((q) => q.open),
  });
  const runs = fc.constantFrom([1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]);
  const yearTerms = (i: number): Partial<PeriodTerms> => ({
    ...drawTerms(i + 1),
    guarantees: [
      { guarantee: guaranteeOf('g', 2), amount: new Dec(1500), position: i < 2 ? i + 1 : undefined },
    ],
    holdbacks: [{ holdback: holdbackOf('h', '0.25', 'ytd'), release: i === 3, why: 'on 2026-12-31' }],
  });

  test.prop([version, version, runs])(
    'a recalculation with unchanged data yields no adjustment, for earnings paid year to date too',
    (v1, v2, [a, b, c]) => {
      const quarters = (n: number) => Q.slice(0, n);
      const first = runYear(yearStatements(quarters(a), dataOf(v1), []), [], yearTerms);
      const second = runYear(yearStatements(quarters(b), dataOf(v2), first), first, yearTerms);
      const third = runYear(yearStatements(quarters(c), dataOf(v2), second), second, yearTerms);
      expect(third.slice(0, b)).toEqual(second.map(asReported));
      const current = third[c - 1] as Statement;
      expect(current.adjustments.filter((x) => x.kind === 'recalculation')).toEqual([]);
      // What the runs paid in all is what one run over the corrected data pays.
      const once = runYear(yearStatements(quarters(c), dataOf(v2), []), [], yearTerms);
      expect(totalPaid(second)).toBe(totalPaid(once.slice(0, b)));
      expect(totalPaid(third)).toBe(totalPaid(once));
      expect(current.balances).toEqual(once[c - 1]?.balances);
    },
  );

  // The same when run 3 starts after the first quarter: the quarters before it are not calculated
  // again, though run 2 may have corrected them (lines paid by a later quarter) or a later quarter
  // may have paid their correction in its year-to-date amount.
  test.prop([version, version, runs, fc.constantFrom(1, 2, 3)])(
    'a recalculation with unchanged data yields no adjustment, for a run that starts after the first period',
    (v1, v2, [a, b, c], from) => {
      const start = Math.min(from, b - 1);
      const quarters = (n: number) => Q.slice(0, n);
      const first = runYear(yearStatements(quarters(a), dataOf(v1), []), [], yearTerms);
      const second = runYear(yearStatements(quarters(b), dataOf(v2), first), first, yearTerms);
      const third = runYear(yearStatements(quarters(c), dataOf(v2), second, start), second, (i) =>
        yearTerms(i + start),
      );
      expect(third.slice(0, b - start)).toEqual(second.slice(start).map(asReported));
      const current = third[c - 1 - start] as Statement;
      expect(current.adjustments.filter((x) => x.kind === 'recalculation')).toEqual([]);
      // What the runs paid in all is what one run over the corrected data pays.
      const once = runYear(yearStatements(quarters(c), dataOf(v2), []), [], yearTerms);
      expect(totalPaid([...second.slice(0, start), ...third])).toBe(totalPaid(once));
      expect(current.balances).toEqual(once[c - 1]?.balances);
    },
  );

  test.prop([quarters, fc.array(cents, { minLength: 4, maxLength: 4 })])(
    'closed periods keep what they reported and the current period pays exactly the difference',
    (amounts, corrected) => {
      const terms = amounts.map((_, i) => drawTerms(i + 1));
      const closed = amounts.length - 1;
      const previous = payAll(
        amounts.slice(0, closed).map(([c, b], i) => commission((i + 1) as 1 | 2 | 3 | 4, c, b)),
        terms.slice(0, closed),
      );
      // Corrected data: the commission of each quarter changes; the bonus does not.
      const fresh = amounts.map(([, b], i) =>
        commission((i + 1) as 1 | 2 | 3 | 4, corrected[i] as string, b),
      );
      const paidNow = payAll(fresh, terms);
      const out = recalculate(env, paidNow, previous, scope(fresh.map((s) => s.period)));
      expect(out.slice(0, closed)).toEqual(previous.map(asReported));
      const total = (list: Statement[]) => list.reduce((t, s) => t.plus(s.payout), new Dec(0));
      // What was paid plus what is paid now equals what the corrected data pays over all periods.
      expect(total(out).eq(total(paidNow))).toBe(true);
      // Balances carried forward are those of the corrected data.
      expect(out[closed]?.balances).toEqual(paidNow[closed]?.balances);
    },
  );
});
