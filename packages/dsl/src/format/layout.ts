/**
 * Layout pieces shared by the declaration printers: `{ ... }` blocks with one item per line,
 * clauses on their own indented lines, and expressions whose broken lines get a continuation
 * indent.
 */

import type { DateRange, Expr, NumberLit, PercentLit, TextLit } from '../syntax/ast.js';
import type { SyntaxNode } from './attach.js';
import type { CommentContext } from './comments.js';
import { type Doc, hardline, indent } from './doc.js';
import { printExpr } from './expressions.js';
import { numberText, percentText, quoteText } from './literals.js';
import { required } from './unformattable.js';

/** Indentation of lines inside a block and of clause lines. */
export const blockIndent = 2;
/** Extra indentation of the continuation lines of a broken expression. */
export const continuationIndent = 4;

/** An expression in a statement (a required part: absent only after a syntax error). */
export function expression(ctx: CommentContext, expr: Expr | undefined): Doc {
  return printExpr(ctx, required(expr, 'expression'));
}

/**
 * One logical line (a declaration's first line, a field, a tier, a clause): where it has to
 * break (a long expression, a comment), its continuation lines are indented past its clauses.
 */
export function statement(doc: Doc): Doc {
  return indent(doc, continuationIndent);
}

/** Decides whether a blank line separates two items of a block. */
export type BlankLineRule = (previous: SyntaxNode, next: SyntaxNode) => boolean;

/**
 * ` { items }` with each item on its own line and at most one blank line between items where
 * `blankLine` says so (by default: where the author wrote one).
 */
export function block<T extends SyntaxNode>(
  ctx: CommentContext,
  node: SyntaxNode,
  items: readonly T[],
  printItem: (item: T, index: number) => Doc,
  blankLine: BlankLineRule = (previous, next) => ctx.blankLineBetween(previous, next),
): Doc {
  const before = ctx.beforeBrace(node);
  const brace = ctx.braceComments(node);
  const dangling = ctx.danglingInBlock(node);
  if (items.length === 0 && dangling.length === 0) return [before, ' {', brace, '}'];
  const lines: Doc[] = items.map((item, i) => {
    const previous = items[i - 1];
    const blank = previous !== undefined && blankLine(previous, item);
    return [hardline, blank ? hardline : '', ctx.wrap(item, printItem(item, i))];
  });
  for (const comment of dangling) lines.push([hardline, comment]);
  return [before, ' {', brace, indent(lines, blockIndent), hardline, '}'];
}

/** Clauses of a declaration, each on its own line, indented under it. */
export function clauseLines<T extends SyntaxNode>(
  ctx: CommentContext,
  clauses: readonly T[],
  printClause: (clause: T) => Doc,
): Doc {
  return indent(
    clauses.map((clause) => [hardline, ctx.wrap(clause, statement(printClause(clause)))]),
    blockIndent,
  );
}

/** ` "Label"` when the declaration has a label. */
export function label(ctx: CommentContext, text: TextLit | undefined): Doc {
  return text === undefined ? '' : [' ', textLit(ctx, text)];
}

/** A text literal with its comments. */
export function textLit(ctx: CommentContext, text: TextLit | undefined): Doc {
  const lit = required(text, 'text');
  return ctx.wrap(lit, quoteText(lit.value));
}

/** A number literal with its comments. */
export function numberLit(ctx: CommentContext, lit: NumberLit | undefined): Doc {
  const n = required(lit, 'number');
  return ctx.wrap(n, numberText(n, ctx.text));
}

/** A percent literal with its comments. */
export function percentLit(ctx: CommentContext, lit: PercentLit | undefined): Doc {
  const p = required(lit, 'percentage');
  return ctx.wrap(p, percentText(p, ctx.text));
}

/** `DATE to DATE`. */
export function dateRange(ctx: CommentContext, range: DateRange | undefined): Doc {
  const r = required(range, 'dates');
  return ctx.wrap(r, [
    printExpr(ctx, required(r.from, 'date')),
    ' to ',
    printExpr(ctx, required(r.to, 'date')),
  ]);
}

/** The `effective DATE to DATE` line of a versioned declaration. */
export function effectiveLine(ctx: CommentContext, range: DateRange | undefined): Doc {
  if (range === undefined) return '';
  return indent([hardline, statement(['effective ', dateRange(ctx, range)])], blockIndent);
}

/** ` effective DATE to DATE` after the `}` of a versioned block declaration. */
export function effectiveAfterBlock(ctx: CommentContext, range: DateRange | undefined): Doc {
  return range === undefined ? '' : [' effective ', dateRange(ctx, range)];
}
