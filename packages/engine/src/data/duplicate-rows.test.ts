/**
 * Entries of one list that share a row number: an entry without `row` at position 5 next to one
 * given `row: 5`, or two given `row: 5` (only JavaScript can pass them). Errors and the rows lenient
 * mode leaves out go by row, so each such entry is a `duplicate-row` error of its own: none of them
 * is left out without one.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DataError, Results } from '../results/results.js';
import { payee, planOf, quarterly, run, statement } from '../test-support.js';
import type { DataRecord, Dataset, Payee } from './dataset.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money converted on close_date, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  adjustment manual from data
`),
);

/** A deal of `owner` in Q1, with a `row` when one is given. */
const deal = (id: string, amount = '100', row?: unknown, owner = 'a'): DataRecord =>
  ({
    ...(row === undefined ? {} : { row }),
    values: { id, owner, amount, close_date: '2026-01-15' },
  }) as DataRecord;

const withRow = <T extends object>(entry: T, row: number): T => ({ ...entry, row });

/** The deals paid to `who` in Q1, as [key, row]. */
const paid = (results: Results, who = 'a') =>
  (statement(results, who, '2026-Q1').earnings[0]?.lines ?? []).map((l) => [l.record?.key, l.record?.row]);

/** The errors as [source, row, key, code, position]. */
const listed = (errors: DataError[]) => errors.map((e) => [e.source, e.row, e.key, e.code, e.position]);

const lenient = { mode: 'lenient' } as const;

