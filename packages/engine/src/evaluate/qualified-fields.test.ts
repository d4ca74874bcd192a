/**
 * `deals.stage` inside an aggregate over deals is the current deal's field, exactly as `stage`:
 * the same IR, so the same results.
 */
import type { IrExpr, Plan } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const measure = (s: Statement, name: string) => s.measures.find((m) => m.name === name)?.value;

const SOURCES = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text, region: Text, period: Period }
  source refunds { id: Text key, owner: Payee owner, amount: Money, refund_date: Date dated, stage: Text }
  credit bookings from deals { to owner }
  commission c = bookings * 1%`;

const plan = planOf(
  quarterly(`${SOURCES}
  measure eu = count(deals where region = "EU")
  measure eu_qualified = count(deals where deals.region = "EU")
  measure won = sum(deals.amount where stage = "Won")
  measure won_qualified = sum(deals.amount where deals.stage = "Won" and deals.amount > 0 USD)
  measure booked_won = sum(bookings.credited where stage = "Won")
  measure booked_won_qualified = sum(bookings.credited where deals.stage = "Won")
  measure big_lines = count(bookings where bookings.credited > 400 USD)
  measure reported_in_q1 = count(deals where deals.period = 2026-Q1)
  measure beat_refunds = count(deals where amount > sum(refunds.amount where refunds.stage = deals.stage))
  measure beat_all_refunds = count(deals where amount > sum(refunds.amount where refunds.stage = stage))`),
);

// Payee a, 2026-Q1: D1 1000 Won EU (reported in 2026-Q1), D2 300 Lost EU (2026-Q2), D3 500 Won US
// (2026-Q1); refunds R1 200 Won, R2 2000 Lost.
const results = run(
  plan,
  {
    payees: [payee('a')],
    records: {
      deals: rows(
        {
          id: 'D1',
          owner: 'a',
          amount: '1000',
          close_date: '2026-02-01',
          stage: 'Won',
          region: 'EU',
          period: '2026-Q1',
        },
        {
          id: 'D2',
          owner: 'a',
          amount: '300',
          close_date: '2026-02-10',
          stage: 'Lost',
          region: 'EU',
          period: '2026-Q2',
        },
        {
          id: 'D3',
          owner: 'a',
          amount: '500',
          close_date: '2026-03-01',
          stage: 'Won',
          region: 'US',
          period: '2026-Q1',
        },
      ),
      refunds: rows(
        { id: 'R1', owner: 'a', amount: '200', refund_date: '2026-02-05', stage: 'Won' },
        { id: 'R2', owner: 'a', amount: '2000', refund_date: '2026-02-06', stage: 'Lost' },
      ),
    },
  },
  ['2026-Q1'],
);
const a = statement(results, 'a', '2026-Q1');

/** The `where` of a measure's aggregate, without source ranges. */
function whereOf(p: Plan, name: string): unknown {
  const m = p.measures.find((x) => x.name === name);
  const value = m?.value as IrExpr | undefined;
  const where = value?.op === 'aggregate' ? value.where : undefined;
  return JSON.parse(JSON.stringify(where ?? null, (k, v) => (k === 'range' ? undefined : v)));
}

describe('a field qualified with its source inside an aggregate', () => {
  it('is lowered as the field written alone', () => {
    const alone = planOf(quarterly(`${SOURCES}\n  measure m = count(deals where stage = "Won")`));
    const qualified = planOf(quarterly(`${SOURCES}\n  measure m = count(deals where deals.stage = "Won")`));
    expect(whereOf(qualified, 'm')).toEqual(whereOf(alone, 'm'));
    expect(whereOf(qualified, 'm')).toMatchObject({ left: { op: 'field', source: 'deals', field: 'stage' } });
  });

  it('reads the current record, as the field written alone does', () => {
    // D1 and D2 are in EU: 2.
    expect(measure(a, 'eu')).toBe('2');
    expect(measure(a, 'eu_qualified')).toBe('2');
    // Won: D1 1000 + D3 500 = 1500.
    expect(measure(a, 'won')).toBe('1500');
    expect(measure(a, 'won_qualified')).toBe('1500');
  });

  it('reads the source field of a credit record, and the credit built-ins', () => {
    // Every deal is credited in full to its owner: Won D1 1000 + D3 500 = 1500.
    expect(measure(a, 'booked_won')).toBe('1500');
    expect(measure(a, 'booked_won_qualified')).toBe('1500');
    // Credited above 400: D1 1000 and D3 500 (not D2 300): 2.
    expect(measure(a, 'big_lines')).toBe('2');
  });

  it('reads a field whose name alone is a keyword', () => {
    // `period` alone is the current period; deals.period is the deal's: D1 and D3 say 2026-Q1.
    expect(measure(a, 'reported_in_q1')).toBe('2');
  });

  it('reads the outer record from inside a nested aggregate', () => {
    // deals.stage is the outer deal's: D1 Won 1000 > refunds Won 200, D2 Lost 300 < 2000,
    // D3 Won 500 > 200: 2.
    expect(measure(a, 'beat_refunds')).toBe('2');
    // stage alone is the refund's own, always equal: every deal against 2200, none above: 0.
    expect(measure(a, 'beat_all_refunds')).toBe('0');
  });
});

describe('a field qualified with its source in a credit', () => {
  // The same deals; the credit counts only Won deals, its amount half of each deal's.
  const credited = (where: string, amount: string) => {
    const p = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text }
  credit won from deals where ${where} { to owner amount ${amount} }
  commission c = won * 1%`),
    );
    const r = run(
      p,
      {
        payees: [payee('a')],
        records: {
          deals: rows(
            { id: 'D1', owner: 'a', amount: '1000', close_date: '2026-02-01', stage: 'Won' },
            { id: 'D2', owner: 'a', amount: '300', close_date: '2026-02-10', stage: 'Lost' },
            { id: 'D3', owner: 'a', amount: '500', close_date: '2026-03-01', stage: 'Won' },
          ),
        },
      },
      ['2026-Q1'],
    );
    return statement(r, 'a', '2026-Q1').credits[0]?.total;
  };

  it('reads the record in where and amount, as the field written alone does', () => {
    // Won: (1000 + 500) / 2 = 750, however the fields are written.
    expect(credited('stage = "Won"', 'amount / 2')).toBe('750');
    expect(credited('deals.stage = "Won"', 'deals.amount / 2')).toBe('750');
  });
});

describe('a field qualified with its source in a signal on it and in territory rules', () => {
  const plan = (q: (source: string) => string) =>
    planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  source accounts { id: Text key, region: Text, size: Number }
  credit won from deals { to owner }
  commission c = won * 1%
  signal big "Big deal" warning on deals when ${q('deals')}amount > 1000 USD message "a big deal"
  territories on accounts by priority {
    territory eu { where ${q('accounts')}region = "EU" and ${q('accounts')}size >= 10 priority 1 score ${q('accounts')}size }
  }`),
    );
  const withoutRanges = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (k, v) => (k === 'range' ? undefined : v)));

  it('is lowered as the field written alone, so signals and placements are the same', () => {
    const alone = plan(() => '');
    const qualified = plan((source) => `${source}.`);
    expect(withoutRanges(qualified.signals)).toEqual(withoutRanges(alone.signals));
    expect(withoutRanges(qualified.territories)).toEqual(withoutRanges(alone.territories));
    expect(withoutRanges(qualified.territories?.territories[0]?.score)).toMatchObject({
      op: 'field',
      source: 'accounts',
      field: 'size',
    });
  });
});
