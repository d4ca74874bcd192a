/**
 * A spool holds output that is made before it can be written: `attain run --format json` makes
 * statements one by one during the calculation, but the JSON puts them after the warnings, which
 * are known only at the end; `--format csv` puts rows aside while a slow reader catches up (see
 * output/overflow.ts). On disk, a run of a million statements never holds them in memory.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { PieceJoiner, pieceSize } from './output/text-pieces.js';

/** Text written now and read back once, in order, later. */
export interface Spool {
  /** Appends `text`. Synchronous: statements are made inside the engine's synchronous calculation. */
  write(text: string): void;
  /** Everything written, piece by piece and in order. Called once, after the last write. */
  read(): AsyncIterable<string>;
  /** Deletes what the spool holds. Safe to call more than once, and after a failed write or read. */
  remove(): void;
}

/** Thrown when the spool file cannot be created or written (a full disk, an unwritable directory). */
export class SpoolError extends Error {
  override name = 'SpoolError';
}

/** The text of a Node.js system error (`ENOSPC: no space left on device, write`). */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes all of `text` to `fd` (a write may take fewer bytes than it was given: write the rest). */
function writeAll(fd: number, text: string): void {
  // Encoded once; a short write goes on from where it stopped.
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done);
}

/**
 * A spool in a new file of the system's temporary directory (`os.tmpdir()`, so `TMPDIR` moves it),
 * readable by its owner only: statements are pay data. The file is unlinked as soon as it is open,
 * as `tmpfile(3)` does: it lives on while it is open and vanishes when it is closed, so nothing is
 * left behind however the process ends, even interrupted or killed.
 */
export function createFileSpool(): Spool {
  const path = join(tmpdir(), `attain-${process.pid}-${randomUUID()}.spool`);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch (error) {
    throw new SpoolError(`cannot create a temporary file in ${tmpdir()}: ${reason(error)}`);
  }
  let linked = true;
  try {
    unlinkSync(path);
    linked = false;
  } catch {
    // A system that cannot unlink an open file: remove() deletes it instead.
  }
  const joiner = new PieceJoiner();
  const put = (text: string | undefined) => {
    if (!text || fd === undefined) return;
    try {
      writeAll(fd, text);
    } catch (error) {
      throw new SpoolError(`cannot write the temporary file ${path}: ${reason(error)}`);
    }
  };
  return {
    write: (text) => put(joiner.add(text)),
    read: async function* () {
      put(joiner.rest());
      if (fd === undefined) return;
      // Read back synchronously, a piece at a time: the file is in the page cache, and a piece per
      // round trip through the thread pool would make the copy several times slower.
      const decoder = new StringDecoder('utf8'); // never splits a character between two pieces
      const bytes = Buffer.allocUnsafe(pieceSize);
      let position = 0;
      for (;;) {
        const size = readSync(fd, bytes, 0, bytes.length, position);
        if (size === 0) break;
        position += size;
        yield decoder.write(bytes.subarray(0, size));
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    },
    remove: () => {
      joiner.rest();
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (linked) rmSync(path, { force: true });
      linked = false;
    },
  };
}

/** A spool in memory, for an `Io` without files (tests). */
export function createMemorySpool(): Spool {
  let texts: string[] = [];
  return {
    write: (text) => {
      texts.push(text);
    },
    read: async function* () {
      yield* texts;
    },
    remove: () => {
      texts = [];
    },
  };
}
