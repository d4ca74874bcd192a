/**
 * Reads a data directory of CSV files into the engine's `Dataset`: payees.csv, one file per source
 * the plan declares, and the optional fx.csv, quotas.csv, adjustments.csv,
 * territory_assignments.csv and payee_attributes.csv. Values stay text: the engine reads and
 * validates them against the plan, so that every bad value is reported with its source, row and
 * field.
 */
import { join } from 'node:path';
import type { Plan } from '@attain/dsl';
import type {
  AttributeChange,
  DataRecord,
  Dataset,
  ManualAdjustment,
  Payee,
  PlanAssignment,
  RawValue,
  TerritoryAssignment,
} from '@attain/engine';
import type { Io } from '../io.js';
import { listed } from '../output/plural.js';
import type { Progress } from '../output/progress.js';
import { quotedName, visible } from '../output/shown.js';
import { CsvFileError, checkHeader, missingColumns, readCsv } from './csv.js';
import { readFlag } from './flags.js';
import { ColumnTexts } from './intern.js';
import { type FixedFile, fixedFiles, jsonFile, payeeColumns, payeesFile, sourceFile } from './layout.js';
import { didYouMean, meant } from './names.js';

/** A directory being read: where it is, how it is shown, and what the plan expects of it. */
interface Directory {
  io: Io;
  absolute: string;
  display: string;
  plan: Plan;
  progress: Progress;
  /** Problems that stop the run (missing files and columns). */
  problems: string[];
}

/** The dataset read, or why it could not be. */
export type Loaded =
  | { dataset: Dataset; problems?: undefined; warnings: string[] }
  | { dataset?: undefined; problems: string[]; warnings: string[] };

const shown = (dir: Directory, file: string): string => join(dir.display, file);

/**
 * Problems for the columns of a header that are not read but differ from a column that is read
 * (and that the header lacks) only by case, spaces, `_`, `-` or `.`: `Cancel_Date` for
 * `cancel_date`, `Hypothetical` for `hypothetical`. Column names are matched exactly, so such a
 * column would be silently left out: a clawback not made, a hypothetical deal paid as real. A
 * missing required column is already a problem of its own (see {@link missingColumns}).
 */
function misnamedColumns(
  display: string,
  columns: readonly string[],
  read: ReadonlySet<string>,
  required: readonly string[],
): string[] {
  const absent = [...read].filter((column) => !columns.includes(column) && !required.includes(column));
  return columns.flatMap((column) => {
    const target = read.has(column) ? undefined : meant(column, absent);
    if (target === undefined) return [];
    return [
      `${display}: the column ${quotedName(column)} is not read (did you mean ${target}?): column names must ` +
        `match exactly, case and all; rename it to ${target}, or its values are left out`,
    ];
  });
}

/**
 * Reads one file, checking its header first. When the header lacks a required column the problem
 * is recorded (naming `declaredBy`, what asks for the columns) and the rows are not used; so is a
 * column that is not read but is named almost as one that is (see {@link misnamedColumns}).
 * `reads` are the columns read (with the required ones): a column it names twice stops the run,
 * other columns are ignored.
 */
async function readTable(
  dir: Directory,
  file: string,
  required: readonly string[],
  reads: readonly string[],
  declaredBy: string | undefined,
  row: (cells: readonly string[], index: ReadonlyMap<string, number>, row: number) => void,
): Promise<void> {
  const display = shown(dir, file);
  const startedAt = dir.progress.now();
  let index = new Map<string, number>();
  let usable = true;
  const read = new Set([...required, ...reads]);
  const rows = await readCsv(dir.io, join(dir.absolute, file), display, {
    header: (columns) => {
      checkHeader(columns, display, read);
      index = new Map(columns.flatMap((column, i) => (read.has(column) ? [[column, i] as const] : [])));
      const missing = missingColumns(display, columns, required, declaredBy);
      const problems = [
        ...(missing === undefined ? [] : [missing]),
        ...misnamedColumns(display, columns, read, required),
      ];
      if (problems.length === 0) return;
      dir.problems.push(...problems);
      usable = false;
    },
    row: (cells, n) => {
      if (usable) row(cells, index, n);
      dir.progress.reading(display, n);
    },
  });
  dir.progress.read(display, rows, startedAt);
}

