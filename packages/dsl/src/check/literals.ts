/**
 * Literal values: what a number, percentage or amount written in the plan is worth, for the checks
 * the text alone decides (a negative cap, a cap below its floor, a division by zero), and the
 * limits within which the engine keeps a literal exactly (AT3306).
 */
import type { Expr, File, MoneyLit, NumberLit, PercentLit } from '../syntax/ast.js';
import { type CheckContext, report } from './context.js';
import { type Decimal, toDecimal } from './decimal.js';

/** A literal's value with its unit: `'number'`, `'percent'` (the written value) or the currency code. */
export interface LiteralValue {
  value: Decimal;
  unit: string;
}

/**
 * The value of a number, percentage or amount literal, possibly in parentheses or negated
 * (`-5 USD`, `(10%)`); undefined for any other expression.
 */
export function literalValue(expr: Expr | undefined): LiteralValue | undefined {
  let e = expr;
  let negative = false;
  while (e !== undefined && (e.kind === 'Paren' || (e.kind === 'Unary' && e.op === '-'))) {
    if (e.kind === 'Unary') negative = !negative;
    e = e.kind === 'Paren' ? e.inner : e.operand;
  }
  if (e === undefined || (e.kind !== 'Number' && e.kind !== 'Percent' && e.kind !== 'Money'))
    return undefined;
  const value = toDecimal(e.value);
  if (value === undefined) return undefined;
  return { value: negative ? value.neg() : value, unit: unitOf(e) };
}

/** The unit of a numeric literal: `number`, `percent` or its currency. */
function unitOf(literal: NumericLiteral): string {
  return literal.kind === 'Number'
    ? 'number'
    : literal.kind === 'Percent'
      ? 'percent'
      : literal.currency.text;
}

/** True when two literals can be ordered: the same unit, or one is a plain zero (which fits any unit). */
export function comparable(a: LiteralValue, b: LiteralValue): boolean {
  const zero = (l: LiteralValue) => l.unit === 'number' && l.value.isZero();
  return a.unit === b.unit || zero(a) || zero(b);
}

/** True when literal `a` lies above literal `b`, both being of one unit (the check of every reversed pair of limits). */
export function isAbove(a: LiteralValue | undefined, b: LiteralValue | undefined): boolean {
  return a !== undefined && b !== undefined && comparable(a, b) && a.value.gt(b.value);
}

/** A literal value as a comp admin writes it: `-5 USD`, `50%`, `3`. */
export function formatLiteral(literal: LiteralValue): string {
  const digits = literal.value.toFixed();
  if (literal.unit === 'number') return digits;
  return literal.unit === 'percent' ? `${digits}%` : `${digits} ${literal.unit}`;
}

/** Significant digits the engine keeps (its decimal precision). */
export const PRECISION = 50;
/**
 * The largest power of ten a number may reach either way, as for numbers read from data: a plan
 * and its data are held to the same range.
 */
export const MAX_EXPONENT = 30;

type NumericLiteral = NumberLit | PercentLit | MoneyLit;

/**
 * Reports (AT3306) every number, percentage and amount literal of the file the engine would not
 * keep exactly: more than {@link PRECISION} significant digits, or (other than zero) beyond
 * 10^±{@link MAX_EXPONENT}. A place already reported (a count too large, say) is not reported again.
 */
export function checkLiteralLimits(ctx: CheckContext, file: File): void {
  const reported = new Set([...ctx.reported, ...ctx.diagnostics.map((d) => d.range.start.offset)]);
  for (const literal of numericLiterals(file)) {
    if (reported.has(literal.range.start.offset)) continue;
    const problem = literalProblem(literal);
    if (problem !== undefined) report(ctx, 'AT3306', literal.range, problem);
  }
}

function literalProblem(literal: NumericLiteral): string | undefined {
  const written = toDecimal(literal.value);
  if (written === undefined || written.isZero()) return undefined;
  const text = formatLiteral({ value: written, unit: unitOf(literal) });
  // A percentage is used as a ratio: 12% is 0.12.
  const value = literal.kind === 'Percent' ? written.div(100) : written;
  if (written.sd() > PRECISION) {
    return `${text} has ${written.sd()} significant digits, but a plan calculates exactly with at most ${PRECISION}: shorten it`;
  }
  if (value.e > MAX_EXPONENT) {
    return `${text} is too large: a plan calculates with numbers below 10^${MAX_EXPONENT + 1}, as its data does`;
  }
  if (value.e < -MAX_EXPONENT) {
    return `${text} is too small: a plan calculates with numbers of at least 10^-${MAX_EXPONENT} (or zero), as its data does`;
  }
  return undefined;
}

/** Every number, percentage and amount literal of the file (an iterative walk of the tree). */
function numericLiterals(file: File): NumericLiteral[] {
  const found: NumericLiteral[] = [];
  const stack: unknown[] = [file.plan];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const kind = (node as { kind?: unknown }).kind;
    if (kind === 'Number' || kind === 'Percent' || kind === 'Money') {
      found.push(node as NumericLiteral);
      continue;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'range') stack.push(value);
  }
  return found.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
