import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlans } from './files.js';
import { createNodeIo } from './io.js';
import { tempDir } from './test-support/temp-dir.js';

describe('findPlans', () => {
  it('expands a directory into every .attain file below it, sorted, skipping node_modules and hidden folders', async () => {
    const root = await tempDir({
      'plans/b.attain': '',
      'plans/a.attain': '',
      'plans/sub/c.attain': '',
      'plans/notes.txt': '',
      'plans/node_modules/x.attain': '',
      'plans/.cache/y.attain': '',
    });
    const io = { ...createNodeIo(), cwd: root };
    const { plans, problems } = await findPlans(['plans'], io);
    expect(problems).toEqual([]);
    expect(plans.map((plan) => plan.display)).toEqual([
      join('plans', 'a.attain'),
      join('plans', 'b.attain'),
      join('plans', 'sub', 'c.attain'),
    ]);
    expect(plans[0]?.absolute).toBe(join(root, 'plans', 'a.attain'));
  });

  it('keeps files as typed, in argument order, once each', async () => {
    const root = await tempDir({ 'z.attain': '', 'plan.txt': '' });
    const io = { ...createNodeIo(), cwd: root };
    const { plans } = await findPlans(['z.attain', 'plan.txt', '.', 'z.attain'], io);
    expect(plans.map((plan) => plan.display)).toEqual(['z.attain', 'plan.txt']);
  });

  it('reports missing paths and directories without plans', async () => {
    const root = await tempDir({ 'empty/readme.md': '' });
    const io = { ...createNodeIo(), cwd: root };
    const { plans, problems } = await findPlans(['nope.attain', 'empty'], io);
    expect(plans).toEqual([]);
    expect(problems).toEqual([
      'cannot read nope.attain: no such file or directory',
      'no .attain files found in empty',
    ]);
  });
});
