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
import { describeIoError, type Io } from '../io.js';
import { plural } from '../output/plural.js';

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

/** Reads one `--previous` file (`path` as typed, relative to `io.cwd`). */
export async function readPreviousFile(
  io: Io,
  path: string,
): Promise<{ previous: PreviousFile; problem?: undefined } | { problem: string }> {
  let value: unknown;
  try {
    value = JSON.parse(await io.readFile(resolve(io.cwd, path)));
  } catch (error) {
    const why = error instanceof SyntaxError ? `is not valid JSON: ${error.message}` : describeIoError(error);
    return { problem: `cannot read ${path}: ${why}` };
  }
  const problem = notResults(value, path);
  if (problem !== undefined) return { problem };
  return { previous: { file: path, results: value as Results } };
}

/** The plan name in a results' meta, when it has one. */
function planName(meta: unknown): unknown {
  return isObject(meta) && isObject(meta.plan) ? meta.plan.name : undefined;
}

/**
 * Earlier results of several runs as one `previous`: every statement, in the order of the files.
 * One file is given as it is (so the run is the same, data hash included, as with a data.json
 * holding it in `previous`). Of several, a statement without its own `currency` takes its file's
 * (`meta.currency`), as the engine reads it from a single file; the merged `meta` is the last
 * file's, unless a file names another plan: then that file's, so that the engine names the other
 * plan in its `previous-plan` warning.
 */
export function mergePrevious(files: readonly PreviousFile[]): { previous: Results; parts: PreviousPart[] } {
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
  const last = metas.at(-1);
  const other = metas.find((m) => typeof planName(m) === 'string' && planName(m) !== planName(last));
  const meta = (other ?? last) as ResultsMeta;
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
 * its statement came from: its row, and the rows its reason names (`statements[3] (row 4)`),
 * counted in that file. `undefined` when the error is not in a statement of `parts`.
 */
export function errorInFile(
  error: DataError,
  parts: readonly PreviousPart[],
): { error: DataError; file: string } | undefined {
  const place = error.row === undefined ? undefined : placeOf(parts, error.row);
  if (!place) return undefined;
  let reason = error.reason;
  const prefix = `${error.source} row ${error.row}: `;
  if (reason.startsWith(prefix)) reason = `${error.source} row ${place.row}: ${reason.slice(prefix.length)}`;
  // A second statement of a payee and period names the first one by its position.
  reason = reason.replace(/statements\[(\d+)\] \(row (\d+)\)/g, (text, index: string) => {
    const first = placeOf(parts, Number(index) + 1);
    if (!first) return text;
    const where = first.file === place.file ? '' : ` of ${first.file}`;
    return `statements[${first.row - 1}] (row ${first.row})${where}`;
  });
  return { error: { ...error, row: place.row, reason }, file: place.file };
}
