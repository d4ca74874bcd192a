/**
 * Prints definitions: `let`, `measure`, `metric`, `signal` and `quota` (with its clauses on their
 * own lines).
 */
import type {
  LetDecl,
  MeasureDecl,
  MetricDecl,
  PercentLit,
  QuotaClause,
  QuotaDecl,
  SignalDecl,
  TypeRef,
} from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import { type Doc, hardline, indent } from './doc.js';
import { printName } from './expressions.js';
import {
  blockIndent,
  clauseLines,
  effectiveLine,
  expression,
  label,
  numberLit,
  percentLit,
  statement,
  textLit,
} from './layout.js';
import { printTypeRef } from './schema.js';
import { required } from './unformattable.js';

function typeAnnotation(ctx: CommentContext, type: TypeRef | undefined): Doc {
  return type === undefined ? '' : [': ', printTypeRef(ctx, type)];
}

/** `let name: Type = value`. */
export function printLet(ctx: CommentContext, decl: LetDecl): Doc {
  return [
    statement([
      'let ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      typeAnnotation(ctx, decl.type),
      ' = ',
      expression(ctx, decl.value),
    ]),
    effectiveLine(ctx, decl.effective),
  ];
}

/** `measure name "Label": Type = value`. */
export function printMeasure(ctx: CommentContext, decl: MeasureDecl): Doc {
  return [
    statement([
      'measure ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      typeAnnotation(ctx, decl.type),
      ' = ',
      expression(ctx, decl.value),
    ]),
    effectiveLine(ctx, decl.effective),
  ];
}

/** `metric name "Label": Type = value`. */
export function printMetric(ctx: CommentContext, decl: MetricDecl): Doc {
  return [
    statement([
      'metric ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      typeAnnotation(ctx, decl.type),
      ' = ',
      expression(ctx, decl.value),
    ]),
    effectiveLine(ctx, decl.effective),
  ];
}

/** `signal name "Label" severity on source`, then `when` and `message` on their own lines. */
export function printSignal(ctx: CommentContext, decl: SignalDecl): Doc {
  return [
    statement([
      'signal ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' ',
      required(decl.severity, 'severity'),
      decl.on === undefined ? '' : [' on ', printName(ctx, decl.on)],
    ]),
    indent([hardline, statement(['when ', expression(ctx, decl.condition)])], blockIndent),
    indent([hardline, statement(['message ', textLit(ctx, decl.message)])], blockIndent),
  ];
}

/** `quota name = base` or `quota name from data`, clauses below. */
export function printQuota(ctx: CommentContext, decl: QuotaDecl): Doc {
  return [
    statement([
      'quota ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      decl.fromData ? ' from data' : [' = ', expression(ctx, decl.base)],
    ]),
    clauseLines(ctx, decl.clauses, (clause) => printQuotaClause(ctx, clause)),
    effectiveLine(ctx, decl.effective),
  ];
}

function printQuotaClause(ctx: CommentContext, clause: QuotaClause): Doc {
  switch (clause.kind) {
    case 'Seasonality':
      return ['seasonality ', percentList(ctx, clause.shares)];
    case 'Ramp':
      return [
        'ramp ',
        percentList(ctx, clause.steps),
        ' from ',
        expression(ctx, clause.from),
        clause.cutoffDay === undefined
          ? ''
          : [' starting next month after day ', numberLit(ctx, clause.cutoffDay)],
      ];
    case 'Prorate':
      return 'prorate by calendar days';
    case 'Relief':
      return ['relief ', expression(ctx, clause.value)];
  }
}

function percentList(ctx: CommentContext, items: readonly PercentLit[]): Doc {
  return items.map((item, i) => [i > 0 ? ', ' : '', percentLit(ctx, item)]);
}
