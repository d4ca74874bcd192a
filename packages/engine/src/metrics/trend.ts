/**
 * `trend(source, metric, payee)`: a metric's series over the calculated periods for one payee
 * (from results) or one team (from a roll-up), with the change from each period to the one before.
 */
import { readDecimal } from '../data/values.js';
import { decText } from '../decimal.js';
import type { MeasureResult, Results, ResultValue } from '../results/results.js';
import type { RollUp, TeamMetric } from './roll-up.js';
import { DECIMAL_KINDS } from './template.js';

/** The change of a value from the period before. */
export interface Change {
  /** This period's value minus the one before, exactly (a ratio for percentages: `"0.05"` is 5 points). */
  absolute: string;
  /** `absolute` over the size of the value before (`"-0.25"` is a 25% drop); `null` when that was zero. */
  relative: string | null;
}

/** One period of a trend. */
export interface TrendPoint {
  period: string;
  /** `null` when there is no value (no statement in the period, an average of nothing). */
  value: ResultValue;
  /**
   * Absent for the first period, when either value is missing, and for a metric whose type is not
   * a number (`Date`, `Text`, `Boolean`).
   */
  change?: Change;
}

/** A metric's series for a payee or a team. */
export interface Trend {
  metric: string;
  label?: string;
  /** The payee id, or the head of the team for a roll-up. */
  payee: string;
  /** The metric's type as written in the language. */
  type: string;
  /** One point per period of the results, in order. */
  points: TrendPoint[];
}

/** True when values of the type (as written in results: `Money (USD)`, `Percent`) are decimals. */
function isDecimalType(type: string): boolean {
  return DECIMAL_KINDS.has(type.split(' ', 1)[0] as string);
}

function changeOf(before: ResultValue, now: ResultValue): Change | undefined {
  const a = typeof before === 'string' ? readDecimal(before) : undefined;
  const b = typeof now === 'string' ? readDecimal(now) : undefined;
  if (a === undefined || b === undefined) return undefined;
  const difference = b.minus(a);
  return { absolute: decText(difference), relative: a.isZero() ? null : decText(difference.div(a.abs())) };
}

function isRollUp(source: Results | RollUp): source is RollUp {
  return Array.isArray((source as RollUp).teams);
}

type Row = {
  period: string;
  metrics: readonly (MeasureResult | TeamMetric)[];
  measures?: readonly MeasureResult[];
};

/** The payee's statements, or the team's rows, by period. */
function rowsOf(source: Results | RollUp, payee: string): Map<string, Row> {
  const rows: Row[] = isRollUp(source)
    ? source.teams.filter((t) => t.team === payee)
    : source.statements.filter((s) => s.payee === payee);
  return new Map(rows.map((row) => [row.period, row]));
}

/**
 * The values of `metric` for `payee` in each period of `source`, with the change from the
 * previous period: exact decimals, `relative` divided by the absolute value before (so a rise
 * from -10 to -5 is +50%). Reads the statements' metrics (then measures, for `attainment` and the
 * like) of `Results`, or the teams of a `RollUp` (where `payee` is the head of the team). Returns
 * `undefined` when the payee or team has no such metric in any period.
 */
export function trend(source: Results | RollUp, metric: string, payee: string): Trend | undefined {
  let found: MeasureResult | TeamMetric | undefined;
  const rows = rowsOf(source, payee);
  const points: TrendPoint[] = source.meta.periods.map((period) => {
    const row = rows.get(period);
    const item = row?.metrics.find((m) => m.name === metric) ?? row?.measures?.find((m) => m.name === metric);
    found ??= item;
    return { period, value: item?.value ?? null };
  });
  if (!found) return undefined;
  if (isDecimalType(found.type))
    for (let i = 1; i < points.length; i++) {
      const change = changeOf((points[i - 1] as TrendPoint).value, (points[i] as TrendPoint).value);
      if (change) (points[i] as TrendPoint).change = change;
    }
  const result: Trend = { metric, payee, type: found.type, points };
  if (found.label !== undefined) result.label = found.label;
  return result;
}
