/**
 * Every number `attain explain` lists on a statement of the examples can be named back and is
 * explained with the value the statement shows.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { explain, type Results, type Statement } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { repoRoot, run } from '../test-support/run.js';
import { refOf, resolveNumber, statementNumbers, type Target } from './explain-numbers.js';

/** The value the statement itself shows for `target`. */
function shown(statement: Statement, target: Target): unknown {
  if ('payout' in target) return statement.payout;
  if ('credit' in target) return statement.credits.find((c) => c.name === target.credit)?.total;
  if ('quota' in target) return statement.quotas.find((q) => q.name === target.quota)?.amount;
  if ('measure' in target) return statement.measures.find((m) => m.name === target.measure)?.value;
  if ('adjustment' in target)
    return [...statement.adjustments, ...(statement.estimatedAdjustments ?? [])].find(
      (a) => a.id === target.adjustment,
    )?.amount;
  const earning = statement.earnings.find((e) => e.name === target.earning);
  if (target.line === undefined) return earning?.amount;
  return earning?.lines.find((l) => l.id === `${earning.name}:${target.line}`)?.amount;
}

/** The examples with data, and the period their expected.json checks. */
const examples: [string, string][] = [];
for (const entry of await readdir(join(repoRoot, 'examples'), { withFileTypes: true })) {
  const file = join(repoRoot, 'examples', entry.name, 'expected.json');
  if (!entry.isDirectory() || !existsSync(file)) continue;
  examples.push([entry.name, (JSON.parse(await readFile(file, 'utf8')) as { period: string }).period]);
}

describe('statementNumbers', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  for (const [name, period] of examples) {
    it(`names every number of each ${name} statement so that it resolves and is explained as shown`, async () => {
      const plan = `examples/${name}/plan.attain`;
      const data = `examples/${name}/data`;
      const out = await run(['run', plan, '--data', data, '--period', period, '--format', 'json']);
      expect(out.code).toBe(0);
      const results = JSON.parse(out.stdout) as Results;
      expect(results.statements.length).toBeGreaterThan(0);
      for (const statement of results.statements) {
        const numbers = statementNumbers(statement);
        expect(new Set(numbers.map((n) => n.name)).size).toBe(numbers.length);
        for (const number of numbers) {
          const resolved = resolveNumber(number.name, statement);
          expect(resolved, `${statement.payee} ${number.name}`).toEqual({ number });
          const explanation = explain(results, refOf(statement, number.target));
          expect(explanation?.value, `${statement.payee} ${number.name}`).toEqual(
            shown(statement, number.target),
          );
        }
      }
    });
  }
});
