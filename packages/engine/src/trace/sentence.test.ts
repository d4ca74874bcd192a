import { describe, expect, it } from 'vitest';
import { notANumber } from './sentence.js';

describe('notANumber', () => {
  it('quotes a value as data errors do, and never throws on what JavaScript can hold', () => {
    expect(notANumber('half')).toBe('"half" (not a number)');
    expect(notANumber('')).toBe('"" (not a number)');
    expect(notANumber(true)).toBe('true (not a number)');
    expect(notANumber(undefined)).toBe('missing');
    expect(notANumber('1\u200B000')).toBe('"1\\u200B000" (not a number)');
    // A bracket of the quoted value's own (a cut text's length, a BigInt) takes "not a number":
    // one bracket, never two. A text ending in a bracket is quoted, so it keeps its own.
    expect(notANumber(`${'9'.repeat(150)} USD`)).toBe(`"${'9'.repeat(100)}…" (154 characters, not a number)`);
    expect(notANumber('x'.repeat(2000))).toBe(`"${'x'.repeat(100)}…" (2,000 characters, not a number)`);
    expect(notANumber('(1,000)')).toBe('"(1,000)" (not a number)');
    // JSON.stringify threw on a BigInt and on a cycle, and wrote out an object in full.
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(notANumber(12n)).toBe('12n (a BigInt, not a number)');
    expect(notANumber(cycle)).toBe('an object (not a number)');
    expect(notANumber([1, 2])).toBe('a list (not a number)');
    expect(notANumber(Symbol('x'))).toBe('a symbol (not a number)');
  });
});
