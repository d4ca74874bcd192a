import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile, type Plan } from '@attain/dsl';
import { calculate } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { createNodeIo } from '../io.js';
import { repoRoot } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';
import { readDataset } from './read-dataset.js';

const examplePlan = async (name: string): Promise<Plan> =>
  compile(await readFile(join(repoRoot, 'examples', name, 'plan.attain'), 'utf8')).plan as Plan;

describe('readDataset', () => {
  it('reads an example data directory as attain run does, and calculate pays it', async () => {
    const plan = await examplePlan('enterprise-ae');
    const read = await readDataset(join(repoRoot, 'examples/enterprise-ae/data'), plan);
    if (!read.dataset) throw new Error(read.problems.join('\n'));
    // payees.csv has 45 rows under its header, deals.csv 681, fx.csv 10, adjustments.csv 4.
    expect(read.dataset.payees).toHaveLength(45);
    expect(read.dataset.records.deals).toHaveLength(681);
    expect(read.dataset.fx).toHaveLength(10);
    expect(read.dataset.adjustments).toHaveLength(4);
    expect(read.fileOf('deals')).toBe(join(repoRoot, 'examples/enterprise-ae/data/deals.csv'));
    const results = calculate(plan, read.dataset, { periods: ['2026-Q1'], mode: 'strict' });
    // Maya Okafor: 37,600.00 earned, 10% held back (README): 33,840.00.
    expect(results.statements.find((s) => s.payee === 'ae-001')?.payout).toBe('33840.00');
  });

  it('reads a relative path from io.cwd, and returns problems instead of rejecting', async () => {
    const plan = await examplePlan('sdr');
    const dir = await tempDir({ 'data/payees.csv': 'id,name\nr1,Ann\n' });
    const read = await readDataset('data', plan, { io: { ...createNodeIo(), cwd: dir } });
    expect(read.dataset).toBeUndefined();
    expect(read.problems?.[0]).toMatch(/^data\/\w+\.csv is missing/);
    const missing = await readDataset(join(dir, 'nowhere'), plan);
    expect(missing.problems).toEqual([`cannot read ${join(dir, 'nowhere')}: no such file or directory`]);
  });
});
