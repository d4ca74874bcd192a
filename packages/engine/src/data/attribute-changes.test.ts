import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import { dataHash } from '../results/hash.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { explain } from '../trace/explain.js';
import type { AttributeChange, Dataset } from './dataset.js';

// The enterprise AE plan's pay, cut down: the quarterly target incentive is a quarter of the
// variable pay (OTE less base), and the commission is capped at twice it. A February fiscal year:
// Q2 is May to July, Q3 August to October.
const PLAN = planOf(`plan "AE" version "1" {
  currency USD
  period quarter
  fiscal year starts february
  effective 2026-02-01 to 2027-01-31
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee {
    ote: Money
    base: Money
    region: Text optional
    rate: Percent optional
  }
  let target_incentive: Money = (payee.ote - payee.base) / 4
  credit bookings from deals { to owner }
  commission new_business = bookings * 100%
    cap 2 * target_incentive
}`);

/** A plan like {@link PLAN} with its own payee block, credit and earning (one line each). */
function aePlan(payeeBlock: string, credit: string, earning: string) {
  return planOf(`plan "AE" version "1" {
  currency USD
  period quarter
  fiscal year starts february
  effective 2026-02-01 to 2027-01-31
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { ${payeeBlock} }
  ${credit}
  ${earning}
}`);
}

// 200,000 booked in Q2 and in Q3: far above any cap, so each quarter pays its cap.
const DEALS = rows(
  { id: 'D1', owner: 'ae', amount: '200000', close_date: '2026-05-15' },
  { id: 'D2', owner: 'ae', amount: '200000', close_date: '2026-08-15' },
);
const AE = payee('ae', { ote: '200000', base: '100000' });
const QUARTERS = ['2026-Q2', '2026-Q3'];

function data(changes: AttributeChange[] | undefined, payees = [AE]): Dataset {
  const dataset: Dataset = { payees, records: { deals: DEALS } };
  if (changes !== undefined) dataset.attributeChanges = changes;
  return dataset;
}

const raise = (from: string, value = '240000'): AttributeChange => ({
  payee: 'ae',
  attribute: 'ote',
  value,
  from,
});

const payouts = (results: Results) => results.statements.map((s) => [s.payee, s.period, s.payout]);

