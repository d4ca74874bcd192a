/**
 * What `attain run` says about a data directory or data.json whose files or lists are not where
 * the plan looks for them: a missing one stops the run (exit 2), one that nothing reads is named.
 */
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
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
        'adjustments.csv, territory_assignments.csv\n',
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
