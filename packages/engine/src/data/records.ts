/**
 * Validation of the records of one source against its declared schema: every field read with
 * its type, payee references checked, money converted where the field says `converted on`, and
 * duplicate keys found. Each problem is recorded with its source, row, field and reason.
 */
import type { Field } from '@attain/dsl';
import { Dec } from '../decimal.js';
import type { Value } from '../evaluate/value.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { DataRecord, RawValue } from './dataset.js';
import type { FxTable } from './fx.js';
import { KeySet } from './key-set.js';
import type { Rec, SourceSchema } from './model.js';
import type { PayeeTable } from './payees.js';
import { dataError, type Problems, type RowAt, valueError } from './problems.js';
import {
  Bad,
  isCurrencyCode,
  isMissing,
  memoized,
  quote,
  type Reader,
  readerFor,
  readMoney,
} from './values.js';

/** What validating records needs besides the rows. */
export interface RecordEnv {
  payees: PayeeTable;
  fx: FxTable;
  calendar: FiscalCalendar;
  /** The plan currency. */
  currency: string;
}

type FieldReader =
  | { kind: 'plain'; field: Field; read: Reader }
  | { kind: 'payee'; field: Field; read: Reader }
  | {
      kind: 'money';
      field: Field;
      currency: string;
      convertedOn: number | undefined;
      currencyColumn: string;
    };

function fieldReaders(schema: SourceSchema, env: RecordEnv): FieldReader[] {
  return schema.fields.map((field): FieldReader => {
    if (field.type.kind === 'Money') {
      const convertedOn = field.convertedOn === undefined ? undefined : schema.index.get(field.convertedOn);
      const currency = field.type.currency ?? env.currency;
      return { kind: 'money', field, currency, convertedOn, currencyColumn: `${field.name}_currency` };
    }
    const kind = field.type.kind;
    const read = readerFor(field.type, env.calendar);
    if (kind === 'Payee') return { kind: 'payee', field, read: memoized(read) };
    return { kind: 'plain', field, read: memoized(read) };
  });
}

/** The text of a key value. */
function keyText(value: Value): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Dec) return value.toString();
  if (typeof value === 'number') return formatDate(value);
  return typeof value === 'string' ? value : String(value);
}

/**
 * Validates the rows of a source. Returns the valid records; every problem goes to `problems`.
 * Rows sharing a key are all left out: nothing says which of them is right.
 */
export function validateRecords(
  schema: SourceSchema,
  rows: readonly DataRecord[],
  env: RecordEnv,
  problems: Problems,
): Rec[] {
  const readers = fieldReaders(schema, env);
  const valid: Rec[] = [];
  // Keys seen (one hash-table operation per row), and the keys seen again, with each row's key
  // kept to find every row of a repeated key afterwards.
  const seen = new KeySet(rows.length);
  let repeated: Map<string, number[]> | undefined;
  const rowKeys: (string | undefined)[] = [];
  const rowNumbers: number[] = [];
  const order = ownerOrder(schema, rows);
  for (let j = 0; j < rows.length; j++) {
    const i = order ? (order[j] as number) : j;
    const input = (rows[i] ?? {}) as DataRecord;
    const row = typeof input.row === 'number' ? input.row : i + 1;
    const values = input.values;
    const at: RowAt = { source: schema.name, row };
    if (values === null || typeof values !== 'object') {
      problems.add(at, dataError(at, 'bad-type', undefined, 'the record has no values'));
      continue;
    }
    const rawKey = schema.key === undefined ? undefined : values[(schema.fields[schema.key] as Field).name];
    if (!isMissing(rawKey)) at.key = String(rawKey).trim();
    const v = readRow(readers, values, at, env, problems);
    const key = schema.key === undefined ? undefined : keyText(v[schema.key] ?? null);
    if (key !== undefined) {
      at.key = key;
      if (!seen.add(key)) {
        repeated ??= new Map();
        repeated.set(key, []);
      }
      rowKeys.push(key);
      rowNumbers.push(row);
    }
    if (problems.has(schema.name, row)) continue;
    const day = schema.dated === undefined ? undefined : (v[schema.dated] as number | null);
    const owner = schema.owner === undefined ? undefined : (v[schema.owner] as string | null);
    valid.push({
      schema,
      v,
      row,
      key,
      hyp: input.hypothetical === true,
      day: day ?? undefined,
      owner: owner ?? undefined,
      raw: values,
      ref: undefined,
    });
  }
  if (!repeated) return valid;
  for (let k = 0; k < rowKeys.length; k++) repeated.get(rowKeys[k] as string)?.push(rowNumbers[k] as number);
  for (const [key, list] of repeated) {
    const keyField = schema.fields[schema.key as number]?.name ?? 'key';
    list.sort((a, b) => a - b);
    for (const row of list) {
      const at: RowAt = { source: schema.name, row, key };
      const others = list.filter((r) => r !== row).join(', ');
      problems.add(
        at,
        dataError(at, 'duplicate-key', keyField, `${keyField} "${key}" is also used in row ${others}`),
      );
    }
  }
  return valid.filter((r) => !problems.has(schema.name, r.row));
}

