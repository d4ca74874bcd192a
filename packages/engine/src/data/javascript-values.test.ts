/**
 * A dataset built in JavaScript may hold what JSON cannot: holes in lists, NaN and the
 * infinities, BigInts, symbols, objects without a prototype, cycles, names such as `__proto__`.
 * None of it throws, and none of it is read as data silently: each is an error of its row (or of
 * the earlier results), or a warning.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PREVIOUS } from '../data/previous.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, run, statement } from '../test-support.js';
import type { DataRecord, Dataset, Payee } from './dataset.js';

const plan = planOf(
  quarterly(`source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  payee { region: Text optional }
  credit bookings from deals { to owner }
  commission c = bookings * 10%
  draw d = 1_000 USD recoverable`),
);

const deal = (row: number, values: Record<string, unknown>): DataRecord =>
  ({
    row,
    values: { id: `D${row}`, owner: 'a', amount: '1000', close_date: '2026-02-10', ...values },
  }) as DataRecord;

const lenient = (data: Partial<Dataset>) =>
  run(plan, { payees: [payee('a')], ...data }, ['2026-Q1'], { mode: 'lenient' });

const reasons = (results: Results) => results.rejected.flatMap((r) => r.errors.map((e) => e.reason));

describe('values only JavaScript has', () => {
  it('makes a hole in the list of payees an error of its row', () => {
    const payees: Payee[] = [payee('a')];
    payees[2] = payee('b');
    const results = lenient({ payees });
    expect(reasons(results)).toEqual(['payees row 2: the row is empty']);
    expect(results.statements.map((s) => s.payee)).toEqual(['a', 'b']);
    expect(reasons(lenient({ payees: [payee('a'), 'b' as unknown as Payee] }))).toEqual([
      'payees row 2: the payee is not an object',
    ]);
  });

  it('reads NaN and the infinities as no id, owner or text', () => {
    const results = lenient({
      payees: [payee('a'), { id: Number.NaN, name: 'N', attributes: {} } as unknown as Payee],
      records: {
        deals: [deal(1, { id: Number.NaN }), deal(2, { owner: Number.POSITIVE_INFINITY }), deal(3, {})],
      },
    });
    expect(reasons(results)).toEqual([
      'deals row 1: id is NaN, which is not a text',
      'deals row 2: owner is Infinity, which is not a text',
      'payees row 2: id is NaN, which is not an id (a text)',
    ]);
    // Deal 3 alone is paid: 1,000 x 10% = 100, and the draw tops it up to 1,000.
    expect(statement(results, 'a', '2026-Q1').earned).toBe('100.00');
  });

  it('names a BigInt, a symbol and an object without a prototype, and reads a row of values without one', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
      id: 'D9',
      owner: 'a',
      amount: '2500',
      close_date: '2026-03-01',
    });
    const results = lenient({
      records: {
        deals: [
          deal(1, { amount: 10n }),
          deal(2, { amount: Symbol('x') }),
          deal(3, { amount: Object.create(null) }),
          { row: 4, values: bare } as DataRecord,
        ],
      },
    });
    const why = 'which is not an amount (write it like 1200.50 or 1200.50 EUR)';
    expect(reasons(results)).toEqual([
      `deals row 1: amount is 10n (a BigInt), ${why}`,
      `deals row 2: amount is a symbol, ${why}`,
      `deals row 3: amount is an object, ${why}`,
    ]);
    expect(statement(results, 'a', '2026-Q1').earned).toBe('250.00');
  });

  it('does not take names every object inherits for attributes', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const results = lenient({
        attributeChanges: [{ row: 1, payee: 'a', attribute: name, value: 'x', from: '2026-01-01' }],
      });
      expect(reasons(results)).toEqual([
        `attributeChanges row 1: attribute is "${name}", which is not an attribute of the payee block of plan "Test" (its attributes: region)`,
      ]);
    }
  });

  it('makes a hole, a cycle or an object balance in the earlier results an error of the earlier results', () => {
    const q1 = lenient({ records: { deals: [deal(1, {})] } });
    const holed = { ...q1, statements: [] as unknown[] };
    holed.statements[1] = q1.statements[0];
    const withHole = run(plan, { payees: [payee('a')], previous: holed as Results }, ['2026-Q2']);
    expect(withHole.errors.map((e) => [e.source, e.row, e.reason])).toContainEqual([
      PREVIOUS,
      1,
      'previous row 1: the statement is not an object',
    ]);

    const looped = structuredClone(q1) as Results & { statements: Record<string, unknown>[] };
    (looped.statements[0] as Record<string, unknown>).self = looped;
    const withLoop = run(plan, { payees: [payee('a')], previous: looped }, ['2026-Q2']);
    expect(withLoop.statements).toEqual([]);
    expect(withLoop.errors.map((e) => e.reason)).toEqual([
      'previous row 1: statements[0].self contains itself (a cycle): earlier results are data, read as JSON',
    ]);

    const bare = structuredClone(q1) as Results & { statements: Record<string, unknown>[] };
    (bare.statements[0] as { balances: Record<string, unknown> }).balances['draw:d'] = Object.create(null);
    const withObject = run(plan, { payees: [payee('a')], previous: bare }, ['2026-Q2']);
    expect(withObject.statements).toEqual([]);
    expect(withObject.errors.map((e) => e.reason)).toEqual([
      'previous row 1: balances.draw:d is an object, which is not an amount',
    ]);
  });

  it('warns when the earlier results hold statements of a payee the data does not have', () => {
    // Q1: a earns 100.00 and the draw advances 900.00, owed from then on.
    const q1 = lenient({ records: { deals: [deal(1, {})] } });
    expect(statement(q1, 'a', '2026-Q1').balances).toEqual({ 'draw:d': '900.00' });
    const q2 = run(plan, { payees: [payee('b')], previous: q1 }, ['2026-Q2']);
    expect(q2.warnings.filter((w) => w.code === 'unknown-previous-payee')).toEqual([
      {
        payee: 'a',
        code: 'unknown-previous-payee',
        message:
          'the earlier results (previous) hold statements of a, who is not among the payees: the balances of 2026-Q1 (draw:d 900.00) are neither recovered nor paid out by this run',
      },
    ]);
    const kept = run(plan, { payees: [payee('a'), payee('b')], previous: q1 }, ['2026-Q2']);
    expect(kept.warnings.filter((w) => w.code === 'unknown-previous-payee')).toEqual([]);
  });

  // Anything fast-check makes, put where a row, a value or a statement is read.
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withNullPrototype: true,
    withSparseArray: true,
    withObjectString: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    maxDepth: 2,
  });
  test.prop(
    [
      fc.array(
        fc.tuple(
          fc.constantFrom('id', 'owner', 'amount', 'close_date', 'row', 'values', 'hypothetical'),
          anything,
        ),
        { maxLength: 6 },
      ),
      anything,
      anything,
    ],
    { numRuns: 150 },
  )('never throws, and every deal row is paid or rejected', (damage, payeeEntry, previous) => {
    const deals = [deal(1, {}), deal(2, {}), deal(3, {})] as unknown as Record<string, unknown>[];
    damage.forEach(([field, value], i) => {
      const target = deals[i % deals.length] as Record<string, unknown>;
      if (field === 'row' || field === 'values' || field === 'hypothetical') target[field] = value;
      else if (target.values !== null && typeof target.values === 'object')
        (target.values as Record<string, unknown>)[field] = value;
    });
    const payees = [payee('a'), payeeEntry as Payee];
    const results = lenient({
      payees,
      records: { deals: deals as unknown as DataRecord[] },
      previous: previous as Results,
    });
    if (results.errors.length > 0) {
      // Only errors in the earlier results stop a lenient run (it then lists every error), and
      // nothing is paid.
      expect(results.errors.some((e) => e.source === PREVIOUS)).toBe(true);
      expect(results.statements).toEqual([]);
      return;
    }
    const credited = results.statements.flatMap((s) =>
      s.credits.flatMap((c) => c.lines.map((l) => l.record.row)),
    );
    const rejected = results.rejected.filter((r) => r.source === 'deals').map((r) => r.row);
    expect(credited.length + rejected.length).toBe(deals.length);
  });
});
