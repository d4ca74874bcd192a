/**
 * The built `attain` executable (dist/bin.js: run `pnpm build` first) as a shell runs it, with its
 * output piped into a reader that stops early, like `attain run … | head -1`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badDealRow, dealsCsv, payeesCsv } from './test-support/data.js';
import { validPlan } from './test-support/plans.js';
import { repoRoot } from './test-support/run.js';
import { tempDir } from './test-support/temp-dir.js';

const bin = join(repoRoot, 'packages/cli/dist/bin.js');

/** What the process did whose stdout was read up to its first line and then closed. */
interface PipedRun {
  firstLine: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs `node dist/bin.js ...argv`, closing its stdout after the first line, as `| head -1` does. */
function runIntoHead(argv: string[], env: Record<string, string>): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ firstLine: stdout.split('\n')[0] ?? '', stderr, code, signal });
    });
  });
}

const enterpriseAe = [
  'run',
  'examples/enterprise-ae/plan.attain',
  '--data',
  'examples/enterprise-ae/data',
  '--period',
  '2026-Q1',
];

describe('attain run | head -1', () => {
  it('finds the built executable', () => {
    expect(existsSync(bin), `${bin} is missing: run pnpm build`).toBe(true);
  });

  // The JSON (750 KB) is much more than a pipe holds, so it is still being written when the reader
  // goes; the table (26 KB) and CSV (11 KB) are written after the first line is, in practice.
  it.each([
    ['table', 'Plan "Enterprise AE" version "2026.1": 2026-Q1, data examples/enterprise-ae/data'],
    ['csv', 'payee,period,kind,name,line,record,amount,currency,estimate'],
    ['json', '{'],
  ])(
    'stops quietly with exit code 0 in the %s format when the reader closes the pipe',
    async (format, first) => {
      const tmp = await tempDir({});
      const result = await runIntoHead([...enterpriseAe, '--format', format], { TMPDIR: tmp });
      expect(result).toEqual({ firstLine: first, stderr: '', code: 0, signal: null });
      // The JSON format's spool file is not left behind although the run stopped half way.
      expect(readdirSync(tmp)).toEqual([]);
    },
  );
});

/** Runs `node dist/bin.js ...argv` with stdout (or stderr) on /dev/full, where every write fails with ENOSPC. */
function runIntoFullDisk(
  argv: string[],
  full: 'stdout' | 'stderr',
): Promise<{ stderr: string; code: number | null }> {
  const fd = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      cwd: repoRoot,
      stdio: full === 'stdout' ? ['ignore', fd, 'pipe'] : ['ignore', 'ignore', fd],
    });
    closeSync(fd);
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stderr, code }));
  });
}

describe.runIf(existsSync('/dev/full'))('attain with a full disk', () => {
  it.each([['table'], ['csv'], ['json']])(
    'run --format %s > /dev/full: one line on stderr and exit code 2, not a stack trace and 1',
    async (format) => {
      const result = await runIntoFullDisk([...enterpriseAe, '--format', format], 'stdout');
      expect(result).toEqual({
        stderr: 'attain: cannot write to stdout: no space left on device\n',
        code: 2,
      });
    },
  );

  it('check > /dev/full exits 2, which CI cannot take for findings (1)', async () => {
    const result = await runIntoFullDisk(['check', 'examples/enterprise-ae'], 'stdout');
    expect(result).toEqual({ stderr: 'attain: cannot write to stdout: no space left on device\n', code: 2 });
  });

  it('a stderr that cannot be written does not crash a run whose rejected rows go there', async () => {
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv + badDealRow,
    });
    const argv = ['run', join(cwd, 'plan.attain'), '--data', join(cwd, 'data'), '--period', '2026-Q1'];
    // The CSV goes to stdout (ignored here); the note on the rejected row D6 to stderr, which is full.
    const result = await runIntoFullDisk([...argv, '--format', 'csv'], 'stderr');
    expect(result).toEqual({ stderr: '', code: 0 });
  });
});
