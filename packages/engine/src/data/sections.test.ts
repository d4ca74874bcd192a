import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import type { Dataset } from './dataset.js';
import { Problems } from './problems.js';
import { checkDataset } from './sections.js';

const body = (adjustment: string) => `
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  ${adjustment}
`;
const PLAN = planOf(quarterly(body('adjustment manual from data')));

const data: Dataset = {
  payees: [
    payee('a'),
    payee('gone', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] }),
    payee('other', {}, { plans: [{ plan: 'Other plan' }] }),
  ],
  records: { deals: rows({ id: 'D1', owner: 'a', amount: '100', close_date: '2026-01-01' }) },
  adjustments: [
    { id: 'M1', payee: 'gone', period: '2026-Q2', amount: '500', reason: 'after leaving' },
    { id: 'M2', payee: 'other', period: '2026-Q2', amount: '500', reason: 'not on the plan' },
    { id: 'M3', payee: 'gone', period: '2026-Q3', amount: '500', reason: 'not calculated' },
    { id: 'M4', payee: 'a', period: '2026-Q2', amount: '500', reason: 'ok' },
  ],
};

describe('manual adjustments of a calculated period without a statement', () => {
  it('are errors in strict mode, naming the row, the field and why', () => {
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2']);
    // M1 and M2 have no statement to go on; M3 is of a period this run does not calculate; M4 is paid.
    expect(results.statements).toEqual([]);
    expect(results.errors).toEqual([
      {
        source: 'adjustments',
        row: 1,
        key: 'M1',
        field: 'period',
        code: 'off-plan',
        reason:
          'adjustments row 1: period is "2026-Q2", but gone is on plan "Test" only 2026-01-01 to 2026-03-31, so gone has no statement in 2026-Q2 to pay the adjustment on',
      },
      {
        source: 'adjustments',
        row: 2,
        key: 'M2',
        field: 'period',
        code: 'off-plan',
        reason:
          'adjustments row 2: period is "2026-Q2", but other has no assignment to plan "Test", so other has no statement in 2026-Q2 to pay the adjustment on',
      },
    ]);
  });

  it('are rejected in lenient mode; the other adjustments are paid or left for their period', () => {
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.row, r.key, r.errors.map((e) => e.code)])).toEqual([
      [1, 'M1', ['off-plan']],
      [2, 'M2', ['off-plan']],
    ]);
    // a in Q2: nothing earned, M4 pays 500.00.
    const q2 = results.statements.find((s) => s.payee === 'a' && s.period === '2026-Q2');
    expect(q2?.adjustments.map((l) => [l.id, l.amount])).toEqual([['manual:M4', '500.00']]);
  });

  it('say where the currency of an amount written with it goes', () => {
    // "250 EUR" as amount: the engine reads adjustments' currency from currency, so the row is an
    // error that says how to write it; "250" with currency "EUR" (at 1 EUR = 1.1 USD on 31 March)
    // pays 250 x 1.1 = 275.00.
    const fx = [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' }];
    const a = (amount: string, currency?: string) => ({
      id: 'M6',
      payee: 'a',
      period: '2026-Q1',
      amount,
      ...(currency && { currency }),
      reason: 'missed deal',
    });
    const wrong = run(PLAN, { ...data, fx, adjustments: [a('250 EUR')] }, ['2026-Q1']);
    expect(wrong.errors.map((e) => [e.code, e.reason])).toEqual([
      [
        'bad-number',
        'adjustments row 1: amount is "250 EUR", which is not a number: the currency goes in currency ("amount": "250", "currency": "EUR")',
      ],
    ]);
    const right = run(PLAN, { ...data, fx, adjustments: [a('250', 'EUR')] }, ['2026-Q1']);
    const q1 = right.statements.find((s) => s.payee === 'a');
    expect(q1?.adjustments.map((l) => [l.id, l.amount])).toEqual([['manual:M6', '275.00']]);
  });

  it('name the plan dates for a period outside them', () => {
    const after = { id: 'M5', payee: 'a', period: '2027-Q1', amount: '1', reason: 'late' };
    const results = run(PLAN, { ...data, adjustments: [after] }, ['2026-Q4', '2027-Q1']);
    expect(results.errors.map((e) => e.reason)).toEqual([
      'adjustments row 1: period is "2027-Q1", but plan "Test" is in effect only 2026-01-01 to 2026-12-31, so a has no statement in 2027-Q1 to pay the adjustment on',
    ]);
    // Not calculated: no error.
    expect(run(PLAN, { ...data, adjustments: [after] }, ['2026-Q4']).errors).toEqual([]);
  });

  it('are no errors for a plan that does not read adjustments (a warning says so)', () => {
    const results = run(planOf(quarterly(body(''))), data, ['2026-Q1', '2026-Q2']);
    expect(results.errors).toEqual([]);
    expect(results.warnings.map((w) => w.code)).toEqual(['adjustments-not-read']);
  });
});

