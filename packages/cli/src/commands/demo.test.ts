import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import { badDealRow, dealsCsv, payeesCsv } from '../test-support/data.js';
import { planWithErrors, validPlan } from '../test-support/plans.js';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

const formatted = format(validPlan).text ?? validPlan;

describe('attain demo', () => {
  it('checks, format-checks and runs every example plan in the repository over its data', async () => {
    const files = (await readdir(join(repoRoot, 'examples'), { recursive: true })).filter((path) =>
      path.endsWith('.attain'),
    );
    const examples = files
      .filter((path) => path.endsWith('plan.attain'))
      .map((path) => path.split(/[\\/]/)[0] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(5);

    const { code, stdout, stderr } = await run(['demo']);
    for (const name of examples) {
      expect(stdout).toMatch(new RegExp(`^${name}  plan "`, 'm'));
      expect(stdout).toMatch(
        new RegExp(`^  run       ok: \\S+ over ${join('examples', name, 'data')}, \\d+ statements`, 'm'),
      );
    }
    // Every example plan with data next to it runs; the others (territory designs, plan proposals) are checked.
    expect(stdout).toContain(
      `All ${files.length} example plans check without errors and are formatted; ${examples.length} run over their data`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('shows the name, version and declarations of each plan', async () => {
    const cwd = await tempDir({ 'examples/inside-sales/plan.attain': formatted });
    const { code, stdout } = await run(['demo'], { cwd });
    expect(stdout.split('\n').slice(2, 8)).toEqual([
      'inside-sales  plan "Inside Sales" version "2026.1"',
      '  declares  1 source, 1 payee schema, 1 credit, 1 measure, 1 rate table, 1 commission',
      '  check     ok: 0 errors, 0 warnings',
      '  format    ok: formatted',
      `  run       skipped: no data directory (${join('examples', 'inside-sales', 'data')})`,
      '',
    ]);
    expect(code).toBe(0);
  });

  it('runs a plan over the data next to it for its first period, a line per payee', async () => {
    const cwd = await tempDir({
      'examples/inside-sales/plan.attain': formatted,
      'examples/inside-sales/data/payees.csv': payeesCsv,
      'examples/inside-sales/data/deals.csv': dealsCsv,
    });
    const { code, stdout, stderr } = await run(['demo'], { cwd });
    const data = join('examples', 'inside-sales', 'data');
    // Ada: 60,000 x 8% + (40,000 x 8% + 10,000.50 x 12%) = 9,200.06; Grace: 20,000 x 8% = 1,600.
    expect(stdout.split('\n').slice(6, 13)).toEqual([
      `  run       ok: 2026-Q1 over ${data}, 2 statements`,
      '            payee  name          attainment     earned  adjustments     payout',
      '            ae-1   Ada Lovelace        110%   9,200.06         0.00   9,200.06',
      '            ae-2   Grace Hopper         40%   1,600.00         0.00   1,600.00',
      '            total                            10,800.06         0.00  10,800.06 USD',
      '',
      'All 1 example plan check without errors, are formatted and run over their data.',
    ]);
    expect(stdout).toContain(
      `Full statements: pnpm attain run ${join('examples', 'inside-sales', 'plan.attain')} --data ${data} --period 2026-Q1\n`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 when an example does not run cleanly over its data, showing the errors', async () => {
    const cwd = await tempDir({
      'examples/inside-sales/plan.attain': formatted,
      'examples/inside-sales/data/payees.csv': payeesCsv,
      'examples/inside-sales/data/deals.csv': `${dealsCsv}${badDealRow}`,
      'examples/other/plan.attain': formatted,
      'examples/other/data/payees.csv': payeesCsv,
    });
    const { code, stdout, stderr } = await run(['demo'], { cwd });
    const data = join('examples', 'inside-sales', 'data');
    expect(stdout).toContain(
      `  run       FAILED: 2 data errors in ${data}\n` +
        `            ${join(data, 'deals.csv')} row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n` +
        `            ${join(data, 'deals.csv')} row 6 (D6): owner is "ae-9", who is not among the payees\n`,
    );
    const other = join('examples', 'other', 'data');
    expect(stdout).toContain(`  run       FAILED: the data in ${other} cannot be used (see above)\n`);
    expect(stderr).toContain(`attain: ${join(other, 'deals.csv')} is missing`);
    expect(stdout).toContain('2 of 2 example plans failed.');
    expect(code).toBe(1);
  });

  it('exits 1 when an example has errors or is not formatted, showing the diagnostics', async () => {
    const cwd = await tempDir({
      'demo/good/plan.attain': formatted,
      'demo/bad/plan.attain': planWithErrors,
      'demo/untidy.attain': `${formatted}\n\n`,
    });
    const { code, stdout } = await run(['demo', 'demo'], { cwd });
    expect(stdout).toContain('  check     FAILED: 2 errors, 0 warnings\n');
    expect(stdout).toContain('  run       skipped: the plan has errors\n');
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
