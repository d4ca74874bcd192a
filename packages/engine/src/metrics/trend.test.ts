import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import { Dec, decText } from '../decimal.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { rollUp } from './roll-up.js';
import { trend } from './trend.js';

const plan = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text }
  credit bookings from deals where stage = "Won" {
    to owner
  }
  commission pay_out = bookings * 10%
  measure attainment: Percent = ratio(bookings, 100_000 USD)
  metric won "Deals won": Integer = count(bookings)
  metric lost: Integer = count(deals where stage = "Lost")
  metric win_rate "Win rate": Percent = ratio(won, won + lost)
  metric average_deal: Money = avg(bookings.amount)
`),
);

const deal = (id: string, owner: string, amount: string, close_date: string, stage = 'Won') => ({
  id,
  owner,
  amount,
  close_date,
  stage,
});

const data: Dataset = {
  payees: [payee('m'), payee('r', {}, { manager: 'm' })],
  records: {
    deals: rows(
      // Q1: r wins 1 of 2 (50%), average 40,000.
      deal('D1', 'r', '40000', '2026-01-10'),
      deal('D2', 'r', '10000', '2026-02-10', 'Lost'),
      // Q2: r wins 2 of 2 (100%), average (20,000 + 30,000) / 2 = 25,000.
      deal('D3', 'r', '20000', '2026-04-10'),
      deal('D4', 'r', '30000', '2026-05-10'),
      // Q3: nothing closes; Q4: one lost deal (0%).
      deal('D5', 'r', '5000', '2026-11-10', 'Lost'),
      // m sells in Q2 only: one win of 50,000.
      deal('D6', 'm', '50000', '2026-06-01'),
    ),
  },
};
const periods = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const results = run(plan, data, periods);

describe('trend', () => {
  it('gives the series of a payee with the exact change from each period to the one before', () => {
    expect(trend(results, 'average_deal', 'r')).toEqual({
      metric: 'average_deal',
      payee: 'r',
      type: 'Money (USD)',
      points: [
        { period: '2026-Q1', value: '40000' },
        // 25,000 - 40,000 = -15,000; -15,000 / 40,000 = -37.5%.
        { period: '2026-Q2', value: '25000', change: { absolute: '-15000', relative: '-0.375' } },
        // No deal won in Q3: no average, so no change either side.
        { period: '2026-Q3', value: null },
        { period: '2026-Q4', value: null },
      ],
    });
    // Win rate 50% -> 100% (+50 points, +100%) -> 0% of 0 (-100 points, -100%) -> 0% (no change, +0%).
    expect(trend(results, 'win_rate', 'r')?.points).toEqual([
      { period: '2026-Q1', value: '0.5' },
      { period: '2026-Q2', value: '1', change: { absolute: '0.5', relative: '1' } },
      { period: '2026-Q3', value: '0', change: { absolute: '-1', relative: '-1' } },
      { period: '2026-Q4', value: '0', change: { absolute: '0', relative: null } },
    ]);
    expect(trend(results, 'win_rate', 'r')?.label).toBe('Win rate');
  });

  it('reads measures too, and knows nothing of unknown metrics or payees', () => {
    // Attainment 40% -> 50% (+10 points, +25%).
    expect(trend(results, 'attainment', 'r')?.points[1]).toEqual({
      period: '2026-Q2',
      value: '0.5',
      change: { absolute: '0.1', relative: '0.25' },
    });
    expect(trend(results, 'nothing', 'r')).toBeUndefined();
    expect(trend(results, 'won', 'nobody')).toBeUndefined();
  });

  it('follows a team through a roll-up', () => {
    // m's team in Q2: r's two wins and m's: 3 won, average (20,000 + 30,000 + 50,000) / 3 = 33,333.33…
    // Q1: r alone, 40,000. Change -6,666.66…, relative -16.66…%.
    const points = trend(rollUp(plan, data, results), 'average_deal', 'm')?.points ?? [];
    expect(points[0]).toEqual({ period: '2026-Q1', value: '40000' });
    expect(points[1]?.value).toMatch(/^33333\.3333/);
    expect(points[1]?.change?.absolute).toMatch(/^-6666\.6666/);
    expect(points[1]?.change?.relative).toMatch(/^-0\.16666666/);
    expect(trend(rollUp(plan, data, results), 'won', 'm')?.points.map((p) => p.value)).toEqual([
      '1',
      '3',
      '0',
      '0',
    ]);
  });

  it('changes add back up exactly: the sum of the period changes is the last value minus the first', () => {
    fc.assert(
      fc.property(
        // Each quarter 1, 2, 4 or 5 won deals (of any sign), so every average is an exact decimal.
        fc.array(
          fc
            .array(fc.integer({ min: -500_000, max: 5_000_000 }), { minLength: 1, maxLength: 5 })
            .filter((cents) => cents.length !== 3),
          { minLength: 4, maxLength: 4 },
        ),
        (quarters) => {
          const deals = quarters.flatMap((cents, q) =>
            cents.map((c, k) =>
              deal(
                `D${q}-${k}`,
                'r',
                decText(new Dec(c).div(100)),
                `2026-${String(q * 3 + 1).padStart(2, '0')}-${10 + k}`,
              ),
            ),
          );
          const r = run(plan, { payees: [payee('r')], records: { deals: rows(...deals) } }, periods);
          const points = trend(r, 'average_deal', 'r')?.points ?? [];
          // Each value is the quarter's average, worked out here from the cents.
          const averages = quarters.map((cents) =>
            cents.reduce((sum, c) => sum.plus(c), new Dec(0)).div(100 * cents.length),
          );
          expect(points.map((p) => p.value)).toEqual(averages.map(decText));
          expect(points[0]?.change).toBeUndefined();
          let sum = new Dec(0);
          for (let i = 1; i < 4; i++) {
            const change = points[i]?.change;
            const before = averages[i - 1] as Dec;
            expect(change?.absolute).toBe(decText((averages[i] as Dec).minus(before)));
            sum = sum.plus(change?.absolute as string);
          }
          expect(decText(sum)).toBe(decText((averages[3] as Dec).minus(averages[0] as Dec)));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('has no change for a metric that is not a number', () => {
    const dated = planOf(
      quarterly(`
      source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text }
      credit bookings from deals where stage = "Won" {
        to owner
      }
      commission pay_out = bookings * 10%
      metric first_close: Date = min(deals.close_date)
      metric any_won: Boolean = count(bookings) > 0
      metric band: Text = if count(bookings) > 1 then "2" else "1"
    `),
    );
    const r = run(dated, data, periods);
    // r's first close: 2026-01-10 in Q1, 2026-04-10 in Q2; dates, so no change between them.
    expect(trend(r, 'first_close', 'r')?.points.slice(0, 2)).toEqual([
      { period: '2026-Q1', value: '2026-01-10' },
      { period: '2026-Q2', value: '2026-04-10' },
    ]);
    expect(trend(r, 'any_won', 'r')?.points.every((p) => p.change === undefined)).toBe(true);
    // Text that reads like a number is still text: "1" (one win in Q1) then "2" (two in Q2), no change.
    expect(trend(r, 'band', 'r')?.points.slice(0, 2)).toEqual([
      { period: '2026-Q1', value: '1' },
      { period: '2026-Q2', value: '2' },
    ]);
  });
});
