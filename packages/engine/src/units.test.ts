import type { Rounding } from '@attain/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDec, Dec, decOf, decText, sumOf } from './decimal.js';
import { fixed, roundTo } from './round/round.js';
import { decimalsOf, fixedUnitsText, rescale, roundUnits, unitsOf, unitsText } from './units.js';

const modes = ['half-up', 'half-even', 'down', 'up'] as const;

/** Decimal text with up to `maxScale` places and up to 18 digits in all (some beyond the safe range). */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 999_999_999_999_999_999n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, digits, scale]) => {
    const text = digits.toString().padStart(scale + 1, '0');
    const whole = text.slice(0, text.length - scale);
    const fraction = text.slice(text.length - scale);
    return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
  });

describe('units', () => {
  it('reads decimals as unit counts (hand-checked)', () => {
    expect(unitsOf(new Dec('1200.5'), 2)).toBe(120050);
    expect(unitsOf(new Dec('1200.5'), 1)).toBe(12005);
    expect(unitsOf(new Dec('1200.5'), 0)).toBeUndefined();
    expect(unitsOf(new Dec('-0.125'), 3)).toBe(-125);
    expect(unitsOf(new Dec('12345678.1234567'), 7)).toBe(123456781234567);
    expect(unitsOf(new Dec('0'), 4)).toBe(0);
    expect(unitsOf(new Dec('9007199254740991'), 0)).toBe(9007199254740991);
    expect(unitsOf(new Dec('9007199254740992'), 0)).toBeUndefined();
    expect(unitsOf(new Dec('1e30'), 0)).toBeUndefined();
    expect(unitsOf(new Dec('1e-30'), 15)).toBeUndefined();
    expect(unitsOf(new Dec('1').div(3), 15)).toBeUndefined();
  });

  it('knows the decimal places of a decimal', () => {
    expect(decimalsOf(new Dec('1200'))).toBe(0);
    expect(decimalsOf(new Dec('1200.50'))).toBe(1);
    expect(decimalsOf(new Dec('0.125'))).toBe(3);
    expect(decimalsOf(new Dec('-4.0000001'))).toBe(7);
    expect(decimalsOf(new Dec('0'))).toBe(0);
    expect(decimalsOf(new Dec('1').div(3))).toBeUndefined();
  });

  it('prints units as decimal.js prints the same decimal', () => {
    expect(unitsText(120050, 2)).toBe('1200.5');
    expect(unitsText(-5, 3)).toBe('-0.005');
    expect(unitsText(0, 2)).toBe('0');
    expect(fixedUnitsText(120050, 2)).toBe('1200.50');
    expect(fixedUnitsText(-5, 3)).toBe('-0.005');
    expect(fixedUnitsText(0, 2)).toBe('0.00');
    expect(fixedUnitsText(7, 0)).toBe('7');
  });

  it('rounds like the engine rounds decimals (hand-checked ties)', () => {
    expect(roundUnits(1005, 3, 2, 'half-up')).toBe(101);
    expect(roundUnits(-1005, 3, 2, 'half-up')).toBe(-101);
    expect(roundUnits(1005, 3, 2, 'half-even')).toBe(100);
    expect(roundUnits(1015, 3, 2, 'half-even')).toBe(102);
    expect(roundUnits(1009, 3, 2, 'down')).toBe(100);
    expect(roundUnits(-1001, 3, 2, 'up')).toBe(-101);
    expect(roundUnits(12, 0, 2, 'up')).toBe(1200);
    expect(roundUnits(9007199254740991, 0, 2, 'up')).toBeUndefined();
  });

  it('reading, printing and rounding agree with decimal.js on any decimal', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...modes),
        (text, s, mode) => {
          const value = new Dec(text);
          const scale = decimalsOf(value);
          const units = unitsOf(value, s);
          const exact = value.times(new Dec(10).pow(s));
          if (exact.isInteger() && exact.abs().lte(Number.MAX_SAFE_INTEGER)) {
            expect(units).toBe(exact.toNumber() + 0);
            expect(unitsText(units as number, s)).toBe(value.isZero() ? '0' : value.toString());
            expect(decText(value)).toBe(value.isZero() ? '0' : value.toString());
            expect(decOf(units as number, s).eq(value)).toBe(true);
            for (const decimals of [0, 1, 2, 4]) {
              const rounded = roundUnits(units as number, s, decimals, mode as Rounding['mode']);
              const expected = roundTo(value, decimals, mode as Rounding['mode']);
              expect(fixed(value, decimals)).toBe(value.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1'));
              if (rounded === undefined)
                expect(
                  expected
                    .times(10 ** decimals)
                    .abs()
                    .gt(2 ** 53 - 1),
                ).toBe(true);
              else
                expect(fixedUnitsText(rounded, decimals)).toBe(
                  expected.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1'),
                );
            }
          } else expect(units).toBeUndefined();
          const fits = (k: number) => value.times(new Dec(10).pow(k)).abs().lte(Number.MAX_SAFE_INTEGER);
          if (scale !== undefined && fits(scale)) expect(unitsOf(value, scale)).toBeDefined();
          if (scale !== undefined && scale > 0 && !value.isZero()) {
            // One place fewer is not a whole number of units.
            expect(unitsOf(value, scale - 1)).toBeUndefined();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sums exactly like a decimal.js loop, on units or past them', () => {
    expect(sumOf([new Dec('0.1'), new Dec('0.2')]).toString()).toBe('0.3');
    expect(sumOf([new Dec('9007199254740991'), new Dec('1'), new Dec('0.5')]).toString()).toBe(
      '9007199254740992.5',
    );
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 20 }), (texts) => {
        const values = texts.map((t) => new Dec(t));
        let expected = new Dec(0);
        for (const v of values) expected = expected.plus(v);
        expect(decText(sumOf(values))).toBe(decText(expected));
      }),
    );
  });

  it('compares decimals as decimal.js does, without copying them', () => {
    const any = fc.oneof(
      decimalText,
      fc.constantFrom('0', '-0', '1e-40', '-1e40', '12345678.9', '12345679', '0.0000001'),
    );
    fc.assert(
      fc.property(any, any, (x, y) => {
        const a = new Dec(x);
        const b = new Dec(y);
        expect(compareDec(a, b)).toBe(a.comparedTo(b));
        expect(compareDec(a, a)).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('rescales exactly or not at all', () => {
    expect(rescale(123, 2, 4)).toBe(12300);
    expect(rescale(2 ** 52, 0, 2)).toBeUndefined();
  });
});
