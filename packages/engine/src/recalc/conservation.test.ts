/**
 * Recalculation over successive runs pays, in all, what the final data pays: whatever the
 * corrections between runs, the payouts reported period by period (each run's current period,
 * with its recalculation lines for the closed periods) add up to the payouts of one clean run of
 * the final data. Covers per-line commission, a `once` milestone and a `paid year to date` bonus,
 * the earnings whose corrections are absorbed or paid as lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, sumOf } from '../decimal.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { asReported } from './test-support.js';

const plan = planOf(
  quarterly(
    `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  rate table rates on bookings marginal {
    0 USD to 50_000 USD: 5%
    50_000 USD and up: 8%
  }
  commission c = tiered(bookings, rates) per line
  milestone club = 1_000 USD when ytd(bookings) >= 100_000 USD once
  bonus b = ytd(bookings) * 1% paid year to date`,
    'rounding half up to 2 decimals at line',
  ),
);

const days = ['2026-01-15', '2026-02-20', '2026-04-10', '2026-05-05', '2026-07-01', '2026-09-30'];
const periods = ['2026-Q1', '2026-Q2', '2026-Q3'];

/**
 * A deal as each of the three runs sees it: its close day (a correction may move it to another
 * period) and its amount in whole dollars, or absent (`null`).
 */
const day = fc.integer({ min: 0, max: days.length - 1 });
const deal = fc.record({
  days: fc.tuple(day, day, day),
  amounts: fc.tuple(
    fc.option(fc.integer({ min: 1, max: 90_000 }), { nil: null }),
    fc.option(fc.integer({ min: 1, max: 90_000 }), { nil: null }),
    fc.option(fc.integer({ min: 1, max: 90_000 }), { nil: null }),
  ),
});

type Deal = typeof deal extends fc.Arbitrary<infer T> ? T : never;

function dataOf(deals: Deal[], runIndex: 0 | 1 | 2, previous?: Results) {
  const list = deals.flatMap((d, i) => {
    const amount = d.amounts[runIndex];
    if (amount === null) return [];
    const closed = days[d.days[runIndex]] as string;
    return [{ id: `D${i + 1}`, owner: 'rep', amount: String(amount), close_date: closed }];
  });
  return { payees: [payee('rep')], records: { deals: rows(...list) }, ...(previous ? { previous } : {}) };
}

const payoutOf = (results: Results, period: string): Dec => {
  const s = results.statements.find((x) => x.period === period);
  return new Dec(s?.payout ?? '0');
};

