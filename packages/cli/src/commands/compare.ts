/**
 * `attain compare PLAN_A PLAN_B --data DIR [--data-b DIR] --period P [--period P...]
 * [--format table|json] [--strict] [--top N]`: calculates two plans (or one plan over two datasets)
 * and compares them: total payout, cost of sales, payout distribution, payees at quota and earning
 * accelerators, pay for performance, and the payees whose payout changes most. Exits 1 when a plan
 * has errors or (with --strict) the data has errors, 2 when a file cannot be read or the usage is
 * wrong.
 */

import { compareCalculated, type PlanComparison } from '@attain/engine';
import { type Command, Option } from 'commander';
import {
  type Calculation,
  type CalculationOptions,
  calculatePlanFile,
  type PlanFileRun,
  progressOf,
  runSettings,
} from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import {
  asOfOption,
  dataOption,
  formatOption,
  integer,
  periodOption,
  progressOption,
  strictOption,
} from '../options.js';
import { dataErrorsStopped, formatDataError, formatRejected } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { type CompareSources, comparisonTable } from './compare-table.js';

/** Options of `attain compare`. */
export interface CompareCommandOptions extends CalculationOptions {
  dataB?: string;
  format: 'table' | 'json';
  top: number;
}

/** Lines of both sides, each once: the same data read for two plans gives the same errors twice. */
function distinctLines(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}

/** The rows either side left out, each error once, with how many rows each side left out. */
function rejectedRows(a: Calculation, b: Calculation): { counts: string; lines: string[] } {
  const lines = distinctLines([
    ...formatRejected(a.results.rejected, a.origin),
    ...formatRejected(b.results.rejected, b.origin),
  ]);
  const counts = `A ${plural(a.results.rejected.length, 'row')}, B ${plural(b.results.rejected.length, 'row')}`;
  return { counts, lines };
}

/** The sections after the table: rows left out, and how many warnings each side has. */
function tableAppendix(a: Calculation, b: Calculation): string {
  let text = '';
  const rejected = rejectedRows(a, b);
  if (rejected.lines.length > 0) {
    const lines = rejected.lines.map((line) => `  ${line}\n`).join('');
    text += `\nRejected rows (left out of the calculation: ${rejected.counts}):\n${lines}`;
  }
  const [wa, wb] = [a.results.warnings.length, b.results.warnings.length];
  if (wa > 0 || wb > 0) text += `\nWarnings: A ${wa}, B ${wb} (attain run lists them)\n`;
  return text;
}

/** Runs `attain compare` and returns the exit code. */
export async function runCompare(
  planA: string,
  planB: string,
  options: CompareCommandOptions,
  context: Context,
): Promise<number> {
  const { io } = context;
  const sources: CompareSources = { planA, planB, dataA: options.data, dataB: options.dataB ?? options.data };
  // One progress report for both sides; a plan file named for both sides is read and compiled once.
  const side: Omit<PlanFileRun, 'data'> = {
    takes: 'attain compare takes one plan file per side',
    settings: runSettings(options),
    progress: progressOf(options, context),
    cache: new Map(),
  };
  const a = await calculatePlanFile(planA, { ...side, data: sources.dataA }, context);
  if (typeof a === 'number') return a;
  const b = await calculatePlanFile(planB, { ...side, data: sources.dataB }, context);
  if (typeof b === 'number') return b;

  let comparison: PlanComparison;
  try {
    comparison = compareCalculated(a, b);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reportProblem(context, `${planA} and ${planB}: ${error.message}`);
    return ExitCode.trouble;
  }

  const errors = distinctLines([
    ...a.results.errors.map((e) => formatDataError(e, a.origin)),
    ...b.results.errors.map((e) => formatDataError(e, b.origin)),
  ]);
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  if (errors.length > 0) {
    for (const line of errors) io.stderr.write(`${line}\n`);
    reportProblem(
      context,
      dataErrorsStopped(errors.length, [...a.results.errors, ...b.results.errors], 'compared'),
    );
    return ExitCode.findings;
  }
  if (options.format === 'table') {
    io.stdout.write(comparisonTable(comparison, sources, options.top));
    io.stdout.write(tableAppendix(a, b));
  } else {
    // The table lists them; for JSON, which tools read, a note on stderr is enough.
    const rejected = rejectedRows(a, b);
    if (rejected.lines.length > 0) {
      reportProblem(context, `rows left out of the calculation (${rejected.counts}):`);
      for (const line of rejected.lines) io.stderr.write(`  ${line}\n`);
    }
  }
  return ExitCode.ok;
}

/** Adds `compare` to the program. */
export function defineCompare(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('compare')
    .summary(
      'compare two plans (or two data sets) over the same periods: cost, distribution, pay for performance',
    )
    .description(
      'Calculate plan A and plan B over the same data (or plan A over --data and plan B over ' +
        '--data-b, for two quota or territory designs) and compare them: total payout and earned, ' +
        'credited revenue and cost of sales, the payout distribution per payee, the payees at or ' +
        'above quota and earning accelerators, pay for performance, and the payees whose payout ' +
        'changes most. Differences are B - A.',
    )
    .argument('<plan-a>', 'the current plan file (A)')
    .argument('<plan-b>', 'the proposed plan file (B)')
    .addOption(dataOption())
    .option('--data-b <dir>', 'the data of plan B, when it differs (default: --data)')
    .addOption(periodOption())
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(strictOption())
    .addOption(asOfOption("the run's date (YYYY-MM-DD), the plans' `today`; default: end of the last period"))
    .addOption(
      new Option('--top <n>', 'how many payees the table lists by change in payout')
        .argParser(integer(0, 100_000, '--top'))
        .default(10),
    )
    .addOption(progressOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 compared, 1 a plan has errors or the data has errors that stop the run\n' +
        '(any with --strict; those in earlier results always),\n' +
        '2 a file could not be read, a required file or column is missing, or the usage is wrong.\n' +
        'Example: attain compare examples/enterprise-ae/plan.attain \\\n' +
        '  examples/enterprise-ae/proposals/accelerated.attain --data examples/enterprise-ae/data --period 2026-Q1\n' +
        'See docs/reference/compare.md.',
    )
    .action(async (a: string, b: string, options: CompareCommandOptions) => {
      exitWith(await runCompare(a, b, options, context));
    });
}
