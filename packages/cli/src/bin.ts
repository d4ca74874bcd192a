#!/usr/bin/env node
/** The `attain` executable: runs {@link main} on the real process. */
import { createNodeIo } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2), createNodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `attain: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
