import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeIo } from '../io.js';
import { tempDir } from '../test-support/temp-dir.js';
import { CsvFileError, missingColumns, readCsv, readCsvTable } from './csv.js';

async function read(text: string, streamed = true) {
  const root = await tempDir({ 'x.csv': text });
  const io = createNodeIo();
  if (!streamed) delete io.readChunks;
  const rows: [number, string[]][] = [];
  let header: readonly string[] = [];
  const count = await readCsv(io, join(root, 'x.csv'), 'data/x.csv', {
    header: (columns) => {
      header = columns;
    },
    row: (cells, row) => rows.push([row, [...cells]]),
  });
  return { header, rows, count };
}

describe('readCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, a BOM and CRLF line ends', async () => {
    const text = '\uFEFFid, name ,note\r\n1,"Lovelace, Ada","said ""hi""\r\non two lines"\r\n2,Hopper,\r\n';
    for (const streamed of [true, false]) {
      expect(await read(text, streamed)).toEqual({
        header: ['id', 'name', 'note'],
        rows: [
          [1, ['1', 'Lovelace, Ada', 'said "hi"\r\non two lines']],
          [2, ['2', 'Hopper', '']],
        ],
        count: 2,
      });
    }
  });

  it('skips blank lines and rows of empty cells, numbering the rows that remain', async () => {
    const { rows } = await read('a,b\n\n1,2\n,\n3,4\n');
    expect(rows).toEqual([
      [1, ['1', '2']],
      [2, ['3', '4']],
    ]);
  });

  it('fills short rows with empty cells and accepts empty cells past the header', async () => {
    const { rows } = await read('a,b,c\n1\n2,3,4,,\n');
    expect(rows.map(([, cells]) => cells.slice(0, 3))).toEqual([
      ['1', '', ''],
      ['2', '3', '4'],
    ]);
  });

  it.each([
    ['', 'data/x.csv is empty: it needs at least a header line'],
    ['a,b\n1,2,3\n', 'data/x.csv row 1: 3 cells, but the header names 2 columns'],
    ['a,a\n', 'data/x.csv: the header names the column "a" twice'],
    ['a,,b\n', 'data/x.csv: column 2 of the header has no name'],
  ])('rejects %j', async (text, message) => {
    await expect(read(text)).rejects.toThrow(new CsvFileError(message));
  });

  it('rejects text that is not CSV, naming the file', async () => {
    await expect(read('a,b\n"1,2\n')).rejects.toThrow(
      new CsvFileError('data/x.csv: not valid CSV: Quoted field unterminated (row 1)'),
    );
    await expect(read('a,b\n1,"2"x\n3,4\n')).rejects.toThrow(
      /^data\/x\.csv: not valid CSV: .*quote.*\(row 1\)$/,
    );
  });

  it('reads commas only: a semicolon is part of a cell', async () => {
    const { header, rows } = await read('a;b,c\n1;2,3\n');
    expect(header).toEqual(['a;b', 'c']);
    expect(rows).toEqual([[1, ['1;2', '3']]]);
  });

  it('keeps a character whose UTF-8 bytes are split between chunks', async () => {
    const { rows } = await read(`name\n${'é'.repeat(70_000)}\n`);
    expect(rows[0]?.[1][0]).toBe('é'.repeat(70_000));
  });
});

describe('readCsvTable', () => {
  async function table(path: string) {
    const cwd = await tempDir({ 'x.csv': 'id, name\n1,"Lovelace, Ada"\n\n2,Hopper\n', 'sub/keep.txt': '' });
    return readCsvTable({ ...createNodeIo(), cwd }, path);
  }

  it('reads a file relative to the working directory: its columns and the cells of each row', async () => {
    expect(await table('x.csv')).toEqual({
      columns: ['id', 'name'],
      rows: [
        ['1', 'Lovelace, Ada'],
        ['2', 'Hopper'],
      ],
    });
  });

  it.each([
    ['nope.csv', 'cannot read nope.csv: no such file or directory'],
    ['sub', 'cannot read sub: is a directory'],
  ])('returns a message for %s instead of throwing', async (path, message) => {
    expect(await table(path)).toBe(message);
  });

  it('returns the message of a file that is not CSV', async () => {
    const cwd = await tempDir({ 'x.csv': 'a,b\n1,2,3\n' });
    expect(await readCsvTable({ ...createNodeIo(), cwd }, 'x.csv')).toBe(
      'x.csv row 1: 3 cells, but the header names 2 columns',
    );
  });
});

describe('missingColumns', () => {
  it('is undefined when every required column is there, in any order', () => {
    expect(missingColumns('a.csv', ['b', 'a', 'c'], ['a', 'b'])).toBeUndefined();
    expect(missingColumns('a.csv', [], [])).toBeUndefined();
  });

  it('names the missing columns in one wording, with what declares them when something does', () => {
    expect(missingColumns('h.csv', ['id', 'name'], ['id', 'parent'])).toBe(
      'h.csv has no "parent" column; its columns are id, name',
    );
    expect(missingColumns('h.csv', ['name'], ['id', 'parent'])).toBe(
      'h.csv has no "id" and "parent" columns; its columns are name',
    );
    expect(missingColumns('d/deals.csv', ['id'], ['id', 'a', 'b', 'c'], "the plan's source deals")).toBe(
      'd/deals.csv has no "a", "b" and "c" columns (the plan\'s source deals declares them); its columns are id',
    );
    expect(missingColumns('d/x.csv', [], ['a'], 'the plan')).toBe(
      'd/x.csv has no "a" column (the plan declares it); it has no columns',
    );
  });
});
