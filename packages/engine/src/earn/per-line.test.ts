import { describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

/** The rate table's mode and its three rates (below 50%, 50% to 100%, above quota). */
interface Table {
  mode: string;
  rates: [string, string, string];
}
const MARGINAL: Table = { mode: 'marginal', rates: ['2%', '8%', '12%'] };

const plan = (clauses = '', value = 'tiered(bookings, rates)', table: Table = MARGINAL) =>
  planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment ${table.mode} {
    0% to 50%: ${table.rates[0]}
    50% to 100%: ${table.rates[1]}
    100% and up: ${table.rates[2]}
  }
  commission c = ${value} per line ${clauses}
`),
  );

const deals: DataRecord[] = rows(
  { id: 'D1', owner: 'rep', amount: '40000', close_date: '2026-01-10' },
  { id: 'D2', owner: 'rep', amount: '30000', close_date: '2026-02-05' },
  { id: 'D3', owner: 'rep', amount: '60000', close_date: '2026-03-01' },
);
const data = (records = deals) => ({
  payees: [payee('rep', { quarterly_quota: '100000' })],
  records: { deals: records },
});

describe('per-line earnings', () => {
  it('pay each deal the increment it adds, so lines telescope to the period value', () => {
    // Quota 100,000; marginal 2% / 8% / 12%.
    // After D1 (40,000, 40%): 40,000 x 2% = 800                                  -> line 800.00
    // After D2 (70,000, 70%): 50,000 x 2% + 20,000 x 8% = 1,000 + 1,600 = 2,600  -> line 1,800.00
    // After D3 (130,000, 130%): 1,000 + 4,000 + 30,000 x 12% = 8,600             -> line 6,000.00
    const s = statement(run(plan(), data(), ['2026-Q1']), 'rep', '2026-Q1');
    const c = s.earnings[0];
    expect(c?.amount).toBe('8600.00');
    expect(c?.lines.map((l) => [l.id, l.amount])).toEqual([
      ['c:D1', '800.00'],
      ['c:D2', '1800.00'],
      ['c:D3', '6000.00'],
    ]);
  });
  it('show the tiers a deal crossed', () => {
    const s = statement(run(plan(), data(), ['2026-Q1']), 'rep', '2026-Q1');
    const d3 = s.earnings[0]?.lines[2];
    // D3 takes attainment from 70% to 130%: 30,000 in the 8% band and 30,000 above quota at 12%.
    expect(d3?.tier).toBe(3);
    expect(d3?.rate).toBe('0.12');
    expect(d3?.trace.bands?.map((b) => [b.index, b.base, b.paid])).toEqual([
      [2, '30000', '2400'],
      [3, '30000', '3600'],
    ]);
    const d1 = s.earnings[0]?.lines[0];
    expect(d1?.tier).toBe(1);
    expect(d1?.trace.bands).toBeUndefined();
    expect(d1?.record).toEqual({ source: 'deals', key: 'D1', row: 1 });
    expect(d1?.credited).toBe('40000');
    // D1 lies wholly in band 1: its trace is the band's, shared; explain adds the line's inputs.
    expect(d1?.trace.records).toBeUndefined();
    const e = explain(run(plan(), data(), ['2026-Q1']), {
      payee: 'rep',
      period: '2026-Q1',
      earning: 'c',
      line: 'D1',
    });
    expect(e?.trace.records).toEqual([{ source: 'deals', key: 'D1', row: 1 }]);
    expect(e?.sentence).toBe(
      'c for deals D1 is 800.00 USD: 2% on the 40,000.00 USD between 0% and 50%, tier 1 of rates',
    );
  });
  it('explain a line in words', () => {
    const results = run(plan(), data(), ['2026-Q1']);
    const e = explain(results, { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'D3' });
    expect(e?.value).toBe('6000.00');
    expect(e?.sentence).toBe(
      'c for deals D3 is 6,000.00 USD: 8% on the 30,000.00 USD between 50% and 100%, tier 2 of rates, plus 12% on the 30,000.00 USD above quota, tier 3 of rates',
    );
  });
  it('show the band a credit note leaves, with a negative movement', () => {
    // D4 (-60,000) takes bookings from 130,000 (130%) back to 70,000 (70%).
    // Before D4: 50,000 x 2% + 50,000 x 8% + 30,000 x 12% = 1,000 + 4,000 + 3,600 = 8,600.
    // After D4:  50,000 x 2% + 20,000 x 8% = 1,000 + 1,600 = 2,600         -> line -6,000.00
    // Band 2 moves 20,000 - 50,000 = -30,000 (paid 1,600 - 4,000 = -2,400); band 3, left, moves
    // 0 - 30,000 = -30,000 (paid 0 - 3,600 = -3,600); -2,400 - 3,600 = -6,000, the line.
    const note = { id: 'D4', owner: 'rep', amount: '-60000', close_date: '2026-03-20' };
    const s = statement(
      run(plan(), data([...deals, { row: 4, values: note }]), ['2026-Q1']),
      'rep',
      '2026-Q1',
    );
    const c = s.earnings[0];
    expect(c?.amount).toBe('2600.00');
    const d4 = c?.lines[3];
    expect(d4?.amount).toBe('-6000.00');
    expect(d4?.trace.bands?.map((b) => [b.index, b.base, b.paid])).toEqual([
      [2, '-30000', '-2400'],
      [3, '-30000', '-3600'],
    ]);
    // The tier of a line is the highest it touched: the band it left.
    expect(d4?.tier).toBe(3);
    expect(d4?.trace.tier?.index).toBe(3);
  });
  it('do not depend on the order of the input records', () => {
    const forward = JSON.stringify(run(plan(), data(), ['2026-Q1']));
    const backward = JSON.stringify(run(plan(), data(deals.slice().reverse()), ['2026-Q1']));
    expect(backward).toBe(forward);
  });
  it('take a cap off the last lines', () => {
    // 8,600 capped at 5,000: the excess 3,600 comes off D3 (6,000 -> 2,400).
    const s = statement(run(plan('cap 5_000 USD'), data(), ['2026-Q1']), 'rep', '2026-Q1');
    const c = s.earnings[0];
    expect(c?.amount).toBe('5000.00');
    expect(c?.capped).toBe(true);
    expect(c?.lines.map((l) => l.amount)).toEqual(['800.00', '1800.00', '2400.00']);
    // The line and the earning name the cap, and the line what it paid before: 6,000 -> 2,400.
    expect(c?.lines[2]?.trace.text).toBe('reduced by the cap of 5,000.00 USD, from 6,000.00 USD');
    expect(c?.trace.text).toBe('capped at 5,000.00 USD');
  });
  it('add a floor as a line of its own', () => {
    // 8,600 raised to 10,000: one more line of 1,400.
    const c = statement(run(plan('floor 10_000 USD'), data(), ['2026-Q1']), 'rep', '2026-Q1').earnings[0];
    expect(c?.amount).toBe('10000.00');
    expect(c?.floored).toBe(true);
    expect(c?.lines.at(-1)).toMatchObject({ id: 'c:floor', amount: '1400.00' });
    // The floor line names the floor and what it tops up: 10,000 - 8,600 = 1,400.
    const results = run(plan('floor 10_000 USD'), data(), ['2026-Q1']);
    expect(explain(results, { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'floor' })?.sentence).toBe(
      'c is 1,400.00 USD: raised to the floor of 10,000.00 USD: the other lines add up to 8,600.00 USD',
    );
    expect(c?.trace.text).toBe('raised to the floor of 10,000.00 USD');
  });
  it('pay nothing when the gate is closed', () => {
    const c = statement(run(plan('when attainment >= 150%'), data(), ['2026-Q1']), 'rep', '2026-Q1')
      .earnings[0];
    expect(c?.amount).toBe('0.00');
    expect(c?.gated).toBe(true);
    expect(c?.lines.every((l) => l.amount === '0.00')).toBe(true);
    // Every line says why it pays 0.00, not only the band it would have been priced in.
    const results = run(plan('when attainment >= 150%'), data(), ['2026-Q1']);
    const at = { payee: 'rep', period: '2026-Q1', earning: 'c' };
    expect(explain(results, { ...at, line: 'D1' })?.sentence).toBe(
      'c for deals D1 is 0.00 USD: 2% on the 40,000.00 USD between 0% and 50%, tier 1 of rates; ' +
        'the condition (when attainment >= 150%) does not hold, so nothing is paid',
    );
    expect(explain(results, { ...at, line: 'D3' })?.sentence).toBe(
      'c for deals D3 is 0.00 USD: 8% on the 30,000.00 USD between 50% and 100%, tier 2 of rates, ' +
        'plus 12% on the 30,000.00 USD above quota, tier 3 of rates; ' +
        'the condition (when attainment >= 150%) does not hold, so nothing is paid',
    );
  });
  it('explain hybrid and retroactive lines with arithmetic that adds up to the line', () => {
    const table = (mode: string) =>
      plan('', 'tiered(bookings, rates)', { mode, rates: ['5%', '10%', '15%'] });
    const three = rows(
      { id: 'D1', owner: 'rep', amount: '50000', close_date: '2026-01-10' },
      { id: 'D2', owner: 'rep', amount: '50000', close_date: '2026-02-05' },
      { id: 'D3', owner: 'rep', amount: '30000', close_date: '2026-03-01' },
    );
    const at = { payee: 'rep', period: '2026-Q1', earning: 'c' };
    // Hybrid at 100%, quota 100,000. D1: 50% is below the point, all of it at 10% = 5,000.
    // D2: 100% reaches the point: 100,000 x 10% = 10,000, minus D1's 5,000 = 5,000 (not 10,000).
    // D3: 130%: 10,000 + 30,000 x 15% = 14,500, minus 10,000 = 4,500.
    const hybrid = run(table('hybrid at 100%'), data(three), ['2026-Q1']);
    expect(statement(hybrid, 'rep', '2026-Q1').earnings[0]?.lines.map((l) => l.amount)).toEqual([
      '5000.00',
      '5000.00',
      '4500.00',
    ]);
    expect(explain(hybrid, { ...at, line: 'D1' })?.sentence).toBe(
      // D1 alone: 50,000 / 100,000 = attainment 50%, in tier 2.
      'c for deals D1 is 5,000.00 USD: 10% (attainment 50%, between 50% and 100%), tier 2 of rates; bookings 50,000.00 USD',
    );
    expect(explain(hybrid, { ...at, line: 'D2' })?.sentence).toBe(
      'c for deals D2 is 5,000.00 USD: 10% on the 100,000.00 USD between 50% and 100%, tier 2 of rates; ' +
        'minus the 5,000.00 USD the records before it add up to',
    );
    expect(explain(hybrid, { ...at, line: 'D3' })?.sentence).toBe(
      'c for deals D3 is 4,500.00 USD: 15% on the 30,000.00 USD above quota, tier 3 of rates',
    );
    // Retroactive: D1 50% -> 50,000 x 10% = 5,000. D2 100% -> 100,000 x 15% = 15,000, so the line is
    // 10,000: its own 50,000 x 15% = 7,500 plus the uplift of D1 from 10% to 15%, 50,000 x 5% = 2,500.
    const retro = run(table('retroactive'), data(three), ['2026-Q1']);
    expect(explain(retro, { ...at, line: 'D2' })?.sentence).toBe(
      'c for deals D2 is 10,000.00 USD: 15% (attainment 100%, at or above quota), tier 3 of rates; ' +
        'bookings 50,000.00 USD, uplift on earlier records 2,500.00 USD',
    );
  });
  it('count hypothetical deals only as estimates', () => {
    // D4 (20,000, hypothetical) would take bookings to 150,000: 1,000 + 4,000 + 50,000 x 12% = 11,000,
    // so it adds 20,000 x 12% = 2,400 as an estimate; the earned amount stays 8,600.
    const records = [
      ...deals,
      {
        row: 4,
        values: { id: 'D4', owner: 'rep', amount: '20000', close_date: '2026-03-20' },
        hypothetical: true,
      },
    ];
    const results = run(plan(), data(records), ['2026-Q1']);
    const s = statement(results, 'rep', '2026-Q1');
    expect(earned(s, 'c')).toBe('8600.00');
    // D4 is priced whole by the band above quota (130% to 150%): its explanation says it is an
    // estimate, and the real lines priced whole by a band do not.
    expect(explain(results, { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'D4' })?.sentence).toBe(
      'c for deals D4 is 2,400.00 USD: 12% on the 20,000.00 USD above quota, tier 3 of rates; ' +
        'an estimate, not paid: it comes from a hypothetical record',
    );
    expect(s.earnings[0]?.lines.filter((l) => l.trace.text !== undefined).map((l) => l.id)).toEqual(['c:D4']);
    expect(s.earnings[0]?.estimate).toBe('2400.00');
    expect(s.earnings[0]?.lines.at(-1)).toMatchObject({ id: 'c:D4', amount: '2400.00', estimate: true });
    expect(s.payout).toBe('8600.00');
    expect(s.estimatedPayout).toBe('11000.00');
    expect(s.credits[0]).toMatchObject({ total: '130000', estimate: '20000' });
    expect(s.measures.find((m) => m.name === 'attainment')).toMatchObject({ value: '1.3', estimate: '1.5' });
  });
});

describe('per-line explanations of a tiered value used in a larger expression', () => {
  it('add no arithmetic of the bands, which are not what the line pays', () => {
    // tiered(...) * 50%: D1 is the first record; "minus the ... the records before it" or an
    // "uplift on earlier records" would be false.
    const halved = plan('', 'tiered(bookings, rates) * 50%');
    const results = run(
      halved,
      {
        payees: [payee('rep', { quarterly_quota: '100000' })],
        records: { deals: rows({ id: 'D1', owner: 'rep', amount: '60000', close_date: '2026-01-10' }) },
      },
      ['2026-Q1'],
    );
    const line = statement(results, 'rep', '2026-Q1').earnings[0]?.lines[0];
    expect(line?.trace.text ?? '').not.toMatch(/records before it|uplift/);
    expect(line?.trace.inputs.map((i) => i.name)).not.toContain('uplift on earlier records');
  });
});
