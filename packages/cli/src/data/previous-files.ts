/**
 * `attain run --previous FILE`: the results of earlier runs, as `attain run --format json` wrote
 * them, given to the engine as the dataset's earlier results (`previous`). They carry the draw and
 * holdback balances into the run's first period, say what records were paid (for clawbacks), and
 * are the closed periods a recalculation compares with.
 *
 * Several files (and the `previous` of a data.json) are merged as the engine takes the results of
 * several runs: their statements together, in the order given. A statement found in two of them
 * is the same closed statement (a run returns the closed periods it recalculated as they were
 * reported) and is counted once; two different statements of one payee and period are an error.
 * The engine checks the statements; here a file is only read: one that cannot be read, is not
 * JSON or is not the results of a run stops the run before anything is calculated (exit code 2),
 * naming the file.
 */

import { resolve } from 'node:path';
import type { DataError, Results, ResultsMeta, Statement } from '@attain/engine';
import type { Io } from '../io.js';
import { plural } from '../output/plural.js';
import { jsonSyntaxError } from './json-syntax.js';
import { readUtf8File } from './utf8.js';

/** Earlier results read from one file (or data.json's `previous`), as shown to the user. */
export interface PreviousFile {
  file: string;
  results: Results;
}

/** Where each statement of merged earlier results came from: the files in order, with their counts. */
export interface PreviousPart {
  file: string;
  count: number;
}

