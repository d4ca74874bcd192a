import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../compare-text.js';
import { Dec, decText } from '../decimal.js';
import { planOf, quarterly } from '../test-support.js';
import { type AccountAssignment, assignAccounts } from './assign-accounts.js';
import { accountLoad, basisOf, loadFields } from './balance.js';
import { FAIRNESS_MEASURES, type FairnessValue, measureIn, measureOf } from './fairness.js';
import {
  applyReassignments,
  type ProposedMove,
  type RebalanceOptions,
  type RebalanceStop,
  rebalance,
} from './rebalance.js';
import { SeededRandom } from './seeded-random.js';
import {
  ACCOUNTS,
  accounts,
  accountsArbitrary,
  generatedDesign,
  territoriesArbitrary,
} from './test-support.js';

/** North holds 1,000 of potential (600 + 300 + 100), south 200, east 300; N1 may be named. */
const compass = (named = '') =>
  planOf(
    quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory north { where segment = "N"${named}
      priority 1 }
    territory south { where segment = "S"
      priority 2 }
    territory east { where segment = "E"
      priority 3 }
  }`),
  );

const compassAccounts = accounts(
  { id: 'N1', name: 'N1', region: 'EMEA', segment: 'N', potential: '600' },
  { id: 'N2', name: 'N2', region: 'EMEA', segment: 'N', potential: '300' },
  { id: 'N3', name: 'N3', region: 'EMEA', segment: 'N', potential: '100' },
  { id: 'S1', name: 'S1', region: 'EMEA', segment: 'S', potential: '200' },
  { id: 'E1', name: 'E1', region: 'NA', segment: 'E', potential: '300' },
);

const assignment = assignAccounts(compass(), compassAccounts);
const base = { potential: 'potential', seed: 7, maxMoves: 10 };

describe('rebalance', () => {
  it('moves, step by step, the account that most improves the measure to the lightest territory', () => {
    // 1,000 / 200 / 300. Step 1, from north to south (the lightest): CV changes Σx² by
    // 2v(v + l − h): N1 1,200 × (600 + 200 − 1,000) = −240,000, N2 600 × (300 + 200 − 1,000) =
    // −300,000, N3 200 × (100 + 200 − 1,000) = −140,000: N2 goes. 700 / 500 / 300. Step 2, from
    // north to east: N1 1,200 × (600 + 300 − 700) > 0, N3 200 × (100 + 300 − 700) = −60,000: N3
    // goes. 600 / 500 / 400: no move out of any territory lowers Σx² any more.
    // CV before = sqrt(3 × 1,130,000 − 1,500²) / 1,500 = sqrt(1,140,000) / 1,500; after step 1
    // sqrt(240,000) / 1,500; after step 2 sqrt(60,000) / 1,500 = 0.1632993...
    const result = rebalance(assignment, { ...base, measure: 'cv' });
    expect(result.moves).toEqual([
      {
        step: 1,
        account: 'N2',
        from: 'north',
        to: 'south',
        amount: '300',
        measure: { value: '0.32659863237109041309297120996078551892879299742089' },
      },
      {
        step: 2,
        account: 'N3',
        from: 'north',
        to: 'east',
        amount: '100',
        measure: { value: '0.16329931618554520654648560498039275946439649871045' },
      },
    ]);
    expect(result.stopped).toBe('no-improving-move');
    expect(result.reassignments).toEqual([
      { account: 'N2', from: 'north', to: 'south' },
      { account: 'N3', from: 'north', to: 'east' },
    ]);
    expect(result.before.fairness.cv.value).toBe('0.71180521680208741405410159770638070841881918463073');
    expect(result.after.territories.map((t) => [t.territory, t.potential, t.accounts])).toEqual([
      ['north', '600', 1],
      ['south', '500', 2],
      ['east', '400', 2],
    ]);
    expect(result.after.fairness.cv).toEqual(result.moves[1]?.measure);
  });

  it('makes the same moves for max/min and Gini on this design, with their own values', () => {
    // Max/min: step 1, N2 gives 700 / 300 (N1: 800 / 300, N3: 900 / 300); step 2, N3 gives
    // 600 / 400 = 1.5. Gini: Σ|xi − xj| 1,600 → 800 (N2) → 400 (N3); G = 400 / (3 × 1,500).
    const ratio = rebalance(assignment, { ...base, measure: 'max-min-ratio' });
    expect(ratio.moves.map((m) => [m.account, m.to, m.measure.value])).toEqual([
      ['N2', 'south', '2.3333333333333333333333333333333333333333333333333'],
      ['N3', 'east', '1.5'],
    ]);
    const gini = rebalance(assignment, { ...base, measure: 'gini' });
    expect(gini.moves.map((m) => [m.account, m.to, m.measure.value])).toEqual([
      ['N2', 'south', '0.17777777777777777777777777777777777777777777777778'],
      ['N3', 'east', '0.088888888888888888888888888888888888888888888888889'],
    ]);
  });

  it('keeps accounts in their geography: a territory receives only accounts of its own region', () => {
    // North and south hold EMEA accounts, east the NA one. Step 1 as before (N2 to south);
    // N3 cannot go east, so it goes to south: 200 × (100 + 500 − 700) = −20,000. 600 / 600 / 300,
    // and E1, the only NA account, has nowhere to go.
    const result = rebalance(assignment, { ...base, measure: 'cv', keepGeography: 'region' });
    expect(result.reassignments).toEqual([
      { account: 'N2', from: 'north', to: 'south' },
      { account: 'N3', from: 'north', to: 'south' },
    ]);
    expect(result.keepGeography).toBe('region');
    // sqrt(3 × 810,000 − 1,500²) / 1,500 = sqrt(180,000) / 1,500.
    expect(result.after.fairness.cv.value).toBe('0.28284271247461900976033774484193961571393437507539');
  });

  it('never moves a named account unless told to, and stops at maxMoves', () => {
    // N2 named in north: the best first move is now N1, −240,000.
    const named = assignAccounts(compass('\n      named "N2"'), compassAccounts);
    const kept = rebalance(named, { ...base, measure: 'cv', maxMoves: 1 });
    expect(kept.moves.map((m) => m.account)).toEqual(['N1']);
    expect(kept.stopped).toBe('max-moves');
    const free = rebalance(named, { ...base, measure: 'cv', maxMoves: 1, keepNamed: false });
    expect(free.moves.map((m) => m.account)).toEqual(['N2']);
    expect(rebalance(named, { ...base, measure: 'cv', maxMoves: 0 })).toMatchObject({
      moves: [],
      stopped: 'max-moves',
    });
  });

  it('sends no account to a territory that only holds named accounts, while named accounts are kept', () => {
    // vip names no account of the data: it is empty, the lightest, but has no rules.
    const withVip = assignAccounts(
      planOf(
        quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory vip { named "Nobody"
      priority 1 }
    territory north { where segment = "N"
      priority 2 }
    territory south { where segment = "S"
      priority 3 }
  }`),
      ),
      compassAccounts,
    );
    const kept = rebalance(withVip, { ...base, measure: 'cv' });
    expect(kept.moves.length).toBeGreaterThan(0);
    expect(kept.moves.every((m) => m.to !== 'vip')).toBe(true);
    const free = rebalance(withVip, { ...base, measure: 'cv', keepNamed: false });
    expect(free.moves.some((m) => m.to === 'vip')).toBe(true);
  });

  it('breaks ties with the seeded generator: the same seed, the same choice', () => {
    // X1 and X2 (300 each) could each go to south or east (both empty): four equal moves.
    const tied = assignAccounts(
      compass(),
      accounts(
        { id: 'X1', name: 'X1', region: 'EMEA', segment: 'N', potential: '300' },
        { id: 'X2', name: 'X2', region: 'EMEA', segment: 'N', potential: '300' },
      ),
    );
    const first = (seed: number) => {
      const move = rebalance(tied, { ...base, seed, measure: 'gini', maxMoves: 1 }).moves[0];
      return `${move?.account}->${move?.to}`;
    };
    const choices = new Set(Array.from({ length: 24 }, (_, seed) => first(seed)));
    expect([...choices].sort()).toEqual(['X1->east', 'X1->south', 'X2->east', 'X2->south']);
    // The four, in the order found: X1->east, X1->south, X2->east, X2->south (members by account,
    // tied destinations by name). The pick is ⌊4 × the seed's first mulberry32 number⌋: seed 7 gives
    // 0.0117047... → 0, seed 0 0.2664292... → 1, seed 11 0.5115870... → 2, seed 1 0.6270739... → 2.
    expect([7, 0, 11, 1].map(first)).toEqual(['X1->east', 'X1->south', 'X2->east', 'X2->east']);
  });

  it('proposes nothing when a value is negative, and rejects bad options', () => {
    const negative = assignAccounts(
      compass(),
      accounts(
        { id: 'N1', name: 'N1', region: 'EMEA', segment: 'N', potential: '500' },
        { id: 'S1', name: 'S1', region: 'EMEA', segment: 'S', potential: '-5' },
      ),
    );
    expect(rebalance(negative, { ...base, measure: 'cv' })).toMatchObject({
      moves: [],
      stopped: 'negative-values',
    });
    expect(() => rebalance(assignment, { ...base, measure: 'cv', maxMoves: -1 })).toThrow(RangeError);
    expect(() => rebalance(assignment, { ...base, measure: 'cv', seed: 1.5 })).toThrow(RangeError);
    expect(() => rebalance(assignment, { ...base, measure: 'range' as 'cv' })).toThrow(RangeError);
    expect(() => rebalance(assignment, { ...base, measure: 'cv', keepGeography: 'country' })).toThrow(
      'keepGeography: accounts has no field "country"',
    );
    expect(() =>
      rebalance(assignment, { ...base, measure: 'cv', keepGeography: `country\u00A0${'y'.repeat(200)}` }),
    ).toThrow(`keepGeography: accounts has no field "country\\u00A0${'y'.repeat(92)}…" (208 characters)`);
    // A value that is not one is quoted as data errors quote values.
    expect(() =>
      rebalance(assignment, { ...base, measure: 'cv', maxMoves: 3n as unknown as number }),
    ).toThrow(new RangeError('maxMoves must be a whole number, 0 or more, not 3n (a BigInt)'));
    expect(() => rebalance(assignment, { ...base, measure: 'r'.repeat(2000) as 'cv' })).toThrow(
      new RangeError(
        `measure must be one of cv, max-min-ratio, gini, not "${'r'.repeat(100)}…" (2,000 characters)`,
      ),
    );
  });

  it('applies reassignments to an assignment, with the payees of the new territory', () => {
    const moved = applyReassignments(assignment, [{ account: 'N1', to: 'east' }]);
    expect(moved.accounts.find((a) => a.account === 'N1')?.territory).toBe('east');
    expect(moved.territories.map((t) => t.accounts)).toEqual([2, 1, 2]);
    expect(assignment.accounts.find((a) => a.account === 'N1')?.territory).toBe('north');
    // An account a tie placed keeps its ties until it is moved: then they say nothing of it.
    const tied = { ...assignment, accounts: assignment.accounts.map((a) => ({ ...a, tiedWith: ['south'] })) };
    const after = applyReassignments(tied, [{ account: 'N1', to: 'east' }]);
    expect(after.accounts.find((a) => a.account === 'N1')?.tiedWith).toBeUndefined();
    expect(after.accounts.find((a) => a.account !== 'N1')?.tiedWith).toEqual(['south']);
  });
});

