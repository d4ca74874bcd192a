/**
 * Lowering of each kind of declaration to its Plan element. Only called on plans without errors,
 * so required parts are present; a missing one is a checker bug and raises `LoweringError`.
 */
import type { CheckContext } from '../check/context.js';
import { percentRatio, toCount, toDecimal } from '../check/decimal.js';
import { perLineCredit } from '../check/earning.js';
import { typeExpr } from '../check/expressions.js';
import { lookupValueType } from '../check/lookup-table.js';
import { typeFromRef } from '../check/schema.js';
import { declaredSymbol, symbolType } from '../check/symbols.js';
import type * as Ast from '../syntax/ast.js';
import type { IrExpr } from './ir.js';
import { LoweringError, lowerExpr } from './lower-expr.js';
import type * as P from './plan.js';

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new LoweringError(`${what} is missing in a plan without errors`);
  return value;
}

function ratio(value: string): string {
  return required(percentRatio(value), 'a percentage');
}

function count(lit: Ast.NumberLit | undefined): number | undefined {
  return lit && toCount(lit.value);
}

/** The fields every named element has. */
export function element(decl: Ast.NamedDecl): P.Element {
  const result: P.Element = { name: required(decl.name, 'a name').text, range: decl.range };
  if (decl.label) result.label = decl.label.value;
  if (decl.doc !== undefined) result.doc = decl.doc;
  const effective = span(decl.effective);
  if (effective) result.effective = effective;
  return result;
}

/** A date range as a span, when both ends are written. */
export function span(range: Ast.DateRange | undefined): P.DateSpan | undefined {
  const from = range?.from?.value;
  const to = range?.to?.value;
  return from && to ? { from, to } : undefined;
}

const lower = (ctx: CheckContext, expr: Ast.Expr | undefined, what: string): IrExpr =>
  lowerExpr(ctx, required(expr, what));

/** A let, measure or metric. */
export function lowerDefinition(
  ctx: CheckContext,
  decl: Ast.LetDecl | Ast.MeasureDecl | Ast.MetricDecl,
): P.Definition {
  const symbol = declaredSymbol(ctx, decl);
  const value = required(decl.value, 'a value');
  const type = decl.type?.name
    ? typeFromRef(decl.type, ctx.settings.currency)
    : symbol
      ? symbolType(ctx, symbol)
      : typeExpr(ctx, value);
  return { ...element(decl), type, value: lowerExpr(ctx, value) };
}

/** A quota with its clauses. */
export function lowerQuota(ctx: CheckContext, decl: Ast.QuotaDecl): P.Quota {
  const quota: P.Quota = { ...element(decl), fromData: decl.fromData, prorate: false };
  if (decl.base) quota.base = lowerExpr(ctx, decl.base);
  for (const clause of decl.clauses) {
    switch (clause.kind) {
      case 'Seasonality':
        quota.seasonality = clause.shares.map((s) => ratio(s.value));
        break;
      case 'Ramp': {
        const ramp: NonNullable<P.Quota['ramp']> = {
          steps: clause.steps.map((s) => ratio(s.value)),
          from: lower(ctx, clause.from, 'the ramp start'),
          range: clause.range,
        };
        const cutoff = count(clause.cutoffDay);
        if (cutoff !== undefined) ramp.cutoffDay = cutoff;
        quota.ramp = ramp;
        break;
      }
      case 'Prorate':
        quota.prorate = true;
        break;
      case 'Relief':
        quota.relief = lower(ctx, clause.value, 'the relief');
        break;
    }
  }
  return quota;
}

function recipient(r: Ast.Recipient): P.CreditRecipient {
  switch (r.kind) {
    case 'FieldRecipient':
      return { kind: 'field', field: required(r.field, 'a recipient field').text };
    case 'TerritoryRecipient':
      return { kind: 'territory', accountField: required(r.account, 'an account field').text };
    case 'ManagersRecipient': {
      const result: P.CreditRecipient = { kind: 'managers', of: required(r.of, 'a payee field').text };
      const levels = count(r.levels);
      if (levels !== undefined) result.levels = levels;
      return result;
    }
  }
}

/** A credit; without an `amount` clause it credits the source's `amount` field. */
export function lowerCredit(ctx: CheckContext, decl: Ast.CreditDecl): P.Credit {
  const source = required(decl.source, 'a source').text;
  const amountClause = decl.clauses.find((c) => c.kind === 'CreditAmount');
  const sourceInfo = ctx.schema.sources.get(source);
  const amount: IrExpr = amountClause
    ? lower(ctx, amountClause.value, 'the credited amount')
    : {
        op: 'field',
        type: required(sourceInfo?.fields.get('amount'), 'an amount field').type,
        range: decl.range,
        source,
        field: 'amount',
      };
  const credit: P.Credit = { ...element(decl), source, amount, recipients: [] };
  if (decl.where) credit.where = lowerExpr(ctx, decl.where);
  for (const clause of decl.clauses) {
    if (clause.kind === 'CreditTo') {
      credit.recipients.push({
        recipient: recipient(required(clause.recipient, 'a recipient')),
        share: clause.share ? ratio(clause.share.value) : '1',
        overlay: clause.overlay,
        range: clause.range,
      });
    } else if (clause.kind === 'CreditSplit') {
      credit.split = {
        source: required(clause.source, 'a split source').text,
        on: required(clause.on, 'a split field').text,
        range: clause.range,
      };
    }
  }
  return credit;
}

function boundText(bound: Ast.Bound): string {
  return bound.kind === 'Percent' ? ratio(bound.value) : (toDecimal(bound.value)?.toString() ?? bound.value);
}

