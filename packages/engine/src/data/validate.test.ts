import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import type { DataRecord, Payee } from './dataset.js';
import { recordsByOwner } from './validate.js';

const plan = planOf(
  quarterly(`source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    fee: Money(EUR) optional
    local: Money converted on close_date
    close_date: Date dated
    term: Integer
    discount: Percent
    won: Boolean
    review: Period optional
  }
  payee { quota: Money, start: Date }
  credit bookings from deals { to owner }
  commission c = bookings * 1%`),
);

const good = {
  owner: 'rep',
  amount: '100',
  local: '100',
  close_date: '2026-01-10',
  term: '12',
  discount: '10%',
  won: 'true',
};

const payees = [payee('rep', { quota: '1000', start: '2026-01-01' })];
const fx = [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' }];

function errorsOf(values: Record<string, string | number | boolean | null>) {
  return run(plan, { payees, fx, records: { deals: rows({ id: 'D1', ...good, ...values }) } }, ['2026-Q1'])
    .errors;
}

describe('record validation', () => {
  it('accepts good values of every type', () => {
    const results = run(
      plan,
      { payees, fx, records: { deals: rows({ id: 'D1', ...good, review: '2026-Q1', fee: '5 EUR' }) } },
      ['2026-Q1'],
    );
    expect(results.errors).toEqual([]);
    expect(results.statements[0]?.credits[0]?.total).toBe('100');
  });

  it.each([
    [{ amount: null }, 'missing-field', 'amount', 'deals row 1: amount is missing'],
    [
      { amount: '12O0' },
      'bad-number',
      'amount',
      'deals row 1: amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
    ],
    [{ amount: '1,200.50' }, 'bad-number', 'amount', undefined],
    [{ term: '12.5' }, 'bad-integer', 'term', 'deals row 1: term is "12.5", which is not a whole number'],
    [{ discount: 'ten' }, 'bad-percent', 'discount', undefined],
    [
      { close_date: '2026-02-30' },
      'bad-date',
      'close_date',
      'deals row 1: close_date is "2026-02-30", which is not a date (write it as YYYY-MM-DD)',
    ],
    [{ review: '2026-Q5' }, 'bad-period', 'review', undefined],
    [{ won: 'maybe' }, 'bad-boolean', 'won', undefined],
    [
      { owner: 'nobody' },
      'unknown-payee',
      'owner',
      'deals row 1: owner is "nobody", who is not among the payees',
    ],
    [
      { amount: '100 EUR' },
      'currency-mismatch',
      'amount',
      'deals row 1: amount is "100 EUR", which is in EUR, but amount is declared in USD',
    ],
    [{ fee: '100 USD' }, 'currency-mismatch', 'fee', undefined],
    [
      { local: '100 GBP' },
      'unknown-currency',
      'local',
      'deals row 1: local is "100 GBP", which is in GBP, and there is no FX rate from GBP to USD on or before 2026-01-10',
    ],
    [
      { amount: '100 dollars' },
      'unknown-currency',
      'amount',
      'deals row 1: amount is "100 dollars", which ends in "dollars", not a currency code',
    ],
    [{ won: 3 }, 'bad-boolean', 'won', undefined],
  ] as const)('reports %j as %s', (values, code, field, reason) => {
    const errors = errorsOf(values);
    expect(errors.map((e) => [e.source, e.row, e.key, e.field, e.code])).toEqual([
      ['deals', 1, 'D1', field, code],
    ]);
    if (reason) expect(errors[0]?.reason).toBe(reason);
  });

  it('converts money marked converted on its date at the latest rate on or before it', () => {
    const rates = [
      ...fx,
      { from: 'EUR', to: 'USD', date: '2026-01-15', rate: '1.2' },
      { from: 'USD', to: 'GBP', date: '2026-01-01', rate: '0.8' },
    ];
    const deals = rows(
      { id: 'D1', ...good, local: '100 EUR', close_date: '2026-01-10' },
      { id: 'D2', ...good, local: '100', local_currency: 'EUR', close_date: '2026-01-15' },
      { id: 'D3', ...good, local: '100 GBP', close_date: '2026-01-20' },
    );
    const results = run(
      planOf(
        quarterly(`source deals { id: Text key, owner: Payee owner, local: Money converted on close_date, close_date: Date dated }
  credit bookings from deals { amount local
    to owner }
  commission c = bookings * 1%`),
      ),
      { payees, fx: rates, records: { deals } },
      ['2026-Q1'],
    );
    // 100 EUR x 1.1 = 110; 100 EUR x 1.2 = 120 (a new rate from the 15th); 100 GBP / 0.8 = 125 (inverse of USD->GBP).
    expect(results.statements[0]?.credits[0]?.lines.map((l) => l.amount)).toEqual(['110', '120', '125']);
  });

  it('finds duplicate keys and leaves every copy out in lenient mode', () => {
    const deals: DataRecord[] = rows(
      { id: 'D1', ...good },
      { id: 'D1', ...good, amount: '999' },
      { id: 'D2', ...good },
    );
    const strict = run(plan, { payees, fx, records: { deals } }, ['2026-Q1']);
    expect(strict.errors.map((e) => [e.row, e.code, e.reason])).toEqual([
      [1, 'duplicate-key', 'deals row 1: id "D1" is also used in row 2'],
      [2, 'duplicate-key', 'deals row 2: id "D1" is also used in row 1'],
    ]);
    expect(strict.statements).toEqual([]);
    const lenient = run(plan, { payees, fx, records: { deals } }, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.errors).toEqual([]);
    expect(lenient.rejected.map((r) => [r.source, r.row, r.key])).toEqual([
      ['deals', 1, 'D1'],
      ['deals', 2, 'D1'],
    ]);
    expect(lenient.statements[0]?.credits[0]?.total).toBe('100');
  });

  it('lists every error of a row and of every row in strict mode', () => {
    const deals = rows({ id: 'D1', ...good, amount: 'x', term: 'y' }, { id: 'D2', ...good, close_date: 'z' });
    const strict = run(plan, { payees, fx, records: { deals } }, ['2026-Q1']);
    expect(strict.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'amount'],
      [1, 'term'],
      [2, 'close_date'],
    ]);
  });

  it('names a list or an object given as a value (JSON data) instead of throwing', () => {
    const values = {
      ...good,
      owner: ['rep'],
      id: { text: 'D1' },
      won: {},
      amount: [100],
    } as unknown as Record<string, string>;
    const results = run(plan, { payees, fx, records: { deals: [{ row: 1, values }] } }, ['2026-Q1']);
    expect(results.errors.map((e) => e.reason)).toEqual([
      'deals row 1: amount is a list, which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      'deals row 1: id is an object, which is not a text',
      'deals row 1: owner is a list, which is not a text',
      'deals row 1: won is an object, which is not true or false',
    ]);
    // A key that is no text names nothing: the row is named by its number.
    expect(results.errors.every((e) => e.key === undefined && e.row === 1)).toBe(true);
  });

  it('validates payees: attributes, duplicate ids, and managers', () => {
    const list = [
      payee('a', { quota: '1000', start: '2026-01-01' }),
      payee('b', { quota: 'lots', start: '2026-01-01' }),
      payee('c', { quota: '1', start: '2026-01-01' }, { manager: 'b' }),
      payee('d', { quota: '1', start: '2026-01-01' }, { manager: 'ghost' }),
      payee('a', { quota: '1', start: '2026-01-01' }),
    ];
    const strict = run(plan, { payees: list, fx }, ['2026-Q1']);
    // A manager unknown (ghost) or rejected (b) is no error of c's or d's row: c and d are kept
    // without a manager, with a warning (see payees.test.ts).
    expect(strict.errors.map((e) => [e.source, e.row, e.field, e.code])).toEqual([
      ['payees', 1, 'id', 'duplicate-payee'],
      ['payees', 2, 'quota', 'bad-number'],
      ['payees', 5, 'id', 'duplicate-payee'],
    ]);
    const lenient = run(plan, { payees: list, fx }, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.warnings.filter((w) => w.code === 'unknown-manager').map((w) => w.message)).toEqual([
      'payees row 3: manager is "b", who has errors in payees row 2: c is calculated without a manager: nobody above c gets roll-up credit through c, and c\'s manager has no value',
      'payees row 4: manager is "ghost", who is not among the payees: d is calculated without a manager: nobody above d gets roll-up credit through d, and d\'s manager has no value',
    ]);
  });

  it('quotes the ids of duplicates and unknown managers as it quotes values: cut, invisible characters written out', () => {
    const long = `rep ${'r'.repeat(200)}`;
    const list = [
      payee(long, { quota: '1', start: '2026-01-01' }),
      payee(long, { quota: '1', start: '2026-01-01' }),
      payee('e', { quota: '1', start: '2026-01-01' }, { manager: 'boss\u200B' }),
    ];
    const results = run(plan, { payees: list, fx }, ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.flatMap((r) => r.errors.map((e) => e.reason))).toEqual([
      `payees row 1: id "rep ${'r'.repeat(96)}…" (204 characters) is also used in row 2`,
      `payees row 2: id "rep ${'r'.repeat(96)}…" (204 characters) is also used in row 1`,
    ]);
    expect(results.warnings.filter((w) => w.code === 'unknown-manager').map((w) => w.message)).toEqual([
      'payees row 3: manager is "boss\\u200B", who is not among the payees: e is calculated without a manager: nobody above e gets roll-up credit through e, and e\'s manager has no value',
    ]);
  });

  it('validates FX rates, quotas, territory assignments and adjustments', () => {
    const results = run(
      plan,
      {
        payees,
        fx: [{ from: 'EUR', to: 'usd', date: '2026-01-01', rate: '-1' }],
        quotas: [{ payee: 'rep', quota: 'nope', period: '2026-03', amount: '1' }],
        territoryAssignments: [{ payee: 'rep', territory: 'nowhere', role: 'primary' }],
        adjustments: [{ id: 'A1', payee: 'rep', period: '2026-Q1', amount: 'ten', reason: 'fix' }],
      },
      ['2026-Q1'],
    );
    expect(results.errors.map((e) => [e.source, e.field, e.code])).toEqual([
      ['adjustments', 'amount', 'bad-number'],
      ['fx', 'rate', 'bad-fx-rate'],
      ['quotas', 'period', 'bad-period'],
      ['quotas', 'quota', 'unknown-quota'],
      ['territoryAssignments', 'territory', 'unknown-territory'],
    ]);
  });

  it('rejects an assignment that ends before it starts, and names unknown payees in a sentence', () => {
    const results = run(
      plan,
      {
        payees,
        quotas: [{ payee: 'ae-7', quota: 'nope', period: '2026-Q1', amount: '1' }],
        territoryAssignments: [
          { payee: 'rep', territory: 'nowhere', role: 'primary', from: '2026-03-31', to: '2026-01-01' },
        ],
      },
      ['2026-Q1'],
    );
    expect(results.errors.map((e) => e.reason)).toContain(
      'territoryAssignments row 1: the assignment ends (2026-01-01) before it starts (2026-03-31)',
    );
    expect(results.errors.map((e) => e.reason)).toContain(
      'quotas row 1: payee is "ae-7", who is not among the payees',
    );
  });

  describe('hypothetical', () => {
    const simple = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line`),
    );
    const deal = (id: string, hypothetical?: unknown): DataRecord => {
      const rec = { values: { id, owner: 'rep', amount: '1000', close_date: '2026-02-01' } } as DataRecord;
      if (hypothetical !== undefined) (rec as { hypothetical?: unknown }).hypothetical = hypothetical;
      return rec;
    };

    it.each([
      ['yes', '"yes"'],
      ['true', '"true"'],
      [1, '1'],
      [0, '0'],
      [{}, 'an object'],
    ])('must be a JSON boolean: %j is an error, never a real record', (value, shown) => {
      for (const byOwner of [true, false]) {
        recordsByOwner.enabled = byOwner;
        try {
          const deals = [deal('D1'), deal('H2', true), deal('H3', value)];
          const strict = run(simple, { payees: [payee('rep')], records: { deals } }, ['2026-Q1']);
          expect(strict.errors).toEqual([
            {
              source: 'deals',
              row: 3,
              key: 'H3',
              field: 'hypothetical',
              code: 'bad-type',
              reason: `deals row 3: hypothetical is ${shown}, which is not true or false (in JSON a boolean, without quotes; in a CSV file true, false, yes or no)`,
            },
          ]);
          const lenient = run(simple, { payees: [payee('rep')], records: { deals } }, ['2026-Q1'], {
            mode: 'lenient',
          });
          expect(lenient.rejected.map((r) => [r.source, r.row, r.key])).toEqual([['deals', 3, 'H3']]);
          // Paid: D1 only, 1,000 x 10% = 100.00 (H3 read as real would make it 200.00);
          // estimate: H2, 1,000 x 10% = 100.00.
          const c = lenient.statements[0]?.earnings[0];
          expect([c?.amount, c?.estimate, lenient.statements[0]?.payout]).toEqual([
            '100.00',
            '100.00',
            '100.00',
          ]);
        } finally {
          recordsByOwner.enabled = true;
        }
      }
    });

    it('may be false, null or absent: a real record', () => {
      const deals = [deal('D1'), deal('D2', false), deal('D3', null)];
      const results = run(simple, { payees: [payee('rep')], records: { deals } }, ['2026-Q1']);
      expect(results.errors).toEqual([]);
      // 3 x 1,000 x 10% = 300.00.
      expect(results.statements[0]?.payout).toBe('300.00');
    });
  });

  describe('payee plan assignments', () => {
    const errors = (plans: unknown, mode: 'strict' | 'lenient' = 'strict') =>
      run(plan, { payees: [{ ...payees[0], plans } as Payee], fx }, ['2026-Q1'], { mode });

    it('warn about a plan name that differs from this plan only in capitals or spaces', () => {
      // "test " and " TEST" are this plan ("Test") but for capitals and spaces: a typo, most likely,
      // that leaves the payee off the plan (no statement), so each is named; "Other" is another plan.
      const results = errors([{ plan: 'test ' }, { plan: ' TEST' }, { plan: 'Other' }]);
      expect(results.errors).toEqual([]);
      expect(results.statements).toEqual([]);
      expect(results.warnings.map((w) => [w.code, w.payee, w.message])).toEqual([
        [
          'misnamed-plan',
          'rep',
          'payees row 1: rep is assigned to plan " TEST", not "Test": the names differ only in capitals or spaces, so rep is not on this plan (correct the name if it is a typo)',
        ],
        [
          'misnamed-plan',
          'rep',
          'payees row 1: rep is assigned to plan "test ", not "Test": the names differ only in capitals or spaces, so rep is not on this plan (correct the name if it is a typo)',
        ],
      ]);
    });

    it('must be a list: anything else is an error, not a payee on the plan all year', () => {
      const strict = errors('Test');
      expect(strict.errors).toEqual([
        {
          source: 'payees',
          row: 1,
          key: 'rep',
          field: 'plans',
          code: 'bad-type',
          reason:
            'payees row 1: plans is "Test", which is not a list of plan assignments (write [{ "plan": "Test", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }])',
        },
      ]);
      const lenient = errors('Test', 'lenient');
      expect(lenient.rejected.map((r) => [r.source, r.row])).toEqual([['payees', 1]]);
      expect(lenient.statements).toEqual([]);
      expect(errors({ plan: 'Test' }).errors.map((e) => e.reason)).toEqual([
        'payees row 1: plans is an object, which is not a list of plan assignments (write [{ "plan": "Test", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }])',
      ]);
    });

    it('name a plan in every entry: an empty entry or one without a plan is an error', () => {
      const strict = errors([
        null,
        { plan: 'Test', from: '2026-01-01' },
        'Test',
        { from: '2026-02-01' },
        { plan: 7 },
      ]);
      expect(strict.errors.map((e) => [e.field, e.code, e.reason])).toEqual([
        [
          'plans',
          'bad-type',
          'payees row 1: plans[0] is null, which is not a plan assignment ({ "plan", "from", "to" })',
        ],
        [
          'plans',
          'bad-type',
          'payees row 1: plans[2] is "Test", which is not a plan assignment ({ "plan", "from", "to" })',
        ],
        ['plans', 'bad-type', 'payees row 1: plans[4].plan is 7, which is not a plan name'],
        [
          'plans',
          'missing-field',
          'payees row 1: plans[3].plan is missing (the name of the plan the payee is assigned to)',
        ],
      ]);
    });

    it('may be null or absent: the payee is on the plan throughout', () => {
      expect(errors(null).errors).toEqual([]);
      expect(errors(undefined).statements.map((s) => s.period)).toEqual(['2026-Q1']);
    });
  });
});

describe('split sources', () => {
  const splitPlan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent optional, approved_on: Date dated }
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 10%`),
  );
  const deals = rows(
    { id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05' },
    { id: 'D2', owner: 'a', amount: '300', close_date: '2026-01-05' },
  );
  const split = (id: string, deal: string, who: string, share?: string) => ({
    id,
    deal_id: deal,
    payee: who,
    approved_on: '2026-01-01',
    ...(share === undefined ? {} : { share }),
  });
  const payees = [payee('a'), payee('b')];

  it('rejects a split row without a share, instead of failing the run', () => {
    // S2 gives b no share of D1: an error. S1 still gives a 100% of D1 (the empty row is not counted).
    const data = {
      payees,
      records: {
        deals,
        deal_splits: rows(
          split('S1', 'D1', 'a', '100%'),
          split('S2', 'D1', 'b'),
          split('S3', 'D2', 'a', '100%'),
        ),
      },
    };
    const strict = run(splitPlan, data, ['2026-Q1']);
    expect(strict.errors).toEqual([
      {
        source: 'deal_splits',
        row: 2,
        key: 'S2',
        field: 'share',
        code: 'missing-field',
        reason: `deal_splits row 2: share is missing: the row must give its payee's share of "D1"`,
      },
    ]);
    const lenient = run(splitPlan, data, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.rejected.map((r) => [r.source, r.row])).toEqual([['deal_splits', 2]]);
    // a: 1,000 x 100% + 300 x 100% = 1,300, x 10% = 130.00.
    expect(lenient.statements.find((s) => s.payee === 'a')?.payout).toBe('130.00');
  });

  it('says which rows of a record were left out when its shares do not add up to 100%', () => {
    // S2 (40%, no share) and S3 (unknown payee) are left out: D1's shares are S1's 60% alone.
    const data = {
      payees,
      records: {
        deals,
        deal_splits: rows(
          split('S1', 'D1', 'a', '60%'),
          split('S2', 'D1', 'b'),
          split('S3', 'D1', 'zz', '40%'),
          split('S4', 'D2', 'a', '100%'),
        ),
      },
    };
    const strict = run(splitPlan, data, ['2026-Q1']);
    expect(strict.errors.map((e) => e.reason)).toEqual([
      'deal_splits row 1: the shares of "D1" add up to 60%, not 100% (rows 1; rows 2, 3 are left out for their own errors, so their shares are not counted)',
      `deal_splits row 2: share is missing: the row must give its payee's share of "D1"`,
      'deal_splits row 3: payee is "zz", who is not among the payees',
    ]);
    const one = run(
      splitPlan,
      {
        payees,
        records: { deals, deal_splits: rows(split('S1', 'D1', 'a', '60%'), split('S3', 'D1', 'zz', '40%')) },
      },
      ['2026-Q1'],
    );
    expect(one.errors[0]?.reason).toBe(
      'deal_splits row 1: the shares of "D1" add up to 60%, not 100% (rows 1; row 2 is left out for its own errors, so its share is not counted)',
    );
  });
});

