/**
 * Bad input as JavaScript can pass it to `calculate`, beyond what JSON or CSV can hold: lists with
 * holes, `NaN` and `Infinity`, objects without a prototype, attribute names that are names of
 * `Object.prototype`, cycles. Each is a data error naming source, row and field, never a throw and
 * never a row that disappears.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, dataHash } from '../results/hash.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, run } from '../test-support.js';
import type { DataRecord, Dataset, Payee, RawValue } from './dataset.js';

const plan = planOf(
  quarterly(`source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    won: Boolean optional
    note: Text optional
  }
  payee { quota: Money, start: Date }
  quota q = payee.quota
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  adjustment manual from data`),
);

const rep = (id = 'rep', extra: Partial<Payee> = {}) =>
  payee(id, { quota: '1000', start: '2026-01-01' }, extra);
const deal = (id: string, values: Record<string, unknown> = {}): DataRecord =>
  ({ values: { id, owner: 'rep', amount: '100', close_date: '2026-01-10', ...values } }) as DataRecord;
const EMPTY = 'the row is empty';

/** A list with a hole at index 1: `[a, , b]`. */
function holed<T>(a: T, b: T): T[] {
  const list = [a, b, b];
  delete list[1];
  return list;
}

const reasons = (results: Results) => results.errors.map((e) => e.reason);
const bare = () => Object.create(null) as Record<string, unknown>;

