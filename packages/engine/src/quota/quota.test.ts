import { describe, expect, it } from 'vitest';
import type { Payee } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

const quotaOf = (results: Results, who: string, period: string, name = 'q') =>
  statement(results, who, period).quotas.find((q) => q.name === name)?.amount;

const SOURCES = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source quota_relief { id: Text key, rep: Payee owner, amount: Money, granted_on: Date dated }
  payee { annual_quota: Money, hire_date: Date }
  credit bookings from deals { to owner }
  commission c = bookings * 1%`;

const Q = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

describe('quotas', () => {
  it('apply seasonality to an annual base', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota seasonality 10%, 20%, 30%, 40%
  measure attainment = bookings / q`),
    );
    const results = run(
      plan,
      { payees: [payee('rep', { annual_quota: '400000', hire_date: '2020-01-01' })] },
      Q,
    );
    // 400,000 x 10% / 20% / 30% / 40%
    expect(Q.map((p) => quotaOf(results, 'rep', p))).toEqual(['40000', '80000', '120000', '160000']);
  });

  it('ramp new hires, starting the month after a hire late in the month', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25%
    ramp 25%, 50%, 75% from payee.hire_date starting next month after day 15
  measure attainment = bookings / q`),
    );
    const payees = [
      // Hired on 10 March (day 10 <= 15): Q1 is the first ramp period.
      payee('early', { annual_quota: '400000', hire_date: '2026-03-10' }),
      // Hired on 20 March (after day 15): the ramp starts on 1 April, so Q2 is the first ramp period
      // and Q1, before it, carries the first step too.
      payee('late', { annual_quota: '400000', hire_date: '2026-03-20' }),
    ];
    const results = run(plan, { payees }, Q);
    // 100,000 a quarter x 25%, 50%, 75%, 100%
    expect(Q.map((p) => quotaOf(results, 'early', p))).toEqual(['25000', '50000', '75000', '100000']);
    // 100,000 x 25%, 25%, 50%, 75%
    expect(Q.map((p) => quotaOf(results, 'late', p))).toEqual(['25000', '25000', '50000', '75000']);
    expect(statement(results, 'late', '2026-Q2').quotas[0]?.trace.inputs).toContainEqual({
      name: 'ramp start',
      value: '2026-04-01',
    });
  });

  it('say when a ramp has no date: the whole quota applies, with a warning', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { annual_quota: Money, hire_date: Date optional }
  credit bookings from deals { to owner }
  commission c = bookings * 1%
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25%
    ramp 50%, 75% from payee.hire_date
  measure attainment = bookings / q`),
    );
    // An empty hire date (a missing cell of the HR export): 100,000 a quarter, not ramped.
    const results = run(plan, { payees: [payee('new', { annual_quota: '400000', hire_date: '' })] }, [
      '2026-Q1',
    ]);
    expect(quotaOf(results, 'new', '2026-Q1')).toBe('100000');
    const trace = statement(results, 'new', '2026-Q1').quotas[0]?.trace;
    expect(trace?.inputs).toContainEqual({ name: 'ramp start', value: null });
    expect(trace?.text).toBe('not ramped: payee.hire_date has no value');
    expect(results.warnings).toEqual([
      expect.objectContaining({
        code: 'no-value',
        payee: 'new',
        period: '2026-Q1',
        message:
          'payee.hire_date has no value for new, so q is not ramped in 2026-Q1: the whole quota applies',
      }),
    ]);
  });

  it('prorate by calendar days for hires, leavers and plan changes', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25% prorate by calendar days
  measure attainment = bookings / q`),
    );
    const attrs = { annual_quota: '400000', hire_date: '2020-01-01' };
    const payees: Payee[] = [
      payee('hire', attrs, { plans: [{ plan: 'Test', from: '2026-02-15' }] }),
      payee('leaver', attrs, { plans: [{ plan: 'Test', to: '2026-05-10' }] }),
      payee('mover', attrs, {
        plans: [
          { plan: 'Test', to: '2026-02-28' },
          { plan: 'Other plan', from: '2026-03-01' },
        ],
      }),
    ];
    const results = run(plan, { payees }, Q);
    // Q1 2026 has 90 days. Hired 15 Feb: 14 + 31 = 45 days: 100,000 x 45 / 90 = 50,000.
    expect(quotaOf(results, 'hire', '2026-Q1')).toBe('50000');
    // Q2 has 91 days. Left 10 May: 30 + 10 = 40 days: 100,000 x 40 / 91 = 43,956.04395604...
    expect(quotaOf(results, 'leaver', '2026-Q2')?.startsWith('43956.043956043956')).toBe(true);
    // The leaver has no statement after leaving.
    expect(results.statements.some((s) => s.payee === 'leaver' && s.period === '2026-Q3')).toBe(false);
    // Moved to another plan on 1 March: 31 + 28 = 59 days: 100,000 x 59 / 90 = 65,555.555...
    expect(quotaOf(results, 'mover', '2026-Q1')?.startsWith('65555.5555')).toBe(true);
    expect(results.statements.some((s) => s.payee === 'mover' && s.period === '2026-Q2')).toBe(false);
  });

  it('a leaver who left before the plan began is simply not on it', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota prorate by calendar days
  measure attainment = bookings / q`),
    );
    const attrs = { annual_quota: '400000', hire_date: '2020-01-01' };
    const results = run(
      plan,
      { payees: [payee('gone', attrs, { plans: [{ plan: 'Test', to: '2025-12-31' }] })] },
      Q,
    );
    expect(results.errors).toEqual([]);
    expect(results.statements.filter((s) => s.payee === 'gone')).toEqual([]);
  });

  it('take quota relief off, never below zero', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25% relief sum(quota_relief.amount)
  measure attainment = bookings / q`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep', { annual_quota: '400000', hire_date: '2020-01-01' })],
        records: {
          quota_relief: rows(
            { id: 'R1', rep: 'rep', amount: '15000', granted_on: '2026-02-01' },
            { id: 'R2', rep: 'rep', amount: '500000', granted_on: '2026-05-01' },
          ),
        },
      },
      ['2026-Q1', '2026-Q2'],
    );
    // 100,000 - 15,000 = 85,000; 100,000 - 500,000 is below zero: 0.
    expect(quotaOf(results, 'rep', '2026-Q1')).toBe('85000');
    expect(quotaOf(results, 'rep', '2026-Q2')).toBe('0');
    // The trace says why the quota is 0, with the amounts: 100,000 - 500,000 = -400,000.
    const q2 = statement(results, 'rep', '2026-Q2').quotas[0];
    expect(q2?.trace.text).toBe(
      'the relief of 500,000.00 USD is more than the 100,000.00 USD of quota before relief, ' +
        'so the quota is 0, not -400,000.00 USD (a quota is never below zero)',
    );
    expect(explain(results, { payee: 'rep', period: '2026-Q2', quota: 'q' })?.sentence).toBe(
      'q is 0.00 USD: base 400,000.00 USD, seasonality 25%, relief 500,000.00 USD; ' +
        'the relief of 500,000.00 USD is more than the 100,000.00 USD of quota before relief, ' +
        'so the quota is 0, not -400,000.00 USD (a quota is never below zero)',
    );
    // A quota relief leaves above zero says nothing more.
    expect(statement(results, 'rep', '2026-Q1').quotas[0]?.trace).not.toHaveProperty('text');
  });

  it('say when a quota below zero without relief is 0', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25%`),
    );
    const results = run(
      plan,
      { payees: [payee('rep', { annual_quota: '-4000', hire_date: '2020-01-01' })] },
      ['2026-Q1'],
    );
    // -4,000 x 25% = -1,000.
    expect(statement(results, 'rep', '2026-Q1').quotas[0]?.trace.text).toBe(
      'the quota comes to -1,000.00 USD, so it is 0 (a quota is never below zero)',
    );
  });

  it('read quotas from data, and warn when one is missing', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota team from data
  measure attainment = bookings / team`),
    );
    const results = run(
      plan,
      {
        payees: [payee('m1', { annual_quota: '1', hire_date: '2020-01-01' })],
        quotas: [{ payee: 'm1', quota: 'team', period: '2026-Q1', amount: '250000' }],
      },
      ['2026-Q1', '2026-Q2'],
    );
    expect(quotaOf(results, 'm1', '2026-Q1', 'team')).toBe('250000');
    expect(quotaOf(results, 'm1', '2026-Q2', 'team')).toBe('0');
    // One warning, under the quota's own rule, though both the statement and attainment read it.
    expect(results.warnings.map((w) => [w.period, w.code, w.rule?.name, w.message])).toEqual([
      ['2026-Q2', 'no-value', 'team', 'there is no team for m1 in 2026-Q2 in the quota data'],
    ]);
  });

  it('reject a quota from data below zero, as a data error of its row', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota team from data
  measure attainment = bookings / team`),
    );
    const data = {
      payees: [payee('m1', { annual_quota: '1', hire_date: '2020-01-01' })],
      quotas: [{ payee: 'm1', quota: 'team', period: '2026-Q1', amount: '-1000' }],
      records: { deals: rows({ id: 'D1', owner: 'm1', amount: '500', close_date: '2026-01-02' }) },
    };
    const strict = run(plan, data, ['2026-Q1']);
    expect(strict.errors.map((e) => [e.code, e.reason])).toEqual([
      ['bad-number', 'quotas row 1: amount is "-1000", which is below zero (a quota is never below zero)'],
    ]);
    // Lenient: the row is left out, so there is no quota and no attainment, with a warning. Read as
    // it was (before the fix), attainment was 500 / -1,000 = -50%.
    const lenient = run(plan, data, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.rejected.map((r) => [r.source, r.row])).toEqual([['quotas', 1]]);
    expect(statement(lenient, 'm1', '2026-Q1').measures[0]?.value).toBeNull();
    // A zero quota is a quota: no error (attainment 500 / 0 has no value).
    const zero = [{ payee: 'm1', quota: 'team', period: '2026-Q1', amount: '0' }];
    expect(run(plan, { ...data, quotas: zero }, ['2026-Q1']).errors).toEqual([]);
  });

  it('say when a computed quota has no base: no quota, with a warning', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { annual_quota: Money optional }
  credit bookings from deals { to owner }
  quota q = payee.annual_quota seasonality 25%, 25%, 25%, 25%
  measure attainment = bookings / q
  commission c = bookings * 1% when attainment >= 50%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('new', { annual_quota: '' })],
        records: { deals: rows({ id: 'D1', owner: 'new', amount: '1000', close_date: '2026-01-10' }) },
      },
      ['2026-Q1'],
    );
    // No base, so no quota and no attainment (1,000 / no value), and the gate is closed: 0 paid.
    // Before the fix nothing said why: no warning at all.
    expect(statement(results, 'new', '2026-Q1').measures[0]?.value).toBeNull();
    expect(results.warnings.map((w) => [w.code, w.rule?.name, w.message])).toEqual([
      ['no-value', 'q', 'payee.annual_quota has no value for new, so q has no value in 2026-Q1'],
    ]);
    expect(statement(results, 'new', '2026-Q1').quotas[0]?.trace.text).toBe(
      'no quota: payee.annual_quota has no value',
    );
  });

  it('warn of no missing quota in the periods before a hire, which a year to date reads', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota team from data
  measure attainment = ytd(bookings) / ytd(team)`),
    );
    const results = run(
      plan,
      {
        payees: [
          payee('old', { annual_quota: '1', hire_date: '2020-01-01' }),
          payee(
            'new',
            { annual_quota: '1', hire_date: '2026-07-01' },
            { plans: [{ plan: 'Test', from: '2026-07-01' }] },
          ),
        ],
        quotas: [
          ...['2026-Q1', '2026-Q2', '2026-Q3'].map((period) => ({
            payee: 'old',
            quota: 'team',
            period,
            amount: '1000',
          })),
          { payee: 'new', quota: 'team', period: '2026-Q3', amount: '1000' },
        ],
        records: { deals: rows({ id: 'D1', owner: 'new', amount: '500', close_date: '2026-08-02' }) },
      },
      ['2026-Q1', '2026-Q2', '2026-Q3'],
    );
    // new joined on 1 July: year to date in Q3 is 500 / 1,000 = 50%, Q1 and Q2 having no quota.
    expect(statement(results, 'new', '2026-Q3').measures[0]?.value).toBe('0.5');
    // Before the fix: 'there is no team for new in 2026-Q1 in the quota data', and for Q2, though
    // new has no statement then and needs no quota.
    expect(results.warnings).toEqual([]);
  });

  it('warn of nothing in the periods before a hire that a year to date of attainment reads', () => {
    const plan = planOf(
      quarterly(`${SOURCES}
  quota q = payee.annual_quota prorate by calendar days
  measure attainment = bookings / q
  measure ytd_attainment = ytd(attainment)`),
    );
    const results = run(
      plan,
      {
        payees: [
          payee(
            'new',
            { annual_quota: '100', hire_date: '2026-07-01' },
            { plans: [{ plan: 'Test', from: '2026-07-01' }] },
          ),
        ],
        records: { deals: rows({ id: 'D1', owner: 'new', amount: '500', close_date: '2026-08-02' }) },
      },
      ['2026-Q1', '2026-Q2', '2026-Q3'],
    );
    // Q3: 500 / 100 (92 of 92 days) = 500%; Q1 and Q2, before the hire, have a quota of 0 days and
    // no attainment, left out of the year to date: 500%.
    expect(statement(results, 'new', '2026-Q3').measures.map((m) => m.value)).toEqual(['5', '5']);
    // Before the fix: 'a division by zero has no value' for new in 2026-Q1 and in 2026-Q2, periods
    // new has no statement in.
    expect(results.warnings).toEqual([]);
  });
});
