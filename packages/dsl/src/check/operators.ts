/**
 * The unit algebra: what `+ - * /`, comparisons and `and`/`or` give for each pair of operand
 * types, as pure functions of types. Money keeps its currency; Money / Money is a Percent; adding
 * an amount to a number or a percentage is an error, because nobody can say what it would mean.
 */
import type { BinaryOp } from '../syntax/ast.js';
import { currenciesDiffer, formatType, isNumeric, isOrdered, T, type Type } from './types.js';

/** The outcome of applying an operator: a type, or a diagnostic to report on the expression. */
export type OpResult =
  | { ok: true; type: Type }
  | { ok: false; code: 'AT3001' | 'AT3002' | 'AT3003' | 'AT3004'; message: string };

/** The arithmetic operators. */
export type ArithmeticOp = '+' | '-' | '*' | '/';
/** The comparison operators. */
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

const ok = (type: Type): OpResult => ({ ok: true, type });

/** The result type of an arithmetic operator, or why it is not allowed. */
export function arithmetic(op: ArithmeticOp, left: Type, right: Type): OpResult {
  if (left.kind === 'Unknown' || right.kind === 'Unknown') return ok(T.Unknown);
  if (left.kind === 'Money' && right.kind === 'Money' && currenciesDiffer(left, right) && op !== '*') {
    return {
      ok: false,
      code: 'AT3002',
      message: `Cannot ${verb(op)} ${formatType(left)} and ${formatType(right)}: convert one to the other's currency first, for example convert(amount, ${right.currency})`,
    };
  }
  const type =
    op === '+' || op === '-'
      ? additive(left, right)
      : op === '*'
        ? product(left, right)
        : quotient(left, right);
  return type ? ok(type) : { ok: false, code: 'AT3003', message: arithmeticMessage(op, left, right) };
}

function additive(left: Type, right: Type): Type | undefined {
  if (isNumeric(left) && isNumeric(right))
    return left.kind === 'Integer' && right.kind === 'Integer' ? T.Integer : T.Number;
  if (left.kind === 'Money' && right.kind === 'Money') return left.currency === undefined ? right : left;
  if (left.kind === 'Percent' && right.kind === 'Percent') return T.Percent;
  return undefined;
}

function product(left: Type, right: Type): Type | undefined {
  if (isNumeric(left) && isNumeric(right))
    return left.kind === 'Integer' && right.kind === 'Integer' ? T.Integer : T.Number;
  if (left.kind === 'Money' && (isNumeric(right) || right.kind === 'Percent')) return left;
  if (right.kind === 'Money' && (isNumeric(left) || left.kind === 'Percent')) return right;
  if (left.kind === 'Percent' && (right.kind === 'Percent' || isNumeric(right))) return T.Percent;
  if (right.kind === 'Percent' && isNumeric(left)) return T.Percent;
  return undefined;
}

function quotient(left: Type, right: Type): Type | undefined {
  if (isNumeric(left) && (isNumeric(right) || right.kind === 'Percent')) return T.Number;
  if (left.kind === 'Money' && (isNumeric(right) || right.kind === 'Percent')) return left;
  if (left.kind === 'Money' && right.kind === 'Money') return T.Percent;
  if (left.kind === 'Percent' && isNumeric(right)) return T.Percent;
  if (left.kind === 'Percent' && right.kind === 'Percent') return T.Number;
  return undefined;
}

function verb(op: ArithmeticOp): string {
  return op === '+' ? 'add' : op === '-' ? 'subtract' : op === '*' ? 'multiply' : 'divide';
}

