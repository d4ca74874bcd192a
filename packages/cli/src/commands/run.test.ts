import { readdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '@attain/dsl';
import { type CalculationMode, calculate, type Dataset, type Results } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { loadData } from '../data/load-data.js';
import { createNodeIo, type Io, OutputClosed } from '../io.js';
import { main } from '../main.js';
import { Progress } from '../output/progress.js';
import { createFileSpool } from '../spool.js';
import { badDealRow, dealsCsv, payeesCsv } from '../test-support/data.js';
import { canListOpenFiles, openFiles } from '../test-support/open-files.js';
import { validPlan } from '../test-support/plans.js';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir, tmpdirPerTest } from '../test-support/temp-dir.js';

/** The README's Inside Sales plan, with manual adjustments from data. */
const plan = validPlan.replace(/\n}\n$/, '\n\n  adjustment manual "Manual adjustments" from data\n}\n');

const adjustments = `id,payee,period,amount,currency,reason,earning
ADJ-1,ae-2,2026-Q1,100,EUR,"Missed deal, approved by Sales Ops",
`;

const fx = `from,to,date,rate
EUR,USD,2026-03-31,1.1
`;

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'plan.attain': plan,
    'data/payees.csv': payeesCsv,
    'data/deals.csv': dealsCsv,
    'data/adjustments.csv': adjustments,
    'data/fx.csv': fx,
    ...extra,
  };
}

const runQ1 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1'];

// Ada: quota 100,000; D1 60,000 at 8% = 4,800.00; D2 50,000.50 takes bookings from 60,000 to
// 110,000.50: 40,000 x 8% = 3,200 plus 10,000.50 x 12% = 1,200.06, so 4,400.06; 9,200.06 in all.
// Grace (on the plan from 1 February): D3 20,000 x 8% = 1,600.00 (40% of 50,000); the manual
// adjustment of 100 EUR at 1.1 USD on the last day of the quarter pays 110.00: payout 1,710.00.
// Alan left before 2026 and Edsger is on another plan: no statements. D4 is lost, D5 is in Q2.
const table = `Plan "Inside Sales" version "2026.1": 2026-Q1, data data

Ada Lovelace (ae-1)  2026-Q1 (2026-01-01 to 2026-03-31)
  Credits     Bookings         110,000.50   2 records
  Attainment                         110%
  Earnings
    New business commission      9,200.06   D1 4,800.00 (tier 1), D2 4,400.06 (tier 2)
  Earned                         9,200.06
  Payout                         9,200.06   USD

Grace Hopper (ae-2)  2026-Q1 (2026-01-01 to 2026-03-31)
  Credits     Bookings          20,000.00   1 record
  Attainment                          40%
  Earnings
    New business commission      1,600.00   D3 1,600.00 (tier 1)
  Earned                         1,600.00
  Adjustments
    Manual adjustments             110.00   manual, ADJ-1, Missed deal, approved by Sales Ops
  Payout                         1,710.00   USD

Total of 2 statements: earned 10,800.06, adjustments 110.00, payout 10,910.06 USD
`;

