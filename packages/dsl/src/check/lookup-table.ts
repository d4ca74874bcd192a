/**
 * Lookup table checks: every row has one key per `by` column (AT4008), no row is repeated
 * (AT4009), an `otherwise` row catches everything else (AT4011, warning), each column's keys are
 * all text or all numbers, and every row gives the same kind of value.
 */
import type { Expr, LookupKey, LookupRow, LookupTableDecl } from '../syntax/ast.js';
import { type CheckContext, hasSyntaxErrorIn, report } from './context.js';
import { toDecimal } from './decimal.js';
import { typeExpr } from './expressions.js';
import { formatType, T, type Type } from './types.js';
import { joinAll } from './unify.js';

/** The kind of key each column holds, from its rows: Text, Number, or undefined (only wildcards). */
export function lookupColumnKinds(table: LookupTableDecl): ('Text' | 'Number' | undefined)[] {
  const kinds: ('Text' | 'Number' | undefined)[] = table.by.map(() => undefined);
  for (const row of table.rows) {
    row.keys.forEach((key, i) => {
      if (i < kinds.length && key.kind !== 'Wildcard') kinds[i] ??= key.kind === 'Text' ? 'Text' : 'Number';
    });
  }
  return kinds;
}

/** The type of the values of a table (Unknown when rows disagree, which the table check reports). */
export function lookupValueType(ctx: CheckContext, table: LookupTableDecl): Type {
  const joined = joinAll(ctx, values(table));
  return joined.mismatches.length > 0 ? T.Unknown : joined.type;
}

function values(table: LookupTableDecl): Expr[] {
  return table.rows.flatMap((r) => (r.value ? [r.value] : []));
}

/** A canonical text for a key, so that `1.0` and `1` are the same row. */
function keyText(key: LookupKey): string {
  if (key.kind === 'Wildcard') return '*';
  if (key.kind === 'Text') return `t:${key.value}`;
  return `n:${toDecimal(key.value)?.toString() ?? key.value}`;
}

function writtenKeys(row: LookupRow): string {
  if (row.otherwise) return 'otherwise';
  return row.keys
    .map((k) => (k.kind === 'Wildcard' ? '*' : k.kind === 'Text' ? JSON.stringify(k.value) : k.value))
    .join(', ');
}

/** Checks one lookup table declaration. */
export function checkLookupTable(ctx: CheckContext, table: LookupTableDecl): void {
  const name = table.name?.text ?? 'this lookup table';
  const columns = table.by.length;
  const seen = new Map<string, LookupRow>();
  const kinds = lookupColumnKinds(table);
  // A row that did not parse is missing or half read: rows are then not compared with each other,
  // and the table is not said to lack rows or an `otherwise` row.
  const unread = hasSyntaxErrorIn(ctx, table.range);
  if (table.rows.length === 0 && !unread) {
    report(
      ctx,
      'AT4007',
      table.name?.range ?? table.range,
      `Lookup table ${name} has no rows, so it never gives a value: add at least one, such as \`otherwise: 5%\``,
    );
    return;
  }
  let catchAll = false;
  const earlier: LookupRow[] = [];
  for (const row of table.rows) {
    if (!row.otherwise && row.keys.length !== columns) {
      const names = table.by.map((n) => n.text).join(', ');
      report(
        ctx,
        'AT4008',
        row.range,
        `This row of ${name} has ${row.keys.length} ${row.keys.length === 1 ? 'key' : 'keys'}, but the table is looked up by ${columns} (${names})`,
      );
      continue;
    }
    if (!row.otherwise) checkKeyKinds(ctx, row, kinds, table);
    if (unread) continue;
    catchAll ||= row.otherwise || row.keys.every((k) => k.kind === 'Wildcard');
    const signature = row.otherwise ? 'otherwise' : row.keys.map(keyText).join('\u0000');
    const first = seen.get(signature);
    if (first) {
      report(
        ctx,
        'AT4009',
        row.range,
        `The row ${writtenKeys(row)} of ${name} is written twice; only the first one is used`,
        [{ message: 'First written here', range: first.range }],
      );
    } else {
      seen.set(signature, row);
      if (!row.otherwise) checkReachable(ctx, row, earlier, name);
    }
    if (!row.otherwise) earlier.push(row);
  }
  if (unread) return;
  checkValues(ctx, table, name);
  if (!catchAll && table.name) {
    report(
      ctx,
      'AT4011',
      table.name?.range ?? table.range,
      `Lookup table ${name} has no \`otherwise\` row, so keys that match no row give nothing; add \`otherwise: ...\` to say what they give`,
    );
  }
}

/** True when every key of `row` is matched by `by`: the same key or `*`. */
function covers(by: LookupRow, row: LookupRow): boolean {
  return by.keys.every((key, i) => {
    const other = row.keys[i];
    if (key.kind === 'Wildcard') return true;
    return other !== undefined && other.kind !== 'Wildcard' && keyText(key) === keyText(other);
  });
}

/**
 * A row every key of which an earlier row already matches (with the same keys or `*`) can never
 * be used, since the first matching row wins (AT4013, a warning). Exact repeats are AT4009.
 */
function checkReachable(
  ctx: CheckContext,
  row: LookupRow,
  earlier: readonly LookupRow[],
  name: string,
): void {
  const first = earlier.find((e) => e.keys.length === row.keys.length && covers(e, row));
  if (!first) return;
  report(
    ctx,
    'AT4013',
    row.range,
    `The row ${writtenKeys(row)} of ${name} can never match: the earlier row ${writtenKeys(first)} matches every key it has, and the first matching row wins; move it above that row or remove it`,
    [{ message: `The row ${writtenKeys(first)} matches first`, range: first.range }],
  );
}

function checkKeyKinds(
  ctx: CheckContext,
  row: LookupRow,
  kinds: readonly ('Text' | 'Number' | undefined)[],
  table: LookupTableDecl,
): void {
  row.keys.forEach((key, i) => {
    if (key.kind === 'Wildcard') return;
    const kind = key.kind === 'Text' ? 'Text' : 'Number';
    const expected = kinds[i];
    if (expected && kind !== expected) {
      report(
        ctx,
        'AT3001',
        key.range,
        `The keys of column ${table.by[i]?.text ?? i + 1} must all be ${expected === 'Text' ? 'text' : 'numbers'}`,
      );
    }
  });
}

function checkValues(ctx: CheckContext, table: LookupTableDecl, name: string): void {
  const withValues = table.rows.filter((r) => r.value);
  const joined = joinAll(ctx, values(table));
  const first = withValues.find((r) => r.value && typeExpr(ctx, r.value).kind !== 'Unknown');
  for (const { index, type, expected } of joined.mismatches) {
    const row = withValues[index] as LookupRow;
    report(
      ctx,
      'AT3001',
      (row.value as Expr).range,
      `All rows of ${name} must give the same kind of value: ${formatType(expected)} above, ${formatType(type)} here`,
      first ? [{ message: `This row gives ${formatType(expected)}`, range: first.range }] : undefined,
    );
  }
}
