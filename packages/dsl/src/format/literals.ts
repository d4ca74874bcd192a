/**
 * Canonical spelling of literals.
 *
 * Numbers keep the digits they were written with (`1.50` stays `1.50`). Digit separators are
 * normalised: a number written with `_` in its whole part is regrouped in thousands
 * (`25000_0` becomes `250_000`), a number written without is left without, and separators in the
 * decimals are removed. Money is printed as `<number> <CURRENCY>`; text is re-escaped with `\"`,
 * `\\` and `\n`.
 */
import type { MoneyLit, NumberLit, PercentLit } from '../syntax/ast.js';

const plainNumber = /^\d+(?:\.\d+)?$/;

/** The digits of a number as written in `text` at the literal's range (without unit). */
function writtenDigits(lit: NumberLit | PercentLit | MoneyLit, text: string): string {
  const written = text.slice(lit.range.start.offset, lit.range.end.offset);
  const digits = /^[\d_]+(?:\.[\d_]+)?/.exec(written)?.[0] ?? '';
  const plain = digits.replaceAll('_', '');
  if (!plainNumber.test(plain) || !sameNumber(plain, lit.value)) return lit.value;
  if (!digits.includes('_')) return plain;
  const [whole = '', fraction] = digits.split('.');
  if (!whole.includes('_')) return plain;
  const grouped = groupThousands(whole.replaceAll('_', ''));
  return fraction === undefined ? grouped : `${grouped}.${fraction.replaceAll('_', '')}`;
}

/** True when two decimal strings (without separators) spell the same digits, ignoring zeros at the ends. */
function sameNumber(a: string, b: string): boolean {
  const canonical = (s: string) => {
    const [whole = '', fraction = ''] = s.replaceAll('_', '').split('.');
    return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.replace(/0+$/, '')}`;
  };
  return canonical(a) === canonical(b);
}

function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join('_');
}

/** A number literal. */
export function numberText(lit: NumberLit, text: string): string {
  return writtenDigits(lit, text);
}

/** A percent literal, `12%`. */
export function percentText(lit: PercentLit, text: string): string {
  return `${writtenDigits(lit, text)}%`;
}

/** The amount of a money literal, without its currency. */
export function moneyAmountText(lit: MoneyLit, text: string): string {
  return writtenDigits(lit, text);
}

/** A text literal with quotes and escapes. */
export function quoteText(value: string): string {
  return `"${value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`;
}