describe('attain run', () => {
  it('prints a statement per payee with hand-computed payouts', async () => {
    const cwd = await tempDir(files());
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe('');
    expect(stdout).toBe(table);
    expect(code).toBe(0);
  });

  it("cuts a long plan name in the heading, as it cuts a file's long names", async () => {
    // The name comes from the plan file: 2,000 characters are cut at 60, with the length (control
    // characters are written out too: shown.test.ts).
    const long = plan.replace(
      'plan "Inside Sales" version "2026.1"',
      `plan "${'P'.repeat(2000)}" version "2026.1"`,
    );
    const cwd = await tempDir(files({ 'plan.attain': long }));
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(
      `Plan "${'P'.repeat(60)}…" (2,000 characters) version "2026.1": 2026-Q1, data data`,
    );
    expect(stdout.slice(stdout.indexOf('\n'))).toBe(table.slice(table.indexOf('\n')));
    expect(code).toBe(0);
  });

  it('prints a CSV row per earning line, per adjustment line and per payout', async () => {
    const cwd = await tempDir(files());
    const { code, stdout } = await run([...runQ1, '--format', 'csv'], { cwd });
    // Ada: 4,800.00 + 4,400.06 = 9,200.06. Grace: 1,600.00 and the manual adjustment of 100 EUR at
    // 1.1 = 110.00 USD: 1,710.00.
    expect(stdout).toBe(
      'payee,period,kind,name,line,record,amount,currency,estimate\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D2,D2,4400.06,USD,\n' +
        'ae-1,2026-Q1,payout,,,,9200.06,USD,\n' +
        'ae-2,2026-Q1,earning,new_business,new_business:D3,D3,1600.00,USD,\n' +
        'ae-2,2026-Q1,manual,ADJ-1,manual:ADJ-1,,110.00,USD,\n' +
        'ae-2,2026-Q1,payout,,,,1710.00,USD,\n',
    );
    expect(code).toBe(0);
  });

  it('prints the engine results as JSON, exactly as calculate returns them for the same data', async () => {
    const cwd = await tempDir(files());
    const { code, stdout } = await run([...runQ1, '--period', '2026-Q2', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const compiled = compile(plan, { uri: 'plan.attain' }).plan;
    if (!compiled) throw new Error('the test plan does not compile');
    const values = (header: string, line: string) => {
      const names = header.split(',');
      const cells = line.split(',');
      return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
    };
    const dataset: Dataset = {
      payees: [
        { id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } },
        {
          id: 'ae-2',
          name: 'Grace Hopper',
          manager: 'ae-1',
          attributes: { quarterly_quota: '50000' },
          plans: [{ plan: 'Inside Sales', from: '2026-02-01' }],
        },
        {
          id: 'ae-3',
          name: 'Alan Turing',
          manager: 'ae-1',
          attributes: { quarterly_quota: '80000' },
          plans: [{ plan: 'Inside Sales', from: '2025-01-01', to: '2025-12-31' }],
        },
        {
          id: 'ae-4',
          name: 'Edsger Dijkstra',
          attributes: { quarterly_quota: '80000' },
          plans: [{ plan: 'Channel Partner' }],
        },
      ],
      records: {
        deals: dealsCsv
          .trim()
          .split('\n')
          .slice(1)
          .map((line, i) => ({ row: i + 1, values: values('id,owner,amount,close_date,stage', line) })),
      },
      fx: [{ from: 'EUR', to: 'USD', date: '2026-03-31', rate: '1.1' }],
      adjustments: [
        {
          id: 'ADJ-1',
          payee: 'ae-2',
          period: '2026-Q1',
          amount: '100',
          currency: 'EUR',
          reason: 'Missed deal, approved by Sales Ops',
        },
      ],
    };
    const expected = calculate(compiled, dataset, { periods: ['2026-Q1', '2026-Q2'], mode: 'lenient' });
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    const results = JSON.parse(stdout) as Results;
    expect(results.statements.map((s) => [s.payee, s.period, s.payout])).toEqual([
      ['ae-1', '2026-Q1', '9200.06'],
      ['ae-1', '2026-Q2', '5600.00'],
      ['ae-2', '2026-Q1', '1710.00'],
      ['ae-2', '2026-Q2', '0.00'],
    ]);
  });

  it('reads data.json in place of CSV files, with the same payouts', async () => {
    const dataset = {
      payees: [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: 100000 } }],
      records: {
        deals: [
          {
            values: { id: 'D1', owner: 'ae-1', amount: 60000, close_date: '2026-01-15', stage: 'Closed Won' },
          },
          {
            values: {
              id: 'D2',
              owner: 'ae-1',
              amount: '50000.50',
              close_date: '2026-02-20',
              stage: 'Closed Won',
            },
          },
        ],
      },
    };
    const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(dataset) });
    const { code, stdout } = await run([...runQ1, '--format', 'csv'], { cwd });
    expect(stdout.split('\n').slice(1)).toEqual([
      'ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,',
      'ae-1,2026-Q1,earning,new_business,new_business:D2,D2,4400.06,USD,',
      'ae-1,2026-Q1,payout,,,,9200.06,USD,',
      '',
    ]);
    expect(code).toBe(0);
    const direct = await run(['run', 'plan.attain', '--data', 'data/data.json', '--period', '2026-Q1'], {
      cwd,
    });
    expect(direct.stdout).toContain('  Payout                         9,200.06   USD\n');
    // Progress counts the rows of data.json as it counts those of CSV files (1 payee, 2 deals).
    const progress = await run([...runQ1, '--progress'], { cwd });
    expect(progress.stderr.split('\n')).toEqual([
      expect.stringMatching(/^attain: read data\/data\.json: 3 rows in \d+\.\d s$/),
      'attain: calculating 2026-Q1 for 1 payee (3 rows of data)',
      expect.stringMatching(/^attain: calculated 1 statement in \d+\.\d s$/),
      '',
    ]);
  });

  it('stops on unreadable earlier results (previous) with or without --strict, and exits 1', async () => {
    const dataset = {
      payees: [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }],
      records: {
        deals: [
          {
            values: {
              id: 'D1',
              owner: 'ae-1',
              amount: '60000',
              close_date: '2026-01-15',
              stage: 'Closed Won',
            },
          },
          {
            values: {
              id: 'D5',
              owner: 'ae-1',
              amount: '70000',
              close_date: '2026-04-02',
              stage: 'Closed Won',
            },
          },
        ],
      },
    };
    const first = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(dataset) });
    const q1 = JSON.parse((await run([...runQ1, '--format', 'json'], { cwd: first })).stdout) as Results;
    const earning = q1.statements[0]?.earnings[0];
    if (!earning) throw new Error('Q1 has no earning');
    earning.amount = 'lots';
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/data.json': JSON.stringify({ ...dataset, previous: q1 }),
    });
    const runQ2 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q2'];
    for (const strict of [[], ['--strict']]) {
      const { code, stdout, stderr } = await run([...runQ2, ...strict], { cwd });
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'data/data.json: previous row 1: earnings[0].amount is "lots", which is not an amount (ae-1 2026-Q1)\n' +
          'attain: 1 data error: nothing was calculated. Errors in the earlier results (previous) stop a run ' +
          'with or without --strict: correct them and run again.\n',
      );
      expect(code).toBe(1);
    }
    const json = JSON.parse((await run([...runQ2, '--format', 'json'], { cwd })).stdout) as Results;
    expect(json.errors).toEqual([
      {
        source: 'previous',
        row: 1,
        code: 'bad-number',
        reason: 'previous row 1: earnings[0].amount is "lots", which is not an amount',
        key: 'ae-1 2026-Q1',
        field: 'earnings[0].amount',
      },
    ]);
    expect(json.statements).toEqual([]);
  });

  it('leaves bad rows out and lists them after the statements', async () => {
    const cwd = await tempDir(files({ 'data/deals.csv': `${dealsCsv}${badDealRow}` }));
    const { code, stdout } = await run(runQ1, { cwd });
    expect(stdout.startsWith(table)).toBe(true);
    expect(stdout.slice(table.length)).toBe(
      '\nRejected rows (1 row left out of the calculation):\n' +
        '  data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n' +
        '  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n',
    );
    expect(code).toBe(0);

    const csv = await run([...runQ1, '--format', 'csv'], { cwd });
    expect(csv.stderr).toBe(
      'attain: 1 row left out of the calculation:\n' +
        '  data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n' +
        '  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n',
    );
  });

  it("names payees.csv's plan_from and plan_to columns in the errors of a plan assignment", async () => {
    // The engine names the assignment as data.json writes it (plans[0].from); payees.csv has the
    // columns plan_from and plan_to. ae-5 and ae-6 have no deals: Ada and Grace are paid as above.
    const cwd = await tempDir(
      files({
        'data/payees.csv': `${payeesCsv}ae-5,Barbara Liskov,,100,,2026-3-1,\nae-6,Donald Knuth,,100,,2026-05-01,2026-04-01\n`,
      }),
    );
    const { code, stdout } = await run(runQ1, { cwd });
    expect(stdout.slice(table.length)).toBe(
      '\nRejected rows (2 rows left out of the calculation):\n' +
        '  data/payees.csv row 5 (ae-5): plan_from is "2026-3-1", which is not a date (write it as YYYY-MM-DD)\n' +
        '  data/payees.csv row 6 (ae-6): plan_to (2026-04-01) is before plan_from (2026-05-01): the assignment to "Inside Sales" ends before it starts\n',
    );
    expect(code).toBe(0);
  });

  it('--strict prints every data error, calculates nothing and exits 1', async () => {
    const cwd = await tempDir(
      files({
        'data/deals.csv': `${dealsCsv}${badDealRow}`,
        'data/payees.csv': `${payeesCsv}ae-5,,ae-1,x,,,\n`,
      }),
    );
    const { code, stdout, stderr } = await run([...runQ1, '--strict'], { cwd });
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      'data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees',
      'data/payees.csv row 5 (ae-5): name is missing',
      'data/payees.csv row 5 (ae-5): quarterly_quota is "x", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      'attain: 4 data errors (--strict): nothing was calculated. Without --strict the rows with errors are left out and the rest is calculated.',
      '',
    ]);
    expect(code).toBe(1);

    const json = await run([...runQ1, '--strict', '--format', 'json'], { cwd });
    const results = JSON.parse(json.stdout) as Results;
    expect(json.stdout).toBe(`${JSON.stringify(results, null, 2)}\n`);
    expect(results.errors.map((e) => [e.source, e.row, e.field, e.code])).toEqual([
      ['deals', 6, 'amount', 'bad-number'],
      ['deals', 6, 'owner', 'unknown-payee'],
      ['payees', 5, 'name', 'missing-field'],
      ['payees', 5, 'quarterly_quota', 'bad-number'],
    ]);
    expect(results.statements).toEqual([]);
    expect(json.code).toBe(1);
  });

  it('exits 2 naming every missing file and column', async () => {
    const cwd = await tempDir({ 'plan.attain': plan, 'data/fx.csv': fx });
    const missing = await run(runQ1, { cwd });
    expect(missing.stderr).toBe(
      'attain: data/payees.csv is missing: it holds the payees (id, name, manager and payee attributes)\n' +
        "attain: data/deals.csv is missing: it holds the plan's source deals (id, owner, amount, close_date, stage)\n",
    );
    expect(missing.code).toBe(2);

    const cwd2 = await tempDir(
      files({ 'data/deals.csv': 'id,owner,close_date\n', 'data/fx.csv': 'from,to,rate\n' }),
    );
    const columns = await run(runQ1, { cwd: cwd2 });
    expect(columns.stderr).toBe(
      'attain: data/deals.csv has no "amount" and "stage" columns (the plan\'s source deals declares them); ' +
        'its columns are id, owner, close_date\n' +
        'attain: data/fx.csv has no "date" column; its columns are from, to, rate\n',
    );
    expect(columns.code).toBe(2);

    const nowhere = await run(['run', 'plan.attain', '--data', 'nowhere', '--period', '2026-Q1'], { cwd });
    expect(nowhere.stderr).toBe('attain: cannot read nowhere: no such file or directory\n');
    expect(nowhere.code).toBe(2);
  });

  it('names the missing columns and unreadable files with the missing files, all at once', async () => {
    // deals.csv is missing, payees.csv lacks quarterly_quota and fx.csv is Latin-1. Before: only
    // deals.csv was named, and the others came one run later.
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/payees.csv': 'id,name\nae-1,Ada\n',
      'data/fx.csv': 'from,to,date,rate\nEUR,USD,2026-03-31,1.1\n',
    });
    await writeFile(
      join(cwd, 'data/fx.csv'),
      Buffer.from('from,to,date,rate\n\xe9,USD,2026-03-31,1.1\n', 'latin1'),
    );
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe(
      "attain: data/deals.csv is missing: it holds the plan's source deals (id, owner, amount, close_date, stage)\n" +
        'attain: data/payees.csv has no "quarterly_quota" column; its columns are id, name\n' +
        'attain: data/fx.csv is not UTF-8 text (line 2, row 1): save it as UTF-8 (in Excel: CSV UTF-8)\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('exits 2 on a period of the wrong kind, and 1 on a plan with errors', async () => {
    const cwd = await tempDir(files({ 'broken.attain': plan.replace('bookings / ', 'bookngs / ') }));
    const period = await run(['run', 'plan.attain', '--data', 'data', '--period', '2026-03'], { cwd });
    expect(period.stderr).toBe('attain: --period "2026-03" is not a quarter (write 2026-Q1)\n');
    expect(period.code).toBe(2);

    // An --as-of written YYYY-MM-DD that is no day says which part is wrong.
    const asOf = (day: string) =>
      run(['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--as-of', day], { cwd });
    const month = await asOf('2026-13-01');
    expect(month.stderr).toBe(
      'attain: --as-of is 2026-13-01, which is not a day of the calendar (there is no month 13)\n',
    );
    expect(month.code).toBe(2);
    expect((await asOf('2026-04-31')).stderr).toBe(
      'attain: --as-of is 2026-04-31, which is not a day of the calendar (April 2026 has 30 days)\n',
    );
    expect((await asOf('31.03.2026')).stderr).toBe(
      'attain: --as-of must be a date written YYYY-MM-DD, not "31.03.2026"\n',
    );

    const broken = await run(['run', 'broken.attain', '--data', 'data', '--period', '2026-Q1'], { cwd });
    expect(broken.stderr).toMatch(/^broken\.attain:22:43: error AT2001: .*bookngs/);
    expect(broken.stderr).toContain('attain: broken.attain has errors: fix them before running it');
    expect(broken.code).toBe(1);

    const usage = await run(['run', 'plan.attain', '--data', 'data'], { cwd });
    expect(usage.stderr).toContain("required option '--period <period>' not specified");
    expect(usage.code).toBe(2);
  });

  it('reports progress on stderr with --progress, keeping stdout the same', async () => {
    const cwd = await tempDir(files());
    const { code, stdout, stderr } = await run([...runQ1, '--progress'], { cwd });
    expect(stdout).toBe(table);
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^attain: read data\/payees\.csv: 4 rows in \d+\.\d s$/),
      expect.stringMatching(/^attain: read data\/deals\.csv: 5 rows in \d+\.\d s$/),
      expect.stringMatching(/^attain: read data\/fx\.csv: 1 row in \d+\.\d s$/),
      expect.stringMatching(/^attain: read data\/adjustments\.csv: 1 row in \d+\.\d s$/),
      'attain: calculating 2026-Q1 for 4 payees (11 rows of data)',
      expect.stringMatching(/^attain: calculated 2 statements in \d+\.\d s$/),
      '',
    ]);
    expect(code).toBe(0);
  });
});

