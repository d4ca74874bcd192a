import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '@attain/dsl';
import { type AdjustmentLine, calculate, type Results, type Statement, type Trace } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { loadData } from '../data/load-data.js';
import { createNodeIo } from '../io.js';
import { repoRoot } from '../test-support/run.js';
import { Progress } from './progress.js';
import { formatStatements, StatementTable } from './statement-table.js';
import { createStyle } from './style.js';

const trace = {} as Trace;
const plain = { width: 100, style: createStyle(false) };

/** A statement of one earning and the adjustments given, in USD; payout = earned + adjustments. */
function statement(
  payee: string,
  payeeName: string,
  period: string,
  earning: { label: string; amount: string },
  payout: string,
  adjustments: AdjustmentLine[] = [],
  reported?: boolean,
): Statement {
  const [start, end] = period === '2026-Q1' ? ['2026-01-01', '2026-03-31'] : ['2026-04-01', '2026-06-30'];
  return {
    payee,
    payeeName,
    period,
    start,
    end,
    currency: 'USD',
    ...(reported && { reported }),
    credits: [],
    measures: [],
    quotas: [],
    earnings: [
      {
        id: 'e',
        name: 'e',
        label: earning.label,
        kind: 'bonus',
        amount: earning.amount,
        estimate: '0',
        lines: [],
        trace,
      },
    ],
    earned: earning.amount,
    adjustments,
    payout,
    estimatedPayout: payout,
    balances: {},
    metrics: [],
    signals: [],
    trace,
  };
}

function results(statements: Statement[]): Results {
  return {
    meta: { currency: 'USD' } as Results['meta'],
    errors: [],
    rejected: [],
    warnings: [],
    statements,
  };
}

/** The table of `statements` added one by one, as `attain run` streams them. */
function streamed(statements: readonly Statement[], options = plain): string {
  const table = new StatementTable();
  for (const s of statements) table.add(s);
  return table.format('USD', options);
}

