/**
 * Reads a CSV file with csv-parse (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes, CRLF or LF, an optional UTF-8 byte order mark), streaming it so that a file of a million
 * rows is never held in memory twice. The first line is the header.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Io } from '../io.js';

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

/**
 * Reads the CSV file at `absolute` (shown to the user as `display`) into `reader`. Resolves to the
 * number of data rows; rejects with a {@link CsvFileError} when the file is not valid CSV, has no
 * header or a row has more cells than the header, and with the I/O error when it cannot be read.
 */
export async function readCsv(io: Io, absolute: string, display: string, reader: CsvReader): Promise<number> {
  const chunks: Iterable<string> | AsyncIterable<string | Uint8Array> = io.readChunks
    ? io.readChunks(absolute)
    : [await io.readFile(absolute)];
  const parser = Readable.from(chunks).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let header: string[] | undefined;
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === undefined) {
        header = record.map((cell) => cell.trim());
        checkHeader(header, display);
        reader.header(header);
        continue;
      }
      if (blank(record)) continue;
      rows++;
      if (record.length > header.length && !blank(record.slice(header.length))) {
        throw new CsvFileError(
          `${display} row ${rows}: ${record.length} cells, but the header names ${header.length} columns`,
        );
      }
      while (record.length < header.length) record.push('');
      reader.row(record, rows);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new CsvFileError(`${display}: not valid CSV: ${error.message}`);
    }
    throw error;
  }
  if (header === undefined) throw new CsvFileError(`${display} is empty: it needs at least a header line`);
  return rows;
}
