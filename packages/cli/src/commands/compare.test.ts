import { basename } from 'node:path';
import type { PlanComparison } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { createNodeIo, type Io } from '../io.js';
import { main } from '../main.js';
import { badDealRow, dealsCsv, payeesCsv } from '../test-support/data.js';
import { validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

/** The proposal: 6% up to quota (was 8%), 20% above it (was 12%). */
const proposal = validPlan
  .replace('version "2026.1"', 'version "2026.2"')
  .replace('0% to 100%: 8%', '0% to 100%: 6%')
  .replace('100% and up: 12%', '100% and up: 20%');

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'current.attain': validPlan,
    'proposal.attain': proposal,
    'data/payees.csv': payeesCsv,
    'data/deals.csv': dealsCsv,
    ...extra,
  };
}

const compareQ1 = ['compare', 'current.attain', 'proposal.attain', '--data', 'data', '--period', '2026-Q1'];

// Q1: Ada (quota 100,000) books D1 60,000 and D2 50,000.50; Grace (quota 50,000, on the plan from
// 1 February) books D3 20,000. Alan left before 2026, Edsger is on another plan.
// A: Ada 60,000 × 8% = 4,800.00 + 40,000 × 8% + 10,000.50 × 12% = 4,400.06 → 9,200.06;
//    Grace 20,000 × 8% = 1,600.00. Total 10,800.06.
// B: Ada 60,000 × 6% = 3,600.00 + 40,000 × 6% + 10,000.50 × 20% = 2,400 + 2,000.10 → 8,000.10;
//    Grace 20,000 × 6% = 1,200.00. Total 9,200.10; B − A = −1,599.96, −1,599.96 / 10,800.06 = −14.8%.
// Credited revenue 110,000.50 + 20,000 = 130,000.50: cost of sales 10,800.06 / 130,000.50 = 8.31%
// and 9,200.10 / 130,000.50 = 7.08%, −1.23 points.
// Ada is at 110% (at quota, paid in the accelerator tier on both sides), Grace at 40%: 1 of 2.
// Two payees: r = 1 on both sides. Nearest rank of 2: p10, p25, p50 rank 1; p75, p90 rank 2.
// Ada −1,199.96 (−1,199.96 / 9,200.06 = −13%), Grace −400.00 (−25%).
const table = `Plan comparison: 2026-Q1, data data, amounts in USD
  A  current.attain   "Inside Sales" version "2026.1"
  B  proposal.attain  "Inside Sales" version "2026.2"

                                  A            B                B - A
  Payout                  10,800.06     9,200.10   -1,599.96 (-14.8%)
  Earned                  10,800.06     9,200.10            -1,599.96
  Credited revenue       130,000.50   130,000.50                 0.00
  Cost of sales               8.31%        7.08%            -1.23 pts
  Payees                          2            2                    0
  At or above quota         1 (50%)      1 (50%)                0 pts
  Earning accelerators      1 (50%)      1 (50%)                0 pts
  Pay for performance        1.0000       1.0000               0.0000

Payout per payee (nearest rank):
                           A          B       B - A
  lowest            1,600.00   1,200.00     -400.00
  10th percentile   1,600.00   1,200.00     -400.00
  25th percentile   1,600.00   1,200.00     -400.00
  median            1,600.00   1,200.00     -400.00
  75th percentile   9,200.06   8,000.10   -1,199.96
  90th percentile   9,200.06   8,000.10   -1,199.96
  highest           9,200.06   8,000.10   -1,199.96
  mean              5,400.03   4,600.05     -799.98

Largest changes in payout (2 of 2 payees paid differently):
  payee   name           attainment A   attainment B   payout A   payout B      change
  ae-1    Ada Lovelace           110%           110%   9,200.06   8,000.10   -1,199.96   -13%
  ae-2    Grace Hopper            40%            40%   1,600.00   1,200.00     -400.00   -25%
`;

