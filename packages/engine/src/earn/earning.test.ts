import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results.js';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, product: Text optional, region: Text optional }
  credit bookings from deals { to owner }`;

const Q = ['2026-Q1', '2026-Q2', '2026-Q3'];
const dealRows = (...list: [string, string][]) =>
  rows(...list.map(([amount, close_date], i) => ({ id: `D${i + 1}`, owner: 'rep', amount, close_date })));
const pay = (results: Results, period: string, name: string) =>
  earned(statement(results, 'rep', period), name);

describe('earnings', () => {
  it('count a SPIFF only inside its dates', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  spiff push = count(deals) * 100 USD during 2026-02-15 to 2026-03-15`),
    );
    const deals = dealRows(
      ['1', '2026-01-10'],
      ['1', '2026-02-20'],
      ['1', '2026-03-10'],
      ['1', '2026-03-20'],
      ['1', '2026-04-02'],
    );
    const results = run(plan, { payees: [payee('rep')], records: { deals } }, ['2026-Q1', '2026-Q2']);
    // Two deals are dated inside the window: 2 x 100.
    expect(pay(results, '2026-Q1', 'push')).toBe('200.00');
    expect(pay(results, '2026-Q2', 'push')).toBe('0.00');
    expect(statement(results, 'rep', '2026-Q2').earnings[0]?.lines).toEqual([]);
  });

  it('pay a milestone once per year', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  milestone club = 1_000 USD when ytd(bookings) >= 100_000 USD once`),
    );
    const deals = dealRows(['60000', '2026-01-10'], ['50000', '2026-05-10'], ['70000', '2026-08-10']);
    const results = run(plan, { payees: [payee('rep')], records: { deals } }, Q);
    // Year to date: 60,000 (no), 110,000 (pays), 180,000 (already paid).
    expect(Q.map((p) => pay(results, p, 'club'))).toEqual(['0.00', '1000.00', '0.00']);
    expect(statement(results, 'rep', '2026-Q3').earnings[0]?.trace.text).toBe(
      'already paid earlier this year',
    );
  });

  it('pay year to date minus what earlier periods paid', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  bonus b = ytd(bookings) * 2% paid year to date`),
    );
    const deals = dealRows(['60000', '2026-01-10'], ['50000', '2026-05-10']);
    const results = run(plan, { payees: [payee('rep')], records: { deals } }, ['2026-Q1', '2026-Q2']);
    // Q1: 60,000 x 2% = 1,200. Q2: 110,000 x 2% = 2,200, minus 1,200 paid = 1,000.
    expect(pay(results, '2026-Q1', 'b')).toBe('1200.00');
    expect(pay(results, '2026-Q2', 'b')).toBe('1000.00');
    // When earlier results say Q1 paid 900, Q2 pays 2,200 - 900 = 1,300.
    const q1 = statement(results, 'rep', '2026-Q1');
    const previous = {
      ...results,
      statements: [
        {
          ...q1,
          earnings: [{ ...(q1.earnings[0] as NonNullable<(typeof q1.earnings)[0]>), amount: '900.00' }],
        },
      ],
    };
    const again = run(plan, { payees: [payee('rep')], records: { deals }, previous }, ['2026-Q2']);
    expect(pay(again, '2026-Q2', 'b')).toBe('1300.00');
  });

  it('take back a milestone paid in a closed period when corrected data no longer earns it', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  milestone club = 1_000 USD when ytd(bookings) >= 100_000 USD once`),
    );
    const reps = [payee('rep')];
    // Run 1 pays Q1: a 150,000 deal reaches 100,000, the milestone pays 1,000.
    const first = run(plan, { payees: reps, records: { deals: dealRows(['150000', '2026-02-10']) } }, [
      '2026-Q1',
    ]);
    expect(pay(first, '2026-Q1', 'club')).toBe('1000.00');
    const adjustments = (results: Results) =>
      statement(results, 'rep', '2026-Q2').adjustments.map((a) => [a.kind, a.amount]);
    // Corrected: the deal was 50,000. Q1 now earns nothing: Q2 takes the 1,000 back (-1,000), and
    // Q2 itself (50,000 year to date) earns nothing.
    const smaller = dealRows(['50000', '2026-02-10']);
    const corrected = run(plan, { payees: reps, records: { deals: smaller }, previous: first }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(adjustments(corrected)).toEqual([['recalculation', '-1000.00']]);
    expect(statement(corrected, 'rep', '2026-Q2').payout).toBe('-1000.00');
    // Corrected instead: the deal closed in May. Q1 is taken back, and Q2 earns the milestone:
    // -1,000 + 1,000 = 0, so it is paid once in all.
    const later = dealRows(['150000', '2026-05-10']);
    const moved = run(plan, { payees: reps, records: { deals: later }, previous: first }, [
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(adjustments(moved)).toEqual([['recalculation', '-1000.00']]);
    expect(pay(moved, '2026-Q2', 'club')).toBe('1000.00');
    expect(statement(moved, 'rep', '2026-Q2').payout).toBe('0.00');
    // Unchanged data: nothing to correct, and Q2 does not pay it again.
    const same = run(
      plan,
      { payees: reps, records: { deals: dealRows(['150000', '2026-02-10']) }, previous: first },
      ['2026-Q1', '2026-Q2'],
    );
    expect(adjustments(same)).toEqual([]);
    expect(pay(same, '2026-Q2', 'club')).toBe('0.00');
  });

  it('count as paid earlier only the periods the payee was on the plan', () => {
    // On the plan from 1 April: Q1 has no statement and paid nothing, whatever it would have earned
    // (both earnings would pay in Q1 already: the milestone's condition holds from the start).
    const plan = planOf(
      quarterly(`${DEALS}
  milestone club = 1_000 USD when ytd(bookings) >= 0 USD once
  bonus b = 1_000 USD + ytd(bookings) * 2% paid year to date`),
    );
    const deals = dealRows(['150000', '2026-02-10'], ['10000', '2026-05-10']);
    const late = payee('rep', {}, { plans: [{ plan: 'Test', from: '2026-04-01' }] });
    const results = run(plan, { payees: [late], records: { deals } }, ['2026-Q1', '2026-Q2']);
    expect(results.statements.map((s) => s.period)).toEqual(['2026-Q2']);
    // Q2: nothing was paid before (Q1 is off the plan): the milestone pays.
    expect(pay(results, '2026-Q2', 'club')).toBe('1000.00');
    // Q2: year to date 1,000 + 10,000 x 2% = 1,200 (the February deal, closed before the payee
    // joined, credits them nothing), minus the 0 paid in Q1 (not on the plan) = 1,200.
    expect(pay(results, '2026-Q2', 'b')).toBe('1200.00');
  });

  it('score MBOs from data', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  source objectives { id: Text key, owner: Payee owner, scored_on: Date dated, review_period: Period, score: Percent }
  measure score = clamp(avg(objectives.score where review_period = period), 0%, 120%)
  mbo objectives_bonus = 1_000 USD * score`),
    );
    const objectives = rows(
      { id: 'O1', owner: 'rep', scored_on: '2026-03-30', review_period: '2026-Q1', score: '80%' },
      { id: 'O2', owner: 'rep', scored_on: '2026-03-30', review_period: '2026-Q1', score: '100%' },
      { id: 'O3', owner: 'rep', scored_on: '2026-06-30', review_period: '2026-Q2', score: '130%' },
      { id: 'O4', owner: 'rep', scored_on: '2026-06-30', review_period: '2026-Q2', score: '150%' },
    );
    const results = run(plan, { payees: [payee('rep')], records: { objectives } }, ['2026-Q1', '2026-Q2']);
    // Q1: average 90% -> 900. Q2: average 140%, clamped to 120% -> 1,200.
    expect(pay(results, '2026-Q1', 'objectives_bonus')).toBe('900.00');
    expect(pay(results, '2026-Q2', 'objectives_bonus')).toBe('1200.00');
  });

  it('never let a cap from data take money: below zero it caps at 0, below the floor it wins, with a warning', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  payee { cap_amount: Money, floor_amount: Money }
  commission c = bookings * 10% cap payee.cap_amount floor payee.floor_amount`),
    );
    const deals = dealRows(['1000', '2026-02-10']);
    const payees = [payee('rep', { cap_amount: '-100', floor_amount: '0' })];
    // 10% x 1,000 = 100, capped at -100 read as 0: pays 0.00 (it would pay -100.00).
    const below = run(plan, { payees, records: { deals } }, ['2026-Q1']);
    expect(pay(below, '2026-Q1', 'c')).toBe('0.00');
    expect(below.warnings.map((w) => [w.code, w.message])).toEqual([
      // Written as every amount of a warning or a trace: grouped, with the plan's decimals and currency.
      ['bad-cap', 'the cap of c is -100.00 USD, below zero: c is capped at 0'],
    ]);
    // The explanation names the cap applied, 0, not the -100 read.
    const c = statement(below, 'rep', '2026-Q1').earnings[0];
    expect(c?.trace.text).toBe('capped at 0.00 USD');
    // A run of Q2 alone works Q1 out too (year to date), but warns only about Q2.
    const ytd = planOf(
      quarterly(`${DEALS}
  payee { cap_amount: Money }
  bonus y = ytd(bookings) * 1% paid year to date cap payee.cap_amount`),
    );
    const q2 = run(ytd, { payees, records: { deals } }, ['2026-Q2']);
    expect(q2.warnings.map((w) => [w.code, w.period])).toEqual([['bad-cap', '2026-Q2']]);
    // Cap 50 below the floor 80: 100 is above the floor, and the cap takes it to 50; the warning
    // says the cap wins.
    const crossed = [payee('rep', { cap_amount: '50', floor_amount: '80' })];
    const results = run(plan, { payees: crossed, records: { deals } }, ['2026-Q1']);
    expect(pay(results, '2026-Q1', 'c')).toBe('50.00');
    expect(results.warnings.map((w) => w.message)).toEqual([
      'the cap of c (50.00 USD) is below its floor (80.00 USD): the cap wins',
    ]);
  });

  it('apply gates, caps and floors per period', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  bonus gated = 500 USD when bookings >= 10_000 USD
  commission capped = bookings * 10% cap 1_000 USD
  commission floored = bookings * 1% floor 250 USD`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep')],
        records: { deals: dealRows(['12000', '2026-01-10'], ['5000', '2026-04-10']) },
      },
      ['2026-Q1', '2026-Q2'],
    );
    const q1 = statement(results, 'rep', '2026-Q1');
    const q2 = statement(results, 'rep', '2026-Q2');
    expect([earned(q1, 'gated'), earned(q2, 'gated')]).toEqual(['500.00', '0.00']);
    expect(q2.earnings.find((e) => e.name === 'gated')?.gated).toBe(true);
    // 12,000 x 10% = 1,200 capped at 1,000; 5,000 x 10% = 500.
    expect([earned(q1, 'capped'), earned(q2, 'capped')]).toEqual(['1000.00', '500.00']);
    expect(q1.earnings.find((e) => e.name === 'capped')?.capped).toBe(true);
    // 12,000 x 1% = 120 raised to 250; 5,000 x 1% = 50 raised to 250.
    expect([earned(q1, 'floored'), earned(q2, 'floored')]).toEqual(['250.00', '250.00']);
    expect(q1.payout).toBe('1750.00');
  });

  it('price deals through lookup tables, first matching row and wildcards', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  lookup table rates by product, region {
    "Platform", "NA": 6%
    "Platform", *: 7%
    "Analytics", *: 9%
    otherwise: 4%
  }
  credit rated from deals { amount amount * lookup(rates, product, region)
    to owner }
  commission c = rated per line`),
    );
    const deals = rows(
      { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-10', product: 'Platform', region: 'NA' },
      {
        id: 'D2',
        owner: 'rep',
        amount: '1000',
        close_date: '2026-01-11',
        product: 'Platform',
        region: 'EMEA',
      },
      {
        id: 'D3',
        owner: 'rep',
        amount: '1000',
        close_date: '2026-01-12',
        product: 'Analytics',
        region: 'NA',
      },
      { id: 'D4', owner: 'rep', amount: '1000', close_date: '2026-01-13', product: 'Services', region: 'NA' },
    );
    const c = statement(
      run(plan, { payees: [payee('rep')], records: { deals } }, ['2026-Q1']),
      'rep',
      '2026-Q1',
    ).earnings[0];
    expect(c?.lines.map((l) => l.amount)).toEqual(['60.00', '70.00', '90.00', '40.00']);
    expect(c?.amount).toBe('260.00');
  });

  it('warn of a key no row of a lookup table matches, quoted as data errors quote values', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  lookup table rates by product, region {
    "Platform", "NA": 6%
  }
  credit rated from deals { amount amount * lookup(rates, product, region)
    to owner }
  commission c = rated per line`),
    );
    const long = `Platform ${'p'.repeat(200)}`;
    const deals = rows(
      { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-01-10', product: long, region: 'NA' },
      {
        id: 'D2',
        owner: 'rep',
        amount: '1000',
        close_date: '2026-01-11',
        product: 'Platform',
        region: 'N\u200BA',
      },
    );
    const results = run(plan, { payees: [payee('rep')], records: { deals } }, ['2026-Q1']);
    expect(results.warnings.filter((w) => w.code === 'no-lookup-match').map((w) => w.message)).toEqual([
      `no row of rates matches "Platform ${'p'.repeat(91)}…" (209 characters), "NA"`,
      'no row of rates matches "Platform", "N\\u200BA"',
    ]);
  });

  it('read pay curves in straight lines between points, flat beyond the ends', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  payee { target: Money }
  measure retention = bookings / payee.target
  pay curve curve_of on retention {
    80%: 0%
    90%: 60%
    95%: 100%
    105%: 150%
  }
  bonus b = 10_000 USD * curve(curve_of)`),
    );
    const at = (amount: string) =>
      earned(
        statement(
          run(
            plan,
            {
              payees: [payee('rep', { target: '1000' })],
              records: { deals: dealRows([amount, '2026-01-10']) },
            },
            ['2026-Q1'],
          ),
          'rep',
          '2026-Q1',
        ),
        'b',
      );
    // 92.5% is halfway between 90% (60%) and 95% (100%): 80% of 10,000.
    expect(at('925')).toBe('8000.00');
    expect(at('700')).toBe('0.00');
    expect(at('950')).toBe('10000.00');
    expect(at('1200')).toBe('15000.00');
  });

  it('pay less above a point with a decelerator', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  rate table rates on bookings retroactive {
    0 USD to 100_000 USD: 10%
    100_000 USD and up: 5%
  }
  commission c = tiered(bookings, rates)`),
    );
    const at = (amount: string) =>
      earned(
        statement(
          run(plan, { payees: [payee('rep')], records: { deals: dealRows([amount, '2026-01-10']) } }, [
            '2026-Q1',
          ]),
          'rep',
          '2026-Q1',
        ),
        'c',
      );
    // 99,999 x 10% = 9,999.90; 100,000 x 5% = 5,000 (the boundary belongs to the upper tier).
    expect(at('99999')).toBe('9999.90');
    expect(at('100000')).toBe('5000.00');
  });
});

