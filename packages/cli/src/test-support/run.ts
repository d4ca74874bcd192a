/** Test helper: runs `main()` in-process with captured output. */
import { fileURLToPath } from 'node:url';
import { createNodeIo, type Io } from '../io.js';
import { main } from '../main.js';

/** The repository root (for the examples). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** What one command line printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd?: string;
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
  env?: Record<string, string | undefined>;
}

/** Runs `attain ...argv` in-process on the real file system, capturing its output. */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    ...createNodeIo(),
    stdout: { write: (text) => stdout.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text) => stderr.push(text), isTTY: options.tty ?? false },
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
