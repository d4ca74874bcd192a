/**
 * Reads a CSV file with PapaParse (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes, CRLF or LF line ends, even mixed, an optional UTF-8 byte order mark), streaming it so that a file of a million
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
import { listed } from '../output/plural.js';
import { quotedName, visible } from '../output/shown.js';

export { visible };

import { badBytePlace, NotUtf8, utf8Text } from './utf8.js';

/** What to do with the rows of a file, as they are read. */
export interface CsvReader {
  /**
   * Receives the column names (trimmed) before any row; it may throw a {@link CsvFileError} (see
   * {@link checkHeader}).
   */
  header(columns: readonly string[]): void;
  /**
   * Receives each data row: its cells (as many as the header has columns; missing cells are
   * empty) and its 1-based row number, counted from the first row under the header, blank rows
   * included: row N is sheet row N + 1 of a spreadsheet, and line N + 1 of the file unless a quoted
   * cell above it holds a line break.
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

/**
 * Throws a {@link CsvFileError} for a header whose columns cannot be told apart. With `reads` (the
 * columns the caller reads), only those matter: a column nobody reads may be named twice or have
 * no name (the empty column after a trailing comma that spreadsheets export). Without it, every
 * column is read and must have a name of its own.
 */
export function checkHeader(columns: readonly string[], display: string, reads?: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (reads !== undefined && !reads.has(column)) continue;
    if (column === '') throw new CsvFileError(`${display}: column ${index + 1} of the header has no name`);
    if (seen.has(column))
      throw new CsvFileError(`${display}: the header names the column ${quotedName(column)} twice`);
    seen.add(column);
  }
}

/**
 * The text with every line end made LF: CRLF (Windows) and a lone CR (old Mac exports), so that
 * a file whose line ends are mixed (CRLF lines, then LF lines, as when rows are appended to a file
 * saved on Windows) is read line by line: PapaParse takes the line end of the first lines for the
 * whole file. A line break inside a quoted cell becomes LF too.
 */
