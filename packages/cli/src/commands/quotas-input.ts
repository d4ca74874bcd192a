/**
 * The files of `attain quotas`: the hierarchy, the history or potential values, and the
 * capacities, read as CSV into the engine's planning inputs. Values stay text: the engine reads
 * and checks them, and reports every bad one with its node; {@link QuotaInputs.locate} finds the
 * file, row and column each problem is about.
 */
import type { HierarchyNode, PlanningProblem, RepCapacity, WeightBasis, WeightValue } from '@attain/engine';
import type { Context } from '../context.js';
import { missingColumns, readCsvTable } from '../data/csv.js';
import { readFlag } from '../data/flags.js';
import { listed } from '../output/plural.js';

/** A payee's dates from the hierarchy: hired (the ramp counts from it), on the plan from and to. */
export interface PayeeDates {
  hire?: string;
  start?: string;
  end?: string;
}

/** The files to read and how. */
export interface QuotaFiles {
  hierarchy: string;
  weights: WeightBasis;
  values?: string | undefined;
  valueColumn?: string | undefined;
  capacity?: string | undefined;
}

/** What the files hold. */
export interface QuotaInputs {
  nodes: HierarchyNode[];
  dates: Map<string, PayeeDates>;
  values?: WeightValue[];
  capacity?: RepCapacity[];
  /**
   * Cells of the hierarchy that cannot be read (an `own_quota` that is not yes or no), each naming
   * its file and row: errors (exit 1), reported with the engine's problems. Such a cell counts as no.
   */
  errors: string[];
  /** Where a problem of the engine is in the files or options: `v3.csv row 3, column history`. */
  locate: (problem: PlanningProblem) => string | undefined;
}

/** The inputs, or `trouble` when a file cannot be read or lacks a column (exit 2). */
export type QuotaRead = QuotaInputs | { trouble: string[] };

/** A CSV file's rows as column -> trimmed cell. */
interface Table {
  columns: string[];
  rows: Map<string, string>[];
  /** The row number of each row in its file (blank rows are counted, see readCsv). */
  numbers: number[];
}

/** A non-empty cell, or `undefined`. */
const cell = (row: ReadonlyMap<string, string>, column: string): string | undefined =>
  row.get(column) || undefined;

/** Reads a CSV file; a message when it cannot be read. */
async function readTable(path: string, context: Context): Promise<Table | string> {
  const read = await readCsvTable(context.io, path);
  if (typeof read === 'string') return read;
  const { columns } = read;
  const rows = read.rows.map(
    (cells) => new Map(columns.map((column, i) => [column, (cells[i] ?? '').trim()])),
  );
  return { columns, rows, numbers: read.numbers };
}

/** The hierarchy's nodes and each node's dates; a cell that cannot be read goes to `errors`. */
function hierarchyOf(table: Table, path: string, errors: string[]): Pick<QuotaInputs, 'nodes' | 'dates'> {
  const nodes: HierarchyNode[] = [];
  const dates = new Map<string, PayeeDates>();
  for (const [i, row] of table.rows.entries()) {
    const id = row.get('id') ?? '';
    // An empty own_quota is no.
    const own = row.get('own_quota') ?? '';
    const ownQuota = own === '' ? false : readFlag(own);
    if (ownQuota === undefined) {
      errors.push(
        `${path} row ${table.numbers[i] ?? i + 1}: own_quota is "${row.get('own_quota')}", not yes or no`,
      );
    }
    const node: HierarchyNode = { id, parent: row.get('parent'), ownQuota };
    const name = cell(row, 'name');
    const role = cell(row, 'role');
    if (name !== undefined) node.name = name;
    if (role !== undefined) node.role = role;
    nodes.push(node);
    const hire = cell(row, 'hire_date');
    const start = cell(row, 'start_date');
    const end = cell(row, 'end_date');
    dates.set(id, { ...(hire && { hire }), ...(start && { start }), ...(end && { end }) });
  }
  return { nodes, dates };
}

/** The column of the values file to read: `--value-column`, else `value`, else the weights' name. */
function valueColumnOf(table: Table, files: QuotaFiles): string | undefined {
  const wanted = files.valueColumn === undefined ? ['value', files.weights] : [files.valueColumn];
  return wanted.find((column) => table.columns.includes(column));
}

/** Reads the hierarchy and, when given, the values and capacity files. */
export async function readQuotaFiles(files: QuotaFiles, context: Context): Promise<QuotaRead> {
  const trouble: string[] = [];
  if (files.weights !== 'equal' && files.values === undefined) {
    trouble.push(`--weights ${files.weights} needs --values FILE with a ${files.weights} value per rep`);
  }
  const hierarchy = await readTable(files.hierarchy, context);
  const values = files.values === undefined ? undefined : await readTable(files.values, context);
  const capacity = files.capacity === undefined ? undefined : await readTable(files.capacity, context);
  for (const table of [hierarchy, values, capacity]) if (typeof table === 'string') trouble.push(table);
  if (typeof hierarchy !== 'string') {
    const missing = missingColumns(files.hierarchy, hierarchy.columns, ['id', 'parent']);
    if (missing) trouble.push(missing);
  }
  const valueColumn = values && typeof values !== 'string' ? valueColumnOf(values, files) : undefined;
  if (values && typeof values !== 'string' && (valueColumn === undefined || !values.columns.includes('id'))) {
    const wanted = files.valueColumn ?? `value or ${files.weights}`;
    trouble.push(
      `${files.values} needs an "id" column and a "${wanted}" column (or name one with --value-column); ` +
        `its columns are ${values.columns.join(', ')}`,
    );
  }
  if (capacity && typeof capacity !== 'string') {
    const missing = missingColumns(files.capacity as string, capacity.columns, ['id', 'productivity']);
    if (missing) trouble.push(missing);
  }
  if (trouble.length > 0 || typeof hierarchy === 'string') return { trouble };

  const errors: string[] = [];
  const read = hierarchyOf(hierarchy, files.hierarchy, errors);
  const located: Located = {
    hierarchy: { path: files.hierarchy, table: hierarchy },
    ...(values && typeof values !== 'string' && { values: { path: files.values as string, table: values } }),
    ...(capacity &&
      typeof capacity !== 'string' && { capacity: { path: files.capacity as string, table: capacity } }),
    valueColumn: valueColumn ?? 'value',
    dates: read.dates,
  };
  const inputs: QuotaInputs = { ...read, errors, locate: (problem) => locate(problem, located) };
  if (values && typeof values !== 'string') {
    inputs.values = values.rows.map((row) => ({
      id: row.get('id') ?? '',
      value: row.get(valueColumn as string) ?? '',
    }));
  }
  if (capacity && typeof capacity !== 'string') {
    inputs.capacity = capacity.rows.map((row) => {
      const ramp = cell(row, 'ramp');
      return { id: row.get('id') ?? '', productivity: row.get('productivity') ?? '', ...(ramp && { ramp }) };
    });
  }
  return inputs;
}

