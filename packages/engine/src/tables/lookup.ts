/**
 * Lookup tables: the value of the first row whose keys all match (`*` matches anything), else the
 * `otherwise` row.
 */
import type { LookupTable } from '@attain/dsl';
import { Dec } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Value } from '../evaluate/value.js';
import type { RuleRef } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';

type Key = { kind: 'text'; value: string } | { kind: 'number'; value: Dec } | { kind: 'any' };

/** A lookup table ready to use. */
export interface CompiledLookup {
  table: LookupTable;
  rule: RuleRef;
  rows: { keys: Key[]; value: Fn; index: number }[];
  otherwise: Fn | undefined;
}

/** Compiles a lookup table. */
export function compileLookup(table: LookupTable, env: CompileEnv): CompiledLookup {
  const rule: RuleRef = { kind: 'lookup-table', name: table.name };
  if (table.label !== undefined) rule.label = table.label;
  return {
    table,
    rule,
    rows: table.rows.map((row, i) => ({
      keys: row.keys.map((k): Key => (k.kind === 'number' ? { kind: 'number', value: new Dec(k.value) } : k)),
      value: compile(row.value, env),
      index: i + 1,
    })),
    otherwise: table.otherwise ? compile(table.otherwise, env) : undefined,
  };
}

function matches(key: Key, value: Value): boolean {
  switch (key.kind) {
    case 'any':
      return true;
    case 'text':
      return value === key.value;
    case 'number':
      return value instanceof Dec && value.eq(key.value);
  }
}

/** The 1-based row of `t` that `keys` match first, else `otherwise` (there may be no such row). */
export function rowOf(t: CompiledLookup, keys: readonly Value[]): number | 'otherwise' {
  for (const row of t.rows) if (row.keys.every((k, i) => matches(k, keys[i] ?? null))) return row.index;
  return 'otherwise';
}

/** `lookup(table, key, ...)`. */
export function lookup(ctx: Ctx, t: CompiledLookup, keys: readonly Value[]): Value {
  for (const row of t.rows) {
    if (row.keys.every((k, i) => matches(k, keys[i] ?? null))) return row.value(ctx, undefined);
  }
  if (t.otherwise) return t.otherwise(ctx, undefined);
  const shown = keys.map((k) => (k instanceof Dec ? k.toString() : quoteAny(k))).join(', ');
  ctx.warn('no-lookup-match', t.table, `no row of ${t.table.name} matches ${shown}`, t.rule);
  return null;
}
