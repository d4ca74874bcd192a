/**
 * CST -> AST for expressions. A part that failed to parse becomes a `Missing` node placed where
 * the text stops, so the tree is always complete enough to walk.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, CallArg, Expr, InExpr, MissingExpr } from './ast.js';
import { type BuildContext, child, childNodes, has, token, tokens } from './build-context.js';

/** Builds an expression; `fallback` is the offset where a missing expression is placed. */
export function buildExpr(ctx: BuildContext, node: CstNode | undefined, fallback: number): Expr {
  if (node === undefined) return missing(ctx, fallback);
  const at = ctx.start(node, fallback);
  switch (node.name) {
    case 'expression': {
      const conditional = child(node, 'ifExpression');
      return conditional !== undefined
        ? buildIf(ctx, conditional, at)
        : buildExpr(ctx, child(node, 'orExpression'), at);
    }
    case 'orExpression':
    case 'andExpression':
    case 'additive':
    case 'multiplicative':
      return buildChain(ctx, node, at);
    case 'notExpression':
      return buildNot(ctx, node, at);
    case 'comparison':
      return buildComparison(ctx, node, at);
    case 'unary':
      return buildUnary(ctx, node, at);
    case 'postfix':
      return buildPostfix(ctx, node, at);
    case 'primary':
      return buildPrimary(ctx, node, at);
    default:
      return missing(ctx, at);
  }
}

/**
 * The expression under `exprKey` that follows the keyword under `keywordKey` (`where cond`,
 * `until date`), or undefined when the keyword is absent.
 */
export function buildExprAfter(
  ctx: BuildContext,
  node: CstNode,
  keywordKey: string,
  exprKey: string,
): Expr | undefined {
  const keyword = token(node, keywordKey);
  if (keyword === undefined) return undefined;
  return buildExpr(ctx, child(node, exprKey), keyword.startOffset + keyword.image.length);
}

function missing(ctx: BuildContext, offset: number): MissingExpr {
  return { kind: 'Missing', range: ctx.index.range(offset, offset) };
}

function buildIf(ctx: BuildContext, node: CstNode, at: number): Expr {
  const condition = buildExpr(ctx, child(node, 'condition'), ctx.end(node, at));
  const then = buildExpr(ctx, child(node, 'then'), condition.range.end.offset);
  const otherwise = buildExpr(ctx, child(node, 'else'), then.range.end.offset);
  return { kind: 'If', condition, then, else: otherwise, range: ctx.nodeRange(node, at) };
}

/** A left-associative chain `a op b op c` -> `(a op b) op c`. */
function buildChain(ctx: BuildContext, node: CstNode, at: number): Expr {
  const operands = childNodes(node, 'operand');
  const operators = tokens(node, 'operator');
  let result = buildExpr(ctx, operands[0], at);
  for (let i = 0; i < operators.length; i++) {
    const operator = operators[i] as IToken;
    const right = buildExpr(ctx, operands[i + 1], operator.startOffset + operator.image.length);
    result = {
      kind: 'Binary',
      op: operator.image as BinaryOp,
      left: result,
      right,
      range: ctx.span(result.range, right.range),
    };
  }
  return result;
}

function buildNot(ctx: BuildContext, node: CstNode, at: number): Expr {
  const not = token(node, 'KwNot');
  if (not === undefined) return buildExpr(ctx, child(node, 'comparison'), at);
  const operand = buildExpr(ctx, child(node, 'notExpression'), not.startOffset + not.image.length);
  return { kind: 'Unary', op: 'not', operand, range: ctx.span(ctx.tokenRange(not), operand.range) };
}

function buildComparison(ctx: BuildContext, node: CstNode, at: number): Expr {
  const left = buildExpr(ctx, child(node, 'left'), at);
  const operator = token(node, 'operator');
  if (operator !== undefined) {
    const right = buildExpr(ctx, child(node, 'right'), operator.startOffset + operator.image.length);
    const op = operator.image as BinaryOp;
    return { kind: 'Binary', op, left, right, range: ctx.span(left.range, right.range) };
  }
  const inToken = token(node, 'KwIn');
  if (inToken === undefined) return left;
  const target = buildInTarget(ctx, child(node, 'inTarget'), inToken.startOffset + inToken.image.length);
  return {
    kind: 'In',
    value: left,
    negated: has(node, 'negated'),
    target,
    range: ctx.span(left.range, target.range),
  };
}

