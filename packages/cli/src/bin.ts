#!/usr/bin/env node
import { ExitCode } from './context.js';
/** The `attain` executable: runs {@link main} on the real process. */
import { createNodeIo, OutputClosed, OutputFailed, writeFailure } from './io.js';
import { main } from './main.js';

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
