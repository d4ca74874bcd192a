import { describe, expect, it } from 'vitest';
import type { AttributeChange, DataRecord, Dataset, Payee } from '../data/dataset.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { rollUp, type TeamMetrics } from './roll-up.js';

/** A small plan with a metric of every roll-up kind. */
const plan = planOf(
  quarterly(`
  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
    days: Integer optional
  }
  payee { annual: Money }
  quota q = payee.annual
  credit bookings from deals where stage = "Won" {
    to owner
  }
  commission bonus_pay = bookings * 10%
  metric won: Integer = count(bookings)
  metric lost: Integer = count(deals where stage = "Lost")
  metric win_rate: Percent = ratio(won, won + lost)
  metric avg_deal: Money = avg(deals.amount where stage = "Won")
  metric biggest: Money = max(deals.amount)
  metric smallest: Money = min(deals.amount)
  metric velocity: Number = avg(deals.days where stage = "Won")
  metric remaining: Money = max(q - bookings, 0 USD)
  metric coverage: Percent = ratio(sum(deals.amount where stage = "Open"), remaining)
  metric ytd_attainment: Percent = ratio(ytd(bookings), ytd(q))
  metric quarter_days: Integer = days_between(period.start, period.end) + 1
  metric own_share: Percent = bookings / payee.annual
  metric commission_total: Money = bonus_pay
`),
);

const deal = (id: string, owner: string, amount: string, date: string, stage: string, days?: number) => ({
  id,
  owner,
  amount,
  close_date: date,
  stage,
  ...(days === undefined ? {} : { days }),
});

// vp -> m1 -> r1, r2; vp -> m2 -> r3. m1 sells too.
const data: Dataset = {
  payees: [
    payee('vp', { annual: '0' }),
    payee('m1', { annual: '0' }, { manager: 'vp' }),
    payee('m2', { annual: '0' }, { manager: 'vp' }),
    payee('r1', { annual: '100000' }, { manager: 'm1' }),
    payee('r2', { annual: '50000' }, { manager: 'm1' }),
    payee('r3', { annual: '80000' }, { manager: 'm2' }),
  ],
  records: {
    deals: rows(
      deal('D1', 'r1', '40000', '2026-01-10', 'Won', 30),
      deal('D2', 'r1', '20000', '2026-02-10', 'Won', 50),
      deal('D3', 'r1', '10000', '2026-02-20', 'Lost'),
      deal('D4', 'r1', '90000', '2026-03-20', 'Open'),
      deal('D5', 'r2', '30000', '2026-01-15', 'Won', 20),
      deal('D6', 'r2', '5000', '2026-01-25', 'Lost'),
      deal('D7', 'r2', '15000', '2026-02-25', 'Lost'),
      deal('D8', 'r2', '60000', '2026-03-25', 'Open'),
      deal('D9', 'm1', '10000', '2026-03-01', 'Won'),
      deal('D10', 'r3', '25000', '2026-02-01', 'Lost'),
      deal('D11', 'r3', '100000', '2026-03-30', 'Open'),
      deal('D12', 'r1', '50000', '2026-04-10', 'Won', 40),
    ),
  },
};

const results = run(plan, data, ['2026-Q1', '2026-Q2']);
const rolled = rollUp(plan, data, results);

function team(id: string, period: string): Record<string, unknown> {
  const t = rolled.teams.find((x) => x.team === id && x.period === period) as TeamMetrics;
  return Object.fromEntries(t.metrics.map((m) => [m.name, m.value]));
}