describe('records that share a row number', () => {
  // D3 (position 3) is given row 2, the row of D2 (position 2, no row), whose amount is wrong.
  const holeAndGiven: Dataset = {
    payees: [payee('a')],
    records: { deals: [deal('D1'), deal('D2', 'lots'), deal('D3', '300', 2)] },
  };

  it('are each an error in strict mode, naming the other by its position', () => {
    const results = run(PLAN, holeAndGiven, ['2026-Q1']);
    expect(results.statements).toEqual([]);
    expect(listed(results.errors)).toEqual([
      ['deals', 2, 'D2', 'bad-number', undefined],
      ['deals', 2, 'D2', 'duplicate-row', 2],
      ['deals', 2, 'D3', 'duplicate-row', 3],
    ]);
    expect(results.errors.filter((e) => e.code === 'duplicate-row')).toEqual([
      {
        source: 'deals',
        row: 2,
        key: 'D2',
        field: 'row',
        code: 'duplicate-row',
        position: 2,
        reason:
          'deals row 2: the entry at position 2 of the list has no row, so its position makes it row 2, and row 2 is also the row of the entry at position 3; give each entry a row of its own, or none',
      },
      {
        source: 'deals',
        row: 2,
        key: 'D3',
        field: 'row',
        code: 'duplicate-row',
        position: 3,
        reason:
          'deals row 2: the entry at position 3 of the list has row 2, and row 2 is also the row of the entry at position 2; give each entry a row of its own, or none',
      },
    ]);
  });

  it('are each rejected in lenient mode with an error of their own; the others are paid', () => {
    const results = run(PLAN, holeAndGiven, ['2026-Q1'], lenient);
    expect(results.rejected.map((r) => [r.source, r.row, listed(r.errors)])).toEqual([
      [
        'deals',
        2,
        [
          ['deals', 2, 'D2', 'bad-number', undefined],
          ['deals', 2, 'D2', 'duplicate-row', 2],
          ['deals', 2, 'D3', 'duplicate-row', 3],
        ],
      ],
    ]);
    expect(paid(results)).toEqual([['D1', 1]]);
  });

  it('given the same row are each an error, even when neither has another', () => {
    const data: Dataset = {
      payees: [payee('a')],
      records: { deals: [deal('D1', '100', 5), deal('D2', '200', 7), deal('D3', '300', 5)] },
    };
    const strict = run(PLAN, data, ['2026-Q1']);
    expect(strict.statements).toEqual([]);
    expect(listed(strict.errors)).toEqual([
      ['deals', 5, 'D1', 'duplicate-row', 1],
      ['deals', 5, 'D3', 'duplicate-row', 3],
    ]);
    expect(strict.errors[0]?.reason).toBe(
      'deals row 5: the entry at position 1 of the list has row 5, and row 5 is also the row of the entry at position 3; give each entry a row of its own, or none',
    );
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(results.rejected.map((r) => [r.row, r.errors.map((e) => e.position)])).toEqual([[5, [1, 3]]]);
    expect(paid(results)).toEqual([['D2', 7]]);
  });

  it('name at most five others, and how many more', () => {
    const deals = Array.from({ length: 9 }, (_, i) => deal(`D${i + 1}`, '100', 1));
    const results = run(PLAN, { payees: [payee('a')], records: { deals } }, ['2026-Q1']);
    expect(results.errors).toHaveLength(9);
    expect(results.errors[0]?.reason).toBe(
      'deals row 1: the entry at position 1 of the list has row 1, and row 1 is also the row of the entries at positions 2, 3, 4, 5, 6 and 3 more; give each entry a row of its own, or none',
    );
    expect(results.errors[8]?.reason).toContain(
      'row 1 is also the row of the entries at positions 1, 2, 3, 4, 5 and 3 more;',
    );
    expect(results.errors[8]?.reason).toContain('at position 9 of the list');
  });

  it('in any order, and of holes, null rows, bad rows and non-objects, never throw', () => {
    const deals: unknown[] = [deal('D1', '100', 4), null, deal('D3', '100', 2.5), 'x', deal('D5', '100', 3)];
    deals.length = 7;
    deals[6] = deal('D7', '100', 6);
    // Position 2 (null) is row 2, position 3 (row 2.5: no row number) row 3, like D5; position 4
    // ("x") is row 4, like D1; position 6 (a hole) is row 6, like D7.
    const data = { payees: [payee('a')], records: { deals: deals as DataRecord[] } };
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    const shared = results.rejected.flatMap((r) =>
      r.errors.filter((e) => e.code === 'duplicate-row').map((e) => [e.row, e.position, e.key]),
    );
    expect(shared).toEqual([
      [3, 3, 'D3'],
      [3, 5, 'D5'],
      [4, 1, 'D1'],
      [4, 4, undefined],
      [6, 6, undefined],
      [6, 7, 'D7'],
    ]);
    expect(results.rejected.map((r) => r.row)).toEqual([2, 3, 4, 6]);
    const d3 = results.rejected[1]?.errors.find((e) => e.position === 3);
    expect(d3?.reason).toBe(
      'deals row 3: the entry at position 3 of the list has no row number, so its position makes it row 3, and row 3 is also the row of the entry at position 5; give each entry a row of its own, or none',
    );
    expect(results.statements.every((s) => s.earnings[0]?.lines.length === 0)).toBe(true);
  });

  it('are found among many rows out of order, with row numbers far beyond the count', () => {
    const deals = Array.from({ length: 2000 }, (_, i) => deal(`D${i + 1}`, '1', 1_000_000_000 - i * 7));
    deals.push(deal('X', '1', 1_000_000_000 - 1999 * 7));
    const results = run(PLAN, { payees: [payee('a')], records: { deals } }, ['2026-Q1']);
    expect(listed(results.errors)).toEqual([
      ['deals', 999_986_007, 'D2000', 'duplicate-row', 2000],
      ['deals', 999_986_007, 'X', 'duplicate-row', 2001],
    ]);
  });
});