function buildInTarget(ctx: BuildContext, node: CstNode | undefined, at: number): InExpr['target'] {
  const range = ctx.nodeRange(node, at);
  if (has(node, 'LBracket')) {
    const items = childNodes(node, 'item').map((item) => buildExpr(ctx, item, range.end.offset));
    return { kind: 'ListTarget', items, range };
  }
  if (has(node, 'period')) return { kind: 'PeriodTarget', range };
  const from = buildExpr(ctx, child(node, 'from'), range.start.offset);
  const to = buildExpr(ctx, child(node, 'to'), range.end.offset);
  return { kind: 'RangeTarget', from, to, range };
}

function buildUnary(ctx: BuildContext, node: CstNode, at: number): Expr {
  const minus = token(node, 'Minus');
  if (minus === undefined) return buildExpr(ctx, child(node, 'postfix'), at);
  const operand = buildExpr(ctx, child(node, 'unary'), minus.startOffset + 1);
  return { kind: 'Unary', op: '-', operand, range: ctx.span(ctx.tokenRange(minus), operand.range) };
}

function buildPostfix(ctx: BuildContext, node: CstNode, at: number): Expr {
  let result = buildExpr(ctx, child(node, 'primary'), at);
  for (const suffix of childNodes(node, 'memberSuffix')) {
    const member = ctx.name(token(suffix, 'member'));
    const end = ctx.end(suffix, result.range.end.offset);
    result = {
      kind: 'Member',
      object: result,
      member,
      range: ctx.index.range(result.range.start.offset, end),
    };
  }
  return result;
}

function buildPrimary(ctx: BuildContext, node: CstNode, at: number): Expr {
  const range = ctx.nodeRange(node, at);
  const number = ctx.number(token(node, 'NumberLiteral'));
  if (number !== undefined) {
    const currency = ctx.name(token(node, 'currency'));
    if (currency === undefined) return number;
    return { kind: 'Money', value: number.value, currency, range };
  }
  const literal =
    ctx.percent(token(node, 'PercentLiteral')) ??
    ctx.date(token(node, 'DateLiteral')) ??
    ctx.text(token(node, 'TextLiteral'));
  if (literal !== undefined) return literal;
  const period = token(node, 'PeriodLiteral') ?? token(node, 'FiscalYearLiteral');
  if (period !== undefined) return { kind: 'PeriodLit', value: period.image, range };
  if (has(node, 'KwTrue')) return { kind: 'Boolean', value: true, range };
  if (has(node, 'KwFalse')) return { kind: 'Boolean', value: false, range };
  if (has(node, 'KwPeriod')) return { kind: 'PeriodRef', range };
  if (has(node, 'KwToday')) return { kind: 'TodayRef', range };
  if (has(node, 'KwPayee')) return { kind: 'PayeeRef', range };
  const open = token(node, 'LParen');
  if (open !== undefined) {
    const inner = buildExpr(ctx, child(node, 'expression'), open.startOffset + 1);
    return { kind: 'Paren', inner, range };
  }
  const reference = child(node, 'reference');
  if (reference !== undefined) return buildReference(ctx, reference, at) ?? missing(ctx, at);
  return missing(ctx, at);
}

function buildReference(ctx: BuildContext, node: CstNode, at: number): Expr | undefined {
  const name = ctx.name(token(node, 'name'));
  if (name === undefined) return undefined;
  const range = ctx.nodeRange(node, at);
  if (!has(node, 'LParen')) return { kind: 'NameRef', name, range };
  const args = childNodes(node, 'argument').map((argument) => buildArgument(ctx, argument, range.end.offset));
  return { kind: 'Call', callee: name, args, range };
}

function buildArgument(ctx: BuildContext, node: CstNode, at: number): CallArg {
  const range = ctx.nodeRange(node, at);
  const value = buildExpr(ctx, child(node, 'value'), range.start.offset);
  const whereToken = token(node, 'KwWhere');
  const where = whereToken === undefined ? undefined : buildExpr(ctx, child(node, 'where'), range.end.offset);
  return { kind: 'Arg', value, where, range };
}
