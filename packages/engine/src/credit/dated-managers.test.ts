import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { AttributeChange, Dataset, Payee } from '../data/dataset.js';
import type { Results, Statement } from '../results/results.js';
import { earned, payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

// Roll-up credit at 1% to the owner's manager; everyone on the plan.
const plan = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit team from deals { to managers of owner }
  commission override = team * 1%
`),
);

const recalculated = (s: Statement): string[] =>
  s.adjustments.filter((a) => a.kind === 'recalculation').map((a) => `${a.id} ${a.amount}`);
const override = (r: Results, who: string, period: string) => earned(statement(r, who, period), 'override');

describe('a rep moved from m1 to m2 on 2026-04-01 (attributeChanges manager)', () => {
  const payees = [payee('rep', {}, { manager: 'm1' }), payee('m1'), payee('m2')];
  const move: AttributeChange = { payee: 'rep', attribute: 'manager', value: 'm2', from: '2026-04-01' };
  const deals = rows(
    { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-10' },
    { id: 'D2', owner: 'rep', amount: '2000', close_date: '2026-05-10' },
  );
  const data: Dataset = { payees, records: { deals }, attributeChanges: [move] };

  it('credits the Q1 deal to m1 and the Q2 deal to m2', () => {
    const r = run(plan, data, ['2026-Q1', '2026-Q2']);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(override(r, 'm1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1% (m1 on 2026-02-10)
    expect(override(r, 'm2', '2026-Q1')).toBe('0.00'); // m2 manages rep only from 2026-04-01
    expect(override(r, 'm1', '2026-Q2')).toBe('0.00'); // D2 is dated after the move
    expect(override(r, 'm2', '2026-Q2')).toBe('20.00'); // D2 2,000 x 1% (m2 on 2026-05-10)
  });

  it("pays no recalculation line in Q2 for Q1's roll-up, to either manager", () => {
    // Before: the Q2 run credited D1 to m2 (rep's manager in payees read as m2 all year), so m1
    // got -10.00 (1,000 x 1% taken back) and m2 +10.00. Here payees say m1 and the change says m2.
    const q1 = run(plan, data, ['2026-Q1']);
    expect(override(q1, 'm1', '2026-Q1')).toBe('10.00'); // 1,000 x 1%
    const q2 = run(plan, { ...data, previous: q1 }, ['2026-Q1', '2026-Q2']);
    expect(recalculated(statement(q2, 'm1', '2026-Q2'))).toEqual([]);
    expect(recalculated(statement(q2, 'm2', '2026-Q2'))).toEqual([]);
    expect(statement(q2, 'm1', '2026-Q2').payout).toBe('0.00'); // nothing new, nothing back
    expect(statement(q2, 'm2', '2026-Q2').payout).toBe('20.00'); // D2 2,000 x 1%
    expect(q2.warnings).toEqual([]);
  });

  it('explains the line with the manager of the record day', () => {
    const r = run(plan, data, ['2026-Q1', '2026-Q2']);
    const line = (who: string, period: string) =>
      statement(r, who, period).credits.find((c) => c.name === 'team')?.lines ?? [];
    // D1 reaches m1 (level 1 above rep on 2026-02-10), D2 reaches m2 (on 2026-05-10).
    expect(line('m1', '2026-Q1').map((l) => [l.record.key, l.amount, l.via])).toEqual([
      ['D1', '1000', { field: 'owner', of: 'rep', level: 1 }],
    ]);
    expect(line('m2', '2026-Q2').map((l) => [l.record.key, l.amount, l.via])).toEqual([
      ['D2', '2000', { field: 'owner', of: 'rep', level: 1 }],
    ]);
    // m1 no longer manages rep, but did on 2026-02-10: the sentence says so, not "m1 manages rep".
    expect(explain(r, { payee: 'm1', period: '2026-Q1', credit: 'team', record: 'D1' })?.sentence).toBe(
      "team for deals D1 is 1,000.00 USD: share 100%, role manager, owner rep, level 1; m1 manages rep on the record's date",
    );
  });

  test.prop([fc.boolean(), fc.boolean(), fc.boolean()])(
    'gives the same results whatever the order of payees, records and changes',
    (flipPayees, flipDeals, flipChanges) => {
      // A second change back to m1 from 2026-06-01 (D3 of 2026-06-15, 500: m1 5.00 in Q2).
      const back: AttributeChange = { payee: 'rep', attribute: 'manager', value: 'm1', from: '2026-06-01' };
      const d3 = { row: 3, values: { id: 'D3', owner: 'rep', amount: '500', close_date: '2026-06-15' } };
      const all = [...deals, d3];
      const flip = <T>(list: T[], yes: boolean): T[] => (yes ? [...list].reverse() : list);
      const r = run(
        plan,
        {
          payees: flip(payees, flipPayees),
          records: { deals: flip(all, flipDeals) },
          attributeChanges: flip([move, back], flipChanges),
        },
        ['2026-Q1', '2026-Q2'],
      );
      expect(override(r, 'm1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1%
      expect(override(r, 'm1', '2026-Q2')).toBe('5.00'); // D3 500 x 1% (back to m1 on 2026-06-01)
      expect(override(r, 'm2', '2026-Q2')).toBe('20.00'); // D2 2,000 x 1%
    },
  );
});

describe('a two-level chain whose middle manager changes mid-quarter', () => {
  const plan2 = planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit team from deals { to managers of owner up to 2 levels }
  commission override = team * 1%
`),
  );
  // rep -> mid; mid -> g1 until 2026-02-14, mid -> g2 from 2026-02-15.
  const payees: Payee[] = [
    payee('rep', {}, { manager: 'mid' }),
    payee('mid', {}, { manager: 'g1' }),
    payee('g1'),
    payee('g2'),
  ];
  const data: Dataset = {
    payees,
    records: {
      deals: rows(
        { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-14' },
        { id: 'D2', owner: 'rep', amount: '3000', close_date: '2026-02-15' },
      ),
    },
    attributeChanges: [{ payee: 'mid', attribute: 'manager', value: 'g2', from: '2026-02-15' }],
  };

  it('credits the grand-manager of each record day', () => {
    const r = run(plan2, data, ['2026-Q1']);
    expect(r.errors).toEqual([]);
    expect(override(r, 'mid', '2026-Q1')).toBe('40.00'); // (1,000 + 3,000) x 1%: mid on both days
    expect(override(r, 'g1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1% (2026-02-14, before the change)
    expect(override(r, 'g2', '2026-Q1')).toBe('30.00'); // D2 3,000 x 1% (2026-02-15, the change's day)
    const lines = statement(r, 'g2', '2026-Q1').credits[0]?.lines ?? [];
    expect(lines.map((l) => [l.record.key, l.via])).toEqual([
      ['D2', { field: 'owner', of: 'rep', level: 2 }],
    ]);
  });
});

describe('payee.manager in an expression', () => {
  // A bonus of 100 for a rep whose manager is m2, read on the period's last day.
  const plan3 = planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { ote: Money optional }
  bonus under_m2 = if payee.manager.id = "m2" then 100 USD else 0 USD
  bonus manager_ote = payee.manager.ote * 1%
`),
  );
  const payees = [
    payee('rep', {}, { manager: 'm1' }),
    payee('m1', { ote: '1000' }),
    payee('m2', { ote: '5000' }),
  ];
  const data: Dataset = {
    payees,
    records: { deals: [] },
    attributeChanges: [{ payee: 'rep', attribute: 'manager', value: 'm2', from: '2026-06-30' }],
  };

  it('is the manager in force on the last day of the period', () => {
    const r = run(plan3, data, ['2026-Q1', '2026-Q2']);
    expect(r.errors).toEqual([]);
    const rep = (period: string) => statement(r, 'rep', period);
    expect(earned(rep('2026-Q1'), 'under_m2')).toBe('0.00'); // m1 on 2026-03-31
    expect(earned(rep('2026-Q1'), 'manager_ote')).toBe('10.00'); // m1's ote 1,000 x 1%
    expect(earned(rep('2026-Q2'), 'under_m2')).toBe('100.00'); // m2 from 2026-06-30, Q2's last day
    expect(earned(rep('2026-Q2'), 'manager_ote')).toBe('50.00'); // m2's ote 5,000 x 1%
  });
});

describe('a change to an unknown manager', () => {
  const payees = [
    payee('rep', {}, { manager: 'm1' }),
    payee('m1'),
    payee('bad', {}, { plans: 'x' as never }),
  ];
  const deals = rows(
    { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-10' },
    { id: 'D2', owner: 'rep', amount: '2000', close_date: '2026-05-10' },
    { id: 'D3', owner: 'rep', amount: '4000', close_date: '2026-08-10' },
  );
  const changes: AttributeChange[] = [
    { payee: 'rep', attribute: 'manager', value: 'ghost', from: '2026-04-01' },
    { payee: 'rep', attribute: 'manager', value: 'm1', from: '2026-07-01' },
  ];

  it('drops the link for its span with an unknown-manager warning, as in payees', () => {
    const r = run(plan, { payees: payees.slice(0, 2), records: { deals }, attributeChanges: changes }, [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(r.errors).toEqual([]);
    expect(override(r, 'm1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1%
    expect(override(r, 'm1', '2026-Q2')).toBe('0.00'); // D2: no manager from 2026-04-01 to 2026-06-30
    expect(override(r, 'm1', '2026-Q3')).toBe('40.00'); // D3 4,000 x 1%: m1 again from 2026-07-01
    expect(r.warnings.map((w) => [w.code, w.payee, w.message])).toEqual([
      [
        'unknown-manager',
        'rep',
        'attributeChanges row 1: manager is "ghost", who is not among the payees: rep is calculated without a manager from 2026-04-01 until 2026-07-01, their next change of manager: nobody above rep gets roll-up credit through rep then, and rep\'s manager has no value',
      ],
    ]);
  });

  it('names the row of a manager with errors, and an empty value is no manager', () => {
    const r = run(
      plan,
      {
        payees,
        records: { deals },
        attributeChanges: [
          { payee: 'rep', attribute: 'manager', value: 'bad', from: '2026-04-01' },
          { payee: 'rep', attribute: 'manager', value: '', from: '2026-07-01' },
        ],
      },
      ['2026-Q1', '2026-Q2', '2026-Q3'],
      { mode: 'lenient' },
    );
    expect(override(r, 'm1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1%
    expect(override(r, 'm1', '2026-Q2')).toBe('0.00'); // bad's row is rejected: no manager
    expect(override(r, 'm1', '2026-Q3')).toBe('0.00'); // no manager from 2026-07-01
    expect(r.warnings.filter((w) => w.code === 'unknown-manager').map((w) => w.message)).toEqual([
      'attributeChanges row 1: manager is "bad", who has errors in payees row 3: rep is calculated without a manager from 2026-04-01 until 2026-07-01, their next change of manager: nobody above rep gets roll-up credit through rep then, and rep\'s manager has no value',
    ]);
  });

  it('two changes of manager on one day are both duplicate-key errors', () => {
    const r = run(
      plan,
      {
        payees: payees.slice(0, 2),
        records: { deals },
        attributeChanges: [
          { payee: 'rep', attribute: 'manager', value: 'm1', from: '2026-04-01' },
          { payee: 'rep', attribute: 'manager', value: '', from: '2026-04-01' },
        ],
      },
      ['2026-Q1'],
    );
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'duplicate-key'],
      [2, 'duplicate-key'],
    ]);
  });

  it('a misspelt Manager is an unknown-attribute error that names manager', () => {
    const r = run(
      plan,
      {
        payees: payees.slice(0, 2),
        records: { deals },
        attributeChanges: [{ payee: 'rep', attribute: 'Manager', value: 'm1', from: '2026-04-01' }],
      },
      ['2026-Q1'],
    );
    expect(r.errors.map((e) => e.reason)).toEqual([
      'attributeChanges row 1: attribute is "Manager", which is not an attribute of the payee block of plan "Test" (did you mean manager? it declares none)',
    ]);
  });
});

describe('a cycle of managers from a date', () => {
  const plan2 = planOf(
    quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit team from deals { to managers of owner up to 2 levels }
  commission override = team * 1%
`),
  );
  // rep -> m1 -> m2; from 2026-04-01 m2's manager is m1: m1 -> m2 -> m1.
  const data: Dataset = {
    payees: [payee('rep', {}, { manager: 'm1' }), payee('m1', {}, { manager: 'm2' }), payee('m2')],
    records: {
      deals: rows(
        { id: 'D1', owner: 'rep', amount: '1000', close_date: '2026-02-10' },
        { id: 'D2', owner: 'rep', amount: '2000', close_date: '2026-05-10' },
      ),
    },
    attributeChanges: [{ payee: 'm2', attribute: 'manager', value: 'm1', from: '2026-04-01' }],
  };

  it('credits the chain before it and no manager, with a manager-cycle warning, on its days', () => {
    const r = run(plan2, data, ['2026-Q1', '2026-Q2']);
    expect(override(r, 'm1', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1%, level 1
    expect(override(r, 'm2', '2026-Q1')).toBe('10.00'); // D1 1,000 x 1%, level 2
    expect(override(r, 'm1', '2026-Q2')).toBe('0.00'); // D2 2,000: rep is below the cycle
    expect(override(r, 'm2', '2026-Q2')).toBe('0.00');
    expect(r.warnings.map((w) => [w.code, w.period, w.message])).toEqual([
      [
        'manager-cycle',
        '2026-Q2',
        'the managers of rep go round in a cycle (m1 -> m2 -> m1), so no manager is credited for rep',
      ],
    ]);
  });
});
