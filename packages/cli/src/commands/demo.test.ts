import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import { planWithErrors, validPlan } from '../test-support/plans.js';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

const formatted = format(validPlan).text ?? validPlan;

describe('attain demo', () => {
  it('checks and format-checks every example plan in the repository', async () => {
    const examples = (await readdir(join(repoRoot, 'examples'), { recursive: true }))
      .filter((path) => path.endsWith('plan.attain'))
      .map((path) => path.split(/[\\/]/)[0]);
    expect(examples.length).toBeGreaterThanOrEqual(5);

    const { code, stdout, stderr } = await run(['demo']);
    for (const name of examples) expect(stdout).toMatch(new RegExp(`^${name}  plan "`, 'm'));
    expect(stdout).toContain(`All ${examples.length} example plans check without errors and are formatted.`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('shows the name, version and declarations of each plan', async () => {
    const cwd = await tempDir({ 'examples/inside-sales/plan.attain': formatted });
    const { code, stdout } = await run(['demo'], { cwd });
    expect(stdout.split('\n').slice(2, 7)).toEqual([
      'inside-sales  plan "Inside Sales" version "2026.1"',
      '  declares  1 source, 1 payee schema, 1 credit, 1 measure, 1 rate table, 1 commission',
      '  check     ok: 0 errors, 0 warnings',
      '  format    ok: formatted',
      '',
    ]);
    expect(code).toBe(0);
  });

  it('exits 1 when an example has errors or is not formatted, showing the diagnostics', async () => {
    const cwd = await tempDir({
      'demo/good/plan.attain': formatted,
      'demo/bad/plan.attain': planWithErrors,
      'demo/untidy.attain': `${formatted}\n\n`,
    });
    const { code, stdout } = await run(['demo', 'demo'], { cwd });
    expect(stdout).toContain('  check     FAILED: 2 errors, 0 warnings\n');
    expect(stdout).toContain(`            ${join('demo', 'bad', 'plan.attain')}:22:43: error AT2001: `);
    expect(stdout).toMatch(/^untidy {2}plan "Inside Sales"/m);
    expect(stdout).toContain(
      `  format    FAILED: not formatted (run attain fmt --write ${join('demo', 'untidy.attain')})`,
    );
    expect(stdout).toContain('2 of 3 example plans failed.');
    expect(code).toBe(1);
  });

  it('exits 2 when the directory is missing', async () => {
    const cwd = await tempDir({});
    const { code, stderr } = await run(['demo', 'nowhere'], { cwd });
    expect(stderr).toBe('attain: cannot read nowhere: no such file or directory\n');
    expect(code).toBe(2);
  });
});
