/**
 * Sentences a rep understands, built from traces: "12% on the 40,000.00 USD above quota, tier 3
 * of commission_rates". Every sentence gives what is needed to redo its arithmetic: the bands and
 * their bases when a marginal table priced the number, else the inputs next to the tier or point
 * of a curve reached.
 */

import type { Plan } from '@attain/dsl';
import { recordName } from '../data/model.js';
import { Dec, decText } from '../decimal.js';
import type { ResultValue, TierApplied, Trace, TraceInput } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';

/** `a`, `a and b`, `a, b and c` (or `a, b or c` with `or`). */
export function listed(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** How many items a warning names before "and N more". */
const NAMED = 5;

/** `D1, D2, D3, D4, D5 and 4 more`: the first {@link NAMED} names of a list, then how many are left. */
export function namedFirst(names: readonly string[]): string {
  const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : '';
  return `${names.slice(0, NAMED).join(', ')}${more}`;
}

/** `a, b and c`, or with more than {@link NAMED} names the first ones and how many more. */
export function listedFirst(names: readonly string[]): string {
  return names.length > NAMED ? namedFirst(names) : listed(names);
}

/** Digits grouped by thousands: `-1234567.5` → `-1,234,567.5`. */
export function group(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * The decimals money is shown with for a plan rounding to `planDecimals`: the plan's decimals,
 * and never fewer than 2 (a plan rounding to 3 decimals shows `10,018.518`).
 */
export function moneyDecimals(planDecimals: number | undefined): number {
  return Math.max(2, planDecimals ?? 2);
}

/**
 * A value where a number belongs that is no number (results read back from a file, or a statement
 * reported by hand, may hold any text): as written, and saying so: `"half" (not a number)`,
 * `"" (not a number)`, `an object (not a number)`; a value that is not there, `missing`. Every sentence
 * shows such a value this way. A quoted value that already ends in a bracket of its own (a long
 * text cut, with its length; a BigInt) takes `not a number` into that bracket, so there is one
 * bracket, never two: `"9999…" (154 characters, not a number)`, `12n (a BigInt, not a number)`.
 */
export function notANumber(value: unknown): string {
  if (value === undefined) return 'missing';
  const quoted = quoteAny(value);
  return quoted.endsWith(')') ? `${quoted.slice(0, -1)}, not a number)` : `${quoted} (not a number)`;
}

/** `value` as a finite decimal; `undefined` for anything else (see {@link notANumber}). */
function readDecimal(value: unknown): Dec | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const d = new Dec(value);
    return d.isFinite() ? d : undefined;
  } catch {
    return undefined;
  }
}

/** An amount for reading: grouped, with `decimals` decimals (2 by default). */
export function money(value: string, currency?: string, decimals = 2): string {
  const d = readDecimal(value);
  if (!d) return notANumber(value);
  const text = group(d.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toFixed(decimals));
  return currency ? `${text} ${currency}` : text;
}

/**
 * How many decimals beyond the shown ones an amount may have and still be shown whole: an amount
 * as given (`10.005 EUR`) or a product of a few decimals (`-100.005 EUR` at 1.0842 is
 * `-108.425421 USD`), not a quotient's 50 digits.
 */
const WHOLE_EXTRA = 4;

/** How many decimals beyond the shown ones "rounded from" gives: `1,400.6065` for cents. */
const ROUNDED_FROM_EXTRA = 2;

/**
 * An amount with the digits a rep needs to redo a sum: every decimal when it has at most
 * {@link WHOLE_EXTRA} more than `decimals` (`1000.005` → `1,000.005 USD`), else to
 * {@link ROUNDED_FROM_EXTRA} more (a quotient's 50 digits: `1,400.6065`), as "rounded from" shows it.
 */
export function detailedMoney(value: string, currency?: string, decimals = 2): string {
  const d = readDecimal(value);
  if (!d) return notANumber(value);
  const places = d.decimalPlaces();
  return money(
    value,
    currency,
    places <= decimals + WHOLE_EXTRA ? Math.max(decimals, places) : decimals + ROUNDED_FROM_EXTRA,
  );
}

/**
 * An exact amount for reading: {@link money}, with `decimals` decimals or every decimal it has when
 * it has a few more (`1000.005` → `1,000.005 USD`), so that no digit a rep needs to redo a sum is
 * hidden. An amount with more than {@link WHOLE_EXTRA} decimals beyond `decimals` (a ratio's 50
 * digits) is shown to `decimals` and says so, with the amount it was rounded from
 * ({@link detailedMoney}): `1,400.61 USD (rounded from 1,400.6065)`; with `said`, an amount whose
 * rounding it already holds is shown rounded only, so that a sentence says it once.
 */