describe('attain compare', () => {
  it('prints the summary, the distribution and the largest changes, computed by hand', async () => {
    const cwd = await tempDir(files());
    const { code, stdout, stderr } = await run(compareQ1, { cwd });
    expect(stderr).toBe('');
    expect(stdout).toBe(table);
    expect(code).toBe(0);
  });

  it('prints the comparison as JSON', async () => {
    const cwd = await tempDir(files());
    const { code, stdout } = await run([...compareQ1, '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout) as PlanComparison;
    expect(stdout).toBe(`${JSON.stringify(comparison, null, 2)}\n`);
    expect([comparison.periods, comparison.mode, comparison.currency]).toEqual([
      ['2026-Q1'],
      'lenient',
      'USD',
    ]);
    expect([comparison.a.payout, comparison.b.payout, comparison.difference.payout]).toEqual([
      '10800.06',
      '9200.10',
      '-1599.96',
    ]);
    expect([comparison.a.plan.version, comparison.b.plan.version]).toEqual(['2026.1', '2026.2']);
    expect(comparison.a.creditedRevenue).toBe('130000.50');
    expect(comparison.a.distribution.p75).toBe('9200.06');
    expect(comparison.payees.map((p) => [p.payee, p.a?.payout, p.b?.payout, p.payoutDelta])).toEqual([
      ['ae-1', '9200.06', '8000.10', '-1199.96'],
      ['ae-2', '1600.00', '1200.00', '-400.00'],
    ]);
  });

  it('compares one plan over two data sets with --data-b, and lists only the top movers', async () => {
    // Design B lowers Grace's quota to 20,000: 100% attainment, still all in tier 1 (1,600.00);
    // Ada's quota rises to 110,000.50: exactly 100%, every deal at 8%: 110,000.50 × 8% = 8,800.04,
    // 400.02 less than 9,200.06 (−4.3%), and no accelerator. Both at 100%: no correlation.
    const payeesB = payeesCsv
      .replace('ae-1,Ada Lovelace,,100000', 'ae-1,Ada Lovelace,,110000.50')
      .replace('ae-2,Grace Hopper,ae-1,50000', 'ae-2,Grace Hopper,ae-1,20000');
    const cwd = await tempDir(files({ 'design-b/payees.csv': payeesB, 'design-b/deals.csv': dealsCsv }));
    const argv = ['compare', 'current.attain', 'current.attain', '--data', 'data', '--data-b', 'design-b'];
    const { code, stdout } = await run([...argv, '--period', '2026-Q1', '--top', '1'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('Plan comparison: 2026-Q1, data A data, B design-b, amounts in USD\n');
    expect(stdout).toContain('  At or above quota         1 (50%)     2 (100%)           +50 pts\n');
    expect(stdout).toContain('  Earning accelerators      1 (50%)       0 (0%)           -50 pts\n');
    expect(stdout).toContain('  Pay for performance        1.0000            -                 -\n');
    expect(stdout).toContain(
      'Largest changes in payout (1 of 1 payee paid differently):\n' +
        '  payee   name           attainment A   attainment B   payout A   payout B    change\n' +
        '  ae-1    Ada Lovelace           110%           100%   9,200.06   8,800.04   -400.02   -4.3%\n',
    );
  });

  it('leaves the largest changes out with --top 0', async () => {
    const cwd = await tempDir(files());
    const { code, stdout } = await run([...compareQ1, '--top', '0'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toBe(table.slice(0, table.indexOf('\nLargest changes')));
  });

  it('shows a payee on one side only, and the rows and warnings of each side', async () => {
    // Design B has no Grace (her D3 and D4 are left out: unknown payee) and a payee with a zero
    // quota (division by zero: no attainment, warnings). Grace is "not on plan" in B; ae-5 is in B
    // only and paid 0. B's payees at quota: Ada, 1 of the 1 payee with an attainment.
    const payeesB =
      'id,name,manager,quarterly_quota,plan,plan_from,plan_to\nae-1,Ada Lovelace,,100000,,,\nae-5,Zero Quota,,0,,,\n';
    const cwd = await tempDir(files({ 'design-b/payees.csv': payeesB, 'design-b/deals.csv': dealsCsv }));
    const argv = ['compare', 'current.attain', 'current.attain', '--data', 'data', '--data-b', 'design-b'];
    const { code, stdout } = await run([...argv, '--period', '2026-Q1'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('  Credited revenue       130,000.50      110,000.50           -20,000.00\n');
    expect(stdout).toContain('  At or above quota         1 (50%)   1 of 1 (100%)              +50 pts\n');
    expect(stdout).toContain(
      '  ae-2    Grace Hopper            40%    not on plan   1,600.00          -   -1,600.00   -100%\n',
    );
    expect(stdout).toContain(
      '\nRejected rows (left out of the calculation: A 0 rows, B 2 rows):\n' +
        '  design-b/deals.csv row 3 (D3): owner is "ae-2", who is not among the payees\n' +
        '  design-b/deals.csv row 4 (D4): owner is "ae-2", who is not among the payees\n' +
        '\nWarnings: A 0, B 2 (attain run lists them)\n',
    );
  });

  it('says so when nobody is paid differently', async () => {
    const cwd = await tempDir(files());
    const argv = ['compare', 'current.attain', 'current.attain', '--data', 'data', '--period', '2026-Q1'];
    const { code, stdout } = await run(argv, { cwd });
    expect(code).toBe(0);
    expect(stdout.endsWith('\nNo payee is paid differently.\n')).toBe(true);
  });

  it('reads and compiles a plan file named for both sides once', async () => {
    const cwd = await tempDir(files());
    // The plan files read, by the command line that read them.
    const reads = async (argv: string[]): Promise<string[]> => {
      const read: string[] = [];
      const node = createNodeIo();
      const io: Io = {
        ...node,
        stdout: { write: () => {} },
        stderr: { write: () => {} },
        readFile: (path) => {
          if (path.endsWith('.attain')) read.push(basename(path));
          return node.readFile(path);
        },
        cwd,
        env: {},
      };
      expect(await main(argv, io)).toBe(0);
      return read;
    };
    const period = ['--data', 'data', '--period', '2026-Q1'];
    expect(await reads(['compare', 'current.attain', './current.attain', ...period])).toEqual([
      'current.attain',
    ]);
    expect(await reads(['compare', 'current.attain', 'proposal.attain', ...period])).toEqual([
      'current.attain',
      'proposal.attain',
    ]);
  });

  it('lists rows left out once when both plans read the same data', async () => {
    const cwd = await tempDir(files({ 'data/deals.csv': `${dealsCsv}${badDealRow}` }));
    const { code, stdout } = await run(compareQ1, { cwd });
    expect(code).toBe(0);
    expect(stdout.startsWith(table)).toBe(true);
    expect(stdout.slice(table.length)).toBe(
      '\nRejected rows (left out of the calculation: A 1 row, B 1 row):\n' +
        '  data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n' +
        '  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n',
    );
    const json = await run([...compareQ1, '--format', 'json'], { cwd });
    expect(json.stderr).toBe(
      'attain: rows left out of the calculation (A 1 row, B 1 row):\n' +
        '  data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)\n' +
        '  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n',
    );
  });

  it('--strict prints every data error once, compares nothing and exits 1', async () => {
    const cwd = await tempDir(files({ 'data/deals.csv': `${dealsCsv}${badDealRow}` }));
    const { code, stdout, stderr } = await run([...compareQ1, '--strict'], { cwd });
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'data/deals.csv row 6 (D6): amount is "12O0", which is not an amount (write it like 1200.50 or 1200.50 EUR)',
      'data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees',
      'attain: 2 data errors (--strict): nothing was compared. Without --strict the rows with errors are left out and the rest is calculated.',
      '',
    ]);
    expect(code).toBe(1);

    const json = await run([...compareQ1, '--strict', '--format', 'json'], { cwd });
    const comparison = JSON.parse(json.stdout) as PlanComparison;
    expect(comparison.a.errors.map((e) => [e.source, e.row, e.field, e.code])).toEqual([
      ['deals', 6, 'amount', 'bad-number'],
      ['deals', 6, 'owner', 'unknown-payee'],
    ]);
    expect([comparison.a.statements, comparison.b.statements]).toEqual([0, 0]);
    expect(json.code).toBe(1);
  });

  it('exits 2 on plans in different currencies, missing data or a wrong period, and 1 on a plan with errors', async () => {
    const cwd = await tempDir(
      files({
        'euro.attain': validPlan.replace('currency USD', 'currency EUR'),
        'broken.attain': validPlan.replace('bookings / ', 'bookngs / '),
      }),
    );
    const euro = await run(
      ['compare', 'current.attain', 'euro.attain', '--data', 'data', '--period', '2026-Q1'],
      {
        cwd,
      },
    );
    expect(euro.stderr).toBe(
      'attain: current.attain and euro.attain: cannot compare plans paid in USD and EUR: the currencies differ\n',
    );
    expect(euro.code).toBe(2);

    const nowhere = await run([...compareQ1.slice(0, 3), '--data', 'nowhere', '--period', '2026-Q1'], {
      cwd,
    });
    expect(nowhere.stderr).toBe('attain: cannot read nowhere: no such file or directory\n');
    expect(nowhere.code).toBe(2);

    const period = await run([...compareQ1.slice(0, 5), '--period', '2026-03'], { cwd });
    expect(period.stderr).toBe('attain: --period "2026-03" is not a quarter (write 2026-Q1)\n');
    expect(period.code).toBe(2);

    const broken = await run(
      ['compare', 'current.attain', 'broken.attain', '--data', 'data', '--period', '2026-Q1'],
      {
        cwd,
      },
    );
    expect(broken.stderr).toMatch(/^broken\.attain:22:43: error AT2001: .*bookngs/);
    expect(broken.stderr).toContain('attain: broken.attain has errors: fix them before running it');
    expect(broken.code).toBe(1);

    const usage = await run(['compare', 'current.attain', '--data', 'data', '--period', '2026-Q1'], { cwd });
    expect(usage.stderr).toContain("missing required argument 'plan-b'");
    expect(usage.code).toBe(2);

    const top = await run([...compareQ1, '--top', 'many'], { cwd });
    expect(top.stderr).toContain('--top must be a whole number from 0 to 100000');
    expect(top.code).toBe(2);
  });

  it('compares the enterprise AE example with its accelerated proposal', async () => {
    const { code, stdout, stderr } = await run([
      'compare',
      'examples/enterprise-ae/plan.attain',
      'examples/enterprise-ae/proposals/accelerated.attain',
      '--data',
      'examples/enterprise-ae/data',
      '--period',
      '2026-Q1',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout) as PlanComparison;
    // Same payees and deals: the credited revenue does not change, the payout does.
    expect(comparison.difference.creditedRevenue).toBe('0.00');
    expect(comparison.a.payees).toBe(comparison.b.payees);
    expect(comparison.difference.payout).not.toBe('0.00');
    expect(comparison.b.plan.version).toBe('2026.1-accelerated');
  });
});
