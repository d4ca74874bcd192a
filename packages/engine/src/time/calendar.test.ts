import { describe, expect, it } from 'vitest';
import { FiscalCalendar } from './calendar.js';
import { formatDate, parseDate } from './dates.js';

const span = (p: { start: number; end: number } | undefined) =>
  p && `${formatDate(p.start)}..${formatDate(p.end)}`;

describe('fiscal calendar', () => {
  it('names fiscal years by the year they start in', () => {
    const feb = new FiscalCalendar(2);
    expect(span(feb.parse('FY2026'))).toBe('2026-02-01..2027-01-31');
    expect(span(feb.parse('2026-Q1'))).toBe('2026-02-01..2026-04-30');
    expect(span(feb.parse('2026-Q4'))).toBe('2026-11-01..2027-01-31');
    expect(span(feb.parse('2026-H2'))).toBe('2026-08-01..2027-01-31');
    // A month label is the calendar month; January 2027 is month 12 of FY2026.
    const jan = feb.parse('2027-01');
    expect(span(jan)).toBe('2027-01-01..2027-01-31');
    expect(jan?.fiscalYear).toBe(2026);
    expect(jan?.index).toBe(11);
  });
  it('finds the period containing a day, and round-trips labels', () => {
    const jul = new FiscalCalendar(7);
    const q = jul.containing('quarter', parseDate('2027-02-14') as number);
    expect(q.label).toBe('2026-Q3');
    expect(span(q)).toBe('2027-01-01..2027-03-31');
    expect(jul.parse(q.label)).toBe(q);
    expect(jul.parse('2026-13')).toBeUndefined();
    expect(jul.parse('2026-Q5')).toBeUndefined();
  });
  it('lists the periods of a window to date', () => {
    const cal = new FiscalCalendar(1);
    const q3 = cal.parse('2026-Q3');
    expect(q3 && cal.toDate(q3, 'year').map((p) => p.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(q3 && cal.toDate(q3, 'half').map((p) => p.label)).toEqual(['2026-Q3']);
    expect(q3 && cal.toDate(q3, 'month').map((p) => p.label)).toEqual(['2026-Q3']);
    const may = cal.parse('2026-05');
    expect(may && cal.toDate(may, 'quarter').map((p) => p.label)).toEqual(['2026-04', '2026-05']);
  });
});