/**
 * The positions of the rows grouped by the text of their owner field, first-seen owner first,
 * rows of one owner in input order; `undefined` for a source without an owner field. Records are
 * created in this order, so one payee's records lie together in memory and a statement reads them
 * without jumping across the whole dataset. (The order of records is set later, by the stable
 * record order; nothing depends on the order of validation.)
 */
function ownerOrder(schema: SourceSchema, rows: readonly DataRecord[]): Int32Array | undefined {
  if (schema.owner === undefined || rows.length < 2) return undefined;
  const field = (schema.fields[schema.owner] as Field).name;
  const groups = new Map<unknown, number>();
  const groupOf = new Int32Array(rows.length);
  const counts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i]?.values;
    const owner = values !== null && typeof values === 'object' ? values[field] : undefined;
    let g = groups.get(owner);
    if (g === undefined) {
      g = counts.length;
      groups.set(owner, g);
      counts.push(0);
    }
    groupOf[i] = g;
    counts[g] = (counts[g] as number) + 1;
  }
  if (counts.length === 1) return undefined;
  const start = new Int32Array(counts.length);
  for (let g = 1; g < counts.length; g++) start[g] = (start[g - 1] as number) + (counts[g - 1] as number);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i] as number;
    order[start[g] as number] = i;
    start[g] = (start[g] as number) + 1;
  }
  return order;
}

function readRow(
  readers: FieldReader[],
  values: Record<string, RawValue>,
  at: RowAt,
  env: RecordEnv,
  problems: Problems,
): Value[] {
  const v: Value[] = new Array(readers.length);
  let conversions:
    | { index: number; reader: FieldReader & { kind: 'money' }; amount: Dec; currency: string }[]
    | undefined;
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i] as FieldReader;
    const name = reader.field.name;
    const raw = values[name];
    v[i] = null;
    if (isMissing(raw)) {
      if (!reader.field.optional)
        problems.add(at, dataError(at, 'missing-field', name, `${name} is missing`));
      continue;
    }
    if (reader.kind === 'money') {
      const money = readMoney(raw);
      if (money instanceof Bad) {
        problems.add(at, valueError(at, money.code, name, raw, money.why));
        continue;
      }
      const currency = money.currency ?? currencyColumn(values, reader.currencyColumn, at, problems);
      if (currency === null) continue;
      if (reader.convertedOn !== undefined && currency !== undefined && currency !== reader.currency) {
        conversions ??= [];
        conversions.push({ index: i, reader, amount: money.amount, currency });
      } else if (currency !== undefined && currency !== reader.currency) {
        problems.add(
          at,
          valueError(
            at,
            'currency-mismatch',
            name,
            raw,
            `is in ${currency}, but ${name} is declared in ${reader.currency}`,
          ),
        );
      } else v[i] = money.amount;
      continue;
    }
    const value = reader.read(raw);
    if (value instanceof Bad) {
      problems.add(at, valueError(at, value.code, name, raw, value.why));
      continue;
    }
    if (reader.kind === 'payee' && !env.payees.byId.has(value as string)) {
      const known = env.payees.rowOf.get(value as string);
      const why =
        known === undefined ? 'who is not among the payees' : `who has errors in payees row ${known}`;
      problems.add(at, dataError(at, 'unknown-payee', name, `${name} is ${quote(raw)}, ${why}`));
      continue;
    }
    v[i] = value;
  }
  if (conversions) for (const c of conversions) convert(c, v, values, at, env, problems);
  return v;
}

/** The currency of a `<field>_currency` column: `undefined` without one, `null` after an error. */
function currencyColumn(
  values: Record<string, RawValue>,
  column: string,
  at: RowAt,
  problems: Problems,
): string | undefined | null {
  const raw = values[column];
  if (isMissing(raw)) return undefined;
  const code = String(raw).trim().toUpperCase();
  if (isCurrencyCode(code)) return code;
  problems.add(at, valueError(at, 'unknown-currency', column, raw, 'is not a currency code'));
  return null;
}

function convert(
  c: { index: number; reader: FieldReader & { kind: 'money' }; amount: Dec; currency: string },
  v: Value[],
  values: Record<string, RawValue>,
  at: RowAt,
  env: RecordEnv,
  problems: Problems,
): void {
  const name = c.reader.field.name;
  const dateField = c.reader.field.convertedOn as string;
  const day = v[c.reader.convertedOn as number];
  if (typeof day !== 'number') {
    if (isMissing(values[dateField])) {
      problems.add(
        at,
        dataError(
          at,
          'missing-field',
          dateField,
          `${dateField} is missing, so ${name} cannot be converted from ${c.currency}`,
        ),
      );
    }
    return;
  }
  const rate = env.fx.rate(c.currency, c.reader.currency, day);
  if (rate === undefined) {
    problems.add(
      at,
      valueError(
        at,
        'unknown-currency',
        name,
        values[name] ?? null,
        `is in ${c.currency}, and there is no FX rate from ${c.currency} to ${c.reader.currency} on or before ${formatDate(day)}`,
      ),
    );
    return;
  }
  v[c.index] = c.amount.times(rate);
}