describe('rollUp', () => {
  it('rolls every metric up to each manager, recomputing ratios and averages from their parts', () => {
    // m1's team is m1, r1 and r2. Won: r1 D1, D2; r2 D5; m1 D9 = 4. Lost: D3, D6, D7 = 3.
    // Win rate 4 / (4 + 3) = 57.14…% (the average of the members' rates, 67%, 25% and 100%, would be 64%).
    // Average deal: (40,000 + 20,000 + 30,000 + 10,000) / 4 = 25,000 (the members' averages average 23,333.33).
    // Largest 90,000 (D4), smallest 5,000 (D6). Velocity: D9 has no days, so (30 + 50 + 20) / 3 = 33.33….
    // Bookings 100,000 against quota 150,000: 50,000 to close; open 90,000 + 60,000 = 150,000: coverage 300%.
    // Year to date: 100,000 / 150,000 = 66.66…%. Q1 has 90 days for everyone.
    expect(team('m1', '2026-Q1')).toEqual({
      won: '4',
      lost: '3',
      win_rate: expect.stringMatching(/^0\.571428571428/),
      avg_deal: '25000',
      biggest: '90000',
      smallest: '5000',
      velocity: expect.stringMatching(/^33\.33333333/),
      remaining: '50000',
      coverage: '3',
      ytd_attainment: expect.stringMatching(/^0\.66666666/),
      quarter_days: '90',
      own_share: null,
      commission_total: null,
    });
    // The whole company (vp): lost D10 too, so 4 / 8 = 50%; largest 100,000 (D11); quota 230,000,
    // 130,000 to close, open 250,000: coverage 250,000 / 130,000 = 192.3…%.
    expect(team('vp', '2026-Q1')).toMatchObject({
      won: '4',
      lost: '4',
      win_rate: '0.5',
      avg_deal: '25000',
      biggest: '100000',
      smallest: '5000',
      remaining: '130000',
      coverage: expect.stringMatching(/^1\.923076923/),
    });
    // m2's team (m2 and r3) closed nothing: no average, no velocity, win rate 0% (ratio of 0 to 1).
    expect(team('m2', '2026-Q1')).toMatchObject({
      won: '0',
      lost: '1',
      win_rate: '0',
      avg_deal: null,
      velocity: null,
      coverage: expect.stringMatching(/^1\.25$/),
    });
  });

  it('adds up to-date windows: Q2 year to date is Q1 and Q2 together', () => {
    // m1 in Q2: D12 50,000 won; year to date 150,000 against 150,000 + 150,000 = 50%.
    expect(team('m1', '2026-Q2')).toMatchObject({
      won: '1',
      lost: '0',
      win_rate: '1',
      ytd_attainment: '0.5',
    });
  });

  it('lists teams by head then period, with their level, reports and size', () => {
    expect(rolled.teams.map((t) => [t.team, t.period, t.level, t.reports, t.size])).toEqual([
      ['m1', '2026-Q1', 1, ['r1', 'r2'], 3],
      ['m1', '2026-Q2', 1, ['r1', 'r2'], 3],
      ['m2', '2026-Q1', 1, ['r3'], 2],
      ['m2', '2026-Q2', 1, ['r3'], 2],
      ['vp', '2026-Q1', 0, ['m1', 'm2'], 6],
      ['vp', '2026-Q2', 0, ['m1', 'm2'], 6],
    ]);
    expect(rolled.meta.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(rolled.unplaced).toEqual([]);
  });

  it('states each rule, and why a metric has no team value', () => {
    const rule = (name: string) => rolled.rules.find((r) => r.metric === name);
    expect(rule('won')).toEqual({ metric: 'won', method: 'sum', parts: ['count(bookings)'] });
    expect(rule('biggest')).toEqual({ metric: 'biggest', method: 'max', parts: ['max(deals.amount)'] });
    expect(rule('smallest')?.method).toBe('min');
    expect(rule('win_rate')).toEqual({
      metric: 'win_rate',
      method: 'recomputed',
      parts: ['count(bookings)', 'count(deals where stage = "Lost")'],
    });
    expect(rule('avg_deal')?.parts).toEqual([
      'sum(deals.amount where stage = "Won")',
      'count(deals.amount where stage = "Won")',
    ]);
    expect(rule('remaining')?.parts).toEqual(['quota q', 'credit bookings']);
    expect(rule('ytd_attainment')?.parts).toEqual(['ytd(bookings)', 'ytd(q)']);
    expect(rule('quarter_days')).toEqual({ metric: 'quarter_days', method: 'same', parts: [] });
    expect(rule('own_share')).toMatchObject({
      method: 'none',
      reason: 'it reads payee.annual, an attribute of each payee that a team does not have',
    });
    expect(rule('commission_total')?.reason).toBe(
      'it reads the earning bonus_pay, which is paid to each payee on their own numbers',
    );
  });

  it('has no team value for credits that count a record for several payees', () => {
    const overlay = planOf(
      quarterly(`
      source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
      credit team_bookings from deals {
        to managers of owner
      }
      commission bonus_pay = team_bookings * 1%
      metric team_total: Money = team_bookings
      metric team_deals: Integer = count(team_bookings)
    `),
    );
    const r = rollUp(overlay, { payees: [], records: {} }, run(overlay, {}, ['2026-Q1']));
    expect(r.rules.map((x) => [x.metric, x.method, x.reason])).toEqual([
      [
        'team_total',
        'none',
        'the credit team_bookings credits a record to several payees in full (overlay, managers or territory), so a team would count it more than once',
      ],
      ['team_deals', 'none', expect.stringContaining('credits a record to several payees')],
    ]);
  });

  it('has no team value for an aggregate whose condition reads the payee', () => {
    const own = planOf(
      quarterly(`
      source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, minimum: Money }
      payee { floor: Money }
      commission bonus_pay = sum(deals.amount where amount >= payee.floor) * 1%
      metric above_floor: Integer = count(deals where amount >= payee.floor)
    `),
    );
    const r = rollUp(own, { payees: [], records: {} }, run(own, {}, ['2026-Q1']));
    expect(r.rules[0]?.reason).toBe(
      'count(deals where amount >= payee.floor) reads payee.floor in its condition, which differs between payees',
    );
  });

  it("places each period's payees under their manager on its last day (attributeChanges)", () => {
    // r2 moves from m1 to m2 on 2026-06-15 (in Q2). Q1 (last day 2026-03-31): r2 in m1's team;
    // Q2 (last day 2026-06-30): r2 in m2's, with all of r2's Q2 (no Q2 deals of r2: 0 won).
    const moved: Dataset = {
      ...data,
      attributeChanges: [{ payee: 'r2', attribute: 'manager', value: 'm2', from: '2026-06-15' }],
    };
    const r = rollUp(plan, moved, run(plan, moved, ['2026-Q1', '2026-Q2']));
    expect(r.teams.map((t) => [t.team, t.period, t.level, t.reports, t.size])).toEqual([
      ['m1', '2026-Q1', 1, ['r1', 'r2'], 3],
      ['m1', '2026-Q2', 1, ['r1'], 2],
      ['m2', '2026-Q1', 1, ['r3'], 2],
      ['m2', '2026-Q2', 1, ['r2', 'r3'], 3],
      ['vp', '2026-Q1', 0, ['m1', 'm2'], 6],
      ['vp', '2026-Q2', 0, ['m1', 'm2'], 6],
    ]);
    const metrics = (id: string, period: string) =>
      Object.fromEntries(
        (r.teams.find((t) => t.team === id && t.period === period) as TeamMetrics).metrics.map((m) => [
          m.name,
          m.value,
        ]),
      );
    // m1 in Q1 as before: 4 won (D1, D2, D5, D9), quota 100,000 + 50,000 against 100,000 booked:
    // 50,000 to close. In Q2 m1's team is m1 and r1: quota 100,000 (r1; q is payee.annual in each
    // period), bookings D12 50,000: 50,000 to close (with r2, as before the move, 100,000).
    expect(metrics('m1', '2026-Q1')).toMatchObject({ won: '4', remaining: '50000' });
    expect(metrics('m1', '2026-Q2')).toMatchObject({ won: '1', remaining: '50000' });
    // m2 in Q2: m2, r2 and r3; quotas 50,000 + 80,000 = 130,000, no bookings: 130,000 to close.
    expect(metrics('m2', '2026-Q2')).toMatchObject({ won: '0', remaining: '130000' });
    expect(r.unplaced).toEqual([]);
  });

  it('places payees whose managers form a cycle in no team', () => {
    const cyclic: Dataset = {
      ...data,
      payees: [
        payee('a', { annual: '0' }, { manager: 'b' }),
        payee('b', { annual: '0' }, { manager: 'a' }),
        payee('c', { annual: '0' }, { manager: 'b' }),
        payee('d', { annual: '0' }),
        payee('e', { annual: '0' }, { manager: 'd' }),
      ],
      records: {},
    };
    const r = rollUp(plan, cyclic, run(plan, cyclic, ['2026-Q1']));
    expect(r.unplaced).toEqual(['a', 'b', 'c']);
    expect(r.teams.map((t) => t.team)).toEqual(['d']);
  });

  it('gives no teams for results with data errors, and refuses results of another plan', () => {
    const bad: Dataset = { ...data, records: { deals: rows({ id: 'X', owner: 'nobody' }) } };
    expect(rollUp(plan, bad, run(plan, bad, ['2026-Q1'])).teams).toEqual([]);
    const other = planOf(quarterly('metric one: Integer = 1'));
    expect(() => rollUp(plan, data, run(other, {}, ['2026-Q1']))).toThrow(TypeError);
  });

  it('checks payees as calculate did: a bad attribute of a payee off the plan in the periods stops nothing', () => {
    // "late" joins in Q3 with an unreadable annual quota: not an error for a Q1 run (they are off
    // the plan), so calculate pays Q1 and the roll-up must give the same teams it gives without them.
    const withLate: Dataset = {
      ...data,
      payees: [
        ...(data.payees ?? []),
        payee('late', { annual: 'lots' }, { manager: 'm1', plans: [{ plan: 'Test', from: '2026-07-01' }] }),
      ],
    };
    const q1 = run(plan, withLate, ['2026-Q1']);
    expect(q1.errors).toEqual([]);
    const teams = rollUp(plan, withLate, q1).teams;
    expect(teams.map((t) => t.team)).toEqual(
      rollUp(plan, data, run(plan, data, ['2026-Q1'])).teams.map((t) => t.team),
    );
    expect(teams.length).toBeGreaterThan(0);
  });

  it('leaves out what calculate rejected in lists with holes (a dataset built in JavaScript)', () => {
    // A hole in payees (row 2), one after the 12 deals (row 13: they are numbered 1 to 12) and one
    // in attributeChanges (row 1), and a null change (row 2): each is an empty row, rejected in
    // lenient mode; the rest is the data above, so m1's team in Q1 is as in the first test (4 won,
    // 3 lost) and every team is the same.
    const payees: Payee[] = [...(data.payees ?? [])];
    payees.splice(1, 0, undefined as unknown as Payee);
    delete payees[1];
    const deals: DataRecord[] = [...(data.records.deals ?? [])];
    deals.length = 13;
    const attributeChanges = [null, null] as unknown as AttributeChange[];
    delete attributeChanges[0];
    const holed: Dataset = { ...data, payees, records: { deals }, attributeChanges };
    const lenient = run(plan, holed, ['2026-Q1', '2026-Q2'], { mode: 'lenient' });
    expect(lenient.rejected.map((r) => [r.source, r.row, r.errors[0]?.reason])).toEqual([
      ['attributeChanges', 1, 'attributeChanges row 1: the row is empty'],
      ['attributeChanges', 2, 'attributeChanges row 2: the row is empty'],
      ['deals', 13, 'deals row 13: the row is empty'],
      ['payees', 2, 'payees row 2: the row is empty'],
    ]);
    const r = rollUp(plan, holed, lenient);
    const m1 = r.teams.find((t) => t.team === 'm1' && t.period === '2026-Q1');
    expect(m1?.metrics.filter((m) => m.name === 'won' || m.name === 'lost').map((m) => m.value)).toEqual([
      '4',
      '3',
    ]);
    expect(r.teams).toEqual(rolled.teams);
  });

  it('refuses results calculated over other data, instead of rolling up the wrong records', () => {
    // The results count D1..D12; without the deals m1's team would silently show 0 won in Q1
    // where the results say r1 and r2 won 2 + 1 = 3.
    const noDeals: Dataset = { ...data, records: { deals: [] } };
    expect(() => rollUp(plan, noDeals, results)).toThrow(
      'results must be the results of calculate() over the same data: the data hash differs',
    );
    // The same rows in another order are the same data.
    const reordered: Dataset = { ...data, records: { deals: [...(data.records.deals ?? [])].reverse() } };
    expect(rollUp(plan, reordered, results).teams.length).toBe(rolled.teams.length);
  });
});