async function* lf(parts: AsyncIterable<string>): AsyncIterable<string> {
  let carried = '';
  for await (const part of parts) {
    let text = carried + part;
    carried = '';
    // A CR at the end may be followed by the LF of the next part.
    if (text.endsWith('\r')) {
      carried = '\r';
      text = text.slice(0, -1);
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (text.length > 0) yield text;
  }
  // A CR ending the file ends its last line.
  if (carried.length > 0) yield '\n';
}

/**
 * The text of the file's bytes before `offset` (chunks as `io.readChunks` gives them). The last of
 * them may begin the character that is not UTF-8: it is read as U+FFFD, which counts for nothing.
 */
async function* textBefore(
  chunks: Iterable<string> | AsyncIterable<string | Uint8Array>,
  offset: number,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  let read = 0;
  for await (const chunk of chunks) {
    if (read >= offset) break;
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    yield decoder.decode(bytes.subarray(0, Math.min(bytes.length, offset - read)), { stream: true });
    read += bytes.length;
  }
  yield decoder.decode();
}

/**
 * Where the byte at `offset` is among the file's records: in the header, or in row N as
 * {@link CsvReader.row} counts rows (blank lines above the header do not count, a quoted cell's
 * line break does not end its row). The text before it is read again, and parsed as
 * {@link readCsv} parses it: only a failed read pays for it.
 */
async function rowAtByte(io: Io, absolute: string, offset: number): Promise<number | 'header'> {
  const chunks = io.readChunks ? io.readChunks(absolute) : [await io.readFile(absolute)];
  let text = '';
  for await (const part of lf(textBefore(chunks, offset))) text += part;
  // The last record is the one the byte is in (cut short there).
  const records = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data;
  const header = records.findIndex((record) => !blank(record));
  return header < 0 || header === records.length - 1 ? 'header' : records.length - 1 - header;
}

/**
 * The message for a file with bytes that are not UTF-8 at `offset`: it names the line and the row.
 */
async function notUtf8Message(io: Io, absolute: string, display: string, offset: number): Promise<string> {
  const { line, utf16 } = await badBytePlace(io, absolute, offset);
  const row = await rowAtByte(io, absolute, offset);
  const where = row === 'header' ? `line ${line}, the header` : `line ${line}, row ${row}`;
  const kind = utf16 ? 'UTF-16 text, not UTF-8' : 'not UTF-8 text';
  return `${display} is ${kind} (${where}): save it as UTF-8 (in Excel: CSV UTF-8)`;
}

/** What is wrong with a file's quotes, by PapaParse's code for it. */
const QUOTE_MISTAKES: Readonly<Record<string, string>> = {
  MissingQuotes:
    'a quote opens a cell that is never closed, so the rest of the file would be that one cell: ' +
    'end the cell with a quote, and write a quote inside a quoted cell twice ("")',
  InvalidQuotes:
    'a quoted cell goes on after its closing quote: put the whole cell in quotes, and write a ' +
    'quote inside it twice ("")',
};

/**
 * The message for a file PapaParse cannot read as CSV (`problem`, met in `where`: the header or
 * row N): `data/deals.csv:3:9: not valid CSV (row 2): a quote opens a cell that is never closed…`,
 * with the line and column of the mistake (the quote that opens the cell). The file's text is
 * read and parsed again, whole: only a failed read pays for it.
 */
async function csvSyntaxMessage(
  io: Io,
  absolute: string,
  display: string,
  where: string,
  problem: Papa.ParseError,
): Promise<string> {
  const why = QUOTE_MISTAKES[problem.code] ?? problem.message;
  let text = '';
  try {
    const chunks = io.readChunks ? io.readChunks(absolute) : [await io.readFile(absolute)];
    for await (const part of lf(utf8Text(chunks))) text += part;
  } catch {
    return `${display}: not valid CSV (${where}): ${why}`;
  }
  const again = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false });
  const first = again.errors.find((error) => error.code === problem.code) ?? again.errors[0];
  // PapaParse gives the place just after the quote that opens the cell.
  const after = first?.index;
  if (after === undefined || after < 0 || after > text.length)
    return `${display}: not valid CSV (${where}): ${why}`;
  const at = text[after - 1] === '"' ? after - 1 : after;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${display}:${line}:${column}: not valid CSV (${where}): ${why}`;
}

/**
 * Reads the CSV file at `absolute` (shown to the user as `display`) into `reader`. Resolves to the
 * number of data rows; rejects with a {@link CsvFileError} when the file cannot be read (naming it),
 * is not UTF-8, is not valid CSV, has no header or a row has more cells than the header.
 */
export async function readCsv(io: Io, absolute: string, display: string, reader: CsvReader): Promise<number> {
  let chunks: Iterable<string> | AsyncIterable<string | Uint8Array>;
  try {
    chunks = io.readChunks ? io.readChunks(absolute) : [await io.readFile(absolute)];
  } catch (error) {
    throw new CsvFileError(`cannot read ${display}: ${describeIoError(error)}`);
  }
  let header: string[] | undefined;
  // Data rows read, and the row number of the last record (blank ones count: see CsvReader.row).
  let rows = 0;
  let row = 0;
  const take = (record: string[]): void => {
    if (header === undefined) {
      // Blank lines above the header are skipped (they do not count as rows either).
      if (blank(record)) return;
      header = record.map((cell) => cell.trim());
      reader.header(header);
      return;
    }
    row++;
    if (blank(record)) return;
    rows++;
    if (record.length > header.length && !blank(record.slice(header.length))) {
      throw new CsvFileError(
        `${display} row ${row}: ${record.length} cells, but the header names ${header.length} columns`,
      );
    }
    while (record.length < header.length) record.push('');
    reader.row(record, row);
  };
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      if (error instanceof NotUtf8) {
        notUtf8Message(io, absolute, display, error.offset).then(
          (message) => reject(new CsvFileError(message)),
          (problem: unknown) => reject(problem),
        );
      } else if (error instanceof CsvFileError) reject(error);
      // An I/O error (a dangling link, no permission) names the file, not the directory it is in.
      else reject(new CsvFileError(`cannot read ${display}: ${describeIoError(error)}`));
    };
    const input = Readable.from(lf(utf8Text(chunks)));
    input.on('error', (error) => fail(error));
    Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
      delimiter: ',',
      newline: '\n',
      // Blank lines are records too, so that rows are counted as a spreadsheet counts them.
      skipEmptyLines: false,
      step: (result, parser) => {
        if (failed) return;
        const problem = result.errors[0];
        if (problem) {
          const where = header === undefined ? 'the header' : `row ${row + 1}`;
          // Where the mistake is (line and column) is worked out again from the file's text.
          failed = true;
          parser.abort();
          csvSyntaxMessage(io, absolute, display, where, problem).then(
            (message) => reject(new CsvFileError(message)),
            (trouble: unknown) => reject(trouble),
          );
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

/** A whole CSV file: its column names, the cells of each row and each row's number (see {@link CsvReader.row}). */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  /** The row number of `rows[i]` (blank rows are left out of `rows` but counted). */
  numbers: number[];
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
  const table: CsvTable = { columns: [], rows: [], numbers: [] };
  try {
    await readCsv(io, absolute, path, {
      header: (columns) => {
        checkHeader(columns, path);
        table.columns = [...columns];
      },
      row: (cells, row) => {
        table.rows.push([...cells]);
        table.numbers.push(row);
      },
    });
  } catch (error) {
    return error instanceof CsvFileError ? error.message : `cannot read ${path}: ${describeIoError(error)}`;
  }
  return table;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function quotedList(names: readonly string[]): string {
  return listed(names.map((name) => `"${name}"`));
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
  const has = columns.length === 0 ? 'it has no columns' : `its columns are ${columnList(columns)}`;
  return `${display} has no ${quotedList(missing)} column${one ? '' : 's'}${why}; ${has}${separatorHint(columns)}`;
}

/** How many columns of a header a message lists before `… and N more`. */
const LISTED_COLUMNS = 20;

/** The columns of a header as a message lists them: the first {@link LISTED_COLUMNS}, then how many more. */
function columnList(columns: readonly string[]): string {
  const shown = columns
    .slice(0, LISTED_COLUMNS)
    .map((name) => visible(name))
    .join(', ');
  const more = columns.length - LISTED_COLUMNS;
  return more > 0 ? `${shown} and ${more.toLocaleString('en-US')} more` : shown;
}

/**
 * When the header read as one column holds semicolons or tabs, what the file most likely is: a
 * spreadsheet saved with another separator (Excel in many European locales writes semicolons).
 */
function separatorHint(columns: readonly string[]): string {
  if (columns.length !== 1) return '';
  const [only = ''] = columns;
  const by = only.includes(';') ? 'semicolons' : only.includes('\t') ? 'tabs' : undefined;
  if (by === undefined) return '';
  return ` (the file looks separated by ${by}: attain reads comma-separated files; save it as "CSV UTF-8 (Comma delimited)")`;
}
