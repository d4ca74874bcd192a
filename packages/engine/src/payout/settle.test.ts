import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { AdjustmentLine, Statement } from '../results/results.js';
import { settle } from './settle.js';
import { earning, envOf, holdbackOf, MANUAL, payAll, quarter, statementOf } from './test-support.js';

describe('settling a statement again', () => {
  it('keeps the estimate worked out when it was paid (recalculation lines added later)', () => {
    // Paid: commission 1000.00 (estimate +1000.00), holdback 50%: -500.00, payout 500.00.
    // If the hypothetical records closed: 2000 - 1000 = 1000.00, so the estimate adds 500.00, not 1000.00.
    // Settled again with a recalculation line of +100.00: payout 600.00, estimated 1100.00.
    const [paid] = payAll(
      [statementOf(quarter(2), [earning('commission', '1000.00', undefined, '1000.00')])],
      [{ holdbacks: [{ holdback: holdbackOf('h', '0.5', 'commission'), release: false, why: '' }] }],
    );
    expect(paid?.estimatedPayout).toBe('1000.00');
    const recalculation: AdjustmentLine = {
      id: 'recalculation:2026-Q1:earning:commission',
      kind: 'recalculation',
      name: 'commission',
      amount: '100.00',
      trace: { rule: { kind: 'recalculation', name: 'commission' }, range: MANUAL.range, inputs: [] },
    };
    const again = settle(envOf(), paid as Statement, [...(paid?.adjustments ?? []), recalculation], {});
    expect(again.payout).toBe('600.00');
    expect(again.estimatedPayout).toBe('1100.00');
    // Told the estimate, it uses it.
    expect(settle(envOf(), paid as Statement, [], {}, undefined, new Dec(7)).estimatedPayout).toBe('1007.00');
  });
});
