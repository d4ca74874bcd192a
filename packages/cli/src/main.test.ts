import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from './test-support/run.js';
import { version } from './version.js';

describe('attain', () => {
  it('prints the version of packages/cli/package.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toBe(manifest.version);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists its commands in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: attain \[options\] \[command\]/);
    for (const command of ['check', 'fmt', 'run', 'demo'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each([
    ['check', '--format <format>'],
    ['fmt', '--write'],
    ['run', '--period <period>'],
    ['demo', '[dir]'],
  ])('has --help for %s', async (command, mentions) => {
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: attain ${command}`);
    expect(stdout).toContain(mentions);
  });

  it('exits 2 with a hint on wrong usage', async () => {
    const unknown = await run(['chek', 'x.attain']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'chek'");
    expect(unknown.stderr).toContain('attain --help');

    const missing = await run(['check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'paths'");

    const format = await run(['check', '--format', 'xml', 'x.attain']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are text, json');

    const both = await run(['fmt', '--check', '--write', 'x.attain']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used with option');
  });
});
