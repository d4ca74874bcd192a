/**
 * Prints rate tables (one tier per line, `0% to 50%: 2%`), lookup tables (one row per line) and
 * pay curves (one point per line).
 */
import type {
  Bound,
  CurvePoint,
  LookupKey,
  LookupRow,
  LookupTableDecl,
  PayCurveDecl,
  RateTableDecl,
  TableMode,
  Tier,
} from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import type { Doc } from './doc.js';
import { printExpr, printName } from './expressions.js';
import {
  block,
  effectiveAfterBlock,
  expression,
  label,
  numberLit,
  percentLit,
  statement,
  textLit,
} from './layout.js';
import { required } from './unformattable.js';

/** `rate table name "Label" on measure mode { tiers }`. */
export function printRateTable(ctx: CommentContext, decl: RateTableDecl): Doc {
  return [
    statement([
      'rate table ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' on ',
      expression(ctx, decl.on),
      decl.mode === undefined ? '' : [' ', ctx.wrap(decl.mode, printMode(ctx, decl.mode))],
    ]),
    block(ctx, decl, decl.tiers, (tier) => statement(printTier(ctx, tier))),
    effectiveAfterBlock(ctx, decl.effective),
  ];
}

function printMode(ctx: CommentContext, mode: TableMode): Doc {
  return mode.kind === 'hybrid' ? ['hybrid at ', percentLit(ctx, mode.at)] : mode.kind;
}

function printTier(ctx: CommentContext, tier: Tier): Doc {
  const upper = tier.open ? ' and up' : [' to ', printBound(ctx, tier.to)];
  return [printBound(ctx, tier.from), upper, ': ', expression(ctx, tier.rate)];
}

function printBound(ctx: CommentContext, bound: Bound | undefined): Doc {
  return printExpr(ctx, required(bound, 'tier bound'));
}

/** `lookup table name "Label" by key, key { rows }`. */
export function printLookupTable(ctx: CommentContext, decl: LookupTableDecl): Doc {
  return [
    statement([
      'lookup table ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' by ',
      decl.by.map((name, i) => [i > 0 ? ', ' : '', printName(ctx, name)]),
    ]),
    block(ctx, decl, decl.rows, (row, i) => statement(printRow(ctx, row, decl.rows[i + 1]))),
    effectiveAfterBlock(ctx, decl.effective),
  ];
}

/**
 * One lookup row. A row before a row that starts with the wildcard `*` ends with a comma, which
 * keeps the `*` from reading as a multiplication.
 */
function printRow(ctx: CommentContext, row: LookupRow, next: LookupRow | undefined): Doc {
  const keys = row.otherwise
    ? 'otherwise'
    : row.keys.map((key, i) => [i > 0 ? ', ' : '', printKey(ctx, key)]);
  const nextStartsWithWildcard = next !== undefined && !next.otherwise && next.keys[0]?.kind === 'Wildcard';
  return [keys, ': ', expression(ctx, row.value), nextStartsWithWildcard ? ',' : ''];
}

function printKey(ctx: CommentContext, key: LookupKey): Doc {
  switch (key.kind) {
    case 'Wildcard':
      return ctx.wrap(key, '*');
    case 'Text':
      return textLit(ctx, key);
    case 'Number':
      return numberLit(ctx, key);
  }
}

/** `pay curve name "Label" on measure { points }`. */
export function printPayCurve(ctx: CommentContext, decl: PayCurveDecl): Doc {
  return [
    statement([
      'pay curve ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' on ',
      expression(ctx, decl.on),
    ]),
    block(ctx, decl, decl.points, (point) => statement(printPoint(ctx, point))),
    effectiveAfterBlock(ctx, decl.effective),
  ];
}

function printPoint(ctx: CommentContext, point: CurvePoint): Doc {
  return [printBound(ctx, point.at), ': ', percentLit(ctx, point.value)];
}
