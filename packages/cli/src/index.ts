/**
 * @attain/cli — the `attain` command as a library: {@link main} runs a command line against an
 * {@link Io}, so other tools and tests can run it in-process.
 */

// Command results
export type { CheckedPlan, CheckReport } from './commands/check.js';
// Reading data as `attain run --data` does
export { type ReadDatasetOptions, type ReadDatasetResult, readDataset } from './data/read-dataset.js';
// The process view
export type { DirEntry, Io, Writer } from './io.js';
export { createNodeIo, OutputClosed } from './io.js';
// Running a command line
export { main } from './main.js';
export type { Spool } from './spool.js';
export { version } from './version.js';
