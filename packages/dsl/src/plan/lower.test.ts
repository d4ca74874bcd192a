import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { planText } from '../check/test-plans.js';
import { compile } from '../compile.js';
import { validPlanArbitrary } from '../testing/arbitrary.js';
import type { IrExpr } from './ir.js';
import type { Plan } from './plan.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

function planOf(text: string): Plan {
  const result = compile(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.plan) throw new Error(`no plan: ${JSON.stringify(errors.map((d) => [d.code, d.message]))}`);
  return result.plan;
}

/** A copy without `range` properties, for comparing shapes. */
function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'range' ? undefined : v)));
}

/** Every IR node inside a value (objects with an `op`). */
function irNodes(value: unknown, out: IrExpr[] = []): IrExpr[] {
  if (Array.isArray(value)) for (const v of value) irNodes(v, out);
  else if (value && typeof value === 'object') {
    if ('op' in value) out.push(value as IrExpr);
    for (const [key, v] of Object.entries(value)) if (key !== 'range' && key !== 'type') irNodes(v, out);
  }
  return out;
}

describe('the Plan of the Enterprise AE fixture', () => {
  const plan = planOf(fixture);

  it('has the header', () => {
    expect(shape(plan.header)).toEqual({
      name: 'Enterprise AE',
      version: '2026.1',
      doc: 'Plan for enterprise account executives.',
      currency: 'USD',
      period: 'quarter',
      fiscalYearStart: 1,
      effective: { from: '2026-01-01', to: '2026-12-31' },
      rounding: { mode: 'half-up', decimals: 2, point: 'line', declared: true },
    });
  });

  it('has the source schema with its key, owner and date', () => {
    const deals = plan.sources[0];
    expect(deals).toMatchObject({
      name: 'deals',
      label: 'Closed deals',
      key: 'id',
      owner: 'owner',
      dated: 'close_date',
    });
    expect(shape(deals?.fields.find((f) => f.name === 'amount'))).toEqual({
      name: 'amount',
      type: { kind: 'Money', currency: 'USD' },
      optional: false,
      convertedOn: 'close_date',
    });
    expect(deals?.fields.find((f) => f.name === 'cancelled_on')?.optional).toBe(true);
    expect(plan.payee.map((f) => f.name)).toEqual(['ote', 'base', 'hire_date', 'annual_quota']);
  });

  it('has the quota with ratios for percentages', () => {
    expect(shape(plan.quotas[0])).toMatchObject({
      name: 'bookings_quota',
      fromData: false,
      seasonality: ['0.19', '0.245', '0.28', '0.285'],
      ramp: { steps: ['0.25', '0.5', '0.75'], cutoffDay: 15 },
      prorate: true,
    });
  });

  it('has the credit, crediting the amount field to the owner', () => {
    expect(shape(plan.credits[0])).toEqual({
      name: 'bookings',
      label: 'Bookings',
      source: 'deals',
      amount: { op: 'field', type: { kind: 'Money', currency: 'USD' }, source: 'deals', field: 'amount' },
      recipients: [{ recipient: { kind: 'field', field: 'owner' }, share: '1', overlay: false }],
      where: {
        op: 'binary',
        type: { kind: 'Boolean' },
        operator: '=',
        left: { op: 'field', type: { kind: 'Text' }, source: 'deals', field: 'stage' },
        right: { op: 'literal', type: { kind: 'Text' }, value: 'Closed Won' },
      },
    });
  });

  it('has the rate table with bounds as ratios', () => {
    const table = plan.rateTables[0];
    expect(table?.mode).toBe('marginal');
    expect(table?.tiers.map((t) => [t.from, t.to, t.rate.op === 'literal' ? t.rate.value : '?'])).toEqual([
      ['0', '0.5', '0.02'],
      ['0.5', '1', '0.08'],
      ['1', undefined, '0.12'],
    ]);
  });

  it('has the earnings with their clauses', () => {
    const [commission, spiff] = plan.earnings;
    expect(commission).toMatchObject({
      name: 'new_business',
      kind: 'commission',
      label: 'New business commission',
      doc: 'Paid on every closed-won deal; shown on the statement.',
      perLine: { credit: 'bookings' },
      value: {
        op: 'tiered',
        table: 'commission_rates',
        amount: { op: 'ref', kind: 'credit', name: 'bookings' },
      },
      cap: { op: 'binary', operator: '*', type: { kind: 'Money', currency: 'USD' } },
      once: false,
      paidYearToDate: false,
    });
    expect(spiff).toMatchObject({
      kind: 'spiff',
      window: { from: '2026-02-01', to: '2026-03-31' },
      gate: {
        op: 'binary',
        operator: '>=',
        right: { op: 'literal', value: '0.5', type: { kind: 'Percent' } },
      },
      value: {
        op: 'binary',
        left: { op: 'aggregate', fn: 'count', over: { kind: 'credit', name: 'bookings' }, source: 'deals' },
      },
    });
  });

  it('has the payout adjustments', () => {
    expect(shape(plan.draws)).toEqual([
      {
        name: 'ramp_draw',
        label: 'Ramp draw',
        amount: { op: 'literal', type: { kind: 'Money', currency: 'USD' }, value: '3000' },
        recoverable: true,
        trueUpAtYearEnd: false,
        periods: 2,
      },
    ]);
    expect(shape(plan.clawbacks)).toEqual([
      { name: 'cancellations', source: 'deals', cancelledOn: 'cancelled_on', withinDays: 90 },
    ]);
    expect(shape(plan.holdbacks[0])).toMatchObject({
      share: '0.1',
      earning: 'new_business',
      until: { kind: 'date', date: { op: 'literal', value: '2026-12-31' } },
    });
  });

  it('orders definitions so that each comes after what it uses', () => {
    const names = plan.order.map((d) => d.name);
    expect(names.indexOf('bookings')).toBeLessThan(names.indexOf('attainment'));
    expect(names.indexOf('bookings_quota')).toBeLessThan(names.indexOf('attainment'));
    expect(names.indexOf('attainment')).toBeLessThan(names.indexOf('new_business'));
    expect(names.indexOf('target_incentive')).toBeLessThan(names.indexOf('new_business'));
  });

  it('keeps a source range on every element and IR node', () => {
    for (const node of irNodes(plan)) {
      expect(node.range.end.offset).toBeGreaterThan(node.range.start.offset);
      expect(node.type.kind).not.toBe('Unknown');
    }
    const earning = plan.earnings[0];
    expect(earning && fixture.slice(earning.range.start.offset, earning.range.start.offset + 10)).toBe(
      'commission',
    );
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
  });
});

