/**
 * Period labels of a plan, as the engine names them: `2026-03` (month), `2026-Q1`, `2026-H1` and
 * `FY2026`, where a fiscal year is named by the calendar year it starts in.
 */
import type { DateSpan, Plan } from '@attain/dsl';
import { InvalidArgumentError } from 'commander';

/** The label of the plan's first calculation period: the one containing its first effective day. */
export function firstPeriod(plan: Plan): string {
  const { period, fiscalYearStart, effective } = plan.header;
  const year = Number(effective.from.slice(0, 4));
  const month = Number(effective.from.slice(5, 7));
  if (period === 'month') return effective.from.slice(0, 7);
  const monthsIntoYear = (month - fiscalYearStart + 12) % 12;
  const fiscalYear = month >= fiscalYearStart ? year : year - 1;
  if (period === 'quarter') return `${fiscalYear}-Q${Math.floor(monthsIntoYear / 3) + 1}`;
  if (period === 'half') return `${fiscalYear}-H${Math.floor(monthsIntoYear / 6) + 1}`;
  return `FY${fiscalYear}`;
}

/**
 * Commander's collector for a repeatable `--period`: each value may also list periods with commas.
 * A value that names no period (`--period ''`, `--period ,`) is a usage error (exit code 2).
 */
export function collectPeriods(value: string, previous: string[] | undefined): string[] {
  const periods = value
    .split(',')
    .map((period) => period.trim())
    .filter((period) => period !== '');
  if (periods.length === 0) throw new InvalidArgumentError('It names no period: write one like 2026-Q1.');
  return [...(previous ?? []), ...periods];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the first day of month `month` (1-based, may pass 12) of `year`. */
function monthStart(year: number, month: number): string {
  return `${pad(year + Math.floor((month - 1) / 12), 4)}-${pad(((month - 1) % 12) + 1)}-01`;
}

/** The day before `YYYY-MM-DD` (only ever the first of a month here). */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The dates of a period label of the plan's kind (`2026-Q1` of a plan whose fiscal year starts in
 * February is 2026-02-01 to 2026-04-30), or `undefined` for a label of another kind (the engine
 * reports those).
 */
export function periodSpan(plan: Plan, label: string): DateSpan | undefined {
  const { period, fiscalYearStart } = plan.header;
  const match =
    period === 'month'
      ? /^(\d{4})-(\d{2})$/.exec(label)
      : period === 'quarter'
        ? /^(\d{4})-Q([1-4])$/.exec(label)
        : period === 'half'
          ? /^(\d{4})-H([12])$/.exec(label)
          : /^FY(\d{4})()$/.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  const n = Number(match[2] || 1);
  if (period === 'month') {
    if (n < 1 || n > 12) return undefined;
    return { from: monthStart(year, n), to: dayBefore(monthStart(year, n + 1)) };
  }
  const months = period === 'quarter' ? 3 : period === 'half' ? 6 : 12;
  const first = fiscalYearStart + (n - 1) * months;
  return { from: monthStart(year, first), to: dayBefore(monthStart(year, first + months)) };
}

/** The periods (of the plan's kind) that lie wholly outside the plan's effective dates. */
export function periodsOutside(plan: Plan, periods: readonly string[]): string[] {
  const { from, to } = plan.header.effective;
  return periods.filter((label) => {
    const span = periodSpan(plan, label);
    return span !== undefined && (span.to < from || span.from > to);
  });
}
