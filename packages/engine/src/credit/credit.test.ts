import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import type { CreditResult, Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

const credit = (s: Statement, name: string): CreditResult => {
  const c = s.credits.find((x) => x.name === name);
  if (!c) throw new Error(`no credit ${name}`);
  return c;
};

const DEALS = `source deals {
    id: Text key
    owner: Payee owner
    co: Payee optional
    lead: Payee optional
    account: Text optional
    amount: Money
    close_date: Date dated
    stage: Text
  }`;

describe('crediting', () => {
  it('credits the owner in full, only records matching the condition and dated in the period', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit won from deals where stage = "Won" { to owner }
  commission c = won * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep')],
        records: {
          deals: rows(
            { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-05', stage: 'Won' },
            { id: 'D2', owner: 'rep', amount: '500', close_date: '2026-02-05', stage: 'Lost' },
            { id: 'D3', owner: 'rep', amount: '700', close_date: '2026-04-01', stage: 'Won' },
          ),
        },
      },
      ['2026-Q1', '2026-Q2'],
    );
    expect(credit(statement(results, 'rep', '2026-Q1'), 'won')).toMatchObject({
      total: '1000',
      quotaCredit: '1000',
    });
    expect(credit(statement(results, 'rep', '2026-Q1'), 'won').lines).toEqual([
      { record: { source: 'deals', key: 'D1', row: 1 }, amount: '1000', share: '1', role: 'owner' },
    ]);
    expect(credit(statement(results, 'rep', '2026-Q2'), 'won').total).toBe('700');
  });

  it('splits by percentage and conserves the amount exactly', () => {
    // 1,000.01 split 60/40: 600.006 + 400.004 = 1,000.01 exactly (credits are never rounded).
    const plan = planOf(
      quarterly(`${DEALS}
  credit shared from deals { to owner share 60%
    to co share 40% }
  commission c = shared * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a'), payee('b')],
        records: {
          deals: rows({
            id: 'D1',
            owner: 'a',
            co: 'b',
            amount: '1000.01',
            close_date: '2026-01-05',
            stage: 'Won',
          }),
        },
      },
      ['2026-Q1'],
    );
    expect(credit(statement(results, 'a', '2026-Q1'), 'shared').lines[0]).toMatchObject({
      amount: '600.006',
      share: '0.6',
      role: 'split',
    });
    expect(credit(statement(results, 'b', '2026-Q1'), 'shared').lines[0]).toMatchObject({
      amount: '400.004',
      share: '0.4',
      role: 'split',
    });
  });

  it('reads splits from a split source, and rejects shares that do not add up to 100%', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent, approved_on: Date dated }
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 1%`),
    );
    const splits = rows(
      { id: 'S1', deal_id: 'D1', payee: 'a', share: '50%', approved_on: '2026-01-02' },
      { id: 'S2', deal_id: 'D1', payee: 'b', share: '30%', approved_on: '2026-01-02' },
      { id: 'S3', deal_id: 'D1', payee: 'c', share: '0.2', approved_on: '2026-01-02' },
      { id: 'S4', deal_id: 'D2', payee: 'a', share: '50%', approved_on: '2026-01-02' },
      { id: 'S5', deal_id: 'D2', payee: 'b', share: '40%', approved_on: '2026-01-02' },
    );
    const data = {
      payees: [payee('a'), payee('b'), payee('c')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'a', amount: '9000', close_date: '2026-01-05', stage: 'Won' },
          { id: 'D2', owner: 'a', amount: '100', close_date: '2026-01-06', stage: 'Won' },
        ),
        deal_splits: splits,
      },
    };
    const strict = run(plan, data, ['2026-Q1']);
    expect(strict.statements).toEqual([]);
    expect(strict.errors.map((e) => [e.source, e.row, e.code])).toEqual([
      ['deal_splits', 4, 'split-shares'],
      ['deal_splits', 5, 'split-shares'],
    ]);
    expect(strict.errors[0]?.reason).toBe(
      'deal_splits row 4: the shares of "D2" add up to 90%, not 100% (rows 4, 5)',
    );
    const lenient = run(plan, data, ['2026-Q1'], { mode: 'lenient' });
    // D1: 9,000 x 50% = 4,500 to a; x 30% = 2,700 to b; x 20% = 1,800 to c. D2 has no valid split left.
    expect(credit(statement(lenient, 'a', '2026-Q1'), 'alliance').total).toBe('4500');
    expect(credit(statement(lenient, 'b', '2026-Q1'), 'alliance').total).toBe('2700');
    expect(credit(statement(lenient, 'c', '2026-Q1'), 'alliance').total).toBe('1800');
    expect(lenient.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(lenient.warnings.map((w) => w.message)).toContain(
      'deals D2 has no valid rows in deal_splits, so it credits no one',
    );
  });

  it('gives the lines of two split rows of one payee for one record in an order the input does not change', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent, approved_on: Date dated }
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 1%`),
    );
    const s1 = { id: 'S1', deal_id: 'D1', payee: 'b', share: '25%', approved_on: '2026-01-02' };
    const s2 = { id: 'S2', deal_id: 'D1', payee: 'b', share: '75%', approved_on: '2026-01-02' };
    const linesWith = (splits: DataRecord[]) => {
      const results = run(
        plan,
        {
          payees: [payee('a'), payee('b')],
          records: {
            deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05', stage: 'Won' }),
            deal_splits: splits,
          },
        },
        ['2026-Q1'],
      );
      return credit(statement(results, 'b', '2026-Q1'), 'alliance').lines.map((l) => [l.amount, l.share]);
    };
    // 1,000 x 25% = 250 (S1), 1,000 x 75% = 750 (S2): by the rows' keys, whichever row comes first in
    // the file (before the fix, by row: S2 first when its row came first).
    const expected = [
      ['250', '0.25'],
      ['750', '0.75'],
    ];
    expect(linesWith(rows(s1, s2))).toEqual(expected);
    expect(linesWith(rows(s2, s1))).toEqual(expected);
  });

  it('rejects a split share below 0% or above 100%, even when the shares add up to 100%', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent, approved_on: Date dated }
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 1%`),
    );
    const data = {
      payees: [payee('a'), payee('b')],
      records: {
        deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05', stage: 'Won' }),
        // -50% + 150% = 100%: it would credit a with -500 and b with 1,500.
        deal_splits: rows(
          { id: 'S1', deal_id: 'D1', payee: 'a', share: '-50%', approved_on: '2026-01-02' },
          { id: 'S2', deal_id: 'D1', payee: 'b', share: '150%', approved_on: '2026-01-02' },
        ),
      },
    };
    const strict = run(plan, data, ['2026-Q1']);
    expect(strict.errors.map((e) => e.reason)).toEqual([
      'deal_splits row 1: share is -50%, which is not between 0% and 100%',
      'deal_splits row 2: share is 150%, which is not between 0% and 100%',
    ]);
    const lenient = run(plan, data, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.rejected.map((r) => r.row)).toEqual([1, 2]);
    expect(lenient.statements.map((s) => credit(s, 'alliance').total)).toEqual(['0', '0']);
  });

  it('rolls credit up to managers, up to the stated number of levels', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit team from deals { to managers of owner up to 2 levels }
  commission c = team * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [
          payee('rep', {}, { manager: 'm1' }),
          payee('m1', {}, { manager: 'm2' }),
          payee('m2', {}, { manager: 'm3' }),
          payee('m3'),
        ],
        records: {
          deals: rows({ id: 'D1', owner: 'rep', amount: '800', close_date: '2026-01-05', stage: 'Won' }),
        },
      },
      ['2026-Q1'],
    );
    expect(credit(statement(results, 'm1', '2026-Q1'), 'team').lines[0]).toMatchObject({
      amount: '800',
      role: 'manager',
    });
    expect(credit(statement(results, 'm2', '2026-Q1'), 'team').total).toBe('800');
    expect(credit(statement(results, 'm3', '2026-Q1'), 'team').total).toBe('0');
    expect(credit(statement(results, 'rep', '2026-Q1'), 'team').total).toBe('0');
  });

  it('gives overlay credit without quota credit', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit strategic from deals { to lead as overlay }
  commission c = strategic * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('dir')],
        records: {
          deals: rows({
            id: 'D1',
            owner: 'rep',
            lead: 'dir',
            amount: '5000',
            close_date: '2026-01-05',
            stage: 'Won',
          }),
        },
      },
      ['2026-Q1'],
    );
    const s = statement(results, 'dir', '2026-Q1');
    expect(credit(s, 'strategic')).toMatchObject({ total: '5000', quotaCredit: '0' });
    expect(credit(s, 'strategic').lines[0]?.role).toBe('overlay');
    // Overlay credit still pays: 5,000 x 1% = 50.00.
    expect(s.earnings[0]?.amount).toBe('50.00');
  });

  it('reads quota credit, without overlay lines, through `quota_credited`', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit bookings from deals {
    to owner
    to lead as overlay
  }
  measure all_credit = sum(bookings.credited)
  measure quota_credit = sum(bookings.quota_credited)
  commission c = quota_credit * 1%`),
    );
    const deal = (id: string, owner: string, lead: string, amount: string) => ({
      id,
      owner,
      lead,
      amount,
      close_date: '2026-01-05',
      stage: 'Won',
    });
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('other')],
        records: { deals: rows(deal('D1', 'rep', 'other', '5000'), deal('D2', 'other', 'rep', '3000')) },
      },
      ['2026-Q1'],
    );
    // rep owns D1 (5,000, quota credit) and is the overlay on D2 (3,000, no quota credit):
    // credited 8,000, quota credit 5,000, and the commission 5,000 x 1% = 50.00.
    const s = statement(results, 'rep', '2026-Q1');
    expect(credit(s, 'bookings')).toMatchObject({ total: '8000', quotaCredit: '5000' });
    expect(s.measures.map((m) => [m.name, m.value])).toEqual([
      ['all_credit', '8000'],
      ['quota_credit', '5000'],
    ]);
    expect(s.earnings[0]?.amount).toBe('50.00');
  });

  it('credits the payees of the territory the account falls in, at the date of the record', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory named_accounts { named "Globex"
      priority 1
      assign "t3" as primary }
    territory emea { where region = "EMEA"
      priority 2
      assign "t1" as primary
      assign "t2" as overlay from 2026-02-01 }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1'), payee('t2'), payee('t3'), payee('t4')],
        territoryAssignments: [{ payee: 't4', territory: 'emea', role: 'primary', to: '2026-01-31' }],
        records: {
          accounts: rows(
            { id: 'A1', name: 'Initech', region: 'EMEA' },
            { id: 'A2', name: 'Globex', region: 'EMEA' },
          ),
          deals: rows(
            { id: 'D1', owner: 'rep', account: 'A1', amount: '1000', close_date: '2026-01-15', stage: 'Won' },
            { id: 'D2', owner: 'rep', account: 'A1', amount: '2000', close_date: '2026-02-15', stage: 'Won' },
            { id: 'D3', owner: 'rep', account: 'A2', amount: '4000', close_date: '2026-02-15', stage: 'Won' },
          ),
        },
      },
      ['2026-Q1'],
    );
    // t1 covers EMEA all quarter: D1 + D2. t2 is an overlay from February: D2 only, no quota credit.
    // t4 (from data) covered EMEA until January: D1. Globex is named, so D3 goes to t3 only.
    expect(credit(statement(results, 't1', '2026-Q1'), 'territorial')).toMatchObject({
      total: '3000',
      quotaCredit: '3000',
    });
    expect(credit(statement(results, 't2', '2026-Q1'), 'territorial')).toMatchObject({
      total: '2000',
      quotaCredit: '0',
    });
    expect(credit(statement(results, 't4', '2026-Q1'), 'territorial').total).toBe('1000');
    expect(
      credit(statement(results, 't3', '2026-Q1'), 'territorial').lines.map((l) => [l.record.key, l.role]),
    ).toEqual([['D3', 'territory']]);
  });

  it('credits owners payee by payee and still warns about the records no statement reads', () => {
    // Every credit goes to the owner, so each payee is credited when their statement is built and
    // their records are let go afterwards; "off" is not on the plan in Q1 and gets no statement,
    // yet its record without an amount is reported like the on-plan payee's.
    const plan = planOf(
      quarterly(`source deals {
    id: Text key
    owner: Payee owner
    amount: Money optional
    close_date: Date dated
  }
  credit won from deals { to owner }
  commission c = won * 10%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('on'), payee('off', {}, { plans: [{ plan: 'Test', from: '2026-04-01' }] })],
        records: {
          deals: rows(
            { id: 'D1', owner: 'on', amount: '1000', close_date: '2026-01-05' },
            { id: 'D2', owner: 'on', amount: '', close_date: '2026-01-06' },
            { id: 'D3', owner: 'off', amount: '', close_date: '2026-02-01' },
            { id: 'D4', owner: 'off', amount: '300', close_date: '2026-04-02' },
          ),
        },
      },
      ['2026-Q1', '2026-Q2'],
    );
    expect(results.warnings.map((w) => [w.period, w.message])).toEqual([
      ['2026-Q1', 'deals D2 has no credited amount'],
      ['2026-Q1', 'deals D3 has no credited amount'],
    ]);
    expect(results.statements.map((x) => [x.payee, x.period, x.payout])).toEqual([
      ['off', '2026-Q2', '30.00'],
      ['on', '2026-Q1', '100.00'],
      ['on', '2026-Q2', '0.00'],
    ]);
  });

  it("reads a split source by each credit's own field, whatever the other credits split on", () => {
    // One split source for deals (deal_id) and renewals (renewal_id): S1 gives D1 to x, S2 gives R1
    // to y. Each credit reads the rows by its own `on` field: x gets 100, y gets 40.
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source renewals { id: Text key, owner: Payee owner, amount: Money, renew_date: Date dated }
  source splits { id: Text key, deal_id: Text optional, renewal_id: Text optional, payee: Payee, share: Percent }
  credit a from deals { split by splits on deal_id }
  credit b from renewals { split by splits on renewal_id }
  commission c = (a + b) * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('x'), payee('y')],
        records: {
          deals: rows({ id: 'D1', owner: 'x', amount: '100', close_date: '2026-01-05' }),
          renewals: rows({ id: 'R1', owner: 'y', amount: '40', renew_date: '2026-01-06' }),
          splits: rows(
            { id: 'S1', deal_id: 'D1', renewal_id: '', payee: 'x', share: '100%' },
            { id: 'S2', deal_id: '', renewal_id: 'R1', payee: 'y', share: '100%' },
          ),
        },
      },
      ['2026-Q1'],
    );
    expect(results.errors).toEqual([]);
    expect(results.warnings).toEqual([]);
    expect(credit(statement(results, 'x', '2026-Q1'), 'a').total).toBe('100');
    expect(credit(statement(results, 'y', '2026-Q1'), 'b').total).toBe('40');
    expect(credit(statement(results, 'x', '2026-Q1'), 'b').total).toBe('0');
    expect(credit(statement(results, 'y', '2026-Q1'), 'a').total).toBe('0');
  });

  describe('territory credit by account name', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      priority 1
      assign "t1" as primary }
    territory amer { where region = "AMER"
      priority 2
      assign "t2" as primary }
  }`),
    );
    const dataWith = (accounts: ReturnType<typeof rows>, account: string) => ({
      payees: [payee('rep'), payee('t1'), payee('t2')],
      records: {
        accounts,
        deals: rows({
          id: 'D1',
          owner: 'rep',
          account,
          amount: '1000',
          close_date: '2026-01-15',
          stage: 'Won',
        }),
      },
    });

    it('resolves a name shared by accounts in two territories to the smallest key, whatever the order', () => {
      // Acme is A1 (EMEA, covered by t1) and A2 (AMER, covered by t2): ambiguous. A1 has the
      // smallest key, so D1 goes to emea: t1 gets 1,000, t2 nothing, in either order of the rows.
      const accounts = rows(
        { id: 'A2', name: 'Acme', region: 'AMER' },
        { id: 'A1', name: 'Acme', region: 'EMEA' },
      );
      const forward = run(plan, dataWith(accounts, 'Acme'), ['2026-Q1']);
      const backward = run(plan, dataWith(accounts.slice().reverse(), 'Acme'), ['2026-Q1']);
      expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
      expect(credit(statement(forward, 't1', '2026-Q1'), 'territorial').total).toBe('1000');
      expect(credit(statement(forward, 't2', '2026-Q1'), 'territorial').total).toBe('0');
      expect(forward.warnings.map((w) => [w.code, w.message])).toEqual([
        [
          'ambiguous-account',
          'account Acme of deals D1 is the name of accounts in different territories (A1 in emea, A2 in amer): credited to emea, the territory of A1, the smallest key',
        ],
      ]);
    });

    it('matches an account by key before name, and a name shared within one territory without a warning', () => {
      // "A2" is the key of an AMER account and the name of an EMEA one: the key wins (t2).
      // "Beta" names two EMEA accounts: one territory, no ambiguity (t1).
      const accounts = rows(
        { id: 'A1', name: 'A2', region: 'EMEA' },
        { id: 'A2', name: 'Other', region: 'AMER' },
        { id: 'A3', name: 'Beta', region: 'EMEA' },
        { id: 'A4', name: 'Beta', region: 'EMEA' },
      );
      for (const order of [accounts, accounts.slice().reverse()]) {
        const byKey = run(plan, dataWith(order, 'A2'), ['2026-Q1']);
        expect(credit(statement(byKey, 't2', '2026-Q1'), 'territorial').total).toBe('1000');
        expect(credit(statement(byKey, 't1', '2026-Q1'), 'territorial').total).toBe('0');
        const byName = run(plan, dataWith(order, 'Beta'), ['2026-Q1']);
        expect(credit(statement(byName, 't1', '2026-Q1'), 'territorial').total).toBe('1000');
        expect(byName.warnings).toEqual([]);
      }
    });

    it('warns when no payee covers the territory on the date of the record', () => {
      // amer has t2 only until January: D1 (January) goes to t2; D2 (February) to no one, with a warning.
      const p = planOf(
        quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory amer { where region = "AMER"
      assign "t2" as primary to 2026-01-31 }
  }`),
      );
      const results = run(
        p,
        {
          payees: [payee('rep'), payee('t2')],
          records: {
            accounts: rows({ id: 'A1', name: 'Acme', region: 'AMER' }),
            deals: rows(
              { id: 'D1', owner: 'rep', account: 'A1', amount: '10', close_date: '2026-01-15', stage: 'Won' },
              { id: 'D2', owner: 'rep', account: 'A1', amount: '20', close_date: '2026-02-15', stage: 'Won' },
            ),
          },
        },
        ['2026-Q1'],
      );
      expect(credit(statement(results, 't2', '2026-Q1'), 'territorial').total).toBe('10');
      expect(results.warnings.map((w) => [w.code, w.message])).toEqual([
        [
          'no-coverage',
          'no payee covers territory amer on 2026-02-15, so the 100% share of deals D2 in credit territorial (20.00 USD) credits no one',
        ],
      ]);
    });

    it('says that only the territory share is lost when no payee covers it, not the whole record', () => {
      // D1 (1,000) credits its owner 60% (600) and territory amer 40% (400). No one covers amer, so
      // the 400 credits no one, but rep keeps 600: the warning names the 40% share and its 400, not
      // the record (before the fix: 'so deals D1 credits no one', while rep was credited 600).
      const p = planOf(
        quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to owner share 60%
    to territory of account share 40% }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory amer { where region = "AMER" }
  }`),
      );
      const results = run(
        p,
        {
          payees: [payee('rep')],
          records: {
            accounts: rows({ id: 'A1', name: 'Acme', region: 'AMER' }),
            deals: rows({
              id: 'D1',
              owner: 'rep',
              account: 'A1',
              amount: '1000',
              close_date: '2026-02-15',
              stage: 'Won',
            }),
          },
        },
        ['2026-Q1'],
      );
      // 1,000 x 60% = 600
      expect(credit(statement(results, 'rep', '2026-Q1'), 'territorial').total).toBe('600');
      expect(results.warnings.map((w) => [w.code, w.message])).toEqual([
        [
          'no-coverage',
          // 1,000 x 40% = 400
          'no payee covers territory amer on 2026-02-15, so the 40% share of deals D1 in credit territorial (400.00 USD) credits no one',
        ],
      ]);
    });
  });

  describe('only on the days the payee is on the plan', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit won from deals { to owner }
  credit team from deals { to managers of owner }
  credit pair from deals { to owner share 50%
    to co share 50% }
  commission c = won * 10% per line`),
    );
    const deals = rows(
      { id: 'D1', owner: 'hire', co: 'leaver', amount: '1000', close_date: '2026-01-20', stage: 'Won' },
      { id: 'D2', owner: 'hire', co: 'leaver', amount: '2000', close_date: '2026-02-15', stage: 'Won' },
      { id: 'D3', owner: 'hire', co: 'leaver', amount: '4000', close_date: '2026-03-10', stage: 'Won' },
      { id: 'D4', owner: 'other', amount: '8000', close_date: '2026-03-10', stage: 'Won' },
    );
    // hire: from 1 February; leaver: until 14 February; boss (manager of hire) from 1 March;
    // other is on another plan (no statement here).
    const payees = [
      payee('hire', {}, { manager: 'boss', plans: [{ plan: 'Test', from: '2026-02-01' }] }),
      payee('leaver', {}, { plans: [{ plan: 'Test', to: '2026-02-14' }] }),
      payee('boss', {}, { plans: [{ plan: 'Test', from: '2026-03-01' }] }),
      payee('other', {}, { manager: 'boss', plans: [{ plan: 'Another' }] }),
    ];
    const results = run(plan, { payees, records: { deals } }, ['2026-Q1']);
    const lines = (who: string, name: string) =>
      credit(statement(results, who, '2026-Q1'), name).lines.map((l) => `${l.record.key}:${l.amount}`);

    it('leaves out records dated before a hire, after a leaver and before a manager joined', () => {
      // hire: D2 and D3 (D1 closed before 1 February), 10% per line: 200 + 400 = 600.
      expect(lines('hire', 'won')).toEqual(['D2:2000', 'D3:4000']);
      expect(statement(results, 'hire', '2026-Q1').earned).toBe('600.00');
      // Half of each deal: hire from D2 on; leaver up to 14 February (D1 only).
      expect(lines('hire', 'pair')).toEqual(['D2:1000', 'D3:2000']);
      expect(lines('leaver', 'pair')).toEqual(['D1:500']);
      // boss rolls up D3 (10 March) and D4 of other, who is on another plan: the manager is on
      // this plan that day.
      expect(lines('boss', 'team')).toEqual(['D3:4000', 'D4:8000']);
      expect(results.statements.map((s) => s.payee)).toEqual(['boss', 'hire', 'leaver']);
    });

    it('warns once per payee and credit, naming the records and the days on the plan', () => {
      const offPlan = results.warnings.filter((w) => w.code === 'off-plan');
      expect(offPlan.map((w) => [w.payee, w.rule?.name, w.message])).toEqual([
        // D1 and D2 roll up to boss (hire's manager) whether or not hire was on the plan that day.
        [
          'boss',
          'team',
          '2 deals records (D1, D2) are dated when boss is not on the plan (on it only 2026-03-01 to 2026-03-31 of 2026-Q1), so they credit boss nothing',
        ],
        [
          'hire',
          'pair',
          'deals record D1 is dated when hire is not on the plan (on it only 2026-02-01 to 2026-03-31 of 2026-Q1), so it credits hire nothing',
        ],
        [
          'hire',
          'won',
          'deals record D1 is dated when hire is not on the plan (on it only 2026-02-01 to 2026-03-31 of 2026-Q1), so it credits hire nothing',
        ],
        [
          'leaver',
          'pair',
          '2 deals records (D2, D3) are dated when leaver is not on the plan (on it only 2026-01-01 to 2026-02-14 of 2026-Q1), so they credit leaver nothing',
        ],
      ]);
    });
  });

  it('credits a payee without assignments only from the day the plan starts', () => {
    // The plan starts on 15 February: D1 (10 January) is before it, D2 (1 March) inside.
    const plan = planOf(
      quarterly(`${DEALS}
  credit won from deals { to owner }
  commission c = won * 10% per line`).replace('effective 2026-01-01', 'effective 2026-02-15'),
    );
    const deals = rows(
      { id: 'D1', owner: 'b', amount: '4000', close_date: '2026-01-10', stage: 'Won' },
      { id: 'D2', owner: 'b', amount: '2000', close_date: '2026-03-01', stage: 'Won' },
    );
    const results = run(plan, { payees: [payee('b')], records: { deals } }, ['2026-Q1']);
    // 10% of D2 only: 200.00 (D1 paid 400.00 more before).
    expect(statement(results, 'b', '2026-Q1').earned).toBe('200.00');
    expect(results.warnings.map((w) => w.code)).toEqual(['off-plan']);
  });

  it('credits a payee whose assignment starts before the plan only from the day the plan starts', () => {
    // The plan starts on 15 February; b is assigned to it from 1 June 2025, before it began. D1
    // (10 January) is before the plan, as for a payee without assignments; D2 (1 March) inside.
    // Before the fix the assignment's own start counted: D1 credited 4,000 and paid 400.00 more,
    // while b's quota counted days from 15 February only.
    const plan = planOf(
      quarterly(`${DEALS}
  credit won from deals { to owner }
  commission c = won * 10% per line`).replace('effective 2026-01-01', 'effective 2026-02-15'),
    );
    const deals = rows(
      { id: 'D1', owner: 'b', amount: '4000', close_date: '2026-01-10', stage: 'Won' },
      { id: 'D2', owner: 'b', amount: '2000', close_date: '2026-03-01', stage: 'Won' },
    );
    const payees = [payee('b', {}, { plans: [{ plan: 'Test', from: '2025-06-01' }] })];
    const results = run(plan, { payees, records: { deals } }, ['2026-Q1']);
    // 10% of D2 only: 2,000 x 10% = 200.00.
    expect(statement(results, 'b', '2026-Q1').earned).toBe('200.00');
    expect(results.warnings.map((w) => w.message)).toEqual([
      'deals record D1 is dated when b is not on the plan (on it only 2026-02-15 to 2026-03-31 of 2026-Q1), so it credits b nothing',
    ]);
  });

  describe('roll-up credit and cycles of managers', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  credit team from deals { to managers of owner }
  credit near from deals { to managers of owner up to 1 levels }
  commission c = team * 1%`),
    );
    const runWith = (payees: ReturnType<typeof payee>[], owners: string[]) =>
      run(
        plan,
        {
          payees,
          records: {
            deals: rows(
              ...owners.map((owner, i) => ({
                id: `D${i + 1}`,
                owner,
                amount: '100',
                close_date: '2026-01-05',
                stage: 'Won',
              })),
            ),
          },
        },
        ['2026-Q1'],
      );
    const totals = (results: ReturnType<typeof run>, name: string) =>
      results.statements.map((s) => [s.payee, credit(s, name).total]);

    it('credits no manager of an owner in or below a cycle, and names the cycle', () => {
      // rep -> m1 -> m2 -> m3 -> m2: m2 and m3 manage each other, so rep's chain never reaches a top.
      // Like roll-ups (rep, m1, m2, m3 are unplaced), no one gets rep's or m1's deals, even one level up.
      // top -> (no manager); ok -> top: ok's deal goes to top as before.
      const payees = [
        payee('rep', {}, { manager: 'm1' }),
        payee('m1', {}, { manager: 'm2' }),
        payee('m2', {}, { manager: 'm3' }),
        payee('m3', {}, { manager: 'm2' }),
        payee('ok', {}, { manager: 'top' }),
        payee('top'),
      ];
      const results = runWith(payees, ['rep', 'm1', 'ok']);
      expect(totals(results, 'team')).toEqual([
        ['m1', '0'],
        ['m2', '0'],
        ['m3', '0'],
        ['ok', '0'],
        ['rep', '0'],
        ['top', '100'],
      ]);
      expect(totals(results, 'near')).toEqual(totals(results, 'team'));
      expect(results.warnings.map((w) => [w.rule?.name, w.message])).toEqual([
        ['near', 'the managers of m1 go round in a cycle (m2 -> m3 -> m2), so no manager is credited for m1'],
        [
          'near',
          'the managers of rep go round in a cycle (m2 -> m3 -> m2), so no manager is credited for rep',
        ],
        ['team', 'the managers of m1 go round in a cycle (m2 -> m3 -> m2), so no manager is credited for m1'],
        [
          'team',
          'the managers of rep go round in a cycle (m2 -> m3 -> m2), so no manager is credited for rep',
        ],
      ]);
    });

    it('credits no one for a payee who is their own manager, or a member of a cycle', () => {
      const payees = [
        payee('self', {}, { manager: 'self' }),
        payee('a', {}, { manager: 'b' }),
        payee('b', {}, { manager: 'a' }),
      ];
      const results = runWith(payees, ['self', 'a', 'b']);
      expect(totals(results, 'team')).toEqual([
        ['a', '0'],
        ['b', '0'],
        ['self', '0'],
      ]);
      expect(results.warnings.filter((w) => w.rule?.name === 'team').map((w) => w.message)).toEqual([
        'the managers of a go round in a cycle (a -> b -> a), so no manager is credited for a',
        'the managers of b go round in a cycle (a -> b -> a), so no manager is credited for b',
        'the managers of self go round in a cycle (self -> self), so no manager is credited for self',
      ]);
    });
  });
});

describe('hypothetical rows of other sources', () => {
  const SPLITS =
    'source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent, approved_on: Date dated }';

  it('credits an estimate through a hypothetical split row, never paid, even of a real deal', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  ${SPLITS}
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 10%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a'), payee('b')],
        records: {
          deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05', stage: 'Won' }),
          deal_splits: [
            {
              row: 1,
              values: { id: 'S1', deal_id: 'D1', payee: 'a', share: '50%', approved_on: '2026-01-02' },
            },
            {
              row: 2,
              values: { id: 'S2', deal_id: 'D1', payee: 'b', share: '50%', approved_on: '2026-01-02' },
              hypothetical: true,
            },
          ],
        },
      },
      ['2026-Q1'],
    );
    // a: S1 is real, 1,000 x 50% = 500 credited, 500 x 10% = 50.00 paid.
    const a = statement(results, 'a', '2026-Q1');
    expect(credit(a, 'alliance')).toMatchObject({ total: '500', quotaCredit: '500', estimate: '0' });
    expect([a.payout, a.estimatedPayout]).toEqual(['50.00', '50.00']);
    // b: S2 is hypothetical, so its 500 is an estimate only: total 0, paid 0.00, estimated 50.00.
    const b = statement(results, 'b', '2026-Q1');
    expect(credit(b, 'alliance')).toMatchObject({ total: '0', quotaCredit: '0', estimate: '500' });
    expect(
      credit(b, 'alliance').lines.map((l) => [l.record.key, l.amount, l.share, l.role, l.estimate]),
    ).toEqual([['D1', '500', '0.5', 'split', true]]);
    expect([b.payout, b.estimatedPayout]).toEqual(['0.00', '50.00']);
  });

  it('credits an estimate through a hypothetical account, by key or by name', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 10%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "t1" as primary }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1')],
        records: {
          accounts: [
            { row: 1, values: { id: 'A1', name: 'Initech', region: 'EMEA' }, hypothetical: true },
            { row: 2, values: { id: 'A2', name: 'Globex', region: 'EMEA' } },
          ],
          deals: rows(
            { id: 'D1', owner: 'rep', account: 'A1', amount: '1000', close_date: '2026-01-05', stage: 'Won' },
            {
              id: 'D2',
              owner: 'rep',
              account: 'Initech',
              amount: '200',
              close_date: '2026-01-06',
              stage: 'Won',
            },
            { id: 'D3', owner: 'rep', account: 'A2', amount: '500', close_date: '2026-01-07', stage: 'Won' },
          ),
        },
      },
      ['2026-Q1'],
    );
    // Paid: D3 only (A2 is real): 500 x 10% = 50.00. Estimate: D1 (A1) 1,000 and D2 (named Initech,
    // A1's name) 200: 1,200 x 10% = 120.00 more, 170.00 in all.
    const t1 = statement(results, 't1', '2026-Q1');
    expect(credit(t1, 'territorial')).toMatchObject({ total: '500', quotaCredit: '500', estimate: '1200' });
    expect(credit(t1, 'territorial').lines.map((l) => [l.record.key, l.amount, l.estimate ?? false])).toEqual(
      [
        ['D3', '500', false],
        ['D1', '1000', true],
        ['D2', '200', true],
      ],
    );
    expect([t1.payout, t1.estimatedPayout]).toEqual(['50.00', '170.00']);
    expect(results.warnings).toEqual([]);
  });

  it('gives a record credited to one payee by a real and a hypothetical split row two lines, each by its row', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  ${SPLITS}
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 10% per line`),
    );
    const splits = [
      { id: 'S1', deal_id: 'D1', payee: 'a', share: '50%', approved_on: '2026-01-02' },
      { id: 'S2', deal_id: 'D1', payee: 'a', share: '50%', approved_on: '2026-01-02' },
    ];
    const results = run(
      plan,
      {
        payees: [payee('a')],
        records: {
          deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05', stage: 'Won' }),
          deal_splits: splits.map((values, i) => ({ row: i + 1, values, hypothetical: i === 1 })),
        },
      },
      ['2026-Q1'],
    );
    // S1 (real): 1,000 x 50% = 500 credited, 500 x 10% = 50.00 paid. S2 (hypothetical): the same
    // 500 and 50.00, an estimate only: paid 50.00, estimated 100.00.
    const a = statement(results, 'a', '2026-Q1');
    expect(credit(a, 'alliance')).toMatchObject({ total: '500', estimate: '500' });
    expect(
      credit(a, 'alliance').lines.map((l) => [
        l.record.key,
        l.amount,
        l.estimate ?? false,
        l.via?.split?.key,
      ]),
    ).toEqual([
      ['D1', '500', false, 'S1'],
      ['D1', '500', true, 'S2'],
    ]);
    // Line ids are unique within the statement: the estimate line's id says it is one.
    const c = a.earnings.find((e) => e.name === 'c');
    expect(c?.lines.map((l) => [l.id, l.record?.key, l.amount, l.estimate ?? false])).toEqual([
      ['c:D1', 'D1', '50.00', false],
      ['c:D1 (estimate)', 'D1', '50.00', true],
    ]);
    expect([a.payout, a.estimatedPayout]).toEqual(['50.00', '100.00']);
    // Each split row picks its own line, each 50% of D1's 1,000 = 500.
    const at = { payee: 'a', period: '2026-Q1', credit: 'alliance', record: 'D1' };
    expect(explain(results, { ...at, via: 'S1' })?.sentence).toBe(
      'alliance for deals D1 is 500.00 USD: amount 1,000.00 USD, share 50%, role split, deal_splits S1',
    );
    expect(explain(results, { ...at, via: 'S2' })?.sentence).toBe(
      'alliance for deals D1 is 500.00 USD: amount 1,000.00 USD, share 50%, role split, deal_splits S2; ' +
        'an estimate, not counted: it comes from a hypothetical record',
    );
    expect(
      explain(results, { payee: 'a', period: '2026-Q1', earning: 'c', line: 'D1 (estimate)' })?.value,
    ).toBe('50.00');
    // The paid line is S1's 50% of D1 alone (1,000 x 50% = 500, x 10% = 50.00), not 100% with the
    // estimate's S2; the estimate line is S2's 50%.
    expect(explain(results, { payee: 'a', period: '2026-Q1', earning: 'c', line: 'D1' })?.sentence).toBe(
      'c for deals D1 is 50.00 USD: alliance 500.00 USD x 10%, amount 1,000.00 USD, alliance share 50%',
    );
    expect(
      explain(results, { payee: 'a', period: '2026-Q1', earning: 'c', line: 'D1 (estimate)' })?.sentence,
    ).toBe(
      'c for deals D1 is 50.00 USD: alliance 500.00 USD x 10%, amount 1,000.00 USD, alliance share 50%; ' +
        'an estimate, not paid: the record is real, but the split row or account that credits it to this payee is hypothetical',
    );
  });

  it('names the hypothetical account of an estimate line, when a real account credits the payee the same record', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, account: Text, partner: Text, amount: Money, close_date: Date dated }
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals {
    to territory of account share 50%
    to territory of partner share 50%
  }
  commission c = territorial * 10% per line
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "t1" as primary }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1')],
        records: {
          accounts: [
            { row: 1, values: { id: 'A1', name: 'Initech', region: 'EMEA' }, hypothetical: true },
            { row: 2, values: { id: 'A2', name: 'Globex', region: 'EMEA' } },
          ],
          deals: rows({
            id: 'D1',
            owner: 'rep',
            account: 'A2',
            partner: 'A1',
            amount: '1000',
            close_date: '2026-01-05',
          }),
        },
      },
      ['2026-Q1'],
    );
    // D1 reaches t1 twice, 1,000 x 50% = 500 each: through A2 (real: 500 x 10% = 50.00 paid) and
    // A1 (hypothetical: an estimate of 50.00 more, 100.00 estimated).
    const t1 = statement(results, 't1', '2026-Q1');
    expect(
      credit(t1, 'territorial').lines.map((l) => [
        l.amount,
        l.estimate ?? false,
        l.via?.field,
        l.via?.account,
      ]),
    ).toEqual([
      ['500', false, 'account', 'A2'],
      ['500', true, 'partner', 'A1'],
    ]);
    expect(t1.earnings[0]?.lines.map((l) => [l.id, l.amount])).toEqual([
      ['c:D1', '50.00'],
      ['c:D1 (estimate)', '50.00'],
    ]);
    expect([t1.payout, t1.estimatedPayout]).toEqual(['50.00', '100.00']);
  });

  // Whole dollars by the hundred: every earning is exact in cents, so estimates add up exactly.
  const PROPERTY_PLAN = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, account: Text optional, amount: Money, close_date: Date dated }
  ${SPLITS}
  source accounts { id: Text key, name: Text, region: Text }
  credit own from deals { to owner }
  credit alliance from deals { split by deal_splits on deal_id }
  credit territorial from deals { to territory of account }
  measure att = own / 10000 USD
  rate table rt on att marginal {
    0% to 100%: 2%
    100% and up: 8%
  }
  commission e = tiered(own, rt) per line
  commission s = alliance * 10%
  commission t = territorial * 5%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "a" as primary
      assign "b" as overlay }
    territory amer { where region = "AMER"
      assign "c" as primary }
  }`),
  );
  const ON_PLAN = ['a', 'b', 'c'];
  // z is on another plan: what is credited to z reaches no statement of this plan.
  const PAYEES = [...ON_PLAN.map((id) => payee(id)), payee('z', {}, { plans: [{ plan: 'Other' }] })];

  const caseArb = fc.record({
    deals: fc.array(
      fc.record({
        owner: fc.constantFrom(...ON_PLAN),
        hundreds: fc.integer({ min: 1, max: 200 }),
        day: fc.integer({ min: 1, max: 90 }),
        account: fc.option(fc.constantFrom('A1', 'A2', 'A3', 'Acme'), { nil: undefined }),
        hyp: fc.boolean(),
        splits: fc.array(
          fc.record({
            payee: fc.constantFrom(...ON_PLAN),
            weight: fc.integer({ min: 1, max: 9 }),
            hyp: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 8 },
    ),
    accounts: fc.array(fc.record({ region: fc.constantFrom('EMEA', 'AMER', 'APAC'), hyp: fc.boolean() }), {
      minLength: 3,
      maxLength: 3,
    }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

  /**
   * The dataset of a case: `flag` marks its hypothetical rows; `drop` leaves them out instead (a
   * hypothetical split row goes to z, off the plan, so that the shares of each deal still add up to 100%).
   */
  function datasetOf(c: Case, how: 'flag' | 'drop' | 'real') {
    const deals: DataRecord[] = [];
    const splits: DataRecord[] = [];
    c.deals.forEach((d, i) => {
      const id = `D${i + 1}`;
      const values: Record<string, string> = {
        id,
        owner: d.owner,
        amount: String(d.hundreds * 100),
        close_date: new Date(Date.UTC(2026, 0, d.day)).toISOString().slice(0, 10),
      };
      if (d.account !== undefined) values.account = d.account;
      if (!(how === 'drop' && d.hyp))
        deals.push({ row: i + 1, values, hypothetical: how === 'flag' && d.hyp });
      // Whole percentages adding up to exactly 100%: the remainder goes to the first row.
      const weights = d.splits.reduce((t, s) => t + s.weight, 0);
      const shares = d.splits.map((s) => Math.floor((s.weight * 100) / weights));
      shares[0] = (shares[0] as number) + 100 - shares.reduce((t, s) => t + s, 0);
      d.splits.forEach((s, j) => {
        const row = splits.length + 1;
        const payeeOf = how === 'drop' && s.hyp ? 'z' : s.payee;
        splits.push({
          row,
          values: {
            id: `S${row}`,
            deal_id: id,
            payee: payeeOf,
            share: `${shares[j]}%`,
            approved_on: '2026-01-01',
          },
          hypothetical: how === 'flag' && s.hyp,
        });
      });
    });
    const accounts: DataRecord[] = [];
    c.accounts.forEach((a, i) => {
      if (how === 'drop' && a.hyp) return;
      const values = { id: `A${i + 1}`, name: i === 0 ? 'Acme' : `Name${i + 1}`, region: a.region };
      accounts.push({ row: i + 1, values, hypothetical: how === 'flag' && a.hyp });
    });
    return { payees: PAYEES, records: { deals, deal_splits: splits, accounts } };
  }

  const payouts = (results: Results, pick: (s: Statement) => string) =>
    results.statements.map((s) => [s.payee, pick(s)]);

  test.prop([caseArb], { numRuns: 60 })(
    'hypothetical rows of any source change the estimated payout, never the payout',
    (c) => {
      const flagged = run(PROPERTY_PLAN, datasetOf(c, 'flag'), ['2026-Q1'], { mode: 'lenient' });
      const dropped = run(PROPERTY_PLAN, datasetOf(c, 'drop'), ['2026-Q1'], { mode: 'lenient' });
      const real = run(PROPERTY_PLAN, datasetOf(c, 'real'), ['2026-Q1'], { mode: 'lenient' });
      expect(flagged.rejected).toEqual([]);
      // Paid: as if the hypothetical rows were not there.
      expect(payouts(flagged, (s) => s.payout)).toEqual(payouts(dropped, (s) => s.payout));
      // Estimated: as if they were real.
      expect(payouts(flagged, (s) => s.estimatedPayout)).toEqual(payouts(real, (s) => s.payout));
    },
  );
});

describe('credit that reaches no one', () => {
  it('warns about a record whose recipient field is empty, with the share and amount not credited', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee optional, share: Percent, approved_on: Date dated }
  source accounts { id: Text key, name: Text, region: Text }
  credit pair from deals { to owner share 60%
    to co share 40%
    to lead as overlay }
  credit alliance from deals where stage = "Split" { split by deal_splits on deal_id }
  credit territorial from deals { to territory of account }
  credit team from deals where stage = "Split" { to owner share 90%
    to managers of co share 10% }
  commission c = pair * 10%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "a" as primary }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a'), payee('b')],
        records: {
          accounts: rows({ id: 'A1', name: 'Initech', region: 'EMEA' }),
          deals: rows(
            {
              id: 'D1',
              owner: 'a',
              co: 'b',
              account: 'A1',
              amount: '1000',
              close_date: '2026-01-05',
              stage: 'Won',
            },
            { id: 'D2', owner: 'a', amount: '500.005', close_date: '2026-01-06', stage: 'Won' },
            { id: 'D3', owner: 'a', account: 'A1', amount: '2000', close_date: '2026-01-07', stage: 'Split' },
          ),
          deal_splits: rows(
            { id: 'S1', deal_id: 'D3', payee: 'a', share: '60%', approved_on: '2026-01-01' },
            { id: 'S2', deal_id: 'D3', share: '40%', approved_on: '2026-01-01' },
          ),
        },
      },
      ['2026-Q1'],
    );
    // D2 has no co: its 40% (500.005 x 40% = 200.002) goes to no one, and D3's (2,000 x 40% = 800);
    // no lead is no overlay: no warning. Without a co, D3's 10% (2,000 x 10% = 200) for co's
    // managers goes to none. D2 has no account: 500.005 goes to no territory. S2 has no payee:
    // 2,000 x 40% = 800 of D3 is lost.
    expect(results.warnings.map((w) => [w.code, w.rule?.name, w.message])).toEqual([
      [
        'no-value',
        'alliance',
        'deal_splits row 2 (S2) has no payee, so its 40% share of deals D3 in credit alliance (800.00 USD) credits no one',
      ],
      [
        'no-value',
        'pair',
        'deals D2 has no co, so its 40% share in credit pair (200.002 USD) credits no one',
      ],
      ['no-value', 'pair', 'deals D3 has no co, so its 40% share in credit pair (800.00 USD) credits no one'],
      [
        'no-value',
        'team',
        'deals D3 has no co, so its 10% share in credit team (200.00 USD) credits no manager',
      ],
      [
        'no-value',
        'territorial',
        'deals D2 has no account, so its 100% share in credit territorial (500.005 USD) credits no one',
      ],
    ]);
    // What is credited is unchanged: a gets 60% of D1, D2 and D3 in pair, 60% of D3 in alliance.
    const a = statement(results, 'a', '2026-Q1');
    expect(credit(a, 'pair').total).toBe('2100.003');
    expect(credit(a, 'alliance').total).toBe('1200');
    expect(credit(a, 'territorial').total).toBe('3000');
  });

  it('says when the account of a record is in no territory because its row was rejected', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 10%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "t1" as primary }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1')],
        records: {
          accounts: rows({ id: 'A1', name: 'Initech' }, { id: 'A2', name: 'Globex', region: 'APAC' }),
          deals: rows(
            { id: 'D1', owner: 'rep', account: 'A1', amount: '1000', close_date: '2026-01-05', stage: 'Won' },
            {
              id: 'D2',
              owner: 'rep',
              account: 'Initech',
              amount: '10',
              close_date: '2026-01-05',
              stage: 'Won',
            },
            { id: 'D3', owner: 'rep', account: 'A2', amount: '100', close_date: '2026-01-05', stage: 'Won' },
          ),
        },
      },
      ['2026-Q1'],
      { mode: 'lenient' },
    );
    expect(results.rejected.map((r) => r.errors.map((e) => e.reason))).toEqual([
      ['accounts row 1: region is missing'],
    ]);
    expect(results.warnings.map((w) => w.message)).toEqual([
      'account A1 of deals D1 is in no territory: its row (accounts row 1) was rejected for its own errors, so the 100% share of deals D1 in credit territorial (1,000.00 USD) credits no one',
      'account A2 of deals D3 is in no territory',
      'account Initech of deals D2 is in no territory: its row (accounts row 1) was rejected for its own errors, so the 100% share of deals D2 in credit territorial (10.00 USD) credits no one',
    ]);
  });

  it('warns about a territory assigned in the plan to a payee the data does not have', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source accounts { id: Text key, name: Text, region: Text }
  credit territorial from deals { to territory of account }
  commission c = territorial * 10%
  territories on accounts by priority {
    territory emea { where region = "EMEA"
      assign "t1" as primary
      assign "ghost" as overlay }
  }`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep'), payee('t1')],
        records: {
          accounts: rows({ id: 'A1', name: 'Initech', region: 'EMEA' }),
          deals: rows({
            id: 'D1',
            owner: 'rep',
            account: 'A1',
            amount: '1000',
            close_date: '2026-01-05',
            stage: 'Won',
          }),
        },
      },
      ['2026-Q1'],
    );
    expect(results.warnings.map((w) => [w.code, w.payee, w.period, w.message])).toEqual([
      [
        'unknown-assignee',
        undefined,
        undefined,
        'territory emea is assigned to ghost, who is not among the payees: the assignment is ignored, so ghost is credited nothing through emea',
      ],
    ]);
    expect(results.warnings[0]?.range).toBeDefined();
    expect(credit(statement(results, 't1', '2026-Q1'), 'territorial').total).toBe('1000');
  });
});
