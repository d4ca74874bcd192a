import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Statement } from '../results/results.js';
import type { DrawTerm } from './terms.js';
import {
  drawOf,
  earning,
  envOf,
  linesOf,
  payAll,
  payoutGap,
  quarter,
  rounding,
  statementOf,
} from './test-support.js';

const q = (n: 1 | 2 | 3 | 4, earned: string, year = 2026) =>
  statementOf(quarter(n, year), [earning('c', earned)]);
const term = (
  draw: DrawTerm['draw'],
  amount: string,
  position: number | undefined,
  yearEnd = false,
): DrawTerm => ({
  draw,
  amount: new Dec(amount),
  position,
  yearEnd,
});

describe('recoverable draws', () => {
  const draw = drawOf('new_hire_draw', true, 2);

  it('pay the shortfall in the draw periods and recover it from later excess', () => {
    // Draw 3000 for 2 periods.
    // Q1: earned 1000 < 3000 -> draw 2000, balance 0 + 2000 = 2000, payout 1000 + 2000 = 3000.
    // Q2: earned 4000 > 3000 -> excess 1000, recover min(1000, 2000) = 1000, balance 1000, payout 3000.
    // Q3: past the draw periods, every earning is excess: 500 -> recover 500, balance 500, payout 0.
    // Q4: earned 2000 -> recover min(2000, 500) = 500, balance 0, payout 1500.
    const paid = payAll(
      [q(1, '1000.00'), q(2, '4000.00'), q(3, '500.00'), q(4, '2000.00')],
      [
        { draws: [term(draw, '3000', 1)] },
        { draws: [term(draw, '3000', 2)] },
        { draws: [term(draw, '3000', undefined)] },
        { draws: [term(draw, '3000', undefined, true)] },
      ],
    );
    expect(paid.map(linesOf)).toEqual([
      [['draw:new_hire_draw', '2000.00']],
      [['draw-recovery:new_hire_draw', '-1000.00']],
      [['draw-recovery:new_hire_draw', '-500.00']],
      [['draw-recovery:new_hire_draw', '-500.00']],
    ]);
    expect(paid.map((s) => s.payout)).toEqual(['3000.00', '3000.00', '0.00', '1500.00']);
    expect(paid.map((s) => s.balances['draw:new_hire_draw'])).toEqual([
      '2000.00',
      '1000.00',
      '500.00',
      '0.00',
    ]);
    const first = paid[0]?.adjustments[0];
    expect(first?.kind).toBe('draw');
    expect(first?.trace.rule).toEqual({ kind: 'draw', name: 'new_hire_draw' });
    // Every amount written as the sentence's value is (grouped, with the currency), and the period
    // read after its name: "draw period 1 of 2", not "draw period period 1 of 2".
    expect(first?.trace.text).toBe(
      'earnings of 1,000.00 USD fell short of the 3,000.00 USD draw: it pays 3,000.00 USD - max(1,000.00 USD, 0.00 USD) = 2,000.00 USD; 2,000.00 USD now owed',
    );
    expect(first?.trace.inputs).toContainEqual({ name: 'draw period', value: '1 of 2' });
    expect(paid[1]?.adjustments[0]?.trace.rule).toBe(first?.trace.rule);
    // Q2: 1,000 of the 2,000 owed recovered from the 4,000 - 3,000 above the draw, 1,000 still owed.
    expect(paid[1]?.adjustments[0]?.trace.text).toBe(
      'recovers 1,000.00 USD of the 2,000.00 USD draw balance from earnings above 3,000.00 USD; 1,000.00 USD still owed',
    );
    // Q3, past the 2 periods: the recovery is from earnings above 0; 500 of the 1,000 owed.
    const after = paid[2]?.adjustments[0];
    expect(after?.trace.inputs).toContainEqual({ name: 'draw period', value: 'ended' });
    expect(after?.trace.text).toBe(
      'recovers 500.00 USD of the 1,000.00 USD draw balance from earnings above 0.00 USD; 500.00 USD still owed',
    );
  });

  it('carry the balance from the previous results into the first period of the run', () => {
    // Previous Q1 left 2000.00 owed. Q2 (draw period 2): earned 5000, excess 5000 - 3000 = 2000,
    // recover min(2000, 2000) = 2000 -> payout 3000, balance 0.
    const [q1] = payAll([q(1, '1000.00')], [{ draws: [term(draw, '3000', 1)] }]);
    const [q2] = payAll([q(2, '5000.00')], [{ draws: [term(draw, '3000', 2)] }], [q1 as Statement]);
    expect(linesOf(q2 as Statement)).toEqual([['draw-recovery:new_hire_draw', '-2000.00']]);
    expect(q2?.payout).toBe('3000.00');
    expect(q2?.balances).toEqual({ 'draw:new_hire_draw': '0.00' });
    expect(q2?.trace.inputs).toContainEqual({ name: 'balances carried from', value: '2026-Q1' });
  });

  it('forgive the balance at year end with a true-up, and start the next year owing nothing', () => {
    const every = drawOf('draw', true, undefined, true);
    // Q1: earned 1000 -> draw 2000, balance 2000.
    // Q2: earned 0 -> draw 3000, balance 5000.
    // Q3: earned 3500 -> excess 500, recover 500, balance 4500.
    // Q4 (year end): earned 2000 -> draw 1000, balance 5500; true-up forgives 5500 -> balance 0.
    // 2027-Q1: earned 5000 -> excess 2000 but nothing owed: no line, payout 5000.
    const paid = payAll(
      [q(1, '1000.00'), q(2, '0.00'), q(3, '3500.00'), q(4, '2000.00'), q(1, '5000.00', 2027)],
      [
        { draws: [term(every, '3000', 1)] },
        { draws: [term(every, '3000', 2)] },
        { draws: [term(every, '3000', 3)] },
        { draws: [term(every, '3000', 4, true)] },
        { draws: [term(every, '3000', 5)] },
      ],
    );
    expect(paid.map(linesOf)).toEqual([
      [['draw:draw', '2000.00']],
      [['draw:draw', '3000.00']],
      [['draw-recovery:draw', '-500.00']],
      [
        ['draw:draw', '1000.00'],
        ['draw:draw:true-up', '0.00'],
      ],
      [],
    ]);
    expect(paid.map((s) => s.balances['draw:draw'])).toEqual([
      '2000.00',
      '5000.00',
      '4500.00',
      '0.00',
      '0.00',
    ]);
    const trueUp = paid[3]?.adjustments[1];
    expect(trueUp?.kind).toBe('draw');
    expect(trueUp?.trace.inputs).toEqual([{ name: 'balance forgiven', value: '5500.00', unit: 'USD' }]);
    expect(trueUp?.trace.text).toBe(
      'true-up at year end: the remaining draw balance of 5,500.00 USD is forgiven',
    );
    // The line pays 0.00: its reason says what was written off (a statement table shows it).
    expect(trueUp?.reason).toBe('year-end true-up: 5,500.00 USD of draw balance forgiven');
    // A draw without `for N periods`: the period is counted alone, "draw period 4".
    expect(paid[3]?.adjustments[0]?.trace.inputs).toContainEqual({ name: 'draw period', value: '4' });
    expect(paid[3]?.payout).toBe('3000.00');
  });

  it('keep the balance into the next year without a true-up', () => {
    // Q4 is the year end but the draw has no true-up: balance 2000 carries; 2027-Q1 earned 2500
    // past the draw periods -> recover 2000, payout 500.
    const paid = payAll(
      [q(4, '1000.00'), q(1, '2500.00', 2027)],
      [{ draws: [term(draw, '3000', 1, true)] }, { draws: [term(draw, '3000', undefined)] }],
    );
    expect(paid.map(linesOf)).toEqual([
      [['draw:new_hire_draw', '2000.00']],
      [['draw-recovery:new_hire_draw', '-2000.00']],
    ]);
    expect(paid[1]?.payout).toBe('500.00');
  });

  it('count a negative earning as zero: the draw pays its amount, no more', () => {
    // earned -500 (a year-to-date reversal): draw 1000 - max(-500, 0) = 1000, payout -500 + 1000 = 500.
    const [s] = payAll([q(1, '-500.00')], [{ draws: [term(drawOf('d', true, 1), '1000', 1)] }]);
    expect(linesOf(s as Statement)).toEqual([['draw:d', '1000.00']]);
    expect(s?.payout).toBe('500.00');
  });

  it('say in the trace what was earned, below zero too, and how the draw is worked out', () => {
    // earned -500.00: the draw pays 1000 - max(-500, 0) = 1000.00, not 1000 - (-500) = 1500.
    // The text used to say "earnings of 0.00", hiding the -500.00 the payee earned.
    const [s] = payAll([q(1, '-500.00')], [{ draws: [term(drawOf('d', false, 1), '1000', 1)] }]);
    const line = s?.adjustments[0];
    expect(line?.trace.text).toBe(
      'earnings of -500.00 USD fell short of the 1,000.00 USD draw: it pays 1,000.00 USD - max(-500.00 USD, 0.00 USD) = 1,000.00 USD; not recoverable',
    );
    expect(line?.trace.inputs).toContainEqual({ name: 'earned', value: '-500.00', unit: 'USD' });
  });
});

