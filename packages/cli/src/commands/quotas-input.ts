/**
 * The files of `attain quotas`: the hierarchy, the history or potential values, and the
 * capacities, read as CSV into the engine's planning inputs. Values stay text: the engine reads
 * and checks them, and reports every bad one with its node.
 */
import type { HierarchyNode, RepCapacity, WeightBasis, WeightValue } from '@attain/engine';
import type { Context } from '../context.js';
import { missingColumns, readCsvTable } from '../data/csv.js';

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
}

/**
 * The inputs, or why they cannot be used: `trouble` when a file cannot be read or lacks a column
 * (exit 2), `errors` when a cell of the hierarchy cannot be read (exit 1).
 */
export type QuotaRead = QuotaInputs | { trouble: string[] } | { errors: string[] };

/** A CSV file's rows as column -> trimmed cell. */
interface Table {
  columns: string[];
  rows: Map<string, string>[];
  /** The row number of each row in its file (blank rows are counted, see readCsv). */
  numbers: number[];
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0', '']);

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
    const own = (row.get('own_quota') ?? '').toLowerCase();
    if (!TRUE.has(own) && !FALSE.has(own)) {
      errors.push(
        `${path} row ${table.numbers[i] ?? i + 1}: own_quota is "${row.get('own_quota')}", not yes or no`,
      );
    }
    const node: HierarchyNode = { id, parent: row.get('parent'), ownQuota: TRUE.has(own) };
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
  const inputs: QuotaInputs = hierarchyOf(hierarchy, files.hierarchy, errors);
  if (errors.length > 0) return { errors };
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