/** The cell of a column, or `undefined` when the file has no such column. */
function cell(
  cells: readonly string[],
  index: ReadonlyMap<string, number>,
  column: string,
): string | undefined {
  const at = index.get(column);
  return at === undefined ? undefined : cells[at];
}

/** A non-empty cell, trimmed; `undefined` for an empty cell or a missing column. */
function filled(
  cells: readonly string[],
  index: ReadonlyMap<string, number>,
  column: string,
): string | undefined {
  const text = cell(cells, index, column)?.trim();
  return text === '' ? undefined : text;
}

/**
 * The plan assignment of a payees.csv row: any of `plan`, `plan_from`, `plan_to` filled in puts the
 * payee on the plan named in `plan` (this plan when empty) from `plan_from` to `plan_to`.
 */
function assignmentOf(
  cells: readonly string[],
  index: ReadonlyMap<string, number>,
  planName: string,
): PlanAssignment | undefined {
  const plan = filled(cells, index, 'plan');
  const from = filled(cells, index, 'plan_from');
  const to = filled(cells, index, 'plan_to');
  if (plan === undefined && from === undefined && to === undefined) return undefined;
  const assignment: PlanAssignment = { plan: plan ?? planName };
  if (from !== undefined) assignment.from = from;
  if (to !== undefined) assignment.to = to;
  return assignment;
}

async function readPayees(dir: Directory, attributesRequired = true): Promise<Payee[]> {
  const attributes = dir.plan.payee;
  const required = [
    ...payeeColumns.required,
    ...(attributesRequired ? attributes.filter((field) => !field.optional).map((field) => field.name) : []),
  ];
  const payees: Payee[] = [];
  const reads = [...payeeColumns.optional, ...attributes.map((field) => field.name)];
  await readTable(dir, payeesFile, required, reads, undefined, (cells, index) => {
    const values: Record<string, RawValue> = {};
    for (const field of attributes) {
      const value = cell(cells, index, field.name);
      if (value !== undefined) values[field.name] = value;
    }
    const payee: Payee = {
      id: cell(cells, index, 'id') ?? '',
      name: cell(cells, index, 'name') ?? '',
      attributes: values,
    };
    const manager = filled(cells, index, 'manager');
    if (manager !== undefined) payee.manager = manager;
    const assignment = assignmentOf(cells, index, dir.plan.header.name);
    if (assignment) payee.plans = [assignment];
    payees.push(payee);
  });
  return payees;
}

async function readSource(dir: Directory, source: Plan['sources'][number]): Promise<DataRecord[]> {
  const required = source.fields.filter((field) => !field.optional).map((field) => field.name);
  // Only declared fields, and the `<field>_currency` columns that say a money field's currency.
  const wanted = source.fields.flatMap((field) =>
    field.type.kind === 'Money' ? [field.name, `${field.name}_currency`] : [field.name],
  );
  // A `hypothetical` column (unless the source declares a field of that name) flags records.
  const flagged = !wanted.includes(HYPOTHETICAL);
  const records: DataRecord[] = [];
  const declaredBy = `the plan's source ${source.name}`;
  const texts = wanted.map(() => new ColumnTexts());
  const reads = flagged ? [...wanted, HYPOTHETICAL] : wanted;
  // Where each wanted column is in the file's rows (-1 for a column the file lacks), worked out
  // once from the header's index rather than looked up for every cell of a million rows.
  let positions: number[] = [];
  let positionsOf: ReadonlyMap<string, number> | undefined;
  // One class per source for its rows' values: V8 gives a class's instances room for the
  // properties they turn out to have (slack tracking), where an object literal has four and keeps
  // the rest in a second object. 32 bytes less per row: 32 MB for a million rows.
  const Values = class {};
  await readTable(dir, sourceFile(source.name), required, reads, declaredBy, (cells, index, row) => {
    if (positionsOf !== index) {
      positionsOf = index;
      positions = wanted.map((column) => index.get(column) ?? -1);
    }
    const values = new Values() as Record<string, RawValue>;
    for (let c = 0; c < wanted.length; c++) {
      const at = positions[c] as number;
      const value = at < 0 ? undefined : cells[at];
      if (value !== undefined) values[wanted[c] as string] = (texts[c] as ColumnTexts).get(value);
    }
    const hypothetical = flagged ? hypotheticalFlag(filled(cells, index, HYPOTHETICAL)) : undefined;
    // Text that is not a flag goes on as it is: the engine rejects the row, naming the cell.
    if (hypothetical === undefined) records.push({ row, values });
    else records.push({ row, values, hypothetical: hypothetical as boolean });
  });
  return records;
}