describe('non-recoverable draws', () => {
  it('pay the shortfall in their periods and keep no balance', () => {
    const draw = drawOf('onboarding_draw', false, 3);
    // Q1: 1000 - 200 = 800 -> payout 1000. Q2: 1500 >= 1000, nothing (never recovered).
    // Q3: 1000 - 0 = 1000. Q4: past the 3 periods -> nothing, payout 0.
    const paid = payAll(
      [q(1, '200.00'), q(2, '1500.00'), q(3, '0.00'), q(4, '0.00')],
      [
        { draws: [term(draw, '1000', 1)] },
        { draws: [term(draw, '1000', 2)] },
        { draws: [term(draw, '1000', 3)] },
        { draws: [term(draw, '1000', undefined)] },
      ],
    );
    expect(paid.map(linesOf)).toEqual([
      [['draw:onboarding_draw', '800.00']],
      [],
      [['draw:onboarding_draw', '1000.00']],
      [],
    ]);
    expect(paid.map((s) => s.payout)).toEqual(['1000.00', '1500.00', '1000.00', '0.00']);
    expect(paid.map((s) => s.balances)).toEqual([{}, {}, {}, {}]);
    expect(paid[0]?.adjustments[0]?.trace.text).toContain('not recoverable');
  });
});

describe('draw amounts and rounding', () => {
  it('round a draw amount off the grid at line, keep it exact at payout', () => {
    // 1000.005 rounds half up to 1000.01 at line; at payout the line is 1000.005 and the payout 1000.01.
    const d = drawOf('d', false);
    const [line] = payAll([q(1, '0.00')], [{ draws: [term(d, '1000.005', 1)] }]);
    expect(linesOf(line as Statement)).toEqual([['draw:d', '1000.01']]);
    const [exact] = payAll([q(1, '0')], [{ draws: [term(d, '1000.005', 1)] }], [], envOf(rounding('payout')));
    expect(linesOf(exact as Statement)).toEqual([['draw:d', '1000.005']]);
    expect(exact?.payout).toBe('1000.01');
  });

  it('let a second draw see what the first paid', () => {
    // earned 200: d1 pays 1000 - 200 = 800 (base 1000); d2 pays 1500 - 1000 = 500. Payout 1500.
    const [s] = payAll(
      [q(1, '200.00')],
      [{ draws: [term(drawOf('d1', false), '1000', 1), term(drawOf('d2', false), '1500', 1)] }],
    );
    expect(linesOf(s as Statement)).toEqual([
      ['draw:d1', '800.00'],
      ['draw:d2', '500.00'],
    ]);
    expect(s?.payout).toBe('1500.00');
  });

  it('pay nothing when the amount has no value, but still recover', () => {
    const d = drawOf('d', true, 2);
    const [q1, q2] = payAll(
      [q(1, '0.00'), q(2, '700.00')],
      [{ draws: [term(d, '500', 1)] }, { draws: [{ draw: d, amount: null, position: 2, yearEnd: false }] }],
    );
    // Q1: draw 500, balance 500. Q2: no amount, so the threshold is 0: recover min(700, 500) = 500.
    expect(linesOf(q1 as Statement)).toEqual([['draw:d', '500.00']]);
    expect(linesOf(q2 as Statement)).toEqual([['draw-recovery:d', '-500.00']]);
  });
});

