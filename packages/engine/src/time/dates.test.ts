import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addMonths, civil, dayOf, formatDate, monthsBetween, notADate, parseDate } from './dates.js';

describe('day numbers', () => {
  it('start at 1970-01-01', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(parseDate('1970-01-02')).toBe(1);
    // 2026-01-01 is 56 years later with 14 leap days (1972..2024): 56 * 365 + 14 = 20454.
    expect(parseDate('2026-01-01')).toBe(20454);
  });
  it('reject dates that are not on the calendar', () => {
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('2024-02-29')).toBe(dayOf(2024, 2, 29));
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('2026-1-01')).toBeUndefined();
    expect(parseDate('01/02/2026')).toBeUndefined();
  });
  it('say why a value is not a date: how it is written, which day does not exist, or what it is', () => {
    expect(notADate('01/02/2026')).toBe('must be a date written YYYY-MM-DD, not "01/02/2026"');
    // A date that looks right but holds an invisible character shows it.
    expect(notADate('2026-01-01\u200b')).toBe('must be a date written YYYY-MM-DD, not "2026-01-01\\u200B"');
    expect(notADate('2026-04-31')).toBe(
      'is 2026-04-31, which is not a day of the calendar (April 2026 has 30 days)',
    );
    // No text (from JavaScript): named as data errors quote values, never read through String().
    expect([notADate(20260401), notADate(1n), notADate(Object.create(null))]).toEqual([
      'must be a date written YYYY-MM-DD, not 20260401',
      'must be a date written YYYY-MM-DD, not 1n (a BigInt)',
      'must be a date written YYYY-MM-DD, not an object',
    ]);
  });
  test.prop([fc.integer({ min: -200_000, max: 200_000 })])('format and parse round-trip', (day) => {
    expect(parseDate(formatDate(day))).toBe(day);
    const c = civil(day);
    expect(dayOf(c.year, c.month, c.day)).toBe(day);
  });
});

describe('month arithmetic', () => {
  it('keeps the day within the month', () => {
    expect(formatDate(addMonths(parseDate('2026-01-31') as number, 1))).toBe('2026-02-28');
    expect(formatDate(addMonths(parseDate('2024-01-31') as number, 1))).toBe('2024-02-29');
    expect(formatDate(addMonths(parseDate('2026-03-15') as number, -3))).toBe('2025-12-15');
  });
  it('counts whole months', () => {
    const d = (s: string) => parseDate(s) as number;
    expect(monthsBetween(d('2026-01-15'), d('2026-07-14'))).toBe(5);
    expect(monthsBetween(d('2026-01-15'), d('2026-07-15'))).toBe(6);
    expect(monthsBetween(d('2026-07-15'), d('2026-01-15'))).toBe(-6);
    expect(monthsBetween(d('2026-01-31'), d('2026-02-28'))).toBe(1);
  });
});
