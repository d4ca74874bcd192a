import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Dec, sumOf } from '../decimal.js';
import { type AllocateQuotasInput, allocateQuotas } from './allocate-quotas.js';
import { capacityGap } from './capacity.js';
import type { HierarchyNode } from './hierarchy.js';
import { spreadQuota } from './spread.js';
import type { WeightValue } from './weights.js';

/** A decimal text with two places from a count of hundredths (no floating point). */
const hundredths = (n: number) => new Dec(n).div(100).toString();

const idArb = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom(...'abcxyzAB019-_') });

/** A random tree: node i > 0 hangs under one of the nodes before it; weights may be zero. */
const inputArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    ids: fc.uniqueArray(idArb, { minLength: n, maxLength: n }),
    parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    own: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    weights: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 })), {
      minLength: n,
      maxLength: n,
    }),
    basis: fc.constantFrom('equal', 'history', 'potential') as fc.Arbitrary<AllocateQuotasInput['weights']>,
    target: fc.tuple(fc.nat(2_000_000_000), fc.nat(99)).map(([whole, cents]) => `${whole}.${cents}`),
    over: fc.array(fc.constantFrom('0%', '5%', '10%', '12.5%', '-5%', '33.3%'), {
      minLength: 6,
      maxLength: 6,
    }),
    decimals: fc.constantFrom(0, 2, 3),
    order: fc.array(fc.nat(), { minLength: n, maxLength: n }),
  }),
);

type Generated = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(g: Generated): AllocateQuotasInput {
  const hierarchy: HierarchyNode[] = g.ids.map((id, i) => ({
    id,
    parent: i === 0 ? undefined : g.ids[(g.parents[i] as number) % i],
    ownQuota: g.own[i],
  }));
  const values: WeightValue[] = g.ids.map((id, i) => ({ id, value: hundredths(g.weights[i] as number) }));
  const overAssignment = Object.fromEntries(g.over.map((pct, level) => [String(level), pct]));
  return { target: g.target, hierarchy, weights: g.basis, values, overAssignment, decimals: g.decimals };
}

/** The same list in another order (sorted by random keys). */
function shuffled<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i % keys.length] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

describe('quota allocation properties', () => {
  test.prop([inputArb], { numRuns: 200 })(
    'allocations sum exactly to their parent and are never negative',
    (g) => {
      const input = inputOf(g);
      const allocation = allocateQuotas(input);
      expect(allocation.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(allocation.nodes).toHaveLength(g.ids.length);
      const byId = new Map(allocation.nodes.map((n) => [n.id, n]));
      const places = (text: string) => (text.split('.')[1] ?? '').length;
      for (const node of allocation.nodes) {
        const quota = new Dec(node.quota);
        expect(quota.isNegative()).toBe(false);
        expect(places(node.quota)).toBe(g.decimals);
        if (node.children.length === 0) continue;
        const handedDown = sumOf([
          ...node.children.map((id) => new Dec(byId.get(id)?.quota as string)),
          new Dec(node.own ?? 0),
        ]);
        expect(handedDown.eq(new Dec(node.assigned as string))).toBe(true);
        if (node.own === undefined) {
          // Siblings share a level, so one over-assignment: the children add up to the parent's
          // quota plus that over-assignment, rounded.
          const over = new Dec(byId.get(node.children[0] as string)?.overAssignment as string);
          expect(handedDown.eq(quota.times(over.plus(1)).toDecimalPlaces(g.decimals))).toBe(true);
        }
      }
      const root = allocation.nodes[0];
      const rootOver = new Dec(root?.overAssignment as string).plus(1);
      expect(root?.quota).toBe(new Dec(g.target).times(rootOver).toFixed(g.decimals));
    },
  );

  test.prop([inputArb], { numRuns: 100 })('results do not depend on the order of the input', (g) => {
    const input = inputOf(g);
    const again: AllocateQuotasInput = {
      ...input,
      hierarchy: shuffled(input.hierarchy, g.order),
      values: shuffled(input.values ?? [], g.order.slice().reverse()),
    };
    expect(JSON.stringify(allocateQuotas(again))).toBe(JSON.stringify(allocateQuotas(input)));
  });
});

describe('capacity properties', () => {
  test.prop([inputArb, fc.array(fc.integer({ min: -1, max: 5_000_000 }), { minLength: 30, maxLength: 30 })], {
    numRuns: 100,
  })('capacity adds up the hierarchy and the gap is quota minus capacity', (g, productivity) => {
    const allocation = allocateQuotas(inputOf(g));
    const capacity = allocation.nodes
      .filter((n) => n.children.length === 0 || n.own !== undefined)
      .map((n, i) => ({ id: n.id, productivity: String(productivity[i] ?? 0), ramp: `${(i * 37) % 101}%` }))
      .filter((c) => c.productivity !== '-1');
    const result = capacityGap(allocation, capacity);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const byId = new Map(result.nodes.map((n) => [n.id, n]));
    for (const node of allocation.nodes) {
      const row = byId.get(node.id);
      if (!row) throw new Error(`no row for ${node.id}`);
      const quota = new Dec(row.quota);
      const gap = new Dec(row.gap);
      expect(gap.eq(quota.minus(row.capacity))).toBe(true);
      expect(row.gapPercent).toBe(quota.isZero() ? null : gap.div(quota).toFixed(4));
      if (node.children.length > 0) {
        const own = capacity.find((c) => c.id === node.id);
        const mine = own
          ? new Dec(own.productivity).times(new Dec(own.ramp.slice(0, -1)).div(100))
          : new Dec(0);
        const below = sumOf(node.children.map((id) => new Dec(byId.get(id)?.capacity as string)));
        expect(below.plus(mine.toDecimalPlaces(g.decimals)).eq(row.capacity)).toBe(true);
      }
    }
  });
});

/** Seasonality percentages that add up to exactly 100%: cuts of 10,000 basis points. */
const seasonalityArb = fc
  .constantFrom(2, 4, 12)
  .chain((count) =>
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: count - 1, maxLength: count - 1 }),
  )
  .map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return sorted.slice(1).map((cut, i) => `${hundredths(cut - (sorted[i] as number))}%`);
  });

