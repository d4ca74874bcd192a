import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from '@attain/dsl';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWithSyntaxError, validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

/** The plan in canonical layout, and the same plan laid out badly. */
let formatted: string;
const messy = validPlan.replaceAll('\n  ', '\n        ').replace('0% to 100%: 8%', '0%   to 100% :   8%');

beforeAll(() => {
  const text = format(validPlan).text;
  if (text === undefined) throw new Error('the test plan does not format');
  formatted = text;
  expect(format(messy).text).toBe(formatted);
  expect(messy).not.toBe(formatted);
});

const read = (root: string, path: string): Promise<string> => readFile(join(root, path), 'utf8');

describe('attain fmt', () => {
  it('prints the formatted plan and leaves the file alone', async () => {
    const cwd = await tempDir({ 'messy.attain': messy });
    expect(await run(['fmt', 'messy.attain'], { cwd })).toEqual({ code: 0, stdout: formatted, stderr: '' });
    expect(await read(cwd, 'messy.attain')).toBe(messy);
  });

  it('--check lists the plans that are not formatted and exits 1', async () => {
    const cwd = await tempDir({ 'plans/messy.attain': messy, 'plans/tidy.attain': formatted });
    const { code, stdout, stderr } = await run(['fmt', '--check', 'plans'], { cwd });
    expect(stdout).toBe(`${join('plans', 'messy.attain')}\n`);
    expect(stderr).toBe('1 plan is not formatted; run attain fmt --write to format\n');
    expect(code).toBe(1);
    expect(await read(cwd, 'plans/messy.attain')).toBe(messy);
  });

  it('--check exits 0 when every plan is formatted', async () => {
    const cwd = await tempDir({ 'a.attain': formatted, 'b.attain': formatted });
    expect(await run(['fmt', '--check', 'a.attain', 'b.attain'], { cwd })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('--write rewrites the plans that change, lists them, and leaves them formatted', async () => {
    const cwd = await tempDir({ 'messy.attain': messy, 'tidy.attain': formatted });
    const { code, stdout, stderr } = await run(['fmt', '--write', '.'], { cwd });
    expect(stdout).toBe('messy.attain\n');
    expect(stderr).toBe('Rewrote 1 of 2 plans\n');
    expect(code).toBe(0);
    expect(await read(cwd, 'messy.attain')).toBe(formatted);
    expect(await read(cwd, 'tidy.attain')).toBe(formatted);
    expect((await run(['fmt', '--check', '.'], { cwd })).code).toBe(0);
  });

  it('prints syntax errors, exits 1 and never rewrites a plan that does not parse', async () => {
    const cwd = await tempDir({ 'broken.attain': planWithSyntaxError });
    for (const [mode, ending] of [
      [[], ''],
      [['--check'], ''],
      [['--write'], 'Rewrote 0 of 1 plan\n'],
    ] as const) {
      const { code, stdout, stderr } = await run(['fmt', ...mode, 'broken.attain'], { cwd });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^broken\.attain:5:14: error AT1002: .*\n1 plan not formatted because of syntax errors\n/,
      );
      expect(stderr.endsWith(`errors\n${ending}`)).toBe(true);
    }
    expect(await read(cwd, 'broken.attain')).toBe(planWithSyntaxError);
  });

  it('exits 2 when a file cannot be read', async () => {
    const cwd = await tempDir({});
    const { code, stderr } = await run(['fmt', '--check', 'nope.attain'], { cwd });
    expect(stderr).toBe('attain: cannot read nope.attain: no such file or directory\n');
    expect(code).toBe(2);
  });
});