const cents = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => new Dec(n).div(100).toFixed(2));

describe('draw properties', () => {
  const scenario = fc.record({
    amount: cents(0, 500_000),
    recoverable: fc.boolean(),
    periods: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    trueUp: fc.boolean(),
    earned: fc.array(cents(-100_000, 1_000_000), { minLength: 1, maxLength: 10 }),
  });

  test.prop([scenario])('the draw balance never goes negative and recoveries never exceed it', (s) => {
    const draw = drawOf('d', s.recoverable, s.periods, s.trueUp);
    const statements = s.earned.map((e, i) =>
      statementOf({ period: `P${i}`, start: `2026-01-${String(i + 10)}`, end: `2026-01-${String(i + 10)}` }, [
        earning('c', e),
      ]),
    );
    const terms = s.earned.map((_, i) => ({
      draws: [
        term(draw, s.amount, s.periods === undefined || i < s.periods ? i + 1 : undefined, i % 4 === 3),
      ],
    }));
    const paid = payAll(statements, terms);
    let balance = new Dec(0);
    for (const p of paid) {
      const closing = new Dec(p.balances['draw:d'] ?? '0');
      expect(closing.isNegative()).toBe(false);
      let moved = new Dec(0);
      for (const a of p.adjustments) {
        if (a.kind === 'draw-recovery') expect(new Dec(a.amount).neg().lte(balance)).toBe(true);
        if (a.id === 'draw:d:true-up') moved = moved.minus(a.trace.inputs[0]?.value as string);
        else if (s.recoverable) moved = moved.plus(a.amount);
      }
      // Closing = opening + draws - recoveries - forgiven.
      expect(closing.eq(balance.plus(moved))).toBe(true);
      expect(payoutGap(p).isZero()).toBe(true);
      balance = closing;
    }
  });

  test.prop([scenario])('in a draw period a payee who earned something is paid at least the draw', (s) => {
    const draw = drawOf('d', s.recoverable, s.periods, s.trueUp);
    const statements = s.earned.map((e, i) =>
      statementOf({ period: `P${i}`, start: `2026-02-${String(i + 10)}`, end: `2026-02-${String(i + 10)}` }, [
        earning('c', e),
      ]),
    );
    const inDraw = (i: number) => s.periods === undefined || i < s.periods;
    const paid = payAll(
      statements,
      s.earned.map((_, i) => ({ draws: [term(draw, s.amount, inDraw(i) ? i + 1 : undefined)] })),
    );
    paid.forEach((p, i) => {
      if (inDraw(i) && !new Dec(p.earned).isNegative()) expect(new Dec(p.payout).gte(s.amount)).toBe(true);
    });
  });
});
