import { describe, expect, it } from 'vitest';
import { allocateQuotas, type QuotaAllocation } from './allocate-quotas.js';
import { capacityGap } from './capacity.js';

// A = 800,000 (a1 660,000, a2 220,000 with reps over-assigned 10%), B = 1,200,000 (b1 1,320,000).
const allocation = allocateQuotas({
  target: '2000000',
  hierarchy: [
    { id: 'co' },
    { id: 'A', parent: 'co' },
    { id: 'B', parent: 'co' },
    { id: 'a1', parent: 'A' },
    { id: 'a2', parent: 'A' },
    { id: 'b1', parent: 'B' },
  ],
  weights: 'history',
  values: [
    { id: 'a1', value: '300000' },
    { id: 'a2', value: '100000' },
    { id: 'b1', value: '600000' },
  ],
  overAssignment: { '2': '10%' },
});

describe('capacityGap', () => {
  it('sums rep capacity (productivity x ramp) per manager and in total, against the quotas', () => {
    const gap = capacityGap(allocation, [
      { id: 'a1', productivity: '700000' },
      { id: 'a2', productivity: '800000', ramp: '25%' },
      { id: 'b1', productivity: '1000000', ramp: '1' },
    ]);
    expect(gap.problems).toEqual([]);
    const rows = Object.fromEntries(gap.nodes.map((n) => [n.id, [n.quota, n.capacity, n.gap, n.gapPercent]]));
    // a2: 800,000 x 25% = 200,000. A: 700,000 + 200,000 = 900,000 against 800,000: gap -100,000,
    // -12.5% of the quota. B: 1,200,000 - 1,000,000 = 200,000, 16.67%. Total: 2,000,000 - 1,900,000
    // = 100,000, 5%.
    expect(rows).toEqual({
      co: ['2000000.00', '1900000.00', '100000.00', '0.0500'],
      A: ['800000.00', '900000.00', '-100000.00', '-0.1250'],
      a1: ['660000.00', '700000.00', '-40000.00', '-0.0606'],
      a2: ['220000.00', '200000.00', '20000.00', '0.0909'],
      B: ['1200000.00', '1000000.00', '200000.00', '0.1667'],
      b1: ['1320000.00', '1000000.00', '320000.00', '0.2424'],
    });
    expect(gap.total).toMatchObject({ id: 'co', payees: 3, gap: '100000.00' });
  });

  it('counts a rep without capacity as zero, with a warning, and reports bad capacities', () => {
    const gap = capacityGap(allocation, [
      { id: 'a1', productivity: '700000' },
      { id: 'b1', productivity: '1000000' },
      { id: 'A', productivity: '5' },
      { id: 'nobody', productivity: '5' },
    ]);
    expect(gap.problems.map((p) => [p.code, p.node])).toEqual([
      ['unused-value', 'A'],
      ['missing-capacity', 'a2'],
      ['unknown-node', 'nobody'],
    ]);
    expect(gap.total?.capacity).toBe('1700000.00');
    const bad = capacityGap(allocation, [
      { id: 'a1', productivity: '-1' },
      { id: 'a2', productivity: '1', ramp: '120%' },
      { id: 'b1', productivity: '1' },
      { id: 'b1', productivity: '2' },
    ]);
    expect(bad.problems.map((p) => [p.code, p.node])).toEqual([
      ['bad-capacity', 'a1'],
      ['bad-capacity', 'a2'],
      ['duplicate-value', 'b1'],
    ]);
    expect(bad.nodes).toEqual([]);
    expect(gap.problems.map((p) => [p.severity, p.reason])).toEqual([
      ['warning', 'A is a manager without a quota of their own: their capacity is not used'],
      ['warning', 'a2 carries a quota but has no capacity: counted as 0'],
      ['warning', 'a capacity is given for nobody, which is not in the hierarchy'],
    ]);
    expect(bad.problems.map((p) => [p.severity, p.reason])).toEqual([
      ['error', 'the productivity of a1 is "-1", not an amount of at least 0'],
      ['error', 'the ramp of a2 is "120%", not a percentage from 0% to 100%'],
      ['error', 'b1 has more than one capacity'],
    ]);
  });

  it('reports both a bad productivity and a bad ramp of the same entry', () => {
    // a1's row has two bad cells: both are reported, not only the first.
    const bad = capacityGap(allocation, [
      { id: 'a1', productivity: 'lots', ramp: '150%' },
      { id: 'a2', productivity: '1' },
      { id: 'b1', productivity: '1' },
    ]);
    expect(bad.problems.map((p) => [p.code, p.node, p.reason])).toEqual([
      ['bad-capacity', 'a1', 'the productivity of a1 is "lots", not an amount of at least 0'],
      ['bad-capacity', 'a1', 'the ramp of a1 is "150%", not a percentage from 0% to 100%'],
    ]);
  });

  it('quotes a bad cell cut when long, and reports a BigInt from JavaScript instead of throwing', () => {
    const bad = capacityGap(allocation, [
      { id: 'a1', productivity: `${'9'.repeat(120)} a year` },
      { id: 'a2', productivity: 5n as unknown as string, ramp: 1n as unknown as string },
      { id: 'b1', productivity: '1', ramp: '\u200B50%' },
    ]);
    expect(bad.problems.map((p) => p.reason)).toEqual([
      `the productivity of a1 is "${'9'.repeat(100)}…" (127 characters), not an amount of at least 0`,
      'the productivity of a2 is 5n (a BigInt), not an amount of at least 0',
      'the ramp of a2 is 1n (a BigInt), not a percentage from 0% to 100%',
      'the ramp of b1 is "\\u200B50%", not a percentage from 0% to 100%',
    ]);
  });

  it('has no percentage for a zero quota', () => {
    const zero = allocateQuotas({ target: '0', hierarchy: [{ id: 'r' }], weights: 'equal' });
    expect(capacityGap(zero, [{ id: 'r', productivity: '10' }]).total).toMatchObject({
      quota: '0.00',
      gap: '-10.00',
      gapPercent: null,
    });
  });

  it('throws a clear message on misuse of the API: no allocation', () => {
    expect(() => capacityGap(null as unknown as QuotaAllocation, [])).toThrow(
      new TypeError('allocation must be what allocateQuotas returns, not null'),
    );
    // An object that is no allocation is named, where String() wrote [object Object].
    expect(() => capacityGap({} as QuotaAllocation, [])).toThrow(
      new TypeError('allocation must be what allocateQuotas returns, not an object'),
    );
  });
});
