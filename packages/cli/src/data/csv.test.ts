import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeIo } from '../io.js';
import { tempDir } from '../test-support/temp-dir.js';
import { CsvFileError, checkHeader, missingColumns, readCsv, readCsvTable, visible } from './csv.js';

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
          [1, ['1', 'Lovelace, Ada', 'said "hi"\non two lines']],
          [2, ['2', 'Hopper', '']],
        ],
        count: 2,
      });
    }
  });

  it('skips blank lines and rows of empty cells, counting them so that row N is line N + 1', async () => {
    // Lines: 1 header, 2 blank, 3 "1,2", 4 ",", 5 "3,4": rows 2 and 4, as in docs/reference/run.md.
    const { rows, count } = await read('a,b\n\n1,2\n,\n3,4\n');
    expect(rows).toEqual([
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
    expect(count).toBe(2);
    // Blank lines before the header are not rows; a quoted line break keeps its row one row (as a
    // spreadsheet shows it): "x" is row 2 although it is on line 5.
    const quoted = await read('\n\na,b\n"1\nmore",2\nx,y\n\r\n\r\nz,w');
    expect(quoted.rows.map(([row, cells]) => [row, cells[0]])).toEqual([
      [1, '1\nmore'],
      [2, 'x'],
      [5, 'z'],
    ]);
  });

  it('names the row of a row with too many cells after blank lines', async () => {
    await expect(read('a,b\n\n\n1,2,3\n')).rejects.toThrow(
      new CsvFileError('data/x.csv row 3: 3 cells, but the header names 2 columns'),
    );
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
  ])('rejects %j', async (text, message) => {
    await expect(read(text)).rejects.toThrow(new CsvFileError(message));
  });

  it('rejects text that is not CSV, naming the file, the line and column of the quote, and the row', async () => {
    // Before: "data/x.csv: not valid CSV: Quoted field unterminated (row 1)", with no line and
    // PapaParse's words. The quote opening the cell is line 2, column 1 (row 1).
    await expect(read('a,b\n"1,2\n')).rejects.toThrow(
      new CsvFileError(
        'data/x.csv:2:1: not valid CSV (row 1): a quote opens a cell that is never closed, so the rest ' +
          'of the file would be that one cell: end the cell with a quote, and write a quote inside a quoted cell twice ("")',
      ),
    );
    // The quoted cell "2" goes on with x: line 4 (a blank line is row 2), column 3.
    await expect(read('a,b\n1,2\n\n1,"2"x\n3,4\n')).rejects.toThrow(
      new CsvFileError(
        'data/x.csv:4:3: not valid CSV (row 3): a quoted cell goes on after its closing quote: put the ' +
          'whole cell in quotes, and write a quote inside it twice ("")',
      ),
    );
    // In the header, after a BOM and CRLF line ends: line 1, column 5 (the BOM is no column).
    await expect(read('\ufeffid,"name\r\n1,2\r\n')).rejects.toThrow(
      /^data\/x\.csv:1:4: not valid CSV \(the header\): a quote opens/,
    );
  });

  it('reads a file whose line ends are mixed: CRLF, then LF (before: "row 3: 7 cells...")', async () => {
    const { rows } = await read('a,b\r\n1,2\r\n3,4\n5,6\n7,"8\r\n"\r\n');
    expect(rows).toEqual([
      [1, ['1', '2']],
      [2, ['3', '4']],
      [3, ['5', '6']],
      [4, ['7', '8\n']],
    ]);
  });

  it('reads a file whose lines end in CR alone (before: one header line and no rows)', async () => {
    const { header, rows } = await read('id,name,manager\rp,P,\rq,Q,p\r');
    expect(header).toEqual(['id', 'name', 'manager']);
    expect(rows).toEqual([
      [1, ['p', 'P', '']],
      [2, ['q', 'Q', 'p']],
    ]);
    // CR ends lines also when the file does not end with one, and inside a quoted cell.
    expect((await read('a,b\r"1\r2",3')).rows).toEqual([[1, ['1\n2', '3']]]);
  });

  it('reads a CR and its LF split between chunks as one line end', async () => {
    // 70,000 bytes of row put the first chunk's end (64 KB) inside the rows; at least one CRLF is split.
    const rows = Array.from({ length: 10_000 }, (_, i) => `${String(i).padStart(5, '0')}`);
    const { rows: read1 } = await read(`n\r\n${rows.join('\r\n')}\r\n`);
    expect(read1.map(([, cells]) => cells[0])).toEqual(rows);
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

describe('checkHeader', () => {
  it('rejects a column named twice or without a name when every column is read', () => {
    expect(() => checkHeader(['a', 'a'], 'data/x.csv')).toThrow(
      new CsvFileError('data/x.csv: the header names the column "a" twice'),
    );
    expect(() => checkHeader(['a', '', 'b'], 'data/x.csv')).toThrow(
      new CsvFileError('data/x.csv: column 2 of the header has no name'),
    );
  });

  it('ignores the columns nobody reads, however they are named (docs/reference/run.md)', () => {
    // A notes column twice, and the unnamed column of a trailing comma, as spreadsheets export.
    const reads = new Set(['id', 'amount']);
    expect(() => checkHeader(['id', 'notes', 'amount', 'notes', ''], 'data/x.csv', reads)).not.toThrow();
    expect(() => checkHeader(['id', 'amount', 'amount'], 'data/x.csv', reads)).toThrow(
      new CsvFileError('data/x.csv: the header names the column "amount" twice'),
    );
  });
});

describe('readCsv of a file that is not UTF-8', () => {
  /** Reads the bytes as data/x.csv, streamed (as attain run reads) or whole. */
  async function readBytes(bytes: Buffer) {
    const root = await tempDir({});
    await writeFile(join(root, 'x.csv'), bytes);
    return readCsv(createNodeIo(), join(root, 'x.csv'), 'data/x.csv', { header: () => {}, row: () => {} });
  }

  it('names the file, line and row of a Latin-1 byte instead of reading it as U+FFFD', async () => {
    // "Tomás" in Latin-1: á is the single byte 0xE1, on line 3 (row 2). Before: read as "Tom\uFFFDs".
    const latin1 = Buffer.from('id,name\nae-1,Ada\nae-2,Tom\xe1s\n', 'latin1');
    await expect(readBytes(latin1)).rejects.toThrow(
      new CsvFileError(
        'data/x.csv is not UTF-8 text (line 3, row 2): save it as UTF-8 (in Excel: CSV UTF-8)',
      ),
    );
  });

  it('counts the lines of the chunks before the bad byte, and a character cut at the end', async () => {
    // 20,000 lines of "n,é" (6 bytes each with the line break) fill two 64 KB chunks and more: the bad
    // byte is on line 20,002 (header, then 20,000 rows), row 20,001.
    const rows = 'n,\u00e9\n'.repeat(20_000);
    const bytes = Buffer.concat([Buffer.from(`a,b\n${rows}`), Buffer.from([0x78, 0x2c, 0xff, 0x0a])]);
    await expect(readBytes(bytes)).rejects.toThrow('data/x.csv is not UTF-8 text (line 20002, row 20001)');
    // The last byte begins a two-byte character that never comes.
    await expect(readBytes(Buffer.from([0x61, 0x0a, 0x62, 0xc3]))).rejects.toThrow(
      'data/x.csv is not UTF-8 text (line 2, row 1)',
    );
  });

  it('counts rows as the rest of the run does: a quoted line break, blank lines above the header', async () => {
    // Row 1 ("Lovelace,\nAda") takes lines 2 and 3; the Latin-1 byte of "Tomás" is on line 4, in
    // row 2 (before: "row 3", line 4 less one).
    const quoted = Buffer.from('id,name\nae-1,"Lovelace,\nAda"\nae-2,Tom\xe1s\n', 'latin1');
    await expect(readBytes(quoted)).rejects.toThrow('data/x.csv is not UTF-8 text (line 4, row 2)');
    // Two blank lines above the header are not rows: the header is line 3, "Tomás" on line 4 is row 1
    // (before: "row 3").
    const blankAbove = Buffer.from('\n\nid,name\nae-2,Tom\xe1s\n', 'latin1');
    await expect(readBytes(blankAbove)).rejects.toThrow('data/x.csv is not UTF-8 text (line 4, row 1)');
    // The header itself, on line 2 under a blank line (before: "line 2, row 1").
    const inHeader = Buffer.from('\nid,n\xe1me\nae-1,Ada\n', 'latin1');
    await expect(readBytes(inHeader)).rejects.toThrow('data/x.csv is not UTF-8 text (line 2, the header)');
  });

  it('counts the lines of a file whose lines end in a lone CR (old Mac exports) or CRLF', async () => {
    // "Tomás" in Latin-1 on line 3, row 2 (before, with CR line ends: "line 1", no LF being found).
    const cr = Buffer.from('id,name\rae-1,Ada\rae-2,Tom\xe1s\r', 'latin1');
    await expect(readBytes(cr)).rejects.toThrow('data/x.csv is not UTF-8 text (line 3, row 2)');
    const crlf = Buffer.from('id,name\r\nae-1,Ada\r\nae-2,Tom\xe1s\r\n', 'latin1');
    await expect(readBytes(crlf)).rejects.toThrow('data/x.csv is not UTF-8 text (line 3, row 2)');
  });

  it('says that a UTF-16 file is UTF-16 (before: "row 3: 6 cells, but the header names...")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\nae-1,Ada\n', 'utf16le')]);
    await expect(readBytes(utf16)).rejects.toThrow(
      new CsvFileError(
        'data/x.csv is UTF-16 text, not UTF-8 (line 1, the header): save it as UTF-8 (in Excel: CSV UTF-8)',
      ),
    );
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
      numbers: [1, 3],
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
  it('writes out the invisible characters of a column name that looks right', () => {
    // A zero-width space pasted after "amount", a non-breaking space inside "close date".
    expect(missingColumns('d.csv', ['id', 'amount\u200b', 'close\u00a0date'], ['id', 'amount'])).toBe(
      'd.csv has no "amount" column; its columns are id, "amount\\u200B", "close\\u00A0date"',
    );
    expect(visible('amount')).toBe('amount');
    expect(visible('a\tb\u2028c')).toBe('"a\\u0009b\\u2028c"');
    // A character beyond the basic plane is shown as it is.
    expect(visible('montant 💶')).toBe('montant 💶');
  });

  it('says when the header looks separated by semicolons or tabs', () => {
    expect(missingColumns('d.csv', ['id;owner;amount'], ['id', 'amount'])).toBe(
      'd.csv has no "id" and "amount" columns; its columns are id;owner;amount ' +
        '(the file looks separated by semicolons: attain reads comma-separated files; save it as "CSV UTF-8 (Comma delimited)")',
    );
    expect(missingColumns('d.csv', ['id\towner'], ['id'])).toContain('(the file looks separated by tabs:');
    // Two columns, one with a semicolon in its name: a comma-separated file.
    expect(missingColumns('d.csv', ['id', 'a;b'], ['x'])).toBe(
      'd.csv has no "x" column; its columns are id, a;b',
    );
  });
});
