/**
 * Period labels of a plan, as the engine names them: `2026-03` (month), `2026-Q1`, `2026-H1` and
 * `FY2026`, where a fiscal year is named by the calendar year it starts in. The calendar is the
 * engine's ({@link planPeriod}, {@link firstPlanPeriod}); here are only what the CLI does with it.
 */
import type { DateSpan, Plan } from '@attain/dsl';
import { firstPlanPeriod, planPeriod } from '@attain/engine';
import { InvalidArgumentError } from 'commander';

/** The label of the plan's first calculation period: the one containing its first effective day. */
export function firstPeriod(plan: Plan): string {
  return firstPlanPeriod(plan).label;
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

/**
 * The dates of a period label of the plan's kind (`2026-Q1` of a plan whose fiscal year starts in
 * February is 2026-02-01 to 2026-04-30), or `undefined` for a label of another kind (the engine
 * reports those).
 */
export function periodSpan(plan: Plan, label: string): DateSpan | undefined {
  const period = planPeriod(plan, label);
  return period && { from: period.from, to: period.to };
}

/** The periods (of the plan's kind) that lie wholly outside the plan's effective dates. */
export function periodsOutside(plan: Plan, periods: readonly string[]): string[] {
  const { from, to } = plan.header.effective;
  return periods.filter((label) => {
    const span = periodSpan(plan, label);
    return span !== undefined && (span.to < from || span.from > to);
  });
}