describe('holes in lists', () => {
  it('a hole among records is an empty row: an error in strict mode, rejected in lenient mode', () => {
    const deals = holed(deal('D1'), deal('D3'));
    deals[2] = deal('D3');
    const strict = run(plan, { payees: [rep()], records: { deals } }, ['2026-Q1']);
    expect(strict.errors).toEqual([
      { source: 'deals', row: 2, code: 'bad-type', reason: `deals row 2: ${EMPTY}` },
    ]);
    expect(strict.statements).toEqual([]);
    const lenient = run(plan, { payees: [rep()], records: { deals } }, ['2026-Q1'], { mode: 'lenient' });
    expect(lenient.rejected.map((r) => [r.source, r.row])).toEqual([['deals', 2]]);
    // D1 and D3 are read: 10% of 100 each.
    const c = lenient.statements[0]?.earnings.find((e) => e.name === 'c');
    expect(c?.lines.map((l) => [l.id, l.amount])).toEqual([
      ['c:D1', '10.00'],
      ['c:D3', '10.00'],
    ]);
  });

  const parts: [string, Partial<Dataset>][] = [
    ['payees', { payees: holed(rep(), rep('rep2')) }],
    [
      'fx',
      {
        fx: holed(
          { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.1' },
          { from: 'EUR', to: 'USD', date: '2026-02-01', rate: '1.2' },
        ),
      },
    ],
    [
      'adjustments',
      {
        adjustments: holed(
          { id: 'A1', payee: 'rep', period: '2026-Q1', amount: '5', reason: 'x' },
          { id: 'A3', payee: 'rep', period: '2026-Q1', amount: '5', reason: 'y' },
        ),
      },
    ],
    [
      'attributeChanges',
      {
        attributeChanges: holed(
          { payee: 'rep', attribute: 'quota', value: '2000', from: '2026-02-01' },
          { payee: 'rep', attribute: 'quota', value: '3000', from: '2026-03-01' },
        ),
      },
    ],
    [
      'quotas',
      {
        quotas: holed(
          { payee: 'rep', quota: 'q', period: '2026-Q1', amount: '1' },
          { payee: 'rep', quota: 'q', period: '2026-Q2', amount: '1' },
        ),
      },
    ],
    [
      'territoryAssignments',
      {
        territoryAssignments: holed(
          { payee: 'rep', territory: 'T', role: 'primary' as const },
          { payee: 'rep', territory: 'T', role: 'primary' as const },
        ),
      },
    ],
  ];
  it.each(parts)('a hole in %s is an empty row of its part, never a throw', (part, data) => {
    for (const mode of ['strict', 'lenient'] as const) {
      const results = run(plan, { payees: [rep()], records: { deals: [deal('D1')] }, ...data }, ['2026-Q1'], {
        mode,
      });
      const listed = mode === 'strict' ? results.errors : results.rejected.flatMap((r) => r.errors);
      expect(listed.filter((e) => e.row === 2)).toContainEqual({
        source: part,
        row: 2,
        code: 'bad-type',
        reason: `${part} row 2: ${EMPTY}`,
      });
    }
  });

  it('a hole in the data hash is hashed as null, not skipped', () => {
    const full = { payees: [rep(), null, rep('rep2')], records: {} } as unknown as Dataset;
    const holes = { payees: holed(rep(), rep('rep2')), records: {} } as Dataset;
    expect(dataHash(holes)).toBe(dataHash(full));
    expect(dataHash(holes)).not.toBe(dataHash({ payees: [rep(), rep('rep2')], records: {} }));
  });
});

describe('NaN and Infinity given as JavaScript numbers', () => {
  const cases: [string, Partial<Dataset>, string][] = [
    [
      'a record key',
      { records: { deals: [deal(Number.NaN as unknown as string)] } },
      'deals row 1: id is NaN, which is not a text',
    ],
    [
      'a Payee field',
      { records: { deals: [deal('D1', { owner: Number.POSITIVE_INFINITY })] } },
      'deals row 1: owner is Infinity, which is not a text',
    ],
    [
      'a Text field',
      { records: { deals: [deal('D1', { note: Number.NEGATIVE_INFINITY })] } },
      'deals row 1: note is -Infinity, which is not a text',
    ],
    [
      'a payee id',
      { payees: [{ ...rep(), id: Number.NaN as unknown as string }] },
      'payees row 1: id is NaN, which is not an id (a text)',
    ],
    [
      'a payee name',
      { payees: [rep('rep', { name: Number.NaN as unknown as string })] },
      'payees row 1: name is NaN, which is not a text',
    ],
    [
      'a manager',
      { payees: [rep('rep', { manager: Number.NaN as unknown as string })] },
      'payees row 1: manager is NaN, which is not a text',
    ],
    [
      'an adjustment payee',
      {
        adjustments: [
          { id: 'A1', payee: Number.NaN as unknown as string, period: '2026-Q1', amount: '5', reason: 'x' },
        ],
      },
      'adjustments row 1: payee is NaN, which is not a text',
    ],
    [
      'an adjustment currency',
      {
        adjustments: [
          {
            id: 'A1',
            payee: 'rep',
            period: '2026-Q1',
            amount: '5',
            reason: 'x',
            currency: Number.NaN as unknown as string,
          },
        ],
      },
      'adjustments row 1: currency is NaN, which is not a text',
    ],
    [
      'a change of manager',
      { attributeChanges: [{ payee: 'rep', attribute: 'manager', value: Number.NaN, from: '2026-02-01' }] },
      'attributeChanges row 1: value is NaN, which is not a text',
    ],
  ];
  it.each(cases)('in %s is a bad-type error, never the text "NaN"', (_what, data, reason) => {
    const results = run(plan, { payees: [rep()], records: { deals: [deal('D1')] }, ...data }, ['2026-Q1']);
    expect(results.errors.map((e) => [e.code, e.reason])).toContainEqual(['bad-type', reason]);
    expect(results.statements).toEqual([]);
    expect(results.warnings).toEqual([]);
  });

  it('where a number is expected, is reported and never used', () => {
    for (const amount of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const results = run(plan, { payees: [rep()], records: { deals: [deal('D1', { amount })] } }, [
        '2026-Q1',
      ]);
      expect(reasons(results)).toEqual([
        `deals row 1: amount is ${amount}, which is not an amount (write it like 1200.50 or 1200.50 EUR)`,
      ]);
    }
  });
});

describe('attribute names that are names of Object.prototype', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a change of %s is an unknown attribute, said plainly, and pollutes nothing',
    (attribute) => {
      const results = run(
        plan,
        {
          payees: [rep()],
          records: { deals: [deal('D1')] },
          attributeChanges: [{ payee: 'rep', attribute, value: '{"polluted":true}', from: '2026-02-01' }],
        },
        ['2026-Q1'],
      );
      expect(results.errors).toEqual([
        {
          source: 'attributeChanges',
          row: 1,
          field: 'attribute',
          code: 'unknown-attribute',
          reason: `attributeChanges row 1: attribute is "${attribute}", which is not an attribute of the payee block of plan "Test" (its attributes: quota, start)`,
        },
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.toString.call([])).toBe('[object Array]');
    },
  );
});

