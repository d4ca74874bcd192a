/**
 * The validated data the engine calculates on: typed payees and records, built once per run.
 */
import type { Field, Source } from '@attain/dsl';
import { compareOptionalText, compareText } from '../compare-text.js';
import type { Value } from '../evaluate/value.js';
import type { RecordRef } from '../results/results.js';
import type { RawValue } from './dataset.js';

/** The canonical text of a row's raw values: keys sorted, values as JSON. */
export function canonicalRow(values: Record<string, RawValue>, hypothetical: boolean): string {
  const keys = Object.keys(values).sort();
  let text = hypothetical ? '?{' : '{';
  for (const key of keys) text += `${JSON.stringify(key)}:${JSON.stringify(values[key] ?? null)},`;
  return `${text}}`;
}

/** A source of the plan with its fields indexed. */
export interface SourceSchema {
  name: string;
  source: Source;
  fields: Field[];
  /** Field name to its position in {@link Rec.v}. */
  index: Map<string, number>;
  key?: number;
  owner?: number;
  dated?: number;
}

/** A validated record of a source. */
export interface Rec {
  schema: SourceSchema;
  /** Values by field position (see {@link SourceSchema.index}). */
  v: Value[];
  row: number;
  /** The key field's value as text. */
  key: string | undefined;
  /** A hypothetical record: calculated as an estimate, never counted as earned. */
  hyp: boolean;
  /** The dated field's day number. */
  day: number | undefined;
  /** The owner field's payee id. */
  owner: string | undefined;
  /** The raw values as given (read again only to break ties in the stable order). */
  raw: Record<string, RawValue>;
  /** Created on first use and shared by every line that names the record. */
  ref: RecordRef | undefined;
}

/**
 * A record made by validation. A class rather than object literals: V8 tracks the places that
 * make object literals and, when one young collection finds most of a place's objects still
 * alive, makes that place's later objects in the old generation (pretenuring). A statement's
 * records are made in a burst and live until it is built, so a collection in the middle of a
 * burst could send every later record there, garbage until a full collection. Objects made by a
 * constructor are not tracked so.
 */
export class ValidRecord implements Rec {
  ref: RecordRef | undefined = undefined;
  constructor(
    public schema: SourceSchema,
    public v: Value[],
    public row: number,
    public key: string | undefined,
    public hyp: boolean,
    public day: number | undefined,
    public owner: string | undefined,
    public raw: Record<string, RawValue>,
  ) {}
}

/** A span of days, both ends inclusive. */
export interface DaySpan {
  from: number;
  to: number;
}

/** A validated payee. */
export interface PayeeData {
  id: string;
  name: string;
  /** The manager before any change in {@link managerChanges}: read it with {@link managerOn}. */
  manager: string | undefined;
  row: number;
  /**
   * Declared attributes by name (`null` when an optional one is empty): the values before any
   * change in {@link changes}. Read them with {@link attributeOn}.
   */
  attrs: Map<string, Value>;
  /** The days this payee is on the plan; `undefined`: the whole plan. */
  onPlan: DaySpan[] | undefined;
  /**
   * The effective-dated changes of attributes (`Dataset.attributeChanges`), by attribute, each
   * list by first day; `undefined` when the payee has none.
   */
  changes?: Map<string, AttributeValueFrom[]>;
  /**
   * The effective-dated changes of the manager (`attributeChanges` rows of `manager`), by first
   * day; `undefined` when the payee has none.
   */
  managerChanges?: ManagerFrom[];
}

/** A validated change of manager: the manager from a day on (`undefined`: no manager). */
export interface ManagerFrom {
  from: number;
  manager: string | undefined;
  row: number;
}

/**
 * The payee's manager in force on `day`: the latest change of manager dated on or before it, else
 * the `manager` of their payees row. Without a day (an undated record), the payees row's.
 */
export function managerOn(payee: PayeeData, day: number | undefined): string | undefined {
  const changes = payee.managerChanges;
  if (changes === undefined || day === undefined) return payee.manager;
  const change = inForce(changes, day);
  return change === undefined ? payee.manager : change.manager;
}

/** The latest of `changes` (sorted by day) dated on or before `day`; `undefined` when none is. */
function inForce<T extends { from: number }>(changes: readonly T[], day: number): T | undefined {
  let found: T | undefined;
  for (const change of changes) {
    if (change.from > day) break;
    found = change;
  }
  return found;
}

/** A validated attribute change: the value from a day on (`null`: no value). */
export interface AttributeValueFrom {
  from: number;
  value: Value;
  row: number;
}

/**
 * The payee's attribute `name` in force on `day`: the latest change dated on or before it, else
 * the value of the payee's `attributes`. `day` is asked for only when the attribute has changes.
 */
export function attributeOn(payee: PayeeData, name: string, day: () => number): Value {
  const changes = payee.changes?.get(name);
  const change = changes === undefined ? undefined : inForce(changes, day());
  return change === undefined ? (payee.attrs.get(name) ?? null) : change.value;
}

/**
 * How results and messages name a record within its source: its key, else `row N` (the form line
 * ids, `explain` references and warnings share). `row` may be missing in a reference from outside.
 */
export function recordName(ref: { key?: string | undefined; row?: number | undefined }): string {
  return ref.key ?? `row ${ref.row ?? '?'}`;
}

/** The reference of a record in results (created once per record). */
export function recordRef(rec: Rec): RecordRef {
  if (rec.ref) return rec.ref;
  // Literals of two fixed shapes: cheaper than adding properties one by one, a million times.
  const ref: RecordRef =
    rec.key !== undefined
      ? { source: rec.schema.name, key: rec.key, row: rec.row }
      : { source: rec.schema.name, row: rec.row };
  rec.ref = ref;
  return ref;
}

/**
 * The stable order of records: by dated day, then key, then values, then row. It never depends
 * on the order of the input.
 */
export function compareRecs(a: Rec, b: Rec): number {
  const da = a.day ?? Number.MIN_SAFE_INTEGER;
  const db = b.day ?? Number.MIN_SAFE_INTEGER;
  if (da !== db) return da - db;
  return (
    compareOptionalText(a.key, b.key) ||
    compareText(canonicalRow(a.raw, a.hyp), canonicalRow(b.raw, b.hyp)) ||
    a.row - b.row
  );
}

/** Indexes the fields of a source. */
export function sourceSchema(source: Source): SourceSchema {
  const index = new Map<string, number>();
  for (const [i, f] of source.fields.entries()) index.set(f.name, i);
  const schema: SourceSchema = { name: source.name, source, fields: source.fields, index };
  if (source.key !== undefined && index.has(source.key)) schema.key = index.get(source.key) as number;
  if (source.owner !== undefined && index.has(source.owner)) schema.owner = index.get(source.owner) as number;
  if (source.dated !== undefined && index.has(source.dated)) schema.dated = index.get(source.dated) as number;
  return schema;
}
