/**
 * Quota checks: a quota is money (AT3202); seasonality has one share per period of the year and
 * the shares sum to 100% (AT3201); ramp steps are at most 100% (AT3203) and start from a date.
 */
import type { PeriodKind, QuotaClause, QuotaDecl } from '../syntax/ast.js';
import { type CheckContext, report } from './context.js';
import { Decimal, toDecimal } from './decimal.js';
import { expectType } from './expressions.js';
import { money, T } from './types.js';

/** How many calculation periods a year has. */
const PERIODS_PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** Checks one quota declaration. */
export function checkQuota(ctx: CheckContext, quota: QuotaDecl): void {
  const name = quota.name?.text ?? 'this quota';
  const currency = money(ctx.settings.currency);
  if (quota.base) expectType(ctx, quota.base, currency, 'AT3202', `Quota ${name}`);
  for (const clause of quota.clauses) checkClause(ctx, clause, name);
}

function checkClause(ctx: CheckContext, clause: QuotaClause, name: string): void {
  switch (clause.kind) {
    case 'Seasonality':
      checkSeasonality(ctx, clause, name);
      break;
    case 'Ramp':
      for (const step of clause.steps) {
        if (toDecimal(step.value)?.gt(100)) {
          report(
            ctx,
            'AT3203',
            step.range,
            `A ramp step gives part of the quota, at most 100%, but this step is ${step.value}%`,
          );
        }
      }
      if (clause.from) expectType(ctx, clause.from, T.Date, 'AT3001', `The start of the ramp of ${name}`);
      if (clause.cutoffDay) {
        const day = toDecimal(clause.cutoffDay.value);
        if (!clause.cutoffDay.integer || !day || day.lt(1) || day.gt(31)) {
          report(
            ctx,
            'AT3001',
            clause.cutoffDay.range,
            'The day of the month must be a whole number from 1 to 31',
          );
        }
      }
      break;
    case 'Relief':
      if (clause.value)
        expectType(ctx, clause.value, money(ctx.settings.currency), 'AT3202', `The quota relief of ${name}`);
      break;
    case 'Prorate':
      break;
  }
}

function checkSeasonality(
  ctx: CheckContext,
  clause: Extract<QuotaClause, { kind: 'Seasonality' }>,
  name: string,
): void {
  const period = ctx.settings.period;
  if (clause.shares.length === 0) return;
  if (period) {
    const expected = PERIODS_PER_YEAR[period];
    if (clause.shares.length !== expected) {
      report(
        ctx,
        'AT3201',
        clause.range,
        `The plan is paid by ${period}, so the seasonality of ${name} needs ${expected} ${expected === 1 ? 'share' : 'shares'}, one per ${period}, but has ${clause.shares.length}`,
      );
      return;
    }
  }
  const total = clause.shares.reduce((sum, share) => sum.plus(toDecimal(share.value) ?? 0), new Decimal(0));
  if (!total.eq(100)) {
    report(
      ctx,
      'AT3201',
      clause.range,
      `The seasonality shares of ${name} add up to ${total.toString()}%, not 100%`,
    );
  }
}
