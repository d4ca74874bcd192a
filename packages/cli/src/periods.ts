/**
 * Period labels of a plan, as the engine names them: `2026-03` (month), `2026-Q1`, `2026-H1` and
 * `FY2026`, where a fiscal year is named by the calendar year it starts in.
 */
import type { Plan } from '@attain/dsl';

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

/** Commander's collector for a repeatable `--period`: each value may also list periods with commas. */
export function collectPeriods(value: string, previous: string[] | undefined): string[] {
  const periods = value
    .split(',')
    .map((period) => period.trim())
    .filter((period) => period !== '');
  return [...(previous ?? []), ...periods];
}