export function exactMoney(value: string, currency?: string, decimals = 2, said?: Set<string>): string {
  const d = readDecimal(value);
  if (!d) return notANumber(value);
  if (d.decimalPlaces() <= decimals + WHOLE_EXTRA) return detailedMoney(value, currency, decimals);
  const shown = money(value, currency, decimals);
  const exact = d.toString();
  if (said?.has(exact)) return shown;
  said?.add(exact);
  return `${shown} (rounded from ${detailedMoney(value, undefined, decimals)})`;
}

/**
 * An amount of `plan` for reading: {@link money} in the plan currency with the decimals the plan
 * shows ({@link moneyDecimals}), or {@link exactMoney} with `exact` (every decimal it has).
 */
export function planMoney(plan: Plan, value: Dec, exact = false): string {
  const decimals = moneyDecimals(plan.header.rounding.decimals);
  return (exact ? exactMoney : money)(decText(value), plan.header.currency, decimals);
}

/** How sentences about `plan` show values: its currency, money with its decimals (at least 2). */
export function planReading(plan: Plan): Reading {
  return new Reading(plan.header.currency, moneyDecimals(plan.header.rounding.decimals));
}

/** A ratio as a percentage: `0.125` → `12.5%`. */
export function percent(value: string): string {
  const d = readDecimal(value);
  if (!d) return notANumber(value);
  return `${group(d.times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString())}%`;
}

/** A plain number for reading, to at most 4 decimals like {@link percent}: `78.666…` → `78.6667`. */
export function plain(value: string): string {
  const d = readDecimal(value);
  if (!d) return notANumber(value);
  return group(d.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString());
}

function isNumeric(value: unknown): value is string {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
}

/** A currency code: the unit of money (`USD`), not `%`. */
function isCurrency(unit: string | undefined): unit is string {
  return unit !== undefined && /^[A-Z]{3}$/.test(unit);
}

/**
 * How the numbers of one sentence are written: the statement's currency and decimals. Amounts
 * keep every decimal they have up to a few more than `decimals` (an amount as given, `10.005 EUR`,
 * or a line of a plan rounded only at its payout, so that its items add up), and beyond that are
 * rounded to `decimals` saying what they were rounded from, once a sentence ({@link exactMoney}).
 */
export class Reading {
  constructor(
    readonly currency: string,
    readonly decimals = 2,
    /** The amounts this sentence already said were rounded (their exact digits). */
    private readonly said = new Set<string>(),
  ) {}

  private amount(value: string, unit: string): string {
    return exactMoney(value, unit, this.decimals, this.said);
  }

  /**
   * A value with its unit, for reading. A value with a unit (money, a percentage) that is not a
   * number (a yes/no included), or a value that is neither text, a yes/no nor empty, says so
   * ({@link notANumber}).
   */
  shown(value: ResultValue, unit?: string): string {
    if (value === null) return 'no value';
    // A yes/no where a number belongs (money, a percentage) is not one.
    if (typeof value === 'boolean' && unit === undefined) return value ? 'yes' : 'no';
    if (typeof value !== 'string') return notANumber(value);
    if (unit === '%' && isNumeric(value)) return percent(value);
    if (unit !== undefined) return isNumeric(value) ? this.amount(value, unit) : notANumber(value);
    return isNumeric(value) ? plain(value) : value;
  }

  private bound(value: string, unit: string | undefined): string {
    if (!isNumeric(value)) return notANumber(value);
    return unit === '%' ? percent(value) : this.shown(value, unit);
  }

  /**
   * Where a tier sits: "above quota", "between 50% and 100%", "above 15"; for a pay curve below
   * its first point (index 0), "at or below 80%". With `reached`, the tier a value reached rather
   * than the part of an amount inside it: an open top tier starts at its bound, so a value of
   * exactly 100% is in it: "at or above quota".
   */
  band(t: TierApplied, reached = false): string {
    if (t.index === 0 && t.to === undefined) return `at or below ${this.bound(t.from, t.unit)}`;
    if (t.to === undefined) {
      const bound =
        t.unit === '%' && isNumeric(t.from) && new Dec(t.from).eq(1) ? 'quota' : this.bound(t.from, t.unit);
      return `${reached ? 'at or above' : 'above'} ${bound}`;
    }
    return `between ${this.bound(t.from, t.unit)} and ${this.bound(t.to, t.unit)}`;
  }

  private rate(t: TierApplied, rate = t.rate): string {
    if (!isNumeric(rate)) return notANumber(rate);
    return t.rateUnit === '%' ? percent(rate) : this.shown(rate, t.rateUnit);
  }

