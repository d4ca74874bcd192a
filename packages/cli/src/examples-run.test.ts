/**
 * Each example runs over its data (examples/<name>/data) through `attain run`, and the payouts
 * checked by hand in examples/<name>/expected.json come out exactly: money to the last digit,
 * quotas, attainment and measures to the decimals written in expected.json.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results, Statement } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './output/numbers.js';
import { repoRoot, run } from './test-support/run.js';

/** A number checked by hand, with the arithmetic. */
interface Checked {
  value: string;
  why: string;
}

/** What expected.json says about one payee. */
interface ExpectedPayee {
  quotas?: Record<string, Checked>;
  attainment?: Checked;
  measures?: Record<string, Checked>;
  lines?: Record<string, Checked>;
  earnings?: Record<string, Checked>;
  /** All the adjustment lines of the statement, by id. */
  adjustments?: Record<string, Checked>;
  payout: Checked;
  balances?: Record<string, Checked>;
}

interface Expected {
  period: string;
  payees: Record<string, ExpectedPayee>;
}

/** `actual` rounded to as many decimals as `expected` has (for values the engine keeps exact). */
function toDecimalsOf(actual: string | null | undefined, expected: string): string | null | undefined {
  if (actual === null || actual === undefined) return actual;
  const decimals = expected.includes('.') ? expected.length - expected.indexOf('.') - 1 : 0;
  return formatAmount(actual, decimals, decimals).replaceAll(',', '');
}

function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((item) => item.name === name);
}

/** The differences between a statement and what expected.json says about it. */
function differences(statement: Statement, expected: ExpectedPayee): string[] {
  const found: string[] = [];
  const check = (what: string, actual: string | null | undefined, checked: Checked, exact: boolean) => {
    const shown = exact ? actual : toDecimalsOf(actual, checked.value);
    if (shown !== checked.value)
      found.push(`${what}: expected ${checked.value} (${checked.why}), got ${actual}`);
  };
  for (const [name, checked] of Object.entries(expected.quotas ?? {})) {
    check(`quota ${name}`, byName(statement.quotas, name)?.amount, checked, false);
  }
  if (expected.attainment) check('attainment', statement.attainment, expected.attainment, false);
  for (const [name, checked] of Object.entries(expected.measures ?? {})) {
    const value = byName(statement.measures, name)?.value;
    check(`measure ${name}`, typeof value === 'string' ? value : undefined, checked, false);
  }
  const lines = statement.earnings.flatMap((earning) => earning.lines);
  for (const [id, checked] of Object.entries(expected.lines ?? {})) {
    check(`line ${id}`, lines.find((line) => line.id === id)?.amount, checked, true);
  }
  for (const [id, checked] of Object.entries(expected.earnings ?? {})) {
    check(`earning ${id}`, statement.earnings.find((earning) => earning.id === id)?.amount, checked, true);
  }
  if (expected.adjustments) {
    const ids = statement.adjustments.map((line) => line.id).sort();
    if (ids.join() !== Object.keys(expected.adjustments).sort().join()) {
      found.push(
        `adjustment lines: expected ${Object.keys(expected.adjustments).join(', ') || 'none'}, got ${ids.join(', ') || 'none'}`,
      );
    }
    for (const [id, checked] of Object.entries(expected.adjustments)) {
      check(`adjustment ${id}`, statement.adjustments.find((line) => line.id === id)?.amount, checked, true);
    }
  }
  check('payout', statement.payout, expected.payout, true);
  for (const [name, checked] of Object.entries(expected.balances ?? {})) {
    check(`balance ${name}`, statement.balances[name], checked, true);
  }
  return found;
}

const examplesDir = join(repoRoot, 'examples');
/** The directories of examples/ that hold a plan (examples/generate holds the data generator). */
const examples: string[] = [];
for (const entry of await readdir(examplesDir, { withFileTypes: true })) {
  if (entry.isDirectory() && (await readdir(join(examplesDir, entry.name))).includes('plan.attain')) {
    examples.push(entry.name);
  }
}
examples.sort();

describe('the examples over their data', () => {
  it('every example plan has data and hand-checked payouts', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const name of examples) {
      const files = await readdir(join(examplesDir, name));
      expect(files, name).toEqual(expect.arrayContaining(['data', 'expected.json']));
    }
  });

  it.each(examples)('%s pays the hand-checked amounts of expected.json', async (name) => {
    const expected = JSON.parse(await readFile(join(examplesDir, name, 'expected.json'), 'utf8')) as Expected;
    const dir = join('examples', name);
    const argv = ['run', join(dir, 'plan.attain'), '--data', join(dir, 'data'), '--period', expected.period];
    const { code, stdout, stderr } = await run([...argv, '--format', 'json', '--strict']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Results;
    expect(results.statements.length).toBeGreaterThanOrEqual(Object.keys(expected.payees).length);
    expect(Object.keys(expected.payees).length).toBeGreaterThanOrEqual(3);
    for (const [payee, checks] of Object.entries(expected.payees)) {
      const statement = results.statements.find((s) => s.payee === payee && s.period === expected.period);
      expect(statement, `${name}: no statement for ${payee}`).toBeDefined();
      if (statement) expect(differences(statement, checks), `${name} ${payee}`).toEqual([]);
    }
  });
});
