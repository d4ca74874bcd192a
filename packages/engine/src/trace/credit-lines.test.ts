import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { CreditLine, CreditResult, Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from './explain.js';

const DEALS = `source deals {
    id: Text key
    owner: Payee owner
    co: Payee optional
    lead: Payee optional
    account: Text optional
    amount: Money
    close_date: Date dated
  }`;

const Q1 = '2026-Q1';
const creditOf = (results: Results, who: string, name: string): CreditResult => {
  const c = statement(results, who, Q1).credits.find((x) => x.name === name);
  if (!c) throw new Error(`no credit ${name}`);
  return c;
};

describe('explaining credit lines', () => {
  // a owns D1 (1,000) and is also its co and its lead: three lines for one record,
  // 50% as owner (500), 50% as co (500), and overlay as lead (1,000).
  const twice = run(
    planOf(
      quarterly(`${DEALS}
  credit c from deals {
    to owner share 50%
    to co share 50%
    to lead as overlay
  }
  commission e = c * 10% per line`),
    ),
    {
      payees: [payee('a')],
      records: {
        deals: rows({ id: 'D1', owner: 'a', co: 'a', lead: 'a', amount: '1000', close_date: '2026-01-05' }),
      },
    },
    [Q1],
  );
  const at = { payee: 'a', period: Q1, credit: 'c' };

  it('names the field each line came through', () => {
    expect(creditOf(twice, 'a', 'c').lines.map((l) => [l.role, l.amount, l.via])).toEqual([
      ['split', '500', { field: 'owner' }],
      ['split', '500', { field: 'co' }],
      ['overlay', '1000', { field: 'lead' }],
    ]);
  });

  it('explains what a record credits the payee in all: every line, not the first', () => {
    // 500 + 500 + 1,000 = 2,000, what the per-line commission priced (2,000 x 10% = 200);
    // quota credit leaves the overlay out: 500 + 500 = 1,000.
    // The shares are of D1's amount, 1,000, said first: 1,000 x 50% = 500.
    const whole = explain(twice, { ...at, record: 'D1' });
    expect(whole?.value).toBe('2000');
    expect(whole?.sentence).toBe(
      'c for deals D1 is 2,000.00 USD: amount 1,000.00 USD, split as owner (50%) 500.00 USD, split as co (50%) 500.00 USD, ' +
        'overlay as lead 1,000.00 USD, quota credit 1,000.00 USD; 3 credit lines',
    );
    expect(explain(twice, { payee: 'a', period: Q1, earning: 'e', line: 'D1' })?.value).toBe('200.00');
    // Both split lines: 500 + 500 = 1,000.
    expect(explain(twice, { ...at, record: 'D1', role: 'split' })?.value).toBe('1000');
  });

  it('reaches each line by its role and field', () => {
    const co = explain(twice, { ...at, record: 'D1', role: 'split', via: 'co' });
    expect(co?.value).toBe('500');
    // 50% of D1's amount: 1,000 x 50% = 500.
    expect(co?.sentence).toBe(
      'c for deals D1 is 500.00 USD: amount 1,000.00 USD, share 50%, role split, co a',
    );
    expect(explain(twice, { ...at, record: 'D1', via: 'owner' })?.value).toBe('500');
    expect(explain(twice, { ...at, record: 'D1', via: 'lead' })?.sentence).toBe(
      'c for deals D1 is 1,000.00 USD: share 100%, role overlay, lead a; ' +
        'overlay credit: counted in the credit, not in its quota credit',
    );
    expect(explain(twice, { ...at, record: 'D1', via: 'nobody' })).toBeUndefined();
    // The credit's own trace says how much of it is quota credit.
    expect(explain(twice, at)?.sentence).toBe(
      'c is 2,000.00 USD: records credited 1, quota credit 1,000.00 USD',
    );
  });

  it('names the account and territory of territory credit', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit terr from deals { to territory of account }
  commission e = terr * 1%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      priority 1
      assign "t1" as primary
      assign "t2" as overlay }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1'), payee('t2')],
        records: {
          accounts: rows({ id: 'A1', name: 'Initech', region: 'EMEA' }),
          deals: rows({
            id: 'D1',
            owner: 'rep',
            account: 'Initech',
            amount: '200',
            close_date: '2026-02-15',
          }),
        },
      },
      [Q1],
    );
    // The deal names its account by name: Initech is A1's name, in emea.
    expect(creditOf(results, 't1', 'terr').lines[0]?.via).toEqual({
      field: 'account',
      account: 'Initech',
      territory: 'emea',
    });
    expect(explain(results, { payee: 't1', period: Q1, credit: 'terr', record: 'D1' })?.sentence).toBe(
      'terr for deals D1 is 200.00 USD: share 100%, role territory, account Initech, territory emea',
    );
    expect(explain(results, { payee: 't2', period: Q1, credit: 'terr', record: 'D1' })?.sentence).toBe(
      'terr for deals D1 is 200.00 USD: share 100%, role overlay, account Initech, territory emea; ' +
        'overlay credit: counted in the credit, not in its quota credit',
    );
  });

  it('names the payee and level of roll-up credit', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit team from deals { to managers of owner up to 2 levels }
  commission e = team * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep', {}, { manager: 'm1' }), payee('m1', {}, { manager: 'm2' }), payee('m2')],
        records: { deals: rows({ id: 'D1', owner: 'rep', amount: '800', close_date: '2026-01-05' }) },
      },
      [Q1],
    );
    expect(creditOf(results, 'm2', 'team').lines[0]?.via).toEqual({ field: 'owner', of: 'rep', level: 2 });
    expect(explain(results, { payee: 'm1', period: Q1, credit: 'team', record: 'D1' })?.sentence).toBe(
      "team for deals D1 is 800.00 USD: share 100%, role manager, owner rep, level 1; m1 manages rep on the record's date",
    );
    expect(explain(results, { payee: 'm2', period: Q1, credit: 'team', record: 'D1' })?.sentence).toBe(
      "team for deals D1 is 800.00 USD: share 100%, role manager, owner rep, level 2; m2 is 2 levels above rep on the record's date",
    );
  });

  it('names the split row of a split source, and tells two rows of one payee apart', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent }
  credit alliance from deals { split by deal_splits on deal_id }
  commission e = alliance * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a'), payee('b')],
        records: {
          deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05' }),
          deal_splits: rows(
            { id: 'S1', deal_id: 'D1', payee: 'a', share: '30%' },
            { id: 'S2', deal_id: 'D1', payee: 'b', share: '50%' },
            { id: 'S3', deal_id: 'D1', payee: 'a', share: '20%' },
          ),
        },
      },
      [Q1],
    );
    // a has two rows for D1: 30% (300) and 20% (200).
    expect(creditOf(results, 'a', 'alliance').lines.map((l) => [l.amount, l.via?.split?.key])).toEqual([
      ['300', 'S1'],
      ['200', 'S3'],
    ]);
    const a = { payee: 'a', period: Q1, credit: 'alliance', record: 'D1' };
    // S3's 20% of D1's amount: 1,000 x 20% = 200.
    expect(explain(results, { ...a, via: 'S3' })?.sentence).toBe(
      'alliance for deals D1 is 200.00 USD: amount 1,000.00 USD, share 20%, role split, deal_splits S3',
    );
    // 1,000 x 30% + 1,000 x 20% = 300 + 200 = 500.
    expect(explain(results, a)?.sentence).toBe(
      'alliance for deals D1 is 500.00 USD: amount 1,000.00 USD, split in deal_splits S1 (30%) 300.00 USD, ' +
        'split in deal_splits S3 (20%) 200.00 USD; 2 credit lines',
    );
  });

  it('gives no path to the lines of a credit to the owner alone', () => {
    const results = run(
      planOf(quarterly(`${DEALS}\n  credit own from deals { to owner }\n  commission e = own * 1%`)),
      {
        payees: [payee('a')],
        records: { deals: rows({ id: 'D1', owner: 'a', amount: '10', close_date: '2026-01-05' }) },
      },
      [Q1],
    );
    expect(creditOf(results, 'a', 'own').lines[0]).not.toHaveProperty('via');
  });
});

