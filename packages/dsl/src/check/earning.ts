/**
 * Earning checks: an earning is money in the plan currency (AT3008); gates are conditions; caps
 * and floors are money; a `per line` earning must involve a credit whose lines it pays (AT5007).
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { EarningDecl, Expr } from '../syntax/ast.js';
import { type CheckContext, report } from './context.js';
import { expectType, typeCondition } from './expressions.js';
import { formatLiteral, isAbove, type LiteralValue, literalValue } from './literals.js';
import { declaredSymbol } from './symbols.js';
import { money } from './types.js';
import { forEachExpression } from './walk.js';

/** Checks one earning declaration. */
export function checkEarning(ctx: CheckContext, earning: EarningDecl): void {
  const name = earning.name?.text ?? 'this earning';
  const currency = money(ctx.settings.currency);
  if (earning.value) {
    expectType(ctx, earning.value, currency, 'AT3008', `Earning ${name} pays money, so it`, 'AT3008');
  }
  for (const clause of earning.clauses) {
    switch (clause.kind) {
      case 'Gate':
        if (clause.condition) typeCondition(ctx, clause.condition, `after \`when\` in ${name}`);
        break;
      case 'Cap':
        if (clause.value) expectType(ctx, clause.value, currency, 'AT3001', `The cap of ${name}`);
        break;
      case 'Floor':
        if (clause.value) expectType(ctx, clause.value, currency, 'AT3001', `The floor of ${name}`);
        break;
      case 'PaidYearToDate':
        if (earning.value && readsPeriodAlone(ctx, earning.value)) {
          report(
            ctx,
            'AT6007',
            clause.range,
            `Earning ${name} is paid year to date: each period pays its value minus what earlier periods of the year paid, so its value must be a year-to-date figure, but it reads this period's records only: write it on ytd(...), such as ytd(bookings) * 10%`,
          );
        }
        break;
      case 'PerLine':
        if (earning.value && !perLineCredit(ctx, earning)) {
          report(
            ctx,
            'AT5007',
            clause.range,
            `Earning ${name} is paid \`per line\`, one line per credited record, but it uses no credit: base it on a credit such as tiered(bookings, rates)`,
          );
        }
        break;
    }
  }
  checkLimits(ctx, earning, name);
}

/**
 * Caps and floors written as amounts: a cap below zero always takes money (AT3301), a floor below
 * zero lets the earning go negative (AT3302, a warning: it may limit a loss), and a cap below a
 * floor contradicts it (AT3303).
 */
function checkLimits(ctx: CheckContext, earning: EarningDecl, name: string): void {
  const caps: { expr: Expr; literal: LiteralValue }[] = [];
  const floors: { expr: Expr; literal: LiteralValue }[] = [];
  for (const clause of earning.clauses) {
    if ((clause.kind !== 'Cap' && clause.kind !== 'Floor') || !clause.value) continue;
    const literal = literalValue(clause.value);
    if (literal === undefined) continue;
    const cap = clause.kind === 'Cap';
    (cap ? caps : floors).push({ expr: clause.value, literal });
    if (!literal.value.isNegative() || literal.value.isZero()) continue;
    const amount = formatLiteral(literal);
    const why = cap
      ? `The cap of ${name} is ${amount}, below zero, so ${name} would always take money from the payee: a cap is the most an earning pays, 0 or more`
      : `The floor of ${name} is ${amount}, below zero, so it lets ${name} take money from the payee: a floor is usually the least an earning pays, 0 or more`;
    report(ctx, cap ? 'AT3301' : 'AT3302', clause.value.range, why);
  }
  for (const cap of caps) {
    for (const floor of floors) {
      if (!isAbove(floor.literal, cap.literal)) continue;
      report(
        ctx,
        'AT3303',
        cap.expr.range,
        `The cap of ${name} (${formatLiteral(cap.literal)}) is below its floor (${formatLiteral(floor.literal)}): an earning cannot pay at most ${formatLiteral(cap.literal)} and at least ${formatLiteral(floor.literal)}`,
        [{ message: `The floor of ${name}`, range: floor.expr.range }],
      );
    }
  }
}

const THROUGH: ReadonlySet<string> = new Set(['let', 'measure', 'metric']);

/**
 * The credit whose lines a `per line` earning pays: the first credit its expression names, or else
 * the first reached through the lets and measures it uses.
 */
export function perLineCredit(ctx: CheckContext, earning: EarningDecl): string | undefined {
  if (!earning.value) return undefined;
  let direct: string | undefined;
  const used: PlanSymbol[] = [];
  forEachExpression(earning.value, (e) => {
    if (direct !== undefined || e.kind !== 'NameRef') return;
    const symbol = ctx.binding.symbolAt(e.name);
    if (symbol?.kind === 'credit') direct = symbol.name;
    else if (symbol && THROUGH.has(symbol.kind)) used.push(symbol);
  });
  if (direct !== undefined) return direct;
  const self = declaredSymbol(ctx, earning);
  const queue = [...used, ...(self ? (ctx.binding.dependencies.get(self) ?? []) : [])];
  const seen = new Set<PlanSymbol>();
  for (let i = 0; i < queue.length; i++) {
    const symbol = queue[i] as PlanSymbol;
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    if (symbol.kind === 'credit') return symbol.name;
    if (THROUGH.has(symbol.kind)) queue.push(...(ctx.binding.dependencies.get(symbol) ?? []));
  }
  return undefined;
}

/**
 * True when `value` reads records (a credit, or a source through an aggregate), directly or
 * through the lets, measures and metrics it uses, but no `ytd(...)` anywhere on the way: a value
 * of the period alone. Paid year to date, such a value pays the period minus what the year paid
 * before (bookings of 15,000 then 10,000 at 10% pay 1,500 then -500). A value that reads no
 * records (a fixed amount) is paid once a year so, as written.
 */
function readsPeriodAlone(ctx: CheckContext, value: Expr): boolean {
  let records = false;
  let toDate = false;
  const seen = new Set<PlanSymbol>();
  const queue: Expr[] = [value];
  for (let i = 0; i < queue.length && !toDate; i++) {
    forEachExpression(queue[i] as Expr, (e) => {
      if (e.kind === 'Call' && e.callee.text === 'ytd') toDate = true;
      if (e.kind !== 'NameRef') return;
      const symbol = ctx.binding.symbolAt(e.name);
      if (!symbol || seen.has(symbol)) return;
      seen.add(symbol);
      if (symbol.kind === 'credit' || symbol.kind === 'source') records = true;
      const decl = symbol.decl as { value?: Expr } | undefined;
      if (THROUGH.has(symbol.kind) && decl?.value) queue.push(decl.value);
    });
  }
  return records && !toDate;
}