function arithmeticMessage(op: ArithmeticOp, left: Type, right: Type): string {
  const l = formatType(left);
  const r = formatType(right);
  if (op === '+' || op === '-') {
    const what = op === '+' ? `Cannot add ${r} to ${l}` : `Cannot subtract ${r} from ${l}`;
    if (left.kind === 'Money' && right.kind === 'Percent') {
      return op === '+'
        ? `${what}: to raise an amount by a percentage, multiply, for example amount * 110%`
        : `${what}: to lower an amount by a percentage, multiply, for example amount * 90%`;
    }
    if ((left.kind === 'Money' && isNumeric(right)) || (right.kind === 'Money' && isNumeric(left))) {
      return `${what}: write the number as money, for example 500 USD`;
    }
    if ((left.kind === 'Percent' && isNumeric(right)) || (right.kind === 'Percent' && isNumeric(left))) {
      return `${what}: write the number as a percentage, for example 10%`;
    }
    return `${what}: both sides must have the same unit`;
  }
  if (op === '*') return `Cannot multiply ${l} by ${r}`;
  if (right.kind === 'Money') return `Cannot divide ${l} by ${r}: only money can be divided by money`;
  return `Cannot divide ${l} by ${r}`;
}

/** Whether two types can be compared with `=`/`!=` (`equality`) or also ordered with `<` etc. */
export function comparison(op: ComparisonOp, left: Type, right: Type): OpResult {
  if (left.kind === 'Unknown' || right.kind === 'Unknown') return ok(T.Boolean);
  if (left.kind === 'Money' && right.kind === 'Money' && currenciesDiffer(left, right)) {
    return {
      ok: false,
      code: 'AT3002',
      message: `Cannot compare ${formatType(left)} with ${formatType(right)}: convert one to the other's currency first, for example convert(amount, ${right.currency})`,
    };
  }
  if (!comparable(left, right)) {
    return {
      ok: false,
      code: 'AT3001',
      message: `Cannot compare ${formatType(left)} with ${formatType(right)}${comparisonHint(left, right)}`,
    };
  }
  if (op !== '=' && op !== '!=' && !isOrdered(left)) {
    return {
      ok: false,
      code: 'AT3003',
      message: `${formatType(left)} values have no order: use = or != to compare them`,
    };
  }
  return ok(T.Boolean);
}

/** How to fix a comparison of a percentage or an amount with a bare number, on either side. */
function comparisonHint(left: Type, right: Type): string {
  const units = [left, right];
  if (!units.some(isNumeric)) return '';
  if (units.some((t) => t.kind === 'Percent')) {
    return ': write the number as a percentage, for example 50% rather than 0.5';
  }
  if (units.some((t) => t.kind === 'Money')) return ': write the number as money, for example 500 USD';
  return '';
}

/** True when values of the two types can be compared with each other. */
export function comparable(left: Type, right: Type): boolean {
  if (left.kind === 'Unknown' || right.kind === 'Unknown') return true;
  if (isNumeric(left) && isNumeric(right)) return true;
  if (left.kind !== right.kind) return false;
  if (left.kind === 'List' || left.kind === 'Record') return false;
  return !(left.kind === 'Money' && right.kind === 'Money' && currenciesDiffer(left, right));
}

/** `and` / `or`: both sides must be true/false. Reports the first side that is not. */
export function logical(op: 'and' | 'or', left: Type, right: Type): OpResult {
  for (const side of [left, right]) {
    if (side.kind !== 'Boolean' && side.kind !== 'Unknown') {
      return {
        ok: false,
        code: 'AT3004',
        message: `Both sides of \`${op}\` must be true/false, not ${formatType(side)}`,
      };
    }
  }
  return ok(T.Boolean);
}

/** Applies any binary operator. */
export function binary(op: BinaryOp, left: Type, right: Type): OpResult {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(op, left, right);
    case 'and':
    case 'or':
      return logical(op, left, right);
    default:
      return comparison(op, left, right);
  }
}

/** Unary minus keeps the type of a quantity. */
export function negate(operand: Type): OpResult {
  if (
    operand.kind === 'Unknown' ||
    isNumeric(operand) ||
    operand.kind === 'Money' ||
    operand.kind === 'Percent'
  ) {
    return ok(operand);
  }
  return { ok: false, code: 'AT3003', message: `Cannot negate ${formatType(operand)}` };
}