describe('a capped year-to-date earning', () => {
  it('keeps the cap in the sentence of its period line', () => {
    const plan = planOf(
      quarterly(`${DEALS}
  bonus y = ytd(bookings) * 1% paid year to date cap 1_000 USD`),
    );
    const results = run(
      plan,
      {
        payees: [payee('rep')],
        records: { deals: dealRows(['80000', '2026-02-01'], ['50000', '2026-05-01']) },
      },
      Q.slice(0, 2),
    );
    // Q1: 80,000 x 1% = 800.00 (under the cap). Q2: year to date 130,000 x 1% = 1,300.00, capped at
    // 1,000.00, minus the 800.00 paid in Q1 = 200.00.
    expect(pay(results, '2026-Q2', 'y')).toBe('200.00');
    // The line must say the cap, or its arithmetic (1,300 - 800 = 500) is not the 200 it pays.
    expect(
      explain(results, { payee: 'rep', period: '2026-Q2', earning: 'y', line: 'period' })?.sentence,
    ).toBe(
      'y is 200.00 USD: bookings year to date 130,000.00 USD x 1%, value 1,300.00 USD, paid earlier this year 800.00 USD; ' +
        'reduced by the cap of 1,000.00 USD, from 1,300.00 USD; year to date, minus what earlier periods paid',
    );
  });
});
