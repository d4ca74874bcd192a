/**
 * Properties of the engine over generated data (fast-check).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DataRecord, Dataset } from './data/dataset.js';
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
      cents: fc.integer({ min: -50_000, max: 20_000_000 }),
      day: fc.integer({ min: 1, max: 90 }),
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

const tieredPlan = (mode: string, clauses = '', rounding = '') =>
  planOf(
    quarterly(
      `${DEALS}
  credit bookings from deals { to owner }
  measure attainment = bookings / payee.quota
  rate table rates on attainment ${mode} {
    0% to 50%: 2%
    50% to 100%: 8%
    100% to 150%: 12%
    150% and up: 15%
  }
  commission c = tiered(bookings, rates) per line ${clauses}`,
      rounding,
    ),
  );

const sum = (values: readonly string[]) => Dec.sum(0, ...values.map((v) => new Dec(v)));

describe('properties', () => {
  const splitPlan = planOf(
    quarterly(`${DEALS}
  source deal_splits { id: Text key, deal_id: Text, payee: Payee, share: Percent, approved_on: Date dated }
  credit alliance from deals { split by deal_splits on deal_id }
  commission c = alliance * 1%`),
  );
  test.prop([
    fc.integer({ min: 1, max: 1_000_000_000 }),
    fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
  ])('splits conserve the credited amount', (amountCents, weights) => {
    // Shares in basis points (0.01%) summing to exactly 100%; the last takes the remainder.
    const total = weights.reduce((a, b) => a + b, 0);
    const bps = weights.map((w) => Math.floor((w * 10_000) / total));
    bps[bps.length - 1] = 10_000 - bps.slice(0, -1).reduce((a, b) => a + b, 0);
    const splits = bps.map((bp, i) => ({
      row: i + 1,
      values: {
        id: `S${i}`,
        deal_id: 'D1',
        payee: PAYEES[i] as string,
        share: `${new Dec(bp).div(100).toString()}%`,
        approved_on: '2026-01-01',
      },
    }));
    const deal = {
      row: 1,
      values: { id: 'D1', owner: 'a', amount: cents(amountCents), close_date: '2026-01-05' },
    };
    const results = run(splitPlan, dataOf([deal], { records: { deals: [deal], deal_splits: splits } }), [
      '2026-Q1',
    ]);
    expect(results.errors).toEqual([]);
    const credited = results.statements.flatMap((s) =>
      s.credits.flatMap((c) => c.lines.map((l) => l.amount)),
    );
    expect(sum(credited).eq(new Dec(cents(amountCents)))).toBe(true);
  });

  test.prop([
    dealsArb,
    fc.constantFrom('marginal', 'retroactive', 'hybrid at 100%'),
    fc.constantFrom(
      '',
      'rounding half even to 2 decimals at earning',
      'rounding down to 0 decimals at line',
      'rounding up to 1 decimals at earning',
      'rounding half up to 2 decimals at payout',
    ),
    fc.constantFrom('', 'cap 3_333.33 USD', 'floor 100 USD'),
  ])('rounded lines sum exactly to their totals', (deals, mode, rounding, clause) => {
    const results = run(tieredPlan(mode, clause, rounding), dataOf(deals), ['2026-Q1']);
    for (const s of results.statements) {
      for (const e of s.earnings) {
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
    const a = JSON.stringify(run(plan, dataOf(deals), ['2026-Q1']));
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
  });

  test.prop([
    fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 0, max: 100_000_000 }),
  ])(
    'a marginal rate table never pays more than its top rate times the amount',
    (widths, rateBps, amountCents) => {
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
    },
  );

  test.prop([
    dealsArb,
    fc.integer({ min: 0, max: 5_000_000 }),
    fc.constantFrom('marginal', 'retroactive', 'hybrid at 100%'),
  ])('payout is monotone in the credited amount when rates never decrease', (deals, extraCents, mode) => {
    const plan = tieredPlan(mode);
    const real = deals.filter((d) => !d.hypothetical);
    const more: DataRecord = {
      row: 999,
      values: { id: 'EXTRA', owner: 'a', amount: cents(extraCents), close_date: '2026-03-31' },
    };
    const before =
      run(plan, dataOf(real), ['2026-Q1']).statements.find((s) => s.payee === 'a')?.payout ?? '0';
    const after =
      run(plan, dataOf([...real, more]), ['2026-Q1']).statements.find((s) => s.payee === 'a')?.payout ?? '0';
    expect(new Dec(after).gte(new Dec(before))).toBe(true);
  });

  test.prop([
    dealsArb,
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.constantFrom('', 'rounding up to 0 decimals at earning', 'rounding up to 2 decimals at line'),
  ])('caps are never exceeded', (deals, capCents, rounding) => {
    const results = run(tieredPlan('retroactive', `cap ${cents(capCents)} USD`, rounding), dataOf(deals), [
      '2026-Q1',
    ]);
    for (const s of results.statements)
      expect(new Dec(s.earnings[0]?.amount ?? '0').lte(new Dec(cents(capCents)))).toBe(true);
  });

  const corrupt = fc.constantFrom<[string, string | null]>(
    ['amount', 'abc'],
    ['amount', null],
    ['close_date', '2026-02-31'],
    ['owner', 'nobody'],
    ['id', 'D1'],
    ['amount', '5 EUR'],
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
});
