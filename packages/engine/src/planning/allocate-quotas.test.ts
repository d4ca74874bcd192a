import { describe, expect, it } from 'vitest';
import { type AllocateQuotasInput, allocateQuotas, type QuotaAllocation } from './allocate-quotas.js';
import type { HierarchyNode } from './hierarchy.js';

const quotas = (allocation: QuotaAllocation) =>
  Object.fromEntries(allocation.nodes.map((n) => [n.id, n.quota]));
const node = (allocation: QuotaAllocation, id: string) => allocation.nodes.find((n) => n.id === id);
const codes = (allocation: QuotaAllocation) => allocation.problems.map((p) => [p.code, p.node ?? null]);

/**
 * co
 * ├── east
 * │   └── t1: r1, r2, r3
 * └── west
 *     └── t2: r4
 */
const company: HierarchyNode[] = [
  { id: 'co', name: 'Acme', role: 'company' },
  { id: 'east', parent: 'co', role: 'region' },
  { id: 'west', parent: 'co', role: 'region' },
  { id: 't1', parent: 'east', role: 'team' },
  { id: 't2', parent: 'west', role: 'team' },
  { id: 'r1', parent: 't1', role: 'rep' },
  { id: 'r2', parent: 't1', role: 'rep' },
  { id: 'r3', parent: 't1', role: 'rep' },
  { id: 'r4', parent: 't2', role: 'rep' },
];