/** `a <= b` for measure values with a value. */
const notWorse = (after: FairnessValue, before: FairnessValue): boolean =>
  before.value === null || (after.value !== null && new Dec(after.value).lte(before.value));

/** The value of each account's field, and the territories' accounts, before any move. */
function territoryValues(assignment: AccountAssignment, field: string): Map<string, Set<unknown>> {
  const values = new Map<string, Set<unknown>>();
  for (const a of assignment.accounts) {
    const set = values.get(a.territory) ?? new Set();
    set.add(a.values[field]);
    values.set(a.territory, set);
  }
  return values;
}

describe('rebalance properties', () => {
  const options = fc.record({
    measure: fc.constantFrom(...FAIRNESS_MEASURES),
    seed: fc.nat(),
    maxMoves: fc.integer({ min: 0, max: 12 }),
    keepGeography: fc.constantFrom(undefined, 'segment', 'region'),
  });

  it('never worsens the measure, never moves named accounts, keeps geography, respects the cap', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, options, (territories, records, opts) => {
        const assignment = assignAccounts(planOf(generatedDesign(territories)), records);
        const result = rebalance(assignment, { potential: 'potential', ...opts });
        expect(result.moves.length).toBeLessThanOrEqual(opts.maxMoves);
        const measure = (b: typeof result.before) => measureIn(b.fairness, opts.measure);
        expect(notWorse(measure(result.after), measure(result.before))).toBe(true);
        let previous = measure(result.before);
        for (const m of result.moves) {
          expect(notWorse(m.measure, previous)).toBe(true);
          previous = m.measure;
        }
        const byAccount = new Map(assignment.accounts.map((a) => [a.account, a]));
        const geography = opts.keepGeography && territoryValues(assignment, opts.keepGeography);
        for (const m of result.moves) {
          const account = byAccount.get(m.account);
          expect(account?.named).toBe(false);
          if (geography && opts.keepGeography) {
            // The destination's accounts all had the moving account's value before any move.
            expect([...(geography.get(m.to) ?? [])]).toEqual([account?.values[opts.keepGeography]]);
          }
        }
        expect(result.after.totals.potential).toBe(result.before.totals.potential);
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same proposal whatever the order of the records', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, options, (territories, records, opts) => {
        const plan = planOf(generatedDesign(territories));
        const reversed = records.slice().reverse();
        const a = rebalance(assignAccounts(plan, records), { potential: 'potential', ...opts });
        const b = rebalance(assignAccounts(plan, reversed), { potential: 'potential', ...opts });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 40 },
    );
  });
});

