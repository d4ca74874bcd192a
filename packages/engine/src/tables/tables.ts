/**
 * The plan's rate tables, lookup tables and pay curves by name, each in the version in force in
 * the period being calculated.
 */
import type { Plan } from '@attain/dsl';
import type { CompileEnv } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Value } from '../evaluate/value.js';
import { spanOf, type Version, versionIn } from '../evaluate/versions.js';
import { type CompiledLookup, compileLookup, lookup } from './lookup.js';
import { type CompiledCurve, compileCurve, curve } from './pay-curve.js';
import { type CompiledRateTable, compileRateTable, rateReached, tiered } from './rate-table.js';

function group<E extends { name: string; effective?: unknown }, T>(
  items: readonly E[],
  make: (item: E) => T,
): Map<string, Version<T>[]> {
  const map = new Map<string, Version<T>[]>();
  for (const item of items) {
    const list = map.get(item.name) ?? [];
    list.push({ span: spanOf(item as never), value: make(item) });
    map.set(item.name, list);
  }
  return map;
}

/** Every table of a plan, compiled. */
export class Tables {
  readonly rates: Map<string, Version<CompiledRateTable>[]>;
  readonly lookups: Map<string, Version<CompiledLookup>[]>;
  readonly curves: Map<string, Version<CompiledCurve>[]>;

  constructor(plan: Plan, env: CompileEnv) {
    this.rates = group(plan.rateTables, (t) => compileRateTable(t, env));
    this.lookups = group(plan.lookupTables, (t) => compileLookup(t, env));
    this.curves = group(plan.payCurves, (c) => compileCurve(c, env));
  }

  /** The rate table in force in the context's period. */
  rateTable(ctx: Ctx, name: string): CompiledRateTable | undefined {
    const versions = this.rates.get(name);
    return versions && versionIn(versions, ctx.period);
  }

  tiered(ctx: Ctx, name: string, amount: Value): Value {
    const table = this.rateTable(ctx, name);
    return table ? tiered(ctx, table, amount) : null;
  }

  rate(ctx: Ctx, name: string): Value {
    const table = this.rateTable(ctx, name);
    return table ? rateReached(ctx, table) : null;
  }

  /** The lookup table in force in the context's period. */
  lookupTable(ctx: Ctx, name: string): CompiledLookup | undefined {
    const versions = this.lookups.get(name);
    return versions && versionIn(versions, ctx.period);
  }

  lookup(ctx: Ctx, name: string, keys: readonly Value[]): Value {
    const table = this.lookupTable(ctx, name);
    return table ? lookup(ctx, table, keys) : null;
  }

  curve(ctx: Ctx, name: string): Value {
    const versions = this.curves.get(name);
    const c = versions && versionIn(versions, ctx.period);
    return c ? curve(ctx, c) : null;
  }
}
