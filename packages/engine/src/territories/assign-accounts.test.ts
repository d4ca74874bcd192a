import type { Plan } from '@attain/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOf, quarterly } from '../test-support.js';
import { assignAccounts } from './assign-accounts.js';
import { compareTerritories } from './compare.js';
import {
  ACCOUNTS,
  accounts,
  accountsArbitrary,
  design,
  designText,
  generatedDesign,
  handAccounts,
  territoriesArbitrary,
} from './test-support.js';

const placeOf = (result: ReturnType<typeof assignAccounts>) =>
  result.accounts.map((a) => [a.account, a.territory, a.named, a.primary, a.overlay]);

describe('assignAccounts', () => {
  it('places each account by name first, then by the lowest priority whose rules hold', () => {
    const result = assignAccounts(design, handAccounts, { asOf: '2026-03-31' });
    // A1 EMEA/ENT matches emea_ent (2) and emea (3): priority 2 wins. A2 Globex is named in
    // strategic whatever the rules say. A3 EMEA/SMB only matches emea. A4 NA goes to na, which
    // no payee covers. On 31 March rep-2 covers EMEA (rep-3 only from July), rep-9 is not yet
    // the EMEA Enterprise overlay.
    expect(placeOf(result)).toEqual([
      ['A1', 'emea_ent', false, ['rep-1'], []],
      ['A2', 'strategic', true, ['rep-s'], []],
      ['A3', 'emea', false, ['rep-2'], []],
      ['A4', 'na', false, [], []],
    ]);
    expect(result.accounts[0]).toEqual({
      account: 'A1',
      row: 1,
      name: 'Initech',
      territory: 'emea_ent',
      named: false,
      primary: ['rep-1'],
      overlay: [],
      values: { id: 'A1', name: 'Initech', region: 'EMEA', segment: 'ENT', potential: '1000', visits: '4' },
    });
    expect(result.territories).toEqual([
      { name: 'strategic', label: 'Strategic', accounts: 1, rules: false, primary: ['rep-s'], overlay: [] },
      {
        name: 'emea_ent',
        label: 'EMEA Enterprise',
        accounts: 1,
        rules: true,
        primary: ['rep-1'],
        overlay: [],
      },
      { name: 'emea', label: 'EMEA', accounts: 1, rules: true, primary: ['rep-2'], overlay: [] },
      { name: 'na', label: 'North America', accounts: 1, rules: true, primary: [], overlay: [] },
    ]);
    expect(result).toMatchObject({ source: 'accounts', by: 'priority', asOf: '2026-03-31', problems: [] });
    expect(result.plan).toEqual({ name: 'Test', version: '1' });
  });

  it('lists unassigned accounts with the reason as data, never throwing', () => {
    const { unassigned } = assignAccounts(design, handAccounts);
    expect(unassigned.map((u) => [u.account, u.row, u.reason])).toEqual([
      ['A5', 5, 'no-rule-matched'],
      ['A6', 6, 'invalid-record'],
    ]);
    expect(unassigned[0]?.message).toBe("no territory names A5 and no territory's rules all hold for it");
    expect(unassigned[0]?.values?.region).toBe('APAC');
    const why =
      'accounts row 6: potential is "12O", which is not an amount (write it like 1200.50 or 1200.50 EUR)';
    expect(unassigned[1]).toEqual({
      account: 'A6',
      row: 6,
      name: 'Soylent',
      reason: 'invalid-record',
      message: why,
      errors: [{ field: 'potential', code: 'bad-number', reason: why }],
    });
  });

  it('reads the covering payees on the as-of date (default: the first day of the plan)', () => {
    const start = assignAccounts(design, handAccounts);
    expect(start.asOf).toBe('2026-01-01');
    const autumn = assignAccounts(design, handAccounts, { asOf: '2026-09-30' });
    expect(autumn.territories.map((t) => [t.name, t.primary, t.overlay])).toEqual([
      ['strategic', ['rep-s'], []],
      ['emea_ent', ['rep-1'], ['rep-9']],
      ['emea', ['rep-3'], []],
      ['na', [], []],
    ]);
  });

  it('adds territory assignments from data and keeps only known payees when payees are given', () => {
    const result = assignAccounts(design, handAccounts, {
      payees: [
        { id: 'rep-1', name: 'One', attributes: {} },
        { id: 'rep-7', name: 'Seven', attributes: {} },
      ],
      territoryAssignments: [
        { payee: 'rep-7', territory: 'na', role: 'primary' },
        { payee: 'rep-8', territory: 'na', role: 'overlay' },
      ],
    });
    // rep-s and rep-2 are not among the payees; rep-8 is unknown: its row is a problem.
    expect(result.territories.map((t) => [t.name, t.primary])).toEqual([
      ['strategic', []],
      ['emea_ent', ['rep-1']],
      ['emea', []],
      ['na', ['rep-7']],
    ]);
    expect(result.problems.map((p) => [p.source, p.row, p.code])).toEqual([
      ['territoryAssignments', 2, 'unknown-payee'],
    ]);
  });

  it('places by the highest score with `by score`, and says when rules hold but no score has a value', () => {
    const scored = planOf(
      quarterly(`${ACCOUNTS}
  territories on accounts by score {
    territory small { where potential < 1000 USD
      score 1 }
    territory big { where region = "EMEA"
      score potential / 100 USD }
    territory visits { where region = "NA"
      score visits }
  }`),
    );
    const result = assignAccounts(scored, handAccounts);
    // A1 (1,000): only big holds, score 10. A2 (500): small scores 1, big 5: big. A3 (300): small 1,
    // big 3: big. A4 (NA, 200): small 1, visits 1: a tie goes to the earlier territory, small.
    expect(result.accounts.map((a) => [a.account, a.territory])).toEqual([
      ['A1', 'big'],
      ['A2', 'big'],
      ['A3', 'big'],
      ['A4', 'small'],
      ['A5', 'small'],
    ]);
    // Only A4's place was decided by a tie (small 1 = visits 1); A2's big 5 beat small 1.
    expect(result.accounts.map((a) => [a.account, a.tiedWith])).toEqual([
      ['A1', undefined],
      ['A2', undefined],
      ['A3', undefined],
      ['A4', ['visits']],
      ['A5', undefined],
    ]);
    const noScore = assignAccounts(
      scored,
      accounts({ id: 'B1', name: 'B', region: 'NA', segment: 'SMB', potential: '5000', visits: '' }),
    );
    expect(noScore.unassigned.map((u) => [u.account, u.reason, u.message])).toEqual([
      ['B1', 'no-score', 'B1 matches the rules of visits, but no score gives it a value'],
    ]);
  });

  it('breaks a tie of priority by plan order, and puts territories without a priority last', () => {
    const tied = planOf(
      quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory anywhere { where potential > 0 USD }
    territory first { where region = "EMEA"
      priority 5 }
    territory second { where segment = "SMB"
      priority 5 }
  }`),
    );
    // A2 and A3 (EMEA, SMB) match first and second, both priority 5: first is earlier in the plan.
    // A4 (NA, ENT) matches only anywhere, which has no priority; A5 (APAC, SMB) matches second.
    expect(assignAccounts(tied, handAccounts).accounts.map((a) => [a.account, a.territory])).toEqual([
      ['A1', 'first'],
      ['A2', 'first'],
      ['A3', 'first'],
      ['A4', 'anywhere'],
      ['A5', 'second'],
    ]);
  });

  // A tie of priority was decided by plan order silently: the account went to the territory
  // written first, and nothing said the other one's rules held with the same priority.
  it('names the territories an account tied with, and only when a tie decided its place', () => {
    const tied = planOf(
      quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory big { where potential >= 1000 USD
      priority 2 }
    territory emea { where region = "EMEA"
      priority 2 }
    territory per_visit { where potential / visits > 1000 USD
      priority 2 }
    territory emea_smb { where region = "EMEA" and segment = "SMB"
      priority 3 }
    territory first { named "Globex" }
    territory second { named "G2", "Globex" }
  }`),
    );
    const result = assignAccounts(
      tied,
      accounts(
        { id: 'A1', name: 'Initech', region: 'EMEA', segment: 'ENT', potential: '2000', visits: '0' },
        { id: 'A2', name: 'Hooli', region: 'EMEA', segment: 'SMB', potential: '300', visits: '0' },
        { id: 'A3', name: 'Umbrella', region: 'NA', segment: 'ENT', potential: '1500', visits: '0' },
        { id: 'A4', name: 'Globex', region: 'NA', segment: 'ENT', potential: '10', visits: '0' },
        { id: 'G2', name: 'Other', region: 'NA', segment: 'ENT', potential: '10', visits: '0' },
      ),
    );
    // A1 (EMEA, 2,000): big and emea hold, both priority 2; big is written first. A2 (EMEA, SMB,
    // 300): emea (2) beats emea_smb (3), no tie. A3 (NA, 1,500): only big. A4 is named Globex in
    // first and second: first. G2 is named (by key) in second alone.
    expect(result.accounts.map((a) => [a.account, a.territory, a.tiedWith])).toEqual([
      ['A1', 'big', ['emea']],
      ['A2', 'emea', undefined],
      ['A3', 'big', undefined],
      ['A4', 'first', ['second']],
      ['G2', 'second', undefined],
    ]);
    expect(result.accounts[1] && 'tiedWith' in result.accounts[1]).toBe(false);
    // per_visit divides by 0 visits, but crediting never reads it (a territory before it always
    // holds): looking for ties reads it without adding a warning crediting would not give.
    expect(result.warnings).toEqual([]);
  });

  it('throws only on misuse: a plan without territories, an as-of that is not a date', () => {
    const plain = planOf(quarterly(ACCOUNTS));
    expect(() => assignAccounts(plain, handAccounts)).toThrow(RangeError);
    expect(() => assignAccounts(design, handAccounts, { asOf: '2026-13-01' })).toThrow(
      'options.asOf is 2026-13-01, which is not a day of the calendar (there is no month 13)',
    );
    expect(() => assignAccounts(design, handAccounts, { asOf: '13/01/2026' })).toThrow(
      'options.asOf must be a date written YYYY-MM-DD, not "13/01/2026"',
    );
    // From JavaScript: a value that is no text is named, not read through String().
    expect(() => assignAccounts(design, handAccounts, { asOf: 2026n as unknown as string })).toThrow(
      new RangeError('options.asOf must be a date written YYYY-MM-DD, not 2026n (a BigInt)'),
    );
    expect(() => assignAccounts(design, handAccounts, { asOf: Object.create(null) })).toThrow(
      new RangeError('options.asOf must be a date written YYYY-MM-DD, not an object'),
    );
  });

  it('quotes the name of the plan as data errors quote values: cut when long, invisible characters written out', () => {
    const named = (plan: Plan, name: string): Plan => ({ ...plan, header: { ...plan.header, name } });
    const plain = planOf(quarterly(ACCOUNTS));
    expect(() => assignAccounts(named(plain, `Q"1\u200B`), handAccounts)).toThrow(
      new RangeError('plan "Q\\"1\\u200B" has no territories block'),
    );
    expect(() =>
      assignAccounts(named(design, 'p'.repeat(2000)), handAccounts, { asOf: '2020-01-01' }),
    ).toThrow(
      new RangeError(
        `options.asOf is 2020-01-01, outside the effective dates of plan "${'p'.repeat(100)}…" (2,000 characters) ` +
          '(2026-01-01 to 2026-12-31): accounts are placed for a period of the plan',
      ),
    );
  });

  it("throws on an as-of date outside the plan's effective dates, naming them", () => {
    // The design runs 2026-01-01 to 2026-12-31: 2020-01-01 is six years early, 2027-01-01 the day
    // after its last; neither is in a period of the plan.
    expect(() => assignAccounts(design, handAccounts, { asOf: '2020-01-01' })).toThrow(
      'options.asOf is 2020-01-01, outside the effective dates of plan "Test" (2026-01-01 to 2026-12-31): accounts are placed for a period of the plan',
    );
    expect(() => assignAccounts(design, handAccounts, { asOf: '2027-01-01' })).toThrow(RangeError);
    // Its first and last days are inside: the 6 hand accounts are placed or listed on each.
    for (const asOf of ['2026-01-01', '2026-12-31']) {
      const result = assignAccounts(design, handAccounts, { asOf });
      expect(result.accounts.length + result.unassigned.length).toBe(6);
    }
  });

  it('makes compareTerritories throw when the as-of date is outside either design', () => {
    // The same design effective in 2027 only: 2026-07-01 is inside the first, outside the second.
    const later = planOf(designText.replace('2026-01-01 to 2026-12-31', '2027-01-01 to 2027-12-31'));
    expect(() =>
      compareTerritories(design, later, handAccounts, { potential: 'potential', asOf: '2026-07-01' }),
    ).toThrow(
      'options.asOf is 2026-07-01, outside the effective dates of plan "Test" (2027-01-01 to 2027-12-31)',
    );
  });

  it('ends every account in exactly one territory or in the unassigned list', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, (territories, records) => {
        const result = assignAccounts(planOf(generatedDesign(territories)), records);
        const rows = [...result.accounts.map((a) => a.row), ...result.unassigned.map((u) => u.row)];
        expect(rows.sort((a, b) => a - b)).toEqual(records.map((r) => r.row));
        const names = new Set(result.territories.map((t) => t.name));
        for (const a of result.accounts) expect(names.has(a.territory)).toBe(true);
        expect(result.territories.reduce((n, t) => n + t.accounts, 0)).toBe(result.accounts.length);
        for (const u of result.unassigned)
          expect(u.reason === 'invalid-record').toBe(u.values === undefined && u.errors.length > 0);
      }),
      { numRuns: 60 },
    );
  });

  it('places each account where trying every territory in turn would', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, (territories, records) => {
        const result = assignAccounts(planOf(generatedDesign(territories)), records);
        const placed = new Map(result.accounts.map((a) => [a.account, a.territory]));
        for (const { values } of records) {
          if (values.potential === 'n/a' || values.potential === '') continue;
          const id = values.id as string;
          // Named first (the first territory in plan order naming it), else the lowest priority
          // (here t<i> has priority i + 1) among the territories whose rules hold.
          const named = territories.findIndex((t) => t.named.includes(id));
          const matching = territories.findIndex(
            (t) =>
              t.regions.includes(values.region as string) &&
              (t.segment === undefined || (values.segment === t.segment) !== t.notSegment),
          );
          const expected = named >= 0 ? named : matching;
          expect(placed.get(id)).toBe(expected >= 0 ? `t${expected}` : undefined);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names as tied exactly the other territories whose rules hold with the best priority', () => {
    const rule = fc.record({
      field: fc.constantFrom('region', 'segment'),
      value: fc.constantFrom('A', 'B'),
      priority: fc.integer({ min: 1, max: 2 }),
    });
    const account = fc.record({ region: fc.constantFrom('A', 'B'), segment: fc.constantFrom('A', 'B') });
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 5 }),
        fc.array(account, { maxLength: 6 }),
        (rules, rows) => {
          const text = rules
            .map(
              (r, i) =>
                `    territory t${i} { where ${r.field} = "${r.value}"\n      priority ${r.priority} }`,
            )
            .join('\n');
          const plan = planOf(
            quarterly(`${ACCOUNTS}\n  territories on accounts by priority {\n${text}\n  }`),
          );
          const records = accounts(
            ...rows.map((r, i) => ({ id: `A${i}`, name: `N${i}`, ...r, potential: '1' })),
          );
          const result = assignAccounts(plan, records);
          for (const [i, r] of rows.entries()) {
            // Every territory whose rule holds, in plan order; the best priority's first wins.
            const holds = rules.flatMap((t, j) =>
              r[t.field] === t.value ? [{ j, priority: t.priority }] : [],
            );
            const best = Math.min(...holds.map((h) => h.priority));
            const [winner, ...tied] = holds.filter((h) => h.priority === best).map((h) => `t${h.j}`);
            const placed = result.accounts.find((a) => a.account === `A${i}`);
            expect(placed?.territory).toBe(winner);
            expect(placed?.tiedWith).toEqual(tied.length > 0 ? tied : undefined);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same result whatever the order of the records', () => {
    fc.assert(
      fc.property(territoriesArbitrary, accountsArbitrary, fc.integer(), (territories, records, seed) => {
        const plan = planOf(generatedDesign(territories));
        const shuffled = records
          .map((r, i) => ({ r, k: Math.imul(i + 1, seed | 1) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map(({ r }) => r);
        expect(JSON.stringify(assignAccounts(plan, shuffled))).toBe(
          JSON.stringify(assignAccounts(plan, records)),
        );
      }),
      { numRuns: 40 },
    );
  });
});
