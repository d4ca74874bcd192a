/**
 * AT6007: an earning paid year to date pays its value minus what earlier periods paid, so a value
 * of the period alone (records read without `ytd`) pays the period minus the year before it.
 */
import { describe, expect, it } from 'vitest';
import { checkDecls } from './test-plans.js';

const codes = (decls: string) => checkDecls(decls).diagnostics.map((d) => d.code);

describe('AT6007 paid year to date on a value of the period', () => {
  it('names a value that reads records without ytd, directly or through measures and lets', () => {
    // Bookings of 15,000 then 10,000 at 10% would pay 1,500 then -500.
    expect(codes('  bonus b = bookings * 10% paid year to date')).toEqual(['AT6007']);
    expect(codes('  bonus b = sum(deals.amount where stage = "Won") * 5% paid year to date')).toEqual([
      'AT6007',
    ]);
    expect(
      codes(
        '  measure won = sum(deals.amount)\n  let won_pay = won * 2%\n  bonus b = won_pay paid year to date',
      ),
    ).toEqual(['AT6007']);
    // Priced on the period's bookings, though the table reads attainment: still the period's value.
    expect(codes('  bonus b = tiered(bookings, rates) paid year to date')).toEqual(['AT6007']);
    const message = checkDecls('  bonus b = bookings * 10% paid year to date').diagnostics[0]?.message;
    expect(message).toBe(
      "Earning b is paid year to date: each period pays its value minus what earlier periods of the year paid, so its value must be a year-to-date figure, but it reads this period's records only: write it on ytd(...), such as ytd(bookings) * 10%",
    );
  });

  it('says nothing of a year-to-date value, a fixed amount, or an earning paid per period', () => {
    expect(codes('  bonus b = ytd(bookings) * 10% paid year to date')).toEqual([]);
    expect(codes('  measure year = ytd(bookings)\n  bonus b = year * 10% paid year to date')).toEqual([]);
    expect(codes('  bonus b = 1_000 USD paid year to date')).toEqual([]);
    expect(codes('  bonus b = payee.ote * 1% paid year to date')).toEqual([]);
    expect(codes('  bonus b = bookings * 10%')).toEqual([]);
  });
});