describe('a key shared by many rows', () => {
  it('names five of the other rows and counts the rest, so the errors stay short', () => {
    // A CRM export whose id column holds "N/A" on every row: 2,000 rows, 2,000 errors of one line
    // each (naming every other row made the errors 4 million row numbers long).
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      row: i + 2,
      values: { ...good, id: 'N/A' },
    }));
    const results = run(
      plan,
      { payees: [payee('rep', { quota: '1', start: '2026-01-01' })], records: { deals: many } },
      ['2026-Q1'],
    );
    const reasons = results.errors.map((e) => e.reason);
    expect(reasons).toHaveLength(2_000);
    expect(reasons[0]).toBe('deals row 2: id "N/A" is also used in row 3, 4, 5, 6, 7 and 1,994 more');
    expect(reasons[3]).toBe('deals row 5: id "N/A" is also used in row 2, 3, 4, 6, 7 and 1,994 more');
    expect(reasons[1_999]).toBe('deals row 2001: id "N/A" is also used in row 2, 3, 4, 5, 6 and 1,994 more');
  });

  it('does the same for payees', () => {
    const payees = Array.from({ length: 8 }, (_, i) => ({
      ...payee('rep', { quota: '1', start: '2026-01-01' }),
      row: i + 1,
    }));
    const results = run(plan, { payees, records: { deals: [] } }, ['2026-Q1']);
    expect(results.errors.map((e) => e.reason)[7]).toBe(
      'payees row 8: id "rep" is also used in row 1, 2, 3, 4, 5 and 2 more',
    );
  });
});
