/**
 * `--data PATH`: a directory of CSV files (see load-csv.ts), a directory holding data.json, or a
 * JSON file with the engine's `Dataset` shape.
 */
import { join, resolve } from 'node:path';
import type { Plan } from '@attain/dsl';
import type { Dataset } from '@attain/engine';
import { describeIoError, type Io } from '../io.js';
import type { Progress } from '../output/progress.js';
import { CsvFileError } from './csv.js';
import { fileOfSection, jsonFile, payeesFile, sourceFile } from './layout.js';
import { type Loaded, loadCsvDirectory } from './load-csv.js';
import { didYouMean } from './names.js';
import {
  mergePrevious,
  notResults,
  type PreviousFile,
  type PreviousPart,
  readJsonFile,
  readPreviousFile,
} from './previous-files.js';

/** Where the data came from, to name files in messages. */
export interface DataOrigin {
  /** The file a part of the dataset came from (`deals` -> `data/deals.csv`), as shown to the user. */
  fileOf(section: string): string;
  /** True for a JSON file: rows are positions in its arrays rather than rows of CSV files. */
  json: boolean;
  /**
   * With `--previous`: the files the earlier results came from (data.json's `previous` first), in
   * order, to name a statement's file and its row there (see previous-files.ts).
   */
  previous?: readonly PreviousPart[];
}

/**
 * The dataset read with its origin, or the problems that stopped it; `warnings` name data that is
 * there but that nothing reads (a file or a list under a name the plan does not know).
 */
