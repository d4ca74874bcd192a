import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataError, Results, Statement } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { createNodeIo } from '../io.js';
import { tempDir } from '../test-support/temp-dir.js';
import {
  errorInFile,
  mergePrevious,
  notResults,
  placeOf,
  readJsonFile,
  readPreviousFile,
} from './previous-files.js';

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
    expect(mergePrevious([{ file: 'q1.json', results: q1 }], 'AE').previous).toBe(q1);
    const q2 = results('AE', '2026-Q2', ['a'], 'USD');
    const { previous, parts } = mergePrevious(
      [
        { file: 'q1.json', results: q1 },
        { file: 'q2.json', results: q2 },
      ],
      'AE',
    );
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
    const { previous } = mergePrevious(
      [
        { file: 'old.json', results: other as Results },
        { file: 'q2.json', results: mine },
      ],
      'AE',
    );
    expect(previous.statements.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    // The engine then warns that the earlier results are of plan "Old" (previous-plan).
    expect(previous.meta.plan.name).toBe('Old');
    // Also when the other plan's file comes last. Before: the meta was the first whose plan differs
    // from the last file's, so mine ("AE") was chosen and the engine did not warn.
    const last = mergePrevious(
      [
        { file: 'q2.json', results: mine },
        { file: 'old.json', results: other as Results },
      ],
      'AE',
    );
    expect(last.previous.meta.plan.name).toBe('Old');
    const same = mergePrevious(
      [
        { file: 'q1.json', results: results('AE', '2026-Q1', []) },
        { file: 'q2.json', results: mine },
      ],
      'AE',
    );
    expect(same.previous.meta).toEqual(mine.meta);
  });

  it('makes the same meta whatever the order of the files, so that the data hash is the same', () => {
    const meta = (period: string) => ({ plan: { name: 'AE' }, currency: 'USD', periods: [period] });
    const q1 = { ...results('AE', '2026-Q1', ['a']), meta: meta('2026-Q1') } as unknown as Results;
    const q2 = { ...results('AE', '2026-Q2', ['a']), meta: meta('2026-Q2') } as unknown as Results;
    const forward = mergePrevious(
      [
        { file: 'q1.json', results: q1 },
        { file: 'q2.json', results: q2 },
      ],
      'AE',
    );
    const backward = mergePrevious(
      [
        { file: 'q2.json', results: q2 },
        { file: 'q1.json', results: q1 },
      ],
      'AE',
    );
    // Before: each took the last file's meta (2026-Q2, then 2026-Q1). Now the first by JSON text.
    expect(forward.previous.meta).toEqual(meta('2026-Q1'));
    expect(backward.previous.meta).toEqual(meta('2026-Q1'));
    // Of two other plans', one is chosen the same way whatever the order.
    const b = { ...q1, meta: { plan: { name: 'B' } } } as unknown as Results;
    const c = { ...q2, meta: { plan: { name: 'C' } } } as unknown as Results;
    for (const files of [
      [b, c],
      [c, b],
    ]) {
      const merged = mergePrevious(
        files.map((r, i) => ({ file: `${i}.json`, results: r })),
        'AE',
      );
      expect(merged.previous.meta.plan.name).toBe('B');
    }
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
      otherRow: 2,
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

  it("takes the first statement's row from the error, not from words in the reason", () => {
    // Merged row 5 is q2.json row 3 (q1.json holds 2, empty.json 0: 5 - 2 = 3); the first statement,
    // merged row 3, is q2.json row 1 (3 - 2 = 1), in the same file. The payee id and a quoted value
    // hold words like the engine's (data are text): they are left as they are.
    const odd = 'x statements[0] (row 1)';
    const error: DataError = {
      source: 'previous',
      row: 5,
      key: `${odd} 2026-Q1`,
      field: 'statements',
      code: 'duplicate-key',
      reason: `previous row 5: is a second statement of ${odd} in 2026-Q1, different from statements[2] (row 3): nothing says which was paid`,
      otherRow: 3,
    };
    expect(errorInFile(error, parts)).toEqual({
      file: 'q2.json',
      error: {
        ...error,
        row: 3,
        otherRow: 1,
        reason: `previous row 3: is a second statement of ${odd} in 2026-Q1, different from statements[0] (row 1): nothing says which was paid`,
      },
    });
    const value: DataError = {
      source: 'previous',
      row: 3,
      field: 'payee',
      code: 'bad-type',
      reason: 'previous row 3: payee is "statements[0] (row 1)", which is not a payee id',
    };
    expect(errorInFile(value, parts)?.error.reason).toBe(
      'previous row 1: payee is "statements[0] (row 1)", which is not a payee id',
    );
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

describe('reading a JSON file', () => {
  const json = '{"statements": [{"payee": "ae-1", "period": "2026-Q1"}]}\n';
  /** Reads `bytes` as q1.json, streamed (as attain run reads) or whole. */
  async function readBytes(bytes: Buffer, streamed = true) {
    const cwd = await tempDir({});
    await writeFile(join(cwd, 'q1.json'), bytes);
    const io = { ...createNodeIo(), cwd };
    if (!streamed) delete io.readChunks;
    return readPreviousFile(io, 'q1.json');
  }

  it('accepts a UTF-8 byte order mark, as Windows PowerShell writes it', async () => {
    // Before: "cannot read q1.json: is not valid JSON: Unexpected token '\uFEFF'".
    for (const streamed of [true, false]) {
      const read = await readBytes(Buffer.from(`\uFEFF${json}`), streamed);
      expect(read.problem).toBeUndefined();
      expect(read.problem === undefined && read.previous.results.statements).toEqual([
        { payee: 'ae-1', period: '2026-Q1' },
      ]);
    }
  });

  it("says that a UTF-16 file (Windows PowerShell 5's >) or a Latin-1 one is not UTF-8", async () => {
    // Before: "is not valid JSON: Unexpected token '\uFFFD'", followed by the text full of U+FFFD.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect(await readBytes(utf16)).toEqual({
      problem:
        "q1.json is UTF-16 text, not UTF-8 (line 1): save it as UTF-8 (Windows PowerShell 5's > writes " +
        'UTF-16: write the file with | Out-File -Encoding utf8)',
    });
    const latin1 = Buffer.from('{\n"statements": [],\n"name": "Tom\xe1s"}\n', 'latin1');
    expect((await readBytes(latin1)).problem).toMatch(
      /^q1\.json is not UTF-8 text \(line 3\): save it as UTF-8/,
    );
  });

  it('names a file that is missing or not JSON', async () => {
    const cwd = await tempDir({ 'bad.json': '{"statements": [' });
    const io = { ...createNodeIo(), cwd };
    expect(await readJsonFile(io, join(cwd, 'missing.json'), 'missing.json')).toEqual({
      problem: 'cannot read missing.json: no such file or directory',
    });
    // The file ends inside the list: its line and column, and what was expected there.
    expect((await readJsonFile(io, join(cwd, 'bad.json'), 'bad.json')).problem).toBe(
      'bad.json:1:17: not valid JSON: expected "]" to close the list, found the end of the file',
    );
  });
});
