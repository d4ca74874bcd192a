/**
 * `deals.stage` written inside an aggregate over deals, as SQL users write by habit: the current
 * deal's field, as `stage` is. Outside, it is the field of all the deals (AT3009, with advice that
 * fits its type), and a misspelt field is reported once, by the binder.
 */
import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, probe } from './test-plans.js';

/** A second source with a field `stage` too, for aggregates nested in aggregates. */
const REFUNDS = `  source refunds {
    id: Text key
    owner: Payee owner
    amount: Money
    refund_date: Date dated
    stage: Text
  }`;

describe('a field qualified with its source inside an aggregate', () => {
  it('is the current record’s field in the where of an aggregate over that source', () => {
    // Each is Integer or Money, with no diagnostic.
    for (const [expr, type] of [
      ['count(deals where deals.stage = "EU")', 'Integer'],
      ['sum(deals.amount where deals.stage = "EU" and region = "West")', 'Money (USD)'],
      ['max(deals.amount where deals.close_date > 2026-02-01 and deals.amount > 0)', 'Money (USD)'],
    ]) {
      const result = probe(expr as string);
      expect(result.diagnostics, expr).toEqual([]);
      expect(result.type, expr).toBe(type);
    }
  });

  it('is the source’s field in an aggregate over a credit from that source, and the credit’s own fields', () => {
    expect(probe('count(bookings where deals.stage = "EU")').diagnostics).toEqual([]);
    expect(probe('count(bookings where bookings.credited > 0)').diagnostics).toEqual([]);
  });

  it('is the record’s field in a credit’s where and amount, which read one record at a time', () => {
    const credit = checkDecls(
      '  credit won from deals where deals.stage = "Won" and deals.amount > 0 USD { to owner amount deals.amount / 2 }',
    );
    expect(credit.diagnostics).toEqual([]);
  });

  it('is the record’s field in a signal on the source and in territory rules, which AT5104 reads', () => {
    const signal = checkDecls(
      '  signal big "Big deal" warning on deals when deals.amount > 1000 USD message "a big deal"',
    );
    expect(signal.diagnostics).toEqual([]);
    // eu2's accounts (EU, size above 5) are all eu's: the overlap is found through accounts.region.
    const territories = checkDecls(`  source accounts {
    id: Text key
    region: Text
    size: Number
  }
  territories on accounts by priority {
    territory eu { where accounts.region = "EU" priority 1 }
    territory eu2 { where accounts.region = "EU" and accounts.size > 5 priority 1 }
    territory us { where accounts.region = "US" priority 1 score accounts.size }
  }`);
    expect(territories.diagnostics.map((d) => d.code)).toEqual(['AT5104']);
    expect(territories.diagnostics[0]?.message).toContain('Territories eu and eu2 can both match');
  });

  it('reads the outer record from a nested aggregate, and a field named as a keyword', () => {
    const nested = checkDecls(
      `${REFUNDS}\n  measure m = count(deals where amount > avg(refunds.amount where refunds.stage = deals.stage))`,
    );
    expect(nested.diagnostics).toEqual([]);
    const keyword = checkDecls(`  source allocations {
    id: Text key
    owner: Payee owner
    close_date: Date dated
    period: Period
  }
  measure m = count(allocations where allocations.period = 2026-Q1)`);
    expect(keyword.diagnostics).toEqual([]);
  });

  it('is still the field of all the records inside an aggregate over another source', () => {
    const other = checkDecls(`${REFUNDS}\n  measure m = count(refunds where deals.stage = "EU")`);
    expect(other.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'AT3009',
        'deals.stage has one value per record: use it inside an aggregate such as count(deals where stage = ...)',
      ],
    ]);
  });
});

describe('a misspelt qualified field', () => {
  it('is one AT2003 with its suggestion, inside an aggregate or not', () => {
    for (const expr of ['count(deals where deals.regoin = "EU")', 'deals.regoin']) {
      const result = probe(expr);
      const d = expectOne(result, 'AT2003', 'regoin');
      expect(result.diagnostics).toHaveLength(1);
      expect(d.message).toBe('`deals` has no field `regoin`. Did you mean `region`?');
    }
  });
});

describe('a field of all the records outside an aggregate', () => {
  it('is aggregated the way its type allows', () => {
    // Money: added up (the message of docs/reference/diagnostics.md).
    expect(expectOne(probe('deals.amount'), 'AT3009', 'deals.amount').message).toBe(
      'deals.amount has one value per record: use it inside an aggregate such as sum(deals.amount) or max(deals.amount)',
    );
    // A date has an order but no sum.
    expect(expectOne(probe('deals.close_date'), 'AT3009', 'deals.close_date').message).toBe(
      'deals.close_date has one value per record: use it inside an aggregate such as max(deals.close_date) or min(deals.close_date)',
    );
    // Text is neither added up nor ordered: count the records with it.
    expect(expectOne(probe('deals.stage'), 'AT3009', 'deals.stage').message).toBe(
      'deals.stage has one value per record: use it inside an aggregate such as count(deals where stage = ...)',
    );
  });
});