/**
 * What `attain run PLAN --data DATA --period ... --format json` must print: the results of
 * `calculate` without streaming, whole through `JSON.stringify(results, null, 2)`.
 */
async function stringifiedResults(
  cwd: string,
  planPath: string,
  dataPath: string,
  periods: string[],
  mode: CalculationMode = 'lenient',
): Promise<string> {
  const compiled = compile(await readFile(join(cwd, planPath), 'utf8'), { uri: planPath }).plan;
  if (!compiled) throw new Error(`${planPath} does not compile`);
  const loaded = await loadData(
    { ...createNodeIo(), cwd },
    dataPath,
    compiled,
    new Progress({ write() {} }, 'never'),
  );
  if (!loaded.dataset) throw new Error(loaded.problems.join('\n'));
  return `${JSON.stringify(calculate(compiled, loaded.dataset, { periods, mode }), null, 2)}\n`;
}

/** The examples with data, and the period their expected.json checks. */
async function examplesWithData(): Promise<[string, string][]> {
  const found: [string, string][] = [];
  for (const entry of await readdir(join(repoRoot, 'examples'), { withFileTypes: true })) {
    const dir = join(repoRoot, 'examples', entry.name);
    if (!entry.isDirectory() || !(await readdir(dir)).includes('data')) continue;
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as { period: string };
    found.push([entry.name, expected.period]);
  }
  return found.sort();
}

