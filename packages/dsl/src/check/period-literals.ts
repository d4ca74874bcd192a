/**
 * `period` compared with a period literal of another kind (AT6006): in a plan paid by quarter,
 * `period` is always a quarter, so `period = 2026-03` (a month) or `period = FY2026` (a year) is
 * never true, and `!=` always true. Ordering (`period >= 2026-07`) compares start dates and stays
 * allowed.
 */
import type { Expr, PeriodKind, PeriodLit } from '../syntax/ast.js';
import { unparen } from './collections.js';
import { type CheckContext, report } from './context.js';

/** The kind of period a literal names: `2026-Q1` a quarter, `2026-H2` a half, `2026-03` a month, `FY2026` a year. */
export function periodLiteralKind(value: string): PeriodKind | undefined {
  if (/^FY\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  return undefined;
}

const NAMES: Record<PeriodKind, { one: string; plural: string; example: (year: string) => string }> = {
  month: { one: 'month', plural: 'months', example: (y) => `${y}-01` },
  quarter: { one: 'quarter', plural: 'quarters', example: (y) => `${y}-Q1` },
  half: { one: 'half year', plural: 'half years', example: (y) => `${y}-H1` },
  year: { one: 'year', plural: 'years', example: (y) => `FY${y}` },
};

/**
 * Reports (AT6006) `period` tested for equality with a literal of another kind than the plan's
 * period: `op` is `=` or `!=` (an `in [...]` list counts as `=`). Reports on the literal.
 */
export function checkPeriodEquality(ctx: CheckContext, left: Expr, right: Expr, op: '=' | '!='): void {
  const plan = ctx.settings.period;
  if (plan === undefined) return;
  const [a, b] = [unparen(left), unparen(right)];
  const literal: PeriodLit | undefined =
    a.kind === 'PeriodRef' && b.kind === 'PeriodLit'
      ? b
      : b.kind === 'PeriodRef' && a.kind === 'PeriodLit'
        ? a
        : undefined;
  if (literal === undefined) return;
  const kind = periodLiteralKind(literal.value);
  if (kind === undefined || kind === plan) return;
  const year = literal.value.replace(/^FY/, '').slice(0, 4);
  const outcome = op === '=' ? 'never true' : 'always true';
  report(
    ctx,
    'AT6006',
    literal.range,
    `This plan is paid by ${NAMES[plan].one}: \`period\` is always a ${NAMES[plan].one}, never the ${NAMES[kind].one} ${literal.value}, so this is ${outcome}; compare it with a ${NAMES[plan].one} such as ${NAMES[plan].example(year)}`,
  );
}
