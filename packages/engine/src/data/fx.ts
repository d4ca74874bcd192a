/**
 * FX rates: the rate of a currency pair on a date is the latest rate of the pair dated on or
 * before it; when only the opposite pair is given, its inverse is used.
 */
import { type Dec, ONE } from '../decimal.js';

interface Dated {
  day: number;
  rate: Dec;
}

/** Validated FX rates, ready for lookups. */
export class FxTable {
  private readonly pairs = new Map<string, Dated[]>();

  /** Adds a rate; call {@link seal} once all are added. */
  add(from: string, to: string, day: number, rate: Dec): void {
    const key = `${from}>${to}`;
    const list = this.pairs.get(key);
    if (list) list.push({ day, rate });
    else this.pairs.set(key, [{ day, rate }]);
  }

  /** Sorts the rates of each pair by date. */
  seal(): void {
    for (const list of this.pairs.values()) list.sort((a, b) => a.day - b.day || a.rate.comparedTo(b.rate));
  }

  /** True when some rate converts `from` into `to` (on some date). */
  hasPair(from: string, to: string): boolean {
    return from === to || this.pairs.has(`${from}>${to}`) || this.pairs.has(`${to}>${from}`);
  }

  /** The rate converting 1 `from` into `to` on `day`, or `undefined` when there is none. */
  rate(from: string, to: string, day: number): Dec | undefined {
    if (from === to) return ONE;
    const direct = latest(this.pairs.get(`${from}>${to}`), day);
    if (direct) return direct;
    const inverse = latest(this.pairs.get(`${to}>${from}`), day);
    return inverse ? ONE.div(inverse) : undefined;
  }
}

function latest(list: Dated[] | undefined, day: number): Dec | undefined {
  if (!list || list.length === 0 || (list[0] as Dated).day > day) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid] as Dated).day <= day) lo = mid;
    else hi = mid - 1;
  }
  return (list[lo] as Dated).rate;
}
