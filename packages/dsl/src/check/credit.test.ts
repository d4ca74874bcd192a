import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, textAt } from './test-plans.js';

const splits = '  source deal_splits { deal_id: Text, payee: Payee, share: Percent, booked: Date dated }';

describe('credits', () => {
  it('accepts direct, shared, overlay, manager and split credit', () => {
    const decls = `${splits}
  credit c1 from deals where stage = "Closed Won" { amount amount * 90% to owner share 60% to partner share 40% to partner as overlay }
  credit c2 from deals { to managers of owner up to 2 levels as overlay to owner }
  credit c3 from deals { split by deal_splits on deal_id }`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('needs shares that are not overlays to sum to exactly 100%, pointing at each (AT5001)', () => {
    const result = checkDecls('  credit shared from deals { to owner share 60% to partner share 30% }');
    const d = expectOne(result, 'AT5001', 'shared');
    expect(d.message).toBe(
      'The shares of credit shared add up to 90%, not 100%; mark recipients who get credit on top `as overlay`',
    );
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['60%', '30%']);
  });

  it('counts a recipient without a share as 100%', () => {
    const result = checkDecls('  credit shared from deals { to owner to partner }');
    const d = expectOne(result, 'AT5001', 'shared');
    expect(d.message).toContain('200%');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['to owner', 'to partner']);
  });

  // `share 0.5` is a syntax error (AT1001, a percentage is written `50%`); counting the unread
  // share as 100% added "add up to 200%" on top of it, about shares nobody wrote.
  it('leaves the sum alone when a share could not be read', () => {
    const result = checkDecls('  credit shared from deals { to owner share 0.5\n    to partner share 0.5 }');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1001', 'AT1001']);
    const one = checkDecls('  credit shared from deals { to owner share 50%\n    to partner share 0.5 }');
    expect(one.diagnostics.map((d) => d.code)).toEqual(['AT1001']);
  });

  it('adds shares exactly, as decimals', () => {
    const decls =
      '  credit shared from deals { to owner share 33.3% to partner share 33.3% to owner share 33.4% }';
    expect(checkDecls(decls).diagnostics).toEqual([]);
    const off =
      '  credit shared from deals { to owner share 33.33% to partner share 33.33% to owner share 33.33% }';
    expect(expectOne(checkDecls(off), 'AT5001', 'shared').message).toContain('99.99%');
  });

  it('credits Payee fields only (AT5002)', () => {
    const d = expectOne(checkDecls('  credit shared from deals { to stage }'), 'AT5002', 'stage');
    expect(d.message).toBe('Credit shared can only credit a Payee field of deals, but stage is Text');
    expectOne(checkDecls('  credit shared from deals { to managers of region }'), 'AT5002', 'region');
  });

  it('needs a split source with payee and share fields (AT5003)', () => {
    const decls =
      '  source bad_splits { deal_id: Text, who: Payee, share: Number, booked: Date dated }\n  credit shared from deals { split by bad_splits on deal_id }';
    const d = expectOne(checkDecls(decls), 'AT5003', 'bad_splits', 1);
    expect(d.message).toBe(
      'Credit shared splits by bad_splits, which needs the fields payee: Payee and share: Percent',
    );
  });

  it('needs a key on the split records to match against (AT5003)', () => {
    const decls = `${splits}\n  source events { who: Payee owner, booked: Date dated }\n  credit shared from events { split by deal_splits on deal_id }`;
    expectOne(checkDecls(decls), 'AT5003', 'split by deal_splits on deal_id');
  });

  it('needs a recipient (AT5004)', () => {
    expectOne(checkDecls('  credit shared from deals { amount amount }'), 'AT5004', 'shared');
  });

  it('reads a dated source (AT5005)', () => {
    const decls = '  source events { who: Payee, amount: Money }\n  credit shared from events { to who }';
    expectOne(checkDecls(decls), 'AT5005', 'events', 1);
  });

  it('credits money', () => {
    expectOne(
      checkDecls('  credit shared from deals { amount probability to owner }'),
      'AT3001',
      'probability',
      1,
    );
    expectOne(
      checkDecls('  credit shared from deals { amount eur_amount to owner }'),
      'AT3002',
      'eur_amount',
      1,
    );
    const euros =
      '  source events { who: Payee, booked: Date dated, amount: Money(EUR) }\n  credit shared from events { to who }';
    expect(expectOne(checkDecls(euros), 'AT3002', 'shared').message).toContain('convert(amount, USD)');
    const noAmount =
      '  source events { who: Payee, booked: Date dated }\n  credit shared from events { to who }';
    expectOne(checkDecls(noAmount), 'AT2003', 'shared');
  });

  it('needs territories to credit by territory (AT5103)', () => {
    const result = checkDecls('  credit shared from deals { to territory of region }');
    const d = expectOne(result, 'AT5103', 'territory of region');
    expect(d.message).toContain('territories');
  });

  // A split source gives each record 100% through its rows: with `to owner` next to it, a deal of
  // 1,000 split a 50% / b 50% would credit a 1,000 + 500 and b 500, 2,000 in all (100% + 100% = 200%).
  it('counts a split source as 100% of the shares (AT5001)', () => {
    const result = checkDecls(
      `${splits}\n  credit mine from deals { to owner split by deal_splits on deal_id }`,
    );
    const d = expectOne(result, 'AT5001', 'mine');
    expect(d.message).toBe(
      'The shares of credit mine add up to 200%, not 100%; `split by` already gives each record 100% through its split rows, so mark the other recipients `as overlay`',
    );
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual([
      'split by deal_splits on deal_id',
      'to owner',
    ]);
    const shared = checkDecls(
      `${splits}\n  credit mine from deals { split by deal_splits on deal_id to partner share 10% }`,
    );
    expect(expectOne(shared, 'AT5001', 'mine').message).toContain('add up to 110%');
    const overlay = `${splits}\n  credit mine from deals { split by deal_splits on deal_id to owner as overlay }`;
    expect(checkDecls(overlay).diagnostics).toEqual([]);
  });

  it('takes one split source and one amount per credit (AT5009)', () => {
    const decls = `${splits}
  source other_splits { deal_id: Text, payee: Payee, share: Percent, booked: Date dated }
  credit mine from deals { split by deal_splits on deal_id split by other_splits on deal_id }`;
    const result = checkDecls(decls);
    const d = expectOne(result, 'AT5009', 'split by other_splits on deal_id');
    expect(d.message).toBe(
      'Credit mine has more than one `split by` clause; a record takes its recipients and shares from one split source: keep one `split by`, and put the split rows in that source',
    );
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['split by deal_splits on deal_id']);
    expect(result.diagnostics.map((x) => x.code)).toEqual(['AT5009']);
    const amounts = checkDecls('  credit mine from deals { amount amount amount amount * 2 to owner }');
    expect(expectOne(amounts, 'AT5009', 'amount amount * 2').message).toBe(
      'Credit mine has more than one `amount` clause; a record is credited one amount: keep one `amount` clause',
    );
  });

  // decimal.js keeps 20 significant digits by default: 50.0000000000000000000001 +
  // 49.9999999999999999999998 = 99.9999999999999999999999 (24 digits) was rounded to 100.
  it('adds shares exactly beyond 20 significant digits (AT5001)', () => {
    const off =
      '  credit mine from deals { to owner share 50.0000000000000000000001% to partner share 49.9999999999999999999998% }';
    expect(expectOne(checkDecls(off), 'AT5001', 'mine').message).toContain(
      'add up to 99.9999999999999999999999%',
    );
    const exact =
      '  credit mine from deals { to owner share 50.0000000000000000000001% to partner share 49.9999999999999999999999% }';
    expect(checkDecls(exact).diagnostics).toEqual([]);
  });
});