const dayArb = fc.integer({ min: 0, max: 400 }).map((offset) => {
  const date = new Date(Date.UTC(2025, 11, 1) + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
});

const spreadArb = fc.record({
  annual: fc.tuple(fc.nat(2_000_000_000), fc.nat(99)).map(([whole, cents]) => `${whole}.${cents}`),
  seasonality: fc.option(seasonalityArb, { nil: undefined }),
  period: fc.option(
    fc.constantFrom('month', 'quarter', 'half') as fc.Arbitrary<'month' | 'quarter' | 'half'>,
    {
      nil: undefined,
    },
  ),
  start: fc.integer({ min: 1, max: 12 }),
  ramp: fc.option(
    fc.record({
      from: dayArb,
      steps: fc.array(
        fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
        { maxLength: 6 },
      ),
      startNextMonthAfterDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  onPlan: fc.option(
    fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
    { nil: undefined },
  ),
  relief: fc.array(
    fc.record({
      date: dayArb,
      movedPotential: fc.integer({ min: 0, max: 100 }).map(String),
      territoryPotential: fc.constant('100'),
    }),
    { maxLength: 3 },
  ),
  decimals: fc.constantFrom(0, 2),
});

describe('quota spread properties', () => {
  test.prop([spreadArb], { numRuns: 200 })(
    'seasonal spreads sum exactly to the annual amount, and the quotas to their total',
    (s) => {
      const options = {
        fiscalYear: 2026,
        fiscalYearStart: s.start,
        decimals: s.decimals,
        relief: s.relief,
        ...(s.seasonality && { seasonality: s.seasonality }),
        ...(s.period && { period: s.period }),
        ...(s.ramp && { ramp: s.ramp }),
        ...(s.onPlan && { onPlan: s.onPlan }),
      };
      const spread = spreadQuota(s.annual, options);
      expect(spread.problems).toEqual([]);
      const seasonal = spread.periods.map((p) => new Dec(p.seasonal));
      const amounts = spread.periods.map((p) => new Dec(p.amount));
      expect(sumOf(seasonal).eq(new Dec(s.annual).toDecimalPlaces(s.decimals))).toBe(true);
      expect(sumOf(amounts).eq(new Dec(spread.total))).toBe(true);
      for (const [i, amount] of amounts.entries()) {
        // Every factor is at most 1, so a period never carries more than its seasonal share.
        expect(amount.isNegative()).toBe(false);
        expect(amount.lte(seasonal[i] as Dec)).toBe(true);
      }
      const plain = spreadQuota(s.annual, {
        fiscalYear: 2026,
        fiscalYearStart: s.start,
        decimals: s.decimals,
        ...(s.seasonality && { seasonality: s.seasonality }),
        ...(s.period && { period: s.period }),
      });
      // Without ramp, proration or relief, each period carries exactly its seasonal amount.
      expect(plain.periods.map((p) => p.amount)).toEqual(plain.periods.map((p) => p.seasonal));
      expect(plain.total).toBe(plain.annual);
    },
  );

  test.prop([spreadArb, fc.array(fc.nat(), { minLength: 3, maxLength: 3 })])(
    'spreads do not depend on the order of territory changes',
    (s, keys) => {
      const options = { fiscalYear: 2026, relief: s.relief, ...(s.onPlan && { onPlan: s.onPlan }) };
      const again = { ...options, relief: shuffled(s.relief, keys) };
      expect(spreadQuota(s.annual, again)).toEqual(spreadQuota(s.annual, options));
    },
  );
});
