/**
 * Prints earnings (clauses on their own lines under the declaration) and the payout adjustments:
 * draws, guarantees, holdbacks, clawbacks and manual adjustments, each on one line.
 */
import type {
  AdjustmentDecl,
  ClawbackDecl,
  DrawDecl,
  EarningClause,
  EarningDecl,
  GuaranteeDecl,
  HoldbackDecl,
} from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import type { Doc } from './doc.js';
import { printName } from './expressions.js';
import {
  clauseLines,
  dateRange,
  effectiveLine,
  expression,
  label,
  numberLit,
  percentLit,
  statement,
} from './layout.js';

/** `commission name "Label" = value`, clauses below. */
export function printEarning(ctx: CommentContext, decl: EarningDecl): Doc {
  return [
    statement([
      decl.earningKind,
      ' ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' = ',
      expression(ctx, decl.value),
    ]),
    clauseLines(ctx, decl.clauses, (clause) => printEarningClause(ctx, clause)),
    effectiveLine(ctx, decl.effective),
  ];
}

function printEarningClause(ctx: CommentContext, clause: EarningClause): Doc {
  switch (clause.kind) {
    case 'PerLine':
      return 'per line';
    case 'PerPeriod':
      return 'per period';
    case 'Gate':
      return ['when ', expression(ctx, clause.condition)];
    case 'Cap':
      return ['cap ', expression(ctx, clause.value)];
    case 'Floor':
      return ['floor ', expression(ctx, clause.value)];
    case 'During':
      return ['during ', dateRange(ctx, clause.window)];
    case 'Once':
      return 'once';
    case 'PaidYearToDate':
      return 'paid year to date';
  }
}

/** `draw name = amount recoverable for N periods true up at year end`. */
export function printDraw(ctx: CommentContext, decl: DrawDecl): Doc {
  return statement([
    'draw ',
    printName(ctx, decl.name),
    label(ctx, decl.label),
    ' = ',
    expression(ctx, decl.amount),
    decl.recoverable ? ' recoverable' : ' non-recoverable',
    decl.periods === undefined ? '' : [' for ', numberLit(ctx, decl.periods), ' periods'],
    decl.trueUp ? ' true up at year end' : '',
  ]);
}

/** `guarantee name = amount for N periods from start`. */
export function printGuarantee(ctx: CommentContext, decl: GuaranteeDecl): Doc {
  return statement([
    'guarantee ',
    printName(ctx, decl.name),
    label(ctx, decl.label),
    ' = ',
    expression(ctx, decl.amount),
    ' for ',
    numberLit(ctx, decl.periods),
    ' periods',
    decl.from === undefined ? '' : [' from ', expression(ctx, decl.from)],
  ]);
}

/** `holdback name = 10% of earning until release`. */
export function printHoldback(ctx: CommentContext, decl: HoldbackDecl): Doc {
  return statement([
    'holdback ',
    printName(ctx, decl.name),
    label(ctx, decl.label),
    ' = ',
    percentLit(ctx, decl.share),
    ' of ',
    printName(ctx, decl.earning),
    decl.until === undefined ? '' : [' until ', expression(ctx, decl.until)],
  ]);
}

/** `clawback name = source cancelled on field within N days at original rate`. */
export function printClawback(ctx: CommentContext, decl: ClawbackDecl): Doc {
  return statement([
    'clawback ',
    printName(ctx, decl.name),
    label(ctx, decl.label),
    ' = ',
    printName(ctx, decl.source),
    ' cancelled on ',
    printName(ctx, decl.cancelledOn),
    ' within ',
    numberLit(ctx, decl.withinDays),
    ' days at original rate',
  ]);
}

/** `adjustment name "Label" from data`. */
export function printAdjustment(ctx: CommentContext, decl: AdjustmentDecl): Doc {
  return statement(['adjustment ', printName(ctx, decl.name), label(ctx, decl.label), ' from data']);
}