describe('objects without a prototype', () => {
  it('as a record, its values and a value: read or reported, never a throw', () => {
    const values = Object.assign(bare(), deal('D1').values, { note: bare(), extra: bare() });
    const record = Object.assign(bare(), { values });
    const results = run(plan, { payees: [rep()], records: { deals: [record as DataRecord] } }, ['2026-Q1']);
    expect(reasons(results)).toEqual(['deals row 1: note is an object, which is not a text']);
  });

  it('as a payee attribute, a Boolean and an amount: reported with their field', () => {
    const payees = [payee('rep', { quota: bare() as unknown as RawValue, start: '2026-01-01' })];
    const deals = [deal('D1', { won: bare(), amount: bare() })];
    expect(reasons(run(plan, { payees, records: { deals } }, ['2026-Q1']))).toEqual([
      'deals row 1: amount is an object, which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      'deals row 1: owner is "rep", who has errors in payees row 1',
      'deals row 1: won is an object, which is not true or false',
      'payees row 1: quota is an object, which is not an amount (write it like 1200.50 or 1200.50 EUR)',
    ]);
  });

  it('in an undeclared column: ignored by validation, hashed by its contents', () => {
    const a = deal('D1', { extra: Object.assign(bare(), { x: 1 }) });
    const b = deal('D1', { extra: Object.assign(bare(), { x: 2 }) });
    const data = (d: DataRecord): Dataset => ({ payees: [rep()], records: { deals: [d] } });
    expect(run(plan, data(a), ['2026-Q1']).errors).toEqual([]);
    expect(dataHash(data(a))).not.toBe(dataHash(data(b)));
  });
});

describe('values nested without end', () => {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];

  it('in a record or a payee: reported where declared, ignored where not, never a stack overflow', () => {
    const data: Dataset = {
      payees: [{ ...rep(), extra: deep } as Payee],
      records: { deals: [deal('D1', { note: deep }), deal('D2', { extra: deep })] },
    };
    const results = run(plan, data, ['2026-Q1'], { mode: 'lenient' });
    expect(results.rejected.flatMap((r) => r.errors.map((e) => e.reason))).toEqual([
      'deals row 1: note is a list, which is not a text',
    ]);
    expect(results.statements.length).toBe(1);
  });

  it('in earlier results: an error naming where', () => {
    const results = run(
      plan,
      { payees: [rep()], records: {}, previous: { statements: [], x: deep } as unknown as Results },
      ['2026-Q1'],
    );
    expect(results.errors.map((e) => [e.source, e.code, e.reason.replace(/x(\[0\])+/, 'x[0]…')])).toEqual([
      [
        'previous',
        'bad-type',
        'previous row 1: x[0]… is nested more than 1000 levels deep: earlier results are data, read as JSON',
      ],
    ]);
  });
});

