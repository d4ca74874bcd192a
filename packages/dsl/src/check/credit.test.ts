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
});
