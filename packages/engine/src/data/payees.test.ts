import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { FiscalCalendar } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { Payee } from './dataset.js';
import { validatePayees } from './payees.js';
import { Problems } from './problems.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { target: Money }
  credit own from deals { to owner }
  credit team from deals { to managers of owner up to 2 levels }
  commission c = own * 10% + team * 1%
`),
);
const READS_MANAGER = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { target: Money }
  credit own from deals { to owner }
  commission c = own * 10%
  earning kicker = payee.manager.target * 1%
`),
);
const calendar = new FiscalCalendar(PLAN.header.fiscalYearStart);
const deals = rows({ id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-01' });
const payouts = (results: ReturnType<typeof run>) => results.statements.map((s) => [s.payee, s.payout]);

function validated(list: Payee[], plan = PLAN) {
  const problems = new Problems();
  const table = validatePayees(plan, list, calendar, problems);
  return { table, problems };
}

describe('a payee whose manager is not among the payees', () => {
  const list = [
    payee('rep', { target: '1' }, { manager: 'm1' }),
    payee('m1', { target: '1' }, { manager: 'vp' }),
  ];

  it('is kept without a manager, with a warning; the payees below keep theirs', () => {
    const { table, problems } = validated(list);
    expect(problems.size).toBe(0);
    expect([...table.byId.values()].map((p) => [p.id, p.manager])).toEqual([
      ['rep', 'm1'],
      ['m1', undefined],
    ]);
    expect(table.warnings).toEqual([
      {
        code: 'unknown-manager',
        payee: 'm1',
        message:
          'payees row 2: manager is "vp", who is not among the payees: m1 is calculated without a manager: nobody above m1 gets roll-up credit through m1, and m1\'s manager has no value',
      },
    ]);
  });

  it('is paid, and so is everyone below them, in both modes', () => {
    for (const mode of ['strict', 'lenient'] as const) {
      const results = run(PLAN, { payees: list, records: { deals } }, ['2026-Q1'], { mode });
      expect(results.errors).toEqual([]);
      expect(results.rejected).toEqual([]);
      // rep: own 1,000 x 10% = 100.00. m1: team 1,000 (rep's manager) x 1% = 10.00; nobody above m1.
      expect(payouts(results)).toEqual([
        ['m1', '10.00'],
        ['rep', '100.00'],
      ]);
    }
  });
});

describe('a payee whose manager has errors', () => {
  // m1 is on the plan with an unreadable target: m1's row is an error, rep's is not.
  const list = [payee('rep', { target: '1' }, { manager: 'm1' }), payee('m1', { target: 'lots' })];

  it('is kept without a manager: the error stays with the manager', () => {
    const { table, problems } = validated(list);
    expect(problems.errors().map((e) => e.reason)).toEqual([
      'payees row 2: target is "lots", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
    ]);
    expect([...table.byId.keys()]).toEqual(['rep']);
    expect(table.byId.get('rep')?.manager).toBeUndefined();
    expect(table.warnings.map((w) => w.message)).toEqual([
      'payees row 1: manager is "m1", who has errors in payees row 2: rep is calculated without a manager: nobody above rep gets roll-up credit through rep, and rep\'s manager has no value',
    ]);
  });

  it('is paid in lenient mode; only the manager is rejected', () => {
    const results = run(PLAN, { payees: list, records: { deals } }, ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.source, r.row, r.key])).toEqual([['payees', 2, 'm1']]);
    // rep: 1,000 x 10% = 100.00.
    expect(payouts(results)).toEqual([['rep', '100.00']]);
  });
});