/** What a measure orders designs by, from scratch: smaller is fairer; `num / den` after `zeros`. */
interface ScratchKey {
  zeros: number;
  num: Dec;
  den: Dec;
}

/** Σx² (CV), Σ_{i<j} |xᵢ − xⱼ| pair by pair (Gini), or the empty territories then max / min. */
function scratchKey(measure: RebalanceOptions['measure'], totals: readonly Dec[]): ScratchKey {
  const one = new Dec(1);
  if (measure === 'cv')
    return { zeros: 0, num: totals.reduce((s, x) => s.plus(x.times(x)), new Dec(0)), den: one };
  if (measure === 'gini') {
    let pairs = new Dec(0);
    for (let i = 0; i < totals.length; i++)
      for (let j = i + 1; j < totals.length; j++)
        pairs = pairs.plus((totals[i] as Dec).minus(totals[j] as Dec).abs());
    return { zeros: 0, num: pairs, den: one };
  }
  const zeros = totals.filter((x) => x.isZero()).length;
  return zeros > 0
    ? { zeros, num: new Dec(0), den: one }
    : { zeros, num: Dec.max(...totals), den: Dec.min(...totals) };
}

const compareScratch = (a: ScratchKey, b: ScratchKey): number =>
  a.zeros - b.zeros || a.num.times(b.den).comparedTo(b.num.times(a.den));

