/** Test helper: temporary folders of plan files, removed when the test file's tests are done. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

/** The folders made by this test file (each test file loads this module afresh). */
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/** Creates a temporary directory holding `files` (relative path -> text) and returns its path. */
export async function tempDir(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'attain-cli-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text, 'utf8');
  }
  return root;
}

/**
 * Points `os.tmpdir()` (TMPDIR) at a folder of its own for each test of the calling `describe`
 * block, so a test can see what a command leaves there; returns the current test's folder.
 */
export function tmpdirPerTest(): () => string {
  let current = '';
  const saved = process.env.TMPDIR;
  beforeEach(async () => {
    current = await tempDir({});
    process.env.TMPDIR = current;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  return () => current;
}
