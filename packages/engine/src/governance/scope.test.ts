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
