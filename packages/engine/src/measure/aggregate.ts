/**
 * Aggregates (`sum`, `count`, `avg`, `min`, `max`) over the payee's records of a source in the
 * period (through its owner and dated fields), or over the entries a credit credited to the payee
 * (`count(bookings)`, `max(bookings.credited)`). `null` values are left out; the sum of nothing is
 * 0, the average, minimum and maximum of nothing have no value.
 */
import type { IrAggregate } from '@attain/dsl';
import { Dec, ZERO } from '../decimal.js';
import type { Fn } from '../evaluate/compile.js';
import type { Row } from '../evaluate/context.js';
import { compare, type Value } from '../evaluate/value.js';

/** The compiled parts of an aggregate. */
export interface AggregateParts {
  /** The filter, over the records in scope. */
  where: Fn | undefined;
  /** The field aggregated; absent for `count(records)`. */
  value: Fn | undefined;
  /** The credit's definition id, for an aggregate over a credit. */
  credit: number | undefined;
  /** True inside another record scope: the outer record is kept in the context's frames. */
  nested: boolean;
}

/** Builds an aggregate's closure. */
export function aggregate(expr: IrAggregate, parts: AggregateParts): Fn {
  const { where, value, credit, nested } = parts;
  const fn = expr.fn;
  const source = expr.source;
  return (ctx, row) => {
    const rows: readonly Row[] = credit === undefined ? ctx.records(source) : ctx.entries(credit);
    // In a per-line context only a prefix of the line credit's entries is in scope.
    const n = credit === undefined ? rows.length : ctx.entryCount(credit, rows.length);
    if (nested) ctx.frames.push(row);
    let count = 0;
    let sum: Dec = ZERO;
    let best: Value = null;
    for (let i = 0; i < n; i++) {
      const r = rows[i] as Row;
      if (where && where(ctx, r) !== true) continue;
      if (!value) {
        count++;
        continue;
      }
      const v = value(ctx, r);
      if (v === null) continue;
      count++;
      if (fn === 'sum' || fn === 'avg') sum = sum.plus(v as Dec);
      else if (fn === 'min' || fn === 'max') {
        const c = best === null ? 0 : (compare(v, best) ?? 0);
        if (best === null || (fn === 'min' ? c < 0 : c > 0)) best = v;
      }
    }
    if (nested) ctx.frames.pop();
    switch (fn) {
      case 'count':
        return new Dec(count);
      case 'sum':
        return sum;
      case 'avg':
        return count === 0 ? null : sum.div(count);
      default:
        return best;
    }
  };
}
