/**
 * Recalculating `paid year to date` earnings: a correction of a closed period that a later period
 * already paid in its year-to-date amount is never paid again, and the payout rules of that later
 * period count only its own part. Each run is made of hand-made statements paid and recalculated
 * as the payout stage does (`test-support.ts`); `ytd` is 10% of the bookings to date.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { PeriodTerms } from '../payout/terms.js';
import { drawOf, guaranteeOf, holdbackOf, linesOf, quarter, statementOf } from '../payout/test-support.js';
import type { AdjustmentLine, Statement } from '../results/results.js';
import { Reported } from './amounts.js';
import { asReported, runYear, totalPaid, type YearData, yearStatements, ytdEarning } from './test-support.js';
import { YearToDate } from './year-to-date.js';

const Q = [quarter(1), quarter(2), quarter(3), quarter(4)];
const ytdOf = (s: Statement | undefined) => s?.earnings.find((e) => e.id === 'ytd')?.amount;

/** Data of the quarters: no commission, the year-to-date values and the gates. */
const data = (ytd: string[], open: boolean[]): YearData => ({
  commission: ytd.map(() => '0.00'),
  ytd,
  open,
});

// Q1 D1 10,000 (ytd 1,000); Q2 D2 5,000 (ytd 1,500); Q3 nothing: the gate (bookings > 0) is closed.
const before = data(['1000.00', '1500.00', '1500.00'], [true, true, false]);
// A late Q1 deal of 10,000: ytd 2,000 in Q1 and 2,500 from Q2 on.
const late = data(['2000.00', '2500.00', '2500.00'], [true, true, false]);

describe('a correction a later period already paid in its year-to-date amount', () => {
  // Run 1 pays Q1: 1,000. Run 2 (late deal) pays Q2 2,500 - 1,000 = 1,500: the +1,000 of Q1 is in it.
  const first = runYear(yearStatements(Q.slice(0, 1), before, []), []);
  const second = runYear(yearStatements(Q.slice(0, 2), late, first), first);

  it('is not paid again as a line in the run that absorbs it', () => {
    expect(ytdOf(second[1])).toBe('1500.00');
    expect(linesOf(second[1] as Statement)).toEqual([]);
  });

  it('is not paid again when a later run, on the same data, ends in a gated quarter', () => {
    // Run 3, same data, Q1..Q3: Q3 is gated and absorbs nothing. Q1 is now 2,000 (reported 1,000)
    // but Q2 paid that 1,000: Q2's own part is 1,500 - 1,000 = 500. In all 2,000 + 500 = 2,500,
    // as reported: no line (the line used to pay the +1,000 of Q1 a second time).
    const third = runYear(yearStatements(Q.slice(0, 3), late, second), second);
    expect(third.slice(0, 2)).toEqual(second.map(asReported));
    expect(linesOf(third[2] as Statement)).toEqual([]);
    expect(third[2]?.payout).toBe('0.00');
    // Paid in all 1,000 + 1,500 + 0 = 2,500: what one run over the data pays (2,000 + 500 + 0).
    const once = runYear(yearStatements(Q.slice(0, 3), late, []), []);
    expect(once.map((s) => s.payout)).toEqual(['2000.00', '500.00', '0.00']);
    expect(totalPaid(third)).toBe('2500.00');
  });

  it('is not paid again when a later run ends in the next fiscal year', () => {
    // 2026-Q1..2027-Q1 on the same data: 2027-Q1 takes off nothing of 2026, so it absorbs nothing.
    const years = [...Q, quarter(1, 2027)];
    const all = data(['2000.00', '2500.00', '2500.00', '2500.00', '0.00'], [true, true, false, false, false]);
    const third = runYear(yearStatements(years, all, second), second);
    expect(linesOf(third[4] as Statement)).toEqual([]);
    expect(totalPaid(third)).toBe('2500.00');
  });
});

