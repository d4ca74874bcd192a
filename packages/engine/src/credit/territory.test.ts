import { describe, expect, it } from 'vitest';
import type { Statement } from '../results/results.js';
import { assignAccounts } from '../territories/assign-accounts.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const territorial = (s: Statement): string => s.credits.find((c) => c.name === 'territorial')?.total ?? '';

// An account whose placement changes over the year: its potential is in EUR and the rule converts
// it at the FX rate of the end of the period the rules are read in.
const plan = planOf(
  quarterly(`source accounts { id: Text key, region: Text, potential: Money(EUR) }
  source deals {
    id: Text key
    owner: Payee owner
    account: Text
    amount: Money
    close_date: Date dated
  }
  credit territorial from deals { to territory of account }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory big { where convert(potential, USD) >= 1100 USD
      priority 1
      assign "t-big" as primary }
    territory rest { where region = "EMEA"
      priority 2
      assign "t-rest" as primary }
  }`),
);

const payees = [payee('rep'), payee('t-big'), payee('t-rest')];
const accounts = rows({ id: 'A1', region: 'EMEA', potential: '1000' });
// 1 EUR = 1.0 USD until March, 1.2 USD from April.
const fx = [
  { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.0' },
  { from: 'EUR', to: 'USD', date: '2026-04-01', rate: '1.2' },
];

const d0 = { id: 'D0', owner: 'rep', account: 'A1', amount: '300', close_date: '2026-02-10' };
const d1 = { id: 'D1', owner: 'rep', account: 'A1', amount: '500', close_date: '2026-05-10' };
const both = rows(d0, d1);
const recalculated = (s: Statement): string[] =>
  s.adjustments.filter((a) => a.kind === 'recalculation').map((a) => `${a.id} ${a.amount}`);

describe('territory placement period', () => {
  it('places the account of a record as the rules read in the period of its date', () => {
    // Q1 (rate 1.0 at 2026-03-31): 1000 EUR = 1000 USD < 1100 USD, so A1 is in rest and D0's 300
    // credits t-rest. Q2 (rate 1.2 at 2026-06-30): 1200 USD >= 1100 USD, so A1 is in big and D1's
    // 500 credits t-big. One call over both, a run of each, and runs as of any day agree. Placed as
    // of the run's as-of date (before the fix), the one call put D0 in big (t-big 300, t-rest 0).
    const data = { payees, fx, records: { accounts, deals: both } };
    const one = run(plan, data, ['2026-Q1', '2026-Q2']);
    const q1 = run(plan, data, ['2026-Q1']);
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q2']);
    const late = run(plan, data, ['2026-Q1'], { asOf: '2026-06-30' });
    for (const r of [one, q1, late]) {
      expect(territorial(statement(r, 't-rest', '2026-Q1'))).toBe('300');
      expect(territorial(statement(r, 't-big', '2026-Q1'))).toBe('0');
    }
    for (const r of [one, q2]) {
      expect(territorial(statement(r, 't-big', '2026-Q2'))).toBe('500');
      expect(territorial(statement(r, 't-rest', '2026-Q2'))).toBe('0');
    }
    // The sequence's Q2 finds Q1 as it was reported: nothing to recalculate, nothing to warn of.
    expect(q2.warnings.map((w) => w.code)).toEqual([]);
  });

  it('never moves a closed period by rerunning it, whatever the FX rates of later periods', () => {
    // Rerunning Q1 with Q2, then with Q3 after the rate is back to 1.0: Q1 is placed by Q1's rate
    // each time, so no recalculation line is paid (before the fix: t-rest -3.00 and t-big +3.00 in
    // Q2, 300 x 1% moving between territories, then back again in Q3).
    const fx3 = [...fx, { from: 'EUR', to: 'USD', date: '2026-07-01', rate: '1.0' }];
    const data = { payees, fx: fx3, records: { accounts, deals: both } };
    const q1 = run(plan, data, ['2026-Q1']);
    const again = run(plan, { ...data, previous: q1 }, ['2026-Q1', '2026-Q2']);
    const q3 = run(
      plan,
      { ...data, previous: { ...again, statements: [...q1.statements, ...again.statements] } },
      ['2026-Q1', '2026-Q3'],
    );
    for (const p of ['t-rest', 't-big']) {
      expect(recalculated(statement(again, p, '2026-Q2'))).toEqual([]);
      expect(recalculated(statement(q3, p, '2026-Q3'))).toEqual([]);
    }
    expect([...again.warnings, ...q3.warnings].map((w) => w.code)).toEqual([]);
  });

  it("assignAccounts as of a day places accounts as crediting does in that day's period", () => {
    const results = run(plan, { payees, fx, records: { accounts, deals: both } }, ['2026-Q1', '2026-Q2']);
    const place = (asOf: string) =>
      assignAccounts(plan, accounts, { asOf, payees, fx }).accounts.map((a) => [a.territory, a.primary]);
    // Any day of Q1 (rate 1.0 at its end): rest, where D0 was credited; any day of Q2: big, D1's.
    expect(territorial(statement(results, 't-rest', '2026-Q1'))).toBe('300');
    expect(place('2026-01-01')).toEqual([['rest', ['t-rest']]]);
    expect(place('2026-03-31')).toEqual([['rest', ['t-rest']]]);
    expect(territorial(statement(results, 't-big', '2026-Q2'))).toBe('500');
    expect(place('2026-04-01')).toEqual([['big', ['t-big']]]);
    expect(place('2026-06-30')).toEqual([['big', ['t-big']]]);
  });

  it('keeps the warnings of placing accounts in the period they were found in', () => {
    // No FX rate at all: the rule has no value for A1, which goes to rest, with a warning in each
    // period whose records were placed (Q1 for D0, Q2 for D1), and in no other. Each names the day
    // of the conversion: the rule converts on the last day of the period accounts are placed for.
    const want = (day: string) => ['no-fx-rate', `there is no FX rate from EUR to USD on or before ${day}`];
    const data = { payees, records: { accounts, deals: both } };
    const one = run(plan, data, ['2026-Q1', '2026-Q2']);
    expect(territorial(statement(one, 't-rest', '2026-Q1'))).toBe('300');
    expect(territorial(statement(one, 't-rest', '2026-Q2'))).toBe('500');
    expect(one.warnings.map((w) => [w.period, w.code, w.message])).toEqual([
      ['2026-Q1', ...want('2026-03-31')],
      ['2026-Q2', ...want('2026-06-30')],
    ]);
    // A run of Q1 as of a day in Q2 places Q1's records for Q1: the warning is Q1's.
    const q1 = run(plan, data, ['2026-Q1'], { asOf: '2026-04-10' });
    expect(q1.warnings.map((w) => [w.period, w.code, w.message])).toEqual([
      ['2026-Q1', ...want('2026-03-31')],
    ]);
    // assignAccounts labels it with the as-of date's period.
    const report = assignAccounts(plan, accounts, { asOf: '2026-05-01', payees });
    expect(report.warnings.map((w) => [w.period, w.code])).toEqual([['2026-Q2', 'no-fx-rate']]);
  });

  it("reads a rule's today as the last day of the period accounts are placed for", () => {
    // A1 opened on 2026-05-01. `today >= opened` holds at the end of Q2 (2026-06-30), not at the
    // end of Q1 (2026-03-31): D0 (Q1) credits t-rest, D1 (Q2) t-big, whatever the as-of date. The
    // same through a let, also one with a version by date (it has a value in 2026 only). With
    // today = the as-of date (2026-06-30 for a Q1+Q2 run, before the fix), D0 credited t-big too.
    const lets = {
      'today >= opened': 'let cutoff: Date = today',
      'cutoff >= opened': 'let cutoff: Date = today',
      'dated >= opened': 'let dated: Date = today effective 2026-01-01 to 2026-12-31',
    };
    for (const [rule, letLine] of Object.entries(lets)) {
      const dated = planOf(
        quarterly(`source accounts { id: Text key, region: Text, opened: Date }
  source deals {
    id: Text key
    owner: Payee owner
    account: Text
    amount: Money
    close_date: Date dated
  }
  ${letLine}
  credit territorial from deals { to territory of account }
  commission c = territorial * 1%
  territories on accounts by priority {
    territory big { where ${rule}
      priority 1
      assign "t-big" as primary }
    territory rest { where region = "EMEA"
      priority 2
      assign "t-rest" as primary }
  }`),
      );
      const opened = rows({ id: 'A1', region: 'EMEA', opened: '2026-05-01' });
      const data = { payees, records: { accounts: opened, deals: both } };
      for (const asOf of ['2026-06-30', '2026-12-31']) {
        const r = run(dated, data, ['2026-Q1', '2026-Q2'], { asOf });
        expect([rule, asOf, territorial(statement(r, 't-rest', '2026-Q1'))]).toEqual([rule, asOf, '300']);
        expect(territorial(statement(r, 't-big', '2026-Q1'))).toBe('0');
        expect(territorial(statement(r, 't-big', '2026-Q2'))).toBe('500');
      }
      const at = (asOf: string) => assignAccounts(dated, opened, { asOf, payees }).accounts[0]?.territory;
      expect([at('2026-03-31'), at('2026-04-01')]).toEqual(['rest', 'big']);
    }
  });
});
