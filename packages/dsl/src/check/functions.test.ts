import { describe, expect, it } from 'vitest';
import type { Code } from '../diagnostics/codes.js';
import { expectOne, probe } from './test-plans.js';

describe('built-in functions', () => {
  const typed: [string, string][] = [
    ['sum(deals.amount)', 'Money (USD)'],
    ['sum(deals.eur_amount)', 'Money (EUR)'],
    ['sum(deals.term_months)', 'Integer'],
    ['sum(deals.score where is_renewal)', 'Number'],
    ['avg(deals.term_months)', 'Number'],
    ['avg(deals.amount)', 'Money (USD)'],
    ['avg(deals.probability)', 'Percent'],
    ['min(deals.close_date)', 'Date'],
    ['max(deals.amount where stage = "Won" and amount > 0)', 'Money (USD)'],
    ['count(deals)', 'Integer'],
    ['count(deals where is_renewal and region in ["EMEA"])', 'Integer'],
    ['count(bookings where credited > 0)', 'Integer'],
    ['sum(bookings.credited)', 'Money (USD)'],
    ['sum(bookings.amount where region = "EMEA")', 'Money (USD)'],
    ['min(payee.ote, payee.base)', 'Money (USD)'],
    ['max(1, 2.5, 3)', 'Number'],
    ['min(attainment, 0)', 'Percent'],
    ['clamp(attainment, 0, 150%)', 'Percent'],
    ['round(payee.ote * 3%, 2)', 'Money (USD)'],
    ['abs(-2)', 'Integer'],
    ['ratio(payee.ote, payee.base)', 'Percent'],
    ['ratio(3, 4.5)', 'Percent'],
    ['ytd(bookings)', 'Money (USD)'],
    ['qtd(attainment)', 'Percent'],
    ['htd(q)', 'Money (USD)'],
    ['tiered(bookings, rates)', 'Money (USD)'],
    ['rate(rates)', 'Percent'],
    ['days_between(payee.hire_date, today)', 'Integer'],
    ['months_between(payee.hire_date, period.end)', 'Integer'],
    ['add_days(today, 30)', 'Date'],
    ['add_months(payee.hire_date, 3)', 'Date'],
    ['start_of(period)', 'Date'],
    ['end_of(2026-Q1)', 'Date'],
    ['convert(100 EUR, USD)', 'Money (USD)'],
    ['convert(sum(deals.eur_amount), USD, period.end) + payee.ote', 'Money (USD)'],
    ['convert(payee.ote, GBP)', 'Money (GBP)'],
  ];
  it.each(typed)('%s is %s', (expr, type) => {
    const result = probe(expr);
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toBe(type);
  });
});

