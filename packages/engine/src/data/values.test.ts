import type { Type } from '@attain/dsl';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { Bad, isMissing, memoized, readDecimal, readerFor, readMoney, trimmed } from './values.js';

const digits = fc.stringMatching(/^[0-9]{1,20}$/);

describe('readDecimal', () => {
  // Plain decimals take a fast path; it must read exactly what decimal.js reads.
  test.prop([fc.constantFrom('', '-', '+'), digits, fc.option(digits), fc.constantFrom('', ' ', '\t')])(
    'reads a plain decimal exactly',
    (sign, whole, fraction, space) => {
      const text = `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`;
      const value = readDecimal(`${space}${text}${space}`);
      expect(value?.eq(new Dec(text))).toBe(true);
      expect(value?.toString()).toBe(new Dec(text).toString());
    },
  );

  it('still reads exponents, and refuses what is not a usable number', () => {
    expect(readDecimal('1e3')?.toString()).toBe('1000');
    expect(readDecimal('.5')?.toString()).toBe('0.5');
    expect(readDecimal('5.')?.toString()).toBe('5');
    expect(readDecimal('1e99999999999999999')).toBeUndefined();
    // An exponent below decimal.js's range would read as zero: refused, while a written zero is read.
    expect(readDecimal('1e-99999999999999999')).toBeUndefined();
    expect(readDecimal('0e5')?.toString()).toBe('0');
    expect(readDecimal('-0.000')?.isZero()).toBe(true);
    expect(readDecimal('1,200.50')).toBeUndefined();
    // Beyond 10^±30 or 50 significant digits: refused (printing 1e600000000 in full would not fit in memory).
    expect(readDecimal('1e600000000')).toBeUndefined();
    expect(readDecimal('-1e-600000000')).toBeUndefined();
    expect(readDecimal('1e30')?.toFixed()).toBe(`1${'0'.repeat(30)}`);
    expect(readDecimal('1e31')).toBeUndefined();
    expect(readDecimal('2.5e-30')?.toString()).toBe(`0.${'0'.repeat(29)}25`);
    expect(readDecimal('1e-31')).toBeUndefined();
    expect(readDecimal(1e300)).toBeUndefined();
    expect(readDecimal(`0.${'1'.repeat(50)}e1`)?.toString()).toBe('1'.repeat(50).replace(/^1/, '1.'));
    expect(readDecimal(`0.${'1'.repeat(51)}e1`)).toBeUndefined();
    expect(readDecimal('12 USD')).toBeUndefined();
    expect(readDecimal('')).toBeUndefined();
  });
});

describe('reading amounts and numbers beyond range', () => {
  it('says an amount or a number is too large or too fine, not that it is no number', () => {
    const beyond =
      'is beyond the numbers a plan reads (below 10^31 and, other than zero, at least 10^-30 in size, with at most 50 significant digits)';
    expect(readMoney(1.2e32)).toEqual(new Bad('bad-number', beyond));
    expect(readMoney('1e31')).toEqual(new Bad('bad-number', beyond));
    // The bounds as the message says them: 9.99...e30 is below 10^31, 1e-30 is at least 10^-30.
    expect(readMoney(`9${'9'.repeat(30)}`)).toEqual({ amount: new Dec(`9${'9'.repeat(30)}`) });
    expect(readMoney('1e-30')).toEqual({ amount: new Dec('1e-30') });
    expect(readMoney('9e-31')).toEqual(new Bad('bad-number', beyond));
    expect(readMoney(' 1e-40 ')).toEqual(new Bad('bad-number', beyond));
    expect(readMoney('12O0')).toEqual(
      new Bad('bad-number', 'is not an amount (write it like 1200.50 or 1200.50 EUR)'),
    );
    expect(readMoney('1e31 EUR')).toEqual(
      new Bad('bad-number', 'is not an amount (write it like 1200.50 or 1200.50 EUR)'),
    );
    const number = readerFor({ kind: 'Number' } as Type, undefined as unknown as FiscalCalendar);
    expect(number(1e300)).toEqual(new Bad('bad-number', beyond));
    expect(number('x')).toEqual(new Bad('bad-number', 'is not a number'));
  });
});

describe('trimmed', () => {
  const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '');
  test.prop([space, fc.string({ maxLength: 6, unit: 'binary' }), space])(
    'is the trimmed text, the same string when there is nothing to trim',
    (before, text, after) => {
      const raw = `${before}${text}${after}`;
      expect(trimmed(raw)).toBe(raw.trim());
    },
  );
});

describe('isMissing', () => {
  // The fast path for printable ASCII ends must agree with trimming, Unicode spaces included.
  const space = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\u3000', '');
  test.prop([space, fc.string({ maxLength: 4, unit: 'binary' }), space])(
    'is true exactly for null, undefined and blank text',
    (before, middle, after) => {
      const text = `${before}${middle}${after}`;
      expect(isMissing(text)).toBe(text.trim() === '');
    },
  );
  it('reads numbers and booleans as present', () => {
    expect([null, undefined, '', ' ', '\u00a0'].map(isMissing)).toEqual([true, true, true, true, true]);
    expect([0, false, 'x', ' x', '0'].map(isMissing)).toEqual([false, false, false, false, false]);
  });
});

describe('memoized readers', () => {
  const read = (raw: string | number | boolean) => readDecimal(raw) ?? null;

  it('share the value of a repeated text, and read every text right', () => {
    let calls = 0;
    const memo = memoized((raw) => {
      calls++;
      return read(raw);
    });
    const first = memo('12.50');
    expect(memo('12.50')).toBe(first);
    expect(calls).toBe(1);
    expect(String(memo(' 7 '))).toBe('7');
  });

  it('stop remembering a column of distinct texts, and still read each one', () => {
    let calls = 0;
    const memo = memoized((raw) => {
      calls++;
      return read(raw);
    });
    for (let i = 0; i < 40_000; i++) expect(String(memo(String(i)))).toBe(String(i));
    const before = calls;
    memo('1');
    memo('1');
    // No longer remembered: each read calls the reader.
    expect(calls - before).toBe(2);
  });
});
