/** What every command receives: the process view and the styles for its two output streams. */
import { spelledOut } from '@attain/engine';
import type { Io } from './io.js';
import { colourAllowed, createStyle, type Style } from './output/style.js';

/** Exit codes: findings (errors, unformatted files) are 1; being unable to do the job is 2. */
export const ExitCode = { ok: 0, findings: 1, trouble: 2 } as const;

/** Sets the exit code of the command that ran. */
export type ExitWith = (code: number) => void;

/** The state shared by the commands of one `main()` call. */
export interface Context {
  io: Io;
  /** Styling for `io.stdout`. */
  out: Style;
  /** Styling for `io.stderr`. */
  err: Style;
}

/** A context whose colours follow the terminal and `NO_COLOR`. */
export function createContext(io: Io): Context {
  return {
    io,
    out: createStyle(colourAllowed(io.stdout, io.env)),
    err: createStyle(colourAllowed(io.stderr, io.env)),
  };
}

/**
 * Writes `attain: message` to stderr, for problems that stop a file from being processed. Control
 * characters a message quotes from a file (an escape character, a DEL) are written out (`\u001B`):
 * a terminal would act on them, or show nothing.
 */
export function reportProblem(context: Context, message: string): void {
  context.io.stderr.write(`${context.err.red('attain:')} ${spelledOut(message, true)}\n`);
}

/** Writes `attain: warning: message` to stderr, for data that is there but that nothing reads. */
export function reportWarning(context: Context, message: string): void {
  context.io.stderr.write(`${context.err.yellow('attain: warning:')} ${spelledOut(message, true)}\n`);
}
