/**
 * Everything the CLI does to the outside world goes through {@link Io}, so that tests run
 * `main()` in-process with captured output and temporary files instead of a subprocess.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createFileSpool, type Spool } from './spool.js';

/** Where text output goes. */
export interface Writer {
  /**
   * Writes `text`. The process's stdout throws {@link OutputClosed} once its reader has closed the
   * pipe, so that a command stops making output nobody reads.
   */
  write(text: string): void;
  /**
   * Resolves when the text written so far has been taken by the reader (for long output written
   * piece by piece, so that it does not pile up in memory). Absent: writes never wait.
   */
  drain?(): Promise<void>;
  /**
   * True while text written earlier still waits for the reader beyond the stream's buffer (Node's
   * `writableNeedDrain`): output made where it cannot wait had better be put aside. Absent: never.
   */
  backedUp?(): boolean;
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
  /**
   * Creates a spool for output made before it can be written (a temporary file for the real
   * process). Absent: the spool is kept in memory.
   */
  createSpool?(): Spool;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
  /** Environment variables (only `NO_COLOR` is read). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Thrown by a write to stdout once its reader has closed the pipe (`attain run … | head`): nobody
 * reads the rest, so the command stops where it is and the process ends quietly (see bin.ts).
 */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
  constructor() {
    super('the reader of stdout closed the pipe');
  }
}

/**
 * Thrown by a write to stdout that failed for another reason than a closed pipe (a full disk with
 * `> file`, an I/O error): the command stops, and the process prints the message on one line and
 * exits 2, the code for a file that cannot be written (see bin.ts).
 */
export class OutputFailed extends Error {
  override name = 'OutputFailed';
  constructor(stream: string, cause: unknown) {
    super(`cannot write to ${stream}: ${describeIoError(cause)}`);
  }
}

/** True for the error of a write to a pipe whose reader has gone. */
function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}

/** Whether the reader of a stream has closed the pipe, or a write to it failed otherwise. */
interface PipeState {
  closed: boolean;
  /** The error of a failed write other than a closed pipe (ENOSPC, EIO...). */
  failed?: unknown;
}

/** The streams watched for a closed pipe: one `error` listener per stream, however many Io's. */
const watched = new WeakMap<Writable, PipeState>();

/** Records a write error of a stream in its state. */
function record(state: PipeState, error: unknown): void {
  if (isBrokenPipe(error)) state.closed = true;
  else if (state.failed === undefined) state.failed = error;
}

/**
 * Watches `stream` for a closed pipe or a failed write. The `error` listener keeps any write error
 * from crashing the process with a stack trace (an `error` event nobody listens to throws).
 */
function watch(stream: Writable): PipeState {
  let state = watched.get(stream);
  if (state === undefined) {
    const created: PipeState = { closed: false };
    stream.on('error', (error) => record(created, error));
    watched.set(stream, created);
    state = created;
  }
  return state;
}

/** The error of a failed write to `stream` other than a closed pipe, if one failed. */
export function writeFailure(stream: Writable): unknown {
  return watched.get(stream)?.failed;
}

/**
 * A {@link Writer} on a Node.js stream (`name`: `stdout`, `stderr`) that may be a pipe. Once the
 * reader has closed the pipe, writes either throw {@link OutputClosed} (`stop`: stdout, whose reader
 * wanted the output) or are dropped (`drop`: stderr, whose messages only accompany the output). Once
 * a write has failed otherwise (a full disk), they throw {@link OutputFailed} (`stop`) or are dropped.
 */
export function pipeWriter(stream: Writable, whenClosed: 'stop' | 'drop', name = 'stdout'): Writer {
  const state = watch(stream);
  const usable = () => !state.closed && state.failed === undefined;
  const check = () => {
    if (whenClosed === 'drop') return;
    if (state.closed) throw new OutputClosed();
    if (state.failed !== undefined) throw new OutputFailed(name, state.failed);
  };
  return {
    write: (text) => {
      if (usable()) {
        stream.write(text);
        // A write to a pipe or a file is tried at once: when it fails, it fails before `write`
        // returns (the `error` event comes later), so the next statement is not made for nothing.
        if (stream.errored) record(state, stream.errored);
      }
      check();
    },
    drain: async () => {
      if (usable() && !stream.destroyed && stream.writableNeedDrain) {
        // `close` follows an `error` event: a pipe closed while waiting ends the wait too.
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('close', done);
        });
      }
      check();
    },
    backedUp: () => usable() && stream.writableNeedDrain,
  };
}

/** The real process: `process.stdout`, `process.stderr`, `node:fs` and `process.cwd()`. */
export function createNodeIo(): Io {
  return {
    stdout: {
      ...pipeWriter(process.stdout, 'stop'),
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
    },
    stderr: { ...pipeWriter(process.stderr, 'drop', 'stderr'), isTTY: process.stderr.isTTY === true },
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
    createSpool: createFileSpool,
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
    case 'ENOSPC':
      return 'no space left on device';
    case 'EIO':
      return 'input/output error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