export type LoadedData =
  | { dataset: Dataset; origin: DataOrigin; problems?: undefined; warnings: string[] }
  | { dataset?: undefined; problems: string[]; warnings?: string[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Problems with the outline of a JSON dataset for `plan`; the engine checks everything inside the
 * rows. Every source the plan declares must have its list in `records` (as a CSV directory must
 * have its file). A list under another name is read by nothing: when the run stops here, a warning
 * names it with a did-you-mean (`records.Deals` for the missing `records.deals`); when it goes on,
 * the engine's `unread-part` warning says so, once.
 */
function outlineProblems(value: unknown, display: string, plan: Plan, warnings: string[]): string[] {
  if (!isObject(value)) return [`${display} must hold one JSON object with "payees" and "records"`];
  const problems: string[] = [];
  if (!Array.isArray(value.payees)) problems.push(`${display}: "payees" must be a list of payees`);
  if (!isObject(value.records)) {
    problems.push(`${display}: "records" must be an object of row lists, one per source`);
  } else {
    const records = value.records;
    const sources = plan.sources.map((source) => source.name);
    for (const [source, rows] of Object.entries(records)) {
      if (!Array.isArray(rows) || !rows.every((row) => isObject(row) && isObject(row.values))) {
        problems.push(`${display}: "records.${source}" must be a list of { "values": { ... } } rows`);
      }
      if (!sources.includes(source) && !sources.every((name) => Object.hasOwn(records, name))) {
        warnings.push(
          `${display}: records.${source} is not a source of the plan${didYouMean(source, sources)}: ` +
            `its rows are not read (the plan's sources: ${sources.join(', ') || 'none'})`,
        );
      }
    }
    for (const source of plan.sources) {
      if (Object.hasOwn(records, source.name)) continue;
      const fields = source.fields.map((field) => field.name).join(', ');
      problems.push(
        `${display}: records.${source.name} is missing: it holds the plan's source ${source.name} ` +
          `(${fields}); write "${source.name}": [] when there are none`,
      );
    }
  }
  // `null` is an absent optional part, as the engine reads it (a JSON writer may put it for none).
  for (const part of ['fx', 'quotas', 'territoryAssignments', 'adjustments', 'attributeChanges']) {
    if (value[part] !== undefined && value[part] !== null && !Array.isArray(value[part]))
      problems.push(`${display}: "${part}" must be a list`);
  }
  if (value.previous !== undefined && value.previous !== null && !isObject(value.previous))
    problems.push(`${display}: "previous" must be the results of an earlier run`);
  return problems;
}

/**
 * What `--data` takes, for this plan: `--data takes a directory of CSV files (payees.csv,
 * deals.csv) or a JSON file of the Dataset shape { "payees": [...], "records": { "deals": [...] } }`.
 */
export function dataTakes(plan: Plan): string {
  const sources = plan.sources.map((source) => source.name);
  const files = [payeesFile, ...sources.map(sourceFile)].join(', ');
  const records = sources.map((source) => `"${source}": [...]`).join(', ');
  return (
    `--data takes a directory of CSV files (${files}) or a JSON file of the Dataset shape ` +
    `{ "payees": [...], "records": { ${records} } }`
  );
}

async function loadJson(
  io: Io,
  absolute: string,
  display: string,
  plan: Plan,
  progress: Progress,
): Promise<LoadedData> {
  const startedAt = progress.now();
  const parsed = await readJsonFile(io, absolute, display, dataTakes(plan));
  if (parsed.problem !== undefined) return { problems: [parsed.problem] };
  const value = parsed.value;
  const warnings: string[] = [];
  const problems = outlineProblems(value, display, plan, warnings);
  if (problems.length > 0) return { problems, warnings };
  const dataset = value as Dataset;
  progress.read(display, rowsOf(dataset), startedAt);
  return { dataset, origin: { fileOf: () => display, json: true }, warnings };
}

/** The rows of a dataset's parts (payees, records of every source, FX rates, quotas, ...), as CSV files count them. */
function rowsOf(dataset: Dataset): number {
  const count = (part: unknown) => (Array.isArray(part) ? part.length : 0);
  const records = Object.values(dataset.records ?? {}).reduce((sum, rows) => sum + count(rows), 0);
  return (
    count(dataset.payees) +
    records +
    count(dataset.fx) +
    count(dataset.quotas) +
    count(dataset.adjustments) +
    count(dataset.territoryAssignments) +
    count(dataset.attributeChanges)
  );
}

/**
 * Reads the data at `path` (as typed on the command line, relative to `io.cwd`) for `plan`, with
 * the earlier results of the `previous` files (`attain run --previous`), merged after those of a
 * data.json. Never throws for a problem with the data: missing files, columns and unreadable files
 * come back as `problems`.
 */
export async function loadData(
  io: Io,
  path: string,
  plan: Plan,
  progress: Progress,
  previous: readonly string[] = [],
): Promise<LoadedData> {
  const loaded = await loadDataOnly(io, path, plan, progress);
  // A data.json's own earlier results are checked as --previous files are, even without them.
  const own = loaded.dataset?.previous !== undefined && loaded.dataset.previous !== null;
  return previous.length === 0 && !own ? loaded : withPreviousFiles(io, loaded, previous, plan.header.name);
}

/**
 * `loaded` with the earlier results of the `previous` files. A data.json that has earlier results
 * too gives its own first: all of them are merged, as the results of several runs (of the plan
 * named `planName`, the running plan's, when they are of this plan).
 */
async function withPreviousFiles(
  io: Io,
  loaded: LoadedData,
  paths: readonly string[],
  planName: string,
): Promise<LoadedData> {
  const problems = [...(loaded.problems ?? [])];
  const files: PreviousFile[] = [];
  if (loaded.dataset && loaded.dataset.previous !== undefined && loaded.dataset.previous !== null) {
    const file = loaded.origin.fileOf('previous');
    const problem = notResults(loaded.dataset.previous, `${file}: "previous"`, false);
    if (problem === undefined) files.push({ file, results: loaded.dataset.previous });
    else problems.push(problem);
  }
  for (const path of paths) {
    const read = await readPreviousFile(io, path);
    if (read.problem === undefined) files.push(read.previous);
    else problems.push(read.problem);
  }
  if (problems.length > 0 || !loaded.dataset) return { problems, warnings: loaded.warnings ?? [] };
  const { previous, parts } = mergePrevious(files, planName);
  return {
    dataset: { ...loaded.dataset, previous },
    origin: { ...loaded.origin, previous: parts },
    warnings: loaded.warnings,
  };
}

async function loadDataOnly(io: Io, path: string, plan: Plan, progress: Progress): Promise<LoadedData> {
  const absolute = resolve(io.cwd, path);
  const kind = await io.pathKind(absolute);
  if (kind === 'missing') return { problems: [`cannot read ${path}: no such file or directory`] };
  if (kind === 'file') return loadJson(io, absolute, path, plan, progress);
  try {
    const names = new Set((await io.readDir(absolute)).map((entry) => entry.name));
    if (names.has(jsonFile))
      return await loadJson(io, join(absolute, jsonFile), join(path, jsonFile), plan, progress);
    const loaded: Loaded = await loadCsvDirectory(io, absolute, path, plan, progress);
    if (loaded.problems) return loaded;
    return {
      dataset: loaded.dataset,
      origin: { fileOf: (section) => join(path, fileOfSection(section)), json: false },
      warnings: loaded.warnings,
    };
  } catch (error) {
    if (error instanceof CsvFileError) return { problems: [error.message] };
    return { problems: [`cannot read ${path}: ${describeIoError(error)}`] };
  }
}
