import { describe, expect, it } from 'vitest';
import { NO_RANGE } from '../payout/rules.js';
import type { Statement } from '../results/results.js';
import { reportedStatement } from './reported.js';

const env = {
  currency: 'USD',
  rounding: { mode: 'half-up', decimals: 2, point: 'line', declared: false },
} as const;

describe('a statement reported by hand', () => {
  it('keeps a credit amountField that is a name, and drops one that is not', () => {
    const line = { record: { source: 'deals', key: 'D1' }, amount: '600', share: '0.6', role: 'split' };
    const made = {
      payee: 'a',
      period: '2026-Q1',
      credits: [
        { name: 'c', amountField: 'amount', lines: [line] },
        { name: 'd', amountField: 5, lines: [line] },
        { name: 'e', amountField: { field: 'amount' }, lines: [line] },
      ],
    } as unknown as Statement;
    const credits = reportedStatement(env, made).credits;
    expect(credits.map((c) => c.amountField)).toEqual(['amount', undefined, undefined]);
    expect(credits.map((c) => 'amountField' in c)).toEqual([true, false, false]);
  });
  it('keeps the named inputs of a credit line, and drops inputs that are not a list', () => {
    const record = { source: 'deals', key: 'D1' };
    const made = {
      payee: 'a',
      period: '2026-Q1',
      credits: [
        {
          name: 'c',
          lines: [
            { record, amount: '70', inputs: [{ name: 'amount', value: '1000' }, 7, { value: '3' }] },
            { record, amount: '70', inputs: 'amount 1000' },
          ],
        },
      ],
    } as unknown as Statement;
    const [listed, text] = reportedStatement(env, made).credits[0]?.lines ?? [];
    expect(listed?.inputs).toEqual([{ name: 'amount', value: '1000' }]);
    expect(text && 'inputs' in text).toBe(false);
  });

  it('completes the estimated adjustments it lists, and leaves out what is not a list of lines', () => {
    const reported = (estimatedAdjustments: unknown) =>
      reportedStatement(env, { payee: 'a', period: '2026-Q2', estimatedAdjustments } as unknown as Statement);
    for (const none of ['x', 7, [], [null, 'y']])
      expect('estimatedAdjustments' in reported(none)).toBe(false);
    const period = { name: 'period', value: '2026-Q1' };
    const [made, bare] =
      reported([
        null,
        {
          id: 'recalculation:2026-Q1:earning:c:estimate',
          kind: 'recalculation',
          name: 'c',
          amount: '400.00',
          trace: { inputs: [period, 3] },
        },
        { amount: '5' },
      ]).estimatedAdjustments ?? [];
    // Kept as written, its trace completed: the rule named by the line, no range, named inputs.
    expect(made).toEqual({
      id: 'recalculation:2026-Q1:earning:c:estimate',
      kind: 'recalculation',
      name: 'c',
      amount: '400.00',
      trace: { rule: { kind: 'recalculation', name: 'c' }, range: NO_RANGE, inputs: [period] },
    });
    // The second object of the list: an estimated correction, named by its place.
    expect(bare).toEqual({
      id: 'estimated adjustment 2',
      kind: 'recalculation',
      name: 'estimated adjustment 2',
      amount: '5',
      trace: { rule: { kind: 'recalculation', name: 'estimated adjustment 2' }, range: NO_RANGE, inputs: [] },
    });
  });
});