describe('an OTE raise from a date', () => {
  it('caps each quarter at twice the target incentive of the OTE in force at its end', () => {
    const results = run(PLAN, data([raise('2026-08-01')]), QUARTERS);
    expect(results.errors).toEqual([]);
    expect(payouts(results)).toEqual([
      // Q2 (ends 2026-07-31, before the raise): (200,000 - 100,000) / 4 = 25,000; cap 2 x 25,000 = 50,000
      ['ae', '2026-Q2', '50000.00'],
      // Q3 (ends 2026-10-31, after it): (240,000 - 100,000) / 4 = 35,000; cap 2 x 35,000 = 70,000
      ['ae', '2026-Q3', '70000.00'],
    ]);
  });

  it('without the change, pays both quarters on the OTE of the payee row', () => {
    // (200,000 - 100,000) / 4 x 2 = 50,000 in each quarter
    expect(payouts(run(PLAN, data(undefined), QUARTERS))).toEqual([
      ['ae', '2026-Q2', '50000.00'],
      ['ae', '2026-Q3', '50000.00'],
    ]);
  });

  it('dated on the last day of a quarter, applies to that whole quarter (no proration)', () => {
    // 2026-07-31 is Q2's last day: (240,000 - 100,000) / 4 x 2 = 70,000 in Q2 and in Q3
    expect(payouts(run(PLAN, data([raise('2026-07-31')]), QUARTERS))).toEqual([
      ['ae', '2026-Q2', '70000.00'],
      ['ae', '2026-Q3', '70000.00'],
    ]);
    // A day later, 2026-08-01, is Q3's first day: Q2 keeps 50,000
    expect(payouts(run(PLAN, data([raise('2026-08-01')]), ['2026-Q2']))).toEqual([
      ['ae', '2026-Q2', '50000.00'],
    ]);
  });

  it('follows the changes in order of date, each until the next', () => {
    const changes = [raise('2026-09-01', '300000'), raise('2026-05-01', '220000')];
    expect(payouts(run(PLAN, data(changes), QUARTERS))).toEqual([
      // Q2 (to 2026-07-31): 220,000 from 2026-05-01: (220,000 - 100,000) / 4 x 2 = 60,000
      ['ae', '2026-Q2', '60000.00'],
      // Q3 (to 2026-10-31): 300,000 from 2026-09-01: (300,000 - 100,000) / 4 x 2 = 100,000
      ['ae', '2026-Q3', '100000.00'],
    ]);
  });

  it('reads the value of a payee who leaves mid-quarter on their last day on the plan', () => {
    const leaver = payee('ae', AE.attributes, { plans: [{ plan: 'AE', to: '2026-06-30' }] });
    // On the plan until 2026-06-30 only: Q2 reads the OTE of 2026-06-30, before the raise of
    // 2026-07-15: (200,000 - 100,000) / 4 x 2 = 50,000
    expect(payouts(run(PLAN, data([raise('2026-07-15')], [leaver]), QUARTERS))).toEqual([
      ['ae', '2026-Q2', '50000.00'],
    ]);
    // A raise on their last day counts: (240,000 - 100,000) / 4 x 2 = 70,000
    expect(payouts(run(PLAN, data([raise('2026-06-30')], [leaver]), QUARTERS))).toEqual([
      ['ae', '2026-Q2', '70000.00'],
    ]);
  });

  it('dated before the plan starts, applies from its first period', () => {
    // 240,000 from 2025-06-01: (240,000 - 100,000) / 4 x 2 = 70,000 in Q2 and in Q3
    expect(payouts(run(PLAN, data([raise('2025-06-01')]), QUARTERS))).toEqual([
      ['ae', '2026-Q2', '70000.00'],
      ['ae', '2026-Q3', '70000.00'],
    ]);
  });

  it("explain shows the target incentive of each quarter's OTE", () => {
    const results = run(PLAN, data([raise('2026-08-01')]), QUARTERS);
    // Q3: (240,000 - 100,000) / 4 = 35,000; capped at 2 x 35,000 = 70,000
    expect(explain(results, { payee: 'ae', period: '2026-Q3', earning: 'new_business' })?.sentence).toBe(
      'new_business is 70,000.00 USD: bookings 200,000.00 USD x 100%, target_incentive 35,000.00 USD, value 200,000.00 USD; capped at 70,000.00 USD',
    );
  });

  it('explain shows the OTE used in each quarter', () => {
    // The cap written with the attributes themselves, so that the earning's trace reads them.
    const plan = planOf(`plan "AE" version "1" {
  currency USD
  period quarter
  fiscal year starts february
  effective 2026-02-01 to 2027-01-31
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { ote: Money
    base: Money }
  credit bookings from deals { to owner }
  commission new_business = bookings * 100%
    cap (payee.ote - payee.base) / 2
}`);
    const results = run(plan, data([raise('2026-08-01')]), QUARTERS);
    const sentence = (period: string) =>
      explain(results, { payee: 'ae', period, earning: 'new_business' })?.sentence;
    // Q2: (200,000 - 100,000) / 2 = 50,000
    expect(sentence('2026-Q2')).toBe(
      'new_business is 50,000.00 USD: bookings 200,000.00 USD x 100%, payee.ote 200,000.00 USD, payee.base 100,000.00 USD, value 200,000.00 USD; capped at 50,000.00 USD',
    );
    // Q3: the OTE of 2026-08-01 on: (240,000 - 100,000) / 2 = 70,000
    expect(sentence('2026-Q3')).toBe(
      'new_business is 70,000.00 USD: bookings 200,000.00 USD x 100%, payee.ote 240,000.00 USD, payee.base 100,000.00 USD, value 200,000.00 USD; capped at 70,000.00 USD',
    );
  });
});

describe('an optional attribute changed to no value', () => {
  const plan = aePlan(
    'bonus: Money optional',
    'credit bookings from deals { to owner }',
    'bonus flat = payee.bonus',
  );

  it('has no value from the date on', () => {
    const results = run(
      plan,
      {
        payees: [payee('ae', { bonus: '1000' })],
        records: { deals: DEALS },
        attributeChanges: [{ payee: 'ae', attribute: 'bonus', value: '', from: '2026-08-01' }],
      },
      QUARTERS,
    );
    expect(results.errors).toEqual([]);
    // Q2: 1,000 from the payee row; Q3: no value from 2026-08-01, so the bonus pays 0
    expect(payouts(results)).toEqual([
      ['ae', '2026-Q2', '1000.00'],
      ['ae', '2026-Q3', '0.00'],
    ]);
  });
});

