import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const SOURCE = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line`;

const PLAN = planOf(
  quarterly(`${SOURCE}
  draw d = 3_000 USD recoverable for 2 periods
  holdback h = 10% of c until 2026-12-31`),
);

const deal = (id: string, owner: string, amount: string, close: string) => ({
  id,
  owner,
  amount,
  close_date: close,
});

// a: D1 10,000 in Q1 earns 1,000.00: the draw pays 3,000 - 1,000 = 2,000.00 (owed 2,000) and the
// holdback keeps 10% = 100.00: payout 1,000 + 2,000 - 100 = 2,900.00. D2 60,000 in Q2 earns
// 6,000.00 (draw period 2 of 2): recovery -min(2,000, 6,000 - 3,000) = -2,000.00, holdback
// -600.00: payout 6,000 - 2,000 - 600 = 3,400.00, holdback balance 100 + 600 = 700.00.
const DATA: Partial<Dataset> = {
  payees: [payee('a')],
  records: { deals: rows(deal('D1', 'a', '10000', '2026-01-15'), deal('D2', 'a', '60000', '2026-04-15')) },
};

/** Calculates, failing on data errors. */
function calc(data: Partial<Dataset>, periods: string[], plan = PLAN): Results {
  const results = run(plan, data, periods);
  if (results.errors.length > 0) throw new Error(JSON.stringify(results.errors));
  return results;
}

/** The `no-previous` warnings as [payee, period, message]. */
function warned(results: Results): (string | undefined)[][] {
  return results.warnings.filter((w) => w.code === 'no-previous').map((w) => [w.payee, w.period, w.message]);
}

const Q2_ALONE =
  '2026-Q2 is calculated without the results of 2026-Q1, the period before it (no earlier results are given in previous): ' +
  'draw and holdback balances (d, h) start at zero in 2026-Q2, so draws paid before are not recovered and money held back before is not paid out. ' +
  'Pass the results of 2026-Q1 and the periods before it as previous (in data.json, or attain run --previous with the JSON of their run)';

describe('a run that starts after the plan without the earlier results (no-previous)', () => {
  it('says once that draw and holdback balances start at zero, and which period is missing', () => {
    const alone = calc(DATA, ['2026-Q2']);
    // Without Q1's balances: no 2,000 to recover, and the holdback starts from 0: payout
    // 6,000 - 600 = 5,400.00 (2,000.00 too much), holdback balance 600.00 (the 100.00 is lost).
    const q2 = statement(alone, 'a', '2026-Q2');
    expect([q2.payout, q2.balances]).toEqual(['5400.00', { 'draw:d': '0.00', 'holdback:h': '600.00' }]);
    expect(warned(alone)).toEqual([[undefined, '2026-Q2', Q2_ALONE]]);
  });

  it('says nothing when the earlier results hold the period before, and pays as a run of both periods', () => {
    const q1 = calc(DATA, ['2026-Q1']);
    expect(statement(q1, 'a', '2026-Q1').payout).toBe('2900.00');
    const q2 = calc({ ...DATA, previous: q1 }, ['2026-Q2']);
    expect(warned(q2)).toEqual([]);
    const paid = statement(q2, 'a', '2026-Q2');
    expect([paid.payout, paid.balances]).toEqual(['3400.00', { 'draw:d': '0.00', 'holdback:h': '700.00' }]);
    expect(paid).toEqual(statement(calc(DATA, ['2026-Q1', '2026-Q2']), 'a', '2026-Q2'));
  });

  it('says nothing for a run from the plan’s first period, or from a payee’s first period on it', () => {
    expect(warned(calc(DATA, ['2026-Q1', '2026-Q2']))).toEqual([]);
    // b is hired on 2026-04-01: 2026-Q2 is b's first period, with nothing before it to carry.
    const hire = {
      payees: [payee('b', {}, { plans: [{ plan: 'Test', from: '2026-04-01' }] })],
      records: { deals: [] },
    };
    expect(warned(calc(hire, ['2026-Q2']))).toEqual([]);
    // A payee who left before the run's period has no statement in it, and nothing to carry into it.
    const left = {
      payees: [payee('l', {}, { plans: [{ plan: 'Test', to: '2026-03-31' }] })],
      records: { deals: [] },
    };
    expect(warned(calc(left, ['2026-Q2']))).toEqual([]);
  });

  it('says nothing for a plan that carries no balance', () => {
    // A non-recoverable draw and a guarantee count their periods from dates; `paid year to date`
    // and `once` earnings count the earlier periods as calculated now.
    const plan = planOf(
      quarterly(`${SOURCE}
  draw nd = 1_000 USD non-recoverable for 2 periods
  guarantee g = 2_000 USD for 4 periods`),
    );
    expect(warned(calc(DATA, ['2026-Q2'], plan))).toEqual([]);
  });

  it('names only what the plan carries: holdback balances alone', () => {
    const plan = planOf(
      quarterly(`${SOURCE}
  holdback h = 10% of c until 2026-12-31`),
    );
    expect(warned(calc(DATA, ['2026-Q3'], plan))).toEqual([
      [
        undefined,
        '2026-Q3',
        '2026-Q3 is calculated without the results of 2026-Q2, the period before it (no earlier results are given in previous): ' +
          'holdback balances (h) start at zero in 2026-Q3, so money held back before is not paid out. ' +
          'Pass the results of 2026-Q2 and the periods before it as previous (in data.json, or attain run --previous with the JSON of their run)',
      ],
    ]);
  });

  it('names the period just before the run when the earlier results stop short of it', () => {
    const q1 = calc(DATA, ['2026-Q1']);
    // Q1's balances would be carried into Q3, skipping what Q2 paid and held.
    const [warning] = warned(calc({ ...DATA, previous: q1 }, ['2026-Q3']));
    expect(warning?.[2]).toMatch(
      /^2026-Q3 is calculated without the results of 2026-Q2, the period before it \(the earlier results \(previous\) have no statement of it\): /,
    );
  });

  it('says that the balances of the latest earlier results are carried in when a period is skipped', () => {
    // D3 40,000 in Q3 earns 4,000.00; the holdback keeps 400.00. After Q1 and Q2 (above), a owes
    // nothing and has 700.00 held back: Q3 pays 4,000 - 400 = 3,600.00 and holds 1,100.00. Run with
    // Q1's results alone, Q3 carries in Q1's balances: 2,000.00 owed (Q2 recovered it) is recovered
    // a second time, -min(2,000, 4,000) = -2,000.00, and the 600.00 Q2 held back is lost: Q3 pays
    // 4,000 - 2,000 - 400 = 1,600.00 and holds 100 + 400 = 500.00. Nothing starts at zero.
    const data = {
      ...DATA,
      records: {
        deals: rows(
          deal('D1', 'a', '10000', '2026-01-15'),
          deal('D2', 'a', '60000', '2026-04-15'),
          deal('D3', 'a', '40000', '2026-07-15'),
        ),
      },
    };
    const right = statement(calc(data, ['2026-Q1', '2026-Q2', '2026-Q3']), 'a', '2026-Q3');
    expect([right.payout, right.balances]).toEqual([
      '3600.00',
      { 'draw:d': '0.00', 'holdback:h': '1100.00' },
    ]);
    const q1 = calc(data, ['2026-Q1']);
    const skipped = calc({ ...data, previous: q1 }, ['2026-Q3']);
    const q3 = statement(skipped, 'a', '2026-Q3');
    expect([q3.payout, q3.balances]).toEqual(['1600.00', { 'draw:d': '0.00', 'holdback:h': '500.00' }]);
    expect(q3.adjustments.map((line) => [line.id, line.amount])).toEqual([
      ['draw-recovery:d', '-2000.00'],
      ['holdback:h', '-400.00'],
    ]);
    expect(warned(skipped)).toEqual([
      [
        undefined,
        '2026-Q3',
        '2026-Q3 is calculated without the results of 2026-Q2, the period before it (the earlier results (previous) have no statement of it): ' +
          'draw and holdback balances (d, h) are carried into 2026-Q3 from the latest earlier results, 2026-Q1, skipping 2026-Q2, ' +
          'so what 2026-Q2 did to them is lost: draws it recovered are owed again, draws it paid are not owed, ' +
          'money it held back is not held and money it released is held again. ' +
          'Pass the results of 2026-Q2 and the periods before it as previous (in data.json, or attain run --previous with the JSON of their run)',
      ],
    ]);
    // b, hired on 2026-04-01, has no statement in Q1's results: b's balances start at zero. One
    // warning says both, naming whose balances are carried in and whose start at zero.
    const hired = payee('b', {}, { plans: [{ plan: 'Test', from: '2026-04-01' }] });
    const both = calc({ ...data, payees: [payee('a'), hired], previous: q1 }, ['2026-Q3']);
    expect(warned(both)[0]?.[2]).toBe(
      '2026-Q3 is calculated without the results of 2026-Q2, the period before it (the earlier results (previous) have no statement of it): ' +
        'for a, draw and holdback balances (d, h) are carried into 2026-Q3 from the latest earlier results, 2026-Q1, skipping 2026-Q2, ' +
        'so what 2026-Q2 did to them is lost: draws it recovered are owed again, draws it paid are not owed, ' +
        'money it held back is not held and money it released is held again; ' +
        'for b, they start at zero in 2026-Q3, so draws paid before are not recovered and money held back before is not paid out. ' +
        'Pass the results of 2026-Q2 and the periods before it as previous (in data.json, or attain run --previous with the JSON of their run)',
    );
  });

  it('names every period skipped', () => {
    // Q1's results for a run of Q4: Q2 and Q3 are skipped.
    const q1 = calc(DATA, ['2026-Q1']);
    const [warning] = warned(calc({ ...DATA, previous: q1 }, ['2026-Q4']));
    expect(warning?.[2]).toContain(
      'are carried into 2026-Q4 from the latest earlier results, 2026-Q1, skipping 2026-Q2 and 2026-Q3, ' +
        'so what 2026-Q2 and 2026-Q3 did to them is lost: draws they recovered are owed again',
    );
    // Monthly: January's results for a run of May skip February to April.
    const monthly = planOf(
      quarterly(`${SOURCE}\n  draw d = 3_000 USD recoverable for 2 periods`).replace(
        'period quarter',
        'period month',
      ),
    );
    const jan = calc(DATA, ['2026-01'], monthly);
    const [may] = warned(calc({ ...DATA, previous: jan }, ['2026-05'], monthly));
    expect(may?.[2]).toContain(
      'draw balances (d) are carried into 2026-05 from the latest earlier results, 2026-01, skipping 2026-02 to 2026-04, ' +
        'so what 2026-02 to 2026-04 did to them is lost: draws they recovered are owed again and draws they paid are not owed. ',
    );
  });

  it('names the payees the earlier results leave out, in one warning for the run', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const data = { payees: six.map((id) => payee(id)), records: { deals: [] } };
    const q1 = calc(data, ['2026-Q1']);
    const all = calc({ ...data, previous: q1 }, ['2026-Q2']);
    expect(warned(all)).toEqual([]);
    // Only a's Q1 statement is kept: b to f start from zero.
    const some = calc({ ...data, previous: { ...q1, statements: q1.statements.slice(0, 1) } }, ['2026-Q2']);
    const warnings = warned(some);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[2]).toMatch(
      /^2026-Q2 is calculated without the results of 2026-Q1, the period before it \(the earlier results \(previous\) have no statement of b, c, d, e and f in it\): /,
    );
    // With no earlier results at all, one warning for the six payees, naming none of them.
    expect(warned(calc(data, ['2026-Q2']))).toEqual([[undefined, '2026-Q2', Q2_ALONE]]);
  });

  it('reads the last period the payee was on the plan, across a time off it', () => {
    // On the plan in Q1, off in Q2, back in Q3: Q1 is the period whose balances Q3 carries in.
    const back = payee(
      'r',
      {},
      {
        plans: [
          { plan: 'Test', to: '2026-03-31' },
          { plan: 'Test', from: '2026-07-01' },
        ],
      },
    );
    const data = { payees: [back], records: { deals: rows(deal('D1', 'r', '10000', '2026-01-15')) } };
    const q1 = calc(data, ['2026-Q1']);
    expect(warned(calc({ ...data, previous: q1 }, ['2026-Q3']))).toEqual([]);
    expect(warned(calc(data, ['2026-Q3']))[0]?.[2]).toMatch(
      /^2026-Q3 is calculated without the results of 2026-Q1, /,
    );
  });
});

describe('periods a run skips between its own', () => {
  // a: Q1 as above (payout 2,900.00, draw owed 2,000, held 100). Q2 (D2 60,000) would recover the
  // 2,000 and hold 600 more; a Q1+Q3 run skips it: Q3 (no deals, draw over after 2 periods) carries
  // Q1's balances, as if Q2 paid nothing.
  const GAP =
    'the run skips 2026-Q2 between its periods, and the earlier results (previous) have no statement of it: ' +
    'draw and holdback balances (d, h) are carried across it as if 2026-Q2 paid nothing, so whatever it would ' +
    'have advanced, recovered, held back or released is missing from them. Calculate 2026-Q2 in the same ' +
    'run, or pass its results as previous';

  it('warns once when the earlier results do not hold the skipped period', () => {
    const q13 = calc(DATA, ['2026-Q1', '2026-Q3']);
    expect(warned(q13)).toEqual([[undefined, '2026-Q3', GAP]]);
    // The balances Q3 carries are Q1's: 2,000 owed and 100 held (with Q2: 0 owed, 700 held).
    expect(statement(q13, 'a', '2026-Q3').balances).toEqual({ 'draw:d': '2000.00', 'holdback:h': '100.00' });
  });

  it('is quiet when the run holds every period between its own, or the earlier results hold the gap', () => {
    expect(warned(calc(DATA, ['2026-Q1', '2026-Q2', '2026-Q3']))).toEqual([]);
    const q12 = calc(DATA, ['2026-Q1', '2026-Q2']);
    expect(warned(calc({ ...DATA, previous: q12 }, ['2026-Q1', '2026-Q3']))).toEqual([]);
  });

  it('is quiet for a plan without draws or holdbacks', () => {
    const plain = planOf(quarterly(SOURCE));
    expect(warned(calc(DATA, ['2026-Q1', '2026-Q3'], plain))).toEqual([]);
  });
});