describe('lowering', () => {
  const header = 'currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31';
  const base = `  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, region: Text }
  payee { ote: Money }
  credit bookings from deals { to owner }`;

  // A percentage is a ratio: 50.0000000000000000000001% / 100 = 0.500000000000000000000001, which
  // decimal.js's default 20 significant digits rounded to 0.5 (the shares became 50%/50%).
  it('turns percentages into ratios exactly, beyond 20 significant digits', () => {
    const text = `  source deals { id: Text key, owner: Payee owner, partner: Payee, amount: Money, close_date: Date dated }
  credit shared from deals { to owner share 50.0000000000000000000001% to partner share 49.9999999999999999999999% }
  bonus b = shared * 1.00000000000000000000001%`;
    const plan = planOf(planText(text, header));
    expect(plan.credits[0]?.recipients.map((r) => r.share)).toEqual([
      '0.500000000000000000000001',
      '0.499999999999999999999999',
    ]);
    const value = plan.earnings[0]?.value;
    expect(value?.op === 'binary' && value.right).toMatchObject({
      op: 'literal',
      value: '0.0100000000000000000000001',
    });
  });

  it('gives a literal zero the unit it stands for', () => {
    const plan = planOf(planText(`${base}\n  bonus b = if bookings > 0 then 100 USD else 0`, header));
    const value = plan.earnings[0]?.value;
    expect(value?.op === 'if' && value.ifFalse).toMatchObject({
      op: 'literal',
      value: '0',
      type: { kind: 'Money', currency: 'USD' },
    });
    expect(value?.op === 'if' && value.condition.op === 'binary' && value.condition.right.type).toEqual({
      kind: 'Money',
      currency: 'USD',
    });
  });

  it('keeps every version of a versioned definition with its dates', () => {
    const text = planText(
      `${base}\n  let r = 5% effective 2026-01-01 to 2026-06-30\n  let r = 6% effective 2026-07-01 to 2026-12-31\n  bonus b = bookings * r`,
      header,
    );
    const plan = planOf(text);
    expect(plan.lets.map((l) => [l.name, l.effective])).toEqual([
      ['r', { from: '2026-01-01', to: '2026-06-30' }],
      ['r', { from: '2026-07-01', to: '2026-12-31' }],
    ]);
    expect(plan.order.filter((d) => d.name === 'r')).toHaveLength(1);
  });

  it('lowers tables, territories, metrics and signals', () => {
    const text = planText(
      `${base}
  source accounts { id: Text key, region: Text }
  lookup table region_rates by region { "EMEA" : 5%  * : 2%  otherwise : 1% }
  pay curve pc on bookings / payee.ote { 0% : 0%  100% : 100% }
  rate table tt on bookings / payee.ote hybrid at 100% { 0% to 100% : 5%  100% and up : 10% }
  bonus b = bookings * rate(tt)
  guarantee g = 1000 USD for 2 periods
  territories on accounts by priority { territory emea "EMEA" { where region = "EMEA" priority 1 assign "rep_1" as primary from 2026-01-01 } }
  metric deal_count: Integer = count(deals)
  signal big warning on deals when amount > 100000 USD message "Big deal"`,
      header,
    );
    const plan = planOf(text);
    expect(shape(plan.lookupTables[0])).toMatchObject({
      by: ['region'],
      rows: [{ keys: [{ kind: 'text', value: 'EMEA' }] }, { keys: [{ kind: 'any' }] }],
      otherwise: { op: 'literal', value: '0.01' },
      valueType: { kind: 'Percent' },
    });
    expect(plan.payCurves[0]?.points.map((p) => [p.at, p.value])).toEqual([
      ['0', '0'],
      ['1', '1'],
    ]);
    expect(plan.rateTables[0]).toMatchObject({ mode: 'hybrid', hybridAt: '1' });
    expect(shape(plan.guarantees)).toEqual([
      {
        name: 'g',
        amount: { op: 'literal', type: { kind: 'Money', currency: 'USD' }, value: '1000' },
        periods: 2,
      },
    ]);
    expect(plan.territories).toMatchObject({
      source: 'accounts',
      by: 'priority',
      territories: [
        {
          name: 'emea',
          label: 'EMEA',
          priority: 1,
          named: [],
          assignments: [{ payee: 'rep_1', role: 'primary', from: '2026-01-01' }],
        },
      ],
    });
    expect(plan.metrics[0]).toMatchObject({
      name: 'deal_count',
      type: { kind: 'Integer' },
      value: { op: 'aggregate', fn: 'count' },
    });
    expect(plan.signals[0]).toMatchObject({
      severity: 'warning',
      on: 'deals',
      message: 'Big deal',
      condition: { op: 'binary', left: { op: 'field', source: 'deals', field: 'amount' } },
    });
  });

  test.prop([validPlanArbitrary({ maxDeclarations: 10, layout: 'tidy' })], {
    numRuns: 30,
    endOnFailure: true,
  })('every definition comes after the definitions it refers to', (text) => {
    const result = compile(text);
    fc.pre(result.plan !== undefined);
    const plan = result.plan as Plan;
    const rank = new Map(plan.order.map((d, i) => [d.name, i]));
    for (const list of [plan.lets, plan.measures, plan.metrics, plan.quotas, plan.credits, plan.earnings]) {
      for (const definition of list) {
        for (const node of irNodes(definition)) {
          if (node.op !== 'ref' || !rank.has(node.name)) continue;
          expect(rank.get(node.name)).toBeLessThan(rank.get(definition.name) as number);
        }
      }
    }
  });
});