  /**
   * A tier reached by the value a table reads, with that value: "10% (attainment 120%, at or
   * above quota), tier 2 of rates"; a pay curve's value with the points around it: "22.2318% from
   * retention_curve at gross_retention 84.4464%, between its points 80% (pays 0%) and 85% (pays
   * 25%)", or beyond its first or last point: "0% from pc at attainment 50%, at or below its first
   * point 80%"; a value below a threshold: "0% (attainment 40%, below 50%, where tier 1 of th
   * starts)".
   */
  private reachedSentence(t: TierApplied, on: string, at: string): string {
    const value = `${on} ${this.bound(at, t.unit)}`;
    if (t.fromRate !== undefined) {
      const head = `${this.rate(t)} from ${t.table} at ${value}`;
      const from = this.bound(t.from, t.unit);
      if (t.to !== undefined && t.toRate !== undefined)
        return `${head}, between its points ${from} (pays ${this.rate(t, t.fromRate)}) and ${this.bound(t.to, t.unit)} (pays ${this.rate(t, t.toRate)})`;
      return `${head}, at or ${t.index === 0 ? 'below its first' : 'above its last'} point ${from}`;
    }
    const each = isCurrency(t.rateUnit) ? ' each' : '';
    // Below a first tier that starts above zero (a threshold): tier 0, which pays nothing.
    if (t.index === 0)
      return `${this.rate(t)}${each} (${value}, below ${this.bound(t.from, t.unit)}, where tier 1 of ${t.table} starts)`;
    return `${this.rate(t)}${each} (${value}, ${this.band(t, true)}), tier ${t.index} of ${t.table}`;
  }

  /**
   * The part of an amount in a band. A rate in money (`50 USD` a meeting) prices a count, so the
   * base is a plain number; any other rate prices money in the statement's currency.
   */
  private base(t: TierApplied, base: string): string {
    if (!isNumeric(base)) return notANumber(base);
    return isCurrency(t.rateUnit) ? group(base) : this.amount(base, this.currency);
  }

  /**
   * "12% on the 40,000.00 USD above quota, tier 3 of commission_rates"; "50.00 USD each on the 10
   * between 0 and 10, tier 1 of meetings"; without a base, "12% (at or above quota), tier 3 of ...";
   * a pay curve below its first point, "0% (at or below 80%, the first point of pc)".
   */
  tierSentence(t: TierApplied): string {
    if (t.base === undefined && t.on !== undefined && t.at !== undefined)
      return this.reachedSentence(t, t.on, t.at);
    if (t.index === 0 && t.to === undefined)
      return `${this.rate(t)} (${this.band(t)}, the first point of ${t.table})`;
    const each = isCurrency(t.rateUnit) ? ' each' : '';
    if (t.base === undefined)
      return `${this.rate(t)}${each} (${this.band(t, true)}), tier ${t.index} of ${t.table}`;
    return `${this.rate(t)}${each} on the ${this.base(t, t.base)} ${this.band(t)}, tier ${t.index} of ${t.table}`;
  }

  /**
   * The inputs a rule saw, each amount with every decimal it has (but a quotient's, see
   * {@link exactMoney}): an amount as given (`10.005 EUR`) or computed (`9,999.99918 USD` before
   * rounding) is not shown rounded, so that a rep can redo the arithmetic from it.
   */
  inputs(list: readonly TraceInput[]): string {
    return list.map((i) => `${i.name} ${this.shown(i.value, i.unit)}${this.constants(i)}`).join(', ');
  }

  /** The constants a rule applied to an input, as it writes them: " x 3% + 500.00 USD". */
  private constants(i: TraceInput): string {
    if (!i.constants || i.value === null) return '';
    return i.constants.map((c) => ` ${c.op === '*' ? 'x' : c.op} ${this.shown(c.value, c.unit)}`).join('');
  }
}

/**
 * A sentence explaining a value with its trace. Marginal bands with their bases add up to the
 * value by themselves; a tier without a base (retroactive, a rate reached, a point of a curve)
 * is followed by the inputs it multiplies.
 */
export function sentence(
  trace: Trace,
  value: ResultValue,
  unit: string | undefined,
  currency: string,
  decimals = 2,
): string {
  const reading = new Reading(currency, decimals);
  const what = trace.rule.label ?? trace.rule.name;
  const record = trace.records?.length === 1 ? trace.records[0] : undefined;
  const about = record ? ` for ${record.source} ${recordName(record)}` : '';
  const tiers = trace.bands ?? (trace.tier ? [trace.tier] : []);
  const parts: string[] = [];
  if (tiers.length > 0) parts.push(tiers.map((t) => reading.tierSentence(t)).join(', plus '));
  const based = tiers.length > 0 && tiers.every((t) => t.base !== undefined);
  if (!based && trace.inputs.length > 0) parts.push(reading.inputs(trace.inputs));
  if (trace.text) parts.push(trace.text);
  const detail = parts.length > 0 ? `: ${parts.join('; ')}` : '';
  // "attainment has no value: bookings 0.00 USD, q 0.00 USD", not "is no value".
  if (value === null) return `${what}${about} has no value${detail}`;
  return `${what}${about} is ${reading.shown(value, unit)}${detail}`;
}