/** A file that was read, as the user named it. */
interface Read {
  path: string;
  table: Table;
}

/** The files a problem can be in. */
interface Located {
  hierarchy: Read;
  values?: Read;
  capacity?: Read;
  valueColumn: string;
  dates: ReadonlyMap<string, PayeeDates>;
}

/** `rows 4 and 5`, `row 3`. */
function rowsText(numbers: readonly number[]): string {
  if (numbers.length === 1) return `row ${numbers[0]}`;
  return `rows ${listed(numbers.map(String))}`;
}

/** `file row N, column C` for the rows of `file` whose `id` is `id`; undefined when there are none. */
function cellOf(file: Read | undefined, id: string, column: string): string | undefined {
  if (!file) return undefined;
  const numbers = file.table.rows.flatMap((row, i) =>
    (row.get('id') ?? '') === id ? [file.table.numbers[i] ?? i + 1] : [],
  );
  return numbers.length === 0 ? undefined : `${file.path} ${rowsText(numbers)}, column ${column}`;
}

/**
 * The date columns of the hierarchy a spread's `bad-date` is about, from the fields the engine
 * names: the ramp counts from the hire date, and the days on the plan run from the start date (the
 * hire date without one) to the end date (see `spreads` in quotas.ts).
 */
function dateColumns(problem: PlanningProblem, dates: PayeeDates | undefined): string[] {
  if (!dates) return [];
  const fields = problem.fields ?? [];
  if (problem.input === 'ramp') return fields.includes('from') ? ['hire_date'] : [];
  if (problem.input !== 'onPlan') return [];
  return [
    ...(fields.includes('from') ? [dates.start === undefined ? 'hire_date' : 'start_date'] : []),
    ...(fields.includes('to') ? ['end_date'] : []),
  ];
}

/** Where `problem` is: a file, row and column, a file it is missing from, or an option. */
function locate(problem: PlanningProblem, files: Located): string | undefined {
  const id = problem.node;
  const { hierarchy, values, capacity, valueColumn } = files;
  switch (problem.code) {
    case 'bad-target':
      return '--target';
    case 'bad-over-assignment':
    case 'unused-over-assignment':
      return '--over-assign';
    case 'bad-seasonality':
    case 'seasonality-sum':
      return '--seasonality';
    case 'bad-ramp':
      return problem.fields?.includes('startNextMonthAfterDay') ? '--ramp-after-day' : '--ramp';
    case 'missing-id': {
      // The engine gives the node's name, when it has one.
      const name = problem.name ?? '';
      const numbers = hierarchy.table.rows.flatMap((row, i) =>
        (row.get('id') ?? '') === '' && (row.get('name') ?? '') === name
          ? [hierarchy.table.numbers[i] ?? i + 1]
          : [],
      );
      return numbers.length === 0 ? undefined : `${hierarchy.path} ${rowsText(numbers)}, column id`;
    }
    case 'duplicate-node':
      return id === undefined ? undefined : cellOf(hierarchy, id, 'id');
    case 'unknown-parent':
    case 'cycle':
    case 'two-roots':
      return id === undefined ? undefined : cellOf(hierarchy, id, 'parent');
    case 'bad-date': {
      if (id === undefined) return undefined;
      const columns = dateColumns(problem, files.dates.get(id));
      return columns.length === 0 ? undefined : cellOf(hierarchy, id, columns.join(' and '));
    }
    case 'missing-weight':
      if (id === undefined) return values?.path;
      return values ? `no row for ${id} in ${values.path}` : undefined;
    case 'bad-weight':
    case 'negative-weight':
    case 'zero-weight':
      return id === undefined ? undefined : cellOf(values, id, valueColumn);
    case 'unused-value':
    case 'duplicate-value':
    case 'unknown-node': {
      // The same checks read the capacity file: the engine says which input a problem is in.
      const ofCapacity = problem.input === 'capacity';
      const column = problem.code !== 'unused-value' ? 'id' : ofCapacity ? 'productivity' : valueColumn;
      return cellOf(ofCapacity ? capacity : values, id ?? '', column);
    }
    case 'bad-capacity':
      return id === undefined
        ? undefined
        : cellOf(capacity, id, problem.fields?.includes('ramp') ? 'ramp' : 'productivity');
    case 'missing-capacity':
      return id === undefined || !capacity ? undefined : `no row for ${id} in ${capacity.path}`;
    default:
      return undefined;
  }
}
