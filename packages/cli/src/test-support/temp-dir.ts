/** Test helper: temporary folders of plan files. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Creates a temporary directory holding `files` (relative path -> text) and returns its path. */
export async function tempDir(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'attain-cli-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text, 'utf8');
  }
  return root;
}
