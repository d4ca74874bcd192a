#!/usr/bin/env node
/** The `attain` executable: runs {@link main} on the real process. */
import { createNodeIo, OutputClosed } from './io.js';
import { main } from './main.js';

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
    process.stderr.write(
      `attain: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