describe('the statement table, built one statement at a time', () => {
  // Ada's 2026-Q1 was paid by an earlier run (reported): shown, left out of the totals.
  const adaQ1 = statement(
    'ae-1',
    'Ada Lovelace',
    '2026-Q1',
    { label: 'Bonus', amount: '1000' },
    '1000',
    [],
    true,
  );
  const adaQ2 = statement('ae-1', 'Ada Lovelace', '2026-Q2', { label: 'Bonus', amount: '500' }, '500');
  const clawback: AdjustmentLine = {
    id: 'manual:ADJ-1',
    kind: 'manual',
    name: 'ADJ-1',
    amount: '-100.5',
    reason: 'Clawback D9',
    trace,
  };
  const grace = statement(
    'ae-2',
    'Grace Hopper',
    '2026-Q2',
    { label: 'Quarterly accelerator bonus for renewals', amount: '12345678.9' },
    '12345578.4',
    [clawback],
  );

  it('lays out every statement in the widest columns of all, and totals what the run pays', () => {
    // Labels: "  Quarterly accelerator bonus for renewals" is 42 characters, + 2 = a label column of
    // 44 (more than the least, 24), for Ada's statements too. Amounts: 12,345,678.90 is 13
    // characters (more than the least, 12). Totals leave out Ada's reported Q1: earned 500 +
    // 12,345,678.90 = 12,346,178.90; adjustments -100.50; payout 500 + 12,345,578.40 = 12,346,078.40.
    const expected = `Ada Lovelace (ae-1)  2026-Q1 (2026-01-01 to 2026-03-31)  (as reported, paid earlier)
  Earnings
    Bonus                                          1,000.00
  Earned                                           1,000.00
  Payout                                           1,000.00   USD, paid earlier

Ada Lovelace (ae-1)  2026-Q2 (2026-04-01 to 2026-06-30)
  Earnings
    Bonus                                            500.00
  Earned                                             500.00
  Payout                                             500.00   USD

Grace Hopper (ae-2)  2026-Q2 (2026-04-01 to 2026-06-30)
  Earnings
    Quarterly accelerator bonus for renewals  12,345,678.90
  Earned                                      12,345,678.90
  Adjustments
    ADJ-1                                           -100.50   manual, ADJ-1, Clawback D9
  Payout                                      12,345,578.40   USD

Total of 2 statements paid by this run (not counting 1 as reported, paid earlier): earned 12,346,178.90, adjustments -100.50, payout 12,346,078.40 USD
`;
    const all = [adaQ1, adaQ2, grace];
    expect(streamed(all)).toBe(expected);
    expect(formatStatements(results(all), plain)).toBe(expected);
    // 2 (indent) + 44 (labels) + 13 (amounts) = 59 characters before the notes.
    expect(expected.split('\n')[4]?.indexOf('USD')).toBe(59 + 3);
  });

  it('keeps the least widths when every statement is narrower, with colour as well', () => {
    // Ada's Q2 alone: labels of 24, amounts of 12. Bold is the header's name and the payout.
    const colour = { width: 100, style: createStyle(true) };
    const text = streamed([adaQ2], colour);
    expect(text).toBe(formatStatements(results([adaQ2]), colour));
    expect(text.split('\n')).toEqual([
      '\u001b[1mAda Lovelace (ae-1)\u001b[22m  2026-Q2 (2026-04-01 to 2026-06-30)',
      '  Earnings',
      '    Bonus                       500.00',
      '  Earned                        500.00',
      '  Payout                  \u001b[1m      500.00\u001b[22m   \u001b[2mUSD\u001b[22m',
      '',
      // 500 earned, no adjustments, 500 paid.
      '\u001b[1mTotal of 1 statement: earned 500.00, adjustments 0.00, payout 500.00 USD\u001b[22m',
      '',
    ]);
  });

  it('is a totals line of zero statements when none is added', () => {
    const table = new StatementTable();
    expect(table.count).toBe(0);
    // Nothing added: 0 statements, every sum 0.00.
    const empty = 'Total of 0 statements: earned 0.00, adjustments 0.00, payout 0.00 USD\n';
    expect(table.format('USD', plain)).toBe(empty);
    expect(formatStatements(results([]), plain)).toBe(empty);
  });

  it('prints what formatStatements prints for the results calculate streams (enterprise-ae)', async () => {
    const example = join(repoRoot, 'examples', 'enterprise-ae');
    const compiled = compile(await readFile(join(example, 'plan.attain'), 'utf8'), {
      uri: 'plan.attain',
    }).plan;
    if (!compiled) throw new Error('enterprise-ae does not compile');
    const loaded = await loadData(
      { ...createNodeIo(), cwd: example },
      'data',
      compiled,
      new Progress({ write() {} }, 'never'),
    );
    if (!loaded.dataset) throw new Error(loaded.problems.join('\n'));
    // Q1 as an earlier run paid it, then a recalculation of Q1 and Q2: Q1 comes back reported.
    const q1 = calculate(compiled, loaded.dataset, { periods: ['2026-Q1'], mode: 'lenient' });
    const dataset = { ...loaded.dataset, previous: q1 };
    const settings = { periods: ['2026-Q1', '2026-Q2'], mode: 'lenient' as const };
    const held = calculate(compiled, dataset, settings);
    const table = new StatementTable();
    const stream = calculate(compiled, dataset, { ...settings, onStatement: (s) => table.add(s) });
    expect(stream.statements).toEqual([]);
    // 38 payees, each in Q1 (reported) and Q2.
    expect(table.count).toBe(76);
    expect(held.statements.filter((s) => s.reported).length).toBe(38);
    const text = table.format(stream.meta.currency, plain);
    expect(text).toBe(formatStatements(held, plain));
    expect(text).toContain(
      'Total of 38 statements paid by this run (not counting 38 as reported, paid earlier)',
    );
  });
});

