import { compile, format, type Plan } from '@attain/dsl';
import { validPlanArbitrary } from '@attain/dsl/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import type { Dataset } from '../data/dataset.js';
import { payee, planOf, rows } from '../test-support.js';
import { diffPlans, type PlanChange } from './diff-plans.js';

interface Variant {
  tier2?: string;
  tiers?: string;
  cap?: string;
  effective?: string;
}

/** A quarterly plan; each option changes one thing. */
function planText(v: Variant = {}): string {
  return `plan "Diff" version "1" {
  currency USD
  period quarter
  effective ${v.effective ?? '2026-01-01 to 2026-12-31'}
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { ote: Money }
  credit bookings from deals { to owner }
  quota q = payee.ote / 4
  measure attainment = bookings / q
  # the rates of the year
  rate table rates on attainment marginal {
    0% to 50%: 2%
    50% to 100%: ${v.tier2 ?? '8%'}
    ${v.tiers ?? '100% and up: 12%'}
  }
  commission c = tiered(bookings, rates) per line cap ${v.cap ?? '20_000 USD'}
}`;
}

const BASE = planOf(planText());
const data: Dataset = {
  payees: [payee('bob', { ote: '400000' }), payee('amy', { ote: '400000' })],
  records: {
    deals: rows(
      { id: 'D1', owner: 'amy', amount: '130000', close_date: '2026-02-10' },
      { id: 'D2', owner: 'bob', amount: '60000', close_date: '2026-03-01' },
    ),
  },
};
const options = { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' as const };

const mirror = (c: PlanChange): PlanChange => {
  const m: PlanChange = {
    kind: c.kind === 'added' ? 'removed' : c.kind === 'removed' ? 'added' : 'changed',
    element: c.element,
  };
  if (c.field !== undefined) m.field = c.field;
  if (c.after !== undefined) m.before = c.after;
  if (c.before !== undefined) m.after = c.before;
  return m;
};
const sorted = (changes: PlanChange[]): string[] => changes.map((c) => JSON.stringify(c)).sort();

describe('diffPlans', () => {
  it('names a changed rate and the payout difference it makes', () => {
    const diff = diffPlans(BASE, planOf(planText({ tier2: '9%' })), data, options);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        element: { kind: 'rate-table', name: 'rates' },
        field: 'tiers[50%].rate',
        before: '8%',
        after: '9%',
      },
    ]);
    // Quota 400,000 / 4 = 100,000. amy: 130,000 booked = 130%:
    //   A 50,000 x 2% + 50,000 x 8% + 30,000 x 12% = 1,000 + 4,000 + 3,600 = 8,600
    //   B 1,000 + 50,000 x 9% + 3,600 = 9,100 (delta 500)
    // bob: 60,000 = 60%: A 1,000 + 10,000 x 8% = 1,800; B 1,000 + 10,000 x 9% = 1,900 (delta 100)
    // Q2: nothing booked, both pay 0.00.
    expect(diff.payouts?.rows).toEqual([
      { payee: 'amy', period: '2026-Q1', a: '8600.00', b: '9100.00', delta: '500.00' },
      { payee: 'amy', period: '2026-Q2', a: '0.00', b: '0.00', delta: '0.00' },
      { payee: 'bob', period: '2026-Q1', a: '1800.00', b: '1900.00', delta: '100.00' },
      { payee: 'bob', period: '2026-Q2', a: '0.00', b: '0.00', delta: '0.00' },
    ]);
    expect(diff.payouts?.total).toEqual({ a: '10400.00', b: '11000.00', delta: '600.00' });
    expect(diff.payouts?.a).toEqual({ errors: [], rejected: [] });
  });

  it('leaves out the statements returned as reported: an earlier run paid them', () => {
    // Q1 was paid under BASE (amy 8,600, bob 1,800). Both plans calculate Q1 again with Q2: Q1
    // comes back as reported on both sides (BASE's payouts), and B pays its Q1 difference as
    // recalculation lines in Q2: amy 9,100 - 8,600 = 500, bob 1,900 - 1,800 = 100.
    const q1 = calculate(BASE, data, { ...options, periods: ['2026-Q1'] });
    const diff = diffPlans(BASE, planOf(planText({ tier2: '9%' })), { ...data, previous: q1 }, options);
    // Before: Q1 rows of 8,600 / 8,600 and 1,800 / 1,800, and totals of 10,400 and 11,000 that
    // counted again what run 1 paid.
    expect(diff.payouts?.rows).toEqual([
      { payee: 'amy', period: '2026-Q2', a: '0.00', b: '500.00', delta: '500.00' },
      { payee: 'bob', period: '2026-Q2', a: '0.00', b: '100.00', delta: '100.00' },
    ]);
    expect(diff.payouts?.total).toEqual({ a: '0.00', b: '600.00', delta: '600.00' });
  });

  it('names a tier added and the tier it shortened', () => {
    const b = planOf(planText({ tiers: '100% to 120%: 12%\n    120% and up: 15%' }));
    const diff = diffPlans(BASE, b, data, options);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        element: { kind: 'rate-table', name: 'rates' },
        field: 'tiers[100%].to',
        before: 'and up',
        after: '120%',
      },
      {
        kind: 'added',
        element: { kind: 'rate-table', name: 'rates' },
        field: 'tiers[120%]',
        after: '120% and up: 15%',
      },
    ]);
    // amy: the 10,000 above 120% now pays 15% instead of 12%: +300. bob is below 100%: no change.
    expect(diff.payouts?.rows.map((r) => r.delta)).toEqual(['300.00', '0.00', '0.00', '0.00']);
  });

  it('names a changed cap', () => {
    const diff = diffPlans(BASE, planOf(planText({ cap: '5_000 USD' })), data, options);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        element: { kind: 'earning', name: 'c' },
        field: 'cap',
        before: '20000 USD',
        after: '5000 USD',
      },
    ]);
    // amy's 8,600 is capped at 5,000: -3,600. bob's 1,800 is under both caps.
    expect(diff.payouts?.rows.map((r) => r.delta)).toEqual(['-3600.00', '0.00', '0.00', '0.00']);
  });

  it('names changed dates; a period outside the new dates has no payout under it', () => {
    const b = planOf(planText({ effective: '2026-04-01 to 2026-12-31' }));
    const diff = diffPlans(BASE, b, data, options);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        element: { kind: 'plan', name: 'plan' },
        field: 'effective',
        before: '2026-01-01 to 2026-12-31',
        after: '2026-04-01 to 2026-12-31',
      },
    ]);
    expect(diff.payouts?.rows).toEqual([
      { payee: 'amy', period: '2026-Q1', a: '8600.00', b: null, delta: '-8600.00' },
      { payee: 'amy', period: '2026-Q2', a: '0.00', b: '0.00', delta: '0.00' },
      { payee: 'bob', period: '2026-Q1', a: '1800.00', b: null, delta: '-1800.00' },
      { payee: 'bob', period: '2026-Q2', a: '0.00', b: '0.00', delta: '0.00' },
    ]);
  });

  it('names elements and clauses added and removed, and versions by effective date', () => {
    const a = planOf(planText().replace('commission c', 'let spare: Money = 1 USD\n  commission c'));
    const b = planOf(
      planText({ cap: '20_000 USD when attainment >= 10%' }).replace(
        'commission c',
        `bonus kicker "Kicker" = 100 USD when attainment > 100% during 2026-01-01 to 2026-03-31
  commission c`,
      ),
    );
    expect(diffPlans(a, b).changes).toEqual([
      { kind: 'removed', element: { kind: 'let', name: 'spare' }, before: 'type: Money (USD); value: 1 USD' },
      { kind: 'added', element: { kind: 'earning', name: 'c' }, field: 'when', after: 'attainment >= 10%' },
      {
        kind: 'added',
        element: { kind: 'earning', name: 'kicker' },
        after:
          'label: "Kicker"; kind: bonus; value: 100 USD; per: period; when: attainment > 100%; during: 2026-01-01 to 2026-03-31; once: no; paid year to date: no',
      },
    ]);
    const versions = (second: string) =>
      planOf(
        planText().replace(
          'quota q = payee.ote / 4',
          `quota q = payee.ote / 4 effective 2026-01-01 to 2026-06-30
  quota q = ${second} effective 2026-07-01 to 2026-12-31`,
        ),
      );
    expect(diffPlans(versions('payee.ote / 4'), versions('payee.ote / 5')).changes).toEqual([
      {
        kind: 'changed',
        element: { kind: 'quota', name: 'q', version: 2 },
        field: 'base',
        before: 'payee.ote / 4',
        after: 'payee.ote / 5',
      },
    ]);
  });

  it('ignores layout, comments and source ranges', () => {
    const moved = planOf(
      planText()
        .replace('  # the rates of the year\n', '')
        .replace(
          'credit bookings from deals { to owner }',
          '/** Bookings. */\n\n  credit   bookings from deals {\n to owner\n }',
        ),
    );
    expect(diffPlans(BASE, moved).changes).toEqual([]);
  });

  it('reports data errors of each side with the payouts', () => {
    const bad: Dataset = {
      ...data,
      payees: [payee('bob', { ote: '400000' }), payee('amy', { ote: 'lots' })],
    };
    const diff = diffPlans(BASE, BASE, bad, options);
    // Strict mode: amy's bad OTE (and D1, whose owner is left out) fail both runs.
    expect(diff.payouts?.rows).toEqual([]);
    expect(diff.payouts?.a.errors.map((e) => `${e.source} ${e.code}`)).toEqual([
      'deals unknown-payee',
      'payees bad-number',
    ]);
    expect(diff.payouts?.b).toEqual(diff.payouts?.a);
    expect(diff.payouts?.total).toEqual({ a: '0', b: '0', delta: '0' });
  });

  it('rejects wrong use of the API', () => {
    expect(() => diffPlans(BASE, BASE, data)).toThrow(TypeError);
    expect(() => diffPlans(BASE, undefined as unknown as Plan)).toThrow(TypeError);
  });

  const compiled = (text: string): Plan => {
    const { plan } = compile(text);
    if (!plan) throw new Error(`generated plan does not compile:\n${text}`);
    return plan;
  };

  it('finds no change between a plan and itself, or its formatted text', () => {
    fc.assert(
      fc.property(validPlanArbitrary({ maxDeclarations: 10 }), (text) => {
        const plan = compiled(text);
        expect(diffPlans(plan, plan).changes).toEqual([]);
        const formatted = format(text).text;
        expect(formatted).toBeDefined();
        expect(diffPlans(plan, compiled(formatted as string)).changes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('mirrors: diffPlans(b, a) is diffPlans(a, b) with added and removed, before and after swapped', () => {
    fc.assert(
      fc.property(
        validPlanArbitrary({ maxDeclarations: 10, layout: 'tidy' }),
        validPlanArbitrary({ maxDeclarations: 10, layout: 'tidy' }),
        (x, y) => {
          const a = compiled(x);
          const b = compiled(y);
          const forward = diffPlans(a, b).changes;
          expect(sorted(diffPlans(b, a).changes)).toEqual(sorted(forward.map(mirror)));
          return forward.every((c) =>
            c.kind === 'added'
              ? c.after !== undefined && c.before === undefined
              : c.kind === 'removed'
                ? c.before !== undefined && c.after === undefined
                : c.before !== c.after && c.field !== undefined,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
