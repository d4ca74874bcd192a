/**
 * Properties of the engine over generated data (fast-check).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DataRecord, Dataset, RawValue, TerritoryAssignment } from './data/dataset.js';
import { Dec } from './decimal.js';
import type { Results } from './results/results.js';
import { payee, planOf, quarterly, run } from './test-support.js';

const PAYEES = ['a', 'b', 'c', 'd'];
const cents = (n: number) => new Dec(n).div(100).toFixed(2);

/** Deals with unique keys, owners among the payees, dates in Q1 2026, amounts in cents. */
const dealsArb = fc
  .array(
    fc.record({
      owner: fc.constantFrom(...PAYEES),
      // Half of them in quarters of a dollar: at 2% or 15% they price lines ending in half a cent
      // (12.25 × 2% = 0.245), the ties of rounding.
      cents: fc.oneof(
        fc.integer({ min: -50_000, max: 20_000_000 }),
        fc.integer({ min: -2_000, max: 800_000 }).map((n) => n * 25),
      ),
      // Often one of a few days: deals of one day are taken in key order, whatever their rows.
      day: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(1, 45, 90)),
      hypothetical: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((list) =>
    list.map(
      (d, i): DataRecord => ({
        row: i + 1,
        values: { id: `D${i + 1}`, owner: d.owner, amount: cents(d.cents), close_date: dayOfQ1(d.day) },
        hypothetical: d.hypothetical && i % 3 === 0,
      }),
    ),
  );

function dayOfQ1(n: number): string {
  const date = new Date(Date.UTC(2026, 0, n));
  return date.toISOString().slice(0, 10);
}

const dataOf = (deals: DataRecord[], extra: Partial<Dataset> = {}): Partial<Dataset> => ({
  payees: PAYEES.map((id) => payee(id, { quota: '100000' })),
  records: { deals },
  ...extra,
});

const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quota: Money }`;

/**
 * The table on attainment (bookings / quota), or on bookings itself with the same bounds in USD
 * for the 100,000 quota (the incremental path's exact units apply to the latter only).
 */
const tieredBody = (mode: string, clauses = '', on: 'attainment' | 'bookings' = 'attainment') => {
  const [b1, b2, b3] =
    on === 'attainment' ? ['50%', '100%', '150%'] : ['50_000 USD', '100_000 USD', '150_000 USD'];
  return `${DEALS}
  credit bookings from deals { to owner }
  measure attainment = bookings / payee.quota
  rate table rates on ${on} ${mode} {
    0 to ${b1}: 2%
    ${b1} to ${b2}: 8%
    ${b2} to ${b3}: 12%
    ${b3} and up: 15%
  }
  commission c = tiered(bookings, rates) per line ${clauses}`;
};

const tieredPlan = (
  mode: string,
  clauses = '',
  rounding = '',
  on: 'attainment' | 'bookings' = 'attainment',
) => planOf(quarterly(tieredBody(mode, clauses, on), rounding));

const sum = (values: readonly string[]) => Dec.sum(0, ...values.map((v) => new Dec(v)));

describe('properties', () => {
  // Two credits read one split source, each on its own field: deals by deal_id, renewals by renewal_id.
  const splitPlan = planOf(
    quarterly(`${DEALS}
  source renewals { id: Text key, owner: Payee owner, amount: Money, renew_date: Date dated }
  source deal_splits {
    id: Text key
    deal_id: Text optional
    renewal_id: Text optional
    payee: Payee
    share: Percent
    approved_on: Date dated
  }
  credit alliance from deals { split by deal_splits on deal_id }
  credit renewal_split from renewals { split by deal_splits on renewal_id }
  commission c = (alliance + renewal_split) * 1%`),
  );
  /** Shares in basis points (0.01%) summing to exactly 100%; the last takes the remainder. */
  const basisPoints = (weights: readonly number[]): number[] => {
    const total = weights.reduce((a, b) => a + b, 0);
    const bps = weights.map((w) => Math.floor((w * 10_000) / total));
    bps[bps.length - 1] = 10_000 - bps.slice(0, -1).reduce((a, b) => a + b, 0);
    return bps;
  };
  // Each share's weight and payee (by index): one payee may have two rows for the same deal.
  const weightsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.nat(PAYEES.length - 1)), {
    minLength: 1,
    maxLength: 4,
  });
  test.prop([
    fc.integer({ min: 1, max: 1_000_000_000 }),
    weightsArb,
    fc.integer({ min: 1, max: 1_000_000_000 }),
    weightsArb,
  ])('splits conserve the credited amount', (amountCents, weights, renewalCents, renewalWeights) => {
    const share = (bp: number) => `${new Dec(bp).div(100).toString()}%`;
    const dealRows = basisPoints(weights.map(([w]) => w)).map((bp, i) => ({
      id: `S${i}`,
      deal_id: 'D1',
      renewal_id: null,
      payee: PAYEES[(weights[i] as [number, number])[1]] as string,
      share: share(bp),
      approved_on: '2026-01-01',
    }));
    // The renewal's shares go to the payees in the other order, so the two indexes differ.
    const renewalRows = basisPoints(renewalWeights.map(([w]) => w)).map((bp, i) => ({
      id: `R-S${i}`,
      deal_id: null,
      renewal_id: 'R1',
      payee: PAYEES[PAYEES.length - 1 - (renewalWeights[i] as [number, number])[1]] as string,
      share: share(bp),
      approved_on: '2026-01-01',
    }));
    const splits = [...dealRows, ...renewalRows].map((values, i) => ({ row: i + 1, values }));
    const deal = {
      row: 1,
      values: { id: 'D1', owner: 'a', amount: cents(amountCents), close_date: '2026-01-05' },
    };
    const renewal = {
      row: 1,
      values: { id: 'R1', owner: 'b', amount: cents(renewalCents), renew_date: '2026-02-05' },
    };
    const results = run(
      splitPlan,
      dataOf([deal], { records: { deals: [deal], renewals: [renewal], deal_splits: splits } }),
      ['2026-Q1'],
    );
    expect(results.errors).toEqual([]);
    expect(results.warnings).toEqual([]);
    const credited = (name: string) =>
      results.statements.flatMap((s) =>
        s.credits.filter((c) => c.name === name).flatMap((c) => c.lines.map((l) => l.amount)),
      );
    expect(sum(credited('alliance')).eq(new Dec(cents(amountCents)))).toBe(true);
    expect(sum(credited('renewal_split')).eq(new Dec(cents(renewalCents)))).toBe(true);
    // The totals the earnings read add up to the same (two rows of one payee for a deal, 30% and
    // 20%, credit that payee 50%), and each is the sum of its lines.
    const totals = (name: string) =>
      results.statements.flatMap((s) => s.credits.filter((c) => c.name === name).map((c) => c.total));
    expect(sum(totals('alliance')).eq(new Dec(cents(amountCents)))).toBe(true);
    expect(sum(totals('renewal_split')).eq(new Dec(cents(renewalCents)))).toBe(true);
    for (const c of results.statements.flatMap((s) => s.credits))
      expect(sum(c.lines.map((l) => l.amount)).eq(new Dec(c.total))).toBe(true);
  });

  test.prop([
    dealsArb,
    fc.constantFrom('marginal', 'retroactive', 'hybrid at 100%'),
    fc.constantFrom(
      '',
      'rounding half even to 2 decimals at earning',
      'rounding down to 0 decimals at line',
      'rounding half up to 2 decimals at line',
      'rounding half even to 2 decimals at line',
      'rounding up to 1 decimals at earning',
      'rounding half up to 2 decimals at payout',
    ),
    fc.constantFrom('', 'cap 3_333.33 USD', 'floor 100 USD'),
  ])('rounded lines sum exactly to their totals', (deals, mode, rounding, clause) => {
    const results = run(tieredPlan(mode, clause, rounding), dataOf(deals), ['2026-Q1']);
    // The same data with full precision in earnings: what the rounded earning is the rounding of.
    const exact = run(tieredPlan(mode, clause, 'rounding half up to 2 decimals at payout'), dataOf(deals), [
      '2026-Q1',
    ]);
    // The rounding declared (none: half up to 2 decimals at each line); at payout, earnings keep full precision.
    const [, how = 'half up', places = '2', point = 'line'] =
      /^rounding (half even|half up|down|up) to (\d) decimals at (\w+)$/.exec(rounding) ?? [];
    const decimals = Number(places);
    const modes = {
      'half even': Dec.ROUND_HALF_EVEN,
      'half up': Dec.ROUND_HALF_UP,
      down: Dec.ROUND_DOWN,
      up: Dec.ROUND_UP,
    };
    const roundingMode = modes[how as keyof typeof modes];
    for (const s of results.statements) {
      for (const e of s.earnings) {
        // Rounded at the line or at the earning, every line is on the rounding grid (0.01, 1 or 0.1).
        if (point !== 'payout')
          for (const l of e.lines) expect(new Dec(l.amount).decimalPlaces()).toBeLessThanOrEqual(decimals);
        // Rounded at the earning, the total is the exact total rounded (lowered to the grid under a
        // cap it would pass: 3,333.33 rounded up to 1 decimal is 3,333.3), and the lines, allocated,
        // add up to it: rounding each line on its own would not (three lines of 0.004 are 0.00 each,
        // their total 0.012 is 0.01).
        const full = exact.statements.find((x) => x.payee === s.payee)?.earnings.find((x) => x.id === e.id);
        // Rounded at the line (neither cap nor floor moving it, rounded or not), each line is its
        // exact amount rounded in the declared mode: half up, 0.245 is 0.25. Not an estimate's line:
        // what hypothetical deals add is under the cap with the rounded lines (3,333.33 − 199.68).
        if (point === 'line' && !e.capped && !e.floored && !full?.capped && !full?.floored)
          for (const l of e.lines.filter((x) => !x.estimate)) {
            const line = full?.lines.find((x) => x.id === l.id);
            expect(
              new Dec(l.amount).eq(new Dec(line?.amount ?? 'NaN').toDecimalPlaces(decimals, roundingMode)),
            ).toBe(true);
          }
        if (point === 'earning') {
          let total = new Dec(full?.amount ?? 'NaN').toDecimalPlaces(decimals, roundingMode);
          if (clause.startsWith('cap') && total.gt('3333.33'))
            total = new Dec('3333.33').toDecimalPlaces(decimals, Dec.ROUND_FLOOR);
          expect(new Dec(e.amount).eq(total)).toBe(true);
        }
        expect(sum(e.lines.filter((l) => !l.estimate).map((l) => l.amount)).eq(new Dec(e.amount))).toBe(true);
        expect(sum(e.lines.filter((l) => l.estimate).map((l) => l.amount)).eq(new Dec(e.estimate))).toBe(
          true,
        );
      }
      expect(sum(s.earnings.map((e) => e.amount)).eq(new Dec(s.earned))).toBe(true);
    }
  });

  test.prop([
    dealsArb.chain((deals) =>
      fc.tuple(fc.constant(deals), fc.shuffledSubarray(deals, { minLength: deals.length })),
    ),
  ])('results do not depend on input order', ([deals, shuffled]) => {
    const plan = tieredPlan('marginal', 'cap 5_000 USD');
    const given = run(plan, dataOf(deals), ['2026-Q1']);
    const a = JSON.stringify(given);
    // The rows keep their numbers here; renumbered below (a file sorted another way).
    const rowsAsGiven = shuffled.map((d, i) => ({ ...d, row: i + 1 }));
    const b = JSON.stringify(
      run(
        plan,
        dataOf(shuffled, {
          payees: PAYEES.slice()
            .reverse()
            .map((id) => payee(id, { quota: '100000' })),
        }),
        ['2026-Q1'],
      ),
    );
    expect(b).toBe(a);
    // Renumbered, the rows are other rows of the file, so only their numbers may change: which deal
    // is priced in which band (deals of one day in key order, not in file order) may not.
    const withoutRows = (results: Results) =>
      JSON.stringify(results, (k, v) => (k === 'row' ? undefined : v));
    expect(withoutRows(run(plan, dataOf(rowsAsGiven), ['2026-Q1']))).toBe(withoutRows(given));
  });

  // Splits, territory credit (accounts matched by key or by a name several accounts share,
  // assignments with gaps) and roll-ups (managers possibly in a cycle), all rows shuffled.
  const creditingPlan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, account: Text, amount: Money, close_date: Date dated }
  source accounts { id: Text key, name: Text, region: Text }
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent }
  credit shared from deals { split by deal_splits on deal_id }
  credit territorial from deals { to territory of account }
  credit team from deals { to managers of owner up to 2 levels }
  commission c = (shared + territorial + team) * 1%
  territories on accounts by priority {
    territory named_accounts { named "Globex"
      priority 1 }
    territory emea { where region = "EMEA"
      priority 2
      assign "a" as primary to 2026-02-15 }
    territory amer { where region = "AMER"
      priority 3 }
  }`),
  );
  const NAMES = ['Acme', 'Globex', 'Initech'];
  const dealRecordsArb = fc
    .array(
      fc.record({
        owner: fc.constantFrom(...PAYEES),
        account: fc.constantFrom('A1', 'A2', 'A3', 'A4', ...NAMES),
        cents: fc.integer({ min: -50_000, max: 20_000_000 }),
        day: fc.integer({ min: 1, max: 90 }),
        split: fc.array(fc.tuple(fc.constantFrom(...PAYEES), fc.integer({ min: 1, max: 100 })), {
          maxLength: 3,
        }),
      }),
      { maxLength: 12 },
    )
    .map((list) => {
      const deals: DataRecord[] = [];
      const splits: DataRecord[] = [];
      for (const [i, d] of list.entries()) {
        const id = `D${i + 1}`;
        deals.push({
          row: i + 1,
          values: {
            id,
            owner: d.owner,
            account: d.account,
            amount: cents(d.cents),
            close_date: dayOfQ1(d.day),
          },
        });
        if (d.split.length === 0) continue;
        const bps = basisPoints(d.split.map(([, w]) => w));
        for (const [j, [who]] of d.split.entries())
          splits.push({
            row: splits.length + 1,
            values: {
              id: `${id}-S${j}`,
              deal_id: id,
              payee: who,
              share: `${new Dec(bps[j] as number).div(100)}%`,
            },
          });
      }
      return { deals, splits };
    });
  const accountsArb = fc
    .array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('EMEA', 'AMER', 'APAC')), {
      minLength: 1,
      maxLength: 4,
    })
    .map((list) =>
      list.map(
        ([name, region], i): DataRecord => ({ row: i + 1, values: { id: `A${i + 1}`, name, region } }),
      ),
    );
  const assignmentsArb = fc
    .array(
      fc.record({
        payee: fc.constantFrom(...PAYEES),
        territory: fc.constantFrom('named_accounts', 'emea', 'amer'),
        role: fc.constantFrom<'primary' | 'overlay'>('primary', 'overlay'),
        from: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        to: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
      }),
      { maxLength: 5 },
    )
    .map((list) =>
      list.map((a, i): TerritoryAssignment => {
        const out: TerritoryAssignment = { row: i + 1, payee: a.payee, territory: a.territory, role: a.role };
        // A span that ends before it starts is a data error: the two days in order.
        const [from, to] =
          a.from !== undefined && a.to !== undefined && a.to < a.from ? [a.to, a.from] : [a.from, a.to];
        if (from !== undefined) out.from = dayOfQ1(from);
        if (to !== undefined) out.to = dayOfQ1(to);
        return out;
      }),
    );
  const managersArb = fc.array(fc.option(fc.constantFrom(...PAYEES), { nil: undefined }), {
    minLength: PAYEES.length,
    maxLength: PAYEES.length,
  });
  const shuffled = <T>(list: T[]) => fc.shuffledSubarray(list, { minLength: list.length });
  test.prop([
    fc
      .tuple(dealRecordsArb, accountsArb, assignmentsArb, managersArb)
      .chain(([{ deals, splits }, accounts, assignments, managers]) =>
        fc.tuple(
          fc.constant({ deals, splits, accounts, assignments, managers }),
          fc.record({
            deals: shuffled(deals),
            splits: shuffled(splits),
            accounts: shuffled(accounts),
            assignments: shuffled(assignments),
            payees: shuffled(PAYEES.map((id, i) => [id, managers[i]] as const)),
          }),
        ),
      ),
  ])('credit results do not depend on input order (splits, territories, managers)', ([given, other]) => {
    const dataset = (
      deals: DataRecord[],
      splits: DataRecord[],
      accounts: DataRecord[],
      assignments: TerritoryAssignment[],
      payees: (readonly [string, string | undefined])[],
    ): Partial<Dataset> => ({
      payees: payees.map(([id, manager]) => payee(id, { quota: '100000' }, manager ? { manager } : {})),
      records: { deals, deal_splits: splits, accounts },
      territoryAssignments: assignments,
    });
    const a = run(
      creditingPlan,
      dataset(
        given.deals,
        given.splits,
        given.accounts,
        given.assignments,
        PAYEES.map((id, i) => [id, given.managers[i]] as const),
      ),
      ['2026-Q1'],
    );
    const b = run(
      creditingPlan,
      dataset(other.deals, other.splits, other.accounts, other.assignments, other.payees),
      ['2026-Q1'],
    );
    expect(a.errors).toEqual([]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test.prop([
    fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
    // Any amount, or one within a dollar of a band's bound (the bounds are a few thousand dollars
    // apart, so most amounts would be above them all).
    fc.oneof(
      fc.integer({ min: 0, max: 100_000_000 }).map((free) => ({ free, bound: 0, off: 0 })),
      fc.record({
        free: fc.constant(-1),
        bound: fc.nat(),
        off: fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -100, max: 100 })),
      }),
    ),
  ])(
    'a marginal rate table never pays more than its top rate times the amount',
    (widths, rateBps, { free, bound, off }) => {
      const bounds = widths.map((_, i) => widths.slice(0, i + 1).reduce((a, b) => a + b, 0));
      const amountCents =
        free >= 0 ? free : Math.max(0, (bounds[bound % bounds.length] as number) * 100 + off);
      const tiers = widths.map((w, i) => {
        const from = widths.slice(0, i).reduce((a, b) => a + b, 0);
        const rate = `${new Dec(rateBps[i % rateBps.length] as number).div(100).toString()}%`;
        return i === widths.length - 1
          ? `${from} USD and up: ${rate}`
          : `${from} USD to ${from + w} USD: ${rate}`;
      });
      const plan = planOf(
        quarterly(
          `${DEALS}
  credit bookings from deals { to owner }
  rate table rates on bookings marginal {
    ${tiers.join('\n    ')}
  }
  commission c = tiered(bookings, rates)`,
          'rounding half up to 2 decimals at payout',
        ),
      );
      const amount = cents(amountCents);
      const results = run(
        plan,
        dataOf([{ row: 1, values: { id: 'D1', owner: 'a', amount, close_date: '2026-01-05' } }]),
        ['2026-Q1'],
      );
      const paid = new Dec(results.statements.find((s) => s.payee === 'a')?.earnings[0]?.amount ?? 'NaN');
      const top = Math.max(...rateBps.slice(0, widths.length).concat(rateBps[0] as number));
      expect(paid.lte(new Dec(amount).times(top).div(10_000))).toBe(true);
      // And exactly: each band pays its own rate on the part of the amount within it (the last
      // band is open). 0 to 100 at 1%, 100 to 300 at 5%, 300 and up at 3%: 350 pays
      // 100 × 1% + 200 × 5% + 50 × 3% = 1 + 10 + 1.5 = 12.5.
      let owed = new Dec(0);
      for (const [i, w] of widths.entries()) {
        const from = new Dec(widths.slice(0, i).reduce((a, b) => a + b, 0));
        const over = new Dec(amount).minus(from);
        const within = i === widths.length - 1 ? over : Dec.min(over, w);
        if (within.isPositive())
          owed = owed.plus(within.times(rateBps[i % rateBps.length] as number).div(10_000));
      }
      expect(paid.toString()).toBe(owed.toString());
    },
  );

  test.prop([
    dealsArb,
    fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 100_000 })),
    fc.constantFrom('marginal', 'retroactive', 'hybrid at 100%'),
    // Often a's deals end just below a bound of the table (50%, 100% or 150% of the 100,000
    // quota), so the extra deal crosses it: a's deals are then one deal of the bound less `below`
    // cents (99,999.50 USD below 100%).
    fc.option(
      fc.record({
        bound: fc.constantFrom(50_000, 100_000, 150_000),
        below: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 })),
      }),
      { nil: undefined },
    ),
  ])(
    'payout is monotone in the credited amount when rates never decrease',
    (deals, extraCents, mode, near) => {
      const plan = tieredPlan(mode);
      const real = deals.filter((d) => !d.hypothetical && (!near || d.values.owner !== 'a'));
      if (near)
        real.push({
          row: 998,
          values: {
            id: 'NEAR',
            owner: 'a',
            amount: cents(near.bound * 100 - near.below),
            close_date: '2026-01-02',
          },
        });
      const more: DataRecord = {
        row: 999,
        values: { id: 'EXTRA', owner: 'a', amount: cents(extraCents), close_date: '2026-03-31' },
      };
      const before =
        run(plan, dataOf(real), ['2026-Q1']).statements.find((s) => s.payee === 'a')?.payout ?? '0';
      const after =
        run(plan, dataOf([...real, more]), ['2026-Q1']).statements.find((s) => s.payee === 'a')?.payout ??
        '0';
      expect(new Dec(after).gte(new Dec(before))).toBe(true);
    },
  );

  test.prop([
    dealsArb,
    fc.integer({ min: 0, max: 1_000_000 }),
    // Rounding to fewer decimals than the cap's cents: the cap must be lowered to the grid
    // (3.50 rounded up to 0 decimals at each line is 4, above it).
    fc.constantFrom(
      '',
      'rounding up to 0 decimals at earning',
      'rounding up to 2 decimals at line',
      'rounding up to 0 decimals at line',
      'rounding half up to 1 decimals at line',
    ),
    // Marginal per-line earnings take the incremental path.
    // On bookings, a marginal table's lines are exact units, settled on their own path (a hybrid
    // point is a percentage, of attainment only).
    fc.constantFrom<[string, 'attainment' | 'bookings']>(
      ['retroactive', 'attainment'],
      ['marginal', 'attainment'],
      ['hybrid at 100%', 'attainment'],
      ['marginal', 'bookings'],
      ['retroactive', 'bookings'],
    ),
  ])('caps are never exceeded', (deals, capCents, rounding, [mode, on]) => {
    const cap = new Dec(cents(capCents));
    const results = run(tieredPlan(mode, `cap ${cents(capCents)} USD`, rounding, on), dataOf(deals), [
      '2026-Q1',
    ]);
    for (const s of results.statements) {
      const earning = s.earnings[0];
      expect(new Dec(earning?.amount ?? '0').lte(cap)).toBe(true);
      // The lines add up to the capped amount (estimates of hypothetical deals apart): the cap is
      // not only on the total.
      const paid = earning?.lines.filter((l) => !l.estimate).map((l) => l.amount) ?? [];
      expect(sum(paid).eq(new Dec(earning?.amount ?? '0'))).toBe(true);
    }
  });

  // Each kind of error a deals row can have: bad number, missing field, bad date, unknown payee,
  // duplicate key, currency mismatch, bad type (a boolean amount), and a missing key, owner or date.
  const corrupt = fc.constantFrom<[string, RawValue]>(
    ['amount', 'abc'],
    ['amount', null],
    ['close_date', '2026-02-31'],
    ['owner', 'nobody'],
    ['id', 'D1'],
    ['amount', '5 EUR'],
    ['amount', true],
    ['id', null],
    ['owner', null],
    ['close_date', ''],
  );
  test.prop([dealsArb, fc.array(fc.tuple(fc.nat(), corrupt), { maxLength: 8 })])(
    'lenient results plus rejected rows account for every input row',
    (deals, damage) => {
      const rows = deals.map((d) => ({ ...d, values: { ...d.values } }));
      for (const [at, [field, value]] of damage) {
        const target = rows[at % Math.max(rows.length, 1)];
        if (target) target.values[field] = value;
      }
      const plan = tieredPlan('marginal');
      const results: Results = run(plan, dataOf(rows), ['2026-Q1'], { mode: 'lenient' });
      const credited = new Set(
        results.statements.flatMap((s) => s.credits.flatMap((c) => c.lines.map((l) => l.record.row))),
      );
      const rejected = new Set(results.rejected.filter((r) => r.source === 'deals').map((r) => r.row));
      for (const r of rows) expect(credited.has(r.row) !== rejected.has(r.row)).toBe(true);
      expect(credited.size + rejected.size).toBe(rows.length);
    },
  );

  const raw = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '1e999999999999999999',
      '-0',
      '12%',
      '2026-02-29',
      '1,000',
      'a',
      'p1',
      '5 EUR',
      'NaN',
      '  7  ',
    ),
  );
  test.prop([
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.record({
          id: raw,
          name: raw,
          manager: raw,
          attributes: fc.dictionary(fc.constantFrom('quota', 'x'), raw),
        }),
      ),
      { maxLength: 4 },
    ),
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.record({
          row: fc.oneof(fc.nat(), fc.constant(undefined)),
          values: fc.dictionary(
            fc.constantFrom('id', 'owner', 'amount', 'close_date', 'amount_currency'),
            raw,
          ),
        }),
      ),
      { maxLength: 6 },
    ),
    fc.array(fc.oneof(fc.constant(null), fc.record({ from: raw, to: raw, date: raw, rate: raw })), {
      maxLength: 3,
    }),
    fc.constantFrom<'strict' | 'lenient'>('strict', 'lenient'),
  ])('calculate never throws on bad data', (payees, deals, fx, mode) => {
    const data = { payees, records: { deals }, fx } as unknown as Dataset;
    expect(() => run(tieredPlan('marginal', 'cap 100 USD'), data, ['2026-Q1'], { mode })).not.toThrow();
  });

  // "If this deal closes": the estimator's promise. Holdbacks, draws and guarantees are worked out
  // again on the earnings with their estimates, so the estimated payout is the payout once the
  // hypothetical records close; exactly so when lines keep every decimal (rounding at payout).
  const PAYOUT_TERMS = `
  bonus b = 500 USD when attainment >= 60%
  holdback h = 15% of c until 2026-12-31
  draw d = 1_500 USD recoverable for 2 periods
  guarantee g = 1_000 USD for 3 periods`;
  const closing = (deals: DataRecord[], mode: string, bound: string, rounding: string) => {
    const plan = planOf(quarterly(tieredBody(mode, bound) + PAYOUT_TERMS, `rounding ${rounding}`));
    const closed = deals.map(({ hypothetical: _, ...deal }) => deal);
    return { estimated: run(plan, dataOf(deals), ['2026-Q1']), real: run(plan, dataOf(closed), ['2026-Q1']) };
  };
  const tables = fc.constantFrom('marginal', 'retroactive');
  const bounds = fc.constantFrom('', 'cap 9_000 USD', 'floor 100 USD');
  test.prop([dealsArb, tables, bounds])(
    'the estimated payout is the payout once the hypothetical records close',
    (deals, mode, bound) => {
      const { estimated, real } = closing(deals, mode, bound, 'half even to 2 decimals at payout');
      expect(estimated.statements.map((s) => [s.payee, s.estimatedPayout])).toEqual(
        real.statements.map((s) => [s.payee, s.payout]),
      );
    },
  );
  // Rounded lines: the estimate prices the hypothetical records after the real ones (the real lines
  // keep their amounts); once closed, the records are priced in date order, and the lines round
  // differently by at most a cent each (and the holdback on them by a cent).
  test.prop([
    dealsArb,
    tables,
    bounds,
    fc.constantFrom('half up to 2 decimals at line', 'half up to 2 decimals at earning'),
  ])('rounded at line or earning, it is within a cent a line of it', (deals, mode, bound, rounding) => {
    const { estimated, real } = closing(deals, mode, bound, rounding);
    const paid = new Map(real.statements.map((s) => [s.payee, s]));
    for (const s of estimated.statements) {
      const closed = paid.get(s.payee);
      const lines = closed?.earnings.find((e) => e.name === 'c')?.lines.length ?? 0;
      const off = new Dec(s.estimatedPayout).minus(closed?.payout ?? '0').abs();
      expect(off.lte(new Dec('0.01').times(lines + 1))).toBe(true);
    }
  });
});
