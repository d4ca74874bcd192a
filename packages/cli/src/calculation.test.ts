/** The checks `attain run`, `report` and `compare` make before reading any data: the periods. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { dealsCsv, payeesCsv } from './test-support/data.js';
import { validPlan } from './test-support/plans.js';
import { run } from './test-support/run.js';
import { tempDir } from './test-support/temp-dir.js';

const files = { 'plan.attain': validPlan, 'data/payees.csv': payeesCsv, 'data/deals.csv': dealsCsv };
const runFor = (period: string) => [
  'run',
  'plan.attain',
  '--data',
  'data',
  '--period',
  period,
  '--format',
  'csv',
];

describe('--period', () => {
  it('exits 2 when it names no period (before: a CSV header alone and exit code 0)', async () => {
    const cwd = await tempDir(files);
    for (const period of ['', ',']) {
      const { code, stdout, stderr } = await run(runFor(period), { cwd });
      expect(stderr).toBe(
        `error: option '--period <period>' argument '${period}' is invalid. ` +
          'It names no period: write one like 2026-Q1.\n(run attain --help for usage)\n',
      );
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
  });

  it("exits 2 naming the plan's effective dates when every period is outside them", async () => {
    // The plan is effective 2026-01-01 to 2026-12-31. Before: a CSV header alone and exit code 0.
    const cwd = await tempDir(files);
    const { code, stdout, stderr } = await run(runFor('2025-Q4,2027-Q1'), { cwd });
    expect(stderr).toBe(
      "attain: --period 2025-Q4, 2027-Q1 are outside the plan's effective dates (2026-01-01 to 2026-12-31): " +
        'nothing to calculate\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('warns about a period outside the dates and calculates the others', async () => {
    const cwd = await tempDir(files);
    const { code, stdout, stderr } = await run(runFor('2025-Q4,2026-Q1'), { cwd });
    expect(stderr).toBe(
      "attain: warning: --period 2025-Q4 is outside the plan's effective dates (2026-01-01 to 2026-12-31): " +
        'no statements for it\n',
    );
    // Ada's D1 in Q1: 60,000 at 8% = 4,800.00.
    expect(stdout).toContain('ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n');
    expect(code).toBe(0);
  });

  it('calculates the others as if the period outside were not asked for', async () => {
    const cwd = await tempDir(files);
    const json = async (period: string, previous: string[] = []) =>
      JSON.parse(
        (await run([...runFor(period), '--format', 'json', ...previous], { cwd })).stdout,
      ) as Results;
    // The default --as-of (the plan's today) is the last day of 2026-Q4, not of 2027-Q1 (before:
    // 2027-03-31, and the periods listed 2027-Q1).
    const alone = await json('2026-Q4');
    const withOutside = await json('2026-Q4,2027-Q1');
    expect(withOutside.meta.asOf).toBe('2026-12-31');
    expect(withOutside.meta.periods).toEqual(['2026-Q4']);
    expect(withOutside.statements).toEqual(alone.statements);

    // After Q1 was paid, a late Q1 deal of Ada's (D7, 10,000 at 12% above her 100,000 quota =
    // 1,200.00) is not paid in 2027-Q1, which has no statements (before: a statement of Ada's in
    // 2027-Q1 paying a recalculation line of 1,200.00).
    await writeFile(join(cwd, 'q1.json'), JSON.stringify(await json('2026-Q1')));
    await writeFile(join(cwd, 'data/deals.csv'), `${dealsCsv}D7,ae-1,10000,2026-03-05,Closed Won\n`);
    const late = await json('2026-Q1,2027-Q1', ['--previous', 'q1.json']);
    expect(late.statements.filter((s) => s.reported !== true)).toEqual([]);
  });
});