/** A rate table; bounds as decimal strings, percentages as ratios. */
export function lowerRateTable(ctx: CheckContext, decl: Ast.RateTableDecl): P.RateTable {
  const mode = required(decl.mode, 'a table mode');
  const table: P.RateTable = {
    ...element(decl),
    on: lower(ctx, decl.on, 'the table measure'),
    mode: mode.kind,
    tiers: decl.tiers.map((tier) => {
      const t: P.Tier = {
        from: boundText(required(tier.from, 'a tier start')),
        rate: lower(ctx, tier.rate, 'a rate'),
        range: tier.range,
      };
      if (!tier.open) t.to = boundText(required(tier.to, 'a tier end'));
      return t;
    }),
  };
  if (mode.kind === 'hybrid') table.hybridAt = ratio(required(mode.at, 'a hybrid threshold').value);
  return table;
}

function lookupKey(key: Ast.LookupKey): P.LookupKey {
  if (key.kind === 'Wildcard') return { kind: 'any' };
  if (key.kind === 'Text') return { kind: 'text', value: key.value };
  return { kind: 'number', value: toDecimal(key.value)?.toString() ?? key.value };
}

/** A lookup table; the `otherwise` row is kept apart. */
export function lowerLookupTable(ctx: CheckContext, decl: Ast.LookupTableDecl): P.LookupTable {
  const table: P.LookupTable = {
    ...element(decl),
    by: decl.by.map((n) => n.text),
    rows: [],
    valueType: lookupValueType(ctx, decl),
  };
  for (const row of decl.rows) {
    const value = lower(ctx, row.value, 'a row value');
    if (row.otherwise) table.otherwise ??= value;
    else table.rows.push({ keys: row.keys.map(lookupKey), value, range: row.range });
  }
  return table;
}

/** A pay curve. */
export function lowerPayCurve(ctx: CheckContext, decl: Ast.PayCurveDecl): P.PayCurve {
  return {
    ...element(decl),
    on: lower(ctx, decl.on, 'the curve measure'),
    points: decl.points.map((p) => ({
      at: boundText(required(p.at, 'a curve point')),
      value: ratio(required(p.value, 'a curve value').value),
      range: p.range,
    })),
  };
}

/** An earning with its clauses. */
export function lowerEarning(ctx: CheckContext, decl: Ast.EarningDecl): P.Earning {
  const earning: P.Earning = {
    ...element(decl),
    kind: decl.earningKind,
    value: lower(ctx, decl.value, 'the earning value'),
    once: false,
    paidYearToDate: false,
  };
  for (const clause of decl.clauses) {
    switch (clause.kind) {
      case 'PerLine':
        earning.perLine = { credit: required(perLineCredit(ctx, decl), 'a per-line credit') };
        break;
      case 'PerPeriod':
        break;
      case 'Gate':
        earning.gate = lower(ctx, clause.condition, 'a gate');
        break;
      case 'Cap':
        earning.cap = lower(ctx, clause.value, 'a cap');
        break;
      case 'Floor':
        earning.floor = lower(ctx, clause.value, 'a floor');
        break;
      case 'During': {
        const window = span(clause.window);
        if (window) earning.window = window;
        break;
      }
      case 'Once':
        earning.once = true;
        break;
      case 'PaidYearToDate':
        earning.paidYearToDate = true;
        break;
    }
  }
  return earning;
}

/** A draw. */
export function lowerDraw(ctx: CheckContext, decl: Ast.DrawDecl): P.Draw {
  const draw: P.Draw = {
    ...element(decl),
    amount: lower(ctx, decl.amount, 'the draw amount'),
    recoverable: decl.recoverable,
    trueUpAtYearEnd: decl.trueUp,
  };
  const periods = count(decl.periods);
  if (periods !== undefined) draw.periods = periods;
  return draw;
}

/** A guarantee. */
export function lowerGuarantee(ctx: CheckContext, decl: Ast.GuaranteeDecl): P.Guarantee {
  const guarantee: P.Guarantee = {
    ...element(decl),
    amount: lower(ctx, decl.amount, 'the guaranteed amount'),
    periods: required(count(decl.periods), 'a number of periods'),
  };
  if (decl.from) guarantee.from = lowerExpr(ctx, decl.from);
  return guarantee;
}

/** A holdback: released at a date (a date literal) or when a condition holds. */
export function lowerHoldback(ctx: CheckContext, decl: Ast.HoldbackDecl): P.Holdback {
  const holdback: P.Holdback = {
    ...element(decl),
    share: ratio(required(decl.share, 'a holdback share').value),
    earning: required(decl.earning, 'an earning').text,
  };
  if (decl.until) {
    const until = lowerExpr(ctx, decl.until);
    holdback.until =
      until.type.kind === 'Date' ? { kind: 'date', date: until } : { kind: 'condition', condition: until };
  }
  return holdback;
}

/** A clawback. */
export function lowerClawback(decl: Ast.ClawbackDecl): P.Clawback {
  return {
    ...element(decl),
    source: required(decl.source, 'a source').text,
    cancelledOn: required(decl.cancelledOn, 'a cancellation date field').text,
    withinDays: required(count(decl.withinDays), 'a number of days'),
  };
}

/** A signal. */
export function lowerSignal(ctx: CheckContext, decl: Ast.SignalDecl): P.Signal {
  const signal: P.Signal = {
    ...element(decl),
    severity: required(decl.severity, 'a severity'),
    condition: lower(ctx, decl.condition, 'a condition'),
    message: required(decl.message, 'a message').value,
  };
  if (decl.on) signal.on = decl.on.text;
  return signal;
}
