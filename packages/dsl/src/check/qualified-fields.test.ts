/**
 * `deals.stage` written inside an aggregate over deals, as SQL users write by habit: the checker
 * says to write the field alone (`stage`), not to aggregate a Text, and a misspelt field is
 * reported once, by the binder.
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
  it('is written alone in the where of an aggregate over that source', () => {
    const result = probe('count(deals where deals.stage = "EU")');
    const d = expectOne(result, 'AT3009', 'deals.stage');
    expect(result.diagnostics).toHaveLength(1);
    expect(d.message).toBe(
      'Inside count(deals where ...) a field of the record is written alone: write stage, not deals.stage',
    );
  });

  it('names the aggregate as written, field included', () => {
    const result = probe('sum(deals.amount where deals.stage = "EU" and region = "West")');
    const d = expectOne(result, 'AT3009', 'deals.stage');
    expect(d.message).toBe(
      'Inside sum(deals.amount where ...) a field of the record is written alone: write stage, not deals.stage',
    );
  });

  it('is written alone in an aggregate over a credit from that source', () => {
    // bookings credits deals' records: `stage` there is the deal's stage.
    const result = probe('count(bookings where deals.stage = "EU")');
    const d = expectOne(result, 'AT3009', 'deals.stage');
    expect(d.message).toBe(
      'Inside count(bookings where ...) a field of the record is written alone: write stage, not deals.stage',
    );
    const credited = probe('count(bookings where bookings.credited > 0)');
    expect(expectOne(credited, 'AT3009', 'bookings.credited').message).toBe(
      'Inside count(bookings where ...) a field of the record is written alone: write credited, not bookings.credited',
    );
  });

  it('is read alone from the innermost aggregate that has a field of that name', () => {
    // Inside avg(refunds.amount where ...), `stage` is the refund's: the deal's cannot be read.
    const result = checkDecls(
      `${REFUNDS}\n  measure m = count(deals where amount > avg(refunds.amount where refunds.stage = deals.stage))`,
    );
    const own = result.diagnostics.filter((d) => d.code === 'AT3009').map((d) => d.message);
    expect(own).toEqual([
      'Inside avg(refunds.amount where ...) a field of the record is written alone: write stage, not refunds.stage',
      'Inside avg(refunds.amount where ...) stage is the field of refunds, and the field stage of deals cannot be read there: name one of them otherwise',
    ]);
    // region is only a deal's field: written alone, it reads the deal's.
    const outer = checkDecls(
      `${REFUNDS}\n  measure m = count(deals where amount > avg(refunds.amount where deals.region = "West"))`,
    );
    expect(outer.diagnostics.map((d) => d.message)).toEqual([
      'Inside count(deals where ...) a field of the record is written alone: write region, not deals.region',
    ]);
  });

  it('cannot be read when its name alone is a keyword there', () => {
    // `period` inside an aggregate is the current period, `payee` the current payee, `today` the
    // date of the run: writing the field alone would not read it.
    const allocations = `  source allocations {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    period: Period
    payee: Payee
    constructor: Text
  }`;
    const result = checkDecls(
      `${allocations}\n  measure m = count(allocations where allocations.period = 2026-Q1 and allocations.payee = owner)`,
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Inside count(allocations where ...) period is the current period, so the field period of allocations cannot be read there: name the field otherwise in the source and in the data',
      'Inside count(allocations where ...) payee is the current payee, so the field payee of allocations cannot be read there: name the field otherwise in the source and in the data',
    ]);
    // Any other name is a field, even one an object has in JavaScript.
    const other = checkDecls(
      `${allocations}\n  measure m = count(allocations where allocations.constructor = "x")`,
    );
    expect(other.diagnostics.map((d) => d.message)).toEqual([
      'Inside count(allocations where ...) a field of the record is written alone: write constructor, not allocations.constructor',
    ]);
  });

  it('is not reported written alone', () => {
    expect(probe('count(deals where stage = "EU")').diagnostics).toEqual([]);
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
    // Inside an aggregate over another source, it is still all of deals' records.
    const other = checkDecls(`${REFUNDS}\n  measure m = count(refunds where deals.stage = "EU")`);
    expect(other.diagnostics.map((d) => d.message)).toEqual([
      'deals.stage has one value per record: use it inside an aggregate such as count(deals where stage = ...)',
    ]);
  });
});
