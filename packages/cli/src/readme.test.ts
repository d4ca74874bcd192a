/**
 * README.md makes promises a reader can try: its Quick start commands (also run by .ci/run), its
 * example plan, and the output it shows for `attain check`. These tests keep them true.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile, format } from '@attain/dsl';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWithErrors, validPlan } from './test-support/plans.js';
import { repoRoot, run } from './test-support/run.js';
import { tempDir } from './test-support/temp-dir.js';

let readme: string;

beforeAll(async () => {
  readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
});

/** The contents of every fenced block of the given language, in order. */
function blocks(language: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...readme.matchAll(fence)].map((match) => match[1] ?? '');
}

describe('README.md', () => {
  it('shows two Quick start commands, and .ci/run runs exactly them', async () => {
    const ci = await readFile(join(repoRoot, '.ci', 'run'), 'utf8');
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    const commands = blocks('sh')
      .filter((block) => quickStart.includes(block))
      .map((block) => block.trim());
    expect(commands).toEqual([
      'npm install -g pnpm@10.34.9 && pnpm install && pnpm demo',
      'npm install -g pnpm@10.34.9 && pnpm install && pnpm test',
    ]);
    const ciLines = ci.split('\n').map((line) => line.trim());
    for (const command of commands) expect(ciLines).toContain(command);
  });

  it('shows a plan that compiles without diagnostics and is formatted', () => {
    const plan = blocks('attain')[0];
    expect(plan).toBe(validPlan);
    expect(compile(validPlan).diagnostics).toEqual([]);
    expect(format(validPlan).text).toBe(validPlan);
  });

  it('shows the output attain run really prints for the enterprise AE example', async () => {
    const command =
      'pnpm attain run examples/enterprise-ae/plan.attain --data examples/enterprise-ae/data --period 2026-Q1';
    const shown = blocks('text').find((block) => block.startsWith(`$ ${command}\n`));
    expect(shown).toBeDefined();
    const { code, stdout } = await run(command.split(' ').slice(2));
    expect(code).toBe(0);
    // The block shows the beginning of the output, an ellipsis, then the totals line.
    const [head = '', tail = ''] = (shown ?? '').slice(command.length + 3).split('…\n');
    expect(head.length).toBeGreaterThan(500);
    expect(stdout.startsWith(head)).toBe(true);
    expect(stdout.endsWith(tail)).toBe(true);
    expect(tail).toMatch(/^Total of \d+ statements: /);
  });

  it('shows the output attain explain really prints', async () => {
    const shown = blocks('text').find((block) => block.startsWith('$ pnpm attain explain '));
    expect(shown).toBeDefined();
    // The command goes on over a second line after a backslash.
    const [first = '', second = '', ...output] = (shown ?? '').split('\n');
    const command = `${first.replace(/ \\$/, '')} ${second.trim()}`;
    // Without `$ pnpm attain`.
    const { code, stdout } = await run(command.split(' ').slice(3));
    expect(code).toBe(0);
    expect(output.join('\n')).toBe(stdout);
  });

  it('shows the output attain check really prints', async () => {
    const shown = blocks('text').find((block) =>
      block.startsWith('$ pnpm attain check plans/inside-sales.attain\n'),
    );
    expect(shown).toBeDefined();
    const cwd = await tempDir({ 'plans/inside-sales.attain': planWithErrors });
    const { stdout } = await run(['check', 'plans/inside-sales.attain'], { cwd });
    expect(shown).toBe(`$ pnpm attain check plans/inside-sales.attain\n${stdout}`);
  });
});
