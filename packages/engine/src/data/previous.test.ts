import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Results, Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { readAmount, sameStatement } from './previous.js';

const plan = planOf(
  quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw d = 1_000 USD recoverable for 2 periods`),
);

const data = {
  payees: [payee('rep')],
  records: {
    deals: rows(
      { id: 'D1', owner: 'rep', amount: '4000', close_date: '2026-01-10' },
      { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-04-10' },
    ),
  },
};

// Q1: c = 400.00 (D1 at 10%), draw tops it up to 1,000.00 (balance 600.00 owed).
const q1 = run(plan, data, ['2026-Q1']);
const copy = (results: Results): Results => JSON.parse(JSON.stringify(results));

describe('earlier results (previous)', () => {
  it('read back from a run give no errors and carry the balance', () => {
    expect(q1.statements[0]?.payout).toBe('1000.00');
    const q2 = run(plan, { ...data, previous: copy(q1) }, ['2026-Q2'], { mode: 'lenient' });
    expect(q2.errors).toEqual([]);
    // Q2: c = 2,000.00 (D2), recovers the 600.00 owed: payout 1,400.00.
    expect(q2.statements.find((s) => s.period === '2026-Q2')?.payout).toBe('1400.00');
  });

  it('with an unreadable amount are an error naming the statement and field, in both modes', () => {
    const bad = copy(q1);
    (bad.statements[0] as { earnings: { amount: string }[] }).earnings[0] = {
      ...(bad.statements[0]?.earnings[0] as { amount: string }),
      amount: '10,00',
    };
    for (const mode of ['strict', 'lenient'] as const) {
      const results = run(plan, { ...data, previous: bad }, ['2026-Q2'], { mode });
      expect(results.statements).toEqual([]);
      expect(results.errors).toEqual([
        {
          source: 'previous',
          row: 1,
          key: 'rep 2026-Q1',
          field: 'earnings[0].amount',
          code: 'bad-number',
          reason: 'previous row 1: earnings[0].amount is "10,00", which is not an amount',
        },
      ]);
    }
  });

  it('with a balance below zero are an error: a draw owed or money held back never is', () => {
    // Q1 carried 600.00 owed on d; a file edited to -600.00 would have Q2 recover a debt the
    // company owes, adding 600.00 to the rep's balance instead of taking it back.
    const bad = copy(q1);
    (bad.statements[0] as Statement).balances = { 'draw:d': '-600.00' };
    const results = run(plan, { ...data, previous: bad }, ['2026-Q2'], { mode: 'lenient' });
    expect(results.statements).toEqual([]);
    expect(results.errors.map((e) => [e.field, e.code, e.reason])).toEqual([
      [
        'balances.draw:d',
        'bad-number',
        'previous row 1: balances.draw:d is "-600.00", which is below zero (what a draw leaves owed or a holdback keeps back never is)',
      ],
    ]);
    // Zero, however written, is a balance like any other.
    (bad.statements[0] as Statement).balances = { 'draw:d': '-0.00' };
    expect(run(plan, { ...data, previous: bad }, ['2026-Q2']).errors).toEqual([]);
  });

  it('that are not results at all are one error', () => {
    const results = run(plan, { ...data, previous: { statements: 'none' } as unknown as Results }, [
      '2026-Q2',
    ]);
    expect(results.errors.map((e) => [e.source, e.field, e.code])).toEqual([
      ['previous', 'statements', 'bad-type'],
    ]);
  });

  it('are absent when null, as any optional part of the dataset (before: "is not the results of a run")', () => {
    const results = run(plan, { ...data, previous: null as unknown as Results }, ['2026-Q2'], {
      mode: 'lenient',
    });
    expect(results.errors).toEqual([]);
    // As without previous: Q2 starts from no balance; c = 2,000.00 (D2) is above the 1,000.00
    // draw, so the draw pays nothing and nothing is owed: payout 2,000.00.
    expect(results.statements.find((s) => s.period === '2026-Q2')?.payout).toBe('2000.00');
    const absent = run(plan, data, ['2026-Q2'], { mode: 'lenient' });
    expect(results.statements).toEqual(absent.statements);
  });

  it('never make calculate throw, whatever field is broken, and every break is reported', () => {
    // Paths to every field a run reads, and values that break them.
    const paths = [
      ['payee'],
      ['period'],
      ['start'],
      ['end'],
      ['earnings'],
      ['earnings', 0],
      ['earnings', 0, 'amount'],
      ['earnings', 0, 'id'],
      ['earnings', 0, 'trace'],
      ['earnings', 0, 'lines'],
      ['earnings', 0, 'lines', 0, 'amount'],
      ['earnings', 0, 'lines', 0, 'record'],
      ['adjustments'],
      ['adjustments', 0, 'amount'],
      ['adjustments', 0, 'kind'],
      ['adjustments', 0, 'trace'],
      ['balances'],
      ['balances', 'd'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom<unknown>(undefined, null, 7, 'x', '', '1e999', [], {}),
        fc.constantFrom('strict' as const, 'lenient' as const),
        (path, value, mode) => {
          const bad = copy(q1);
          let at: Record<string | number, unknown> = bad.statements[0] as unknown as Record<string, unknown>;
          for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
          const last = path[path.length - 1] as string | number;
          const before = at[last];
          // Removing a list's item leaves a shorter list (JSON has no holes).
          if (value === undefined && Array.isArray(at)) at.splice(last as number, 1);
          else if (value === undefined) delete at[last];
          else at[last] = value;
          const results = run(plan, { ...data, previous: bad }, ['2026-Q2'], { mode });
          // A value a run can read in that place is no error: the same value, another list (no
          // earnings), another trace, no balances, a line on no record, another payee, id or kind.
          const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
          const readable =
            JSON.stringify(before) === JSON.stringify(value) ||
            (Array.isArray(value) && Array.isArray(before)) ||
            (isObject(value) && (last === 'trace' || last === 'balances')) ||
            (value === undefined && (last === 'record' || Array.isArray(at))) ||
            (typeof value === 'string' && value !== '' && ['payee', 'id', 'kind'].includes(String(last)));
          if (readable) {
            expect(results.errors).toEqual([]);
            return;
          }
          expect(results.errors.length).toBeGreaterThan(0);
          expect(results.errors.every((e) => e.source === 'previous' && e.row === 1)).toBe(true);
          // The error names the broken field, or a field inside it (`earnings[0]` → `earnings[0].name`).
          const field = path.reduce<string>(
            (text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step),
            '',
          );
          expect(results.errors.some((e) => e.field?.startsWith(field))).toBe(true);
          expect(results.statements).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('of another plan', () => {
    const body = (
      currency: string,
    ) => `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line
  draw d = 1_000 ${currency} recoverable for 2 periods`;
    const planIn = (currency: string, period: string, header = '') =>
      planOf(`plan "Test" version "1" {
  currency ${currency}
  period ${period}
  effective 2026-01-01 to 2026-12-31
  ${header}
  ${body(currency)}
}`);

    it('in another currency are an error on each statement, in both modes', () => {
      const eur = run(planIn('EUR', 'quarter'), data, ['2026-Q1']);
      expect(eur.statements[0]?.currency).toBe('EUR');
      for (const mode of ['strict', 'lenient'] as const) {
        const results = run(plan, { ...data, previous: copy(eur) }, ['2026-Q2'], { mode });
        expect(results.statements).toEqual([]);
        expect(results.errors).toEqual([
          {
            source: 'previous',
            row: 1,
            key: 'rep 2026-Q1',
            field: 'currency',
            code: 'currency-mismatch',
            reason: 'previous row 1: currency is "EUR", which is not the plan currency (USD)',
          },
        ]);
      }
    });

    it('of another period kind are an error on each statement', () => {
      const monthly = run(planIn('USD', 'month'), data, ['2026-01', '2026-02']);
      const results = run(plan, { ...data, previous: copy(monthly) }, ['2026-Q2'], { mode: 'lenient' });
      expect(results.statements).toEqual([]);
      expect(results.errors.map((e) => [e.row, e.key, e.field, e.code, e.reason])).toEqual([
        [
          1,
          'rep 2026-01',
          'period',
          'bad-period',
          `previous row 1: period is "2026-01", which is a month, not a quarter (the plan's period)`,
        ],
        [
          2,
          'rep 2026-02',
          'period',
          'bad-period',
          `previous row 2: period is "2026-02", which is a month, not a quarter (the plan's period)`,
        ],
      ]);
    });

    it('of another fiscal calendar are an error: the same label is not the same period', () => {
      // With the fiscal year starting in February, 2026-Q1 is February to April.
      const february = run(planIn('USD', 'quarter', 'fiscal year starts february'), data, ['2026-Q1']);
      expect([february.statements[0]?.start, february.statements[0]?.end]).toEqual([
        '2026-02-01',
        '2026-04-30',
      ]);
      const results = run(plan, { ...data, previous: copy(february) }, ['2026-Q2']);
      expect(results.errors.map((e) => e.reason)).toEqual([
        'previous row 1: period is "2026-Q1", which runs from 2026-02-01 to 2026-04-30 in the earlier results, but from 2026-01-01 to 2026-03-31 in this plan (another fiscal calendar)',
      ]);
    });

    it('of another name are used, with a warning (plans are renamed)', () => {
      const renamed = planOf(quarterly(body('USD')).replace('plan "Test"', 'plan "Test 2026"'));
      const q2 = run(renamed, { ...data, previous: copy(q1) }, ['2026-Q2']);
      expect(q2.errors).toEqual([]);
      expect(q2.warnings.filter((w) => w.code === 'previous-plan')).toEqual([
        {
          code: 'previous-plan',
          message:
            'the earlier results (previous) are of plan "Test", not "Test 2026": they are read as this plan\'s, as after a rename (if "Test" is another plan, leave its results out)',
        },
      ]);
      // As with the plan's own results: c = 2,000.00 (D2), recovers the 600.00 owed: payout 1,400.00.
      expect(q2.statements.find((s) => s.period === '2026-Q2')?.payout).toBe('1400.00');
      // The name is data: quoted as data errors quote values, cut when long, invisible characters
      // written out.
      const named = copy(q1);
      named.meta.plan.name = `Test\u200B${'t'.repeat(300)}`;
      const cut = `"Test\\u200B${'t'.repeat(95)}…" (305 characters)`;
      expect(
        run(renamed, { ...data, previous: named }, ['2026-Q2']).warnings.find(
          (w) => w.code === 'previous-plan',
        )?.message,
      ).toBe(
        `the earlier results (previous) are of plan ${cut}, not "Test 2026": they are read as this plan's, as after a rename (if ${cut} is another plan, leave its results out)`,
      );
      // No warning when the names agree.
      const same = run(plan, { ...data, previous: copy(q1) }, ['2026-Q2']);
      expect(same.warnings.map((w) => w.code)).not.toContain('previous-plan');
    });
  });
});

