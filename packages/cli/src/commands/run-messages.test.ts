/**
 * What `attain run` says about damaged data files, word for word: the line and column of a
 * mistake in a CSV or JSON file, what --data and --previous take, long names cut, invisible
 * characters spelt out, and a data directory without data files. run-robustness.test.ts runs
 * `attain run` over randomly damaged files.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dealsCsv, payeesCsv } from '../test-support/data.js';
import { validPlan } from '../test-support/plans.js';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

/** Runs `attain run` over `files` (the plan beside them), for 2026-Q1. */
async function runOver(files: Record<string, string | Uint8Array>, extra: string[] = []) {
  const dir = await tempDir({ 'plan.attain': validPlan });
  await mkdir(join(dir, 'data'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return run(['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', ...extra], { cwd: dir });
}

describe('messages about damaged files', () => {
  const takesData =
    '--data takes a directory of CSV files (payees.csv, deals.csv) or a JSON file of the Dataset shape ' +
    '{ "payees": [...], "records": { "deals": [...] } }';

  it('places a mistake in data.json by line and column, and says what --data takes', async () => {
    // Before: no word of what --data takes. Line 3 is the "]" after the trailing comma.
    const { code, stderr } = await runOver({
      'data/data.json': '{"payees": [\n  {"id": "a", "name": "b"},\n]\n',
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `attain: data/data.json:3:1: not valid JSON: a "," before "]" (JSON allows no comma after the last item); ${takesData}\n`,
    );
  });

  it('names an empty data.json or --previous file as empty, with what the option takes', async () => {
    // Before: "data/data.json:1:1: not valid JSON: expected a value, found the end of the file".
    const data = await runOver({ 'data/data.json': '\n' });
    expect(data.code).toBe(2);
    expect(data.stderr).toBe(`attain: data/data.json is empty: it holds no JSON; ${takesData}\n`);
    const previous = await runOver(
      { 'data/payees.csv': payeesCsv, 'data/deals.csv': dealsCsv, 'q4.json': '' },
      ['--previous', 'q4.json'],
    );
    expect(previous.code).toBe(2);
    expect(previous.stderr).toBe(
      'attain: q4.json is empty: it holds no JSON; --previous takes the JSON that attain run --format json writes\n',
    );
  });

  it('places an unclosed quote of a CSV file by line and column', async () => {
    // Before: "data/deals.csv: not valid CSV: Quoted field unterminated (row 2)". The quote opens
    // the third cell of line 3: column 7 (after `D2,ae-1,`... is 8: D, 2, comma, a, e, -, 1, comma).
    const deals =
      'id,owner,amount,close_date,stage\nD1,ae-1,100,2026-01-02,Closed Won\nD2,ae-1,"100,2026-01-02,Closed Won\n';
    const { code, stderr } = await runOver({ 'data/payees.csv': payeesCsv, 'data/deals.csv': deals });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'attain: data/deals.csv:3:9: not valid CSV (row 2): a quote opens a cell that is never closed, so the ' +
        'rest of the file would be that one cell: end the cell with a quote, and write a quote inside a quoted cell twice ("")\n',
    );
  });

  it('cuts a huge column name to 60 characters with its length, and lists 20 columns of a huge header', async () => {
    // Before: the whole name (4,000 characters) and all 31 columns in one line.
    const name = 'y'.repeat(4000);
    const extra = Array.from({ length: 25 }, (_, i) => `c${i + 1}`);
    const deals = `id,owner,${name},close_date,stage,${extra.join(',')}\n`;
    const { code, stderr } = await runOver({ 'data/payees.csv': payeesCsv, 'data/deals.csv': deals });
    expect(code).toBe(2);
    // The first 20: id, owner, the long one, close_date, stage, c1 to c15; 10 more (c16 to c25).
    const shown = ['id', 'owner', `"${'y'.repeat(60)}…" (4,000 characters)`, 'close_date', 'stage'];
    for (let i = 1; i <= 15; i++) shown.push(`c${i}`);
    expect(stderr).toBe(
      `attain: data/deals.csv has no "amount" column (the plan's source deals declares it); its columns are ${shown.join(', ')} and 10 more\n`,
    );
  });

  it('spells out invisible characters of a column name, and of a record key', async () => {
    // Before: "its columns are id, owner, amount, close_date, stage": the zero-width space after
    // amount could not be seen; and the key's escape character went to the terminal as it is.
    const hidden = await runOver({
      'data/payees.csv': payeesCsv,
      'data/deals.csv': 'id,owner,amount\u200b,close_date,stage\n',
    });
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toBe(
      'attain: data/deals.csv has no "amount" column (the plan\'s source deals declares it); its columns are id, owner, "amount\\u200B", close_date, stage\n',
    );
    const key = await runOver({
      'data/payees.csv': payeesCsv,
      'data/deals.csv': 'id,owner,amount,close_date,stage\nD\u001b[2J,ae-1,12O0,2026-01-02,Closed Won\n',
    });
    expect(key.code).toBe(0);
    expect(key.stdout).toContain(
      '  data/deals.csv row 1 ("D\\u001B[2J"): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n',
    );
  });

  it('prints a long value the engine quotes cut, as the engine cuts it (the CLI cuts nothing itself)', async () => {
    // An unknown manager (a warning) and a duplicate deal id (a data error), each 2,000 characters.
    const manager = `m${'a'.repeat(1_999)}`;
    const id = `D${'1'.repeat(1_999)}`;
    const payees = `id,name,manager,quarterly_quota\nae-1,Ada Lovelace,${manager},100000\n`;
    const deals = `id,owner,amount,close_date,stage\n${id},ae-1,100,2026-01-02,Closed Won\n${id},ae-1,100,2026-01-03,Closed Won\n`;
    const { code, stdout } = await runOver({ 'data/payees.csv': payees, 'data/deals.csv': deals });
    expect(code).toBe(0);
    expect(stdout).toContain(
      `  ae-1: payees row 1: manager is "m${'a'.repeat(99)}…" (2,000 characters), who is not among the payees: ae-1 is calculated without a manager`,
    );
    expect(stdout).toContain(`: id "D${'1'.repeat(99)}…" (2,000 characters) is also used in row 2\n`);
    expect(stdout).not.toContain('a'.repeat(101));
  });

  it('says what the directory should hold when it holds no data files (exit code 2)', async () => {
    // Before: one line per missing file, and nothing about data.json or the folder below.
    const files =
      "payees.csv (the payees: id, name, manager and payee attributes) and deals.csv (the plan's source " +
      'deals: id, owner, amount, close_date, stage), or a data.json of the Dataset shape ' +
      '{ "payees": [...], "records": { "deals": [...] } }.';
    const empty = await runOver({});
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      `attain: data holds no data files (it is empty); for this plan --data takes a directory holding ${files}\n`,
    );
    const above = await runOver({ 'data/notes.txt': 'x', 'data/data/payees.csv': payeesCsv });
    expect(above.code).toBe(2);
    expect(above.stderr).toBe(
      `attain: data holds no data files (it holds data/ and notes.txt); for this plan --data takes a directory holding ${files} Did you mean --data data/data?\n`,
    );
  });

  it('suggests the data folder of an example given its own folder, as run.md shows', async () => {
    const { code, stderr } = await run(
      ['run', 'examples/sdr/plan.attain', '--data', 'examples/sdr', '--period', '2026-03'],
      { cwd: repoRoot },
    );
    expect(code).toBe(2);
    const docs = await readFile(join(repoRoot, 'docs/reference/run.md'), 'utf8');
    const line = stderr.trimEnd();
    expect(line).toMatch(
      /^attain: examples\/sdr holds no data files \(it holds data\/, expected\.json and plan\.attain\)/,
    );
    expect(line).toMatch(/Did you mean --data examples\/sdr\/data\?$/);
    expect(docs).toContain(line);
  });
});