describe('attributes of a payee not on the plan', () => {
  // boss is on another plan, with no target (an attribute of this plan only); vp, above boss, is on this plan.
  const list = [
    payee('rep', { target: '100' }, { manager: 'boss' }),
    payee('boss', { target: '' }, { manager: 'vp', plans: [{ plan: 'Sales Manager' }] }),
    payee('vp', { target: '100' }),
  ];

  it('are not required: the row is kept, with its attribute empty', () => {
    const { table, problems } = validated(list);
    expect(problems.size).toBe(0);
    expect(table.byId.get('boss')?.attrs.get('target')).toBeNull();
    // This plan never reads boss's target: nothing to warn about.
    expect(table.warnings).toEqual([]);
  });

  it('do not take anyone out of the calculation, in both modes', () => {
    for (const mode of ['strict', 'lenient'] as const) {
      const results = run(PLAN, { payees: list, records: { deals } }, ['2026-Q1'], { mode });
      expect(results.errors).toEqual([]);
      // rep: 1,000 x 10% = 100.00. vp: team 1,000 two levels up (rep -> boss -> vp) x 1% = 10.00.
      // boss is on another plan: no statement.
      expect(payouts(results)).toEqual([
        ['rep', '100.00'],
        ['vp', '10.00'],
      ]);
    }
  });

  it('may be unreadable without being an error of the row', () => {
    const odd = list.map((p) => (p.id === 'boss' ? { ...p, attributes: { target: 'lots' } } : p));
    const { table, problems } = validated(odd);
    expect(problems.size).toBe(0);
    expect(table.byId.get('boss')?.attrs.get('target')).toBeNull();
  });

  it('are warned about, naming the payee and the attribute, where the plan reads them of another payee', () => {
    const { table } = validated(list, READS_MANAGER);
    expect(table.warnings).toEqual([
      {
        code: 'no-value',
        payee: 'boss',
        message:
          'payees row 2: target is missing; boss is not on plan "Test", so the row is kept, but where the plan reads target of boss (payee.manager.target) it has no value',
      },
    ]);
    // Only a manager's target is read: an off-plan payee who manages nobody is not warned about.
    const { table: alone } = validated([payee('x', {}, { plans: [{ plan: 'Other' }] })], READS_MANAGER);
    expect(alone.warnings).toEqual([]);
    // rep: 1,000 x 10% = 100.00; the kicker (1% of boss's target) has no value and pays nothing.
    const results = run(READS_MANAGER, { payees: list, records: { deals } }, ['2026-Q1']);
    expect(statement(results, 'rep', '2026-Q1').payout).toBe('100.00');
  });
});

describe('attributes of a payee on the plan', () => {
  it('are still required', () => {
    const results = run(PLAN, { payees: [payee('rep', { target: '' })], records: { deals: [] } }, [
      '2026-Q1',
    ]);
    expect(results.errors.map((e) => e.reason)).toEqual(['payees row 1: target is missing']);
  });

  it('are required only of a payee on the plan in a calculated period', () => {
    // A hire of 1 April whose target is not known yet: no error in Q1, an error in Q2.
    const hire = [payee('hire', { target: '' }, { plans: [{ plan: 'Test', from: '2026-04-01' }] })];
    const at = (label: string) => {
      const problems = new Problems();
      const period = calendar.parse(label);
      if (!period) throw new Error(label);
      validatePayees(PLAN, hire, calendar, problems, {
        periods: [period],
        onPlan: (p, q) => (p.onPlan ?? []).some((s) => s.from <= q.end && s.to >= q.start),
      });
      return problems.errors().map((e) => e.reason);
    };
    expect(at('2026-Q1')).toEqual([]);
    expect(at('2026-Q2')).toEqual(['payees row 1: target is missing']);
    // Without the periods: required of a payee on the plan on any day of it.
    expect(validated(hire).problems.size).toBe(1);
  });
});

