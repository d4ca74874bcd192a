/**
 * `attain run PLAN --data DIR --period P [--period P...] [--format table|json|csv] [--strict]`:
 * calculates a plan over a data directory and prints the statements. Exits 1 when the plan has
 * errors or (with --strict) the data has errors, 2 when the plan or data cannot be read.
 */

import type { Results, Statement } from '@attain/engine';
import { type Command, Option } from 'commander';
import { calculateFromData, compileForRun, type RunSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import type { DataOrigin } from '../data/load-data.js';
import { loadPlans } from '../load.js';
import { formatDataError, formatRejected, formatWarning } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { Progress } from '../output/progress.js';
import { csvHeader, csvRows } from '../output/results-csv.js';
import { writeResultsJson } from '../output/results-json.js';
import { formatStatements } from '../output/statement-table.js';
import { collectPeriods } from '../periods.js';

/** Options of `attain run`. */
export interface RunOptions {
  data: string;
  period: string[];
  format: 'table' | 'json' | 'csv';
  strict?: boolean;
  asOf?: string;
  progress?: boolean;
}

/** Line width of the table when stdout is not a terminal. */
const defaultWidth = 100;

/** The sections after the statements in the table format: warnings, then rejected rows. */
function tableAppendix(results: Results, origin: DataOrigin): string {
  const parts: string[] = [];
  if (results.warnings.length > 0) {
    const lines = results.warnings.map((warning) => `  ${formatWarning(warning)}`);
    parts.push(`Warnings (${results.warnings.length}):\n${lines.join('\n')}\n`);
  }
  if (results.rejected.length > 0) {
    const lines = formatRejected(results.rejected, origin).map((line) => `  ${line}`);
    const rows = plural(results.rejected.length, 'row');
    parts.push(`Rejected rows (${rows} left out of the calculation):\n${lines.join('\n')}\n`);
  }
  return parts.map((part) => `\n${part}`).join('');
}

/** Prints the results in the chosen format. */
function printResults(results: Results, origin: DataOrigin, options: RunOptions, context: Context): void {
  const { io, out } = context;
  if (options.format === 'json') {
    writeResultsJson(results, io.stdout);
  } else if (options.format === 'csv') {
    // The rows were written as the statements were made (see runRun).
  } else {
    const { plan, periods } = results.meta;
    const version = plan.version === undefined ? '' : ` version "${plan.version}"`;
    io.stdout.write(
      `${out.bold(`Plan "${plan.name}"${version}`)}: ${periods.join(', ')}, data ${options.data}\n\n`,
    );
    if (results.statements.length === 0) {
      io.stdout.write(`No statements: no payee is on the plan in ${periods.join(', ')}.\n`);
    }
    const width = Math.min(160, Math.max(60, io.stdout.columns ?? defaultWidth));
    io.stdout.write(formatStatements(results, { width, style: out }));
    io.stdout.write(tableAppendix(results, origin));
  }
  // The table lists them in full; for JSON and CSV, which tools read, a note on stderr is enough.
  if (options.format !== 'table' && results.rejected.length > 0) {
    reportProblem(context, `${plural(results.rejected.length, 'row')} left out of the calculation:`);
    for (const line of formatRejected(results.rejected, origin)) io.stderr.write(`  ${line}\n`);
  }
}

/** Runs `attain run` and returns the exit code. */
export async function runRun(planPath: string, options: RunOptions, context: Context): Promise<number> {
  const { io } = context;
  const { plans, trouble } = await loadPlans([planPath], context);
  if (trouble) return ExitCode.trouble;
  const [file] = plans;
  if (file === undefined || plans.length > 1) {
    reportProblem(context, `attain run takes one plan file; ${planPath} holds ${plans.length} plans`);
    return ExitCode.trouble;
  }
  const plan = compileForRun(file, context);
  if (typeof plan === 'number') return plan;

  const settings: RunSettings = { periods: options.period, mode: options.strict ? 'strict' : 'lenient' };
  if (options.asOf !== undefined) settings.asOf = options.asOf;
  const progress = new Progress(io.stderr, Progress.modeFor(io.stderr, options.progress));
  // CSV rows are written as each statement is made: a large run never holds all its statements.
  let header = false;
  const writeHeader = () => {
    if (!header) io.stdout.write(csvHeader);
    header = true;
  };
  const stream =
    options.format === 'csv'
      ? (statement: Statement) => {
          writeHeader();
          const rows = csvRows(statement);
          if (rows.length > 0) io.stdout.write(rows);
        }
      : undefined;
  const calculation = await calculateFromData(plan, options.data, settings, context, progress, stream);
  if (typeof calculation === 'number') return calculation;
  const { results, origin } = calculation;

  if (results.errors.length > 0) {
    if (options.format === 'json') writeResultsJson(results, io.stdout);
    for (const error of results.errors) io.stderr.write(`${formatDataError(error, origin)}\n`);
    reportProblem(
      context,
      `${plural(results.errors.length, 'data error')} (--strict): nothing was calculated. ` +
        'Without --strict the rows with errors are left out and the rest is calculated.',
    );
    return ExitCode.findings;
  }
  if (stream) writeHeader();
  printResults(results, origin, options, context);
  return ExitCode.ok;
}

/** Adds `run` to the program. */
export function defineRun(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('run')
    .summary('calculate a plan over data and print the statements')
    .description(
      'Calculate a plan over a data directory (payees.csv and one CSV file per source the plan ' +
        'declares, or data.json) and print a statement per payee and period.',
    )
    .argument('<plan>', 'the plan file')
    .addOption(new Option('--data <dir>', 'data directory, or a JSON dataset file').makeOptionMandatory())
    .addOption(
      new Option('--period <period>', 'period to calculate, e.g. 2026-Q1 or 2026-03 (repeatable)')
        .argParser(collectPeriods)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--strict', 'fail on any data error instead of leaving bad rows out')
    .option(
      '--as-of <date>',
      "the run's date (YYYY-MM-DD), the plan's `today`; default: end of the last period",
    )
    .option('--progress', 'report progress on stderr (shown on a terminal for long runs anyway)')
    .addHelpText(
      'after',
      '\nExit codes: 0 calculated, 1 the plan has errors or (--strict) the data has errors,\n' +
        '2 a file could not be read, a required file or column is missing, or a period is wrong.\n' +
        'Example: attain run examples/enterprise-ae/plan.attain --data examples/enterprise-ae/data --period 2026-Q1\n' +
        'The data directory is described in docs/reference/run.md.',
    )
    .action(async (plan: string, options: RunOptions) => {
      exitWith(await runRun(plan, options, context));
    });
}
