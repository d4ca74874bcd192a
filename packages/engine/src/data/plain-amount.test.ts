import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { amountOf, plainAmount } from './plain-amount.js';
import { readMoney } from './values.js';

/** The decimal.js representation of a decimal. */
const parts = (d: Dec) => ({ s: d.s, e: d.e, d: [...d.d] });

describe('plainAmount', () => {
  it('packs units and scale into one integer (hand-checked)', () => {
    // 1200.50: 120050 units of 0.01 → 120050 × 32 + 2.
    expect(plainAmount('1200.50')).toBe(120050 * 32 + 2);
    // -3: -3 units of 1 → -96.
    expect(plainAmount('-3')).toBe(-96);
    // +0.125 with blanks around it: 125 units of 0.001 → 4003.
    expect(plainAmount(' +0.125\t')).toBe(125 * 32 + 3);
    // 007.5: leading zeros do not count → 75 × 32 + 1.
    expect(plainAmount('007.5')).toBe(75 * 32 + 1);
  });

  it('keeps the text of a zero and of an amount too large to pack', () => {
    // Zero keeps its sign in decimal.js ("-0.00"), so it is made from its text.
    expect(plainAmount('-0.00')).toBe('-0.00');
    // 33,554,432 units (2^25) is one more than a packed amount holds.
    expect(plainAmount('335544.32')).toBe('335544.32');
    expect(plainAmount('335544.31')).toBe(33554431 * 32 + 2);
    expect(plainAmount(' 123456789012.345 ')).toBe('123456789012.345');
  });

  it('is undefined for what is not a plain decimal', () => {
    for (const text of ['', ' ', '5.', '.5', '+', '-', '1e3', '1,200', '1200 EUR', '12.3.4', '0x10', '١٢'])
      expect(plainAmount(text)).toBeUndefined();
    // More than 20 digits on one side.
    expect(plainAmount('1'.repeat(21))).toBeUndefined();
    expect(plainAmount(`0.${'1'.repeat(21)}`)).toBeUndefined();
    expect(plainAmount('1'.repeat(20))).toBe('1'.repeat(20));
  });

  it('reads any text as the full read does: the same decimal when plain', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const plain = fc
      .tuple(
        fc.constantFrom('', ' ', '\u00a0'),
        fc.constantFrom('', '-', '+'),
        digits(1, 22),
        fc.option(digits(0, 22)),
        fc.constantFrom('', ' ', '\n'),
      )
      .map(
        ([pre, sign, whole, fraction, post]) =>
          `${pre}${sign}${whole}${fraction === null ? '' : `.${fraction}`}${post}`,
      );
    fc.assert(
      fc.property(fc.oneof(plain, fc.string({ maxLength: 8 })), (text) => {
        const read = plainAmount(text);
        const expected = /^[+-]?\d{1,20}(?:\.\d{1,20})?$/.test(text.trim());
        expect(read !== undefined).toBe(expected);
        if (read === undefined) return;
        const full = readMoney(text);
        if (!('amount' in full)) throw new Error(`${JSON.stringify(text)} is plain but not read`);
        const made = amountOf(read);
        expect(parts(made)).toEqual(parts(full.amount));
        expect(made.constructor).toBe(Dec);
      }),
      { numRuns: 2000 },
    );
  });
});