describe('the outline of a dataset', () => {
  const payees = [payee('a')];
  const deals = rows({ id: 'D1', owner: 'a', amount: '100', close_date: '2026-02-01' });
  // Data from JSON is not typed: each case is a dataset as a host app might pass it.
  const calc = (data: unknown, mode: 'strict' | 'lenient' = 'strict') =>
    calculate(PLAN, data as Dataset, { periods: ['2026-Q1'], mode });
  const reasons = (data: unknown) => calc(data).errors.map((e) => [e.source, e.field, e.code, e.reason]);

  it('is checked: a misnamed source is an error with a did-you-mean, and nothing is paid in strict mode', () => {
    const data = { payees, records: { Deals: deals } };
    expect(reasons(data)).toEqual([
      [
        'records',
        'Deals',
        'unknown-part',
        'records has "Deals", which is not a source of plan "Test" (did you mean deals?): its 1 row is not read, and deals has no records',
      ],
    ]);
    expect(calc(data).statements).toEqual([]);
    // The name is data: quoted cut when long, with its invisible characters written out.
    const pasted = `deals\u200B${'x'.repeat(120)}`;
    expect(calc({ payees, records: { [pasted]: deals } }).warnings.map((w) => w.message)).toEqual([
      `records has "deals\\u200B${'x'.repeat(94)}…" (126 characters), which is not a source of plan "Test": its 1 row is not read (the plan's sources: deals)`,
    ]);
    // Lenient: the part is listed in `rejected` (with no row), and a's payout is 0.00 (D1 was not read).
    const lenient = calc(data, 'lenient');
    expect(lenient.rejected.map((r) => [r.source, r.row, r.errors.length])).toEqual([
      ['records', undefined, 1],
    ]);
    expect(lenient.statements.map((s) => s.payout)).toEqual(['0.00']);
  });

  it('needs payees and records, each of its shape', () => {
    expect(reasons({ payees })).toEqual([
      [
        'records',
        undefined,
        'missing-field',
        'records is missing: write the records of each source by source name ({ "deals": [{ "values": { … } }, …] }) (the plan\'s sources: deals)',
      ],
    ]);
    expect(reasons({ payees, records: deals })).toEqual([
      [
        'records',
        undefined,
        'bad-type',
        'records is a list, which is not the records of each source by source name ({ "deals": [{ "values": { … } }, …] }): nothing in it is read',
      ],
    ]);
    expect(reasons({ payees, records: { deals: { a: 1 } } })).toEqual([
      [
        'records',
        'deals',
        'bad-type',
        'records.deals is an object, which is not a list of rows ([{ "values": { … } }, …]): none of its rows is read',
      ],
    ]);
    // Without payees, D1's owner is nobody: that error comes too.
    expect(reasons({ records: { deals } }).filter((r) => r[0] === 'payees')).toEqual([
      [
        'payees',
        undefined,
        'missing-field',
        'payees is missing: write a list of payees ([{ "id", "name", "attributes" }, …])',
      ],
    ]);
    expect(
      reasons({ payees: { a: payees[0] }, records: { deals } }).filter((r) => r[0] === 'payees'),
    ).toEqual([
      [
        'payees',
        undefined,
        'bad-type',
        'payees is an object, which is not a list of payees ([{ "id", "name", "attributes" }, …]): nothing in it is read',
      ],
    ]);
  });

  it('needs the optional parts as lists when they are given', () => {
    const adjustment = { id: 'A1', payee: 'a', period: '2026-Q1', amount: '100', reason: 'x' };
    expect(reasons({ payees, records: { deals }, fx: 'x' })).toEqual([
      [
        'fx',
        undefined,
        'bad-type',
        'fx is "x", which is not a list of FX rates ([{ "from", "to", "date", "rate" }, …]): nothing in it is read',
      ],
    ]);
    expect(reasons({ payees, records: { deals }, adjustments: adjustment })).toEqual([
      [
        'adjustments',
        undefined,
        'bad-type',
        'adjustments is an object, which is not a list of manual adjustments ([{ "id", "payee", "period", "amount", "reason" }, …]): nothing in it is read',
      ],
    ]);
    expect(reasons({ payees, records: { deals }, quotas: {}, territoryAssignments: 1 })).toEqual([
      [
        'quotas',
        undefined,
        'bad-type',
        'quotas is an object, which is not a list of quotas ([{ "payee", "quota", "period", "amount" }, …]): nothing in it is read',
      ],
      [
        'territoryAssignments',
        undefined,
        'bad-type',
        'territoryAssignments is 1, which is not a list of territory assignments ([{ "payee", "territory", "role" }, …]): nothing in it is read',
      ],
    ]);
    // Earlier results that are not results stop the run (checked with the earlier results).
    expect(reasons({ payees, records: { deals }, previous: 'x' }).map((r) => r[0])).toEqual(['previous']);
    // Lenient: the adjustments are left out and listed; D1 is paid: 100 x 10% = 10.00.
    const lenient = calc({ payees, records: { deals }, adjustments: adjustment }, 'lenient');
    expect(lenient.rejected.map((r) => r.source)).toEqual(['adjustments']);
    expect(lenient.statements.map((s) => s.payout)).toEqual(['10.00']);
    // Absent or null: nothing to read, no error.
    const none = { payees, records: { deals }, fx: null, quotas: undefined, adjustments: null };
    expect(calc(none).errors).toEqual([]);
  });

  it('names a part under a name nothing reads: an error when the part it means is missing, else a warning', () => {
    expect(reasons({ payees, records: { deals }, territory_assignments: [{}] })).toEqual([
      [
        'dataset',
        'territory_assignments',
        'unknown-part',
        'the dataset has "territory_assignments", which is not a part calculate reads (did you mean territoryAssignments?): its 1 row is not read',
      ],
    ]);
    expect(reasons({ payees, records: {}, deals })).toEqual([
      [
        'dataset',
        'deals',
        'unknown-part',
        'the dataset has "deals", which is not a part calculate reads (did you mean records.deals?): its 1 row is not read',
      ],
    ]);
    const unread = calc({ payees, records: { deals, leads: [] }, accounts: [] });
    expect(unread.errors).toEqual([]);
    expect(unread.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'unread-part',
        'records has "leads", which is not a source of plan "Test": it is not read (the plan\'s sources: deals)',
      ],
      [
        'unread-part',
        'the dataset has "accounts", which is not a part calculate reads: it is not read (the parts read: payees, records, fx, quotas, territoryAssignments, adjustments, attributeChanges, previous)',
      ],
    ]);
    // D1 is read and paid: 100 x 10% = 10.00.
    expect(unread.statements.map((s) => s.payout)).toEqual(['10.00']);
  });

  it('points a top-level part named like a source to that source, even with a look-alike source', () => {
    // Sources Deals and deals. "deals" at the top of the dataset is records.deals: with records.deals
    // missing, its rows are lost (an error); with records.deals given, they are only not read.
    const twins = planOf(
      quarterly(`
  source Deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  credit big_bookings from Deals { to owner }
  commission c = (bookings + big_bookings) * 10% per line
`),
    );
    const what =
      'the dataset has "deals", which is not a part calculate reads (did you mean records.deals?): its 1 row is not read';
    const lost = calculate(twins, { payees, records: { Deals: deals }, deals } as unknown as Dataset, {
      periods: ['2026-Q1'],
      mode: 'strict',
    });
    expect(lost.errors.map((e) => [e.source, e.field, e.code, e.reason])).toEqual([
      ['dataset', 'deals', 'unknown-part', what],
    ]);
    const given = calculate(twins, { payees, records: { deals }, deals } as unknown as Dataset, {
      periods: ['2026-Q1'],
      mode: 'strict',
    });
    expect(given.warnings.map((w) => [w.code, w.message])).toContainEqual([
      'unread-part',
      `${what} (the parts read: payees, records, fx, quotas, territoryAssignments, adjustments, attributeChanges, previous)`,
    ]);
  });

  it('is checked as a whole when it is not an object', () => {
    const problems = new Problems();
    expect(checkDataset(PLAN, null, problems)).toEqual([]);
    expect(problems.errors()).toEqual([
      {
        source: 'dataset',
        code: 'bad-type',
        reason:
          'the dataset is null, which is not an object of payees and records ({ "payees": [...], "records": { ... } })',
      },
    ]);
  });

  it('gives no problem for a dataset of the right shape', () => {
    const problems = new Problems();
    const data = {
      payees,
      records: { deals },
      fx: [],
      quotas: [],
      territoryAssignments: [],
      adjustments: [],
    };
    expect(checkDataset(PLAN, data, problems)).toEqual([]);
    expect(problems.size).toBe(0);
  });
});

