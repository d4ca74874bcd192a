/**
 * The `attain` program: builds the command tree and runs one command line. Commands write through
 * an {@link Io}, so `main()` can be called in-process by tests.
 */
import { Command, CommanderError } from 'commander';
import { defineCheck } from './commands/check.js';
import { defineCompare } from './commands/compare.js';
import { defineDemo } from './commands/demo.js';
import { defineExplain } from './commands/explain.js';
import { defineFmt } from './commands/fmt.js';
import { defineQuotas } from './commands/quotas.js';
import { defineReport } from './commands/report.js';
import { defineRun } from './commands/run.js';
import { defineTerritories } from './commands/territories.js';
import { createContext, ExitCode, type ExitWith } from './context.js';
import type { Io } from './io.js';
import { version } from './version.js';

/**
 * Runs the `attain` command line `argv` (without the `node` and script paths) and resolves to
 * the process exit code: 0 success, 1 findings (errors in plans, unformatted files), 2 when the
 * command could not do its job (unreadable file, wrong usage).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const context = createContext(io);
  let exitCode: number = ExitCode.ok;
  const exitWith: ExitWith = (code) => {
    exitCode = code;
  };

  const program = new Command('attain')
    .description('Check, format and run Attain compensation plans (.attain files).')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError('(run attain --help for usage)');

  defineCheck(program, context, exitWith);
  defineFmt(program, context, exitWith);
  defineRun(program, context, exitWith);
  defineExplain(program, context, exitWith);
  defineDemo(program, context, exitWith);
  defineQuotas(program, context, exitWith);
  defineTerritories(program, context, exitWith);
  defineReport(program, context, exitWith);
  defineCompare(program, context, exitWith);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.trouble;
    throw error;
  }
  return exitCode;
}
