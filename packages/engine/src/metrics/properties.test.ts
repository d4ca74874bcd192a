/**
 * The roll-up invariant: a team's value of every metric is the metric recomputed from the raw
 * records of everyone in the team, as if the team were one payee holding them all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Payee } from '../data/dataset.js';
import { Dec, decText } from '../decimal.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { rollUp } from './roll-up.js';

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
  source touches { id: Text key, owner: Payee owner, logged_on: Date dated, kind: Text }
  payee { annual: Money }
  quota q = payee.annual
  credit bookings from deals where stage = "Won" {
    to owner
  }
  commission pay_out = bookings * 10%
  let big: Money = 50_000 USD
  metric won: Integer = count(bookings)
  metric lost: Integer = count(deals where stage = "Lost")
  metric win_rate: Percent = ratio(won, won + lost)
  metric avg_deal: Money = avg(bookings.amount)
  metric avg_open: Money = avg(deals.amount where stage = "Open" and amount < big)
  metric biggest: Money = max(deals.amount)
  metric smallest: Money = min(deals.amount where stage != "Won")
  metric first_close: Date = min(deals.close_date)
  metric velocity: Number = avg(deals.days where stage = "Won")
  metric remaining: Money = max(q - bookings, 0 USD)
  metric coverage: Percent = ratio(sum(deals.amount where stage = "Open"), remaining)
  metric per_deal: Money = bookings / won
  metric conversion: Percent = ratio(count(touches where kind = "Meeting"), count(touches where kind != "Meeting"))
  metric ytd_attainment: Percent = ratio(ytd(bookings), ytd(q))
  metric pace: Percent = ratio(bookings, q * ratio(days_between(period.start, today), 90))
  metric ahead: Boolean = if won > lost then bookings >= q else false
`),
);

const periods = ['2026-Q1', '2026-Q2'];
const stages = ['Won', 'Lost', 'Open'];

/** Dates in the first half of 2026. */
const date = fc
  .integer({ min: 0, max: 180 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));

const world = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    // Mostly a manager met earlier (a tree), sometimes anyone, themself included: cycles happen.
    managers: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.oneof(
          { arbitrary: fc.integer({ min: -1, max: i - 1 }), weight: 4 },
          { arbitrary: fc.integer({ min: -1, max: n - 1 }), weight: 1 },
        ),
      ),
    ),
    quotas: fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: n, maxLength: n }),
    deals: fc.array(
      fc.record({
        owner: fc.integer({ min: 0, max: n - 1 }),
        cents: fc.integer({ min: 0, max: 12_000_000 }),
        date,
        stage: fc.constantFrom(...stages),
        days: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
    touches: fc.array(
      fc.record({
        owner: fc.integer({ min: 0, max: n - 1 }),
        date,
        kind: fc.constantFrom('Call', 'Email', 'Meeting'),
      }),
      { maxLength: 20 },
    ),
    asOf: date,
  }),
);

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const id = (i: number) => `p${i}`;

function datasetOf(w: World): Dataset {
  const payees: Payee[] = w.quotas.map((quota, i) => {
    const manager = w.managers[i] ?? -1;
    return payee(id(i), { annual: String(quota) }, manager >= 0 ? { manager: id(manager) } : {});
  });
  return {
    payees,
    records: {
      deals: rows(
        ...w.deals.map((d, i) => ({
          id: `D${i}`,
          owner: id(d.owner),
          amount: decText(new Dec(d.cents).div(100)),
          close_date: d.date,
          stage: d.stage,
          ...(d.days === undefined ? {} : { days: d.days }),
        })),
      ),
      touches: rows(
        ...w.touches.map((t, i) => ({ id: `T${i}`, owner: id(t.owner), logged_on: t.date, kind: t.kind })),
      ),
    },
  };
}