describe('entries of the other lists that share a row number', () => {
  it('payees: both are left out, and their deals name the row', () => {
    const data: Dataset = {
      payees: [payee('a'), payee('b'), withRow(payee('c'), 2)],
      records: {
        deals: [deal('D1', '100', 1, 'a'), deal('D2', '100', 2, 'b'), deal('D3', '100', 3, 'c')],
      },
    };
    const strict = run(PLAN, data, ['2026-Q1']);
    expect(strict.statements).toEqual([]);
    expect(listed(strict.errors.filter((e) => e.source === 'payees'))).toEqual([
      ['payees', 2, 'b', 'duplicate-row', 2],
      ['payees', 2, 'c', 'duplicate-row', 3],
    ]);
    expect(strict.errors.find((e) => e.key === 'c')?.reason).toBe(
      'payees row 2: the entry at position 3 of the list has row 2, and row 2 is also the row of the entry at position 2; give each entry a row of its own, or none',
    );
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(results.statements.map((s) => s.payee)).toEqual(['a']);
    expect(results.rejected.map((r) => [r.source, r.row, r.errors.map((e) => [e.key, e.code])])).toEqual([
      ['deals', 2, [['D2', 'unknown-payee']]],
      ['deals', 3, [['D3', 'unknown-payee']]],
      [
        'payees',
        2,
        [
          ['b', 'duplicate-row'],
          ['c', 'duplicate-row'],
        ],
      ],
    ]);
  });

  it('payees given the same row: both are errors', () => {
    const data: Dataset = {
      payees: [withRow(payee('a'), 4), withRow(payee('b'), 4)],
      records: { deals: [] },
    };
    expect(listed(run(PLAN, data, ['2026-Q1']).errors)).toEqual([
      ['payees', 4, 'a', 'duplicate-row', 1],
      ['payees', 4, 'b', 'duplicate-row', 2],
    ]);
  });

  const eur = (date: string, rate: string) => ({ from: 'EUR', to: 'USD', date, rate });

  it('fx: both rates are left out, and a deal that needed one says there is none', () => {
    // The second rate (position 2) is given row 1, the row of the first (no row).
    const data: Dataset = {
      payees: [payee('a')],
      records: { deals: [deal('D1', '100 EUR', 1)] },
      fx: [eur('2026-01-01', '1.1'), withRow(eur('2026-01-10', '1.2'), 1)],
    };
    const strict = run(PLAN, data, ['2026-Q1']);
    expect(strict.statements).toEqual([]);
    expect(listed(strict.errors.filter((e) => e.source === 'fx'))).toEqual([
      ['fx', 1, undefined, 'duplicate-row', 1],
      ['fx', 1, undefined, 'duplicate-row', 2],
    ]);
    expect(strict.errors.find((e) => e.source === 'fx')?.reason).toBe(
      'fx row 1: the entry at position 1 of the list has no row, so its position makes it row 1, and row 1 is also the row of the entry at position 2; give each entry a row of its own, or none',
    );
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(results.rejected.map((r) => [r.source, r.row, r.errors.map((e) => e.code)])).toEqual([
      ['deals', 1, ['unknown-currency']],
      ['fx', 1, ['duplicate-row', 'duplicate-row']],
    ]);
  });

  it('fx given the same row: both are errors; other rates are used', () => {
    const data: Dataset = {
      payees: [payee('a')],
      records: { deals: [deal('D1', '100 EUR', 1)] },
      fx: [
        withRow(eur('2026-01-01', '1.1'), 3),
        withRow(eur('2026-01-10', '1.2'), 3),
        withRow(eur('2025-12-01', '2'), 1),
      ],
    };
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(listed(results.rejected.flatMap((r) => r.errors))).toEqual([
      ['fx', 3, undefined, 'duplicate-row', 1],
      ['fx', 3, undefined, 'duplicate-row', 2],
    ]);
    // D1 is converted at the rate of row 1 (2): 200 USD, 10% of it earned.
    expect(statement(results, 'a', '2026-Q1').earned).toBe('20.00');
  });

  const adjustment = (id: string, amount: string) => ({
    id,
    payee: 'a',
    period: '2026-Q1',
    amount,
    reason: 'manual',
  });

  it('adjustments: both are left out, each with its error; the others are paid', () => {
    // A3 (position 3) is given row 2, the row of A2 (position 2, no row).
    const data: Dataset = {
      payees: [payee('a')],
      records: { deals: [] },
      adjustments: [adjustment('A1', '10'), adjustment('A2', '20'), withRow(adjustment('A3', '30'), 2)],
    };
    const strict = run(PLAN, data, ['2026-Q1']);
    expect(strict.statements).toEqual([]);
    expect(listed(strict.errors)).toEqual([
      ['adjustments', 2, 'A2', 'duplicate-row', 2],
      ['adjustments', 2, 'A3', 'duplicate-row', 3],
    ]);
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(results.rejected.map((r) => [r.row, r.errors.map((e) => [e.key, e.position])])).toEqual([
      [
        2,
        [
          ['A2', 2],
          ['A3', 3],
        ],
      ],
    ]);
    expect(statement(results, 'a', '2026-Q1').adjustments.map((l) => [l.id, l.amount])).toEqual([
      ['manual:A1', '10.00'],
    ]);
  });

  it('adjustments given the same row: both are errors, the one without a row is paid', () => {
    const data: Dataset = {
      payees: [payee('a')],
      records: { deals: [] },
      adjustments: [
        withRow(adjustment('A1', '10'), 9),
        adjustment('A2', '20'),
        withRow(adjustment('A3', '30'), 9),
      ],
    };
    expect(listed(run(PLAN, data, ['2026-Q1']).errors)).toEqual([
      ['adjustments', 9, 'A1', 'duplicate-row', 1],
      ['adjustments', 9, 'A3', 'duplicate-row', 3],
    ]);
    const results = run(PLAN, data, ['2026-Q1'], lenient);
    expect(statement(results, 'a', '2026-Q1').adjustments.map((l) => [l.id, l.amount])).toEqual([
      ['manual:A2', '20.00'],
    ]);
  });

  it('quotas, territory assignments and attribute changes are checked alike', () => {
    const quota = { payee: 'a', quota: 'q', period: '2026-Q1', amount: '1' };
    const assignment = { payee: 'a', territory: 't', role: 'primary' };
    const change = { payee: 'a', attribute: 'target', value: '1', from: '2026-01-01' };
    const data = {
      payees: [payee('a')],
      records: { deals: [] },
      quotas: [quota, withRow(quota, 1)],
      territoryAssignments: [withRow(assignment, 2), withRow(assignment, 2)],
      attributeChanges: [withRow(change, 3), change, change],
    } as unknown as Dataset;
    const shared = run(PLAN, data, ['2026-Q1'], lenient)
      .rejected.flatMap((r) => r.errors)
      .filter((e) => e.code === 'duplicate-row');
    expect(shared.map((e) => [e.source, e.row, e.position])).toEqual([
      ['attributeChanges', 3, 1],
      ['attributeChanges', 3, 3],
      ['quotas', 1, 1],
      ['quotas', 1, 2],
      ['territoryAssignments', 2, 1],
      ['territoryAssignments', 2, 2],
    ]);
  });
});

