import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, run } from '../test-support.js';
import type { DataRecord } from './dataset.js';
import { recordsByOwner } from './validate.js';

afterEach(() => {
  recordsByOwner.enabled = true;
});

/** Every credit goes to the record's owner: calculate validates deals owner by owner. */
const plan = planOf(
  quarterly(
    `source deals {
    id: Text key
    owner: Payee owner
    amount: Money optional
    close_date: Date dated
    cancel_date: Date optional
    stage: Text
  }
  source quota_relief {
    id: Text key
    rep: Payee owner
    amount: Money
    granted_on: Date dated
  }
  payee { annual_quota: Money }
  quota q = payee.annual_quota
    seasonality 25%, 25%, 25%, 25%
    relief sum(quota_relief.amount)
  credit won from deals where stage = "Won" { to owner }
  measure attainment: Percent = won / q
  rate table rates on attainment marginal {
    0% to 100%: 10%
    100% and up: 15%
  }
  commission c = tiered(won, rates)
    per line
  holdback reserve = 10% of c until 2026-12-31
  clawback cancelled = deals cancelled on cancel_date within 120 days at original rate`,
    'rounding half up to 2 decimals at line',
  ),
);

const days = ['2026-01-10', '2026-02-20', '2026-03-31', '2026-04-15', '2026-05-30', '2026-07-01'];
const owners = ['p1', 'p2', 'p3', 'late', 'ghost', ''];

describe('records validated owner by owner', () => {
  it('give the same results, byte for byte, as records validated whole', () => {
    const deal = fc.record({
      owner: fc.constantFrom(...owners),
      amount: fc.oneof(
        fc
          .integer({ min: 0, max: 2_000_000 })
          .map((c) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`),
        fc.constantFrom('', 'lots', '12.5 EUR'),
      ),
      day: fc.integer({ min: 0, max: days.length - 1 }),
      cancel: fc.option(fc.integer({ min: 0, max: days.length - 1 }), { nil: undefined }),
      stage: fc.constantFrom('Won', 'Won', 'Lost'),
      key: fc.integer({ min: 0, max: 40 }),
      hypothetical: fc.boolean(),
    });
    const before = recordsByOwner.used;
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 30 }),
        fc.constantFrom('strict' as const, 'lenient' as const),
        fc.array(fc.constantFrom('2026-Q1', '2026-Q2', '2026-Q3'), { minLength: 1, maxLength: 3 }),
        (spec, mode, periods) => {
          const deals: DataRecord[] = spec.map((d, i) => ({
            row: i + 1,
            values: {
              id: `D${d.key}`,
              owner: d.owner,
              amount: d.amount,
              close_date: days[d.day] as string,
              cancel_date: d.cancel === undefined ? '' : (days[d.cancel] as string),
              stage: d.stage,
            },
            hypothetical: d.hypothetical && i % 4 === 0,
          }));
          const data = {
            payees: [
              payee('p1', { annual_quota: '40000' }),
              payee('p2', { annual_quota: '80000' }),
              payee('p3', { annual_quota: '20000' }),
              payee('late', { annual_quota: '40000' }, { plans: [{ plan: 'Test', from: '2026-04-01' }] }),
            ],
            records: {
              deals,
              quota_relief: [
                { row: 1, values: { id: 'R1', rep: 'p2', amount: '5000', granted_on: '2026-02-01' } },
              ],
            },
          };
          const unique = [...new Set(periods)];
          recordsByOwner.enabled = true;
          const byOwner = JSON.stringify(run(plan, data, unique, { mode }));
          recordsByOwner.enabled = false;
          const whole = JSON.stringify(run(plan, data, unique, { mode }));
          expect(byOwner).toBe(whole);
        },
      ),
      { numRuns: 120 },
    );
    expect(recordsByOwner.used - before).toBeGreaterThan(100);
  });
});
