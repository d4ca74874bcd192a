/**
 * Everything the CLI does to the outside world goes through {@link Io}, so that tests run
 * `main()` in-process with captured output and temporary files instead of a subprocess.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';

/** Where text output goes. */
export interface Writer {
  write(text: string): void;
  /** True when the writer is an interactive terminal (colour is allowed). */
  isTTY?: boolean;
  /** The width of the terminal in columns, when the writer is one. */
  columns?: number;
}

/** One entry of a directory listing. */
export interface DirEntry {
  name: string;
  directory: boolean;
}

/** The CLI's view of the process: output streams, the file system and the environment. */
export interface Io {
  stdout: Writer;
  stderr: Writer;
  /** Reads a UTF-8 text file; rejects with a Node.js system error (`code` such as `ENOENT`). */
  readFile(path: string): Promise<string>;
  /**
   * Reads a file piece by piece, for data files too large to hold twice in memory. Absent: the
   * file is read whole with {@link Io.readFile}.
   */
  readChunks?(path: string): AsyncIterable<string | Uint8Array>;
  /** Writes a UTF-8 text file. */
  writeFile(path: string, text: string): Promise<void>;
  /** What is at `path`: a file, a directory, or nothing readable. */
  pathKind(path: string): Promise<'file' | 'directory' | 'missing'>;
  /** Lists a directory. */
  readDir(path: string): Promise<DirEntry[]>;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
  /** Environment variables (only `NO_COLOR` is read). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The real process: `process.stdout`, `process.stderr`, `node:fs` and `process.cwd()`. */
export function createNodeIo(): Io {
  return {
    stdout: {
      write: (text) => process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
    },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    readFile: (path) => readFile(path, 'utf8'),
    readChunks: (path) => createReadStream(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    pathKind: async (path) => {
      try {
        const info = await stat(path);
        return info.isDirectory() ? 'directory' : 'file';
      } catch {
        return 'missing';
      }
    },
    readDir: async (path) =>
      (await readdir(path, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
      })),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** A short reason for a failed file operation, e.g. "no such file or directory". */
export function describeIoError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
