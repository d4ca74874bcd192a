#!/usr/bin/env node
/** The `attain` executable: runs {@link main} on the real process. */
import { setFlagsFromString } from 'node:v8';
import { ExitCode } from './context.js';
import { createNodeIo, OutputClosed, OutputFailed, writeFailure } from './io.js';
import { main } from './main.js';

// V8 allocates the objects of a place in the code straight in the old generation once it saw most
// of them outlive a young collection (allocation-site pretenuring). A run makes each payee's
// records, credit entries and lines in a burst that lives until the payee's statement is written:
// a collection in the middle of a burst can pretenure such a place, and from then on a million
// short-lived objects pile up in the old generation until a full collection (attain run over a
// million deals: a heap of 0.7-0.8 GB instead of 0.33 GB in half of the runs, and 5-10% slower).
// The flag is read at each collection, so setting it here, before the first, is enough.
setFlagsFromString('--no-allocation-site-pretenuring');

/**
 * Ends the process with exit code 2 after a failed write to stdout (a full disk with `> file`): one
 * line on stderr, no stack trace. A failed write to stderr changes nothing (its messages are lost).
 */
function outputFailed(error: OutputFailed): void {
  process.stderr.write(`attain: ${error.message}\n`);
  process.exitCode = ExitCode.trouble;
}

// A write that fails after the last one was made (its error comes on a later tick) is seen here.
process.once('beforeExit', () => {
  const failure = writeFailure(process.stdout);
  if (failure !== undefined && process.exitCode !== ExitCode.trouble)
    outputFailed(new OutputFailed('stdout', failure));
});

main(process.argv.slice(2), createNodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The reader closed the pipe (`attain run … | head`): it took what it wanted, so the command did
    // not fail. Exit 0 quietly, as tools that handle EPIPE themselves do (ripgrep, for one).
    // `git log | head` is killed by SIGPIPE instead (status 141), which Node.js cannot imitate (it
    // ignores SIGPIPE); and a non-zero status would fail a `set -o pipefail` script over a pipeline
    // that did just what it was asked to.
    if (error instanceof OutputClosed) {
      process.exitCode = 0;
      return;
    }
    if (error instanceof OutputFailed) {
      outputFailed(error);
      return;
    }
    process.stderr.write(
      `attain: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
