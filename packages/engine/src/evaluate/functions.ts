/**
 * The built-in arithmetic and date functions (`min`, `clamp`, `round`, `ratio`, `add_months`...).
 */
import type { CallFn } from '@attain/dsl';
import { Dec, toCount, ZERO } from '../decimal.js';
import type { Period } from '../time/calendar.js';
import { addMonths, monthsBetween } from '../time/dates.js';
import { compare, type Value } from './value.js';

/** Date arithmetic beyond ten thousand years has no meaning for a plan; bounding it keeps day numbers exact. */
const MAX_DAYS = 3_660_000;
const MAX_MONTHS = 120_000;

function extreme(args: readonly Value[], sign: 1 | -1): Value {
  let best: Value = null;
  for (const v of args) {
    if (v === null) return null;
    if (best === null || (compare(v, best) ?? 0) * sign > 0) best = v;
  }
  return best;
}

/** Applies a built-in function to evaluated arguments. Any `null` argument gives `null`. */
export function callFunction(fn: CallFn, args: readonly Value[]): Value {
  switch (fn) {
    case 'min':
      return extreme(args, -1);
    case 'max':
      return extreme(args, 1);
    case 'clamp': {
      const [x, lo, hi] = args as [Value, Value, Value];
      if (x === null || lo === null || hi === null) return null;
      if ((compare(x, lo) ?? 0) < 0) return lo;
      if ((compare(x, hi) ?? 0) > 0) return hi;
      return x;
    }
    case 'round': {
      const [x, places] = args as [Value, Value];
      if (!(x instanceof Dec) || !(places instanceof Dec)) return null;
      return x.toDecimalPlaces(toCount(places, 0, 50), Dec.ROUND_HALF_UP);
    }
    case 'abs': {
      const x = args[0] ?? null;
      return x instanceof Dec ? x.abs() : null;
    }
    case 'ratio': {
      const [a, b] = args as [Value, Value];
      if (!(a instanceof Dec) || !(b instanceof Dec)) return null;
      return b.isZero() ? ZERO : a.div(b);
    }
    case 'days_between': {
      const [a, b] = args as [Value, Value];
      return typeof a === 'number' && typeof b === 'number' ? new Dec(b - a) : null;
    }
    case 'months_between': {
      const [a, b] = args as [Value, Value];
      return typeof a === 'number' && typeof b === 'number' ? new Dec(monthsBetween(a, b)) : null;
    }
    case 'add_days': {
      const [d, n] = args as [Value, Value];
      return typeof d === 'number' && n instanceof Dec ? d + toCount(n, -MAX_DAYS, MAX_DAYS) : null;
    }
    case 'add_months': {
      const [d, n] = args as [Value, Value];
      return typeof d === 'number' && n instanceof Dec
        ? addMonths(d, toCount(n, -MAX_MONTHS, MAX_MONTHS))
        : null;
    }
    case 'start_of':
    case 'end_of': {
      const p = args[0] ?? null;
      if (p === null || typeof p !== 'object' || p instanceof Dec || Array.isArray(p)) return null;
      return fn === 'start_of' ? (p as Period).start : (p as Period).end;
    }
  }
}
