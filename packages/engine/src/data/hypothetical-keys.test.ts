/**
 * A hypothetical record ("if this deal closes") written with the key of a real record: the real
 * record is kept and paid, the hypothetical one is the duplicate. Rows sharing a key with no real
 * row among them, or with two real rows, are all left out as before: nothing says which is right.
 */
import { describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import { payee, planOf, quarterly, run, statement } from '../test-support.js';

const source = `source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }`;

/** Credits reach only owners: records are checked up front and made owner by owner. */
const ownersOnly = planOf(
  quarterly(`${source}
  credit bookings from deals { to owner }
  commission c = bookings * 10%`),
);

/** A credit to managers reads other payees' records: every record is made up front. */
const withManagers = planOf(
  quarterly(`${source}
  credit bookings from deals { to owner }
  credit team from deals { to managers of owner }
  commission c = bookings * 10%
  commission override = team * 1%`),
);

function deal(row: number, id: string, amount: string, hypothetical?: unknown): DataRecord {
  const record: DataRecord = { row, values: { id, owner: 'a', amount, close_date: '2026-02-10' } };
  if (hypothetical !== undefined) (record as { hypothetical?: unknown }).hypothetical = hypothetical;
  return record;
}

const payees = [payee('m'), payee('a', {}, { manager: 'm' })];

describe.each([
  ['credits to owners only', ownersOnly],
  ['a credit to managers', withManagers],
])('a hypothetical row reusing a real row key, with %s', (_, plan) => {
  const data = (deals: DataRecord[]) => ({ payees, records: { deals } });

  it('leaves the hypothetical row out (lenient) and pays the real one as if it were alone', () => {
    const real = deal(1, 'D1', '20000');
    const results = run(
      plan,
      data([real, deal(2, 'D2', '5000'), deal(3, 'D1', '30000', true)]),
      ['2026-Q1'],
      {
        mode: 'lenient',
      },
    );
    expect(results.rejected).toEqual([
      {
        source: 'deals',
        row: 3,
        key: 'D1',
        errors: [
          expect.objectContaining({
            code: 'duplicate-key',
            field: 'id',
            reason:
              'deals row 3: id "D1" is already used by real row 1; a hypothetical record needs a key of its own',
          }),
        ],
      },
    ]);
    // 20,000 + 5,000 = 25,000 credited, 10%: 2,500.00; nothing is estimated.
    const a = statement(results, 'a', '2026-Q1');
    expect(a.credits.find((c) => c.name === 'bookings')?.total).toBe('25000');
    expect(a.payout).toBe('2500.00');
    expect(a.estimatedPayout).toBe('2500.00');
    const alone = run(plan, data([real, deal(2, 'D2', '5000')]), ['2026-Q1'], { mode: 'lenient' });
    expect(results.statements).toEqual(alone.statements);
  });

  it('reports only the hypothetical row in strict mode', () => {
    const results = run(plan, data([deal(1, 'D1', '20000'), deal(2, 'D1', '30000', true)]), ['2026-Q1']);
    expect(results.statements).toEqual([]);
    expect(results.errors.map((e) => [e.row, e.code, e.reason])).toEqual([
      [
        2,
        'duplicate-key',
        'deals row 2: id "D1" is already used by real row 1; a hypothetical record needs a key of its own',
      ],
    ]);
  });

  it('names the real row in each of several hypothetical rows reusing its key', () => {
    const rows = [deal(1, 'D1', '30000', true), deal(2, 'D1', '20000'), deal(3, 'D1', '10000', true)];
    const results = run(plan, data(rows), ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.row, r.errors[0]?.reason])).toEqual([
      [1, 'deals row 1: id "D1" is already used by real row 2; a hypothetical record needs a key of its own'],
      [3, 'deals row 3: id "D1" is already used by real row 2; a hypothetical record needs a key of its own'],
    ]);
    expect(statement(results, 'a', '2026-Q1').payout).toBe('2000.00');
  });

  it('leaves every row out when two real rows share the key, hypothetical ones too', () => {
    const rows = [deal(1, 'D1', '20000'), deal(2, 'D1', '30000', true), deal(3, 'D1', '10000')];
    const results = run(plan, data(rows), ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.row, r.errors[0]?.reason])).toEqual([
      [1, 'deals row 1: id "D1" is also used in row 2, 3'],
      [2, 'deals row 2: id "D1" is also used in row 1, 3'],
      [3, 'deals row 3: id "D1" is also used in row 1, 2'],
    ]);
    expect(statement(results, 'a', '2026-Q1').payout).toBe('0.00');
  });

  it('leaves both out when only hypothetical rows share the key', () => {
    const rows = [deal(1, 'D1', '20000'), deal(2, 'H1', '30000', true), deal(3, 'H1', '10000', true)];
    const results = run(plan, data(rows), ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.row, r.errors[0]?.reason])).toEqual([
      [2, 'deals row 2: id "H1" is also used in row 3'],
      [3, 'deals row 3: id "H1" is also used in row 2'],
    ]);
    const a = statement(results, 'a', '2026-Q1');
    expect([a.payout, a.estimatedPayout]).toEqual(['2000.00', '2000.00']);
  });

  it('takes a hypothetical flag that is not a boolean for no flag: the row is wrong, and both rows share the key', () => {
    // "yes" is neither true nor false: read as a real row, it would be paid; so it is an error,
    // and as it is not known to be hypothetical, the real row cannot be told from it.
    const results = run(plan, data([deal(1, 'D1', '20000'), deal(2, 'D1', '30000', 'yes')]), ['2026-Q1'], {
      mode: 'lenient',
    });
    expect(results.rejected.map((r) => [r.row, r.errors.map((e) => e.code)])).toEqual([
      [1, ['duplicate-key']],
      [2, ['bad-type', 'duplicate-key']],
    ]);
  });
});
