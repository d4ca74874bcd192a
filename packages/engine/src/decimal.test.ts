import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decOf, decOfPlain, ZERO } from './decimal.js';
import { unitsText } from './units.js';

/** The representation decimal.js gives a value: sign, exponent and digit words. */
const parts = (d: Dec) => ({ s: d.s, e: d.e, d: [...d.d] });

describe('decOfPlain', () => {
  it('gives the words decimal.js gives (hand-checked layouts)', () => {
    // 123.45: the first word covers the units to hundreds, the second the seven places after the point.
    expect(parts(decOfPlain('123.45'))).toEqual({ s: 1, e: 2, d: [123, 4500000] });
    // 0.05: exponent -2; its word covers the first seven places after the point.
    expect(parts(decOfPlain('0.05'))).toEqual({ s: 1, e: -2, d: [500000] });
    // 12345678: eight digits, the first word holds the one above the seven lowest places.
    expect(parts(decOfPlain('12345678'))).toEqual({ s: 1, e: 7, d: [1, 2345678] });
    expect(parts(decOfPlain('-1200.50'))).toEqual({ s: -1, e: 3, d: [1200, 5000000] });
    expect(parts(decOfPlain('+7'))).toEqual({ s: 1, e: 0, d: [7] });
    expect(parts(decOfPlain('-0.00'))).toEqual(parts(new Dec('-0.00')));
    expect(parts(decOfPlain('000.000'))).toEqual(parts(new Dec('0')));
  });

  it('is new Dec(text) for every plain decimal text', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const plain = fc
      .tuple(fc.constantFrom('', '-', '+'), digits(1, 20), fc.option(digits(1, 20)))
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(plain, (text) => {
        const made = decOfPlain(text);
        const parsed = new Dec(text);
        expect(parts(made)).toEqual(parts(parsed));
        // The same own properties, in the same order, and the same clone of decimal.js.
        expect(Object.keys(made)).toEqual(Object.keys(parsed));
        expect(made).toBeInstanceOf(Dec);
        expect(made.constructor).toBe(Dec);
        expect(made.eq(parsed)).toBe(true);
        expect(made.toString()).toBe(parsed.toString());
        // Arithmetic on it is decimal.js's: the instance is a full decimal.
        expect(made.times('1.5').plus(1).toString()).toBe(parsed.times('1.5').plus(1).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves text of any other shape to decimal.js', () => {
    // decimal.js reads these (an exponent, a point without digits on one side) as it always does.
    for (const text of ['1e5', '-2.5E-3', '.5', '5.', '-.25'])
      expect(parts(decOfPlain(text))).toEqual(parts(new Dec(text)));
    // And refuses these as it always does.
    for (const text of ['1.2.3', '', '-', '1 000', '12a', '+-1'])
      expect(() => decOfPlain(text)).toThrow(/DecimalError/);
  });
});

describe('decOf', () => {
  it('gives the words decimal.js gives (hand-checked layouts)', () => {
    // 12345 units of 0.01 = 123.45: as decOfPlain('123.45').
    expect(parts(decOf(12345, 2))).toEqual({ s: 1, e: 2, d: [123, 4500000] });
    // 5 units of 0.01 = 0.05.
    expect(parts(decOf(5, 2))).toEqual({ s: 1, e: -2, d: [500000] });
    // 12345678 units: eight digits over two words.
    expect(parts(decOf(12345678, 0))).toEqual({ s: 1, e: 7, d: [1, 2345678] });
    // -120050 units of 0.01 = -1200.5 (the trailing zero is not a digit of the decimal).
    expect(parts(decOf(-120050, 2))).toEqual({ s: -1, e: 3, d: [1200, 5000000] });
    // 1200 units of 1 = 1200, one word.
    expect(parts(decOf(1200, 0))).toEqual({ s: 1, e: 3, d: [1200] });
    expect(decOf(0, 4)).toBe(ZERO);
  });

  it('is new Dec(unitsText(units, scale)) for every safe integer and scale', () => {
    const units = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.maxSafeInteger().map((n) => n),
      fc.integer({ min: 0, max: 15 }).chain((k) => fc.constantFrom(10 ** k, -(10 ** k), 10 ** k + 1)),
    );
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 30 }), (u, scale) => {
        const made = decOf(u, scale);
        const parsed = new Dec(unitsText(u, scale));
        expect(parts(made)).toEqual(parts(parsed));
        expect(Object.keys(made)).toEqual(Object.keys(parsed));
        expect(made.constructor).toBe(Dec);
        expect(made.toString()).toBe(parsed.toString());
      }),
      { numRuns: 2000 },
    );
  });
});
