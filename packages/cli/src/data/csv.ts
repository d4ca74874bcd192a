/**
 * Reads a CSV file with PapaParse (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes, CRLF or LF, an optional UTF-8 byte order mark), streaming it so that a file of a million
 * rows is never held in memory twice. The first line is the header.
 *
 * PapaParse rather than csv-parse: both are well kept and read the same files, and PapaParse reads
 * a million-row file in about half the time (it splits unquoted text with `indexOf` and keeps the
 * character loop for quoted cells), which is most of `attain run`'s reading.
 */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { describeIoError, type Io } from '../io.js';

/** What to do with the rows of a file, as they are read. */
export interface CsvReader {
  /** Receives the column names (trimmed) before any row. */
  header(columns: readonly string[]): void;
  /**
   * Receives each data row: its cells (as many as the header has columns; missing cells are
   * empty) and its 1-based row number, counted from the first row under the header.
   */
  row(cells: readonly string[], row: number): void;
}

/** A file that cannot be read as CSV, with a message that names the file and the line. */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
}

/** True when every cell is empty: a blank line, or a line of commas left by a spreadsheet. */
function blank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function checkHeader(columns: readonly string[], display: string): void {
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (column === '') throw new CsvFileError(`${display}: column ${index + 1} of the header has no name`);
    if (seen.has(column)) throw new CsvFileError(`${display}: the header names the column "${column}" twice`);
    seen.add(column);
  }
}

/** The file's text, decoded as UTF-8 chunk by chunk (a character split between chunks stays whole; a BOM is dropped). */
async function* text(chunks: Iterable<string> | AsyncIterable<string | Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of chunks) {
    let part = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && part.length > 0) {
      if (part.charCodeAt(0) === 0xfeff) part = part.slice(1);
      first = false;
    }
    if (part.length > 0) yield part;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * Reads the CSV file at `absolute` (shown to the user as `display`) into `reader`. Resolves to the
 * number of data rows; rejects with a {@link CsvFileError} when the file is not valid CSV, has no
 * header or a row has more cells than the header, and with the I/O error when it cannot be read.
 */
export async function readCsv(io: Io, absolute: string, display: string, reader: CsvReader): Promise<number> {
  const chunks: Iterable<string> | AsyncIterable<string | Uint8Array> = io.readChunks
    ? io.readChunks(absolute)
    : [await io.readFile(absolute)];
  let header: string[] | undefined;
  let rows = 0;
  const take = (record: string[]): void => {
    if (header === undefined) {
      header = record.map((cell) => cell.trim());
      checkHeader(header, display);
      reader.header(header);
      return;
    }
    if (blank(record)) return;
    rows++;
    if (record.length > header.length && !blank(record.slice(header.length))) {
      throw new CsvFileError(
        `${display} row ${rows}: ${record.length} cells, but the header names ${header.length} columns`,
      );
    }
    while (record.length < header.length) record.push('');
    reader.row(record, rows);
  };
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      reject(error);
    };
    const input = Readable.from(text(chunks));
    input.on('error', (error) => fail(error));
    Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
      delimiter: ',',
      skipEmptyLines: true,
      step: (result, parser) => {
        if (failed) return;
        const problem = result.errors[0];
        if (problem) {
          const where = header === undefined ? 'the header' : `row ${rows + 1}`;
          fail(new CsvFileError(`${display}: not valid CSV: ${problem.message} (${where})`), parser);
          return;
        }
        try {
          take(result.data);
        } catch (error) {
          fail(error, parser);
        }
      },
      complete: () => {
        if (failed) return;
        if (header === undefined)
          reject(new CsvFileError(`${display} is empty: it needs at least a header line`));
        else resolve();
      },
      error: (error: Error) => fail(error),
    });
  });
  return rows;
}

/** A whole CSV file: its column names and the cells of each row (row `i` is row number `i + 1`). */
export interface CsvTable {
  columns: string[];
  rows: string[][];
}

/**
 * Reads the small CSV file at `path` (as typed on the command line, relative to `io.cwd`) whole, for
 * commands that take one file of rows (`--accounts`, `--hierarchy`...). Never throws for a problem
 * with the file: a missing file, a directory, an unreadable or invalid file comes back as a message.
 */
export async function readCsvTable(io: Io, path: string): Promise<CsvTable | string> {
  const absolute = resolve(io.cwd, path);
  const kind = await io.pathKind(absolute);
  if (kind !== 'file') {
    return `cannot read ${path}: ${kind === 'missing' ? 'no such file or directory' : 'is a directory'}`;
  }
  const table: CsvTable = { columns: [], rows: [] };
  try {
    await readCsv(io, absolute, path, {
      header: (columns) => {
        table.columns = [...columns];
      },
      row: (cells) => {
        table.rows.push([...cells]);
      },
    });
  } catch (error) {
    return error instanceof CsvFileError ? error.message : `cannot read ${path}: ${describeIoError(error)}`;
  }
  return table;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * The message when the file shown as `display`, whose header names `columns`, lacks some of the
 * `required` columns, or `undefined` when it has them all: `data/deals.csv has no "amount" and
 * "stage" columns (the plan's source deals declares them); its columns are id, owner, close_date`.
 * `declaredBy` names what asks for the columns, when something in a plan does.
 */
export function missingColumns(
  display: string,
  columns: readonly string[],
  required: readonly string[],
  declaredBy?: string,
): string | undefined {
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length === 0) return undefined;
  const one = missing.length === 1;
  const why = declaredBy === undefined ? '' : ` (${declaredBy} declares ${one ? 'it' : 'them'})`;
  const has = columns.length === 0 ? 'it has no columns' : `its columns are ${columns.join(', ')}`;
  return `${display} has no ${quotedList(missing)} column${one ? '' : 's'}${why}; ${has}`;
}