describe('a manual adjustment naming an earning the plan does not have', () => {
  const adjusted = (earning: string | undefined, plan = PLAN, periods = ['2026-Q1']) =>
    run(
      plan,
      {
        payees: [payee('a')],
        records: { deals: [] },
        adjustments: [
          {
            id: 'A4',
            payee: 'a',
            period: '2026-Q1',
            amount: '7',
            reason: 'x',
            ...(earning ? { earning } : {}),
          },
        ],
      },
      periods,
    );

  it("is paid, with an unknown-earning warning naming the adjustment, the earning and the plan's earnings", () => {
    const results = adjusted('nope');
    expect(results.errors).toEqual([]);
    // No deals: the commission is 0; the adjustment pays 7.
    expect(results.statements.map((s) => [s.payee, s.payout])).toEqual([['a', '7.00']]);
    expect(results.warnings).toEqual([
      {
        code: 'unknown-earning',
        payee: 'a',
        period: '2026-Q1',
        message:
          'adjustments row 1: earning is "nope", which is not an earning of plan "Test" (its earnings: c); adjustment A4 is paid all the same, and reported under "nope"',
      },
    ]);
  });

  it("is no warning in a run that does not calculate the adjustment's period: it pays nothing of it", () => {
    // A4 is of 2026-Q1; a run of 2026-Q2 pays no adjustment and earns 0 (no deals): payout 0.00,
    // so "A4 is paid all the same" would be false there.
    const results = adjusted('nope', PLAN, ['2026-Q2']);
    expect(results.statements.map((s) => [s.payee, s.period, s.payout])).toEqual([['a', '2026-Q2', '0.00']]);
    expect(results.warnings.filter((w) => w.code === 'unknown-earning')).toEqual([]);
  });

  it('says which earning was likely meant', () => {
    // "C" differs from the commission c only in capitals.
    expect(adjusted('C').warnings.map((w) => w.message)).toEqual([
      'adjustments row 1: earning is "C", which is not an earning of plan "Test" (its earnings: c, did you mean "c"?); adjustment A4 is paid all the same, and reported under "C"',
    ]);
  });

  it("is no warning when the earning is the plan's, left out, or the plan reads no adjustments", () => {
    expect(adjusted('c').warnings).toEqual([]);
    expect(adjusted(undefined).warnings).toEqual([]);
    // Without `adjustment ... from data` only adjustments-not-read is said.
    expect(adjusted('nope', planOf(quarterly(body('')))).warnings.map((w) => w.code)).toEqual([
      'adjustments-not-read',
    ]);
  });
});

