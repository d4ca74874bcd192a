/**
 * Sentences a rep understands, built from traces: "12% on the 40,000.00 USD above quota, tier 3
 * of commission_rates".
 */

import { recordName } from '../data/model.js';
import { Dec } from '../decimal.js';
import type { ResultValue, TierApplied, Trace, TraceInput } from '../results/results.js';

/** Groups thousands with commas: `1234567.5` → `1,234,567.5`. */
function group(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** An amount for reading: grouped, 2 decimals. */
export function money(value: string, currency?: string): string {
  const text = group(new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
  return currency ? `${text} ${currency}` : text;
}

/** A ratio as a percentage: `0.125` → `12.5%`. */
export function percent(value: string): string {
  return `${group(new Dec(value).times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString())}%`;
}

/** A value with its unit, for reading. */
export function shown(value: ResultValue, unit?: string): string {
  if (value === null) return 'no value';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (unit === '%' && isNumeric(value)) return percent(value);
  if (unit !== undefined && isNumeric(value)) return money(value, unit);
  return isNumeric(value) ? group(value) : value;
}

function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

function bound(value: string, unit: string | undefined): string {
  return unit === '%' ? percent(value) : shown(value, unit);
}

/** Where a tier sits: "above quota", "between 50% and 100%", "from 15 up". */
function band(t: TierApplied): string {
  if (t.to === undefined)
    return t.unit === '%' && new Dec(t.from).eq(1) ? 'above quota' : `above ${bound(t.from, t.unit)}`;
  return `between ${bound(t.from, t.unit)} and ${bound(t.to, t.unit)}`;
}

function rate(t: TierApplied): string {
  return t.rateUnit === '%' ? percent(t.rate) : shown(t.rate, t.rateUnit);
}

/** "12% on the 40,000.00 USD above quota, tier 3 of commission_rates". */
export function tierSentence(t: TierApplied, currency: string): string {
  const on = t.base === undefined ? '' : ` on the ${money(t.base, currency)} ${band(t)}`;
  const where = t.base === undefined ? ` (${band(t)})` : '';
  return `${rate(t)}${on}${where}, tier ${t.index} of ${t.table}`;
}

function inputs(list: readonly TraceInput[]): string {
  return list.map((i) => `${i.name} ${shown(i.value, i.unit)}`).join(', ');
}

/** A sentence explaining a value with its trace. */
export function sentence(
  trace: Trace,
  value: ResultValue,
  unit: string | undefined,
  currency: string,
): string {
  const what = trace.rule.label ?? trace.rule.name;
  const record = trace.records?.length === 1 ? trace.records[0] : undefined;
  const about = record ? ` for ${record.source} ${recordName(record)}` : '';
  const tiers = trace.bands ?? (trace.tier ? [trace.tier] : []);
  const parts: string[] = [];
  if (tiers.length > 0) parts.push(tiers.map((t) => tierSentence(t, currency)).join(', plus '));
  else if (trace.inputs.length > 0) parts.push(inputs(trace.inputs));
  if (trace.text) parts.push(trace.text);
  const detail = parts.length > 0 ? `: ${parts.join('; ')}` : '';
  return `${what}${about} is ${shown(value, unit)}${detail}`;
}