describe('a correction no later period paid', () => {
  it('is paid once, on a line named after the quarter it corrects', () => {
    // Run 1 pays Q1 1,000 and Q2 1,500 - 1,000 = 500. The late Q1 deal comes with a run ending in
    // gated Q3: Q1 pays 2,000 now (+1,000), Q2 its own 2,500 - 2,000 = 500 (as reported). One line
    // of +1,000, named after Q1 (it was named after Q2, the latest closed quarter, and a later run
    // calculating Q2 again without Q1 read it as Q2's and took it back).
    const first = runYear(yearStatements(Q.slice(0, 2), before, []), []);
    expect(first.map(ytdOf)).toEqual(['1000.00', '500.00']);
    const second = runYear(yearStatements(Q.slice(0, 3), late, first), first);
    expect(linesOf(second[2] as Statement)).toEqual([['recalculation:2026-Q1:earning:ytd', '1000.00']]);
    expect(second[2]?.adjustments[0]?.reason).toBe(
      '2026-Q1 recalculated: ytd was 1,000.00 USD, is now 2,000.00 USD',
    );
    // Paid in all 1,000 + 500 + 1,000 = 2,500: the year to date. A run after it pays nothing more.
    expect(totalPaid(second)).toBe('2500.00');
    const third = runYear(
      yearStatements(Q, data([...late.ytd, '2500.00'], [true, true, false, false]), second),
      second,
    );
    expect(linesOf(third[3] as Statement)).toEqual([]);
  });
});

describe('a correction paid for a quarter the run does not calculate again', () => {
  it('counts as paid in the quarters after it', () => {
    // As above: run 1 pays Q1 1,000 and Q2 500; run 2 (late Q1 deal, gated Q3) pays +1,000 in Q3
    // on a line named after Q1. Run 3 calculates Q3 and Q4 only: a Q3 deal of 5,000 opens Q3's
    // gate (ytd 3,000); Q4 is gated.
    const first = runYear(yearStatements(Q.slice(0, 2), before, []), []);
    const second = runYear(yearStatements(Q.slice(0, 3), late, first), first);
    const v3 = data(['2000.00', '2500.00', '3000.00', '3000.00'], [true, true, true, false]);
    const fresh = yearStatements(Q, v3, second, 2);
    const third = runYear(fresh, second);
    // Q3 takes off what Q1 and Q2 paid before Q3 started: 1,000 + 500 (the +1,000 was paid in Q3),
    // so it pays 3,000 - 1,500 = 1,500, of which 1,000 was already paid: its own part is 500, the
    // one line of the year (it was 1,500, paying the +1,000 of Q1 a second time).
    expect(ytdOf(fresh[0])).toBe('1500.00');
    expect(third[0]).toEqual(asReported(second[2]));
    expect(linesOf(third[1] as Statement)).toEqual([['recalculation:2026-Q3:earning:ytd', '500.00']]);
    // Paid in all 1,000 + 500 + 1,000 + 500 = 3,000: the year to date.
    expect(totalPaid([...second.slice(0, 2), ...third])).toBe('3000.00');
  });
});

describe('the payout rules of a period that pays a closed period its correction', () => {
  // Q1 reported ytd 1,000. A late Q1 deal of 20,000: ytd 3,000 in Q1 and Q2; Q2 pays 3,000 - 1,000
  // = 2,000, all of it Q1's correction: its own part is 3,000 - 3,000 = 0.
  const v1 = data(['1000.00'], [true]);
  const v2 = data(['3000.00', '3000.00'], [true, true]);

  it('guarantee on the own part', () => {
    const g = guaranteeOf('g', 2);
    const terms = (i: number): Partial<PeriodTerms> => ({
      guarantees: [{ guarantee: g, amount: new Dec(3000), position: i + 1 }],
    });
    const first = runYear(yearStatements(Q.slice(0, 1), v1, []), [], terms);
    expect(first[0]?.payout).toBe('3000.00'); // 1,000 + guarantee 2,000
    const second = runYear(yearStatements(Q.slice(0, 2), v2, first), first, terms);
    // Q1 now: 3,000, no guarantee (-2,000). Q2: guarantee 3,000 - max(0, 0) = 3,000 (it was
    // 3,000 - 2,000 = 1,000 on the whole amount). Q2 pays 2,000 + 3,000 - 2,000 = 3,000.
    expect(linesOf(second[1] as Statement)).toEqual([
      ['guarantee:g', '3000.00'],
      ['recalculation:2026-Q1:adjustment:guarantee:g', '-2000.00'],
    ]);
    expect(second[1]?.payout).toBe('3000.00');
    // 3,000 + 3,000 = 6,000: one run over the corrected data pays Q1 3,000 and Q2 a guarantee of 3,000.
    const once = runYear(yearStatements(Q.slice(0, 2), v2, []), [], terms);
    expect(totalPaid(once)).toBe('6000.00');
    expect(totalPaid(second)).toBe('6000.00');
    // The guarantee's trace says what it did not count.
    expect(second[1]?.adjustments[0]?.trace.inputs).toContainEqual({
      name: 'not counted: what ytd pays for closed periods',
      value: '2000.00',
      unit: 'USD',
    });
  });

  it('draw and holdback on the own part', () => {
    const d = drawOf('d', true, 2);
    const h = holdbackOf('h', '0.5', 'ytd');
    const terms = (i: number): Partial<PeriodTerms> => ({
      draws: [{ draw: d, amount: new Dec(3000), position: i + 1, yearEnd: false }],
      holdbacks: [{ holdback: h, release: false, why: '' }],
    });
    const first = runYear(yearStatements(Q.slice(0, 1), v1, []), [], terms);
    // Q1: draw 3,000 - 1,000 = 2,000 (owed 2,000), holdback 50% x 1,000 = -500: 2,500.
    expect(first[0]?.payout).toBe('2500.00');
    const second = runYear(yearStatements(Q.slice(0, 2), v2, first), first, terms);
    // Q1 now: no draw (-2,000, owed 0), holdback -1,500 (-1,000). Q2's own part is 0: draw 3,000
    // (owed 3,000), nothing held back. Q2 pays 2,000 + 3,000 - 1,000 - 2,000 = 2,000. (The lines
    // of what Q1 has now come first: its holdback; then what it no longer has: its draw.)
    expect(linesOf(second[1] as Statement)).toEqual([
      ['draw:d', '3000.00'],
      ['recalculation:2026-Q1:adjustment:holdback:h', '-1000.00'],
      ['recalculation:2026-Q1:adjustment:draw:d', '-2000.00'],
    ]);
    expect(second[1]?.payout).toBe('2000.00');
    expect(second[1]?.balances).toEqual({ 'draw:d': '3000.00', 'holdback:h': '1500.00' });
    // As one run over the corrected data: Q1 3,000 - 1,500 held; Q2 draw 3,000. 4,500 paid, 1,500 held.
    const once = runYear(yearStatements(Q.slice(0, 2), v2, []), [], terms);
    expect(once[1]?.balances).toEqual(second[1]?.balances);
    expect(totalPaid(second)).toBe(totalPaid(once));
    expect(totalPaid(second)).toBe('4500.00');
  });
});