describe('credit rules read without a payee (AT5008)', () => {
  it('rejects payee attributes in `where`, saying what to write instead', () => {
    const result = checkDecls('  credit mine from deals where region = payee.region { to owner }');
    const d = expectOne(result, 'AT5008', 'payee.region');
    expect(d.message).toBe(
      'The `where` of credit mine reads payee.region, but a credit is worked out record by record, before it is known whose credit each record is, so there is no payee there: credit the records without that test and make it in a measure over the credit, where the payee is known, such as sum(mine.credited where region = payee.region), or credit by territory',
    );
    const money = checkDecls('  credit mine from deals where amount >= payee.ote { to owner }');
    expect(expectOne(money, 'AT5008', 'payee.ote').message).toContain('such as sum(mine.credited where ...)');
  });

  it('rejects the payee itself and payee attributes in `amount`', () => {
    const result = checkDecls('  credit mine from deals { amount amount * payee.ote / payee.base to owner }');
    const found = result.diagnostics.filter((d) => d.code === 'AT5008');
    expect(found.map((d) => textAt(result.text, d.range))).toEqual(['payee.ote', 'payee.base']);
    expect(found[0]?.message).toBe(
      "The `amount` of credit mine reads payee.ote, but a credit is worked out record by record, before it is known whose credit each record is, so there is no payee there: credit the record's own amount and apply the payee's part in the measure or earning that uses mine, such as mine * payee.ote",
    );
    expectOne(checkDecls('  credit mine from deals where payee = partner { to owner }'), 'AT5008', 'payee');
  });

  // `payee` in a credit over a source with a field `payee` used to be the current payee (AT5008),
  // so the field could not be tested at all. With no current payee there, it is the field, as
  // any other field name would be.
  it("reads the record's field `payee` as `payee` over a source that has one", () => {
    const allocations =
      '  source allocations { id: Text key, payee: Payee owner, amount: Money, booked_on: Date dated }';
    const result = checkDecls(
      `${allocations}\n  credit mine from allocations where payee.region = "NA" and payee != partner_of { amount amount\n    to payee }\n  let partner_of = payee`,
    );
    // The let is not a rule: its `payee` is the current payee, and the credit reads it (AT5008).
    const d = expectOne(result, 'AT5008', 'partner_of', { after: result.text.indexOf('!= partner_of') });
    expect(d.message).toContain('reads payee (through partner_of)');
    const fine = checkDecls(
      `${allocations}\n  credit mine from allocations where payee.region = "NA" { amount if payee.region = "NA" then amount else 0 USD\n    to payee }`,
    );
    expect(fine.diagnostics).toEqual([]);
    // A Text field named `payee` is Text there.
    const text = checkDecls(
      '  source notes { id: Text key, owner: Payee owner, payee: Text, amount: Money, day: Date dated }\n  credit mine from notes where payee = "x" { to owner }',
    );
    expect(text.diagnostics).toEqual([]);
    // Without such a field, `payee` is still the current payee, which a credit has not.
    expectOne(checkDecls('  credit mine from deals where payee = partner { to owner }'), 'AT5008', 'payee');
  });

  it('lets a credit read the period, the one each record is credited in', () => {
    // Unlike territories (AT5010), each record is credited in the period it is dated in.
    const result = checkDecls(
      '  let cutoff = 1 USD effective 2026-01-01 to 2026-06-30\n  let cutoff = 2 USD effective 2026-07-01 to 2026-12-31\n  credit mine from deals where period = 2026-Q2 and close_date in period and amount > cutoff { amount if period.start < 2026-07-01 then amount else ytd(cutoff)\n  to owner }',
    );
    expect(result.diagnostics).toEqual([]);
  });

  it('follows the definitions a rule uses', () => {
    const through = checkDecls(
      '  let big = payee.ote * 2\n  let bigger = big + 1 USD\n  credit mine from deals where amount >= bigger { to owner }',
    );
    expect(
      expectOne(through, 'AT5008', 'bigger', { after: through.text.indexOf('where') }).message,
    ).toContain('reads payee.ote (through bigger)');
    const quota = checkDecls('  credit mine from deals where amount >= q { to owner }');
    expect(expectOne(quota, 'AT5008', 'q', { after: quota.text.indexOf('where') }).message).toContain(
      'reads the quota q,',
    );
    const credit = checkDecls('  credit mine from deals where amount >= bookings { to owner }');
    expect(
      expectOne(credit, 'AT5008', 'bookings', { after: credit.text.indexOf('where') }).message,
    ).toContain('reads the credit bookings,');
    const measure = checkDecls('  credit mine from deals where amount >= attainment * 1 USD { to owner }');
    expect(
      expectOne(measure, 'AT5008', 'attainment', { after: measure.text.indexOf('where') }).message,
    ).toContain('reads the credit bookings (through attainment)');
    const table = checkDecls('  credit mine from deals { amount amount * rate(rates) to owner }');
    expect(
      expectOne(table, 'AT5008', 'rates', { after: table.text.indexOf('amount amount') }).message,
    ).toContain('(through rates)');
  });

  it("rejects aggregates, which read the payee's records", () => {
    const result = checkDecls(
      '  credit mine from deals where amount > max(deals.amount where stage = payee.region) { to owner }',
    );
    const d = expectOne(result, 'AT5008', 'max(deals.amount where stage = payee.region)');
    expect(d.message).toContain("reads max(deals.amount) over the payee's records,");
  });

  it('accepts the record, the period, today and definitions that need no payee', () => {
    const decls = `  let threshold = 1000 USD * 2
  let cutoff: Date = 2026-06-30
  credit mine from deals where amount >= threshold and close_date <= cutoff and close_date in period and close_date <= today and probability > 10% {
    amount amount * 90% + (if is_renewal then 0 USD else 10 USD)
    to owner
  }
  measure own_region = sum(mine.credited where region = payee.region)
  earning e = own_region * 10%`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('still lets a per-record signal and quota relief read the payee, which they are read for', () => {
    const decls = `  signal off_region warning on deals when region != payee.region message "Deal outside the territory"
  quota r = payee.annual_quota relief sum(deals.amount where region != payee.region)`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('follows a long chain of lets to the payee without deep recursion', () => {
    // 5,000 lets, each using the next, the last reading payee.ote: too long to calculate (AT2011),
    // but followed to the payee without running out of stack.
    const n = 5000;
    const lets = Array.from({ length: n }, (_, i) => `  let l${i} = l${i + 1} + 1 USD`).join('\n');
    const result = checkDecls(
      `${lets}\n  let l${n} = payee.ote\n  credit mine from deals where amount > l0 { to owner }`,
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT2011', 'AT5008']);
    expect(result.diagnostics[1]?.message).toContain('reads payee.ote (through l0)');
  });
});