describe("another payee's attribute", () => {
  const plan = aePlan(
    'target: Money',
    'credit bookings from deals { to owner }',
    'bonus kicker = payee.manager.target * 1%',
  );
  // The manager is on another plan: no statement here, but the rep's kicker reads their target.
  const manager = payee('mgr', { target: '100000' }, { plans: [{ plan: 'Managers' }] });
  const rep = payee('ae', { target: '50000' }, { manager: 'mgr' });
  const change: AttributeChange = { payee: 'mgr', attribute: 'target', value: '300000', from: '2026-07-15' };

  it("is read on the calculated payee's day, for a payee off the plan too", () => {
    const results = run(
      plan,
      { payees: [rep, manager], records: { deals: DEALS }, attributeChanges: [change] },
      QUARTERS,
    );
    expect(results.errors).toEqual([]);
    expect(payouts(results)).toEqual([
      // Q2 ends 2026-07-31, after the manager's change of 2026-07-15: 300,000 x 1% = 3,000
      ['ae', '2026-Q2', '3000.00'],
      // Q3: 300,000 x 1% = 3,000
      ['ae', '2026-Q3', '3000.00'],
    ]);
  });

  it("of a rep who leaves before the manager's change, is the value before it", () => {
    const leaver = payee(
      'ae',
      { target: '50000' },
      { manager: 'mgr', plans: [{ plan: 'AE', to: '2026-06-30' }] },
    );
    const results = run(
      plan,
      { payees: [leaver, manager], records: { deals: DEALS }, attributeChanges: [change] },
      QUARTERS,
    );
    // The rep's last day on the plan is 2026-06-30, before 2026-07-15: 100,000 x 1% = 1,000
    expect(payouts(results)).toEqual([['ae', '2026-Q2', '1000.00']]);
  });

  it("of a payee off the plan without it in payees, has a value from the change's date", () => {
    const noTarget = payee('mgr', {}, { plans: [{ plan: 'Managers' }] });
    const results = run(
      plan,
      { payees: [rep, noTarget], records: { deals: DEALS }, attributeChanges: [change] },
      ['2026-Q1', '2026-Q2'],
    );
    expect(results.errors).toEqual([]);
    expect(payouts(results)).toEqual([
      ['ae', '2026-Q1', '0.00'], // Q1 ends 2026-04-30: the manager's target has no value yet
      ['ae', '2026-Q2', '3000.00'], // 300,000 from 2026-07-15, before Q2's end: 300,000 x 1%
    ]);
    expect(results.warnings.filter((w) => w.payee === 'mgr').map((w) => w.message)).toEqual([
      'payees row 2: target is missing; mgr is not on plan "AE" in the periods calculated, so the row is kept, but where the plan reads target of mgr (payee.manager.target) it has no value before 2026-07-15, its first change in attributeChanges',
    ]);
  });

  it('of a payee with no statement, changes nothing else and is no error', () => {
    const results = run(
      plan,
      {
        payees: [payee('ae', { target: '50000' }), manager],
        records: { deals: DEALS },
        attributeChanges: [change],
      },
      QUARTERS,
    );
    expect(results.errors).toEqual([]);
    // ae has no manager: no kicker. mgr is on another plan: no statement.
    expect(payouts(results)).toEqual([
      ['ae', '2026-Q2', '0.00'],
      ['ae', '2026-Q3', '0.00'],
    ]);
  });
});

describe("a record's payee's attribute, in a credit's condition", () => {
  const plan = aePlan(
    'region: Text',
    'credit emea from deals where owner.region = "EMEA" { to owner }',
    'commission c = emea * 10%',
  );

  it('is the value in force on the last day of the period', () => {
    const results = run(
      plan,
      {
        payees: [payee('ae', { region: 'NA' })],
        records: { deals: DEALS },
        attributeChanges: [{ payee: 'ae', attribute: 'region', value: 'EMEA', from: '2026-08-01' }],
      },
      QUARTERS,
    );
    expect(payouts(results)).toEqual([
      ['ae', '2026-Q2', '0.00'], // NA on 2026-07-31: D1 is not credited
      ['ae', '2026-Q3', '20000.00'], // EMEA on 2026-10-31: D2 200,000 x 10%
    ]);
  });
});