const examples = await examplesWithData();

describe('attain run --format json, streamed through a spool file', () => {
  // The spool files of each test go to a directory of its own.
  const tmp = tmpdirPerTest();
  /** The spool files in the temporary directory (the tests' own folders are there too). */
  const spoolFiles = () => readdirSync(tmp()).filter((name) => /^attain-\d+-/.test(name));

  it.each(examples)('prints exactly the stringified results for %s', async (name, period) => {
    const dir = join('examples', name);
    const argv = ['run', join(dir, 'plan.attain'), '--data', join(dir, 'data'), '--period', period];
    const { code, stdout } = await run([...argv, '--format', 'json']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      await stringifiedResults(repoRoot, join(dir, 'plan.attain'), join(dir, 'data'), [period]),
    );
    expect(spoolFiles()).toEqual([]);
  });

  it('prints exactly the stringified results of a run with rejected rows and warnings', async () => {
    // Frances has a quota of 0: her attainment divides by zero (a warning); D6 is rejected.
    const cwd = await tempDir(
      files({
        'data/payees.csv': `${payeesCsv}ae-6,Frances Allen,,0,,,\n`,
        'data/deals.csv': `${dealsCsv}${badDealRow}D7,ae-6,500,2026-03-03,Closed Won\n`,
      }),
    );
    const periods = ['--period', '2026-Q1', '--period', '2026-Q2'];
    const { code, stdout, stderr } = await run(
      ['run', 'plan.attain', '--data', 'data', ...periods, '--format', 'json'],
      {
        cwd,
      },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('attain: 1 row left out of the calculation:');
    expect(stdout).toBe(await stringifiedResults(cwd, 'plan.attain', 'data', ['2026-Q1', '2026-Q2']));
    const results = JSON.parse(stdout) as Results;
    expect(results.rejected.map((r) => r.key)).toEqual(['D6']);
    expect(results.warnings.map((w) => [w.payee, w.period])).toContainEqual(['ae-6', '2026-Q1']);
    expect(results.statements.length).toBe(6);
    expect(spoolFiles()).toEqual([]);
  });

  it('spools the statements as they are made and closes the spool, also when stdout fails', async () => {
    const cwd = await tempDir(files());
    const node = createNodeIo();
    /** What went through each spool, and what it held when stdout was first written to. */
    const spools: { written: string[]; atFirstOutput?: number; removed: boolean }[] = [];
    const io = (write: (text: string) => void): Io => ({
      ...node,
      stdout: {
        write: (text) => {
          for (const spool of spools) spool.atFirstOutput ??= spool.written.join('').length;
          write(text);
        },
      },
      stderr: { write: () => {} },
      cwd,
      env: {},
      createSpool: () => {
        const spool = createFileSpool();
        const seen = { written: [] as string[], removed: false };
        spools.push(seen);
        return {
          write: (text) => {
            seen.written.push(text);
            spool.write(text);
          },
          read: () => spool.read(),
          remove: () => {
            seen.removed = true;
            spool.remove();
          },
        };
      },
    });
    /** The spool files still open or still in the temporary directory. */
    const leftOver = () => [
      ...spoolFiles(),
      ...(canListOpenFiles ? openFiles().filter((file) => file.path.includes(`${tmp()}/attain-`)) : []),
    ];
    const argv = [...runQ1, '--format', 'json'];
    const out: string[] = [];
    expect(
      await main(
        argv,
        io((text) => out.push(text)),
      ),
    ).toBe(0);
    const text = out.join('');
    expect(text).toBe(await stringifiedResults(cwd, 'plan.attain', 'data', ['2026-Q1']));
    // The text of both statements, between `"statements": [` and the closing, went through the spool
    // before anything was written to stdout.
    const statements = text.slice(text.indexOf('"statements": [') + 15, text.lastIndexOf('\n  ]\n}\n'));
    expect(statements.startsWith('\n    {\n      "payee": "ae-1"')).toBe(true);
    expect(spools).toEqual([{ written: expect.any(Array), atFirstOutput: statements.length, removed: true }]);
    expect(spools[0]?.written.join('')).toBe(statements);
    expect(leftOver()).toEqual([]);

    // The reader of stdout goes away after the head of the results: the run stops, the spool goes.
    let writes = 0;
    const closing = io(() => {
      writes++;
      if (writes > 1) throw new OutputClosed();
    });
    await expect(main(argv, closing)).rejects.toThrow(OutputClosed);
    expect(spools[1]?.removed).toBe(true);
    expect(leftOver()).toEqual([]);
  });

  it('puts CSV rows aside while stdout is backed up, and prints the same text after', async () => {
    const cwd = await tempDir(files());
    const argv = [...runQ1, '--format', 'csv'];
    const fast = await run(argv, { cwd });
    const out: string[] = [];
    let drains = 0;
    let spooled = '';
    const node = createNodeIo();
    const io: Io = {
      ...node,
      // The reader never keeps up: every row goes through the spool.
      stdout: { write: (text) => out.push(text), backedUp: () => true, drain: async () => void drains++ },
      stderr: { write: () => {} },
      cwd,
      env: {},
      createSpool: () => {
        const spool = createFileSpool();
        const write = (text: string) => {
          spooled += text;
          spool.write(text);
        };
        return { ...spool, write };
      },
    };
    expect(await main(argv, io)).toBe(0);
    expect(out.join('')).toBe(fast.stdout);
    expect(spooled).toBe(fast.stdout);
    expect(drains).toBeGreaterThan(0);
    expect(spoolFiles()).toEqual([]);
  });

  it('exits 2 when no spool file can be made', async () => {
    const cwd = await tempDir(files());
    process.env.TMPDIR = join(tmp(), 'missing');
    const { code, stdout, stderr } = await run([...runQ1, '--format', 'json'], { cwd });
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^attain: cannot create a temporary file in .*missing: ENOENT: no such file or directory/,
    );
    expect(code).toBe(2);
  });
});