describe('a manual adjustment of a period outside the plan', () => {
  const adjustment = (period: string) => ({ id: 'OLD', payee: 'a', period, amount: '250', reason: 'x' });
  const data = (period: string): Dataset => ({
    payees: [payee('a')],
    records: { deals: [] },
    adjustments: [adjustment(period)],
  });

  it('is named in an off-plan warning: no run of the plan would ever pay it', () => {
    // The plan runs 2026-01-01 to 2026-12-31; 2025-Q4 ends on 2025-12-31, a day before it.
    const results = run(PLAN, data('2025-Q4'), ['2026-Q1']);
    expect(results.errors).toEqual([]);
    // Nothing of the 250 is paid in 2026-Q1 (no deals: payout 0.00).
    expect(results.statements.map((s) => [s.payee, s.payout])).toEqual([['a', '0.00']]);
    expect(results.warnings).toEqual([
      {
        code: 'off-plan',
        payee: 'a',
        period: '2025-Q4',
        message:
          'adjustments row 1: adjustment OLD is for 2025-Q4, outside the effective dates of plan "Test" (2026-01-01 to 2026-12-31): no run of this plan calculates 2025-Q4, so it is not paid (give it to the plan in force then)',
      },
    ]);
    // The same after the plan (2027-Q1 starts on 2027-01-01).
    expect(run(PLAN, data('2027-Q1'), ['2026-Q4']).warnings.map((w) => [w.code, w.period])).toEqual([
      ['off-plan', '2027-Q1'],
    ]);
  });

  it('is no warning for a period of the plan, calculated or not, nor for a plan that reads no adjustments', () => {
    // 2026-Q2 is the plan's: the run of 2026-Q2 pays it (250.00); a run of 2026-Q1 leaves it for that run.
    expect(run(PLAN, data('2026-Q2'), ['2026-Q1']).warnings).toEqual([]);
    expect(run(PLAN, data('2026-Q2'), ['2026-Q2']).statements[0]?.payout).toBe('250.00');
    const unread = run(planOf(quarterly(body(''))), data('2025-Q4'), ['2026-Q1']);
    expect(unread.warnings.map((w) => w.code)).toEqual(['adjustments-not-read']);
  });
});

describe('rows given twice', () => {
  const errors = (data: Partial<Dataset>) =>
    run(PLAN, { payees: [payee('a')], records: { deals: [] }, ...data }, ['2026-Q1']).errors.map((e) => [
      e.row,
      e.reason,
    ]);

  it('name the other rows in row order, whatever the order of the input', () => {
    // Three EUR to USD rates of 2026-01-01, listed as rows 3, 2, 1: row 1 names rows 2 and 3.
    const rate = (row: number) => ({ row, from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' });
    expect(errors({ fx: [rate(3), rate(2), rate(1)] })).toContainEqual([
      1,
      'fx row 1: the EUR to USD rate of 2026-01-01 is also given in row 2, 3',
    ]);
    const adjustment = (row: number) => ({
      row,
      id: 'A1',
      payee: 'a',
      period: '2026-Q1',
      amount: '1',
      reason: 'x',
    });
    expect(errors({ adjustments: [adjustment(3), adjustment(2), adjustment(1)] })).toContainEqual([
      1,
      'adjustments row 1: id "A1" is also used in row 2, 3',
    ]);
  });
});