describe('a closed period the run leaves out', () => {
  const [q1, q2, q3] = [quarter(1), quarter(2), quarter(3)];
  const ytd = (q: typeof q1, amount: string, paidEarlier: string) =>
    statementOf(q, [ytdEarning(amount, new Dec(paidEarlier), false)]);
  /** A(Q2) by the period corrected, Q1 left out of the run but built now (`now`), or not given. */
  const partsOfQ2 = (previous: Statement[], now: Statement | undefined) => {
    const ytdOf = new YearToDate(new Reported(previous), {
      yearToDate: new Set(['ytd']),
      fiscalYear: (period) => Number(period.slice(0, 4)),
      closed: new Set(previous.map((s) => s.period)),
      leftOut: now ? [now] : [],
    });
    // Q2 takes off what Q1 reported before Q2 started: 1,000.
    ytdOf.absorbed(ytd(q2, '300.00', '1000.00'));
    return [...(ytdOf.partsIn(q2.period).get('ytd') ?? [])].map(([from, part]) => [from, part.toFixed(2)]);
  };
  const reported = ytd(q1, '1000.00', '0');

  it('is absorbed by a later period of its year for its change since what it reported', () => {
    // Q1 reported 1,000 and is 1,100 now (a late deal): Q2's 300 pays 1,100 - 1,000 = 100 of it.
    expect(partsOfQ2([reported], ytd(q1, '1100.00', '0'))).toEqual([['2026-Q1', '100.00']]);
    // Not given (it used to be the only way), nothing is absorbed: a later run paid the 100 again.
    expect(partsOfQ2([reported], undefined)).toEqual([]);
  });

  it('counts what it comes to now, not what was paid for it after the absorbing period started', () => {
    // A Q3 statement paid +100 for Q1 (1,100); Q1 is 1,150 now. Q2 took off 1,000 (the line came
    // after it started): it pays 1,150 - 1,000 = 150 of Q1 (counting Q1 as paid in all, 100, left 50
    // of Q1's change in Q2's own part).
    const line: AdjustmentLine = {
      id: 'recalculation:2026-Q1:earning:ytd',
      kind: 'recalculation',
      name: 'ytd',
      amount: '100.00',
      trace: { rule: { kind: 'recalculation', name: 'ytd' }, range: reported.trace.range, inputs: [] },
    };
    const later = { ...ytd(q3, '0.00', '1000.00'), adjustments: [line] };
    expect(partsOfQ2([reported, later], ytd(q1, '1150.00', '0'))).toEqual([['2026-Q1', '150.00']]);
    expect(partsOfQ2([reported, later], undefined)).toEqual([['2026-Q1', '100.00']]);
  });
});
