import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import { Dec } from '../decimal.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { formatDate, parseDate } from '../time/dates.js';
import { type LiabilityAmounts, payoutLiability } from './liability.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw new_hire_draw "New-hire draw" = 3_000 USD recoverable for 2 periods
  holdback reserve = 10% of c until 2026-12-31
  clawback cancellations = deals cancelled on cancel_date within 90 days at original rate
  adjustment manual "Manual adjustments" from data
`),
);

const DATA: Dataset = {
  payees: [payee('rep'), payee('ann')],
  records: {
    deals: rows(
      { id: 'D1', owner: 'rep', amount: '10000', close_date: '2026-02-01', cancel_date: '2026-04-20' },
      { id: 'D2', owner: 'rep', amount: '50000', close_date: '2026-04-10', cancel_date: null },
      { id: 'D3', owner: 'ann', amount: '40000', close_date: '2026-03-15', cancel_date: null },
    ),
  },
  adjustments: [{ id: 'A1', payee: 'rep', period: '2026-Q2', amount: '250', reason: 'Dispute #4' }],
};

/** Figures with zeros where not given. */
function figures(given: Partial<LiabilityAmounts>): LiabilityAmounts {
  return {
    earned: '0.00',
    draws: '0.00',
    drawRecoveries: '0.00',
    guarantees: '0.00',
    holdbacks: '0.00',
    holdbackReleases: '0.00',
    clawbacks: '0.00',
    manual: '0.00',
    recalculations: '0.00',
    paid: '0.00',
    heldBack: '0.00',
    drawOwed: '0.00',
    ...given,
  };
}

describe('payoutLiability', () => {
  it('reports earned, paid, held back and draw balances owed per payee, per period and in total', () => {
    const report = payoutLiability(run(PLAN, DATA, ['2026-Q1', '2026-Q2']));
    // ann Q1: c = 10% x 40,000 = 4,000 covers the 3,000 draw; hold 10% = 400. Paid 3,600.
    // ann Q2: nothing earned: draw 3,000 paid and owed; nothing held. Paid 3,000; 400 still held.
    // rep Q1: c = 1,000; draw 3,000 - 1,000 = 2,000 (owed); hold 100. Paid 1,000 + 2,000 - 100 = 2,900.
    // rep Q2: c = 5,000; hold 500 (600 held): the period pays 4,500, recover 4,500 - 3,000 = 1,500
    //   (owed 500); D1 cancelled 78 days after closing: clawback -1,000; manual +250.
    //   Paid 5,000 - 1,500 - 500 - 1,000 + 250 = 2,250.
    const annQ1 = figures({ earned: '4000.00', holdbacks: '-400.00', paid: '3600.00', heldBack: '400.00' });
    const repQ1 = figures({
      earned: '1000.00',
      draws: '2000.00',
      holdbacks: '-100.00',
      paid: '2900.00',
      heldBack: '100.00',
      drawOwed: '2000.00',
    });
    const annQ2 = figures({ draws: '3000.00', paid: '3000.00', heldBack: '400.00', drawOwed: '3000.00' });
    const repQ2 = figures({
      earned: '5000.00',
      drawRecoveries: '-1500.00',
      holdbacks: '-500.00',
      clawbacks: '-1000.00',
      manual: '250.00',
      paid: '2250.00',
      heldBack: '600.00',
      drawOwed: '500.00',
    });
    expect(report).toEqual({
      currency: 'USD',
      periods: [
        {
          period: '2026-Q1',
          start: '2026-01-01',
          end: '2026-03-31',
          payees: [
            { payee: 'ann', payeeName: 'ANN', ...annQ1 },
            { payee: 'rep', payeeName: 'REP', ...repQ1 },
          ],
          total: figures({
            earned: '5000.00',
            draws: '2000.00',
            holdbacks: '-500.00',
            paid: '6500.00',
            heldBack: '500.00',
            drawOwed: '2000.00',
          }),
        },
        {
          period: '2026-Q2',
          start: '2026-04-01',
          end: '2026-06-30',
          payees: [
            { payee: 'ann', payeeName: 'ANN', ...annQ2 },
            { payee: 'rep', payeeName: 'REP', ...repQ2 },
          ],
          total: figures({
            earned: '5000.00',
            draws: '3000.00',
            drawRecoveries: '-1500.00',
            holdbacks: '-500.00',
            clawbacks: '-1000.00',
            manual: '250.00',
            paid: '5250.00',
            heldBack: '1000.00',
            drawOwed: '3500.00',
          }),
        },
      ],
      payees: [
        {
          payee: 'ann',
          payeeName: 'ANN',
          ...figures({
            earned: '4000.00',
            draws: '3000.00',
            holdbacks: '-400.00',
            paid: '6600.00',
            heldBack: '400.00',
            drawOwed: '3000.00',
          }),
        },
        {
          payee: 'rep',
          payeeName: 'REP',
          ...figures({
            earned: '6000.00',
            draws: '2000.00',
            drawRecoveries: '-1500.00',
            holdbacks: '-600.00',
            clawbacks: '-1000.00',
            manual: '250.00',
            paid: '5150.00',
            heldBack: '600.00',
            drawOwed: '500.00',
          }),
        },
      ],
      total: figures({
        earned: '10000.00',
        draws: '5000.00',
        drawRecoveries: '-1500.00',
        holdbacks: '-1000.00',
        clawbacks: '-1000.00',
        manual: '250.00',
        paid: '11750.00',
        heldBack: '1000.00',
        drawOwed: '3500.00',
      }),
    });
  });

  it('releases what was held in the release period', () => {
    const report = payoutLiability(run(PLAN, DATA, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']));
    // Q4 holds the release date: rep's 600 and ann's 400 are paid out; nothing is held after it.
    // Q3 and Q4 are past the draw periods, and nothing is earned: the releases are what Q4 pays,
    // so they recover draws owed: rep's 500 from 600 (100 paid), 400 of ann's 3,000 (2,600 owed).
    expect(report.periods[3]?.total).toMatchObject({
      holdbackReleases: '1000.00',
      drawRecoveries: '-900.00',
      paid: '100.00',
      heldBack: '0.00',
    });
    expect(report.total).toMatchObject({
      holdbacks: '-1000.00',
      holdbackReleases: '1000.00',
      heldBack: '0.00',
      drawOwed: '2600.00',
    });
  });

  it("carries a leaver's balances into the totals of periods without a statement, until one settles them", () => {
    const data: Dataset = {
      payees: [payee('gone', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] }), payee('stay')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'gone', amount: '10000', close_date: '2026-02-01', cancel_date: null },
          { id: 'D2', owner: 'stay', amount: '40000', close_date: '2026-02-01', cancel_date: null },
          { id: 'D3', owner: 'stay', amount: '40000', close_date: '2026-05-01', cancel_date: null },
        ),
      },
    };
    const report = payoutLiability(run(PLAN, data, ['2026-Q1', '2026-Q2']));
    // gone Q1 (leaves 2026-03-31): c = 1,000; draw 3,000 - 1,000 = 2,000 owed; hold 100. No Q2 statement.
    // stay Q1: c = 4,000; hold 400. stay Q2: c = 4,000; hold 400 more: 800 held, no draw owed.
    // At the end of Q2 the company still holds 100 (gone) + 800 (stay) = 900 and is owed 2,000 by gone.
    const q2 = report.periods[1];
    expect(q2?.total).toMatchObject({
      earned: '4000.00',
      paid: '3600.00',
      heldBack: '900.00',
      drawOwed: '2000.00',
    });
    expect(q2?.payees.map((p) => [p.payee, p.carriedFrom, p.paid, p.heldBack, p.drawOwed])).toEqual([
      ['gone', '2026-Q1', '0.00', '100.00', '2000.00'],
      ['stay', undefined, '3600.00', '800.00', '0.00'],
    ]);
    // The grand total agrees with the end of the last period.
    expect(report.total).toMatchObject({ heldBack: '900.00', drawOwed: '2000.00' });
    expect(report.periods[0]?.payees.every((p) => p.carriedFrom === undefined)).toBe(true);
  });

  describe('statements returned as reported (paid by an earlier run)', () => {
    // Run 1 pays Q1. Run 2 calculates Q1 again (unchanged data) with Q2: Q1 comes back as reported.
    const q1 = run(PLAN, DATA, ['2026-Q1']);
    const q2 = run(PLAN, { ...DATA, previous: q1 }, ['2026-Q1', '2026-Q2']);
    const once = payoutLiability(run(PLAN, DATA, ['2026-Q1', '2026-Q2']));

    it('count none of their flows: the report of run 2 is what run 2 pays, Q2', () => {
      expect(q2.statements.map((s) => [s.payee, s.period, s.reported])).toEqual([
        ['ann', '2026-Q1', true],
        ['ann', '2026-Q2', undefined],
        ['rep', '2026-Q1', true],
        ['rep', '2026-Q2', undefined],
      ]);
      const report = payoutLiability(q2);
      // Before: Q1 was counted as paid by run 2 too (6,500 + 5,250 = 11,750 instead of 5,250).
      expect(report.periods.map((p) => p.period)).toEqual(['2026-Q2']);
      expect(report.periods[0]).toEqual(once.periods[1]);
      // ann 3,000 + rep 2,250 = 5,250; balances at the end of Q2: held 400 + 600, owed 3,000 + 500.
      expect(report.total).toEqual(
        figures({
          earned: '5000.00',
          draws: '3000.00',
          drawRecoveries: '-1500.00',
          holdbacks: '-500.00',
          clawbacks: '-1000.00',
          manual: '250.00',
          paid: '5250.00',
          heldBack: '1000.00',
          drawOwed: '3500.00',
        }),
      );
    });

    it('count once a period the JSON of several runs holds twice (paid, and returned as reported)', () => {
      // Run 1's Q1 (paid) + run 2's Q1 (reported copies) and Q2. Before: Q1 listed twice per payee
      // and paid 2 x 6,500 + 5,250 = 18,250. Now as one run over both periods: 6,500 + 5,250 = 11,750.
      const merged = { ...q2, statements: [...q1.statements, ...q2.statements] };
      expect(payoutLiability(merged)).toEqual(once);
      expect(once.total.paid).toBe('11750.00');
    });

    it("carry a leaver's balances from a reported statement", () => {
      const data: Dataset = {
        payees: [payee('gone', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] }), payee('stay')],
        records: {
          deals: rows(
            { id: 'D1', owner: 'gone', amount: '10000', close_date: '2026-02-01', cancel_date: null },
            { id: 'D2', owner: 'stay', amount: '40000', close_date: '2026-05-01', cancel_date: null },
          ),
        },
      };
      const first = run(PLAN, data, ['2026-Q1']);
      const second = run(PLAN, { ...data, previous: first }, ['2026-Q1', '2026-Q2']);
      const report = payoutLiability(second);
      // gone Q1 (reported): c = 1,000, draw 2,000 owed, 100 held; stay Q1 (reported): draw 3,000
      // owed. stay Q2: c = 4,000, holds 400: the period pays 3,600, 600 above the draw, which
      // recovers 600 of the 3,000 (2,400 owed). End of Q2: held 100 + 400 = 500, owed 2,000 +
      // 2,400 = 4,400; paid only stay's Q2: 4,000 - 600 - 400 = 3,000.
      expect(report.periods.map((p) => p.period)).toEqual(['2026-Q2']);
      expect(
        report.periods[0]?.payees.map((p) => [p.payee, p.carriedFrom, p.paid, p.heldBack, p.drawOwed]),
      ).toEqual([
        ['gone', '2026-Q1', '0.00', '100.00', '2000.00'],
        ['stay', undefined, '3000.00', '400.00', '2400.00'],
      ]);
      expect(report.payees.map((p) => [p.payee, p.paid, p.heldBack, p.drawOwed])).toEqual([
        ['gone', '0.00', '100.00', '2000.00'],
        ['stay', '3000.00', '400.00', '2400.00'],
      ]);
      expect(report.total).toMatchObject({ paid: '3000.00', heldBack: '500.00', drawOwed: '4400.00' });
    });
  });

  it('is empty for no statements', () => {
    const report = payoutLiability(
      run(PLAN, { ...DATA, payees: [], records: {}, adjustments: [] }, ['2026-Q1']),
    );
    expect(report.periods).toEqual([]);
    expect(report.total.paid).toBe('0');
  });

  it('adds up: paid is earned plus adjustments, and held back is kept back minus released to date', () => {
    const deal = fc.record({
      owner: fc.constantFrom('rep', 'ann'),
      cents: fc.integer({ min: 1, max: 10_000_000 }),
      month: fc.integer({ min: 1, max: 12 }),
      cancelAfter: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 8 }), (deals) => {
        const records = rows(
          ...deals.map((d, i) => {
            const close = `2026-${String(d.month).padStart(2, '0')}-10`;
            const cancel =
              d.cancelAfter === null ? null : formatDate((parseDate(close) as number) + d.cancelAfter);
            const amount = new Dec(d.cents).div(100).toString();
            return { id: `D${i}`, owner: d.owner, amount, close_date: close, cancel_date: cancel };
          }),
        );
        const report = payoutLiability(
          run(PLAN, { ...DATA, records: { deals: records } }, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']),
        );
        const held = new Map<string, Dec>();
        for (const period of report.periods)
          for (const p of period.payees) {
            const parts = [
              p.earned,
              p.draws,
              p.drawRecoveries,
              p.guarantees,
              p.holdbacks,
              p.holdbackReleases,
              p.clawbacks,
              p.manual,
              p.recalculations,
            ];
            const sum = parts.reduce((acc, x) => acc.plus(x), new Dec(0));
            expect(sum.toFixed(2)).toBe(p.paid);
            const now = (held.get(p.payee) ?? new Dec(0)).minus(p.holdbacks).minus(p.holdbackReleases);
            held.set(p.payee, now);
            expect(now.toFixed(2)).toBe(p.heldBack);
          }
        const paid = report.payees.reduce((acc, p) => acc.plus(p.paid), new Dec(0));
        expect(paid.toFixed(2)).toBe(report.total.paid);
      }),
      { numRuns: 25 },
    );
  });
});
