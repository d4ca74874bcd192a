/** The checks `attain run`, `report` and `compare` make before reading any data: the periods. */
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
});
