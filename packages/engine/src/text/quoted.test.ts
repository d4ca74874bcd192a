import { describe, expect, it } from 'vitest';
import { quote, quoteAny, textOf } from './quoted.js';

describe('quoteAny', () => {
  it('quotes a text, and cuts a long one to 100 characters with its length', () => {
    expect(quoteAny('12O0')).toBe('"12O0"');
    expect(quoteAny('a'.repeat(100))).toBe(`"${'a'.repeat(100)}"`);
    expect(quoteAny(`${'b'.repeat(100)}"\n${'c'.repeat(3898)}`)).toBe(
      `"${'b'.repeat(100)}…" (4,000 characters)`,
    );
    expect(quoteAny(`${'d'.repeat(99)}"tail`)).toBe(`"${'d'.repeat(99)}\\"…" (104 characters)`);
  });

  it('writes out the invisible characters of a text, which JSON leaves as they are', () => {
    // A zero-width space, a non-breaking space (a thousands separator of some locales) and DEL.
    expect(quoteAny('12\u200b00')).toBe('"12\\u200B00"');
    expect(quoteAny('1\u00a0200')).toBe('"1\\u00A0200"');
    expect(quoteAny('x\u007f\ty')).toBe('"x\\u007F\\ty"');
    expect(quoteAny(`${'e'.repeat(99)}\u202e${'f'.repeat(10)}`)).toBe(
      `"${'e'.repeat(99)}\\u202E…" (110 characters)`,
    );
  });

  it('names what JSON cannot hold', () => {
    expect([quoteAny(10n), quoteAny(Symbol('s')), quoteAny(() => 1), quoteAny([1]), quoteAny({})]).toEqual([
      '10n (a BigInt)',
      'a symbol',
      'a function',
      'a list',
      'an object',
    ]);
    expect([quoteAny(Number.NaN), quoteAny(null), quoteAny(undefined), quoteAny(false)]).toEqual([
      'NaN',
      'null',
      'undefined',
      'false',
    ]);
  });
});

describe('quote', () => {
  it('says a value that is not there is missing, and quotes any other as quoteAny', () => {
    expect([quote(undefined), quote(null), quote('x'), quote(7)]).toEqual(['missing', 'null', '"x"', '7']);
  });
});

describe('textOf', () => {
  it('is String(raw), never throwing', () => {
    const throwing = {
      toString() {
        throw new Error('no');
      },
    };
    expect([textOf('a'), textOf(7), textOf(null), textOf(Object.create(null)), textOf(throwing)]).toEqual([
      'a',
      '7',
      'null',
      '[object Object]',
      '[object Object]',
    ]);
  });
});
