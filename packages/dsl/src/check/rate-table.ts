/**
 * Rate table checks: a stated mode (AT4001), tiers that cover the range without gaps (AT4002) or
 * overlaps (AT4003), in ascending order (AT4004), ending in an open tier (AT4005, warning), with
 * bounds in the unit of what the table is on (AT4006), and at least one tier (AT4007); a rate
 * above 1 written as a plain number, most likely a percentage without its `%` (AT4014, warning).
 */
import type { RelatedInformation } from '../diagnostics/diagnostic.js';
import type { Bound, Expr, RateTableDecl, Tier } from '../syntax/ast.js';
import { boundValue, checkBoundUnits, checkTableOn, formatBound } from './bounds.js';
import { type CheckContext, hasSyntaxErrorIn, report } from './context.js';
import { toDecimal } from './decimal.js';
import { typeExpr } from './expressions.js';
import { formatType, T, type Type } from './types.js';
import { joinAll } from './unify.js';

/** The type of the rates of a table (Unknown when its tiers disagree, which the table check reports). */
export function rateTableRateType(ctx: CheckContext, table: RateTableDecl): Type {
  const joined = joinAll(ctx, rates(table));
  return joined.mismatches.length > 0 ? T.Unknown : joined.type;
}

function rates(table: RateTableDecl): Expr[] {
  return table.tiers.flatMap((t) => (t.rate ? [t.rate] : []));
}

/** Checks one rate table declaration. */
export function checkRateTable(ctx: CheckContext, table: RateTableDecl): void {
  const name = table.name?.text ?? 'this rate table';
  const at = table.name?.range ?? table.range;
  const on = checkTableOn(ctx, table.on, `Rate table ${name}`);
  if (!table.mode) {
    report(
      ctx,
      'AT4001',
      at,
      `Rate table ${name} must say how its tiers pay: add \`marginal\` (each tier's rate applies to the part inside it) or \`retroactive\` (the rate of the tier reached applies to everything) after the on expression`,
    );
  } else if (table.mode.kind === 'hybrid' && on.kind !== 'Percent' && on.kind !== 'Unknown') {
    report(
      ctx,
      'AT4006',
      table.mode.range,
      `A hybrid table switches from retroactive to marginal at a percentage of quota, so it must be on a percentage such as attainment, not ${formatType(on)}`,
    );
  }
  // A tier that did not parse is missing or half read (`50%-100%: 17%` gives a tier from 50% and
  // nothing else): tiers are then not compared with each other, so no false "out of order", gap,
  // overlap or "no open top tier" is reported on the rows that were read, and no tier is
  // mis-numbered by a row that was skipped.
  const unread = hasSyntaxErrorIn(ctx, table.range);
  if (table.tiers.length === 0) {
    if (!unread)
      report(
        ctx,
        'AT4007',
        at,
        `Rate table ${name} has no tiers: add at least one, such as \`0% and up: 5%\``,
      );
    return;
  }
  if (unread) return;
  checkRates(ctx, table, name);
  checkPlainRates(ctx, table, name);
  const bounds = table.tiers.flatMap((t) => [t.from, t.to].filter((b): b is Bound => b !== undefined));
  const tierOf = new Map(table.tiers.flatMap((t, i) => [t.from, t.to].map((b) => [b, i + 1] as const)));
  const sameUnit = checkBoundUnits(
    ctx,
    bounds,
    on,
    (b) => `The bound ${formatBound(b)} of tier ${tierOf.get(b) ?? '?'}`,
  );
  if (sameUnit) checkOrder(ctx, table, name);
  const last = table.tiers[table.tiers.length - 1];
  if (last && !last.open) {
    const top = last.to ? formatBound(last.to) : 'its last bound';
    report(
      ctx,
      'AT4005',
      last.range,
      `The top tier of ${name} ends at ${top}, so nothing is paid above it; write \`${last.to ? formatBound(last.to) : '...'} and up: ...\` for an open top tier if that is not intended`,
    );
  }
}

/** All tiers must pay the same kind of rate. */
function checkRates(ctx: CheckContext, table: RateTableDecl, name: string): void {
  const withRates = table.tiers.filter((t) => t.rate);
  const joined = joinAll(ctx, rates(table));
  const firstTyped = withRates.findIndex((t) => t.rate && typeExpr(ctx, t.rate).kind !== 'Unknown');
  for (const { index, type, expected } of joined.mismatches) {
    const tier = withRates[index] as Tier;
    const first = withRates[firstTyped];
    const n = table.tiers.indexOf(tier) + 1;
    const f = first ? table.tiers.indexOf(first) + 1 : 1;
    report(
      ctx,
      'AT3001',
      (tier.rate as Expr).range,
      `All tiers of ${name} must pay the same kind of rate: tier ${f} pays ${formatType(expected)}, tier ${n} pays ${formatType(type)}`,
      first ? [{ message: `Tier ${f} pays ${formatType(expected)}`, range: first.range }] : undefined,
    );
  }
}

