/** Walking expressions: the sub-expressions of an expression, and all of them below it. */
import type { Expr } from '../syntax/ast.js';

/** The direct sub-expressions of an expression, in source order. */
export function childExpressions(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'Member':
      return [expr.object];
    case 'Call':
      return expr.args.flatMap((a) => (a.where ? [a.value, a.where] : [a.value]));
    case 'Unary':
      return [expr.operand];
    case 'Binary':
      return [expr.left, expr.right];
    case 'In': {
      const t = expr.target;
      return [
        expr.value,
        ...(t.kind === 'RangeTarget' ? [t.from, t.to] : t.kind === 'ListTarget' ? t.items : []),
      ];
    }
    case 'If':
      return [expr.condition, expr.then, expr.else];
    case 'List':
      return expr.items;
    case 'Paren':
      return [expr.inner];
    default:
      return [];
  }
}

/** Visits `expr` and every expression inside it, depth first, in source order. */
export function forEachExpression(expr: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    visit(e);
    const children = childExpressions(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Expr);
  }
}
