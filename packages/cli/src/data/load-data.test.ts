/**
 * What `attain run` says about a data directory or data.json whose files or lists are not where
 * the plan looks for them: a missing one stops the run (exit 2), one that nothing reads is named.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { dealsCsv, payeesCsv } from '../test-support/data.js';
import { validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

/** The README's Inside Sales plan, with manual adjustments from data. */
const plan = validPlan.replace(/\n}\n$/, '\n\n  adjustment manual "Manual adjustments" from data\n}\n');
const runQ1 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'csv'];

const deal = (id: string, amount: string) => ({
  values: { id, owner: 'ae-1', amount, close_date: '2026-01-15', stage: 'Closed Won' },
});
const payees = [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }];

describe('data.json with a source missing from records', () => {
  it('exits 2 naming the source, and names the list under another name', async () => {
    // Before: records.Deals was read by nothing, Ada earned 0.00 and the exit code was 0.
    const data = { payees, records: { Deals: [deal('D1', '60000')] } };
    const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(data) });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe(
      'attain: warning: data/data.json: records.Deals is not a source of the plan (did you mean deals?): ' +
        "its rows are not read (the plan's sources: deals)\n" +
        "attain: data/data.json: records.deals is missing: it holds the plan's source deals " +
        '(id, owner, amount, close_date, stage); write "deals": [] when there are none\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('exits 2 when records has no list for the source at all', async () => {
    const cwd = await tempDir({ 'plan.attain': plan, 'data.json': JSON.stringify({ payees, records: {} }) });
    const { code, stderr } = await run(['run', 'plan.attain', '--data', 'data.json', '--period', '2026-Q1'], {
      cwd,
    });
    expect(stderr).toContain("attain: data.json: records.deals is missing: it holds the plan's source deals");
    expect(code).toBe(2);
  });

  it('calculates with an empty list, and warns once about a list that no source reads', async () => {
    // 60,000 at 8% (attainment 60% of 100,000) = 4,800.00. The engine names the list nothing reads
    // (unread-part); with the CSV format its warnings go to stderr, said once.
    const data = { payees, records: { deals: [deal('D1', '60000')], leads: [] } };
    const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(data) });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe(
      'attain: warning: records has "leads", which is not a source of plan "Inside Sales": it is not read ' +
        "(the plan's sources: deals)\n",
    );
    expect(stdout).toContain('ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n');
    expect(code).toBe(0);
  });
});

describe('CSV files that nothing reads', () => {
  const adjustments =
    'id,payee,period,amount,currency,reason,earning\nADJ-1,ae-2,2026-Q1,100,USD,Missed deal,\n';

  it('warns about Adjustments.csv, which is not adjustments.csv, naming the files read', async () => {
    // Before: the adjustment of 100.00 was silently left out (Grace's payout 1,600.00, not 1,700.00).
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv,
      'data/Adjustments.csv': adjustments,
      'data/notes.txt': 'not a CSV file: not mentioned',
    });
    const { code, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe(
      'attain: warning: data/Adjustments.csv is not read (did you mean adjustments.csv?): file names must ' +
        'match exactly, case and all; the files read are payees.csv, deals.csv, fx.csv, quotas.csv, ' +
        'adjustments.csv, territory_assignments.csv, payee_attributes.csv\n',
    );
    expect(code).toBe(0);
  });

  it('names the file a missing one was probably meant to be', async () => {
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/payees.csv': payeesCsv,
      'data/Deals.csv': dealsCsv,
    });
    const { code, stderr } = await run(runQ1, { cwd });
    expect(stderr).toContain(
      "attain: data/deals.csv is missing (did you mean Deals.csv?): it holds the plan's source deals",
    );
    expect(code).toBe(2);
  });
});

describe('columns nobody reads', () => {
  it('are ignored when named twice or not at all; a column read twice stops the run', async () => {
    // Before: "the header names the column "notes" twice" and "column 8 of the header has no name", exit 2.
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv.replace(/\n/g, ',\n'),
      'data/deals.csv': dealsCsv.replace('stage\n', 'stage,notes,notes\n'),
    });
    const ok = await run(runQ1, { cwd });
    expect(ok.stderr).toBe('');
    // Ada: D1 60,000 at 8% = 4,800.00.
    expect(ok.stdout).toContain('ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n');
    expect(ok.code).toBe(0);

    const twice = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv.replace('stage\n', 'stage,amount\n'),
    });
    const bad = await run(runQ1, { cwd: twice });
    expect(bad.stderr).toBe('attain: data/deals.csv: the header names the column "amount" twice\n');
    expect(bad.code).toBe(2);
  });
});

