/**
 * `attain run PLAN --data DIR --period P [--period P...] [--previous FILE...] [--format
 * table|json|csv] [--strict]`: calculates a plan over a data directory, with the results of earlier
 * runs (`--previous`, the JSON they printed), and prints the statements. Exits 1 when the plan has
 * errors or the data has errors that stop the run (any with --strict, those in the earlier results
 * always), 2 when the plan or data cannot be read.
 */

import { type DataError, PREVIOUS, type Results, type Statement } from '@attain/engine';
import type { Command } from 'commander';
import { type CalculationOptions, calculatePlanFile, progressOf, runSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem, reportWarning } from '../context.js';
import type { DataOrigin } from '../data/load-data.js';
import { errorInFile } from '../data/previous-files.js';
import {
  asOfOption,
  dataOption,
  formatOption,
  periodOption,
  previousOption,
  progressOption,
  strictOption,
} from '../options.js';
import { dataErrorsStopped, formatDataError, formatRejected, formatWarning } from '../output/data-errors.js';
import { OverflowWriter } from '../output/overflow.js';
import { plural } from '../output/plural.js';
import { csvHeader, csvRows } from '../output/results-csv.js';
import { ResultsJson } from '../output/results-json.js';
import { planTitle } from '../output/shown.js';
import { StatementTable } from '../output/statement-table.js';
import { createMemorySpool, type Spool, SpoolError } from '../spool.js';

/** Options of `attain run`. */
export interface RunOptions extends CalculationOptions {
  format: 'table' | 'json' | 'csv';
  /** Files of earlier results (`--previous`), as typed. */
  previous?: string[];
}

/**
 * A data error as a line. One in the earlier results of `--previous` names the file its statement
 * came from and its row there.
 */