describe('estimates that lower an amount', () => {
  // Real D1 10,000 at 5% discount; hypothetical H1, a downgrade of -5,000 at 40% discount: the
  // average discount becomes (5% + 40%) / 2 = 22.5% > 10%, so the commission's gate closes.
  const text = `plan "Disc" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  rounding half up to 2 decimals at line
  source deals "Deals" {
    id: Text key
    owner: Payee owner
    amount: Money
    discount: Percent
    close_date: Date dated
  }
  credit bookings "Bookings" from deals { to owner }
  measure avg_discount "Average discount": Percent = avg(bookings.discount)
  commission c "Commission" = bookings * 10% per line
    when avg_discount <= 10%
}`;

  it('says "less", not "-1,000.00 more"', () => {
    const { plan } = compile(text);
    if (!plan) throw new Error('plan does not compile');
    const deal = (row: number, id: string, amount: string, discount: string) => ({
      row,
      values: { id, owner: 'a', amount, discount, close_date: '2026-02-01' },
    });
    const calculated = calculate(
      plan,
      {
        payees: [{ id: 'a', name: 'Ann', attributes: {} }],
        records: {
          deals: [deal(1, 'D1', '10000', '5%'), { ...deal(2, 'H1', '-5000', '40%'), hypothetical: true }],
        },
      },
      { periods: ['2026-Q1'], mode: 'strict' },
    );
    const table = formatStatements(calculated, plain);
    // Bookings 10,000.00; with H1: 10,000 - 5,000 = 5,000, so 5,000.00 less.
    expect(table).toContain('1 record, estimate 5,000.00 less');
    // Commission 10,000 x 10% = 1,000.00; with H1 the gate closes: 0, so 1,000.00 less.
    expect(table).toContain('D1 1,000.00, estimate 1,000.00 less');
    // Payout 1,000.00; estimated payout 0.00.
    expect(table).toMatch(/Estimated payout +0\.00/);
    expect(table).not.toContain('more');
  });
});

