import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Payee } from '../data/dataset.js';
import type { DataError, Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { scope } from './scope.js';
import { seesEverything, type Viewer, visiblePayees } from './viewer.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  credit team_bookings from deals { to managers of owner }
  commission c = bookings * 10%
  commission override = team_bookings * 1%
`),
);

// vp <- mgr1 <- rep1, rep2; vp <- mgr2 <- rep3
const PAYEES: Payee[] = [
  payee('vp'),
  payee('mgr1', {}, { manager: 'vp' }),
  payee('mgr2', {}, { manager: 'vp' }),
  payee('rep1', {}, { manager: 'mgr1' }),
  payee('rep2', {}, { manager: 'mgr1' }),
  payee('rep3', {}, { manager: 'mgr2' }),
];
const DATA: Dataset = {
  payees: PAYEES,
  records: {
    deals: rows(
      { id: 'D1', owner: 'rep1', amount: '1000', close_date: '2026-01-10' },
      { id: 'D2', owner: 'rep2', amount: '2000', close_date: '2026-01-11' },
      { id: 'D3', owner: 'rep3', amount: '3000', close_date: '2026-01-12' },
      { id: 'D4', owner: 'rep1', amount: 'lots', close_date: '2026-01-13' },
      { id: 'D5', owner: 'rep3', amount: 'many', close_date: '2026-01-14' },
    ),
  },
};
const RESULTS = run(PLAN, DATA, ['2026-Q1'], { mode: 'lenient' });
const statementsOf = (r: Results) => r.statements.map((s) => s.payee);

/** A list nested `depth` levels deep, `[[[…]]]`: its `String()` overflows the stack. */
function nestedList(depth: number): unknown {
  let list: unknown = [];
  for (let i = 0; i < depth; i++) list = [list];
  return list;
}

describe('scope', () => {
  it('shows a rep their own statement and the errors of their own rows', () => {
    const scoped = scope(RESULTS, { role: 'rep', payee: 'rep1' }, PAYEES, DATA);
    expect(statementsOf(scoped)).toEqual(['rep1']);
    expect(scoped.rejected.map((r) => r.key)).toEqual(['D4']);
    expect(scoped.meta).toBe(RESULTS.meta);
  });

  it('shows a manager their team, recursively, and themself', () => {
    expect(statementsOf(scope(RESULTS, { role: 'manager', payee: 'mgr1' }, PAYEES, DATA))).toEqual([
      'mgr1',
      'rep1',
      'rep2',
    ]);
    const vp = scope(RESULTS, { role: 'manager', payee: 'vp' }, PAYEES, DATA);
    expect(statementsOf(vp)).toEqual(['mgr1', 'mgr2', 'rep1', 'rep2', 'rep3', 'vp']);
    expect(vp.rejected.map((r) => r.key)).toEqual(['D4', 'D5']);
    expect(
      scope(RESULTS, { role: 'manager', payee: 'mgr1' }, PAYEES, DATA).rejected.map((r) => r.key),
    ).toEqual(['D4']);
  });

  it('shows finance and admin everything, without changing the input', () => {
    const before = JSON.stringify(RESULTS);
    for (const role of ['finance', 'admin'] as const) {
      const scoped = scope(RESULTS, { role }, PAYEES);
      expect(scoped).toEqual(RESULTS);
      expect(scoped).not.toBe(RESULTS);
      expect(seesEverything({ role })).toBe(true);
    }
    scope(RESULTS, { role: 'rep', payee: 'rep1' }, PAYEES, DATA);
    expect(JSON.stringify(RESULTS)).toBe(before);
    expect(seesEverything({ role: 'manager', payee: 'vp' })).toBe(false);
  });

  it('shows an unknown viewer nothing and hides rows it cannot attribute', () => {
    expect(statementsOf(scope(RESULTS, { role: 'rep', payee: 'ghost' }, PAYEES, DATA))).toEqual([]);
    expect(statementsOf(scope(RESULTS, { role: 'manager' }, PAYEES, DATA))).toEqual([]);
    // Without the data, rows of sources cannot be attributed: left out.
    expect(scope(RESULTS, { role: 'rep', payee: 'rep1' }, PAYEES).rejected).toEqual([]);
    expect(() => visiblePayees({ role: 'boss' } as unknown as Viewer, PAYEES)).toThrow(TypeError);
  });

  it('grants nothing through a cycle of managers: a manager in or below one sees only themself', () => {
    // vp <- m <- r is a proper hierarchy. a and b manage each other (a cycle); c reports to a,
    // d to c: following managers from c or d never reaches the top either.
    const payees = [
      payee('vp'),
      payee('m', {}, { manager: 'vp' }),
      payee('r', {}, { manager: 'm' }),
      payee('a', {}, { manager: 'b' }),
      payee('b', {}, { manager: 'a' }),
      payee('c', {}, { manager: 'a' }),
      payee('d', {}, { manager: 'c' }),
    ];
    const manager = (id: string) => visiblePayees({ role: 'manager', payee: id }, payees);
    expect(manager('vp')).toEqual(['m', 'r', 'vp']);
    expect(manager('m')).toEqual(['m', 'r']);
    expect(manager('a')).toEqual(['a']);
    expect(manager('b')).toEqual(['b']);
    expect(manager('c')).toEqual(['c']); // c manages d, but c is below the cycle
    expect(visiblePayees({ role: 'rep', payee: 'a' }, payees)).toEqual(['a']);
    // A payee managing themself is the smallest cycle.
    expect(visiblePayees({ role: 'manager', payee: 's' }, [payee('s', {}, { manager: 's' })])).toEqual(['s']);
    // scope follows: a sees a's statements only, vp nothing of the cycle.
    const results: Results = {
      ...RESULTS,
      errors: [],
      rejected: [],
      warnings: [],
      statements: ['a', 'b', 'c', 'd', 'm', 'r', 'vp'].map((id) => statementOf(id, '2026-Q1')),
    };
    expect(statementsOf(scope(results, { role: 'manager', payee: 'a' }, payees))).toEqual(['a']);
    expect(statementsOf(scope(results, { role: 'manager', payee: 'vp' }, payees))).toEqual(['m', 'r', 'vp']);
  });

  it('keeps the errors of payees rows and of rows naming visible payees only', () => {
    const errors: DataError[] = [
      {
        source: 'payees',
        row: 4,
        key: 'rep1',
        field: 'name',
        code: 'missing-field',
        reason: 'rep1 has no name',
      },
      { source: 'quotas', row: 1, field: 'amount', code: 'bad-number', reason: 'quota of rep2' },
      { source: 'attributeChanges', row: 1, field: 'value', code: 'bad-number', reason: 'ote of rep1' },
      { source: 'fx', row: 1, field: 'rate', code: 'bad-fx-rate', reason: 'EUR' },
      { source: 'deals', row: 6, field: 'amount', code: 'bad-number', reason: 'split rep1 rep3' },
    ];
    const strict: Results = { ...RESULTS, errors, rejected: [], statements: [] };
    const data: Dataset = {
      ...DATA,
      quotas: [{ payee: 'rep2', quota: 'q', period: '2026-Q1', amount: 'x' }],
      attributeChanges: [{ payee: 'rep1', attribute: 'ote', value: 'x', from: '2026-02-01' }],
      records: {
        deals: [
          ...(DATA.records.deals ?? []),
          { values: { id: 'D6', owner: 'rep1', co: 'rep3', amount: '?', close_date: '2026-01-01' } },
        ],
      },
    };
    const reasons = (viewer: Viewer) => scope(strict, viewer, PAYEES, data).errors.map((e) => e.reason);
    // rep1's own attribute change is theirs to see (before: left out, as a row naming no payee).
    expect(reasons({ role: 'rep', payee: 'rep1' })).toEqual(['rep1 has no name', 'ote of rep1']);
    expect(reasons({ role: 'rep', payee: 'rep2' })).toEqual(['quota of rep2']);
    expect(reasons({ role: 'manager', payee: 'mgr1' })).toEqual([
      'rep1 has no name',
      'quota of rep2',
      'ote of rep1',
    ]);
    expect(reasons({ role: 'manager', payee: 'vp' })).toEqual([
      'rep1 has no name',
      'quota of rep2',
      'ote of rep1',
      'split rep1 rep3',
    ]);
    expect(reasons({ role: 'finance' })).toEqual(errors.map((e) => e.reason));
  });
});

describe('scope with changes of manager (the hierarchy of each day)', () => {
  // vp <- m1 <- r in the payees rows; vp <- m2. r moves by attributeChanges rows.
  const base: Payee[] = [
    payee('vp'),
    payee('m1', {}, { manager: 'vp' }),
    payee('m2', {}, { manager: 'vp' }),
    payee('r', {}, { manager: 'm1' }),
  ];
  const Q = {
    '2026-Q1': ['2026-01-01', '2026-03-31'],
    '2026-Q2': ['2026-04-01', '2026-06-30'],
    '2026-Q3': ['2026-07-01', '2026-09-30'],
  } as const;
  const quarters = Object.keys(Q) as (keyof typeof Q)[];
  const dated = (id: string, period: keyof typeof Q): Statement => ({
    ...statementOf(id, period),
    start: Q[period][0],
    end: Q[period][1],
  });
  const resultsOf = (ids: string[]): Results => ({
    ...RESULTS,
    errors: [],
    rejected: [],
    warnings: [],
    statements: ids.flatMap((id) => quarters.map((q) => dated(id, q))),
  });
  const move = (from: string, value: string | null, who = 'r') => ({
    payee: who,
    attribute: 'manager',
    value,
    from,
  });
  /** The periods of `who`'s statements `viewer` sees. */
  const periodsOf = (
    viewer: string,
    data: Dataset,
    who = 'r',
    results = resultsOf(['m1', 'm2', 'r', 'vp']),
  ) =>
    scope(results, { role: 'manager', payee: viewer }, data.payees, data)
      .statements.filter((s) => s.payee === who)
      .map((s) => s.period);

  it('shows a quarter to both managers when the rep moves in the middle of it', () => {
    // r moves from m1 to m2 on 2026-05-15: r reports to m1 on 2026-04-01..05-14 and to m2 on
    // 2026-05-15..06-30, so both have a share of Q2. Q1 is m1's alone, Q3 m2's alone.
    const data: Dataset = { payees: base, records: {}, attributeChanges: [move('2026-05-15', 'm2')] };
    expect(periodsOf('m1', data)).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsOf('m2', data)).toEqual(['2026-Q2', '2026-Q3']);
    expect(periodsOf('vp', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']); // above both, every day
    // visiblePayees by the days of a period, and over any day without one.
    const m2 = { role: 'manager', payee: 'm2' } as const;
    expect(visiblePayees(m2, base, data, { start: '2026-01-01', end: '2026-03-31' })).toEqual(['m2']);
    expect(visiblePayees(m2, base, data, { start: '2026-04-01', end: '2026-06-30' })).toEqual(['m2', 'r']);
    expect(visiblePayees(m2, base, data)).toEqual(['m2', 'r']);
    expect(visiblePayees({ role: 'manager', payee: 'm1' }, base, data)).toEqual(['m1', 'r']);
  });

  it('gives each quarter to one manager when the move is on the first day of a quarter', () => {
    // from 2026-04-01: r reports to m1 on every day of Q1 and to m2 on every day of Q2 and Q3.
    const data: Dataset = { payees: base, records: {}, attributeChanges: [move('2026-04-01', 'm2')] };
    expect(periodsOf('m1', data)).toEqual(['2026-Q1']);
    expect(periodsOf('m2', data)).toEqual(['2026-Q2', '2026-Q3']);
    // A move on the last day of Q1 gives m2 one day of it: Q1 is in both teams.
    const late: Dataset = { ...data, attributeChanges: [move('2026-03-31', 'm2')] };
    expect(periodsOf('m1', late)).toEqual(['2026-Q1']);
    expect(periodsOf('m2', late)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('reads a change dated before the first period as the manager of every period', () => {
    // The payees row still says m1, but r reports to m2 since 2025-06-01: m1 has no day of 2026.
    const data: Dataset = { payees: base, records: {}, attributeChanges: [move('2025-06-01', 'm2')] };
    expect(periodsOf('m1', data)).toEqual([]);
    expect(periodsOf('m2', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('grants nothing through a cycle that exists only for some days', () => {
    // m1 reports to r from 2026-05-01 to 2026-08-31 (r reports to m1: a cycle), then to vp again.
    // Days in the cycle give m1 and r no team, and vp nothing of them; the other days do.
    const data: Dataset = {
      payees: base,
      records: {},
      attributeChanges: [move('2026-05-01', 'r', 'm1'), move('2026-09-01', 'vp', 'm1')],
    };
    expect(periodsOf('m1', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']); // April, September
    expect(periodsOf('vp', data, 'm1')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    // Without the way back, Q3 has the cycle from its first day to its last: m1 then sees no one.
    const stuck: Dataset = { ...data, attributeChanges: [move('2026-05-01', 'r', 'm1')] };
    expect(periodsOf('m1', stuck)).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsOf('vp', stuck)).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsOf('vp', stuck, 'm1')).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsOf('r', stuck, 'm1')).toEqual([]); // r is in the cycle too: it grants r nothing
    expect(
      visiblePayees({ role: 'manager', payee: 'm1' }, base, stuck, {
        start: '2026-07-01',
        end: '2026-09-30',
      }),
    ).toEqual(['m1']);
  });

  it('keeps the old hierarchy without changes, and without the data', () => {
    const data: Dataset = { payees: base, records: {} };
    expect(periodsOf('m1', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(periodsOf('m2', data)).toEqual([]);
    // The changes are read from `data`: without it, the payees rows' managers, for every period.
    const moved: Dataset = { payees: base, records: {}, attributeChanges: [move('2026-04-01', 'm2')] };
    const all = resultsOf(['r']);
    expect(statementsOf(scope(all, { role: 'manager', payee: 'm1' }, base))).toEqual(['r', 'r', 'r']);
    expect(statementsOf(scope(all, { role: 'manager', payee: 'm2' }, base))).toEqual([]);
    expect(visiblePayees({ role: 'manager', payee: 'm2' }, base)).toEqual(['m2']);
    expect(periodsOf('m2', moved, 'r', all)).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('leaves out changes the engine rejects: a bad date, an unknown payee, two on one day', () => {
    const data: Dataset = {
      payees: base,
      records: {},
      attributeChanges: [
        move('2026-13-01', 'm2'), // not a date
        move('2026-04-01', 'm2', 'ghost'), // not a payee
        { payee: 'r', attribute: 'region', value: 'm2', from: '2026-04-01' }, // not the manager
        move('2026-07-01', 'm2'),
        move('2026-07-01', 'vp'), // two managers of r from 2026-07-01: both are errors
        move(' 2026-08-01 ', ' m2 '), // read as the engine reads it: trimmed
      ],
    };
    expect(periodsOf('m1', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']); // r is m1's until 08-01
    expect(periodsOf('m2', data)).toEqual(['2026-Q3']);
    // An empty value: no manager from then on.
    const alone: Dataset = { ...data, attributeChanges: [move('2026-04-01', null)] };
    expect(periodsOf('m1', alone)).toEqual(['2026-Q1']);
    expect(periodsOf('vp', alone)).toEqual(['2026-Q1']);
  });

  it('leaves out a change to a manager only JavaScript can give, as the engine rejects it', () => {
    for (const value of [Number.NaN, Object.create(null), nestedList(100_000)]) {
      const data: Dataset = {
        payees: base,
        records: {},
        attributeChanges: [{ payee: 'r', attribute: 'manager', value: value as string, from: '2026-04-01' }],
      };
      const engine = run(PLAN, data, ['2026-Q2'], { mode: 'lenient' });
      expect(engine.rejected.map((x) => [x.source, x.row])).toEqual([['attributeChanges', 1]]);
      // So r stays m1's (read as no manager from 2026-04-01 on, m1 would see Q1 alone).
      expect(periodsOf('m1', data)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
      expect(periodsOf('m2', data)).toEqual([]);
    }
  });

  it('shows an error of a change of manager to the new manager it names, who must fix it', () => {
    // r (m1's) is to move to m2, but the rows have errors: the engine keeps no change, so r stays
    // m1's every day and m2's team is m2 alone. The rows are r's, and they name m2 as the manager.
    const data: Dataset = {
      payees: base,
      records: { deals: rows({ id: 'D1', owner: 'r', amount: '1000', close_date: '2026-02-10' }) },
      attributeChanges: [
        move('2026-05-32', 'm2'), // row 1: not a date
        { payee: 'r', attribute: 'manager', value: ' m2 ', from: '' }, // row 2: no from (m2, trimmed)
        move('2026-13-01', 'ghost'), // row 3: not a date, and a manager who is not a payee
        { payee: 'r', attribute: 'region', value: 'm2', from: '2026-04-01' }, // row 4: not the manager
        move('2026-99-01', 'm2', 'ghost'), // row 5: a payee who is not one, moved to m2
      ],
    };
    for (const mode of ['lenient', 'strict'] as const) {
      const results = run(PLAN, data, ['2026-Q1', '2026-Q2'], { mode });
      const rowsSeen = (role: 'rep' | 'manager', id: string) => {
        const seen = scope(results, { role, payee: id }, base, data);
        // Strict mode has an error per problem: row 5 has two (unknown-payee, bad-date).
        return [...new Set((mode === 'strict' ? seen.errors : seen.rejected).map((e) => e.row))];
      };
      // Every row has errors: bad-date, missing-field, bad-date, unknown-attribute, unknown-payee.
      expect(rowsSeen('manager', 'vp')).toEqual([1, 2, 3, 4, 5]); // above everyone
      expect(rowsSeen('rep', 'r')).toEqual([1, 2, 3, 4]); // r's rows; row 5 moves ghost, not r
      expect(rowsSeen('manager', 'm1')).toEqual([1, 2, 3, 4]); // r's manager on every day
      // m2 sees the rows naming m2 as r's (or ghost's) new manager (before: none, r is not m2's),
      // whatever m2's role; not row 3 (ghost's) nor row 4 (a region, not a manager).
      expect(rowsSeen('manager', 'm2')).toEqual([1, 2, 5]);
      expect(rowsSeen('rep', 'm2')).toEqual([1, 2, 5]);
      // The move never happened: no statement of r is m2's to see.
      if (mode === 'lenient')
        expect(statementsOf(scope(results, { role: 'manager', payee: 'm2' }, base, data))).toEqual([
          'm2',
          'm2',
        ]); // m2's Q1 and Q2
    }
  });

  it('scopes warnings by their period and rows by the days of the results', () => {
    const data: Dataset = {
      payees: base,
      records: { deals: rows({ id: 'D1', owner: 'r', amount: 'x', close_date: '2026-02-01' }) },
      attributeChanges: [move('2026-04-01', 'm2')],
    };
    const results: Results = {
      ...resultsOf(['r']),
      rejected: [{ source: 'deals', row: 1, key: 'D1', errors: [] }],
      warnings: [
        { code: 'no-value', payee: 'r', period: '2026-Q1', message: 'r in Q1' },
        { code: 'no-value', payee: 'r', period: '2026-Q3', message: 'r in Q3' },
        { code: 'no-value', payee: 'r', message: 'r, no period' },
      ],
    };
    const seen = (id: string) => scope(results, { role: 'manager', payee: id }, base, data);
    expect(seen('m1').warnings.map((w) => w.message)).toEqual(['r in Q1', 'r, no period']);
    expect(seen('m2').warnings.map((w) => w.message)).toEqual(['r in Q3', 'r, no period']);
    // r's row is r's: both managers of r in 2026 see its error.
    expect(seen('m1').rejected.map((r) => r.key)).toEqual(['D1']);
    expect(seen('m2').rejected.map((r) => r.key)).toEqual(['D1']);
    // Results of Q1 alone: m2 manages r on no day of them.
    const q1: Results = { ...results, statements: results.statements.filter((s) => s.period === '2026-Q1') };
    expect(scope(q1, { role: 'manager', payee: 'm2' }, base, data).rejected).toEqual([]);
  });

  it('follows the engine on a real run: the statements of r after the move are m2’s', () => {
    const data: Dataset = {
      payees: base,
      records: {
        deals: rows(
          { id: 'D1', owner: 'r', amount: '1000', close_date: '2026-02-10' },
          { id: 'D2', owner: 'r', amount: '2000', close_date: '2026-05-10' },
        ),
      },
      attributeChanges: [move('2026-04-01', 'm2')],
    };
    const results = run(PLAN, data, ['2026-Q1', '2026-Q2'], { mode: 'lenient' });
    // The override follows the move: m1 gets 1% of D1 = 10.00 in Q1, m2 1% of D2 = 20.00 in Q2.
    const override = (id: string, q: string) =>
      results.statements
        .find((s) => s.payee === id && s.period === q)
        ?.earnings.find((e) => e.name === 'override')?.amount;
    expect(override('m1', '2026-Q1')).toBe('10.00'); // 1000 * 1%
    expect(override('m2', '2026-Q2')).toBe('20.00'); // 2000 * 1%
    expect(periodsOf('m1', data, 'r', results)).toEqual(['2026-Q1']);
    expect(periodsOf('m2', data, 'r', results)).toEqual(['2026-Q2']);
  });
});

describe('scope over bad payees rows', () => {
  it('reads ids and managers as the engine does: trimmed, and numbers as text', () => {
    // r's manager is written " m " and s's manager is the number 7, the id of payee 7 (a number
    // in data.json): the engine trims and reads numbers as text, so m and 7 get the overrides.
    const payees = [
      payee('m'),
      payee('r', {}, { manager: ' m ' }),
      { ...payee('7'), id: 7 },
      { ...payee('s'), manager: 7 },
    ] as unknown as Payee[];
    const data: Dataset = {
      payees,
      records: {
        deals: rows(
          { id: 'D1', owner: 'r', amount: '100', close_date: '2026-01-05' },
          { id: 'D2', owner: 's', amount: '100', close_date: '2026-01-05' },
        ),
      },
    };
    const results = run(PLAN, data, ['2026-Q1'], { mode: 'lenient' });
    const override = (id: string) =>
      results.statements.find((s) => s.payee === id)?.earnings.find((e) => e.name === 'override')?.amount;
    expect(override('m')).toBe('1.00'); // 1% of r's D1, 100
    expect(override('7')).toBe('1.00'); // 1% of s's D2, 100
    // So m sees r's statement, and 7 (a payee, though a number in the data) sees s's.
    expect(statementsOf(scope(results, { role: 'manager', payee: 'm' }, payees, data))).toEqual(['m', 'r']);
    expect(statementsOf(scope(results, { role: 'manager', payee: '7' }, payees, data))).toEqual(['7', 's']);
    expect(visiblePayees({ role: 'rep', payee: '7' }, payees)).toEqual(['7']);
  });

  it('reads a manager only JavaScript can give as none, and payees that are not a list as no one', () => {
    for (const manager of [Number.NaN, Object.create(null), nestedList(100_000)]) {
      const payees = [payee('m'), { ...payee('r'), manager }] as unknown as Payee[];
      // The engine rejects r's row (the manager is not a text): r is in no one's team.
      expect(run(PLAN, { payees, records: {} }, ['2026-Q1'], { mode: 'lenient' }).rejected).toMatchObject([
        { source: 'payees', row: 2 },
      ]);
      expect(visiblePayees({ role: 'manager', payee: 'm' }, payees)).toEqual(['m']);
      expect(visiblePayees({ role: 'rep', payee: 'r' }, payees)).toEqual(['r']);
    }
    const notAList = { mgr1: payee('mgr1') } as unknown as Payee[];
    expect(visiblePayees({ role: 'manager', payee: 'mgr1' }, notAList)).toEqual([]);
    expect(statementsOf(scope(RESULTS, { role: 'manager', payee: 'mgr1' }, notAList, DATA))).toEqual([]);
  });

  it('does not throw on a payees entry that is not an object: calculate reports it as a data error', () => {
    const payees = [null, payee('m'), payee('r', {}, { manager: 'm' })] as unknown as Payee[];
    const data: Dataset = {
      payees,
      records: { deals: rows({ id: 'D1', owner: 'r', amount: '100', close_date: '2026-01-05' }) },
    };
    const results = run(PLAN, data, ['2026-Q1'], { mode: 'lenient' });
    // payees row 1 is rejected (no id, no name); m and r are calculated.
    expect(results.rejected.map((r) => [r.source, r.row])).toEqual([['payees', 1]]);
    expect(statementsOf(scope(results, { role: 'manager', payee: 'm' }, payees, data))).toEqual(['m', 'r']);
    expect(statementsOf(scope(results, { role: 'rep', payee: 'r' }, payees, data))).toEqual(['r']);
    expect(scope(results, { role: 'rep', payee: 'r' }, payees, data).rejected).toEqual([]); // names no one
    expect(visiblePayees({ role: 'manager', payee: 'm' }, payees)).toEqual(['m', 'r']);
  });
});

// ---- properties over random hierarchies and results ----

/** Payee ids `p0`, `p1`... and strangers `x0`, `x1`... who are not payees. */
const id = (n: number): string => `p${n}`;

interface World {
  payees: Payee[];
  data: Dataset;
  results: Results;
}

function statementOf(payeeId: string, period: string): Statement {
  const trace = { rule: { kind: 'payout', name: 'payout' }, range: RANGE, inputs: [] };
  return {
    payee: payeeId,
    payeeName: `name of ${payeeId}`,
    period,
    start: '2026-01-01',
    end: '2026-03-31',
    currency: 'USD',
    credits: [],
    measures: [],
    quotas: [],
    earnings: [],
    earned: '0',
    adjustments: [],
    payout: '0.00',
    estimatedPayout: '0.00',
    balances: {},
    metrics: [],
    signals: [{ name: 's', severity: 'info', message: `signal of ${payeeId}` }],
    trace,
  };
}

const RANGE = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };

const world: fc.Arbitrary<World> = fc
  .integer({ min: 1, max: 10 })
  .chain((n) => {
    const someone = fc.oneof(
      fc.integer({ min: 0, max: n - 1 }).map(id),
      fc.integer({ min: 0, max: 2 }).map((k) => `x${k}`),
    );
    return fc.record({
      n: fc.constant(n),
      managers: fc.array(fc.option(someone, { nil: undefined }), { minLength: n, maxLength: n }),
      statements: fc.array(fc.tuple(someone, fc.constantFrom('2026-Q1', '2026-Q2')), { maxLength: 15 }),
      warnings: fc.array(fc.option(someone, { nil: undefined }), { maxLength: 6 }),
      deals: fc.array(fc.tuple(someone, fc.option(someone, { nil: null })), { maxLength: 6 }),
      quotas: fc.array(someone, { maxLength: 4 }),
    });
  })
  .map(({ n, managers, statements, warnings, deals, quotas }) => {
    const payees: Payee[] = managers.map((m, i) => payee(id(i), {}, m === undefined ? {} : { manager: m }));
    const data: Dataset = {
      payees,
      records: { deals: rows(...deals.map(([owner, co], i) => ({ id: `D${i}`, owner, co }))) },
      quotas: quotas.map((p) => ({ payee: p, quota: 'q', period: '2026-Q1', amount: 'x' })),
    };
    // Each error's reason names every payee its row names, as the engine's reasons quote values.
    const errors: DataError[] = [
      ...deals.map(
        ([owner, co], i): DataError => ({
          source: 'deals',
          row: i + 1,
          key: `D${i}`,
          code: 'bad-number',
          reason: `deal of ${owner} and ${co ?? 'nobody'}`,
        }),
      ),
      ...quotas.map(
        (p, i): DataError => ({ source: 'quotas', row: i + 1, code: 'bad-number', reason: `for ${p}` }),
      ),
      ...payees.map(
        (p, i): DataError => ({ source: 'payees', row: i + 1, key: p.id, code: 'bad-type', reason: p.id }),
      ),
      { source: 'fx', row: 1, code: 'bad-fx-rate', reason: 'fx' },
    ];
    const results: Results = {
      meta: RESULTS.meta,
      errors,
      rejected: errors.map((e) => ({ source: e.source, row: e.row, key: e.key, errors: [e] })),
      warnings: warnings.map((p) => ({
        code: 'no-value' as const,
        message: `about ${p ?? 'a record'}`,
        ...(p === undefined ? {} : { payee: p }),
      })),
      statements: statements.map(([p, period]) => statementOf(p, period)),
    };
    return { payees, data, results, n } as World & { n: number };
  });

/** Every payee id (`p<n>`) named anywhere in a value (keys and strings). Strangers are no one's secret. */
function namesIn(value: unknown): Set<string> {
  const found = new Set<string>();
  for (const m of JSON.stringify(value).matchAll(/\bp\d+\b/g)) found.add(m[0]);
  return found;
}

/**
 * The oracle: walk up from each payee; it is in a manager's team when the walk meets the manager.
 * A manager whose own walk up loops (a cycle of managers) before leaving the payees sees only themself.
 */
function teamByWalkingUp(manager: string, payees: readonly Payee[]): string[] {
  if (!payees.some((p) => p.id === manager)) return [];
  const managerOf = new Map(payees.map((p) => [p.id, p.manager ?? undefined]));
  const seen = new Set<string>();
  for (let at: string | undefined = manager; at !== undefined && managerOf.has(at); at = managerOf.get(at)) {
    if (seen.has(at)) return [manager];
    seen.add(at);
  }
  return payees
    .map((p) => p.id)
    .filter((start) => {
      const seen = new Set<string>();
      for (let at: string | undefined = start; at !== undefined && !seen.has(at); at = managerOf.get(at)) {
        if (at === manager) return true;
        seen.add(at);
      }
      return false;
    })
    .sort();
}

const viewer = (n: number): fc.Arbitrary<Viewer> =>
  fc.record({
    role: fc.constantFrom('rep' as const, 'manager' as const),
    payee: fc.oneof(fc.integer({ min: 0, max: n + 1 }).map(id), fc.constant('x0')),
  });

describe('scope (properties)', () => {
  it('never shows anything about a payee outside the viewer’s scope', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(fc.constant(w), viewer((w as World & { n: number }).n))),
        ([w, v]) => {
          const visible = new Set(visiblePayees(v, w.payees));
          const scoped = scope(w.results, v, w.payees, w.data);
          for (const name of namesIn({ ...scoped, meta: undefined })) expect(visible).toContain(name);
          for (const s of scoped.statements) expect(visible).toContain(s.payee);
          for (const warning of scoped.warnings) expect(visible).toContain(warning.payee);
          expect(scoped.errors.some((e) => e.source === 'fx')).toBe(false);
          // Nothing visible is lost.
          expect(scoped.statements).toEqual(w.results.statements.filter((s) => visible.has(s.payee)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a manager exactly themself and every direct and indirect report', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(fc.constant(w), fc.integer({ min: 0, max: 11 }))),
        ([w, k]) => {
          expect(visiblePayees({ role: 'manager', payee: id(k) }, w.payees)).toEqual(
            teamByWalkingUp(id(k), w.payees),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('visiblePayees by day (properties)', () => {
  const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;
  it('is the union over the days of the span of the teams of each day, walked up day by day', () => {
    const arbitrary = fc.integer({ min: 1, max: 6 }).chain((n) => {
      const someone = fc.oneof(fc.integer({ min: 0, max: n - 1 }).map(id), fc.constant('x0'));
      return fc.record({
        managers: fc.array(fc.option(someone, { nil: undefined }), { minLength: n, maxLength: n }),
        changes: fc.array(
          fc.record({
            payee: someone,
            from: fc.integer({ min: 1, max: 12 }),
            value: fc.option(someone, { nil: null }),
          }),
          { maxLength: 8 },
        ),
        viewer: fc.integer({ min: 0, max: n - 1 }).map(id),
        span: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 5 })),
      });
    });
    fc.assert(
      fc.property(arbitrary, ({ managers, changes, viewer: v, span: [start, length] }) => {
        const payees = managers.map((m, i) => payee(id(i), {}, m === undefined ? {} : { manager: m }));
        const data = {
          attributeChanges: changes.map((c) => ({ ...c, attribute: 'manager', from: day(c.from) })),
        };
        const end = start + length;
        // The oracle: each day's managers (two changes of one payee on one day count for neither).
        const ids = new Set(payees.map((p) => p.id));
        const kept = changes.filter(
          (c) =>
            ids.has(c.payee) && changes.filter((o) => o.payee === c.payee && o.from === c.from).length === 1,
        );
        const expected = new Set<string>();
        for (let d = start; d <= end; d++) {
          const onDay = payees.map((p) => {
            const last = kept
              .filter((c) => c.payee === p.id && c.from <= d)
              .sort((a, b) => b.from - a.from)[0];
            return last === undefined ? p : { ...p, manager: last.value ?? undefined };
          });
          for (const member of teamByWalkingUp(v, onDay)) expected.add(member);
        }
        const got = visiblePayees({ role: 'manager', payee: v }, payees, data, {
          start: day(start),
          end: day(end),
        });
        expect(got).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });
});