describe('amounts of earlier results', () => {
  // Every kind of amount a run reads from earlier results: earning amounts (paid year to date,
  // once, recalculation), line amounts and rates (clawbacks), adjustment amounts (recalculation)
  // and balances (draws, holdbacks).
  const full = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, cancel_date: Date optional }
  credit bookings from deals { to owner }
  rate table r on bookings marginal {
    0 USD and up: 8%
  }
  commission c = tiered(bookings, r) per line
  bonus y = ytd(bookings) * 1% paid year to date
  milestone m = 100 USD when bookings > 0 USD once
  draw d = 2_000 USD recoverable for 2 periods
  holdback h = 10% of c until 2026-12-31
  clawback cx = deals cancelled on cancel_date within 90 days at original rate`),
  );
  const fullData = {
    payees: [payee('rep')],
    records: {
      deals: rows(
        { id: 'D1', owner: 'rep', amount: '10000', close_date: '2026-02-01', cancel_date: '2026-04-20' },
        { id: 'D2', owner: 'rep', amount: '20000', close_date: '2026-05-10', cancel_date: null },
      ),
    },
  };
  // Q1: c = 8% x 10,000 = 800.00 (line c:D1 at rate 0.08), y = 1% x 10,000 = 100.00, m = 100.00:
  // earned 1,000.00; draw 2,000 - 1,000 = 1,000.00 (owed 1,000.00); held 10% x 800 = 80.00.
  const first = run(full, fullData, ['2026-Q1']);
  type Json = Record<string | number, unknown>;
  /** Every amount of the statement's earnings, lines, line rates, adjustments and balances, as [holder, key]. */
  const amountsIn = (s: Json): [Json, string | number][] => {
    const found: [Json, string | number][] = [];
    for (const e of s.earnings as Json[]) {
      found.push([e, 'amount']);
      for (const l of e.lines as Json[]) {
        found.push([l, 'amount']);
        if (l.rate !== undefined) found.push([l, 'rate']);
      }
    }
    for (const a of s.adjustments as Json[]) found.push([a, 'amount']);
    for (const name of Object.keys(s.balances as Json)) found.push([s.balances as Json, name]);
    return found;
  };

  it('are read with surrounding spaces as the check reads them, never thrown on', () => {
    const q1s = first.statements[0] as Statement;
    expect([q1s.payout, q1s.balances]).toEqual(['1920.00', { 'draw:d': '1000.00', 'holdback:h': '80.00' }]);
    const spaced = copy(first);
    const holders = amountsIn(spaced.statements[0] as unknown as Json);
    // c, its line and rate, y, m, their lines, the draw and holdback lines, two balances.
    expect(holders.length).toBe(11);
    for (const [holder, key] of holders) holder[key] = ` ${holder[key]} `;
    for (const periods of [['2026-Q2'], ['2026-Q1', '2026-Q2']]) {
      const clean = run(full, { ...fullData, previous: copy(first) }, periods);
      const padded = run(full, { ...fullData, previous: spaced }, periods);
      expect(padded.errors).toEqual([]);
      const q2 = padded.statements.find((s) => s.period === '2026-Q2') as Statement;
      expect(q2).toEqual(clean.statements.find((s) => s.period === '2026-Q2'));
      // Q2: c = 8% x 20,000 = 1,600.00; y = 1% x 30,000 - 100.00 paid in Q1 = 200.00; m was paid in
      // Q1 (once): 0. Earned 1,800.00. D1 (closed 2026-02-01, cancelled 2026-04-20, 78 days) is
      // clawed back at its Q1 line: -800.00 at 8%. Held 10% x 1,600 = 160.00 (240.00 held). Draw
      // period 2: 2,000 - 1,800 = 200.00 (owed 1,200.00). Payout 1,800 + 200 - 160 - 800 = 1,040.00.
      expect(q2.adjustments.map((a) => [a.id, a.amount])).toEqual([
        ['draw:d', '200.00'],
        ['holdback:h', '-160.00'],
        ['clawback:cx:D1', '-800.00'],
      ]);
      expect(q2.earnings.map((e) => e.amount)).toEqual(['1600.00', '200.00', '0.00']);
      expect([q2.payout, q2.balances]).toEqual(['1040.00', { 'draw:d': '1200.00', 'holdback:h': '240.00' }]);
      expect(q2.adjustments[2]?.trace.text).toContain('at the original rate 8% (c)');
    }
  });

  it('a line rate or trace that cannot be read is an error, a line without a trace is read', () => {
    const withLine = (change: (line: Json) => void): Results => {
      const bad = copy(first);
      const line = ((bad.statements[0] as unknown as Json).earnings as Json[])[0]?.lines as Json[];
      change(line[0] as Json);
      return run(full, { ...fullData, previous: bad }, ['2026-Q2']);
    };
    expect(withLine((l) => (l.rate = '8%')).errors.map((e) => e.reason)).toEqual([
      'previous row 1: earnings[0].lines[0].rate is "8%", which is not an amount',
    ]);
    expect(withLine((l) => (l.trace = null)).errors.map((e) => e.reason)).toEqual([
      'previous row 1: earnings[0].lines[0].trace is not an object',
    ]);
    // Without a trace the line has no tier: the rate reads as written (0.08), and D1 is clawed back.
    const bare = withLine((l) => delete l.trace);
    expect(bare.errors).toEqual([]);
    const claw = bare.statements.find((s) => s.period === '2026-Q2')?.adjustments[2];
    expect([claw?.amount, claw?.trace.text?.endsWith('at the original rate 0.08 (c)')]).toEqual([
      '-800.00',
      true,
    ]);
  });

  it('are accepted by the check exactly when the run reads them, whatever the text', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\t', '\n', '+', '-', ' -'),
        fc.stringMatching(/^(\d{1,6}(\.\d{0,3})?|\.\d{1,3})([eE][+-]?\d{1,2})?$/),
        fc.constantFrom('', ' ', '\t', ' USD', '%', ',0', '\u00a0'),
      )
      .map(([a, b, c]) => `${a}${b}${c}`);
    const text = fc.oneof(
      decimal,
      fc.string(),
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1e31', '1e-31', '١٠٠', ''),
    );
    const holders = amountsIn(first.statements[0] as unknown as Json).length;
    fc.assert(
      fc.property(
        fc.nat(holders - 1),
        text,
        fc.constantFrom(['2026-Q2'], ['2026-Q1', '2026-Q2']),
        (at, value, periods) => {
          const changed = copy(first);
          const [holder, key] = amountsIn(changed.statements[0] as unknown as Json)[at] as [Json, string];
          holder[key] = value;
          const results = run(full, { ...fullData, previous: changed }, [...periods], { mode: 'lenient' });
          const amount = readAmount(value);
          // A balance below zero reads as an amount but is an error (a draw owed or money held back never is).
          const balance = holder === (changed.statements[0] as unknown as Json).balances;
          const accepted = amount !== undefined && !(balance && amount.isNegative() && !amount.isZero());
          expect(results.errors.length === 0).toBe(accepted);
          if (accepted) expect(results.statements.some((s) => s.period === '2026-Q2')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('earlier results holding a statement twice', () => {
  type Json = Record<string, unknown>;
  // A Q1 statement made by hand, with only what a run reads: c = 10% x 4,000 = 400.00 on D1, the
  // draw's 1,000 - 400 = 600.00, owed 600.00.
  const hand = {
    payee: 'rep',
    period: '2026-Q1',
    start: '2026-01-01',
    end: '2026-03-31',
    earnings: [
      {
        id: 'c',
        name: 'c',
        amount: '400',
        trace: {},
        lines: [{ amount: '400', record: { source: 'deals', key: 'D1' } }],
      },
    ],
    adjustments: [{ kind: 'draw', id: 'draw:d', amount: '600', trace: {} }],
    balances: { 'draw:d': '600' },
  } as unknown as Statement;
  // Run [Q1, Q2] on it: Q1 comes back as reported, completed (name, credits, kind, traces, earned,
  // payout...); Q2: c = 10% x 20,000 = 2,000.00, minus the 600.00 recovered: 1,400.00.
  const r2 = run(plan, { ...data, previous: { statements: [hand] } as unknown as Results }, [
    '2026-Q1',
    '2026-Q2',
  ]);
  const completed = r2.statements.find((s) => s.period === '2026-Q1') as Statement;
  const only = run(plan, { ...data, previous: copy(r2) }, ['2026-Q3']);

  it('once made by hand and once as a run returned it are one statement, whatever their order', () => {
    expect(r2.statements.find((s) => s.period === '2026-Q2')?.payout).toBe('1400.00');
    expect(completed).toMatchObject({ payeeName: 'REP', reported: true, payout: '1000.00' });
    expect(sameStatement(hand, completed)).toBe(true);
    for (const statements of [
      [hand, ...copy(r2).statements],
      [...copy(r2).statements, hand],
    ]) {
      for (const mode of ['strict', 'lenient'] as const) {
        const q3 = run(plan, { ...data, previous: { statements } as unknown as Results }, ['2026-Q3'], {
          mode,
        });
        expect(q3.errors).toEqual([]);
        // Q3: no deal, the draw's 2 periods are over: 0.00, as with the run's results alone.
        expect(q3.statements).toEqual(only.statements);
        expect(q3.statements[0]?.payout).toBe('0.00');
      }
    }
  });

  it('compare amounts by their value, and parts a run fills in only where one copy lacks them', () => {
    const spaced = copy({ statements: [completed] } as unknown as Results).statements[0] as Statement;
    (spaced.earnings[0] as { amount: string }).amount = ' 400.00';
    expect(sameStatement(completed, spaced)).toBe(true);
    // What a run reads and never fills in, or fills in with another value, differs.
    const differ = (change: (s: Json) => void) => {
      const other = JSON.parse(JSON.stringify(hand)) as Json;
      change(other);
      return !sameStatement(other, completed) && !sameStatement(completed, other);
    };
    expect(differ((s) => Object.assign(s.balances as Json, { 'draw:d': '500' }))).toBe(true);
    expect(differ((s) => Object.assign(s.balances as Json, { 'holdback:h': '0' }))).toBe(true);
    expect(differ((s) => Object.assign((s.earnings as Json[])[0] as Json, { estimate: '10.00' }))).toBe(true);
    expect(
      differ((s) =>
        Object.assign(((s.earnings as Json[])[0] as { lines: Json[] }).lines[0] as Json, { rate: '0.1' }),
      ),
    ).toBe(true);
    expect(differ((s) => Object.assign(s, { payout: '1.00' }))).toBe(true);
    expect(differ((s) => Object.assign(s, { payout: '1000.00', estimatedPayout: '1000.00' }))).toBe(false);
  });

  it('compare estimated corrections of closed periods line by line, amounts by their value', () => {
    const line = {
      id: 'recalculation:2026-Q1:earning:c:estimate',
      kind: 'recalculation',
      name: 'c',
      amount: '400.00',
      trace: {},
    };
    const shown = (amount: string) =>
      ({ ...completed, estimatedAdjustments: [{ ...line, amount }] }) as unknown as Statement;
    expect(sameStatement(shown('400.00'), shown('400'))).toBe(true);
    expect(sameStatement(shown('400.00'), shown('500.00'))).toBe(false);
  });

  it('that differ are an error naming both, in both modes', () => {
    // The same Q1 paying 500.00 instead of 400.00: nothing says which was paid.
    const other = JSON.parse(JSON.stringify(hand)) as Json;
    ((other.earnings as Json[])[0] as Json).amount = '500';
    const statements = [...copy(r2).statements, other];
    for (const mode of ['strict', 'lenient'] as const) {
      const q3 = run(plan, { ...data, previous: { statements } as unknown as Results }, ['2026-Q3'], {
        mode,
      });
      expect(q3.statements).toEqual([]);
      expect(q3.errors.map((e) => [e.code, e.reason])).toEqual([
        [
          'duplicate-key',
          'previous row 3: is a second statement of rep in 2026-Q1, different from statements[0] (row 1): nothing says which was paid',
        ],
      ]);
      // The first statement's row is on the error too (statements[0] is row 1), so that a host
      // can name it without reading the reason.
      expect(q3.errors.map((e) => [e.row, e.otherRow])).toEqual([[3, 1]]);
    }
  });
});
