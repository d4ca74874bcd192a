/**
 * `attain compare PLAN_A PLAN_B --data DIR [--data-b DIR] --period P [--period P...]
 * [--format table|json] [--strict] [--top N]`: calculates two plans (or one plan over two datasets)
 * and compares them: total payout, cost of sales, payout distribution, payees at quota and earning
 * accelerators, pay for performance, and the payees whose payout changes most. Exits 1 when a plan
 * has errors or (with --strict) the data has errors, 2 when a file cannot be read or the usage is
 * wrong.
 */

import type { Plan } from '@attain/dsl';
import { compareCalculated, type PlanComparison } from '@attain/engine';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Calculation, calculateFromData, compileForRun, type RunSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import { loadPlans } from '../load.js';
import { formatDataError, formatRejected } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { Progress } from '../output/progress.js';
import { collectPeriods } from '../periods.js';
import { type CompareSources, comparisonTable } from './compare-table.js';

/** Options of `attain compare`. */
export interface CompareCommandOptions {
  data: string;
  dataB?: string;
  period: string[];
  format: 'table' | 'json';
  strict?: boolean;
  asOf?: string;
  top: number;
  progress?: boolean;
}

function topCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 100_000)
    throw new InvalidArgumentError('--top must be a whole number from 0 to 100000');
  return n;
}

/** Reads, compiles and calculates one side; a number is the exit code after its problems were reported. */
async function calculateSide(
  path: string,
  data: string,
  settings: RunSettings,
  context: Context,
  progress: Progress,
): Promise<(Calculation & { plan: Plan }) | number> {
  const { plans, trouble } = await loadPlans([path], context);
  if (trouble) return ExitCode.trouble;
  const [file] = plans;
  if (file === undefined || plans.length > 1) {
    reportProblem(
      context,
      `attain compare takes one plan file per side; ${path} holds ${plans.length} plans`,
    );
    return ExitCode.trouble;
  }
  const plan = compileForRun(file, context);
  if (typeof plan === 'number') return plan;
  const calculation = await calculateFromData(plan, data, settings, context, progress);
  return typeof calculation === 'number' ? calculation : { ...calculation, plan };
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
  const settings: RunSettings = { periods: options.period, mode: options.strict ? 'strict' : 'lenient' };
  if (options.asOf !== undefined) settings.asOf = options.asOf;
  const progress = new Progress(io.stderr, Progress.modeFor(io.stderr, options.progress));
  const a = await calculateSide(planA, sources.dataA, settings, context, progress);
  if (typeof a === 'number') return a;
  const b = await calculateSide(planB, sources.dataB, settings, context, progress);
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
      `${plural(errors.length, 'data error')} (--strict): nothing was compared. ` +
        'Without --strict the rows with errors are left out and the rest is calculated.',
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
    .addOption(new Option('--data <dir>', 'data directory, or a JSON dataset file').makeOptionMandatory())
    .option('--data-b <dir>', 'the data of plan B, when it differs (default: --data)')
    .addOption(
      new Option('--period <period>', 'period to calculate, e.g. 2026-Q1 or 2026-03 (repeatable)')
        .argParser(collectPeriods)
        .makeOptionMandatory(),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--strict', 'fail on any data error instead of leaving bad rows out')
    .option(
      '--as-of <date>',
      "the run's date (YYYY-MM-DD), the plans' `today`; default: end of the last period",
    )
    .addOption(
      new Option('--top <n>', 'how many payees the table lists by change in payout')
        .argParser(topCount)
        .default(10),
    )
    .option('--progress', 'report progress on stderr (shown on a terminal for long runs anyway)')
    .addHelpText(
      'after',
      '\nExit codes: 0 compared, 1 a plan has errors or (--strict) the data has errors,\n' +
        '2 a file could not be read, a required file or column is missing, or the usage is wrong.\n' +
        'Example: attain compare examples/enterprise-ae/plan.attain \\\n' +
        '  examples/enterprise-ae/proposals/accelerated.attain --data examples/enterprise-ae/data --period 2026-Q1\n' +
        'See docs/reference/compare.md.',
    )
    .action(async (a: string, b: string, options: CompareCommandOptions) => {
      exitWith(await runCompare(a, b, options, context));
    });
}
