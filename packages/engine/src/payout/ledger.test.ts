import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { recalculate } from '../recalc/recalculate.js';
import type { Statement } from '../results/results.js';
import { clawbackLines } from './clawbacks.js';
import { Ledger, recordKey } from './ledger.js';
import {
  clawbackOf,
  day,
  deal,
  earning,
  envOf,
  linesOf,
  payAll,
  quarter,
  statementOf,
} from './test-support.js';

const env = envOf();
const Q = [quarter(1), quarter(2), quarter(3)];

/** A statement of quarter `n` whose commission pays `lines` ([record key, amount]). */
const paying = (n: 1 | 2 | 3, lines: [string, string][]) =>
  statementOf(Q[n - 1] as (typeof Q)[number], [
    earning(
      'commission',
      lines.reduce((t, [, amount]) => t.plus(amount), new Dec(0)).toFixed(2),
      lines.map(([key, amount]) => ({ amount, record: deal(key), rate: '0.1' })),
    ),
  ]);

/**
 * Run 1 pays Q1: D1 10,000 at 10% = 1,000. Run 2 recalculates Q1 (D1 is 12,000: 1,200, and a late
 * D5 of 3,000: 300) and pays the +500 in Q2, naming +200 on D1 and +300 on D5.
 */
function history(): Statement[] {
  const first = payAll([paying(1, [['D1', '1000.00']])], []);
  const fresh = payAll(
    [
      paying(1, [
        ['D1', '1200.00'],
        ['D5', '300.00'],
      ]),
      paying(2, []),
    ],
    [],
    first,
  );
  const scope = { periods: ['2026-Q1', '2026-Q2'], current: '2026-Q2', currentStart: '2026-04-01' };
  const second = recalculate(env, fresh, first, scope);
  expect(linesOf(second[1] as Statement)).toEqual([['recalculation:2026-Q1:earning:commission', '500.00']]);
  return second;
}

describe('what a record was paid', () => {
  it('counts the changes recalculation lines made on it', () => {
    const ledger = new Ledger(history());
    const paid = ledger.linesOn(deal('D1'), Q[2]?.start as string);
    expect(paid.map((p) => [p.period, p.line.id, p.line.amount])).toEqual([
      ['2026-Q1', 'commission:D1', '1000.00'],
      ['2026-Q2', 'recalculation:2026-Q1:earning:commission', '200.00'],
    ]);
    // A record paid only by a correction is paid too: D5, 300.
    expect(ledger.recordsPaid(Q[2]?.start as string)).toEqual(
      new Set([recordKey(deal('D1')), recordKey(deal('D5'))]),
    );
    expect(ledger.linesOn(deal('D5'), Q[2]?.start as string).map((p) => p.line.amount)).toEqual(['300.00']);
    // A correction counts for the period it corrects (Q1), whichever period paid it (Q2): as one
    // call over both periods would have paid D1 1,200 and D5 300 in Q1.
    expect(ledger.linesOn(deal('D1'), Q[0]?.start as string).map((p) => p.line.amount)).toEqual([
      '1000.00',
      '200.00',
    ]);
    expect(ledger.recordsPaid(Q[0]?.start as string)).toEqual(
      new Set([recordKey(deal('D1')), recordKey(deal('D5'))]),
    );
  });

  it('leaves them out once the run calculates the corrected period again (its lines hold them)', () => {
    const ledger = new Ledger(history());
    ledger.add(
      paying(1, [
        ['D1', '1200.00'],
        ['D5', '300.00'],
      ]),
    );
    expect(ledger.linesOn(deal('D1'), Q[2]?.start as string).map((p) => p.line.amount)).toEqual(['1200.00']);
  });

  it('is what a clawback takes back', () => {
    // D1 cancelled in Q3, 150 days after it closed: paid 1,000 + 200 = 1,200, all taken back (the
    // clawback took back 1,000 and the payee kept 200 for a cancelled deal).
    const ledger = new Ledger(history());
    const q3 = paying(3, []);
    ledger.add(q3);
    const claw = clawbackOf('cx', 'deals', 180);
    const cancel = {
      clawback: claw,
      record: deal('D1'),
      dated: day('2026-02-01'),
      cancelled: day('2026-07-01'),
    };
    const lines = clawbackLines(env, [cancel], q3, ledger);
    expect(linesOf({ ...q3, adjustments: lines })).toEqual([['clawback:cx:D1', '-1200.00']]);
    expect(lines[0]?.trace.inputs.slice(3)).toEqual([
      { name: '2026-Q1 commission:D1', value: '1000.00', unit: 'USD' },
      { name: '2026-Q1 commission:D1 rate', value: '0.1' },
      { name: '2026-Q2 recalculation:2026-Q1:earning:commission', value: '200.00', unit: 'USD' },
    ]);
  });
});