/** A statement's place in its file: the file as typed and its position there (1-based). */
export interface PreviousPlace {
  file: string;
  row: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const takes = '--previous takes the JSON that attain run --format json writes';

/**
 * Why `value`, read from `file`, cannot be used as earlier results; `undefined` when it can. The
 * statements themselves are the engine's to check. `hint`: say what `--previous` takes.
 */
export function notResults(value: unknown, file: string, hint = true): string | undefined {
  if (!isObject(value) || !Array.isArray(value.statements))
    return `${file} is not the results of a run: it has no "statements" list${hint ? ` (${takes})` : ''}`;
  const errors = Array.isArray(value.errors) ? value.errors.length : 0;
  if (value.statements.length === 0 && errors > 0)
    return (
      `${file} holds no statements: its run stopped on ${plural(errors, 'data error')} and paid nothing ` +
      '(correct them and run its periods again)'
    );
  return undefined;
}

/** How to save a JSON file as UTF-8, where the usual way goes wrong. */
const saveJsonAsUtf8 =
  "Windows PowerShell 5's > writes UTF-16: write the file with | Out-File -Encoding utf8";

/**
 * The JSON value of the file at `absolute` (shown as `display`), or why it cannot be read: the file
 * is missing, is not UTF-8 (a UTF-8 byte order mark is dropped, as in CSV files), is empty or is
 * not JSON (named with the line and column of the first mistake). `takes` says what the option
 * that named the file takes, after a message about a file that is empty or not JSON.
 */
export async function readJsonFile(
  io: Io,
  absolute: string,
  display: string,
  takes?: string,
): Promise<{ value: unknown; problem?: undefined } | { problem: string }> {
  const read = await readUtf8File(io, absolute, display, saveJsonAsUtf8);
  if (read.problem !== undefined) return read;
  const guide = takes === undefined ? '' : `; ${takes}`;
  if (read.text.trim() === '') return { problem: `${display} is empty: it holds no JSON${guide}` };
  try {
    return { value: JSON.parse(read.text) };
  } catch (error) {
    const syntax = jsonSyntaxError(read.text);
    if (syntax)
      return {
        problem: `${display}:${syntax.line}:${syntax.column}: not valid JSON: ${syntax.message}${guide}`,
      };
    const why = error instanceof SyntaxError ? error.message : String(error);
    return { problem: `cannot read ${display}: is not valid JSON: ${why}${guide}` };
  }
}

/** Reads one `--previous` file (`path` as typed, relative to `io.cwd`). */
export async function readPreviousFile(
  io: Io,
  path: string,
): Promise<{ previous: PreviousFile; problem?: undefined } | { problem: string }> {
  const read = await readJsonFile(io, resolve(io.cwd, path), path, takes);
  if (read.problem !== undefined) return read;
  const problem = notResults(read.value, path);
  if (problem !== undefined) return { problem };
  return { previous: { file: path, results: read.value as Results } };
}

/** The plan name in a results' meta, when it has one. */
function planName(meta: unknown): unknown {
  return isObject(meta) && isObject(meta.plan) ? meta.plan.name : undefined;
}

/** The one of `metas` that comes first in the order of their JSON text, whatever their order. */
function firstByText<T>(metas: readonly T[]): T | undefined {
  let first: { meta: T; text: string } | undefined;
  for (const meta of metas) {
    const text = JSON.stringify(meta);
    if (first === undefined || text < first.text) first = { meta, text };
  }
  return first?.meta;
}

/**
 * Earlier results of several runs as one `previous`: every statement, in the order of the files.
 * One file is given as it is (so the run is the same, data hash included, as with a data.json
 * holding it in `previous`). Of several, a statement without its own `currency` takes its file's
 * (`meta.currency`), as the engine reads it from a single file. The merged `meta` is one of the
 * files', chosen whatever their order (the data hash covers it, and the same files given in
 * another order must give the same hash): one naming a plan other than `running` (the running
 * plan's name) when there is one, so that the engine names that plan in its `previous-plan`
 * warning; of several candidates, the first in the order of their JSON text.
 */
export function mergePrevious(
  files: readonly PreviousFile[],
  running: string,
): { previous: Results; parts: PreviousPart[] } {
  const parts = files.map(({ file, results }) => ({ file, count: results.statements.length }));
  const [only] = files;
  if (only && files.length === 1) return { previous: only.results, parts };
  const statements: Statement[] = [];
  for (const { results } of files) {
    const currency = isObject(results.meta) ? results.meta.currency : undefined;
    for (const statement of results.statements) {
      const bare = isObject(statement) && statement.currency === undefined && typeof currency === 'string';
      statements.push(bare ? { ...statement, currency } : statement);
    }
  }
  const metas = files.map((f) => f.results.meta).filter(isObject);
  const others = metas.filter((m) => typeof planName(m) === 'string' && planName(m) !== running);
  const meta = firstByText(others.length > 0 ? others : metas) as ResultsMeta;
  return { previous: { meta, errors: [], rejected: [], warnings: [], statements }, parts };
}

/** The file and position of the statement at `row` (1-based) of merged earlier results. */
export function placeOf(parts: readonly PreviousPart[], row: number): PreviousPlace | undefined {
  let offset = 0;
  for (const { file, count } of parts) {
    if (row > offset && row <= offset + count) return { file, row: row - offset };
    offset += count;
  }
  return undefined;
}

/**
 * An error of the engine in merged earlier results (source `previous`) as an error of the file
 * its statement came from: its `row` counted in that file, and the statement its reason names by
 * position (`otherRow`: `statements[3] (row 4)`) counted in its own file, named when it is another
 * (`... (row 2) of q1.json`). `undefined` when the error is not in a statement of `parts`.
 */
export function errorInFile(
  error: DataError,
  parts: readonly PreviousPart[],
): { error: DataError; file: string } | undefined {
  const place = error.row === undefined ? undefined : placeOf(parts, error.row);
  if (!place) return undefined;
  let reason = error.reason;
  // The engine's reason starts with the source and row (documented in DataError).
  const prefix = `${error.source} row ${error.row}: `;
  if (reason.startsWith(prefix)) reason = `${error.source} row ${place.row}: ${reason.slice(prefix.length)}`;
  const inFile: DataError = { ...error, row: place.row, reason };
  // A second statement of a payee and period names the first one by its position, after the
  // payee and period (which are the data's text, and could hold the same words).
  const other = error.otherRow;
  const first = other === undefined ? undefined : placeOf(parts, other);
  const named = other === undefined ? '' : `statements[${other - 1}] (row ${other})`;
  const at = reason.lastIndexOf(named);
  if (first && at >= 0) {
    const where = first.file === place.file ? '' : ` of ${first.file}`;
    const now = `statements[${first.row - 1}] (row ${first.row})${where}`;
    inFile.reason = `${reason.slice(0, at)}${now}${reason.slice(at + named.length)}`;
    inFile.otherRow = first.row;
  }
  return { error: inFile, file: place.file };
}