// In a credit's or territory's rules, which have no current payee, `payee` is the record's field
// `payee` when the source has one; in aggregates, which have a payee, it stays the current payee.
describe('`payee` in rules over a source with a field `payee`', () => {
  const plan = planOf(
    planText(`  source allocations { id: Text key, payee: Payee owner, region: Text, amount: Money, booked_on: Date dated }
  payee { region: Text }
  territories on allocations by priority {
    territory t { where payee.region = "NA" }
  }
  credit mine from allocations where payee.region = "NA" { to payee }
  measure own = count(mine where region = payee.region)
  commission c = mine * 1% + own * 1 USD`),
  );

  it('lowers it to the field in the rules', () => {
    const where = plan.credits[0]?.where;
    expect(where?.op === 'binary' && shape(where.left)).toMatchObject({
      op: 'member',
      member: 'region',
      object: { op: 'field', source: 'allocations', field: 'payee' },
    });
    const rule = plan.territories?.territories[0]?.where[0];
    expect(rule?.op === 'binary' && shape(rule.left)).toMatchObject({
      object: { op: 'field', source: 'allocations', field: 'payee' },
    });
  });

  it('keeps the current payee in aggregates', () => {
    const own = plan.measures.find((m) => m.name === 'own');
    const payees = irNodes(own).filter((n) => n.op === 'payee');
    expect(payees).toHaveLength(1);
    expect(irNodes(own).some((n) => n.op === 'field' && n.field === 'payee')).toBe(false);
  });
});