describe('lenient mode accounts for every entry', () => {
  /**
   * Deals that may carry a row: none, one among the first few numbers (often another's position or
   * row), or one that is no row number (named by its position); some with a wrong amount.
   */
  const dealsArb = fc.array(
    fc.record({
      row: fc.oneof(
        fc.constant(undefined),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<unknown>(null, 0, 1.5, '3'),
      ),
      bad: fc.boolean(),
    }),
    { maxLength: 12 },
  );

  test.prop([dealsArb])('each deal is paid, or rejected with an error of its own', (specs) => {
    const deals = specs.map((d, i) => deal(`D${i + 1}`, d.bad ? 'lots' : '100', d.row));
    const results = run(PLAN, { payees: [payee('a')], records: { deals } }, ['2026-Q1'], lenient);
    const rowOf = (i: number) => {
      const row = specs[i]?.row;
      return typeof row === 'number' && Number.isInteger(row) && row >= 1 ? row : i + 1;
    };
    const used = new Set(paid(results).map(([key]) => key));
    const errors = results.rejected.flatMap((r) => r.errors);
    for (const [i] of deals.entries()) {
      const key = `D${i + 1}`;
      const own = errors.filter((e) => e.key === key && e.row === rowOf(i));
      // Paid or rejected, never both, never neither.
      expect(used.has(key)).toBe(own.length === 0);
      const sharing = specs.filter((_, j) => rowOf(j) === rowOf(i)).length;
      const shared = own.filter((e) => e.code === 'duplicate-row');
      expect(shared.map((e) => e.position)).toEqual(sharing > 1 ? [i + 1] : []);
    }
    // Every rejected error is an error of some deal.
    expect(errors.every((e) => e.key !== undefined)).toBe(true);
  });
});

describe('a payee list in any shape', () => {
  it('a payee that is not an object shares its position like any entry', () => {
    const payees = [7, withRow(payee('a'), 1)] as unknown as Payee[];
    const results = run(PLAN, { payees, records: { deals: [] } }, ['2026-Q1'], lenient);
    expect(results.rejected.map((r) => [r.row, r.errors.map((e) => [e.code, e.position])])).toEqual([
      [
        1,
        [
          ['bad-type', undefined],
          ['duplicate-row', 1],
          ['duplicate-row', 2],
        ],
      ],
    ]);
  });
});
