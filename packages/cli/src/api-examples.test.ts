/**
 * The runnable examples of examples/api, run as a developer runs them (`node
 * examples/api/<name>.mjs` from the repository root, against the built packages), with what they
 * print checked against numbers worked out by hand from the example data.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './test-support/run.js';
import { tempDir } from './test-support/temp-dir.js';

const exec = promisify(execFile);

async function example(name: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(process.execPath, [join('examples/api', name), ...args], { cwd: repoRoot });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

/** The ```text blocks of docs/guide/node.md, in order: what the guide says each example prints. */
const printed = [
  ...readFileSync(join(repoRoot, 'docs/guide/node.md'), 'utf8').matchAll(/```text\n([\s\S]*?)```/g),
].map((m) => m[1]);

describe('examples/api', () => {
  it('payroll.mjs pays Q1, then Q2 with Q1 as the earlier results', async () => {
    const { code, stdout } = await example('payroll.mjs');
    expect(code).toBe(0);
    // Q1: the total README's run prints; Maya 37,600.00 earned less 10% held back.
    expect(stdout).toContain('2026-Q1: 38 statements, payout 1,143,355.18 USD');
    expect(stdout).toMatch(
      /Maya Okafor +payout +33,840\.00 +carried: .*holdback:commission_reserve 3,760\.00/,
    );
    // Tomás: the 770.00 drawn in Q1 (3,000 - 2,230.00 earned) is owed into Q2, then recovered there.
    expect(stdout).toMatch(/Tomás Rivera +payout +2,777\.00 +carried: draw:new_hire_draw 770\.00/);
    expect(stdout).toMatch(/2026-Q2: 38 statements, payout [\d,]+\.\d\d USD/);
    expect(stdout).toMatch(/Tomás Rivera +payout +[\d,.]+ +carried: draw:new_hire_draw 0\.00/);
    // D-1003 (100,000): bookings 140,000 -> 240,000 against a quota of 160,000 (bands at 80,000,
    // 160,000 and 240,000): 20,000 at 17% = 3,400 plus 80,000 at 22% = 17,600, 21,000 in all.
    expect(stdout).toContain(
      'New business commission for deals D-1003 is 21,000.00 USD: 17% on the 20,000.00 USD between 50% and 100%, tier 2 of commission_rates, plus 22% on the 80,000.00 USD between 100% and 150%, tier 3 of commission_rates',
    );
    // The guide shows the whole output.
    expect(printed[0]).toBe(stdout);
  });

  it('estimator.mjs shows a hypothetical deal as an estimate, not in the payout', async () => {
    const { code, stdout } = await example('estimator.mjs');
    expect(code).toBe(0);
    // Tomás' quota: 890,000 x 20% x 25% (ramp) x 52/89 days = 26,000; bands at 13,000, 26,000,
    // 39,000. With D-1005 (20,000) booked, WHATIF-1 (60,000) takes bookings to 80,000:
    // 6,000 x 17% + 13,000 x 22% + 41,000 x 25% = 1,020 + 2,860 + 10,250 = 14,130.
    expect(stdout).toMatch(/payout now: +2777\.00 USD/);
    expect(stdout).toMatch(/estimate new_business:WHATIF-1 +14130\.00/);
    // Estimated: 2,230 + 14,130 = 16,360 earned, no draw (above 3,000), 10% held back: 14,724.
    expect(stdout).toMatch(/if WHATIF-1 closes: +14724\.00 USD/);
    expect(stdout).toContain('an estimate, not paid: it comes from a hypothetical record');
    expect(printed[1]).toBe(stdout);
  });

  it('check-plans.mjs passes the example plans and fails a plan with an error', async () => {
    const clean = await example('check-plans.mjs');
    expect(clean).toEqual({ code: 0, stdout: 'Checked 9 plans: 0 errors, 0 warnings\n' });
    const dir = await tempDir({
      'x.attain':
        'plan "X" {\n  currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31\n  bonus b = 500 USS\n}\n',
    });
    const bad = await example('check-plans.mjs', dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/x\.attain:5:17: error AT3011: USS is not a known currency code/);
    expect(bad.stdout).toMatch(/Checked 1 plan: 1 error, 0 warnings\n$/);
  });
});