export function formatError(error: DataError, origin: DataOrigin): string {
  const inFile =
    error.source === PREVIOUS && origin.previous ? errorInFile(error, origin.previous) : undefined;
  if (!inFile) return formatDataError(error, origin);
  return formatDataError(inFile.error, { fileOf: () => inFile.file, json: true });
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

/** The statements returned as reported (paid by an earlier run) that the CSV rows leave out. */
interface LeftOut {
  count: number;
  /** Their periods, in the order met (by payee, then period: period order). */
  periods: Set<string>;
}

/**
 * `38 statements of 2026-Q1 are not in the CSV: …`, or `undefined` when the CSV leaves out none.
 */
function leftOutNote(left: LeftOut): string | undefined {
  if (left.count === 0) return undefined;
  const periods = [...left.periods].join(', ');
  return (
    `${plural(left.count, 'statement')} of ${periods} ${left.count === 1 ? 'is' : 'are'} not in the CSV: ` +
    'returned as reported, they were paid by an earlier run (what changed in them is paid by recalculation rows)'
  );
}

/**
 * Prints the results in the chosen format. The statements were streamed: `json` holds those of
 * the JSON format, `table` those of the table format (laid out), and the CSV rows are written
 * already; `left` counts the statements the CSV rows left out.
 */
async function printResults(
  results: Results,
  origin: DataOrigin,
  options: RunOptions,
  context: Context,
  json: ResultsJson | undefined,
  table: StatementTable | undefined,
  left: LeftOut,
): Promise<void> {
  const { io, out } = context;
  if (json) {
    await json.write(results, io.stdout);
  } else if (options.format === 'csv') {
    // The rows were written as the statements were made (see calculateAndPrint).
  } else if (table) {
    const { plan, periods } = results.meta;
    const previous = options.previous?.length ? `, previous ${options.previous.join(', ')}` : '';
    io.stdout.write(
      `${out.bold(`Plan ${planTitle(plan)}`)}: ${periods.join(', ')}, data ${options.data}${previous}\n\n`,
    );
    if (table.count === 0) {
      io.stdout.write(`No statements: no payee is on the plan in ${periods.join(', ')}.\n`);
    }
    const width = Math.min(160, Math.max(60, io.stdout.columns ?? defaultWidth));
    io.stdout.write(table.format(results.meta.currency, { width, style: out }));
    io.stdout.write(tableAppendix(results, origin));
  }
  // The CSV output has no place for the calculation's warnings (the table and JSON have): stderr.
  if (options.format === 'csv') {
    for (const warning of results.warnings) reportWarning(context, formatWarning(warning));
    const note = leftOutNote(left);
    if (note) reportProblem(context, note);
  }
  // The table lists them in full; for JSON and CSV, which tools read, a note on stderr is enough.
  if (options.format !== 'table' && results.rejected.length > 0) {
    reportProblem(context, `${plural(results.rejected.length, 'row')} left out of the calculation:`);
    for (const line of formatRejected(results.rejected, origin)) io.stderr.write(`  ${line}\n`);
  }
}

/**
 * Calculates and prints; `json` receives the statements of the JSON format, `csv` the rows of the
 * CSV format, and the table format lays each statement out as it comes (a {@link StatementTable}).
 */
async function calculateAndPrint(
  planPath: string,
  options: RunOptions,
  context: Context,
  json: ResultsJson | undefined,
  csv: OverflowWriter | undefined,
): Promise<number> {
  const { io } = context;
  // CSV rows are written as each statement is made (put aside when the reader is slow), JSON
  // statements spooled, and table statements laid out into rows of text: a large run never holds
  // all its statements.
  let header = false;
  const writeHeader = () => {
    if (!header) csv?.write(csvHeader);
    header = true;
  };
  const left: LeftOut = { count: 0, periods: new Set() };
  const csvStatement = (statement: Statement) => {
    writeHeader();
    if (statement.reported === true) {
      left.count++;
      left.periods.add(statement.period);
    }
    const rows = csvRows(statement);
    if (rows.length > 0) csv?.write(rows);
  };
  const table = options.format === 'table' ? new StatementTable() : undefined;
  const stream = json
    ? (statement: Statement) => json.add(statement)
    : csv
      ? csvStatement
      : table && ((statement: Statement) => table.add(statement));
  const calculation = await calculatePlanFile(
    planPath,
    {
      takes: 'attain run takes one plan file',
      data: options.data,
      settings: runSettings(options),
      progress: progressOf(options, context),
      ...(stream && { onStatement: stream }),
      ...(options.previous && { previous: options.previous }),
    },
    context,
  );
  if (typeof calculation === 'number') return calculation;
  const { results, origin } = calculation;

  if (results.errors.length > 0) {
    await csv?.flush();
    if (json) await json.write(results, io.stdout);
    for (const error of results.errors) io.stderr.write(`${formatError(error, origin)}\n`);
    reportProblem(context, dataErrorsStopped(results.errors.length, results.errors, 'calculated'));
    return ExitCode.findings;
  }
  if (csv) {
    writeHeader();
    await csv.flush();
  }
  await printResults(results, origin, options, context, json, table, left);
  return ExitCode.ok;
}

/** Runs `attain run` and returns the exit code. */
export async function runRun(planPath: string, options: RunOptions, context: Context): Promise<number> {
  const { io } = context;
  const newSpool = () => (io.createSpool ? io.createSpool() : createMemorySpool());
  let spool: Spool | undefined;
  const csv = options.format === 'csv' ? new OverflowWriter(io.stdout, newSpool) : undefined;
  try {
    try {
      spool = options.format === 'json' ? newSpool() : undefined;
      const json = spool && new ResultsJson(spool);
      return await calculateAndPrint(planPath, options, context, json, csv);
    } finally {
      spool?.remove();
      csv?.remove();
    }
  } catch (error) {
    if (!(error instanceof SpoolError)) throw error;
    reportProblem(context, error.message);
    return ExitCode.trouble;
  }
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
    .addOption(dataOption())
    .addOption(periodOption())
    .addOption(previousOption())
    .addOption(formatOption(['table', 'json', 'csv'], 'table'))
    .addOption(strictOption())
    .addOption(asOfOption())
    .addOption(progressOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 calculated, 1 the plan has errors or the data has errors that stop the run\n' +
        '(any with --strict; those in earlier results always),\n' +
        '2 a file could not be read, a required file or column is missing, or a period is wrong.\n' +
        'Example: attain run examples/enterprise-ae/plan.attain --data examples/enterprise-ae/data --period 2026-Q1\n' +
        "Payroll, period by period: keep each run's JSON (--format json > q1.json) and pass it to the next\n" +
        '(--period 2026-Q2 --previous q1.json), so that draw and holdback balances carry over.\n' +
        'The data directory is described in docs/reference/run.md.',
    )
    .action(async (plan: string, options: RunOptions) => {
      exitWith(await runRun(plan, options, context));
    });
}
