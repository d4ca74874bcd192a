import { describe, expect, it } from 'vitest';
import { earned, payee, planOf, quarterly, run, statement } from '../test-support.js';
import type { DataRecord, Dataset } from './dataset.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
`),
);

const deal = (row: unknown, id: string, amount: string) =>
  ({ row, values: { id, owner: 'a', amount, close_date: '2026-01-15' } }) as DataRecord;

const data: Dataset = {
  payees: [payee('a'), { ...payee('b'), row: 2.5 } as Dataset['payees'][number]],
  records: {
    deals: [
      deal(10, 'D1', '100'),
      deal(0, 'D2', '200'),
      deal(-3, 'D3', '300'),
      deal(1.5, 'D4', '400'),
      deal('7', 'D5', '500'),
      deal(null, 'D6', '600'),
      deal(undefined, 'D7', '700'),
    ],
  },
};

describe('row numbers given with entries', () => {
  it('must be whole numbers from 1: others are errors of the entry, named by its place in the list', () => {
    const results = run(PLAN, data, ['2026-Q1']);
    expect(results.statements).toEqual([]);
    expect(results.errors.map((e) => [e.source, e.row, e.field, e.code])).toEqual([
      ['deals', 2, 'row', 'bad-integer'],
      ['deals', 3, 'row', 'bad-integer'],
      ['deals', 4, 'row', 'bad-integer'],
      ['deals', 5, 'row', 'bad-type'],
      ['payees', 2, 'row', 'bad-integer'],
    ]);
    expect(results.errors[2]?.reason).toBe(
      'deals row 4: row is 1.5, which is not a row number (a whole number from 1, without quotes); the entry is named by its place in the list, 4',
    );
    expect(results.errors[3]?.reason).toContain('row is "7", which is not a row number');
  });

  it('leave the entry out in lenient mode; good and missing row numbers are used as given', () => {
    const results = run(PLAN, data, ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.map((r) => [r.source, r.row, r.key])).toEqual([
      ['deals', 2, 'D2'],
      ['deals', 3, 'D3'],
      ['deals', 4, 'D4'],
      ['deals', 5, 'D5'],
      ['payees', 2, 'b'],
    ]);
    // D1 (row 10), D6 (row null: its place, 6) and D7 (no row: 7) are paid: 10% of 1,400.
    const s = statement(results, 'a', '2026-Q1');
    expect(earned(s, 'c')).toBe('140.00');
    const lines = s.earnings[0]?.lines ?? [];
    expect(lines.map((l) => [l.record?.key, l.record?.row])).toEqual([
      ['D1', 10],
      ['D6', 6],
      ['D7', 7],
    ]);
  });
});
