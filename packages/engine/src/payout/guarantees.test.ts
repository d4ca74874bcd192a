import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Statement } from '../results/results.js';
import type { GuaranteeTerm } from './terms.js';
import {
  drawOf,
  earning,
  guaranteeOf,
  holdbackOf,
  linesOf,
  payAll,
  quarter,
  statementOf,
} from './test-support.js';

const book = guaranteeOf('book_transfer', 2);
const g = (amount: string | null, position: number | undefined, guarantee = book): GuaranteeTerm => ({
  guarantee,
  amount: amount === null ? null : new Dec(amount),
  position,
});
const q = (n: 1 | 2 | 3 | 4, c: string) => statementOf(quarter(n), [earning('c', c)]);

describe('guarantees', () => {
  it('top the payout up to the minimum in their periods only', () => {
    // 4000 for 2 periods. Q1: 4000 - 1500 = 2500 -> payout 4000. Q2: 5000 >= 4000, nothing.
    // Q3: past the 2 periods, nothing: payout 0.
    const paid = payAll(
      [q(1, '1500.00'), q(2, '5000.00'), q(3, '0.00')],
      [
        { guarantees: [g('4000', 1)] },
        { guarantees: [g('4000', 2)] },
        { guarantees: [g('4000', undefined)] },
      ],
    );
    expect(paid.map(linesOf)).toEqual([[['guarantee:book_transfer', '2500.00']], [], []]);
    expect(paid.map((s) => s.payout)).toEqual(['4000.00', '5000.00', '0.00']);
    expect(paid[0]?.adjustments[0]?.trace.text).toBe('tops 1,500.00 USD up to the guaranteed 4,000.00 USD');
    // Read after its name: "guarantee period 1 of 2", not "guarantee period period 1 of 2".
    expect(paid[0]?.adjustments[0]?.trace.inputs).toContainEqual({
      name: 'guarantee period',
      value: '1 of 2',
    });
    expect(paid[0]?.adjustments[0]?.trace.rule).toEqual({ kind: 'guarantee', name: 'book_transfer' });
  });

  it('count draws in the base, not holdbacks', () => {
    // earned 500; draw 2000 pays 1500 (base 2000); guarantee 4000 pays 4000 - 2000 = 2000.
    // Payout 500 + 1500 + 2000 = 4000.
    const [withDraw] = payAll(
      [q(1, '500.00')],
      [
        {
          draws: [{ draw: drawOf('d', false), amount: new Dec(2000), position: 1, yearEnd: false }],
          guarantees: [g('4000', 1)],
        },
      ],
    );
    expect(linesOf(withDraw as Statement)).toEqual([
      ['draw:d', '1500.00'],
      ['guarantee:book_transfer', '2000.00'],
    ]);
    expect(withDraw?.payout).toBe('4000.00');
    // earned 5000 >= 4800: no top-up; the 10% holdback (500) is kept back anyway: payout 4500.
    const [held] = payAll(
      [q(1, '5000.00')],
      [
        {
          guarantees: [g('4800', 1)],
          holdbacks: [{ holdback: holdbackOf('h', '0.1', 'c'), release: false, why: '' }],
        },
      ],
    );
    expect(linesOf(held as Statement)).toEqual([['holdback:h', '-500.00']]);
    expect(held?.payout).toBe('4500.00');
  });

  it('pay nothing without an amount, and let a second guarantee see the first', () => {
    // earned 1000: g1 tops up to 3000 (+2000); g2 (5000) tops up the remaining 2000; g3 has no value.
    const [s] = payAll(
      [q(1, '1000.00')],
      [{ guarantees: [g('3000', 1), g('5000', 1, guaranteeOf('g2', 1)), g(null, 1, guaranteeOf('g3', 1))] }],
    );
    expect(linesOf(s as Statement)).toEqual([
      ['guarantee:book_transfer', '2000.00'],
      ['guarantee:g2', '2000.00'],
    ]);
  });
});