describe('allocateQuotas', () => {
  it('splits equally per rep, with over-assignment for reps', () => {
    const allocation = allocateQuotas({
      target: '1000000',
      hierarchy: company,
      weights: 'equal',
      overAssignment: { rep: '10%' },
    });
    expect(allocation.problems).toEqual([]);
    // 4 reps: east has 3 (750,000), west 1 (250,000). Reps get 110% of their team's number:
    // r1..r3 = 750,000 x 1.1 / 3 = 275,000; r4 = 250,000 x 1.1 = 275,000.
    expect(quotas(allocation)).toEqual({
      co: '1000000.00',
      east: '750000.00',
      t1: '750000.00',
      r1: '275000.00',
      r2: '275000.00',
      r3: '275000.00',
      west: '250000.00',
      t2: '250000.00',
      r4: '275000.00',
    });
    expect(node(allocation, 't1')).toMatchObject({ assigned: '825000.00', weight: '3', share: '1' });
    expect(node(allocation, 'east')).toMatchObject({ share: '0.75', level: 1, overAssignment: '0' });
    expect(node(allocation, 'r1')).toMatchObject({ overAssignment: '0.1', parent: 't1', level: 3 });
    // Depth-first, siblings by id.
    expect(allocation.nodes.map((n) => n.id)).toEqual([
      'co',
      'east',
      't1',
      'r1',
      'r2',
      'r3',
      'west',
      't2',
      'r4',
    ]);
  });

  it('weights by history summed over each subtree, over-assigned by level', () => {
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
    // A = 2,000,000 x 400,000 / 1,000,000 = 800,000; B = 1,200,000.
    // a1 = 800,000 x 1.1 x 3/4 = 660,000; a2 = 800,000 x 1.1 x 1/4 = 220,000; b1 = 1,320,000.
    expect(quotas(allocation)).toEqual({
      co: '2000000.00',
      A: '800000.00',
      a1: '660000.00',
      a2: '220000.00',
      B: '1200000.00',
      b1: '1320000.00',
    });
    expect(node(allocation, 'A')).toMatchObject({ weight: '400000', share: '0.4', assigned: '880000.00' });
  });

  it('rounds by largest remainder so that the parts add up exactly', () => {
    const allocation = allocateQuotas({
      target: '100000',
      hierarchy: [
        { id: 'co' },
        { id: 'a', parent: 'co' },
        { id: 'b', parent: 'co' },
        { id: 'c', parent: 'co' },
      ],
      weights: 'equal',
    });
    // 100,000 / 3 = 33,333.333...: floors 33,333.33 x 3 = 99,999.99; the missing cent goes to the
    // first of the tied remainders (a).
    expect(quotas(allocation)).toMatchObject({ a: '33333.34', b: '33333.33', c: '33333.33' });
  });

  it('compares remainders exactly: tied parts of different sizes go to the earlier id', () => {
    const allocation = allocateQuotas({
      target: '10000',
      hierarchy: [
        { id: 'co' },
        { id: 'a', parent: 'co' },
        { id: 'b', parent: 'co' },
        { id: 'c', parent: 'co' },
      ],
      weights: 'history',
      values: [
        { id: 'a', value: '1' },
        { id: 'b', value: '7' },
        { id: 'c', value: '7' },
      ],
    });
    // Σw = 15: a = 10,000 x 1/15 = 666.666..., b = c = 10,000 x 7/15 = 4,666.666...; every
    // remainder is exactly 0.00666... (70,000 mod 15 = 10,000 mod 15 = 10, over 15 x 100). Floors
    // 666.66 + 4,666.66 x 2 = 9,999.98: the two missing cents go to the earlier ids, a and b.
    expect(quotas(allocation)).toMatchObject({ a: '666.67', b: '4666.67', c: '4666.66' });
  });

  it("breaks a tie between a manager's own book and a child by id, the own book under the manager's id", () => {
    const split = (manager: string) =>
      allocateQuotas({
        target: '100',
        hierarchy: [
          { id: 'co' },
          { id: manager, parent: 'co', ownQuota: true },
          { id: 'k', parent: manager },
          { id: 'n', parent: manager },
        ],
        weights: 'equal',
        decimals: 0,
      });
    // 100 in three equal parts (own book, k, n): 33.333... each; floors 99; the missing unit goes
    // to the earliest id: the own book when the manager's id is 'a', the child k when it is 'm'.
    const a = split('a');
    expect(node(a, 'a')?.own).toBe('34');
    expect(quotas(a)).toMatchObject({ k: '33', n: '33' });
    const m = split('m');
    expect(node(m, 'm')?.own).toBe('33');
    expect(quotas(m)).toMatchObject({ k: '34', n: '33' });
  });

  it('rounds the over-assigned total half up before splitting it', () => {
    const allocation = allocateQuotas({
      target: '1000',
      hierarchy: [
        { id: 'co' },
        { id: 'm', parent: 'co' },
        { id: 'n', parent: 'co' },
        { id: 'x', parent: 'n' },
        { id: 'r', parent: 'm' },
        { id: 's', parent: 'm' },
      ],
      weights: 'equal',
      overAssignment: { '2': '10%' },
    });
    // m has 2 reps, n has 1: m = 1,000 x 2/3 = 666.666... -> 666.67 (the larger remainder takes the
    // missing cent), n = 333.33. m's reps: 666.67 x 1.1 = 733.337 -> 733.34, split 366.67 + 366.67.
    // n's rep: 333.33 x 1.1 = 366.663 -> 366.66.
    expect(quotas(allocation)).toMatchObject({
      m: '666.67',
      n: '333.33',
      r: '366.67',
      s: '366.67',
      x: '366.66',
    });
    expect(node(allocation, 'm')?.assigned).toBe('733.34');
    expect(node(allocation, 'n')?.assigned).toBe('366.66');
  });

  it('gives a manager with a quota of their own a share like one more member', () => {
    const allocation = allocateQuotas({
      target: '1000000',
      hierarchy: [
        { id: 'co' },
        { id: 'm', parent: 'co', ownQuota: true },
        { id: 'x', parent: 'm' },
        { id: 'y', parent: 'm' },
      ],
      weights: 'history',
      values: [
        { id: 'm', value: '200000' },
        { id: 'x', value: '300000' },
        { id: 'y', value: '500000' },
      ],
      overAssignment: { '2': '10%' },
    });
    // m's subtree weighs 200,000 + 300,000 + 500,000 = 1,000,000, all of the target. Split with
    // reps over-assigned 10% (m's own book is not): own = 1,000,000 x 0.2 = 200,000;
    // x = 1,000,000 x 1.1 x 0.3 = 330,000; y = 1,000,000 x 1.1 x 0.5 = 550,000; assigned 1,080,000.
    expect(node(allocation, 'm')).toMatchObject({
      quota: '1000000.00',
      own: '200000.00',
      assigned: '1080000.00',
      weight: '1000000',
    });
    expect(quotas(allocation)).toMatchObject({ x: '330000.00', y: '550000.00' });
  });

  it('over-assigns each child by its own role or level: a role wins over its level', () => {
    const allocation = allocateQuotas({
      target: '1000',
      hierarchy: [
        { id: 'm', role: 'manager' },
        { id: 'r', parent: 'm', role: 'rep' },
        { id: 's', parent: 'm', role: 'team' },
        { id: 's1', parent: 's', role: 'rep' },
      ],
      weights: 'equal',
      overAssignment: { rep: '10%', '1': '20%' },
    });
    // r (rep, 10%) = 1,000 x 1.1 x 1/2 = 550; s (team, level 1: 20%) = 1,000 x 1.2 x 1/2 = 600;
    // m hands down 1,150. s1 (rep) = 600 x 1.1 = 660.
    expect(quotas(allocation)).toEqual({ m: '1000.00', r: '550.00', s: '600.00', s1: '660.00' });
    expect(node(allocation, 'm')?.assigned).toBe('1150.00');
  });

  it('over-assigns `rep` only to the nodes whose role is rep, not to leaves without a role (quotas.md)', () => {
    const team = (role?: string): AllocateQuotasInput => ({
      target: '500000',
      hierarchy: [
        { id: 'lead', ownQuota: true, ...(role && { role: 'team' }) },
        { id: 'ada', parent: 'lead', ...(role && { role }) },
        { id: 'grace', parent: 'lead', ...(role && { role }) },
      ],
      weights: 'history',
      values: [
        { id: 'lead', value: '100000' },
        { id: 'ada', value: '300000' },
        { id: 'grace', value: '100000' },
      ],
      overAssignment: { rep: '10%' },
    });
    // The example of quotas.md: Σw = 500,000; own = 500,000 x 100/500 = 100,000;
    // Ada = 500,000 x 1.1 x 300/500 = 330,000; Grace = 500,000 x 1.1 x 100/500 = 110,000; handed down 540,000.
    const reps = allocateQuotas(team('rep'));
    expect(reps.problems).toEqual([]);
    expect(quotas(reps)).toEqual({ lead: '500000.00', ada: '330000.00', grace: '110000.00' });
    expect(node(reps, 'lead')).toMatchObject({ own: '100000.00', assigned: '540000.00' });
    // Without roles, `rep` matches no node: Ada 500,000 x 300/500 = 300,000, Grace 100,000,
    // handed down 100,000 + 300,000 + 100,000 = 500,000, and a warning.
    const bare = allocateQuotas(team());
    expect(quotas(bare)).toEqual({ lead: '500000.00', ada: '300000.00', grace: '100000.00' });
    expect(node(bare, 'lead')?.assigned).toBe('500000.00');
    expect(codes(bare)).toEqual([['unused-over-assignment', null]]);
  });

  it('falls back to equal weights when every weight of a split is zero, and says so', () => {
    const allocation = allocateQuotas({
      target: '900',
      hierarchy: [
        { id: 'co' },
        { id: 'A', parent: 'co' },
        { id: 'B', parent: 'co' },
        { id: 'a1', parent: 'A' },
        { id: 'b1', parent: 'B' },
        { id: 'b2', parent: 'B' },
      ],
      weights: 'potential',
      values: ['a1', 'b1', 'b2'].map((id) => ({ id, value: '0' })),
    });
    // No potential anywhere: equal weights by rep count, A 1 of 3 = 300, B 600; then b1 = b2 = 300.
    expect(quotas(allocation)).toMatchObject({
      A: '300.00',
      B: '600.00',
      a1: '300.00',
      b1: '300.00',
      b2: '300.00',
    });
    expect(node(allocation, 'co')?.equalFallback).toBe(true);
    expect(codes(allocation)).toEqual([
      ['zero-weights', 'A'],
      ['zero-weights', 'B'],
      ['zero-weights', 'co'],
    ]);
  });

  it('gives a zero-weight sibling nothing, with a warning, when the others weigh something', () => {
    const allocation = allocateQuotas({
      target: '1000',
      hierarchy: [{ id: 'co' }, { id: 'new', parent: 'co' }, { id: 'old', parent: 'co' }],
      weights: 'history',
      values: [
        { id: 'new', value: '0' },
        { id: 'old', value: '5' },
      ],
    });
    expect(quotas(allocation)).toEqual({ co: '1000.00', new: '0.00', old: '1000.00' });
    expect(allocation.problems).toEqual([
      {
        code: 'zero-weight',
        severity: 'warning',
        node: 'new',
        reason: 'the history of new is zero, so it gets no quota',
      },
    ]);
  });

  it('allocates nothing and reports every structural problem with its node', () => {
    const allocation = allocateQuotas({
      target: '1000',
      hierarchy: [
        { id: 'co' },
        { id: 'other' },
        { id: 'a', parent: 'b' },
        { id: 'b', parent: 'c' },
        { id: 'c', parent: 'a' },
        { id: 'self', parent: 'self' },
        { id: 'lost', parent: 'nowhere' },
        { id: 'twice', parent: 'co' },
        { id: 'twice', parent: 'co' },
        { id: ' ', name: 'Nameless' },
      ],
      weights: 'equal',
    });
    expect(allocation.nodes).toEqual([]);
    expect(allocation.problems.map((p) => [p.code, p.node ?? null, p.reason])).toEqual([
      ['missing-id', null, 'a node named "Nameless" has no id'],
      ['cycle', 'a', 'the parents go round in a cycle: a -> b -> c -> a (each is the child of the next)'],
      ['unknown-parent', 'lost', 'the parent of lost is nowhere, which is not in the hierarchy'],
      [
        'two-roots',
        'other',
        'other has no parent, but co is the root already: a hierarchy has one root (give them a common parent, such as the company)',
      ],
      ['cycle', 'self', 'self is its own parent'],
      ['duplicate-node', 'twice', 'the id twice is used by more than one node'],
    ]);
    expect(allocation.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reports missing, negative, bad and unknown weights', () => {
    const input: AllocateQuotasInput = {
      target: '1000',
      hierarchy: [
        { id: 'co' },
        { id: 'm', parent: 'co' },
        { id: 'r1', parent: 'm' },
        { id: 'r2', parent: 'm' },
        { id: 'r3', parent: 'm' },
      ],
      weights: 'history',
      values: [
        { id: 'r1', value: '-5' },
        { id: 'r2', value: 'lots' },
        { id: 'm', value: '10' },
        { id: 'ghost', value: '10' },
      ],
    };
    const allocation = allocateQuotas(input);
    expect(allocation.nodes).toEqual([]);
    expect(codes(allocation)).toEqual([
      ['unknown-node', 'ghost'],
      ['unused-value', 'm'],
      ['negative-weight', 'r1'],
      ['bad-weight', 'r2'],
      ['missing-weight', 'r3'],
    ]);
    expect(codes(allocateQuotas({ ...input, values: [] }))).toEqual([['missing-weight', null]]);
  });

  it('words each weight problem with the basis it is about', () => {
    const hierarchy = [
      { id: 'co' },
      { id: 'm', parent: 'co' },
      { id: 'r1', parent: 'm' },
      { id: 'r2', parent: 'm' },
      { id: 'r3', parent: 'm' },
    ];
    const allocation = allocateQuotas({
      target: '1000',
      hierarchy,
      weights: 'potential',
      values: [
        { id: 'r1', value: '-5' },
        { id: 'r2', value: 'lots' },
        { id: ' r2 ', value: '10' },
        { id: 'm', value: '10' },
        { id: '', value: '10' },
      ],
    });
    // By node, then code (bad-weight before duplicate-value).
    expect(allocation.problems.map((p) => [p.severity, p.reason])).toEqual([
      ['warning', 'a potential value is given for a node without an id, which is not in the hierarchy'],
      [
        'warning',
        "m is a manager without a quota of their own: their potential is not used (their team's is the sum of its members')",
      ],
      ['error', 'the potential of r1 is -5: a weight cannot be negative'],
      ['error', 'the potential of r2 is "lots", which is not a number'],
      ['error', 'r2 has more than one potential value'],
      ['error', 'r3 carries a quota but has no potential value'],
    ]);
    const none = allocateQuotas({ target: '1000', hierarchy, weights: 'history', values: [] });
    expect(none.problems.map((p) => p.reason)).toEqual([
      'weights by history need a history value per rep; none was given',
    ]);
  });

  it('reports a bad target and bad or unused over-assignments', () => {
    const bad = allocateQuotas({ target: '12,000', hierarchy: company, weights: 'equal' });
    expect(bad.problems).toEqual([
      { code: 'bad-target', severity: 'error', reason: 'the target "12,000" is not an amount' },
    ]);
    expect(codes(allocateQuotas({ target: '-1', hierarchy: company, weights: 'equal' }))).toEqual([
      ['bad-target', null],
    ]);
    const over = allocateQuotas({
      target: '1',
      hierarchy: company,
      weights: 'equal',
      overAssignment: { rep: 'ten', '7': '5%', manager: '-150%' },
    });
    expect(over.problems.map((p) => [p.code, p.severity])).toEqual([
      ['bad-over-assignment', 'error'],
      ['bad-over-assignment', 'error'],
      ['unused-over-assignment', 'warning'],
    ]);
  });

  it('quotes bad values cut and spelled out, and reports a BigInt or a symbol instead of throwing', () => {
    const any = (value: unknown) => value as never;
    const target = allocateQuotas({ target: any(2_000_000n), hierarchy: company, weights: 'equal' });
    expect(target.problems.map((p) => p.reason)).toEqual(['the target 2000000n (a BigInt) is not an amount']);
    const bad = allocateQuotas({
      target: '1',
      hierarchy: company,
      weights: 'equal',
      overAssignment: { rep: any(Symbol('ten')), manager: `1${'0'.repeat(200)}%` },
    });
    expect(bad.problems.map((p) => p.reason)).toEqual([
      `the over-assignment of manager is "1${'0'.repeat(99)}…" (202 characters); write a percentage such as 10% (at least -100%)`,
      'the over-assignment of rep is a symbol; write a percentage such as 10% (at least -100%)',
    ]);
    const weights = allocateQuotas({
      target: '1000',
      hierarchy: [{ id: 'r' }, { id: 'r1', parent: 'r' }],
      weights: 'history',
      values: [{ id: 'r1', value: '1\u00A0000' }],
    });
    expect(weights.problems.map((p) => p.reason)).toEqual([
      'the history of r1 is "1\\u00A0000", which is not a number',
    ]);
  });

  it('throws only on misuse of the API', () => {
    const input = { target: '1', hierarchy: company, weights: 'equal' } as const;
    expect(() => allocateQuotas({ ...input, weights: 'random' as 'equal' })).toThrow(TypeError);
    expect(() => allocateQuotas({ ...input, decimals: 2.5 })).toThrow(RangeError);
    // No input: a message that says what to pass, not "Cannot read properties of null".
    expect(() => allocateQuotas(null as unknown as AllocateQuotasInput)).toThrow(
      new TypeError("input must be an object such as { target, hierarchy, weights: 'equal' }, not null"),
    );
    expect(allocateQuotas({ ...input, target: '0.005', decimals: 0 }).nodes[0]?.quota).toBe('0');
    // A misused value is quoted as data errors quote values.
    expect(() => allocateQuotas({ ...input, weights: `equal ${'w'.repeat(2000)}` as 'equal' })).toThrow(
      new TypeError(
        `weights must be one of equal, history, potential, not "equal ${'w'.repeat(94)}…" (2,006 characters)`,
      ),
    );
    expect(() => allocateQuotas('input' as unknown as AllocateQuotasInput)).toThrow(
      new TypeError(`input must be an object such as { target, hierarchy, weights: 'equal' }, not "input"`),
    );
  });
});
