/**
 * Prints expressions with single spaces around operators and only the parentheses that the
 * grammar's precedence needs: `(a + b) * c` keeps them, `(a * b) + c` loses them. A right operand
 * of the same precedence keeps its parentheses (`a - (b - c)`), so the tree never changes shape.
 *
 * Long expressions break after an operator; the statement printer indents the continuation.
 */
import type { BinaryExpr, BinaryOp, CallArg, Expr, InExpr, Name } from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import { type Doc, group, indent, join, line, softline } from './doc.js';
import { moneyAmountText, numberText, percentText, quoteText } from './literals.js';
import { required, Unformattable } from './unformattable.js';

/**
 * Precedence levels, lowest first, as in the grammar: `if` 0, `or` 1, `and` 2, `not` 3,
 * comparisons and `in` 4, `+ -` 5, `* /` 6, unary minus 7, member access 8, primaries 9.
 * Shared with printers of the checked plan (the engine's `renderExpr`).
 */
export const binaryLevel: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};

/** The precedence level of an expression (parentheses are looked through). */
export function level(expr: Expr): number {
  switch (expr.kind) {
    case 'If':
      return 0;
    case 'Binary':
      return binaryLevel[expr.op];
    case 'Unary':
      return expr.op === 'not' ? 3 : 7;
    case 'In':
      return 4;
    case 'Member':
      return 8;
    case 'Paren':
      return level(expr.inner);
    default:
      return 9;
  }
}

/** The lowest level allowed for the left and right operands of a binary operator (shared with the engine's `renderExpr`). */
export function operandLevels(op: BinaryOp): [number, number] {
  const own = binaryLevel[op];
  // Comparisons do not chain: both sides are additive expressions.
  if (own === 4) return [5, 5];
  return [own, own + 1];
}

/** A name occurrence with its comments. */
export function printName(ctx: CommentContext, name: Name | undefined): Doc {
  const n = required(name, 'name');
  return ctx.wrap(n, n.text);
}

/** Prints `expr`, in parentheses when its level is below `minLevel`. */
export function printExpr(ctx: CommentContext, expr: Expr, minLevel = 0): Doc {
  if (expr.kind === 'Paren') return ctx.wrap(expr, printExpr(ctx, expr.inner, minLevel));
  // The comments of an expression in parentheses were written inside them.
  const doc = ctx.wrap(expr, printBare(ctx, expr));
  return level(expr) < minLevel ? bracketed('(', doc, ')') : doc;
}

function bracketed(open: string, inner: Doc, close: string): Doc {
  return group([open, indent([softline, inner]), softline, close]);
}

function printBare(ctx: CommentContext, expr: Expr): Doc {
  switch (expr.kind) {
    case 'Number':
      return numberText(expr, ctx.text);
    case 'Percent':
      return percentText(expr, ctx.text);
    case 'Money':
      return [moneyAmountText(expr, ctx.text), ' ', printName(ctx, expr.currency)];
    case 'Date':
    case 'PeriodLit':
      return expr.value;
    case 'Text':
      return quoteText(expr.value);
    case 'Boolean':
      return expr.value ? 'true' : 'false';
    case 'NameRef':
      return printName(ctx, expr.name);
    case 'PayeeRef':
      return 'payee';
    case 'PeriodRef':
      return 'period';
    case 'TodayRef':
      return 'today';
    case 'Member':
      return [printObject(ctx, expr.object), '.', printName(ctx, expr.member)];
    case 'Call':
      return printCall(ctx, expr.callee, expr.args);
    case 'Unary':
      return printUnary(ctx, expr.op, expr.operand);
    case 'Binary':
      return group(binaryChain(ctx, expr));
    case 'In':
      return printIn(ctx, expr);
    case 'If':
      return group([
        'if ',
        printExpr(ctx, expr.condition),
        line,
        'then ',
        printExpr(ctx, expr.then),
        line,
        'else ',
        printExpr(ctx, expr.else),
      ]);
    case 'List':
      return printList(ctx, expr.items);
    case 'Paren':
      return printExpr(ctx, expr.inner);
    case 'Missing':
      throw new Unformattable('missing expression');
  }
}

/**
 * A chain of operators of one precedence (`a + b - c`) as one group, so that when it breaks,
 * every operand starts a line.
 */
function binaryChain(ctx: CommentContext, expr: BinaryExpr): Doc[] {
  const [leftLevel, rightLevel] = operandLevels(expr.op);
  const own = binaryLevel[expr.op];
  // Parentheses around a left operand of the same precedence are dropped, so look through them:
  // the chain prints the same with or without them.
  const parens: Expr[] = [];
  let left = expr.left;
  while (left.kind === 'Paren') {
    parens.push(left);
    left = left.inner;
  }
  let leftDoc: Doc;
  if (own !== 4 && left.kind === 'Binary' && binaryLevel[left.op] === own) {
    leftDoc = ctx.wrap(left, binaryChain(ctx, left));
    for (const paren of parens.reverse()) leftDoc = ctx.wrap(paren, leftDoc);
  } else {
    leftDoc = printExpr(ctx, expr.left, leftLevel);
  }
  return [leftDoc, ` ${expr.op}`, line, printExpr(ctx, expr.right, rightLevel)];
}

/** The object of `x.member`; a number keeps its parentheses, as `5.x` would read as one number. */
function printObject(ctx: CommentContext, object: Expr): Doc {
  if (unparen(object).kind !== 'Number') return printExpr(ctx, object, 8);
  return printExpr(ctx, object, 10);
}

function printUnary(ctx: CommentContext, op: '-' | 'not', operand: Expr): Doc {
  if (op === 'not') return ['not ', printExpr(ctx, operand, 3)];
  const inner = unparen(operand);
  const spaced = inner.kind === 'Unary' && inner.op === '-' && level(operand) >= 7;
  return [spaced ? '- ' : '-', printExpr(ctx, operand, 7)];
}

function unparen(expr: Expr): Expr {
  return expr.kind === 'Paren' ? unparen(expr.inner) : expr;
}

function printCall(ctx: CommentContext, callee: Name, args: readonly CallArg[]): Doc {
  const name = printName(ctx, callee);
  if (args.length === 0) return [name, '()'];
  return [
    name,
    bracketed(
      '(',
      join(
        [',', line],
        args.map((arg) => printArg(ctx, arg)),
      ),
      ')',
    ),
  ];
}

function printArg(ctx: CommentContext, arg: CallArg): Doc {
  const value = printExpr(ctx, arg.value);
  const where = arg.where === undefined ? [] : [' where ', printExpr(ctx, arg.where)];
  return ctx.wrap(arg, [value, ...where]);
}

function printList(ctx: CommentContext, items: readonly Expr[]): Doc {
  return bracketed(
    '[',
    join(
      [',', line],
      items.map((item) => printExpr(ctx, item)),
    ),
    ']',
  );
}

function printIn(ctx: CommentContext, expr: InExpr): Doc {
  const { target } = expr;
  let targetDoc: Doc;
  switch (target.kind) {
    case 'RangeTarget':
      targetDoc = [printExpr(ctx, target.from, 5), ' to ', printExpr(ctx, target.to, 5)];
      break;
    case 'ListTarget':
      targetDoc = printList(ctx, target.items);
      break;
    case 'PeriodTarget':
      targetDoc = 'period';
      break;
  }
  return [printExpr(ctx, expr.value, 5), expr.negated ? ' not in ' : ' in ', ctx.wrap(target, targetDoc)];
}
