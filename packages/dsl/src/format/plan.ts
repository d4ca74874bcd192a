/**
 * Prints a whole file: the plan line, the header settings first in their canonical order
 * (currency, period, fiscal year, effective, rounding), then the declarations in the order they
 * were written, with a blank line between declarations of different kinds and at most one of the
 * blank lines the author wrote between the others.
 */
import type { File, HeaderSetting, PlanDecl, PlanItem } from '../syntax/ast.js';
import { monthNames } from '../syntax/months.js';
import type { SyntaxNode } from './attach.js';
import type { CommentContext } from './comments.js';
import { printDeclaration } from './declarations.js';
import type { Doc } from './doc.js';
import { printName } from './expressions.js';
import { block, dateRange, numberLit, statement, textLit } from './layout.js';
import { required } from './unformattable.js';

const headerOrder: Readonly<Record<HeaderSetting['kind'], number>> = {
  CurrencySetting: 0,
  PeriodSetting: 1,
  FiscalYearSetting: 2,
  EffectiveSetting: 3,
  RoundingSetting: 4,
};

function isHeader(item: SyntaxNode): item is HeaderSetting {
  const kind = (item as PlanItem).kind;
  return Object.hasOwn(headerOrder, kind);
}

/** Prints the file; its comments are placed by `ctx`. */
export function printFile(ctx: CommentContext, file: File): Doc {
  const plan = required(file.plan, 'plan');
  return ctx.wrap(file, ctx.wrap(plan, printPlan(ctx, plan)));
}

function printPlan(ctx: CommentContext, plan: PlanDecl): Doc {
  const headers = plan.items.filter(isHeader).sort((a, b) => headerOrder[a.kind] - headerOrder[b.kind]);
  const declarations = plan.items.filter((item) => !isHeader(item));
  const items: PlanItem[] = [...headers, ...declarations];
  return [
    statement([
      'plan ',
      textLit(ctx, plan.name),
      plan.version === undefined ? '' : [' version ', textLit(ctx, plan.version)],
    ]),
    block(
      ctx,
      plan,
      items,
      (item) => printItem(ctx, item),
      (previous, next) => blankLine(ctx, previous, next),
    ),
  ];
}

function blankLine(ctx: CommentContext, previous: SyntaxNode, next: SyntaxNode): boolean {
  if (isHeader(next)) return false;
  if (isHeader(previous)) return true;
  if ((previous as PlanItem).kind !== (next as PlanItem).kind) return true;
  return ctx.blankLineBetween(previous, next);
}

function printItem(ctx: CommentContext, item: PlanItem): Doc {
  return isHeader(item) ? statement(printHeader(ctx, item)) : printDeclaration(ctx, item);
}

function printHeader(ctx: CommentContext, item: HeaderSetting): Doc {
  switch (item.kind) {
    case 'CurrencySetting':
      return ['currency ', printName(ctx, item.currency)];
    case 'PeriodSetting':
      return ['period ', required(item.period, 'period')];
    case 'FiscalYearSetting': {
      const month = monthNames[required(item.month, 'month') - 1];
      const monthName = required(item.monthName, 'month');
      return ['fiscal year starts ', ctx.wrap(monthName, required(month, 'month'))];
    }
    case 'EffectiveSetting':
      return ['effective ', dateRange(ctx, item.effective)];
    case 'RoundingSetting':
      return [
        'rounding ',
        required(item.mode, 'rounding mode').replace('-', ' '),
        ' to ',
        numberLit(ctx, item.decimals),
        ' decimals at ',
        required(item.point, 'rounding point'),
      ];
  }
}