describe('attain run --previous', () => {
  const example = join(repoRoot, 'examples', 'enterprise-ae');
  const runAe = (...args: string[]) =>
    ['run', join(example, 'plan.attain'), '--data', join(example, 'data'), ...args] as string[];
  /** The statements of `results` in one period. */
  const of = (results: Results, period: string) => results.statements.filter((s) => s.period === period);

  it('carries draw and holdback balances from the JSON of an earlier run, as a run of both periods does', async () => {
    const cwd = await tempDir({});
    const q1 = await run(runAe('--period', '2026-Q1', '--format', 'json'), { cwd });
    expect(q1.code).toBe(0);
    await writeFile(join(cwd, 'q1.json'), q1.stdout);
    const q2 = await run(runAe('--period', '2026-Q2', '--previous', 'q1.json', '--format', 'json'), { cwd });
    expect(q2.code).toBe(0);
    const q2Results = JSON.parse(q2.stdout) as Results;
    const both = JSON.parse(
      (await run(runAe('--period', '2026-Q1,2026-Q2', '--format', 'json'), { cwd })).stdout,
    );
    expect(q2Results.statements).toHaveLength(38);
    expect(q2Results.statements).toEqual(of(both, '2026-Q2'));
    // Tomás (ae-002) in Q1: earned 2,230.00, the draw pays 3,000 - 2,230 = 770.00 (owed), the
    // holdback keeps 10% = 223.00. In Q2 (draw period 2 of 2) he earns 35,000.00 (capped) > 3,000:
    // the recovery is -min(770, 35,000 - 3,000) = -770.00 and the holdback -3,500.00, so the payout
    // is 35,000 - 770 - 3,500 = 30,730.00 and 223 + 3,500 = 3,723.00 stays held back.
    const tomas = q2Results.statements.find((s) => s.payee === 'ae-002');
    expect(tomas?.adjustments.map((a) => [a.kind, a.amount])).toEqual([
      ['draw-recovery', '-770.00'],
      ['holdback', '-3500.00'],
    ]);
    expect([tomas?.payout, tomas?.balances]).toEqual([
      '30730.00',
      { 'draw:new_hire_draw': '0.00', 'holdback:commission_reserve': '3723.00' },
    ]);
    // Q1's data is as q1.json reported it: no `not-recalculated` warning (every such run had one before).
    expect(q2Results.warnings.map((w) => w.code)).toEqual([]);

    // Without the earlier results Q2 pays Tomás 35,000 - 3,500 = 31,500.00 (770.00 too much) and
    // holds 3,500.00: the run says so once.
    const alone = JSON.parse((await run(runAe('--period', '2026-Q2', '--format', 'json'), { cwd })).stdout);
    expect(alone.statements.find((s: { payee: string }) => s.payee === 'ae-002')?.payout).toBe('31500.00');
    expect(alone.warnings.filter((w: { code: string }) => w.code === 'no-previous')).toEqual([
      {
        code: 'no-previous',
        period: '2026-Q2',
        range: expect.anything(),
        message:
          '2026-Q2 is calculated without the results of 2026-Q1, the period before it (no earlier results are given in previous): ' +
          'draw and holdback balances (new_hire_draw, commission_reserve) start at zero in 2026-Q2, so draws paid before are not recovered and money held back before is not paid out. ' +
          'Pass the results of 2026-Q1 and the periods before it as previous (in data.json, or attain run --previous with the JSON of their run)',
      },
    ]);

    // Period by period: Q3 with the JSON of Q1 and of Q2 is Q3 of a run of all three.
    await writeFile(join(cwd, 'q2.json'), q2.stdout);
    const q3 = await run(
      runAe('--period', '2026-Q3', '--previous', 'q1.json', '--previous', 'q2.json', '--format', 'json'),
      { cwd },
    );
    const all = JSON.parse(
      (await run(runAe('--period', '2026-Q1,2026-Q2,2026-Q3', '--format', 'json'), { cwd })).stdout,
    );
    expect((JSON.parse(q3.stdout) as Results).statements).toEqual(of(all, '2026-Q3'));

    const table = await run(runAe('--period', '2026-Q2', '--previous', 'q1.json'), { cwd });
    expect(table.stdout.split('\n')[0]).toBe(
      `Plan "Enterprise AE" version "2026.1": 2026-Q2, data ${join(example, 'data')}, previous q1.json`,
    );
    expect(table.stdout).toContain('  Payout                          30,730.00   USD\n');
  });

  it('leaves the closed period of a recalculation out of the CSV and the table totals: it was paid', async () => {
    // Maya (ae-001) was paid 33,840.00 for 2026-Q1 (q1.json): 37,600.00 earned, 3,760.00 held
    // back. A deal of 50,000.00 closed on 2026-03-15 arrives late. 2026-Q2 pays 14,255.64 +
    // 21,505.30 = 35,760.94 earned, 3,576.09 held back, and the Q1 correction: uncapped 50,000 x
    // 25% = 12,500, but the cap of 2 x 25,000 = 50,000 less the 37,600 paid leaves 12,400.00, with
    // 1,240.00 held back on it: 35,760.94 - 3,576.09 + 12,400 - 1,240 = 43,344.85.
    const data = join(example, 'data');
    const late: Record<string, string> = {};
    for (const name of ['payees.csv', 'deals.csv', 'fx.csv', 'adjustments.csv', 'quota_relief.csv'])
      late[`late/${name}`] = await readFile(join(data, name), 'utf8');
    late['late/deals.csv'] += 'D-9999,ae-001,Late Co,50000.00,2026-03-15,Closed Won,12,\n';
    const cwd = await tempDir(late);
    const q1 = await run(runAe('--period', '2026-Q1', '--format', 'json'), { cwd });
    await writeFile(join(cwd, 'q1.json'), q1.stdout);
    const recalc = ['run', join(example, 'plan.attain'), '--data', 'late', '--period', '2026-Q1,2026-Q2'];
    const args = [...recalc, '--previous', 'q1.json'];

    const csv = await run([...args, '--format', 'csv'], { cwd });
    expect(csv.code).toBe(0);
    const rows = csv.stdout.split('\n');
    // Q1's 33,840.00 is not there to be paid a second time; Q2's 43,344.85 is.
    expect(rows.filter((row) => row.startsWith('ae-001,') && row.includes(',payout,'))).toEqual([
      'ae-001,2026-Q2,payout,,,,43344.85,USD,',
    ]);
    expect(rows.filter((row) => row.includes(',2026-Q1,'))).toEqual([]);
    expect(rows).toContain(
      'ae-001,2026-Q2,recalculation,new_business,recalculation:2026-Q1:earning:new_business,,12400.00,USD,',
    );
    expect(csv.stderr).toContain(
      'attain: 38 statements of 2026-Q1 are not in the CSV: returned as reported, they were paid by an ' +
        'earlier run (what changed in them is paid by recalculation rows)\n',
    );

    // The JSON keeps them, marked: the next run reads them.
    const json = JSON.parse((await run([...args, '--format', 'json'], { cwd })).stdout) as Results;
    const marked = (period: string) => of(json, period).map((s) => s.reported);
    expect(marked('2026-Q1')).toEqual(Array(38).fill(true));
    expect(marked('2026-Q2')).toEqual(Array(38).fill(undefined));
    expect(of(json, '2026-Q1').find((s) => s.payee === 'ae-001')?.payout).toBe('33840.00');

    // The table shows them, marked, and its totals are Q2's alone: the run of both periods pays
    // 2,391,451.44 with Q1 counted, less Q1's 1,143,355.18 (as q1.json paid it) = 1,248,096.26.
    const table = (await run(args, { cwd })).stdout;
    expect(table).toContain(
      'Maya Okafor (ae-001)  2026-Q1 (2026-02-01 to 2026-04-30)  (as reported, paid earlier)\n',
    );
    expect(table).toContain('  Payout                           33,840.00   USD, paid earlier\n');
    expect(table).toContain('Maya Okafor (ae-001)  2026-Q2 (2026-05-01 to 2026-07-31)\n');
    expect(table).toContain('  Payout                           43,344.85   USD\n');
    expect(table).toContain(
      'Total of 38 statements paid by this run (not counting 38 as reported, paid earlier): ' +
        'earned 1,389,560.14, adjustments -141,463.88, payout 1,248,096.26 USD\n',
    );
  });

  it('names each file it cannot use as earlier results, and exits 2 before calculating', async () => {
    const stopped = { meta: {}, errors: [{ source: 'deals', code: 'bad-number' }], statements: [] };
    const cwd = await tempDir({
      ...files(),
      'bad.json': '{"statements": [',
      'other.json': '{"payees": [], "records": {}}',
      'stopped.json': JSON.stringify(stopped),
    });
    const previous = ['missing.json', 'bad.json', 'other.json', 'stopped.json'].flatMap((f) => [
      '--previous',
      f,
    ]);
    const { code, stdout, stderr } = await run([...runQ1, ...previous], { cwd });
    expect(stderr.split('\n')).toEqual([
      'attain: cannot read missing.json: no such file or directory',
      'attain: bad.json:1:17: not valid JSON: expected "]" to close the list, found the end of the file; ' +
        '--previous takes the JSON that attain run --format json writes',
      'attain: other.json is not the results of a run: it has no "statements" list ' +
        '(--previous takes the JSON that attain run --format json writes)',
      'attain: stopped.json holds no statements: its run stopped on 1 data error and paid nothing ' +
        '(correct them and run its periods again)',
      '',
    ]);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('names the file and its row of an error in the earlier results, and exits 1', async () => {
    const cwd = await tempDir(files());
    const q1 = await run([...runQ1, '--format', 'json'], { cwd });
    await writeFile(join(cwd, 'q1.json'), q1.stdout);
    const runQ2 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q2', '--previous', 'q1.json'];
    const q2 = JSON.parse((await run([...runQ2, '--format', 'json'], { cwd })).stdout) as Results;
    const [first, second] = q2.statements;
    const q1First = (JSON.parse(q1.stdout) as Results).statements[0];
    if (!first?.earnings[0] || !second || !q1First) throw new Error('the runs have too few statements');
    first.earnings[0].amount = 'lots';
    // A second, different statement of Ada in 2026-Q1 (the first is statement 1 of q1.json).
    q2.statements.push({ ...q1First, payout: '1.00' });
    await writeFile(join(cwd, 'q2.json'), JSON.stringify(q2));
    const runQ3 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q3'];
    const args = [...runQ3, '--previous', 'q1.json', '--previous', 'q2.json'];
    const { code, stdout, stderr } = await run(args, { cwd });
    // q1.json holds 2 statements: q2.json's rows 1 and 3 are rows 3 and 5 of the merged results.
    expect(stderr).toBe(
      'q2.json: previous row 1: earnings[0].amount is "lots", which is not an amount (ae-1 2026-Q2)\n' +
        'q2.json: previous row 3: is a second statement of ae-1 in 2026-Q1, different from statements[0] (row 1) of q1.json: ' +
        'nothing says which was paid (ae-1 2026-Q1)\n' +
        'attain: 2 data errors: nothing was calculated. Errors in the earlier results (previous) stop a run ' +
        'with or without --strict: correct them and run again.\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(1);
    // The JSON format gives the engine's errors, their rows counted over the files in order.
    const json = JSON.parse((await run([...args, '--format', 'json'], { cwd })).stdout) as Results;
    expect(json.errors.map((e) => [e.source, e.row, e.key])).toEqual([
      ['previous', 3, 'ae-1 2026-Q2'],
      ['previous', 5, 'ae-1 2026-Q1'],
    ]);
  });

  it("reads a data.json's null parts as absent, as the engine does", async () => {
    const payees = [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }];
    const deals = [
      { values: { id: 'D1', owner: 'ae-1', amount: '60000', close_date: '2026-01-15', stage: 'Closed Won' } },
    ];
    const runQ1Json = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'csv'];
    // "fx": null and "previous": null, as a JSON writer puts them for none (before: exit 2, '"fx"
    // must be a list'). D1: 60,000 at 8% = 4,800.00.
    const nulls = { payees, records: { deals }, fx: null, adjustments: null, previous: null };
    const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(nulls) });
    const ok = await run(runQ1Json, { cwd });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('ae-1,2026-Q1,payout,,,,4800.00,USD,\n');
    expect(ok.code).toBe(0);
  });

  it("checks a data.json's own earlier results as a --previous file's, without --previous", async () => {
    const payees = [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }];
    const deals = [
      { values: { id: 'D1', owner: 'ae-1', amount: '60000', close_date: '2026-01-15', stage: 'Closed Won' } },
    ];
    const runQ1Json = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'csv'];
    // The results of a run that stopped on data errors paid nothing: as a --previous file, they stop
    // the run (before: in data.json alone they were taken for no earlier results, and it ran).
    const stopped = { meta: {}, errors: [{ source: 'deals', code: 'bad-number' }], statements: [] };
    const withStopped = { payees, records: { deals }, previous: stopped };
    const broken = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(withStopped) });
    const { code, stdout, stderr } = await run(runQ1Json, { cwd: broken });
    expect(stderr).toBe(
      'attain: data/data.json: "previous" holds no statements: its run stopped on 1 data error and paid ' +
        'nothing (correct them and run its periods again)\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('adds the files to the earlier results of a data.json', async () => {
    const payees = [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }];
    const dataset = { payees, records: { deals: [] } };
    /** What a run of `period` prints as JSON, over data.json with `extra` parts. */
    const results = async (period: string, extra: object = {}) => {
      const data = JSON.stringify({ ...dataset, ...extra });
      const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': data });
      const args = ['run', 'plan.attain', '--data', 'data', '--period', period, '--format', 'json'];
      return (await run(args, { cwd })).stdout;
    };
    const q1 = JSON.parse(await results('2026-Q1'));
    const q2 = await results('2026-Q2', { previous: q1 });
    // Late deals in 2026-Q1 and 2026-Q2, which neither reported.
    const late = [
      { values: { id: 'L1', owner: 'ae-1', amount: '1000', close_date: '2026-03-01', stage: 'Closed Won' } },
      { values: { id: 'L2', owner: 'ae-1', amount: '1000', close_date: '2026-06-01', stage: 'Closed Won' } },
    ];
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/data.json': JSON.stringify({ ...dataset, records: { deals: late }, previous: q1 }),
      'q2.json': q2,
    });
    const args = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q3', '--previous', 'q2.json'];
    const q3 = JSON.parse((await run([...args, '--format', 'json'], { cwd })).stdout) as Results;
    // Both are read: 2026-Q1 from data.json and 2026-Q2 from q2.json are earlier results, whose
    // data changed since (a late deal each), named in one warning.
    expect(q3.warnings.map((w) => [w.code, w.period])).toEqual([['not-recalculated', '2026-Q1']]);
    expect(q3.warnings[0]?.message).toBe(
      "2026-Q1 and 2026-Q2 are in the earlier results but not among this run's periods: changes to " +
        'their data are not recalculated (calculate them again with 2026-Q3 to pay them in 2026-Q3)',
    );

    const broken = await tempDir({
      'plan.attain': plan,
      'data/data.json': JSON.stringify({ ...dataset, previous: {} }),
      'q2.json': q2,
    });
    const { code, stderr } = await run(args, { cwd: broken });
    expect(stderr).toBe(
      'attain: data/data.json: "previous" is not the results of a run: it has no "statements" list\n',
    );
    expect(code).toBe(2);
  });
});
