import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Statement } from '../results/results.js';
import type { ManualTerm } from './terms.js';
import { earning, envOf, linesOf, MANUAL, payAll, quarter, rounding, statementOf } from './test-support.js';

const term = (
  id: string,
  amount: string,
  currency = 'USD',
  rate = '1',
  reason = 'Missed deal D9',
): ManualTerm => ({
  id,
  amount: new Dec(amount).times(rate),
  original: new Dec(amount),
  currency,
  rate: new Dec(rate),
  rateDate: '2026-06-30',
  reason,
  earning: undefined,
});
const q2 = () => statementOf(quarter(2), [earning('c', '1000.00')]);

describe('manual adjustments', () => {
  it('add one line per adjustment, named by its id, converted and rounded', () => {
    // ADJ-1: +250.00 USD. ADJ-2: -100.005 EUR x 1.0842 = -108.425421 -> -108.43 (half up).
    // Payout 1000.00 + 250.00 - 108.43 = 1141.57.
    const [s] = payAll(
      [q2()],
      [
        {
          manual: [term('ADJ-1', '250'), term('ADJ-2', '-100.005', 'EUR', '1.0842', 'Dispute #12')],
          manualElement: MANUAL,
        },
      ],
    );
    expect(linesOf(s as Statement)).toEqual([
      ['manual:ADJ-1', '250.00'],
      ['manual:ADJ-2', '-108.43'],
    ]);
    expect(s?.payout).toBe('1141.57');
    const [usd, eur] = s?.adjustments ?? [];
    expect(usd).toMatchObject({
      kind: 'manual',
      name: 'ADJ-1',
      label: 'Manual adjustments',
      reason: 'Missed deal D9',
    });
    expect(usd?.trace.rule).toEqual({ kind: 'manual', name: 'manual', label: 'Manual adjustments' });
    expect(eur?.trace.inputs).toEqual([
      { name: 'amount', value: '-100.005', unit: 'EUR' },
      { name: 'FX EUR/USD on 2026-06-30', value: '1.0842' },
    ]);
    expect(eur?.trace.text).toBe('Dispute #12 (-100.005 EUR at 1.0842 = -108.43 USD)');
  });

  it('keep full precision at the payout point', () => {
    const [s] = payAll(
      [q2()],
      [{ manual: [term('A', '-100.005', 'EUR', '1.0842')], manualElement: MANUAL }],
      [],
      envOf(rounding('payout')),
    );
    // 1000.00 - 108.425421 = 891.574579 -> 891.57.
    expect(linesOf(s as Statement)).toEqual([['manual:A', '-108.425421']]);
    expect(s?.payout).toBe('891.57');
    expect(s?.adjustments[0]?.trace.text).toBe('Missed deal D9 (-100.005 EUR at 1.0842 = -108.425421 USD)');
  });

  it('write both amounts of a conversion grouped, with their currencies', () => {
    // -12,000 EUR x 1.0842 = -13,010.40 USD.
    const [s] = payAll([q2()], [{ manual: [term('A', '-12000', 'EUR', '1.0842')], manualElement: MANUAL }]);
    expect(s?.adjustments[0]?.trace.text).toBe('Missed deal D9 (-12,000.00 EUR at 1.0842 = -13,010.40 USD)');
  });

  it('pay nothing when the plan declares no manual adjustments', () => {
    const [s] = payAll([q2()], [{ manual: [term('A', '10')] }]);
    expect(s?.adjustments).toEqual([]);
  });
});
