import { describe, expect, test } from 'vitest';
import type { NumberLit } from '../syntax/ast.js';
import { numberText, quoteText } from './literals.js';

function numberAt(written: string, value: string): { lit: NumberLit; text: string } {
  const at = { line: 0, character: 0, offset: 0 };
  const end = { line: 0, character: written.length, offset: written.length };
  return {
    lit: { kind: 'Number', value, integer: !value.includes('.'), range: { start: at, end } },
    text: written,
  };
}

describe('numbers', () => {
  test.each([
    ['250000', '250000', '250000'],
    ['250_000', '250000', '250_000'],
    ['25_0000', '250000', '250_000'],
    ['1_000_000.5', '1000000.5', '1_000_000.5'],
    ['1_0.0_5', '10.05', '10.05'],
    ['1.50', '1.5', '1.50'],
    ['007', '7', '007'],
  ])('%s is printed as %s', (written, value, printed) => {
    const { lit, text } = numberAt(written, value);
    expect(numberText(lit, text)).toBe(printed);
  });

  test('a value that does not match the source text is printed from the tree', () => {
    const { lit } = numberAt('12', '13');
    expect(numberText(lit, '12')).toBe('13');
  });
});

describe('texts', () => {
  test('quotes, backslashes and new lines are escaped', () => {
    expect(quoteText('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
    expect(quoteText('plain')).toBe('"plain"');
  });
});