describe('files that cannot be read', () => {
  it('are named, not the directory they are in', async () => {
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv,
    });
    // A link to nothing: before, "cannot read data: no such file or directory".
    await symlink(join(cwd, 'nowhere.csv'), join(cwd, 'data/fx.csv'));
    const dangling = await run(runQ1, { cwd });
    expect(dangling.stderr).toBe('attain: cannot read data/fx.csv: no such file or directory\n');
    expect(dangling.code).toBe(2);
    // A directory named deals.csv: before, "data/deals.csv is missing".
    await rm(join(cwd, 'data/fx.csv'));
    await rm(join(cwd, 'data/deals.csv'));
    await mkdir(join(cwd, 'data/deals.csv'));
    const directory = await run(runQ1, { cwd });
    expect(directory.stderr).toBe(
      "attain: data/deals.csv is a directory, not a file: it holds the plan's source deals " +
        '(id, owner, amount, close_date, stage)\n',
    );
    expect(directory.code).toBe(2);
  });
});

describe('JSON files with a byte order mark', () => {
  it('reads data.json and --previous files that start with a UTF-8 BOM, as CSV files do', async () => {
    // Before: "cannot read data/data.json: is not valid JSON: Unexpected token '\uFEFF'", exit 2.
    // 60,000 at 8% (attainment 60% of 100,000) = 4,800.00.
    const data = { payees, records: { deals: [deal('D1', '60000')] } };
    const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': `\uFEFF${JSON.stringify(data)}` });
    const q1 = await run([...runQ1.slice(0, -2), '--format', 'json'], { cwd });
    expect(q1.stderr).toBe('');
    expect((JSON.parse(q1.stdout) as Results).statements[0]?.payout).toBe('4800.00');
    await writeFile(join(cwd, 'q1.json'), `\uFEFF${q1.stdout}`);
    const q2 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1,2026-Q2'];
    const { code, stdout } = await run([...q2, '--previous', 'q1.json', '--format', 'json'], { cwd });
    // q1.json is read: 2026-Q1 is closed, returned as it reported it. (A run of 2026-Q2 alone used
    // to show it by a `not-recalculated` warning, now given only when Q1's data changed.)
    const q2Results = JSON.parse(stdout) as Results;
    expect(q2Results.statements.map((s) => [s.period, s.reported])).toEqual([
      ['2026-Q1', true],
      ['2026-Q2', undefined],
    ]);
    expect(q2Results.warnings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('several --previous files', () => {
  /** A data directory with the JSON of runs of 2026-Q1 and 2026-Q2 (q1.json, q2.json). */
  async function withRuns(): Promise<string> {
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv,
    });
    const runOf = (period: string, ...more: string[]) =>
      run(['run', 'plan.attain', '--data', 'data', '--period', period, ...more, '--format', 'json'], { cwd });
    await writeFile(join(cwd, 'q1.json'), (await runOf('2026-Q1')).stdout);
    await writeFile(join(cwd, 'q2.json'), (await runOf('2026-Q2', '--previous', 'q1.json')).stdout);
    return cwd;
  }
  const runQ3 = async (cwd: string, ...files: string[]) => {
    const args = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q3', '--format', 'json'];
    const { stdout } = await run([...args, ...files.flatMap((file) => ['--previous', file])], { cwd });
    return JSON.parse(stdout) as Results;
  };

  it('give the same data hash in any order', async () => {
    // Before: the merged meta was the last file's, which the hash covers: q1,q2 and q2,q1 differed.
    const cwd = await withRuns();
    const forward = await runQ3(cwd, 'q1.json', 'q2.json');
    const backward = await runQ3(cwd, 'q2.json', 'q1.json');
    expect(backward.statements).toEqual(forward.statements);
    expect(backward.meta.dataHash).toBe(forward.meta.dataHash);
  });

  it('warn that a file is of another plan, also when it comes last', async () => {
    // Before: with the other plan's file last, the merged meta was q1.json's (the first whose plan
    // differs from the last file's), so the engine saw its own plan and said nothing.
    const cwd = await withRuns();
    await writeFile(join(cwd, 'copy.attain'), validPlan.replace('"Inside Sales"', '"Inside Sales Copy"'));
    const args = ['run', 'copy.attain', '--data', 'data', '--period', '2026-Q2', '--previous', 'q1.json'];
    await writeFile(join(cwd, 'r2.json'), (await run([...args, '--format', 'json'], { cwd })).stdout);
    for (const files of [
      ['q1.json', 'r2.json'],
      ['r2.json', 'q1.json'],
    ]) {
      const results = await runQ3(cwd, ...files);
      expect(results.warnings.filter((w) => w.code === 'previous-plan').map((w) => w.message)).toEqual([
        'the earlier results (previous) are of plan "Inside Sales Copy", not "Inside Sales": they are read as ' +
          'this plan\'s, as after a rename (if "Inside Sales Copy" is another plan, leave its results out)',
      ]);
    }
  });
});
