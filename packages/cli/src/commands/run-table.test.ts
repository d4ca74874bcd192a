/**
 * `attain run --format table` streams its statements like the CSV and JSON formats: calculate gets
 * an `onStatement` and returns no statements, and the table keeps only its rows of text. (A file of
 * its own: it watches `calculate` through a mock of @attain/engine.)
 */
import { join } from 'node:path';
import * as engine from '@attain/engine';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validPlan } from '../test-support/plans.js';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir, tmpdirPerTest } from '../test-support/temp-dir.js';

vi.mock('@attain/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return { ...actual, calculate: vi.fn(actual.calculate) };
});

tmpdirPerTest();

const calculate = vi.mocked(engine.calculate);

afterEach(() => {
  calculate.mockClear();
});

/** The calls of `calculate` that had payees to calculate (not the check of the periods). */
function calculations() {
  return calculate.mock.calls
    .map((call, i) => ({ dataset: call[1], options: call[2], results: calculate.mock.results[i] }))
    .filter((call) => call.dataset.payees.length > 0);
}

describe('attain run --format table', () => {
  it('gets each statement as it is made and keeps none of them in the results', async () => {
    const example = join(repoRoot, 'examples', 'sales-team');
    const args = [
      'run',
      join(example, 'plan.attain'),
      '--data',
      join(example, 'data'),
      '--period',
      '2026-Q1',
    ];
    const { code, stdout } = await run(args);
    expect(code).toBe(0);
    const [only, ...more] = calculations();
    expect(more).toEqual([]);
    if (!only) throw new Error('attain run did not calculate');
    expect(typeof only.options.onStatement).toBe('function');
    const returned = only.results;
    if (returned?.type !== 'return') throw new Error('calculate did not return');
    expect(returned.value.statements).toEqual([]);
    // The statements are printed all the same: 30 payees in 2026-Q1 (the totals of expected.json
    // and of the table before it streamed: 572,200.00 earned and paid).
    expect(stdout).toContain('Ivan Goldberg (rep-604)  2026-Q1 (2026-01-01 to 2026-03-31)\n');
    expect(stdout).toContain(
      'Total of 30 statements: earned 572,200.00, adjustments 0.00, payout 572,200.00 USD\n',
    );
  });

  it('says when no payee is on the plan, counting the statements it was given', async () => {
    // Only Alan (left before 2026) and Edsger (on another plan): no statement, totals of zero.
    const payees = `id,name,manager,quarterly_quota,plan,plan_from,plan_to
ae-3,Alan Turing,,80000,,2025-01-01,2025-12-31
ae-4,Edsger Dijkstra,,80000,Channel Partner,,
`;
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payees,
      'data/deals.csv': 'id,owner,amount,close_date,stage\n',
    });
    const { code, stdout } = await run(['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1'], {
      cwd,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Plan "Inside Sales" version "2026.1": 2026-Q1, data data\n\n' +
        'No statements: no payee is on the plan in 2026-Q1.\n' +
        'Total of 0 statements: earned 0.00, adjustments 0.00, payout 0.00 USD\n',
    );
  });
});
