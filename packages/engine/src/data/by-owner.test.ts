import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Program } from '../evaluate/program.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import type { DataRecord } from './dataset.js';
import type { Rec } from './model.js';
import { recordsByOwner, validate } from './validate.js';

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

type Deal = typeof deal extends fc.Arbitrary<infer T> ? T : never;

function dealsOf(spec: Deal[]): DataRecord[] {
  return spec.map((d, i) => ({
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
}

describe('records validated owner by owner', () => {
  it('give the same results, byte for byte, as records validated whole', () => {
    const before = recordsByOwner.used;
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 30 }),
        fc.constantFrom('strict' as const, 'lenient' as const),
        fc.array(fc.constantFrom('2026-Q1', '2026-Q2', '2026-Q3'), { minLength: 1, maxLength: 3 }),
        (spec, mode, periods) => {
          const deals = dealsOf(spec);
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

  it('are made with the values a whole validation makes, also those kept at the check (no owner, cancelled)', () => {
    // The owner is optional here, so rows without one are valid and kept at the check (`unowned`),
    // like the cancelled rows a clawback reads (`withDate`); their amounts must be read in full.
    const optional = planOf(
      quarterly(`source deals {
    id: Text key
    owner: Payee owner optional
    amount: Money optional
    close_date: Date dated
    cancel_date: Date optional
    stage: Text
  }
  credit won from deals where stage = "Won" { to owner }
  commission c = won * 10%
  clawback cancelled = deals cancelled on cancel_date within 120 days at original rate`),
    );
    const calendar = new Program(optional).calendar;
    const payees = [payee('p1'), payee('p2'), payee('p3'), payee('late')];
    const shown = (recs: readonly Rec[]) =>
      recs
        .map((r) => `${r.row}|${r.key}|${r.owner}|${r.day}|${r.hyp}|${r.v.map((x) => String(x)).join(',')}`)
        .sort();
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 30 }), (spec) => {
        const data = { payees, records: { deals: dealsOf(spec) } };
        const whole = validate(optional, data, calendar).valid.records.get('deals') as Rec[];
        const rows = validate(optional, data, calendar, { byOwner: true }).valid.owned.get('deals');
        if (!rows) throw new Error('deals were not validated owner by owner');
        const made = [...rows.unowned];
        for (const owner of rows.owners()) made.push(...rows.recordsOf(owner));
        expect(shown(made)).toEqual(shown(whole));
        const cancelled = whole.filter((r) => typeof r.v[4] === 'number');
        expect(shown(rows.withDate.get('cancel_date') ?? [])).toEqual(shown(cancelled));
      }),
      { numRuns: 100 },
    );
  });

  it('read amounts in full at the check when the key is an amount (keys "10.00" and "20.00" differ)', () => {
    const keyed = planOf(
      quarterly(`source deals {
    amount: Money key
    owner: Payee owner
    close_date: Date dated
  }
  credit won from deals { to owner }
  commission c = won * 10%`),
    );
    const data = {
      payees: [payee('p1')],
      records: {
        deals: rows(
          { amount: '10.00', owner: 'p1', close_date: '2026-02-01' },
          { amount: '20.00', owner: 'p1', close_date: '2026-02-02' },
          { amount: '10.0', owner: 'p1', close_date: '2026-02-03' },
        ),
      },
    };
    const { problems } = validate(keyed, data, new Program(keyed).calendar, { byOwner: true });
    // 10.00 and 10.0 are the same amount: rows 1 and 3 share a key, row 2 is fine.
    expect(problems.errors().map((e) => [e.row, e.code])).toEqual([
      [1, 'duplicate-key'],
      [3, 'duplicate-key'],
    ]);
  });

  it('reject an amount out of range at the check, also when it comes as a JSON number', () => {
    const data = {
      payees: [payee('p1', { annual_quota: '40000' })],
      records: {
        deals: [
          { row: 1, values: { id: 'D1', owner: 'p1', amount: 1e31, close_date: '2026-02-01', stage: 'Won' } },
          {
            row: 2,
            values: { id: 'D2', owner: 'p1', amount: '1e31', close_date: '2026-02-01', stage: 'Won' },
          },
        ],
        quota_relief: [],
      },
    };
    const { problems } = validate(plan, data, new Program(plan).calendar, { byOwner: true });
    expect(problems.errors().map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'amount', 'bad-number'],
      [2, 'amount', 'bad-number'],
    ]);
  });
});