/** The team as one payee: everyone's records re-owned by it, and the sum of their quotas. */
function teamAsOnePayee(data: Dataset, members: ReadonlySet<string>): Dataset {
  let annual = new Dec(0);
  for (const p of data.payees) if (members.has(p.id)) annual = annual.plus(String(p.attributes.annual));
  const reown = (list: Dataset['records'][string] = []) =>
    list
      .filter((r) => members.has(String(r.values.owner)))
      .map((r) => ({ ...r, values: { ...r.values, owner: 'team' } }));
  return {
    payees: [payee('team', { annual: decText(annual) })],
    records: { deals: reown(data.records.deals), touches: reown(data.records.touches) },
  };
}

/** The oracle of cycles: payees whose walk up the managers comes back on itself before the top. */
function inCycles(data: Dataset): string[] {
  const managerOf = new Map(data.payees.map((p) => [p.id, p.manager ?? undefined]));
  return data.payees
    .map((p) => p.id)
    .filter((start) => {
      const seen = new Set<string>();
      for (let at: string | undefined = start; at !== undefined; at = managerOf.get(at)) {
        if (seen.has(at)) return true;
        seen.add(at);
      }
      return false;
    })
    .sort();
}

function membersOf(head: string, data: Dataset): Set<string> {
  const members = new Set([head]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of data.payees) {
      if (p.manager && members.has(p.manager) && !members.has(p.id)) {
        members.add(p.id);
        grew = true;
      }
    }
  }
  return members;
}

describe('roll-up properties', () => {
  it('every metric rolls up decomposably: no rule of this plan lacks a team value', () => {
    const r = rollUp(plan, { payees: [], records: {} }, run(plan, {}, periods));
    expect(r.rules.filter((rule) => rule.method === 'none')).toEqual([]);
  });

  it('every team value equals the metric recomputed from the raw records of everyone in the team; cycles are in no team', () => {
    fc.assert(
      fc.property(world, (w) => {
        const data = datasetOf(w);
        const results = run(plan, data, periods, { asOf: w.asOf });
        const rolled = rollUp(plan, data, results);
        for (const team of rolled.teams) {
          const members = membersOf(team.team, data);
          expect(team.size).toBe(members.size);
          const alone = run(plan, teamAsOnePayee(data, members), periods, { asOf: w.asOf });
          const statement = alone.statements.find((s) => s.period === team.period);
          const expected = Object.fromEntries((statement?.metrics ?? []).map((m) => [m.name, m.value]));
          const actual = Object.fromEntries(team.metrics.map((m) => [m.name, m.value]));
          expect(actual).toEqual(expected);
        }
        // A payee in or below a cycle of managers is in no team and heads none.
        const unplaced = inCycles(data);
        expect(rolled.unplaced).toEqual(unplaced);
        const placed = data.payees.filter((p) => !unplaced.includes(p.id));
        const heads = new Set(placed.flatMap((p) => (p.manager ? [p.manager] : [])));
        expect(new Set(rolled.teams.map((t) => t.team))).toEqual(heads);
        for (const team of rolled.teams)
          for (const member of membersOf(team.team, data)) expect(unplaced).not.toContain(member);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the payees and records', () => {
    fc.assert(
      fc.property(world, fc.integer(), (w, seed) => {
        const data = datasetOf(w);
        // Fisher-Yates with a small seeded generator (mulberry32): a real permutation for any seed
        // (a key of `i × seed` kept most small seeds' order unchanged).
        let state = seed >>> 0;
        const next = (): number => {
          state = (state + 0x6d2b79f5) >>> 0;
          let t = Math.imul(state ^ (state >>> 15), state | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const shuffle = <T>(list: T[]): T[] => {
          for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(next() * (i + 1));
            [list[i], list[j]] = [list[j] as T, list[i] as T];
          }
          return list;
        };
        const shuffled: Dataset = {
          payees: shuffle([...data.payees]),
          records: {
            deals: shuffle([...(data.records.deals ?? [])]),
            touches: shuffle([...(data.records.touches ?? [])]),
          },
        };
        const a = rollUp(plan, data, run(plan, data, periods, { asOf: w.asOf }));
        const b = rollUp(plan, shuffled, run(plan, shuffled, periods, { asOf: w.asOf }));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 50 },
    );
  });
});