/**
 * A rate written as a plain number above 1 (`8`) in a table whose rates are plain numbers: `8` is a
 * ratio, so `tiered` pays 8 times the amount (800%), where `8%` was most likely meant. Rates
 * written as percentages or money, and computed rates, are not looked at; a plain number of 1 or
 * less is taken for the ratio it most likely is (`0.08` for 8%).
 */
function checkPlainRates(ctx: CheckContext, table: RateTableDecl, name: string): void {
  const kind = rateTableRateType(ctx, table).kind;
  if (kind !== 'Number' && kind !== 'Integer') return;
  table.tiers.forEach((tier, i) => {
    const rate = tier.rate;
    if (rate?.kind !== 'Number') return;
    const written = rate.value.replaceAll('_', '');
    const value = toDecimal(written);
    if (!value?.gt(1)) return;
    const percent = `${value.times(100).toString()}%`;
    report(
      ctx,
      'AT4014',
      rate.range,
      `The rate of tier ${i + 1} of ${name} is ${written}, a plain number: it pays ${written} times the amount (${percent}); write \`${written}%\` if a percentage is meant, or \`${percent}\` to keep it`,
    );
  });
}

function both(a: Tier, ai: number, b: Tier, bi: number): RelatedInformation[] {
  return [
    { message: `Tier ${ai} is here`, range: a.range },
    { message: `Tier ${bi} is here`, range: b.range },
  ];
}

/** Bounds within each tier and between consecutive tiers (bounds all of one unit). */
function checkOrder(ctx: CheckContext, table: RateTableDecl, name: string): void {
  const reversed = new Set<Tier>();
  table.tiers.forEach((tier, i) => {
    const from = tier.from ? boundValue(tier.from) : undefined;
    const to = tier.to ? boundValue(tier.to) : undefined;
    if (tier.from && tier.to && from && to?.lte(from)) {
      reversed.add(tier);
      report(
        ctx,
        'AT4004',
        tier.range,
        `Tier ${i + 1} of ${name} ends at ${formatBound(tier.to)}, ${to.eq(from) ? 'where it starts' : `before it starts at ${formatBound(tier.from)}`}`,
      );
    }
  });
  for (let i = 1; i < table.tiers.length; i++) {
    const prev = table.tiers[i - 1] as Tier;
    const next = table.tiers[i] as Tier;
    const [p, n] = [i, i + 1];
    if (reversed.has(prev) || reversed.has(next)) continue;
    if (prev.open) {
      report(
        ctx,
        'AT4003',
        next.range,
        `Tiers ${p} and ${n} of ${name} overlap: tier ${p} has no upper bound (\`and up\`), so it covers tier ${n} too`,
        both(prev, p, next, n),
      );
      continue;
    }
    const prevFrom = prev.from ? boundValue(prev.from) : undefined;
    const prevTo = prev.to ? boundValue(prev.to) : undefined;
    const nextFrom = next.from ? boundValue(next.from) : undefined;
    if (!next.from || !nextFrom) continue;
    if (prev.from && prevFrom && nextFrom.lt(prevFrom)) {
      report(
        ctx,
        'AT4004',
        next.range,
        `Tiers ${p} and ${n} of ${name} are out of order: tier ${n} starts at ${formatBound(next.from)}, below the start of tier ${p} at ${formatBound(prev.from)}; write tiers in ascending order`,
        both(prev, p, next, n),
      );
    } else if (prev.to && prevTo && nextFrom.lt(prevTo)) {
      const nextTo = next.to ? boundValue(next.to) : undefined;
      const end = next.to && nextTo?.lt(prevTo) ? next.to : prev.to;
      report(
        ctx,
        'AT4003',
        next.range,
        `Tiers ${p} and ${n} of ${name} overlap between ${formatBound(next.from)} and ${formatBound(end)}`,
        both(prev, p, next, n),
      );
    } else if (prev.to && prevTo && nextFrom.gt(prevTo)) {
      report(
        ctx,
        'AT4002',
        next.range,
        `Tiers ${p} and ${n} of ${name} leave a gap between ${formatBound(prev.to)} and ${formatBound(next.from)}, where nothing is paid`,
        both(prev, p, next, n),
      );
    }
  }
}
