/**
 * What the lines of hypothetical records say when they pay less than their value: only a cap is
 * "the cap"; a condition the hypothetical records close, or a floor that already pays, says so.
 */
import { describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import { payee, planOf, quarterly, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

const source = `source deals "Deals" {
    id: Text key
    owner: Payee owner
    amount: Money
    discount: Percent
    close_date: Date dated
  }
  credit bookings "Bookings" from deals { to owner }`;

function deal(row: number, id: string, amount: string, discount: string, hypothetical = false): DataRecord {
  return {
    row,
    values: { id, owner: 'a', amount, discount, close_date: '2026-02-01' },
    ...(hypothetical ? { hypothetical: true } : {}),
  };
}

function calc(body: string, deals: DataRecord[]) {
  const plan = planOf(quarterly(`${source}\n  ${body}`, 'rounding half up to 2 decimals at line'));
  const results = run(plan, { payees: [payee('a')], records: { deals } }, ['2026-Q1']);
  const at = { payee: 'a', period: '2026-Q1' };
  const line = (earning: string, id: string) => {
    const s = statement(results, 'a', '2026-Q1');
    const l = s.earnings.find((e) => e.name === earning)?.lines.find((x) => x.id === id);
    return { amount: l?.amount, sentence: explain(results, { ...at, earning, line: id })?.sentence };
  };
  return { s: statement(results, 'a', '2026-Q1'), line };
}

describe('a hypothetical deal that closes the gate of its per-line earning', () => {
  // Real D1 10,000 at 5% discount; hypothetical H1 5,000 at 40%: the average discount goes from
  // 5% to (5% + 40%) / 2 = 22.5%, above 10%, so the commission would stop.
  const { s, line } = calc(
    `measure avg_discount "Average discount": Percent = avg(bookings.discount)
  commission c "Commission" = bookings * 10% per line
    when avg_discount <= 10%
  bonus b "Discipline bonus" = 1_000 USD when avg_discount <= 10%`,
    [deal(1, 'D1', '10000', '5%'), deal(2, 'H1', '5000', '40%', true)],
  );

  it('keeps the money: earned 2,000, estimate -1,000 on each earning, estimated payout 0', () => {
    // c: 10,000 x 10% = 1,000.00 paid; with H1 the gate closes: 0, estimate 0 - 1,000 = -1,000.00.
    expect(s.earnings.find((e) => e.name === 'c')?.estimate).toBe('-1000.00');
    // b: 1,000.00 paid; with H1: 0, estimate -1,000.00.
    expect(s.earnings.find((e) => e.name === 'b')?.estimate).toBe('-1000.00');
    // earned 1,000 + 1,000 = 2,000.00; with H1 nothing: 0.00.
    expect(s.earned).toBe('2000.00');
    expect(s.estimatedPayout).toBe('0.00');
  });

  it('says the line of H1 pays nothing because the condition would not hold, not because of a cap (the plan has none)', () => {
    // H1 alone would be 5,000 x 10% = 500.00, but with it the gate closes: 0.00.
    const h1 = line('c', 'c:H1');
    expect(h1.amount).toBe('0.00');
    expect(h1.sentence).toBe(
      'Commission for deals H1 is 0.00 USD: bookings 5,000.00 USD x 10%; the condition (when avg_discount <= 10%) would not hold with the hypothetical records, so nothing is paid; an estimate, not paid: it comes from a hypothetical record',
    );
    // D1's 1,000.00 lost: the estimate line of what H1 changes on real lines.
    expect(line('c', 'c:estimate').amount).toBe('-1000.00');
  });

  it('says the estimate of the bonus takes off, not adds', () => {
    // 0 - 1,000.00 = -1,000.00.
    const est = line('b', 'b:estimate');
    expect(est.amount).toBe('-1000.00');
    expect(est.sentence).toContain('what the hypothetical records take off if they close');
  });
});

describe('hypothetical deals under a floor', () => {
  // Real D1 10,000 x 10% = 1,000.00, raised to the floor of 2,000.00. With H1 5,000 and H2 8,000:
  // 23,000 x 10% = 2,300.00, above the floor: estimate 300.00. H1 500 + H2 800 = 1,300 are fitted
  // to 300 from the last line back: H2 0.00, H1 300.00; the floor already paid the other 1,000.
  const { s, line } = calc(
    `commission c "Commission" = bookings * 10% per line
    floor 2_000 USD`,
    [deal(1, 'D1', '10000', '0%'), deal(2, 'H1', '5000', '0%', true), deal(3, 'H2', '8000', '0%', true)],
  );

  it('estimates 300.00 and says the floor, not a cap, reduced the lines', () => {
    expect(s.earnings[0]?.estimate).toBe('300.00');
    expect(s.estimatedPayout).toBe('2300.00');
    const h1 = line('c', 'c:H1');
    expect(h1.amount).toBe('300.00');
    expect(h1.sentence).toBe(
      'Commission for deals H1 is 300.00 USD: bookings 5,000.00 USD x 10%; reduced by what the floor already pays; an estimate, not paid: it comes from a hypothetical record',
    );
    expect(line('c', 'c:H2').amount).toBe('0.00');
    expect(line('c', 'c:H2').sentence).not.toContain('cap');
  });
});

describe('hypothetical deal under a cap', () => {
  // D1 8,000 x 10% = 800.00 paid; H1 5,000 x 10% = 500, but the cap of 1,000 leaves 200.00.
  const { s, line } = calc(
    `commission c "Commission" = bookings * 10% per line
    cap 1_000 USD`,
    [deal(1, 'D1', '8000', '0%'), deal(2, 'H1', '5000', '0%', true)],
  );

  it('still says the cap', () => {
    expect(s.earnings[0]?.estimate).toBe('200.00');
    expect(line('c', 'c:H1').amount).toBe('200.00');
    expect(line('c', 'c:H1').sentence).toContain('reduced by the cap');
  });
});

describe('a real deal credited through a hypothetical split row', () => {
  // D2 of 1,000 is real; split row S1 gives a 50% (real), S2 gives b 50% (hypothetical).
  const plan = planOf(
    quarterly(
      `source deals "Deals" {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  source splits "Splits" {
    id: Text key
    deal_id: Text
    payee: Payee
    share: Percent
    on_date: Date dated
  }
  credit shared "Shared" from deals { split by splits on deal_id }
  rate table rates on shared marginal {
    0 USD to 10_000 USD: 10%
    10_000 USD and up: 20%
  }
  commission s "Split commission" = shared * 10% per line
  commission t "Tiered" = tiered(shared, rates) per line`,
      'rounding half up to 2 decimals at line',
    ),
  );
  const results = run(
    plan,
    {
      payees: [payee('a'), payee('b')],
      records: {
        deals: [{ row: 1, values: { id: 'D2', owner: 'a', amount: '1000', close_date: '2026-02-01' } }],
        splits: [
          { row: 1, values: { id: 'S1', deal_id: 'D2', payee: 'a', share: '50%', on_date: '2026-02-01' } },
          {
            row: 2,
            values: { id: 'S2', deal_id: 'D2', payee: 'b', share: '50%', on_date: '2026-02-01' },
            hypothetical: true,
          },
        ],
      },
    },
    ['2026-Q1'],
  );
  const at = { payee: 'b', period: '2026-Q1' };

  it('says the deal is real and the split row hypothetical, not that the deal is hypothetical', () => {
    const b = statement(results, 'b', '2026-Q1');
    // b: nothing paid; 1,000 x 50% = 500 x 10% = 50.00 estimated, on each earning.
    expect(b.earned).toBe('0.00');
    expect(b.estimatedPayout).toBe('100.00');
    const real =
      'an estimate, not paid: the record is real, but the split row or account that credits it to this payee is hypothetical';
    expect(explain(results, { ...at, earning: 's', line: 's:D2 (estimate)' })?.sentence).toBe(
      `Split commission for deals D2 is 50.00 USD: shared 500.00 USD x 10%, amount 1,000.00 USD, shared share 50%; ${real}`,
    );
    // The tiered line, priced whole in tier 1: 500 x 10% = 50.00.
    expect(explain(results, { ...at, earning: 't', line: 't:D2 (estimate)' })?.sentence).toContain(real);
    // a is paid its real half: 500 x 10% = 50.00 on each earning.
    expect(statement(results, 'a', '2026-Q1').earned).toBe('100.00');
  });
});
