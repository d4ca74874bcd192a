import { describe, expect, it } from 'vitest';
import { formatType, isAssignable, join, list, money, record, sameType, T } from './types.js';

describe('formatType', () => {
  it('writes types the way a plan writes them', () => {
    expect(formatType(money('USD'))).toBe('Money (USD)');
    expect(formatType(money(undefined))).toBe('Money');
    expect(formatType(T.Percent)).toBe('Percent');
    expect(formatType(list(record('deals')))).toBe('list of deals');
    expect(formatType(list(money('EUR')))).toBe('list of Money (EUR)');
    expect(formatType(record('deals'))).toBe('record of deals');
    expect(formatType(T.Unknown)).toBe('unknown');
  });
});

describe('compatibility', () => {
  it('lets an Integer stand for a Number, not the reverse', () => {
    expect(isAssignable(T.Integer, T.Number)).toBe(true);
    expect(isAssignable(T.Number, T.Integer)).toBe(false);
  });

  it('keeps currencies apart, except an unknown one', () => {
    expect(isAssignable(money('USD'), money('EUR'))).toBe(false);
    expect(isAssignable(money(undefined), money('EUR'))).toBe(true);
    expect(sameType(money('USD'), money('USD'))).toBe(true);
  });

  it('lets Unknown fit everywhere', () => {
    expect(isAssignable(T.Unknown, T.Date)).toBe(true);
    expect(isAssignable(T.Text, T.Unknown)).toBe(true);
  });

  it('joins Integer and Number to Number and refuses different units', () => {
    expect(join(T.Integer, T.Number)).toEqual(T.Number);
    expect(join(T.Integer, T.Integer)).toEqual(T.Integer);
    expect(join(money('USD'), money('USD'))).toEqual(money('USD'));
    expect(join(money('USD'), money('EUR'))).toBeUndefined();
    expect(join(T.Percent, T.Number)).toBeUndefined();
    expect(join(T.Unknown, T.Text)).toEqual(T.Text);
  });
});
