/**
 * Payout adjustment checks: draws and guarantees pay money for a whole number of periods,
 * holdbacks keep back a share of an earning until a date or a condition, clawbacks watch a Date
 * field of their source.
 */
import type { ClawbackDecl, DrawDecl, GuaranteeDecl, HoldbackDecl, NumberLit } from '../syntax/ast.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { toDecimal } from './decimal.js';
import { perLineCredit } from './earning.js';
import { expectType, typeExpr } from './expressions.js';
import { formatType, money, T } from './types.js';

function wholeCount(ctx: CheckContext, count: NumberLit | undefined, what: string): void {
  if (!count) return;
  const value = toDecimal(count.value);
  if (!count.integer || !value || value.lt(1)) {
    report(ctx, 'AT3001', count.range, `${what} must be a whole number of at least 1`);
  }
}

/** Checks a draw. */
export function checkDraw(ctx: CheckContext, draw: DrawDecl): void {
  const name = draw.name?.text ?? 'this draw';
  if (draw.amount) expectType(ctx, draw.amount, money(ctx.settings.currency), 'AT3001', `Draw ${name}`);
  wholeCount(ctx, draw.periods, 'The number of periods');
}

/** Checks a guarantee. */
export function checkGuarantee(ctx: CheckContext, guarantee: GuaranteeDecl): void {
  const name = guarantee.name?.text ?? 'this guarantee';
  if (guarantee.amount)
    expectType(ctx, guarantee.amount, money(ctx.settings.currency), 'AT3001', `Guarantee ${name}`);
  wholeCount(ctx, guarantee.periods, 'The number of periods');
  if (guarantee.from) expectType(ctx, guarantee.from, T.Date, 'AT3001', `The start of guarantee ${name}`);
}

/** Checks a holdback. */
export function checkHoldback(ctx: CheckContext, holdback: HoldbackDecl): void {
  const share = holdback.share && toDecimal(holdback.share.value);
  if (holdback.share && share && (share.lte(0) || share.gt(100))) {
    report(
      ctx,
      'AT3001',
      holdback.share.range,
      `A holdback keeps back part of an earning: more than 0% and at most 100%, not ${holdback.share.value}%`,
    );
  }
  const earning = holdback.earning;
  if (earning) {
    const symbol = ctx.binding.symbolAt(earning);
    if (symbol && symbol.kind !== 'earning') {
      reportOnce(
        ctx,
        'AT2008',
        earning.range,
        `A holdback keeps back part of an earning, but ${earning.text} is a ${symbol.kind.replace('-', ' ')}`,
      );
    }
  }
  if (holdback.until) {
    const type = typeExpr(ctx, holdback.until);
    if (type.kind !== 'Date' && type.kind !== 'Boolean' && type.kind !== 'Unknown') {
      report(
        ctx,
        'AT3001',
        holdback.until.range,
        `A holdback is released at a date or when a condition is true, but this is ${formatType(type)}`,
      );
    }
  }
}

/**
 * True when some `per line` earning pays lines on the records of `source` (through a credit from
 * it): the lines a clawback reverses. An earning paid per period has no line on any record.
 */
function paysLinesOn(ctx: CheckContext, source: string): boolean {
  const credits = new Set<string>();
  for (const item of ctx.plan?.items ?? [])
    if (item.kind === 'Credit' && item.name && item.source?.text === source) credits.add(item.name.text);
  for (const item of ctx.plan?.items ?? []) {
    if (item.kind !== 'Earning' || !item.clauses.some((c) => c.kind === 'PerLine')) continue;
    const credit = perLineCredit(ctx, item);
    if (credit !== undefined && credits.has(credit)) return true;
  }
  return false;
}

/**
 * Checks a clawback: `cancelled on` names a Date field of the source, and some `per line` earning
 * pays lines on the source's records (else nothing can be taken back: AT5106).
 */
export function checkClawback(ctx: CheckContext, clawback: ClawbackDecl): void {
  wholeCount(ctx, clawback.withinDays, 'The number of days');
  const source = clawback.source ? ctx.schema.sources.get(clawback.source.text) : undefined;
  const field = clawback.cancelledOn;
  if (source && clawback.source && !paysLinesOn(ctx, source.name)) {
    report(
      ctx,
      'AT5106',
      clawback.source.range,
      `A clawback takes back the lines an earning paid on a cancelled record, but no \`per line\` earning pays lines on the records of ${source.name}, so it never takes anything back`,
    );
  }
  if (!source || !field) return;
  const info = source.fields.get(field.text);
  if (!info) {
    reportOnce(ctx, 'AT2003', field.range, `${source.name} has no field ${field.text}`);
  } else if (info.type.kind !== 'Date' && info.type.kind !== 'Unknown') {
    report(
      ctx,
      'AT3001',
      field.range,
      `A clawback watches the date a record was cancelled, but ${field.text} is ${formatType(info.type)}`,
    );
  }
}