describe('earlier results (previous) given from JavaScript', () => {
  const data = {
    payees: [rep()],
    records: { deals: [deal('D1'), deal('D2', { close_date: '2026-04-10' })] },
  };
  const q1 = run(plan, data, ['2026-Q1']);
  const copy = (): Results => JSON.parse(JSON.stringify(q1));
  const q2 = (previous: unknown) =>
    run(plan, { ...data, previous: previous as Results }, ['2026-Q2'], { mode: 'lenient' });

  it('read back give no errors (the baseline of the cases below)', () => {
    expect(q1.statements.length).toBe(1);
    expect(q2(copy()).errors).toEqual([]);
  });

  it('a hole among the statements is an error of its place, not a period left out', () => {
    const previous = copy();
    const [first] = previous.statements as [Results['statements'][0]];
    previous.statements = holed(first, first);
    const results = q2(previous);
    expect(results.errors.map((e) => [e.source, e.row, e.reason])).toContainEqual([
      'previous',
      2,
      'previous row 2: the statement is not an object',
    ]);
    expect(results.statements).toEqual([]);
  });

  it('a hole among the earnings is named by its place', () => {
    const previous = copy();
    const s = previous.statements[0] as { earnings: unknown[] };
    s.earnings = holed(s.earnings[0], s.earnings[0]);
    expect(reasons(q2(previous))).toContain('previous row 1: earnings[1] is empty');
  });

  it('an object where an amount or a date is expected is named as an object, not "[object Object]"', () => {
    const previous = copy();
    const s = previous.statements[0] as unknown as { earnings: { amount: unknown }[]; start: unknown };
    (s.earnings[0] as { amount: unknown }).amount = { value: '10' };
    s.start = bare();
    expect(reasons(q2(previous))).toEqual([
      'previous row 1: earnings[0].amount is an object, which is not an amount',
      'previous row 1: start is an object, which is not a date (write it as YYYY-MM-DD)',
    ]);
  });

  it('a blank payee is an error of the statement', () => {
    const previous = copy();
    (previous.statements[0] as { payee: string }).payee = '  ';
    expect(q2(previous).errors.map((e) => [e.source, e.row, e.field, e.reason])).toEqual([
      ['previous', 1, 'payee', 'previous row 1: payee is blank'],
    ]);
  });

  it("an earning's trace inputs that are not a list are an error, not a throw", () => {
    const previous = copy();
    const earning = (previous.statements[0] as { earnings: { trace: { inputs: unknown } }[] }).earnings[0];
    (earning as { trace: { inputs: unknown } }).trace.inputs = 5;
    expect(reasons(q2(previous))).toEqual(['previous row 1: earnings[0].trace.inputs is not a list']);
  });

  it('a cycle is reported, not followed without end', () => {
    const previous = copy();
    const trace = (previous.statements[0] as unknown as { earnings: { trace: Record<string, unknown> }[] })
      .earnings[0]?.trace;
    if (trace) trace.self = trace;
    const results = q2(previous);
    expect(results.errors.map((e) => [e.source, e.field, e.reason])).toEqual([
      [
        'previous',
        'statements[0].earnings[0].trace.self',
        'previous row 1: statements[0].earnings[0].trace.self contains itself (a cycle): earlier results are data, read as JSON',
      ],
    ]);
    expect(canonicalJson(previous)).toContain('"self":"[circular]"');
  });

  it('a statement of a payee who is not among the payees is a warning naming it', () => {
    const previous = copy();
    previous.statements.push({
      ...(previous.statements[0] as object),
      payee: 'gone',
    } as Results['statements'][0]);
    const results = q2(previous);
    expect(results.errors).toEqual([]);
    // The plan carries no balance: there is nothing to recover or pay out, only nothing calculated.
    expect(results.warnings.filter((w) => w.code === 'unknown-previous-payee')).toEqual([
      {
        payee: 'gone',
        code: 'unknown-previous-payee',
        message:
          'the earlier results (previous) hold statements of gone, who is not among the payees: this run calculates nothing for them',
      },
    ]);
  });
});