describe('errors in attribute changes', () => {
  // A payee with an error of their own (ote is no amount) and one change row per error.
  const bad = payee('bad', { ote: 'lots', base: '100000' });
  const changes = [
    { payee: 'nobody', attribute: 'ote', value: '240000', from: '2026-08-01' },
    { payee: 'bad', attribute: 'ote', value: '240000', from: '2026-08-01' },
    { payee: 'ae', attribute: 'OTE', value: '240000', from: '2026-08-01' },
    { payee: 'ae', attribute: 'name', value: 'Ann', from: '2026-08-01' },
    { payee: 'ae', attribute: 'ote', value: '240000', from: '2026-02-30' },
    { payee: 'ae', attribute: 'ote', value: '240000', from: '' },
    { payee: 'ae', attribute: 'ote', value: '24O000', from: '2026-08-02' },
    { payee: 'ae', attribute: 'ote', value: '240000 EUR', from: '2026-08-03' },
    { payee: 'ae', attribute: 'ote', value: '', from: '2026-08-04' },
    { payee: 'ae', attribute: 'ote', value: '250000', from: '2026-09-01' },
    { payee: 'ae', attribute: 'ote', value: '260000', from: '2026-09-01' },
    { payee: 'ae', attribute: 'rate', value: 'ten', from: '2026-09-01' },
  ] as AttributeChange[];
  const dataset = data(changes, [AE, bad]);

  it('are data errors naming attributeChanges, the row, the field and why, in strict mode', () => {
    const results = run(PLAN, dataset, QUARTERS);
    expect(results.statements).toEqual([]);
    const errors = results.errors.filter((e) => e.source === 'attributeChanges');
    expect(errors.map((e) => [e.row, e.code, e.field, e.reason])).toEqual([
      [1, 'unknown-payee', 'payee', 'attributeChanges row 1: payee is "nobody", who is not among the payees'],
      [2, 'unknown-payee', 'payee', 'attributeChanges row 2: payee is "bad", who has errors in payees row 2'],
      [
        3,
        'unknown-attribute',
        'attribute',
        'attributeChanges row 3: attribute is "OTE", which is not an attribute of the payee block of plan "AE" (did you mean ote? its attributes: ote, base, region, rate)',
      ],
      [
        4,
        'unknown-attribute',
        'attribute',
        'attributeChanges row 4: attribute is "name", which is not an attribute of the payee block of plan "AE" (its attributes: ote, base, region, rate); a payee name is not dated: write it in payees',
      ],
      [
        5,
        'bad-date',
        'from',
        'attributeChanges row 5: from is "2026-02-30", which is not a date (write it as YYYY-MM-DD)',
      ],
      [6, 'missing-field', 'from', 'attributeChanges row 6: from is missing'],
      // The messages of a payee's attributes, with the attribute's name; the field is the cell, value.
      [
        7,
        'bad-number',
        'value',
        'attributeChanges row 7: ote is "24O000", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      ],
      [8, 'currency-mismatch', 'value', 'attributeChanges row 8: ote is "240000 EUR", which is not in USD'],
      [
        9,
        'missing-field',
        'value',
        'attributeChanges row 9: ote is missing: only an optional attribute can be left without a value from a date',
      ],
      // Every copy: nothing says which is right.
      [
        10,
        'duplicate-key',
        'from',
        'attributeChanges row 10: the ote of ae from 2026-09-01 is also given in row 11',
      ],
      [
        11,
        'duplicate-key',
        'from',
        'attributeChanges row 11: the ote of ae from 2026-09-01 is also given in row 10',
      ],
      [
        12,
        'bad-percent',
        'value',
        'attributeChanges row 12: rate is "ten", which is not a percentage (write 12% or 0.12)',
      ],
    ]);
  });

  it('leave their rows out in lenient mode, listed in rejected; the rest is paid', () => {
    const good = { payee: 'ae', attribute: 'ote', value: '240000', from: '2026-08-01', row: 13 };
    const results = run(PLAN, data([...changes, good], [AE, bad]), QUARTERS, { mode: 'lenient' });
    expect(results.errors).toEqual([]);
    expect(results.rejected.filter((r) => r.source === 'attributeChanges').map((r) => r.row)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    // Only row 13 is kept: 240,000 from 2026-08-01 (not 250,000 or 260,000 from 2026-09-01)
    expect(payouts(results)).toEqual([
      ['ae', '2026-Q2', '50000.00'], // (200,000 - 100,000) / 4 x 2
      ['ae', '2026-Q3', '70000.00'], // (240,000 - 100,000) / 4 x 2
    ]);
  });

  it('a part that is not a list, or under a near name, is an outline error', () => {
    const notList = run(PLAN, { ...data(undefined), attributeChanges: 'x' as never }, QUARTERS);
    expect(notList.errors).toEqual([
      {
        source: 'attributeChanges',
        code: 'bad-type',
        reason:
          'attributeChanges is "x", which is not a list of attribute changes ([{ "payee", "attribute", "value", "from" }, …]): nothing in it is read',
      },
    ]);
    const misnamed = run(
      PLAN,
      { ...data(undefined), attribute_changes: [raise('2026-08-01')] } as Dataset,
      QUARTERS,
    );
    expect(misnamed.errors).toEqual([
      {
        source: 'dataset',
        code: 'unknown-part',
        field: 'attribute_changes',
        reason:
          'the dataset has "attribute_changes", which is not a part calculate reads (did you mean attributeChanges?): its 1 row is not read',
      },
    ]);
  });

  it('a Percent value above 1 written without % is read as a ratio, with a warning', () => {
    const results = run(
      PLAN,
      data([{ payee: 'ae', attribute: 'rate', value: '12', from: '2026-08-01' }]),
      QUARTERS,
    );
    expect(results.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'percent-as-ratio',
        'attributeChanges.rate has a value above 1 written without % (row 1), read as a ratio: 12 is 1,200%, not 12%. Write 12% (or 0.12) for 12 percent; a ratio above 1 written with % (1,200%) is not warned about',
      ],
    ]);
  });
});

