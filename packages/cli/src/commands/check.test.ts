import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWithErrors, planWithSyntaxError, planWithWarning, validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';
import type { CheckReport } from './check.js';

describe('attain check', () => {
  it('prints each diagnostic as file:line:col with related locations, then a summary, and exits 1', async () => {
    const cwd = await tempDir({ 'plans/inside-sales.attain': planWithErrors });
    const { code, stdout, stderr } = await run(['check', 'plans/inside-sales.attain'], { cwd });
    expect(stdout.split('\n')).toEqual([
      'plans/inside-sales.attain:22:43: error AT2001: There is no `bookngs` in this plan. Did you mean `bookings`?',
      'plans/inside-sales.attain:26:5: error AT4003: Tiers 1 and 2 of commission_rates overlap between 90% and 100%',
      '    plans/inside-sales.attain:25:5: Tier 1 is here',
      '    plans/inside-sales.attain:26:5: Tier 2 is here',
      'Checked 1 plan: 2 errors, 0 warnings',
      '',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('exits 0 on a clean plan and when there are only warnings', async () => {
    const cwd = await tempDir({ 'clean.attain': validPlan, 'warned.attain': planWithWarning });
    expect(await run(['check', 'clean.attain'], { cwd })).toEqual({
      code: 0,
      stdout: 'Checked 1 plan: 0 errors, 0 warnings\n',
      stderr: '',
    });
    const warned = await run(['check', 'warned.attain'], { cwd });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(
      /^warned\.attain:22:7: warning AT2006: .*spare.*\nChecked 1 plan: 0 errors, 1 warning\n$/,
    );
  });

  it('checks every .attain file below a directory in sorted order and totals the diagnostics', async () => {
    const cwd = await tempDir({
      'plans/b/plan.attain': planWithSyntaxError,
      'plans/a/plan.attain': planWithErrors,
      'plans/c.attain': validPlan,
    });
    const { code, stdout } = await run(['check', 'plans'], { cwd });
    const files = stdout.split('\n').flatMap((line) => /^(\S+\.attain):/.exec(line)?.[1] ?? []);
    expect([...new Set(files)]).toEqual([
      join('plans', 'a', 'plan.attain'),
      join('plans', 'b', 'plan.attain'),
    ]);
    expect(stdout).toMatch(/\nChecked 3 plans: 3 errors, 1 warning\n$/);
    expect(code).toBe(1);
  });

  it('reports an unreadable file on stderr, still checks the others, and exits 2', async () => {
    const cwd = await tempDir({ 'plan.attain': validPlan });
    const { code, stdout, stderr } = await run(['check', 'missing.attain', 'plan.attain'], { cwd });
    expect(stderr).toBe('attain: cannot read missing.attain: no such file or directory\n');
    expect(stdout).toBe('Checked 1 plan: 0 errors, 0 warnings\n');
    expect(code).toBe(2);
  });

  it('prints the diagnostics as JSON with --format json', async () => {
    const cwd = await tempDir({ 'bad.attain': planWithErrors, 'good.attain': validPlan });
    const { code, stdout } = await run(['check', '--format', 'json', 'bad.attain', 'good.attain'], { cwd });
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.plans.map((plan) => plan.file)).toEqual(['bad.attain', 'good.attain']);
    expect(report.plans[0]?.diagnostics.map((d) => d.code)).toEqual(['AT2001', 'AT4003']);
    expect(report.plans[0]?.diagnostics[1]?.range.start).toMatchObject({ line: 25, character: 4 });
    expect(report.plans[1]?.diagnostics).toEqual([]);
    expect({ errors: report.errors, warnings: report.warnings, infos: report.infos }).toEqual({
      errors: 2,
      warnings: 0,
      infos: 0,
    });
    expect(code).toBe(1);
  });

  it('colours output only on a terminal without NO_COLOR', async () => {
    const cwd = await tempDir({ 'bad.attain': planWithErrors });
    expect((await run(['check', 'bad.attain'], { cwd, tty: true })).stdout).toContain('\u001b[31m');
    expect(
      (await run(['check', 'bad.attain'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect((await run(['check', 'bad.attain'], { cwd, tty: false })).stdout).not.toContain('\u001b[');
  });
});
