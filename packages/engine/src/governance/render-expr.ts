/**
 * Expressions of a checked plan (the IR of `@attain/dsl`) written back as plan text, for people
 * reading a plan diff: `tiered(bookings, commission_rates)`, `2 * target_incentive`,
 * `stage = "Closed Won" and amount > 0 USD`. Percentages print as percentages (`12%`), money with
 * its currency, and parentheses appear only where precedence needs them, so the text reads back
 * as the same expression.
 */
import { binaryLevel, type IrBinary, type IrExpr, operandLevels, quoteText } from '@attain/dsl';
import { Dec, decText } from '../decimal.js';

function level(expr: IrExpr): number {
  switch (expr.op) {
    case 'if':
      return 0;
    case 'binary':
      return binaryLevel[expr.operator];
    case 'unary':
      return expr.operator === 'not' ? 3 : 7;
    case 'in-range':
    case 'in-list':
    case 'in-period':
      return 4;
    case 'member':
      return 8;
    default:
      return 9;
  }
}

/** A ratio as a percentage: `"0.125"` is `12.5%`. */
export function percentText(ratio: string): string {
  return `${decText(new Dec(ratio).times(100))}%`;
}

function literalText(expr: Extract<IrExpr, { op: 'literal' }>): string {
  const { value, type } = expr;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  switch (type.kind) {
    case 'Percent':
      return percentText(value);
    case 'Money':
      return type.currency === undefined ? value : `${value} ${type.currency}`;
    case 'Text':
      return quoteText(value);
    default:
      return value;
  }
}

/** `expr` as text, in parentheses when its precedence is below `min`. */
function operand(expr: IrExpr, min: number): string {
  const text = renderExpr(expr);
  return level(expr) < min ? `(${text})` : text;
}

const args = (items: readonly IrExpr[]): string => items.map((a) => renderExpr(a)).join(', ');

function binaryText(expr: IrBinary): string {
  const [left, right] = operandLevels(expr.operator);
  return `${operand(expr.left, left)} ${expr.operator} ${operand(expr.right, right)}`;
}

/** An IR expression as plan text. */
export function renderExpr(expr: IrExpr): string {
  switch (expr.op) {
    case 'literal':
      return literalText(expr);
    case 'ref':
      return expr.name;
    case 'field':
      return expr.field;
    case 'payee':
      return 'payee';
    case 'period':
      return 'period';
    case 'today':
      return 'today';
    case 'member':
      return `${operand(expr.object, 8)}.${expr.member}`;
    case 'unary':
      return expr.operator === 'not' ? `not ${operand(expr.operand, 3)}` : `-${operand(expr.operand, 7)}`;
    case 'binary':
      return binaryText(expr);
    case 'in-range':
      return `${operand(expr.value, 5)} ${expr.negated ? 'not in' : 'in'} ${operand(expr.from, 5)} to ${operand(expr.to, 5)}`;
    case 'in-list':
      return `${operand(expr.value, 5)} ${expr.negated ? 'not in' : 'in'} [${args(expr.items)}]`;
    case 'in-period':
      return `${operand(expr.value, 5)} ${expr.negated ? 'not in' : 'in'} period`;
    case 'if':
      return `if ${renderExpr(expr.condition)} then ${renderExpr(expr.ifTrue)} else ${renderExpr(expr.ifFalse)}`;
    case 'list':
      return `[${args(expr.items)}]`;
    case 'aggregate': {
      const collection = expr.field === undefined ? expr.over.name : `${expr.over.name}.${expr.field}`;
      const where = expr.where === undefined ? '' : ` where ${renderExpr(expr.where)}`;
      return `${expr.fn}(${collection}${where})`;
    }
    case 'to-date':
      return `${expr.window}(${expr.ref.name})`;
    case 'tiered':
      return `tiered(${renderExpr(expr.amount)}, ${expr.table})`;
    case 'rate':
      return `rate(${expr.table})`;
    case 'lookup':
      return `lookup(${[expr.table, ...expr.keys.map((k) => renderExpr(k))].join(', ')})`;
    case 'curve':
      return `curve(${expr.curve})`;
    case 'convert': {
      const date = expr.date === undefined ? '' : `, ${renderExpr(expr.date)}`;
      return `convert(${renderExpr(expr.value)}, ${expr.currency}${date})`;
    }
    case 'call':
      return `${expr.fn}(${args(expr.args)})`;
  }
}