describe('payee warnings in the results', () => {
  it('name the payee whose manager is dropped and the attribute read of a payee off the plan', () => {
    const list = [
      payee('rep', { target: '100' }, { manager: 'boss' }),
      payee('boss', { target: '' }, { manager: 'ghost', plans: [{ plan: 'Sales Manager' }] }),
    ];
    const results = run(READS_MANAGER, { payees: list, records: { deals } }, ['2026-Q1']);
    expect(results.warnings.filter((w) => w.payee === 'boss').map((w) => w.message)).toEqual([
      'payees row 2: target is missing; boss is not on plan "Test" in the periods calculated, so the row is kept, but where the plan reads target of boss (payee.manager.target) it has no value',
      'payees row 2: manager is "ghost", who is not among the payees: boss is calculated without a manager: nobody above boss gets roll-up credit through boss, and boss\'s manager has no value',
    ]);
  });

  it('leave out the attributes of a payee off the plan in the periods calculated', () => {
    const hire = [payee('hire', { target: '' }, { plans: [{ plan: 'Test', from: '2026-04-01' }] })];
    expect(run(PLAN, { payees: hire, records: { deals: [] } }, ['2026-Q1']).errors).toEqual([]);
    expect(
      run(PLAN, { payees: hire, records: { deals: [] } }, ['2026-Q2']).errors.map((e) => e.reason),
    ).toEqual(['payees row 1: target is missing']);
  });
});

describe('a plan assignment with an open end written as null or empty text', () => {
  const onPlan = (list: Payee[]) => {
    const { table, problems } = validated(list);
    const spans = (table.byId.get('rep')?.onPlan ?? []).map((s) => [formatDate(s.from), formatDate(s.to)]);
    return { spans, errors: problems.errors().map((e) => [e.field, e.reason]) };
  };

  it('is open: from null is the plan\'s start, to null or "" is its end, as if left out', () => {
    const open = onPlan([payee('rep', { target: '1' }, { plans: [{ plan: 'Test' }] })]);
    // Left out: 2026-01-01 to 2026-12-31, the plan's effective dates.
    expect(open).toEqual({ spans: [['2026-01-01', '2026-12-31']], errors: [] });
    const written = (from: unknown, to: unknown) =>
      onPlan([payee('rep', { target: '1' }, { plans: [{ plan: 'Test', from, to } as never] })]);
    expect(written('2026-01-01', null)).toEqual(open); // to: null, as an HRIS export writes it
    expect(written(null, null)).toEqual(open);
    expect(written('', ' ')).toEqual(open);
    // from 1 April, to null: 2026-04-01 to the plan's end, 2026-12-31.
    const hire = written('2026-04-01', null);
    expect(hire.errors).toEqual([]);
    expect(hire.spans).toEqual([['2026-04-01', '2026-12-31']]);
  });

  it("in a strict run: the payee is on the plan to the plan's end", () => {
    const list = [
      payee('rep', { target: '1' }, { plans: [{ plan: 'Test', from: '2026-01-01', to: null as never }] }),
    ];
    const q4 = rows({ id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-12-31' });
    const results = run(PLAN, { payees: list, records: { deals: q4 } }, ['2026-Q1', '2026-Q4']);
    expect(results.errors).toEqual([]);
    // Q1: no deals, 0. Q4: the deal of 31 December, 1000 * 10% = 100.
    expect(payouts(results)).toEqual([
      ['rep', '0.00'],
      ['rep', '100.00'],
    ]);
  });

  it('names the element and the field of an unreadable or reversed date', () => {
    const bad = onPlan([
      payee(
        'rep',
        { target: '1' },
        {
          plans: [
            { plan: 'Test', from: '2026-01-01', to: '2026-13-01' },
            { plan: 'Test', from: 20260101 as never },
            { plan: 'Test', from: '2026-06-30', to: '2026-03-01' },
          ],
        },
      ),
    ]);
    expect(bad.errors).toEqual([
      ['plans', 'payees row 1: plans[0].to is "2026-13-01", which is not a date (write it as YYYY-MM-DD)'],
      ['plans', 'payees row 1: plans[1].from is 20260101, which is not a date (write it as YYYY-MM-DD)'],
      [
        'plans',
        'payees row 1: plans[2].to (2026-03-01) is before plans[2].from (2026-06-30): the assignment to "Test" ends before it starts',
      ],
    ]);
  });
});
