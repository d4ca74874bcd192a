/**
 * Payout adjustment checks: draws and guarantees pay money for a whole number of periods,
 * holdbacks keep back a share of an earning until a date or a condition, clawbacks watch a Date
 * field of their source.
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { ClawbackDecl, DrawDecl, Expr, GuaranteeDecl, HoldbackDecl } from '../syntax/ast.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { checkCount } from './counts.js';
import { Decimal, toDecimal } from './decimal.js';
import { perLineCredit } from './earning.js';
import { expectType, typeExpr } from './expressions.js';
import { formatLiteral, literalValue } from './literals.js';
import { formatType, money, T } from './types.js';

/** Reports (AT3301) an amount written below zero, where only 0 or more means anything. */
function notNegative(ctx: CheckContext, amount: Expr | undefined, what: string, meaning: string): void {
  const literal = literalValue(amount);
  if (!amount || !literal?.value.isNegative() || literal.value.isZero()) return;
  report(
    ctx,
    'AT3301',
    amount.range,
    `${what} is ${formatLiteral(literal)}, below zero, so it would never pay anything: its amount is ${meaning}`,
  );
}

/** Checks a draw. */
export function checkDraw(ctx: CheckContext, draw: DrawDecl): void {
  const name = draw.name?.text ?? 'this draw';
  if (draw.amount) expectType(ctx, draw.amount, money(ctx.settings.currency), 'AT3001', `Draw ${name}`);
  notNegative(ctx, draw.amount, `Draw ${name}`, 'an advance, 0 or more');
  checkCount(ctx, draw.periods, 'The number of periods');
}

/** Checks a guarantee. */
export function checkGuarantee(ctx: CheckContext, guarantee: GuaranteeDecl): void {
  const name = guarantee.name?.text ?? 'this guarantee';
  if (guarantee.amount)
    expectType(ctx, guarantee.amount, money(ctx.settings.currency), 'AT3001', `Guarantee ${name}`);
  notNegative(ctx, guarantee.amount, `Guarantee ${name}`, 'the least a payee is paid, 0 or more');
  checkCount(ctx, guarantee.periods, 'The number of periods');
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
  checkHoldbackTotal(ctx, holdback);
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
 * The holdbacks of one earning released at a date (or never) all keep back their share from the
 * plan's start until then, so their shares together may not pass 100% (AT3304): the earning would
 * be kept back more than in full, and the payout would go negative. A holdback released by a
 * condition keeps back only while the condition fails, and two conditions may exclude each other
 * (`attainment >= 100%`, `attainment < 100%`): such holdbacks are not added up. Reported once per
 * earning, on the holdback that passes 100%, with the earlier ones as related places.
 */
function checkHoldbackTotal(ctx: CheckContext, holdback: HoldbackDecl): void {
  const target = holdback.earning && ctx.binding.symbolAt(holdback.earning);
  if (target?.kind !== 'earning' || !holdback.share) return;
  const passed = holdbackTotals(ctx, target, holdback);
  if (!passed) return;
  report(
    ctx,
    'AT3304',
    holdback.share.range,
    `The holdbacks of ${target.name} keep back ${passed.total.toFixed()}% of it in all, more than the whole earning, so the payout would go below zero: together they may keep back at most 100%`,
    passed.earlier.flatMap((h) =>
      h.share
        ? [
            {
              message: `${h.name?.text ?? 'A holdback'} keeps back ${h.share.value}%`,
              range: h.share.range,
            },
          ]
        : [],
    ),
  );
}

/** The holdbacks of one earning, added up in plan order as far as they have been checked. */
interface HoldbackSum {
  /** The earning's holdbacks with a share, in plan order. */
  holdbacks: HoldbackDecl[];
  /** How many of them are added up so far. */
  next: number;
  total: Decimal;
  /** The holdbacks added up so far (released at a date or never). */
  counted: HoldbackDecl[];
  /** For each holdback added up so far: the total it passes 100% with, and how many came before it. */
  passes: Map<HoldbackDecl, { total: Decimal; earlier: number }>;
}

/** Per check: each earning's {@link HoldbackSum}, and the place of each holdback in its earning's list. */
const sums = new WeakMap<
  CheckContext,
  { byEarning: Map<PlanSymbol, HoldbackSum>; at: Map<HoldbackDecl, number> }
>();

/**
 * Where the holdbacks of `target` up to `holdback` (in plan order) pass 100%, when `holdback` is
 * the one that does: the total and the holdbacks added up before it. Each earning's holdbacks are
 * added up once, as far as the holdbacks checked so far, so a plan with many holdbacks is checked
 * in linear time; a holdback's condition is typed when it is reached, as when it is checked.
 */
function holdbackTotals(
  ctx: CheckContext,
  target: PlanSymbol,
  holdback: HoldbackDecl,
): { total: Decimal; earlier: HoldbackDecl[] } | undefined {
  let state = sums.get(ctx);
  if (!state) {
    state = { byEarning: new Map(), at: new Map() };
    for (const item of ctx.plan?.items ?? []) {
      if (item.kind !== 'Holdback' || !item.earning || !item.share) continue;
      const symbol = ctx.binding.symbolAt(item.earning);
      if (!symbol) continue;
      let sum = state.byEarning.get(symbol);
      if (!sum) {
        sum = { holdbacks: [], next: 0, total: new Decimal(0), counted: [], passes: new Map() };
        state.byEarning.set(symbol, sum);
      }
      state.at.set(item, sum.holdbacks.length);
      sum.holdbacks.push(item);
    }
    sums.set(ctx, state);
  }
  const sum = state.byEarning.get(target);
  const at = state.at.get(holdback);
  if (!sum || at === undefined || sum.holdbacks[at] !== holdback) return undefined;
  while (sum.next <= at) {
    const item = sum.holdbacks[sum.next++] as HoldbackDecl;
    if (item.until && typeExpr(ctx, item.until).kind === 'Boolean') continue;
    const share = item.share && toDecimal(item.share.value);
    if (!share) continue;
    const before = sum.total;
    sum.total = sum.total.plus(share);
    // A share above 100% on its own is already an error (AT3001).
    if (sum.total.gt(100) && !before.gt(100) && !share.gt(100))
      sum.passes.set(item, { total: sum.total, earlier: sum.counted.length });
    sum.counted.push(item);
  }
  const passed = sum.passes.get(holdback);
  return passed && { total: passed.total, earlier: sum.counted.slice(0, passed.earlier) };
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
  checkCount(ctx, clawback.withinDays, 'The number of days');
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