describe('the data hash', () => {
  it('of a dataset without changes is what it was before attribute changes existed', () => {
    // The hash of this dataset computed before attributeChanges was added to the hash.
    const before = 'f93c22267645dc3596378b21f055720edfe86292ec5319524a7068d14527982d';
    expect(dataHash(data(undefined))).toBe(before);
    expect(dataHash(data([]))).toBe(before);
  });

  it('changes with a change, and with its value or date, but not with the order of changes', () => {
    const base = dataHash(data(undefined));
    const one = dataHash(data([raise('2026-08-01')]));
    expect(one).not.toBe(base);
    expect(dataHash(data([raise('2026-08-01', '250000')]))).not.toBe(one);
    expect(dataHash(data([raise('2026-08-02')]))).not.toBe(one);
    const two = [raise('2026-08-01'), { ...raise('2026-09-01', '250000'), row: 2 }];
    expect(dataHash(data([...two].reverse()))).toBe(dataHash(data(two)));
  });
});

describe('the order of changes', () => {
  const change = fc.record({
    payee: fc.constantFrom('ae', 'ae2'),
    attribute: fc.constantFrom('ote', 'base', 'region'),
    value: fc.integer({ min: 100_000, max: 400_000 }).map(String),
    from: fc
      .date({ min: new Date('2026-01-01'), max: new Date('2027-02-28'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  });
  const AE2 = payee('ae2', { ote: '150000', base: '90000' }, { plans: [{ plan: 'AE', to: '2026-09-10' }] });
  const deals = rows(
    { id: 'D1', owner: 'ae', amount: '200000', close_date: '2026-05-15' },
    { id: 'D2', owner: 'ae', amount: '200000', close_date: '2026-08-15' },
    { id: 'D3', owner: 'ae2', amount: '90000', close_date: '2026-06-15' },
    { id: 'D4', owner: 'ae2', amount: '90000', close_date: '2026-09-01' },
  );
  const periods = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

  test.prop([
    fc
      .array(change, { maxLength: 12 })
      .map((list) => list.map((c, i) => ({ ...c, row: i + 1 })))
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
    fc.constantFrom('strict', 'lenient') as fc.Arbitrary<'strict' | 'lenient'>,
  ])('does not change the results', ([list, shuffled], mode) => {
    const of = (changes: AttributeChange[]) =>
      JSON.stringify(
        calculate(
          PLAN,
          { payees: [AE, AE2], records: { deals }, attributeChanges: changes },
          { periods, mode },
        ),
      );
    expect(of(shuffled)).toBe(of(list));
  });
});

describe('the reasons engine.md gives (Data errors)', () => {
  it('are the reasons calculate gives', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { target: Money }
  credit bookings from deals { to owner }
  commission c = bookings * 1% cap payee.target`),
    );
    const change = (attribute: string, from: string): AttributeChange => ({
      payee: 'rep',
      attribute,
      value: '1000',
      from,
    });
    const results = run(
      plan,
      {
        payees: [payee('rep', { target: '500' })],
        attributeChanges: [
          change('target', '2026-01-01'),
          change('target', '2026-04-01'),
          change('Target', '2026-05-01'),
          change('target', '2026-07-01'),
          change('target', '2026-07-01'),
        ],
      },
      ['2026-Q3'],
    );
    expect(results.errors.map((e) => e.reason)).toEqual([
      'attributeChanges row 3: attribute is "Target", which is not an attribute of the payee block of plan "Test" (did you mean target? its attributes: target)',
      'attributeChanges row 4: the target of rep from 2026-07-01 is also given in row 5',
      'attributeChanges row 5: the target of rep from 2026-07-01 is also given in row 4',
    ]);
  });
});