/** The column of a source's CSV file that marks hypothetical records ("if this deal closes"). */
const HYPOTHETICAL = 'hypothetical';

/**
 * A `hypothetical` cell: `true`/`yes`/`1` and `false`/`no`/`0` (any case) as booleans, empty as
 * not hypothetical; any other text is passed on as it is, for the engine to reject the row
 * (a record wrongly taken as real would be paid).
 */
function hypotheticalFlag(text: string | undefined): boolean | string | undefined {
  return text === undefined ? undefined : (readFlag(text) ?? text);
}

/** The cells of a row of a file with fixed columns. */
interface FixedRow {
  /** The cell of a required column (the header has it). */
  get(column: string): string;
  /** The cell of an optional column, `undefined` when empty or absent. */
  optional(column: string): string | undefined;
}

async function readFixed<T>(dir: Directory, fixed: FixedFile, build: (row: FixedRow) => T): Promise<T[]> {
  const rows: T[] = [];
  await readTable(dir, fixed.file, fixed.required, fixed.optional, undefined, (cells, index) => {
    rows.push(
      build({
        get: (column) => cell(cells, index, column) ?? '',
        optional: (column) => filled(cells, index, column),
      }),
    );
  });
  return rows;
}

/** Sets the properties whose values are not `undefined`. */
function withOptional<T extends object>(target: T, extra: Partial<T>): T {
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** Reads one optional file with fixed columns into its part of the dataset. */
async function readFixedFile(dir: Directory, fixed: FixedFile, dataset: Dataset): Promise<void> {
  switch (fixed.section) {
    case 'fx':
      dataset.fx = await readFixed(dir, fixed, (r) => ({
        from: r.get('from'),
        to: r.get('to'),
        date: r.get('date'),
        rate: r.get('rate'),
      }));
      return;
    case 'quotas':
      dataset.quotas = await readFixed(dir, fixed, (r) => ({
        payee: r.get('payee'),
        quota: r.get('quota'),
        period: r.get('period'),
        amount: r.get('amount'),
      }));
      return;
    case 'adjustments':
      dataset.adjustments = await readFixed(dir, fixed, (r) =>
        withOptional<ManualAdjustment>(
          {
            id: r.get('id'),
            payee: r.get('payee'),
            period: r.get('period'),
            amount: r.get('amount'),
            reason: r.get('reason'),
          },
          { currency: r.optional('currency'), earning: r.optional('earning') },
        ),
      );
      return;
    case 'territoryAssignments':
      dataset.territoryAssignments = await readFixed(dir, fixed, (r) =>
        withOptional<TerritoryAssignment>(
          // The engine checks the role and reports any other value as a data error.
          {
            payee: r.get('payee'),
            territory: r.get('territory'),
            role: r.get('role') as 'primary' | 'overlay',
          },
          { from: r.optional('from'), to: r.optional('to') },
        ),
      );
      return;
    case 'attributeChanges':
      dataset.attributeChanges = await readFixed<AttributeChange>(dir, fixed, (r) => ({
        payee: r.get('payee'),
        attribute: r.get('attribute'),
        // An empty cell stays empty text: no value from `from` on (for an optional attribute).
        value: r.get('value'),
        from: r.get('from'),
      }));
      return;
  }
}

/** Files the directory must hold for this plan, with what each is for. */
function requiredFiles(plan: Plan): [file: string, why: string][] {
  const files: [string, string][] = [[payeesFile, 'the payees (id, name, manager and payee attributes)']];
  for (const source of plan.sources) {
    const fields = source.fields.map((field) => field.name).join(', ');
    files.push([sourceFile(source.name), `the plan's source ${source.name} (${fields})`]);
  }
  if (plan.quotas.some((quota) => quota.fromData)) {
    const names = plan.quotas.filter((quota) => quota.fromData).map((quota) => quota.name);
    files.push(['quotas.csv', `the quotas the plan reads from data (${names.join(', ')})`]);
  }
  return files;
}

/**
 * Reads the CSV files of the directory `absolute` (shown as `display`) for `plan`. Missing files,
 * missing columns and files that cannot be read are all reported together as problems; values are
 * not checked here.
 */
export async function loadCsvDirectory(
  io: Io,
  absolute: string,
  display: string,
  plan: Plan,
  progress: Progress,
): Promise<Loaded> {
  const dir: Directory = { io, absolute, display, plan, progress, problems: [] };
  const entries = await io.readDir(absolute);
  const present = new Set(entries.filter((e) => !e.directory).map((e) => e.name));
  const directories = new Set(entries.filter((e) => e.directory).map((e) => e.name));
  let clashes = false;
  for (const source of plan.sources) {
    const clash = [payeesFile, ...fixedFiles.map((fixed) => fixed.file)].includes(sourceFile(source.name));
    if (clash) dir.problems.push(`the plan's source ${source.name} has the name of another data file`);
    clashes ||= clash;
  }
  const csvFiles = [...present].filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  const required = requiredFiles(plan);
  // No data file at all: one message saying what the directory should hold, not one per file.
  if (csvFiles.length === 0 && !required.some(([file]) => directories.has(file)))
    return { problems: [await noDataFiles(dir, entries, required)], warnings: [] };
  for (const [file, why] of required) {
    if (directories.has(file))
      dir.problems.push(`${shown(dir, file)} is a directory, not a file: it holds ${why}`);
    else if (!present.has(file)) {
      dir.problems.push(`${shown(dir, file)} is missing${didYouMean(file, csvFiles)}: it holds ${why}`);
    }
  }
  const warnings = unreadFiles(dir, csvFiles);
  // A source named as another data file would be read as both: nothing more is read.
  if (clashes) return { problems: dir.problems, warnings };
  // With a file missing, the others are still read, so that every missing column is named at once
  // too (and every file that cannot be read): the run stops on them all together.
  const there = (file: string) => present.has(file) && !directories.has(file);
  const read = async <T>(file: string, reading: () => Promise<T>): Promise<T | undefined> => {
    if (!there(file)) return undefined;
    try {
      return await reading();
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      dir.problems.push(error.message);
      return undefined;
    }
  };
  const dataset: Dataset = { payees: (await read(payeesFile, () => readPayees(dir))) ?? [], records: {} };
  for (const source of plan.sources) {
    dataset.records[source.name] = (await read(sourceFile(source.name), () => readSource(dir, source))) ?? [];
  }
  for (const fixed of fixedFiles) await read(fixed.file, () => readFixedFile(dir, fixed, dataset));
  return dir.problems.length > 0 ? { problems: dir.problems, warnings } : { dataset, warnings };
}

/** How many names of what a directory holds instead of data files a message lists. */
const LISTED_NAMES = 5;

/**
 * The problem of a data directory without a CSV file or data.json: `data holds no data files
 * (it is empty); for this plan --data takes a directory holding payees.csv (...) and deals.csv (...),
 * or a data.json ...`. What it holds instead is named; a folder in it that holds payees.csv or
 * data.json (the data directory one level down, as an example's `data/`) is suggested.
 */
async function noDataFiles(
  dir: Directory,
  entries: readonly { name: string; directory: boolean }[],
  required: readonly [file: string, why: string][],
): Promise<string> {
  const names = entries.map((entry) => `${visible(entry.name)}${entry.directory ? '/' : ''}`).sort();
  const more = names.length - LISTED_NAMES;
  const holds =
    names.length === 0
      ? 'it is empty'
      : `it holds ${listed(names.slice(0, LISTED_NAMES))}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
  let below = '';
  for (const entry of entries.filter((e) => e.directory).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    try {
      const inside = await dir.io.readDir(join(dir.absolute, entry.name));
      if (inside.some((e) => !e.directory && (e.name === payeesFile || e.name === jsonFile))) {
        below = ` Did you mean --data ${join(dir.display, entry.name)}?`;
        break;
      }
    } catch {
      // A folder that cannot be read is no suggestion.
    }
  }
  // `the payees (id, name, ...)` is said `payees.csv (the payees: id, name, ...)`.
  const files = required.map(([file, why]) => `${file} (${why.replace(/^(.*) \((.*)\)$/, '$1: $2')})`);
  const shape = required
    .slice(1)
    .filter(([file]) => file !== 'quotas.csv')
    .map(([file]) => `"${file.slice(0, -'.csv'.length)}": [...]`)
    .join(', ');
  return (
    `${dir.display} holds no data files (${holds}); for this plan --data takes a directory holding ` +
    `${listed(files)}, or a ${jsonFile} of the Dataset shape { "payees": [...], "records": { ${shape} } }.${below}`
  );
}

/** The payees and territory assignments of a directory, each read when its file is there. */
export interface PayeesBeside {
  /** The payees file as shown, when there is one. */
  payeesFile?: string;
  payees?: Payee[];
  territoryAssignments?: TerritoryAssignment[];
  /** The territory assignments file as shown, when there is one. */
  assignmentsFile?: string;
  /** Missing columns and unreadable files. */
  problems: string[];
}

/**
 * The payees (payees.csv) and territory assignments (territory_assignments.csv) of the directory
 * `absolute` (shown as `display`), each when its file is there: for a command that reads one file
 * of a data directory and uses these beside it (`attain territories` with the accounts file). The
 * payee attributes the plan declares are read when their columns are there, not required: placing
 * accounts needs the payees, not their pay.
 */
export async function loadPayeesBeside(
  io: Io,
  absolute: string,
  display: string,
  plan: Plan,
  progress: Progress,
): Promise<PayeesBeside> {
  const dir: Directory = { io, absolute, display, plan, progress, problems: [] };
  const files = new Set((await io.readDir(absolute)).filter((e) => !e.directory).map((e) => e.name));
  const found: PayeesBeside = { problems: dir.problems };
  if (files.has(payeesFile)) {
    found.payeesFile = shown(dir, payeesFile);
    found.payees = await readPayees(dir, false);
  }
  const assignments = fixedFiles.find((fixed) => fixed.section === 'territoryAssignments');
  if (assignments && files.has(assignments.file)) {
    const dataset: Dataset = { payees: [], records: {} };
    await readFixedFile(dir, assignments, dataset);
    found.assignmentsFile = shown(dir, assignments.file);
    found.territoryAssignments = dataset.territoryAssignments;
  }
  return found;
}

/**
 * Warnings for the CSV files of the directory that nothing reads (names are matched exactly, case
 * and all): `data/Adjustments.csv is not read (did you mean adjustments.csv?)`, with the files
 * that are read, so that a file under a wrong name is not silently left out.
 */
function unreadFiles(dir: Directory, csvFiles: readonly string[]): string[] {
  const read = [
    ...new Set([...requiredFiles(dir.plan).map(([file]) => file), ...fixedFiles.map((f) => f.file)]),
  ];
  return csvFiles
    .filter((file) => !read.includes(file))
    .map(
      (file) =>
        `${shown(dir, visible(file))} is not read${didYouMean(file, read)}: file names must match exactly, case ` +
        `and all; the files read are ${read.join(', ')}`,
    );
}