describe('estimated corrections of closed periods', () => {
  /** A 10% commission, with `terms` after it. */
  const planText = (terms = '') => `plan "E" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  credit bookings from deals { to owner }
  commission c "Commission" = bookings * 10%
${terms}}`;
  const { plan } = compile(planText());
  if (!plan) throw new Error('plan does not compile');
  const payees = [{ id: 'a', name: 'Ann', attributes: {} }];
  const deal = (id: string, amount: string, day: string, hypothetical = false) => ({
    values: { id, owner: 'a', amount, close_date: day },
    ...(hypothetical ? { hypothetical } : {}),
  });
  const q1 = calculate(
    plan,
    { payees, records: { deals: [deal('D1', '10000', '2026-02-01')] } },
    { periods: ['2026-Q1'], mode: 'strict' },
  );
  const only = (results: Results, period: string) => ({
    ...results,
    statements: results.statements.filter((s) => s.period === period),
  });

  it('lists them under the estimated payout, with the period their hypothetical records are dated in', () => {
    const deals = [
      deal('D1', '10000', '2026-02-01'),
      deal('H1', '4000', '2026-03-01', true),
      deal('D2', '5000', '2026-05-01'),
    ];
    const both = calculate(
      plan,
      { payees, records: { deals }, previous: q1 },
      { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' },
    );
    const table = formatStatements(only(both, '2026-Q2'), plain);
    // Q2 pays D2: 500.00. H1, dated in Q1, would add 4,000 x 10% = 400.00 there: 900.00 estimated.
    expect(table).toMatch(
      /Payout +500\.00 +USD\n +Estimated payout +900\.00 +if the hypothetical records close\n +Commission +400\.00 +estimate, hypothetical records dated in 2026-Q1\n/,
    );
  });

  it('says when the change on a later closed period comes through the balance it would carry in', () => {
    // A recoverable draw of 3,000.00. Q1 reported c 1,000.00 and a draw of 2,000.00 (owed); Q2
    // c 4,000.00 recovered 1,000.00. H1 (15,000, Q1) would leave 500.00 owed, so Q2 would recover
    // 500.00 less: an estimate on Q2's recovery, though H1 is dated in Q1.
    const drawn = compile(planText('  draw d "Draw" = 3_000 USD recoverable for 3 periods\n')).plan;
    if (!drawn) throw new Error('plan does not compile');
    const first = [deal('D1', '10000', '2026-02-01'), deal('D2', '40000', '2026-05-10')];
    const reported = calculate(
      drawn,
      { payees, records: { deals: first } },
      { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' },
    );
    const deals = [...first, deal('H1', '15000', '2026-03-01', true), deal('D3', '5000', '2026-08-10')];
    const all = calculate(
      drawn,
      { payees, records: { deals }, previous: reported },
      { periods: ['2026-Q1', '2026-Q2', '2026-Q3'], mode: 'strict' },
    );
    const table = formatStatements(only(all, '2026-Q3'), { ...plain, width: 140 });
    expect(table).toMatch(/ +Commission +1,500\.00 +estimate, hypothetical records dated in 2026-Q1\n/);
    expect(table).toMatch(/ +Draw +-1,500\.00 +estimate, hypothetical records dated in 2026-Q1\n/);
    expect(table).toMatch(
      / +Draw +500\.00 +estimate, hypothetical records dated before 2026-Q2, on 2026-Q2\n/,
    );
  });

  it("lists them when they and the period's own estimate cancel out", () => {
    // H1 (4,000, dated in Q1) would add 400.00 to Q1; H2, a hypothetical -4,000 in Q2, would take
    // 400.00 off Q2's 500.00: estimated payout 500.00 - 400.00 + 400.00 = 500.00, the payout.
    const deals = [
      deal('D1', '10000', '2026-02-01'),
      deal('H1', '4000', '2026-03-01', true),
      deal('D2', '5000', '2026-05-01'),
      deal('H2', '-4000', '2026-05-02', true),
    ];
    const both = calculate(
      plan,
      { payees, records: { deals }, previous: q1 },
      { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' },
    );
    const table = formatStatements(only(both, '2026-Q2'), plain);
    expect(table).toContain('estimate 400.00 less');
    expect(table).toMatch(
      /Payout +500\.00 +USD\n +Estimated payout +500\.00 +if the hypothetical records close\n +Commission +400\.00 +estimate, hypothetical records dated in 2026-Q1\n/,
    );
  });

  it('shows those of a statement paid earlier whose file lost their traces', () => {
    // The Q2 run shows H1's 400.00 for Q1 (estimated payout 900.00); its results, with the
    // estimated line's trace cut out by hand, are the earlier results of the Q3 run.
    const deals = [
      deal('D1', '10000', '2026-02-01'),
      deal('H1', '4000', '2026-03-01', true),
      deal('D2', '5000', '2026-05-01'),
    ];
    const q2 = calculate(
      plan,
      { payees, records: { deals }, previous: q1 },
      { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' },
    );
    const previous = JSON.parse(JSON.stringify(q2)) as Results;
    const line = previous.statements.find((s) => s.period === '2026-Q2')?.estimatedAdjustments?.[0];
    if (!line) throw new Error('no estimated adjustment');
    delete (line as { trace?: unknown }).trace;
    const q3 = calculate(
      plan,
      { payees, records: { deals }, previous },
      { periods: ['2026-Q1', '2026-Q2', '2026-Q3'], mode: 'strict' },
    );
    expect(q3.errors).toEqual([]);
    const table = formatStatements(only(q3, '2026-Q2'), plain);
    // The line no longer names its period: it is an estimate, no more is said.
    expect(table).toMatch(
      /Payout +500\.00 +USD, paid earlier\n +Estimated payout +900\.00 +if the hypothetical records close\n +Commission +400\.00 +estimate\n/,
    );
  });
});
