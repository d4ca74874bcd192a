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
const deals = rows({ id: 'D1', owner: 'rep', account: 'A1', amount: '500', close_date: '2026-05-10' });
// 1 EUR = 1.0 USD until March, 1.2 USD from April.
const fx = [
  { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.0' },
  { from: 'EUR', to: 'USD', date: '2026-04-01', rate: '1.2' },
];

describe('territory placement period', () => {
  it('places accounts in the period of the as-of date, in crediting and in assignAccounts alike', () => {
    const results = run(plan, { payees, fx, records: { accounts, deals } }, ['2026-Q2']);
    expect(results.meta.asOf).toBe('2026-06-30');
    // As of 2026-06-30 (Q2, rate 1.2): 1000 EUR = 1200 USD >= 1100 USD, so A1 is in big and D1's
    // 500 USD credits t-big. Read in the plan's first period (Q1, rate 1.0) it was 1000 USD < 1100
    // USD: rest, so t-rest was credited while the territory report said big.
    expect(territorial(statement(results, 't-big', '2026-Q2'))).toBe('500');
    expect(territorial(statement(results, 't-rest', '2026-Q2'))).toBe('0');
    const report = assignAccounts(plan, accounts, { asOf: results.meta.asOf, payees, fx });
    expect(report.accounts.map((a) => [a.account, a.territory, a.primary])).toEqual([
      ['A1', 'big', ['t-big']],
    ]);
    // Before April (rate 1.0) the same account is in rest, in both.
    const march = run(plan, { payees, fx, records: { accounts, deals } }, ['2026-Q2'], {
      asOf: '2026-03-31',
    });
    expect(territorial(statement(march, 't-rest', '2026-Q2'))).toBe('500');
    expect(assignAccounts(plan, accounts, { asOf: '2026-03-31', payees, fx }).accounts[0]?.territory).toBe(
      'rest',
    );
  });

  it('keeps the warnings of placing accounts, whatever period they fall in', () => {
    // No FX rate at all: the rule has no value for A1, which goes to rest, with a warning. It was
    // dropped in a run of Q2 alone (placing read Q1, a period the run does not report), and must
    // not be dropped in a run of Q1 as of a day in Q2 either.
    const want = ['no-fx-rate', 'there is no FX rate from EUR to USD on or before the conversion date'];
    const q2 = run(plan, { payees, records: { accounts, deals } }, ['2026-Q2']);
    expect(territorial(statement(q2, 't-rest', '2026-Q2'))).toBe('500');
    expect(q2.warnings.map((w) => [w.code, w.message])).toEqual([want]);
    const early = rows({ id: 'D0', owner: 'rep', account: 'A1', amount: '300', close_date: '2026-02-10' });
    const q1 = run(plan, { payees, records: { accounts, deals: early } }, ['2026-Q1'], {
      asOf: '2026-04-10',
    });
    expect(territorial(statement(q1, 't-rest', '2026-Q1'))).toBe('300');
    expect(q1.warnings.map((w) => [w.code, w.message])).toEqual([want]);
    // The warning names the period the rules were read in: the one of the as-of date.
    expect(q1.warnings[0]?.period).toBe('2026-Q2');
  });
});