/**
 * The search done the slow way: the same rules as {@link rebalance}, but every candidate's key is
 * computed from the moved totals and every measure from all the totals, nothing kept between moves.
 */
function slowRebalance(
  assignment: AccountAssignment,
  options: RebalanceOptions,
): { moves: ProposedMove[]; stopped: RebalanceStop } {
  const fields = loadFields(assignment, options);
  const keepNamed = options.keepNamed ?? true;
  const field = options.keepGeography;
  const names = assignment.territories.map((t) => t.name);
  const totals = names.map(() => new Dec(0));
  const members: { account: string; value: Dec; geography: string }[][] = names.map(() => []);
  const seen: Set<string | null>[] = names.map(() => new Set());
  for (const a of assignment.accounts) {
    const i = names.indexOf(a.territory);
    const value = basisOf(accountLoad(a.values, fields), fields.basis);
    if (value.lt(0)) return { moves: [], stopped: 'negative-values' };
    totals[i] = (totals[i] as Dec).plus(value);
    const raw = field === undefined ? '' : a.values[field];
    const geography = raw === null || raw === undefined ? null : String(raw);
    seen[i]?.add(geography);
    if (!(keepNamed && a.named) && value.gt(0) && geography !== null)
      members[i]?.push({ account: a.account, value, geography });
  }
  // The geography a territory receives, or null: none without rules (named accounts kept), any
  // without a geography field, else the one value all its accounts share.
  const receives = names.map((_, i) => {
    if (keepNamed && !assignment.territories[i]?.rules) return null;
    if (field === undefined) return '';
    const values = [...(seen[i] ?? [])];
    return values.length === 1 ? (values[0] as string | null) : null;
  });
  const indexes = names.map((_, i) => i);
  const random = new SeededRandom(options.seed);
  const moves: ProposedMove[] = [];
  while (moves.length < options.maxMoves) {
    const current = scratchKey(options.measure, totals);
    // Heaviest first (then by name, last first): the first territory with an improving move gives it.
    const heaviest = indexes
      .slice()
      .sort(
        (a, b) =>
          (totals[b] as Dec).comparedTo(totals[a] as Dec) ||
          compareText(names[b] as string, names[a] as string),
      );
    let found: { from: number; to: number; member: number }[] = [];
    for (const from of heaviest) {
      let best = current;
      for (const [member, account] of (members[from] ?? []).entries()) {
        const open = indexes.filter((i) => i !== from && receives[i] === account.geography);
        if (open.length === 0) continue;
        const floor = Dec.min(...open.map((i) => totals[i] as Dec));
        const lightest = open
          .filter((i) => (totals[i] as Dec).eq(floor))
          .sort((a, b) => compareText(names[a] as string, names[b] as string));
        for (const to of lightest) {
          const moved = totals.slice();
          moved[from] = (moved[from] as Dec).minus(account.value);
          moved[to] = (moved[to] as Dec).plus(account.value);
          const key = scratchKey(options.measure, moved);
          const order = compareScratch(key, best);
          if (order < 0) {
            best = key;
            found = [{ from, to, member }];
          } else if (order === 0 && found.length > 0) found.push({ from, to, member });
        }
      }
      if (found.length > 0) break;
    }
    if (found.length === 0) return { moves, stopped: 'no-improving-move' };
    const chosen = found[found.length === 1 ? 0 : random.below(found.length)] as (typeof found)[number];
    const [account] = members[chosen.from]?.splice(chosen.member, 1) ?? [];
    if (!account) throw new Error('no such member');
    totals[chosen.from] = (totals[chosen.from] as Dec).minus(account.value);
    totals[chosen.to] = (totals[chosen.to] as Dec).plus(account.value);
    members[chosen.to]?.push(account);
    members[chosen.to]?.sort((a, b) => compareText(a.account, b.account));
    moves.push({
      step: moves.length + 1,
      account: account.account,
      from: names[chosen.from] as string,
      to: names[chosen.to] as string,
      amount: decText(account.value),
      measure: measureOf(totals, options.measure),
    });
  }
  return { moves, stopped: 'max-moves' };
}

describe('rebalance against a search done from scratch', () => {
  it("finds the slow search's moves, measures and stop with its incremental measure", () => {
    // The accounts basis makes many moves tie (every value is 1): the seeded choices must agree too.
    const options = fc.record({
      measure: fc.constantFrom(...FAIRNESS_MEASURES),
      seed: fc.nat(),
      maxMoves: fc.integer({ min: 0, max: 25 }),
      keepNamed: fc.boolean(),
      keepGeography: fc.constantFrom(undefined, 'segment', 'region'),
      basis: fc.constantFrom('potential' as const, 'accounts' as const),
    });
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, options, (territories, records, opts) => {
        const assignment = assignAccounts(planOf(generatedDesign(territories)), records);
        const full = { potential: 'potential', ...opts };
        const result = rebalance(assignment, full);
        expect({ moves: result.moves, stopped: result.stopped }).toEqual(slowRebalance(assignment, full));
      }),
      { numRuns: 150 },
    );
  });
});
