/**
 * FX rates: the rate of a currency pair on a date is the latest rate dated on or before it,
 * whichever way it is written (EUR to USD, or the inverse of USD to EUR); when both are dated the
 * same day, the one written in the pair's own direction.
 */
import { type Dec, decText, ONE } from '../decimal.js';
import { quote } from '../text/quoted.js';
import type { FxRate, RawValue } from './dataset.js';
import { dataError, type Problems, type RowAt } from './problems.js';
import { readDecimal, rowOf } from './values.js';

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

  /**
   * The rate converting 1 `from` into `to` on `day`, or `undefined` when there is none: the latest
   * rate dated on or before `day` in either direction (a newer inverse rate replaces an older
   * direct one), the direct one when both are dated the same day.
   */
  rate(from: string, to: string, day: number): Dec | undefined {
    const quote = this.quote(from, to, day);
    return quote && (quote.inverse ? ONE.div(quote.rate) : quote.rate);
  }

  /**
   * `amount` of `from` in `to` on `day` (at {@link rate}'s rate), or `undefined` when there is no
   * rate: times a rate written in this direction, divided by one written the other way. Dividing
   * is exact where the result is (45.45 EUR at 1 USD = 0.9 EUR is 50.5 USD), where multiplying by
   * the inverse, cut at 50 digits, would give 50.4999…9 and lose a half cent at rounding.
   */
  convert(amount: Dec, from: string, to: string, day: number): Dec | undefined {
    const quote = this.quote(from, to, day);
    return quote && (quote.inverse ? amount.div(quote.rate) : amount.times(quote.rate));
  }

  /**
   * The rate as a sentence writes it: as given (`1.1`), or for a rate written the other way, as
   * the division it is (`1 / 0.9`, not the 50 digits of 1.1111…); `undefined` when there is none.
   */
  rateText(from: string, to: string, day: number): string | undefined {
    const quote = this.quote(from, to, day);
    return quote && (quote.inverse ? `1 / ${decText(quote.rate)}` : decText(quote.rate));
  }

  /** The rate row {@link rate} uses, and whether it is written the other way (`to` into `from`). */
  private quote(from: string, to: string, day: number): { rate: Dec; inverse: boolean } | undefined {
    if (from === to) return { rate: ONE, inverse: false };
    const direct = latest(this.pairs.get(`${from}>${to}`), day);
    const inverse = latest(this.pairs.get(`${to}>${from}`), day);
    if (direct && (!inverse || direct.day >= inverse.day)) return { rate: direct.rate, inverse: false };
    return inverse ? { rate: inverse.rate, inverse: true } : undefined;
  }
}

function latest(list: Dated[] | undefined, day: number): Dated | undefined {
  if (!list || list.length === 0 || (list[0] as Dated).day > day) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid] as Dated).day <= day) lo = mid;
    else hi = mid - 1;
  }
  return list[lo] as Dated;
}

/**
 * Finds the FX rows that convert a currency into itself at a rate other than 1 (`EUR` to `EUR` at
 * 7): a currency is always worth 1 of itself, so such a row is wrong data, never used. A row at
 * exactly 1 is true and harmless (rate exports often list the base currency), and is accepted.
 * Rows whose currencies or rate cannot be read are left to the other checks of FX rows.
 */
export function checkSelfRates(rates: readonly FxRate[], problems: Problems): void {
  rates.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object') return;
    const from = code(entry.from);
    if (from === undefined || from !== code(entry.to)) return;
    const raw = entry.rate as RawValue | undefined;
    const rate = raw === undefined || raw === null || typeof raw === 'boolean' ? undefined : readDecimal(raw);
    if (rate === undefined || rate.eq(ONE)) return;
    const at: RowAt = { source: 'fx', row: rowOf(entry, i) };
    const what = `rate is ${quote(raw)}, which converts ${from} to itself (1 ${from} is always worth 1 ${from})`;
    problems.add(at, dataError(at, 'bad-fx-rate', 'rate', what));
  });
}

/** A currency as an FX row writes it, upper case; `undefined` when it is not text. */
function code(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().toUpperCase() : undefined;
}
