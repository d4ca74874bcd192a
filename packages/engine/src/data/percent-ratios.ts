/**
 * The `percent-as-ratio` warning: a `Percent` value in the data written without `%` is a ratio
 * (`0.12` is 12%), so `12`, meant as twelve percent, is read as 1,200% and pays a hundred times
 * over, silently. Values above 1 (100%) written so are named, per field: a spreadsheet exports a
 * percent cell either as `12%` or as `0.12`, and a plain `12` in a percent column is far more often
 * that mistake than a ratio above one, which `150%` writes unambiguously (and without a warning).
 * The values are still read as written: the warning changes no result.
 */
import type { Field, Plan } from '@attain/dsl';
import { type Dec, ONE } from '../decimal.js';
import type { CalculationWarning } from '../results/results.js';
import { group, listedFirst } from '../trace/sentence.js';
import type { Dataset, RawValue } from './dataset.js';
import { asList, isMissing, readDecimal, rowOf } from './values.js';

/** One field's values read as ratios above 1: where, and the first as written. */
interface Noted {
  part: string;
  field: string;
  rows: number[];
  example: string;
}

/** The value of `raw`, a Percent written without `%`, when it is above 1; otherwise `undefined`. */
function ratioAboveOne(raw: RawValue | undefined): string | undefined {
  if (isMissing(raw) || typeof raw === 'boolean') return undefined;
  if (typeof raw === 'string' && raw.trim().endsWith('%')) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const value = readDecimal(raw);
  return value?.gt(ONE) ? String(raw).trim() : undefined;
}

/** The Percent fields among `fields`, by name. */
function percentFields(fields: readonly Field[]): string[] {
  return fields.filter((f) => f.type.kind === 'Percent').map((f) => f.name);
}

/** Notes the rows of `rows` whose `fields` hold a ratio above 1 written without `%`. */
function scan(
  part: string,
  fields: readonly string[],
  rows: readonly unknown[],
  valuesOf: (entry: unknown) => Record<string, RawValue> | undefined,
  into: Noted[],
): void {
  if (fields.length === 0) return;
  const byField = new Map<string, Noted>();
  rows.forEach((entry, i) => {
    const values = valuesOf(entry);
    if (values === null || typeof values !== 'object') return;
    for (const field of fields) {
      const written = ratioAboveOne(values[field]);
      if (written === undefined) continue;
      let noted = byField.get(field);
      if (!noted) {
        noted = { part, field, rows: [], example: written };
        byField.set(field, noted);
        into.push(noted);
      }
      noted.rows.push(rowOf(entry as { row?: number } | null, i));
    }
  });
}

/** `percent-as-ratio` warnings for the plan's Percent fields and payee attributes in `data`. */
export function percentRatioWarnings(plan: Plan, data: Dataset): CalculationWarning[] {
  const noted: Noted[] = [];
  const attributes = percentFields(plan.payee);
  scan(
    'payees',
    attributes,
    asList(data.payees),
    (p) => (p as { attributes?: Record<string, RawValue> } | null)?.attributes,
    noted,
  );
  // A change's value, under its attribute's name: `attributeChanges.rate has a value above 1 …`.
  scan(
    'attributeChanges',
    attributes,
    asList(data.attributeChanges),
    (c) => {
      const change = c as { attribute?: unknown; value?: RawValue } | null;
      return typeof change?.attribute === 'string'
        ? { [change.attribute.trim()]: change.value ?? null }
        : undefined;
    },
    noted,
  );
  for (const source of plan.sources) {
    const rows = asList(data.records?.[source.name]);
    scan(
      source.name,
      percentFields(source.fields),
      rows,
      (r) => (r as { values?: Record<string, RawValue> } | null)?.values,
      noted,
    );
  }
  return noted.map(({ part, field, rows, example }) => {
    const sorted = [...rows].sort((a, b) => a - b);
    const where = `${sorted.length === 1 ? 'row' : 'rows'} ${listedFirst(sorted.map(String))}`;
    const value = readDecimal(example) as Dec;
    const percent = `${group(value.times(100).toString())}%`;
    const them = sorted.length === 1 ? 'a value above 1' : `${sorted.length} values above 1`;
    return {
      code: 'percent-as-ratio' as const,
      message:
        `${part}.${field} has ${them} written without % (${where}), read as ${sorted.length === 1 ? 'a ratio' : 'ratios'}: ` +
        `${example} is ${percent}, not ${example}%. Write ${example}% (or ${value.div(100).toString()}) for ${example} percent; ` +
        `a ratio above 1 written with % (${percent}) is not warned about`,
    };
  });
}