describe('explaining a credit line of a computed amount', () => {
  // D1 is Platform in EMEA: 50,000 x 7% (row 2 of rates) = 3,500 credited to a as owner.
  // D2 is Services in NA, shared 60/40 between a (owner) and b (co): 10,000 x 2% (row 3) = 200,
  // a's line 60% = 120, b's line 40% = 80.
  const results = run(
    planOf(
      quarterly(`source deals {
    id: Text key
    owner: Payee owner
    co: Payee optional
    product: Text
    region: Text
    amount: Money
    close_date: Date dated
  }
  lookup table rates by product, region {
    "Platform", "NA": 6%
    "Platform", "EMEA": 7%
    "Services", *: 2%
    otherwise: 4%
  }
  credit rated from deals {
    amount amount * lookup(rates, product, region)
    to owner
  }
  credit shared from deals {
    amount amount * lookup(rates, product, region)
    to owner share 60%
    to co share 40%
  }
  commission e = rated per line`),
    ),
    {
      payees: [payee('a'), payee('b')],
      records: {
        deals: rows(
          {
            id: 'D1',
            owner: 'a',
            co: '',
            product: 'Platform',
            region: 'EMEA',
            amount: '50000',
            close_date: '2026-01-05',
          },
          {
            id: 'D2',
            owner: 'a',
            co: 'b',
            product: 'Services',
            region: 'NA',
            amount: '10000',
            close_date: '2026-01-06',
          },
        ),
      },
    },
    [Q1],
  );

  it('names the record values and the lookup row the amount read', () => {
    const line = explain(results, { payee: 'a', period: Q1, credit: 'rated', record: 'D1' });
    // 50,000.00 x 7% = 3,500.00
    expect(line?.sentence).toBe(
      'rated for deals D1 is 3,500.00 USD: amount * lookup(rates, product, region) 3,500.00 USD, amount 50,000.00 USD, rates at product Platform, region EMEA (row 2) 7%, share 100%, role owner',
    );
  });

  it('gives the value before the share on each line of a shared record', () => {
    const a = explain(results, { payee: 'a', period: Q1, credit: 'shared', record: 'D2' });
    // 10,000.00 x 2% = 200.00; 60% of it = 120.00
    expect(a?.sentence).toBe(
      'shared for deals D2 is 120.00 USD: amount * lookup(rates, product, region) 200.00 USD, amount 10,000.00 USD, rates at product Services, region NA (row 3) 2%, share 60%, role split, owner a',
    );
    const b = explain(results, { payee: 'b', period: Q1, credit: 'shared', record: 'D2' });
    // 200.00 x 40% = 80.00
    expect(b?.sentence).toBe(
      'shared for deals D2 is 80.00 USD: amount * lookup(rates, product, region) 200.00 USD, amount 10,000.00 USD, rates at product Services, region NA (row 3) 2%, share 40%, role split, co b',
    );
  });

  it('says the same on the line of a per-line earning on the credit', () => {
    const line = explain(results, { payee: 'a', period: Q1, earning: 'e', line: 'D1' });
    // rated 3,500.00 = 50,000.00 x 7%
    expect(line?.sentence).toContain(
      'rated 3,500.00 USD, amount * lookup(rates, product, region) 3,500.00 USD, amount 50,000.00 USD, rates at product Platform, region EMEA (row 2) 7%',
    );
  });

  it('gives what the amount read once, before the lines of a record explained together', () => {
    // D3 is Platform in NA, a its owner and its co: 20,000 x 6% (row 1) = 1,200, 60% = 720 and 40% = 480.
    const both = run(
      planOf(
        quarterly(`source deals { id: Text key, owner: Payee owner, co: Payee optional, product: Text, region: Text, amount: Money, close_date: Date dated }
  lookup table rates by product, region {
    "Platform", "NA": 6%
    otherwise: 4%
  }
  credit shared from deals {
    amount amount * lookup(rates, product, region)
    to owner share 60%
    to co share 40%
  }`),
      ),
      {
        payees: [payee('a')],
        records: {
          deals: rows({
            id: 'D3',
            owner: 'a',
            co: 'a',
            product: 'Platform',
            region: 'NA',
            amount: '20000',
            close_date: '2026-01-07',
          }),
        },
      },
      [Q1],
    );
    // 720 + 480 = 1,200
    expect(explain(both, { payee: 'a', period: Q1, credit: 'shared', record: 'D3' })?.sentence).toBe(
      'shared for deals D3 is 1,200.00 USD: amount * lookup(rates, product, region) 1,200.00 USD, amount 20,000.00 USD, rates at product Platform, region NA (row 1) 6%, ' +
        'split as owner (60%) 720.00 USD, split as co (40%) 480.00 USD; 2 credit lines',
    );
  });

  it('adds nothing to a credit of a bare field', () => {
    expect(creditOf(results, 'a', 'rated').lines[0]?.inputs).toHaveLength(3);
    const plain = run(
      planOf(quarterly(`${DEALS}\n  credit c from deals { to owner }`)),
      {
        payees: [payee('a')],
        records: { deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05' }) },
      },
      [Q1],
    );
    expect(creditOf(plain, 'a', 'c').lines[0]?.inputs).toBeUndefined();
  });
});

describe('explaining a share of a bare field', () => {
  const SPLITS = `${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent }`;
  const shared = (credit: string, deals: Record<string, string>[], splits: Record<string, string>[] = []) =>
    run(
      planOf(quarterly(`${SPLITS}\n  ${credit}\n  commission e = c * 3% per line`)),
      {
        payees: [payee('a'), payee('b')],
        records: { deals: rows(...deals), deal_splits: rows(...splits) },
      },
      [Q1],
    );
  const at = { payee: 'a', period: Q1, credit: 'c', record: 'D1' };

  it('says what a 60% share was taken of: the field with the record value', () => {
    // Like channel-partner's registered_bookings: D1 of 100,000, 60% to the owner a, 40% to the co b.
    const results = shared('credit c from deals { to owner share 60%\n to co share 40% }', [
      { id: 'D1', owner: 'a', co: 'b', amount: '100000', close_date: '2026-01-05' },
    ]);
    expect(creditOf(results, 'a', 'c').amountField).toBe('amount');
    // 100,000 x 60% = 60,000
    expect(explain(results, at)?.sentence).toBe(
      'c for deals D1 is 60,000.00 USD: amount 100,000.00 USD, share 60%, role split, owner a',
    );
    // 100,000 x 40% = 40,000
    expect(explain(results, { ...at, payee: 'b' })?.sentence).toBe(
      'c for deals D1 is 40,000.00 USD: amount 100,000.00 USD, share 40%, role split, co b',
    );
    // The per-line commission on it: 60,000 x 3% = 1,800, with the deal's 100,000 and a's 60%.
    expect(explain(results, { payee: 'a', period: Q1, earning: 'e', line: 'D1' })?.sentence).toContain(
      'c 60,000.00 USD x 3%, amount 100,000.00 USD, c share 60%',
    );
  });

  it('names the field a credit reads when it is not amount, and exact decimals', () => {
    // arr, not amount: 1,000.01 x 33.5% = 335.00335 (credits are exact, never rounded).
    const results = run(
      planOf(
        quarterly(`source deals { id: Text key, owner: Payee owner, co: Payee optional, arr: Money, close_date: Date dated }
  credit c from deals { amount arr
    to owner share 33.5%
    to co share 66.5% }`),
      ),
      {
        payees: [payee('a'), payee('b')],
        records: { deals: rows({ id: 'D1', owner: 'a', co: 'b', arr: '1000.01', close_date: '2026-01-05' }) },
      },
      [Q1],
    );
    expect(creditOf(results, 'a', 'c').lines[0]?.amount).toBe('335.00335');
    expect(explain(results, at)?.sentence).toBe(
      'c for deals D1 is 335.00335 USD: arr 1,000.01 USD, share 33.5%, role split, owner a',
    );
  });

  it('says which split row a share came from and what it was of', () => {
    // Like channel-partner's alliance_bookings: D1 of 50,000 split by S1 50% to a, S2 50% to b.
    const results = shared(
      'credit c from deals { split by deal_splits on deal_id }',
      [{ id: 'D1', owner: 'a', amount: '50000', close_date: '2026-01-05' }],
      [
        { id: 'S1', deal_id: 'D1', payee: 'a', share: '50%' },
        { id: 'S2', deal_id: 'D1', payee: 'b', share: '50%' },
      ],
    );
    // 50,000 x 50% = 25,000
    expect(explain(results, at)?.sentence).toBe(
      'c for deals D1 is 25,000.00 USD: amount 50,000.00 USD, share 50%, role split, deal_splits S1',
    );
    // 25,000 x 3% = 750, of the deal's 50,000 at a's 50%.
    const line = explain(results, { payee: 'a', period: Q1, earning: 'e', line: 'D1' });
    expect(line?.value).toBe('750.00');
    expect(line?.sentence).toContain('c 25,000.00 USD x 3%, amount 50,000.00 USD, c share 50%');
  });

  it('says nothing more for a whole share, and has no value to divide back from a 0% row', () => {
    // S1 gives a 0% of D1 (0), S2 gives b 100% (1,000): nothing to divide 0 by.
    const results = shared(
      'credit c from deals { split by deal_splits on deal_id }',
      [{ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05' }],
      [
        { id: 'S1', deal_id: 'D1', payee: 'a', share: '0%' },
        { id: 'S2', deal_id: 'D1', payee: 'b', share: '100%' },
      ],
    );
    expect(explain(results, at)?.sentence).toBe(
      'c for deals D1 is 0.00 USD: share 0%, role split, deal_splits S1',
    );
    // 100%: the line is the amount itself, 1,000.
    expect(explain(results, { ...at, payee: 'b' })?.sentence).toBe(
      'c for deals D1 is 1,000.00 USD: share 100%, role split, deal_splits S2',
    );
  });

  it('gives a base that multiplies back to the line exactly, for any amount and share, of a field or a split row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 9_999 }),
        (cents, basisPoints) => {
          const amount = (cents / 100).toFixed(2);
          const share = `${basisPoints / 100}%`;
          const rest = `${(10_000 - basisPoints) / 100}%`;
          const deal = { id: 'D1', owner: 'a', co: 'b', amount, close_date: '2026-01-05' };
          const byField = shared(`credit c from deals { to owner share ${share}\n to co share ${rest} }`, [
            deal,
          ]);
          const byRow = shared(
            'credit c from deals { split by deal_splits on deal_id }',
            [deal],
            [
              { id: 'S1', deal_id: 'D1', payee: 'a', share },
              { id: 'S2', deal_id: 'D1', payee: 'b', share: rest },
            ],
          );
          for (const results of [byField, byRow])
            for (const who of ['a', 'b']) {
              const line = creditOf(results, who, 'c').lines[0] as CreditResult['lines'][number];
              const base = explain(results, { ...at, payee: who })?.trace.inputs.find(
                (i) => i.name === 'amount',
              );
              // The base is the deal's amount, and base x share is the line's amount, to the last digit.
              expect(new Dec(base?.value as string).eq(amount)).toBe(true);
              expect(new Dec(base?.value as string).times(line.share).eq(line.amount)).toBe(true);
            }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('explaining credit lines of results edited by hand', () => {
  it('does not throw on a share that is not a number, and says it is not one', () => {
    // a is D1's owner (60% of 1,000 = 600) and co (40% = 400); the file says "half" and "?" instead.
    const results = run(
      planOf(
        quarterly(`${DEALS}
  credit c from deals { to owner share 60%
    to co share 40% }
  commission e = c * 10% per line`),
      ),
      {
        payees: [payee('a')],
        records: { deals: rows({ id: 'D1', owner: 'a', co: 'a', amount: '1000', close_date: '2026-01-05' }) },
      },
      [Q1],
    );
    const [owner, co] = creditOf(results, 'a', 'c').lines as [CreditLine, CreditLine];
    owner.share = 'half';
    co.share = '?';
    const at = { payee: 'a', period: Q1, credit: 'c', record: 'D1' };
    expect(explain(results, { ...at, via: 'owner' })?.sentence).toBe(
      'c for deals D1 is 600.00 USD: share "half" (not a number), role split, owner a',
    );
    // 600 + 400 = 1,000
    expect(explain(results, at)?.sentence).toBe(
      'c for deals D1 is 1,000.00 USD: split as owner ("half" (not a number)) 600.00 USD, split as co ("?" (not a number)) 400.00 USD; 2 credit lines',
    );
    // 1,000 x 10% = 100.00
    expect(explain(results, { payee: 'a', period: Q1, earning: 'e', line: 'D1' })?.sentence).toBe(
      'e for deals D1 is 100.00 USD: c 1,000.00 USD x 10%',
    );
  });
});