describe('function errors', () => {
  const errors: [string, Code, string][] = [
    ['sum(deals.stage)', 'AT3006', 'deals.stage'],
    ['max(deals.is_renewal)', 'AT3006', 'deals.is_renewal'],
    ['sum(deals)', 'AT3009', 'deals'],
    ['sum(payee.ote)', 'AT3009', 'payee.ote'],
    ['count(3)', 'AT3009', '3'],
    ['sum(deals.amount, 2)', 'AT3005', 'sum(deals.amount, 2)'],
    ['count()', 'AT3005', 'count()'],
    ['sum(deals.amount where stage)', 'AT3004', 'stage'],
    ['abs(payee.ote where payee.ote > 0)', 'AT3010', 'payee.ote > 0'],
    ['min(payee.ote where payee.base > 0, 0)', 'AT3010', 'payee.base > 0'],
    ['round(payee.ote)', 'AT3005', 'round(payee.ote)'],
    ['round(payee.ote, 2.5)', 'AT3006', '2.5'],
    ['round("x", 2)', 'AT3006', '"x"'],
    ['min(payee.ote, 5%)', 'AT3006', '5%'],
    ['min(payee.ote, 100 EUR)', 'AT3002', '100 EUR'],
    ['max(payee.name, 1)', 'AT3006', 'payee.name'],
    ['min(3)', 'AT3005', 'min(3)'],
    ['clamp(attainment, 0)', 'AT3005', 'clamp(attainment, 0)'],
    ['ratio(payee.ote, 5%)', 'AT3006', '5%'],
    ['ratio(payee.ote, 100 EUR)', 'AT3002', '100 EUR'],
    ['days_between(today, 3)', 'AT3006', '3'],
    ['add_days(today, 1.5)', 'AT3006', '1.5'],
    ['start_of(today)', 'AT3006', 'today'],
    ['ytd(payee.ote)', 'AT3006', 'payee.ote'],
    ['ytd(rates)', 'AT3006', 'rates'],
    ['ytd(bookings, q)', 'AT3005', 'ytd(bookings, q)'],
    ['tiered(bookings)', 'AT3005', 'tiered(bookings)'],
    ['tiered(bookings, q)', 'AT3006', 'q'],
    ['tiered(bookings, product_rates)', 'AT4012', 'product_rates'],
    ['tiered("x", rates)', 'AT3006', '"x"'],
    ['rate(payout)', 'AT4012', 'payout'],
    ['rate(3)', 'AT3006', '3'],
    ['convert(payee.ote, XYZ)', 'AT3011', 'XYZ'],
    ['convert(3, USD)', 'AT3006', '3'],
    ['convert(payee.ote, "USD")', 'AT3006', '"USD"'],
    ['convert(payee.ote, USD, 3)', 'AT3006', '3'],
    ['convert(payee.ote)', 'AT3005', 'convert(payee.ote)'],
    ['convert(100 EUR, GBP) + payee.ote', 'AT3002', 'convert(100 EUR, GBP) + payee.ote'],
  ];
  it.each(errors)('%s is %s', (expr, code, snippet) => {
    const result = probe(expr);
    expectOne(result, code, snippet);
    expect(result.diagnostics).toHaveLength(1);
  });

  it('counts the arguments in its message', () => {
    const d = probe('tiered(bookings, rates, 3)').diagnostics[0];
    expect(d?.message).toBe('tiered is written tiered(amount, rate_table), but 3 values are given');
  });
});

describe('scoping of aggregates', () => {
  it('needs a dated field to place records in a period (AT5005)', () => {
    const result = probe('sum(events.n)', 'source events { who: Payee owner, booked: Date, n: Integer }');
    const d = expectOne(result, 'AT5005', 'events.n');
    expect(result.diagnostics).toHaveLength(1);
    expect(d.message).toContain('dated');
  });

  it('needs an owner field to scope records to the payee (AT5006)', () => {
    const result = probe('count(events)', 'source events { who: Payee, booked: Date dated, n: Integer }');
    expectOne(result, 'AT5006', 'events');
    expect(result.diagnostics).toHaveLength(1);
  });

  it('takes a Payee field named owner as the owner', () => {
    expect(probe('count(events)', 'source events { owner: Payee, booked: Date dated }').diagnostics).toEqual(
      [],
    );
  });

  it('needs no owner for the records of a credit, which are already the payee’s', () => {
    const extra =
      'source events { who: Payee, booked: Date dated, n: Money }\n  credit event_credit from events { amount n to who }';
    const result = probe('sum(event_credit.n)', extra);
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toBe('Money (USD)');
  });

  it('keeps round to 0 to 50 decimal places, with a way to round to thousands', () => {
    const thousands = probe('round(payee.ote, -3)');
    expectOne(thousands, 'AT3006', '-3');
    expect(thousands.diagnostics[0]?.message).toBe(
      'round keeps from 0 to 50 decimal places, not -3; to round to the nearest 1000, write round(x / 1000, 0) * 1000',
    );
    expect(probe('round(payee.ote / 1000, 0) * 1000').diagnostics).toEqual([]);
    expect(probe('round(payee.ote, (60))').diagnostics[0]?.message).toBe(
      'round keeps from 0 to 50 decimal places, not 60',
    );
    expect(probe('round(payee.ote, 50)').diagnostics).toEqual([]);
    // Far beyond a JS number's exact range: named as written, not as a float.
    expect(probe('round(payee.ote, 123456789012345678901234)').diagnostics[0]?.message).toBe(
      'round keeps from 0 to 50 decimal places, not 123456789012345678901234',
    );
    expect(probe('round(payee.ote, -0)').diagnostics).toEqual([]);
    expect(probe('round(payee.ote, 0)').diagnostics).toEqual([]);
  });
});
