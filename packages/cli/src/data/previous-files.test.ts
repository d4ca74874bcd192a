import type { DataError, Results, Statement } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { errorInFile, mergePrevious, notResults, placeOf } from './previous-files.js';

/** Results of plan `plan` holding statements of `payees` in `period` (only what merging reads). */
function results(plan: string, period: string, payees: string[], currency?: string): Results {
  const statements = payees.map((payee) => {
    const s = { payee, period } as Partial<Statement>;
    if (currency) s.currency = currency;
    return s as Statement;
  });
  return { meta: { plan: { name: plan }, currency: 'USD' }, statements } as unknown as Results;
}

describe('merging the earlier results of several files', () => {
  it('passes one file as it is, and puts the statements of several together in order', () => {
    const q1 = results('AE', '2026-Q1', ['a', 'b'], 'USD');
    expect(mergePrevious([{ file: 'q1.json', results: q1 }]).previous).toBe(q1);
    const q2 = results('AE', '2026-Q2', ['a'], 'USD');
    const { previous, parts } = mergePrevious([
      { file: 'q1.json', results: q1 },
      { file: 'q2.json', results: q2 },
    ]);
    expect(previous.statements.map((s) => [s.payee, s.period])).toEqual([
      ['a', '2026-Q1'],
      ['b', '2026-Q1'],
      ['a', '2026-Q2'],
    ]);
    expect(parts).toEqual([
      { file: 'q1.json', count: 2 },
      { file: 'q2.json', count: 1 },
    ]);
  });

  it("gives a statement without a currency its file's, and keeps the meta of a file of another plan", () => {
    const mine = results('AE', '2026-Q2', ['a']);
    const other = { ...results('Old', '2026-Q1', ['a']), meta: { plan: { name: 'Old' }, currency: 'EUR' } };
    const { previous } = mergePrevious([
      { file: 'old.json', results: other as Results },
      { file: 'q2.json', results: mine },
    ]);
    expect(previous.statements.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    // The engine then warns that the earlier results are of plan "Old" (previous-plan).
    expect(previous.meta.plan.name).toBe('Old');
    const same = mergePrevious([
      { file: 'q1.json', results: results('AE', '2026-Q1', []) },
      { file: 'q2.json', results: mine },
    ]);
    expect(same.previous.meta).toBe(mine.meta);
  });
});

describe('naming the file of a statement', () => {
  const parts = [
    { file: 'q1.json', count: 2 },
    { file: 'empty.json', count: 0 },
    { file: 'q2.json', count: 3 },
  ];

  it('counts rows over the files in order', () => {
    expect([1, 2, 3, 5, 6].map((row) => placeOf(parts, row))).toEqual([
      { file: 'q1.json', row: 1 },
      { file: 'q1.json', row: 2 },
      { file: 'q2.json', row: 1 },
      { file: 'q2.json', row: 3 },
      undefined,
    ]);
  });

  it("rewrites the engine's rows as rows of the file, the first statement of a duplicate included", () => {
    const error: DataError = {
      source: 'previous',
      row: 4,
      key: 'a 2026-Q1',
      field: 'statements',
      code: 'duplicate-key',
      reason:
        'previous row 4: is a second statement of a in 2026-Q1, different from statements[1] (row 2): nothing says which was paid',
    };
    expect(errorInFile(error, parts)).toEqual({
      file: 'q2.json',
      error: {
        ...error,
        row: 2,
        reason:
          'previous row 2: is a second statement of a in 2026-Q1, different from statements[1] (row 2) of q1.json: nothing says which was paid',
      },
    });
    expect(errorInFile({ ...error, row: undefined }, parts)).toBeUndefined();
  });
});

describe('what is not earlier results', () => {
  it('is anything without a statements list, or the results of a run that stopped on errors', () => {
    expect(notResults([], 'x.json')).toMatch(
      /^x\.json is not the results of a run: it has no "statements" list/,
    );
    expect(notResults({ statements: {} }, 'x.json')).toMatch(/^x\.json is not the results of a run/);
    expect(notResults({ errors: [{}, {}], statements: [] }, 'x.json')).toBe(
      'x.json holds no statements: its run stopped on 2 data errors and paid nothing (correct them and run its periods again)',
    );
    // A run in which nobody was on the plan paid nothing, and says nothing wrong.
    expect(notResults({ errors: [], statements: [] }, 'x.json')).toBeUndefined();
  });
});
