import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, formatAmount, formatPercent, groupDigits, isZero, sumDecimals } from './numbers.js';

describe('formatAmount', () => {
  it.each([
    ['4700', '4,700.00'],
    ['1234567.891', '1,234,567.891'],
    ['-1234.5', '-1,234.50'],
    ['0.005', '0.005'],
    ['3.33335', '3.33335'],
    ['23595.505617977528089887640449', '23,595.505618'],
    ['-0.0000004', '0.000000'],
    ['999.9999995', '1,000.000000'],
    ['1e3', '1,000.00'],
    ['1.5E-7', '0.000000'],
    ['0', '0.00'],
  ])('shows %s as %s', (text, shown) => {
    expect(formatAmount(text)).toBe(shown);
  });

  it('rounds half away from zero to the decimals asked for and leaves text that is not a number alone', () => {
    expect(formatAmount('1234.5', 0, 0)).toBe('1,235');
    expect(formatAmount('12.3456', 3, 3)).toBe('12.346');
    expect(formatAmount('-0.005', 2, 2)).toBe('-0.01');
    expect(formatAmount('-0.004', 2, 2)).toBe('0.00');
    expect(formatAmount('999.995', 2, 2)).toBe('1,000.00');
    expect(formatAmount('n/a')).toBe('n/a');
  });
});

describe('formatPercent', () => {
  it.each([
    ['1.225', '122.5%'],
    ['1', '100%'],
    ['0.83333333333333333333', '83.3%'],
    ['0.12', '12%'],
    ['0.99999', '100%'],
    ['12.5', '1,250%'],
    ['-0.25', '-25%'],
  ])('shows the ratio %s as %s', (ratio, shown) => {
    expect(formatPercent(ratio)).toBe(shown);
  });
});

describe('sums and comparisons', () => {
  it('adds decimal strings exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['4700.00', '-435.84', '250'])).toBe('4514.16');
    expect(sumDecimals([])).toBe('0');
    expect(() => sumDecimals(['x'])).toThrow(RangeError);
  });

  it('compares decimal strings', () => {
    expect(compareDecimals('10.00', '9.99')).toBe(1);
    expect(compareDecimals('-1', '0')).toBe(-1);
    expect(compareDecimals('2.50', '2.5')).toBe(0);
    expect(isZero('-0.00')).toBe(true);
    expect(isZero('0.01')).toBe(false);
  });

  it('sums of cent amounts equal the sum of their integers', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })), (cents) => {
        const texts = cents.map(
          (c) =>
            `${c < 0n ? '-' : ''}${(c < 0n ? -c : c)
              .toString()
              .padStart(3, '0')
              .replace(/(\d{2})$/, '.$1')}`,
        );
        const total = cents.reduce((a, b) => a + b, 0n);
        expect(formatAmount(sumDecimals(texts)).replaceAll(',', '')).toBe(
          `${total < 0n ? '-' : ''}${(total < 0n ? -total : total)
            .toString()
            .padStart(3, '0')
            .replace(/(\d{2})$/, '.$1')}`,
        );
      }),
    );
  });

  it('groups digits in threes', () => {
    expect(groupDigits('1000000')).toBe('1,000,000');
    expect(groupDigits('-12345.678')).toBe('-12,345.678');
    expect(groupDigits('999')).toBe('999');
  });
});