describe('recalculation over successive runs', () => {
  it('pays in all what one clean run of the final data pays', () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 8 }), (deals) => {
        // Run 1 closes Q1; run 2 recalculates Q1 and closes Q2; run 3 recalculates both and pays Q3.
        const first = run(plan, dataOf(deals, 0), periods.slice(0, 1));
        const second = run(plan, dataOf(deals, 1, first), periods.slice(0, 2));
        const third = run(plan, dataOf(deals, 2, second), periods);
        for (const r of [first, second, third]) expect(r.errors).toEqual([]);
        // Closed periods are kept as reported.
        expect(second.statements[0]).toEqual(asReported(first.statements[0]));
        expect(third.statements.slice(0, 2)).toEqual(second.statements.slice(0, 2).map(asReported));
        const paid = sumOf([
          payoutOf(first, '2026-Q1'),
          payoutOf(second, '2026-Q2'),
          payoutOf(third, '2026-Q3'),
        ]);
        const clean = run(plan, dataOf(deals, 2), periods);
        const owed = sumOf(periods.map((p) => payoutOf(clean, p)));
        expect(paid.toFixed(2)).toBe(owed.toFixed(2));
      }),
      { numRuns: 150 },
    );
  });

  it('pays in all what one clean run pays with rounding at payout, where lines keep full precision', () => {
    // Rates and amounts in cents that leave fractions of a cent on every line, a draw, a
    // guarantee and a holdback: each payout is rounded on its own, and the rounding lines of the
    // recalculation make the sequence round as one call does.
    const atPayout = (rounding: string) =>
      planOf(
        quarterly(
          `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 3.7% per line
  draw d = 300 USD recoverable for 2 periods
  guarantee g = 250 USD for 3 periods
  holdback h = 15% of c until 2026-12-31`,
          `rounding ${rounding} at payout`,
        ),
      );
    // Whole dollars n as n / 7 dollars and n mod 100 cents (integer arithmetic): 1234 is 176.34.
    const inCents = (whole: string) => {
      const n = Number(whole);
      return `${Math.trunc(n / 7)}.${String(n % 100).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 6 }),
        fc.constantFrom(
          'half up to 2 decimals',
          'half even to 2 decimals',
          'up to 2 decimals',
          'down to 0 decimals',
        ),
        (deals, rounding) => {
          const plan = atPayout(rounding);
          const data = (i: 0 | 1 | 2, previous?: Results) => {
            const d = dataOf(deals, i, previous);
            for (const r of d.records.deals) r.values.amount = inCents(r.values.amount as string);
            return d;
          };
          const first = run(plan, data(0), periods.slice(0, 1));
          const second = run(plan, data(1, first), periods.slice(0, 2));
          const third = run(plan, data(2, second), periods);
          const paid = sumOf([
            payoutOf(first, '2026-Q1'),
            payoutOf(second, '2026-Q2'),
            payoutOf(third, '2026-Q3'),
          ]);
          const clean = run(plan, data(2), periods);
          expect(paid.toFixed(2)).toBe(sumOf(periods.map((p) => payoutOf(clean, p))).toFixed(2));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('takes back in Q3 what Q1 and Q2 paid when the final data removes every deal', () => {
    // Run 1: Q1 one 120,000 deal: c = 50,000 x 5% + 70,000 x 8% = 8,100; club 1,000; b 1,200.
    // Run 2 reports Q2 with nothing new. Run 3: the deal is gone: Q3 pays -(8,100 + 1,000 + 1,200).
    const deals: Deal[] = [{ days: [0, 0, 0], amounts: [120_000, 120_000, null] }];
    const first = run(plan, dataOf(deals, 0), periods.slice(0, 1));
    expect(first.statements[0]?.payout).toBe('10300.00');
    const second = run(plan, dataOf(deals, 1, first), periods.slice(0, 2));
    expect(second.statements[1]?.payout).toBe('0.00');
    const third = run(plan, dataOf(deals, 2, second), periods);
    expect(third.statements[2]?.payout).toBe('-10300.00');
  });
});

describe('a closed period left out of a run', () => {
  const flat = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10%`),
  );
  const deals = (...list: [string, string][]) =>
    rows(...list.map(([amount, close_date], i) => ({ id: `D${i + 1}`, owner: 'rep', amount, close_date })));

  it('is not recalculated, and a warning says so', () => {
    const first = run(flat, { payees: [payee('rep')], records: { deals: deals(['10000', '2026-02-01']) } }, [
      '2026-Q1',
    ]);
    // A late Q1 deal of 5,000 and a Q2 deal of 2,000.
    const late = deals(['10000', '2026-02-01'], ['5000', '2026-03-01'], ['2000', '2026-05-01']);
    const data = { payees: [payee('rep')], records: { deals: late }, previous: first };
    // Q2 alone: 2,000 x 10% = 200; the 500 owed for Q1 is not paid, and the warning says why.
    const alone = run(flat, data, ['2026-Q2']);
    expect(alone.statements.map((s) => [s.period, s.payout])).toEqual([['2026-Q2', '200.00']]);
    expect(alone.warnings.map((w) => [w.period, w.code, w.message])).toEqual([
      [
        '2026-Q1',
        'not-recalculated',
        "2026-Q1 is in the earlier results but not among this run's periods: changes to its data are not recalculated (calculate 2026-Q1 again with 2026-Q2 to pay them in 2026-Q2)",
      ],
    ]);
    // With Q1: 200 + a 500 recalculation line, and no warning.
    const both = run(flat, data, ['2026-Q1', '2026-Q2']);
    expect(both.statements.map((s) => s.payout)).toEqual(['1000.00', '700.00']);
    expect(both.warnings).toEqual([]);
  });
});
