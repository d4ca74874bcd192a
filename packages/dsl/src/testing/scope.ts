/**
 * What a generated expression may refer to: the plan's definitions by type, the payee attributes,
 * the sources, the tables, and (inside `where`, credit amounts and per-record signals) the fields
 * of one record.
 */

/** The value types the generators produce expressions of. */
export type ValueType = 'Money' | 'Percent' | 'Number' | 'Integer' | 'Boolean' | 'Date' | 'Text';

/** A field of a generated source. */
export interface FieldModel {
  name: string;
  type: ValueType | 'Payee';
}

/** A generated source: its fields, and which field is the owner and which the date. */
export interface SourceModel {
  name: string;
  fields: FieldModel[];
  owner: string;
  dated: string;
}

/** A lookup table: the kind of each key column. */
export interface LookupModel {
  name: string;
  keys: ('Text' | 'Number')[];
}

/** Everything an expression may use. */
export interface Scope {
  currency: string;
  year: number;
  /** Plan-level definitions (lets, measures, credits, quotas, metrics) by type. */
  values: Map<ValueType, string[]>;
  /** Payee attributes by type, used as `payee.name`. */
  payee: Map<ValueType, string[]>;
  /** Sources with an owner and a dated field, usable in aggregates. */
  sources: SourceModel[];
  /** Money measures and credits, usable in `ytd(...)`. */
  toDate: string[];
  /** Rate tables whose rates are percentages. */
  rateTables: string[];
  curves: string[];
  lookups: LookupModel[];
  /** The record whose fields are in scope, if any. */
  record?: SourceModel;
  /** True in territory rules, which have no current period (AT5010): no `period` there. */
  noPeriod?: boolean;
}

/** An empty scope for a plan in `currency` and `year`. */
export function emptyScope(currency: string, year: number): Scope {
  return {
    currency,
    year,
    values: new Map(),
    payee: new Map(),
    sources: [],
    toDate: [],
    rateTables: [],
    curves: [],
    lookups: [],
  };
}

/** Adds `name` to the list of `type` in `map`. */
export function addName(map: Map<ValueType, string[]>, type: ValueType, name: string): void {
  const list = map.get(type);
  if (list === undefined) map.set(type, [name]);
  else list.push(name);
}

/** Names of `type` in `map`. */
export function namesOf(map: Map<ValueType, string[]>, type: ValueType): readonly string[] {
  return map.get(type) ?? [];
}

/** The fields of `source` of `type`. */
export function fieldsOf(source: SourceModel, type: ValueType | 'Payee'): string[] {
  return source.fields.filter((field) => field.type === type).map((field) => field.name);
}
