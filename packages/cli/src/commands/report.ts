/**
 * `attain report PLAN --data DIR --period P [--period P...] [--metrics] [--signals] [--liability]
 * [--as PAYEE] [--format table|json]`: performance tracking over a calculation. The scoreboard
 * shows every metric per payee and per team (rolled up the hierarchy, with the change from one
 * period to the next), the signals list the records to review, and the liability report gives
 * finance what is earned, paid, held back and owed. `--as` shows what one payee may see: a rep
 * their own numbers, a manager their team. Without a section flag: the scoreboard and the signals.
 */

import type { Command } from 'commander';
import { Option } from 'commander';
import { calculateFromData, compileForRun, type RunSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import { loadPlans } from '../load.js';
import { formatDataError, formatRejected } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { Progress } from '../output/progress.js';
import { collectPeriods } from '../periods.js';
import { buildReport, viewerOf } from './report-build.js';
import { formatReport } from './report-table.js';

/** Options of `attain report`. */
export interface ReportOptions {
  data: string;
  period: string[];
  metrics?: boolean;
  signals?: boolean;
  liability?: boolean;
  as?: string;
  format: 'table' | 'json';
  strict?: boolean;
  asOf?: string;
  progress?: boolean;
}

/** Runs `attain report` and returns the exit code. */
export async function runReport(planPath: string, options: ReportOptions, context: Context): Promise<number> {
  const { io } = context;
  const { plans, trouble } = await loadPlans([planPath], context);
  if (trouble) return ExitCode.trouble;
  const [file] = plans;
  if (file === undefined || plans.length > 1) {
    reportProblem(context, `attain report takes one plan file; ${planPath} holds ${plans.length} plans`);
    return ExitCode.trouble;
  }
  const plan = compileForRun(file, context);
  if (typeof plan === 'number') return plan;

  const settings: RunSettings = { periods: options.period, mode: options.strict ? 'strict' : 'lenient' };
  if (options.asOf !== undefined) settings.asOf = options.asOf;
  const progress = new Progress(io.stderr, Progress.modeFor(io.stderr, options.progress));
  const calculation = await calculateFromData(plan, options.data, settings, context, progress);
  if (typeof calculation === 'number') return calculation;
  const { results, origin, dataset } = calculation;
  if (options.as !== undefined && !viewerOf(options.as, dataset)) {
    reportProblem(context, `--as ${options.as}: there is no such payee in ${origin.fileOf('payees')}`);
    return ExitCode.trouble;
  }
  if (results.errors.length > 0) {
    for (const error of results.errors) io.stderr.write(`${formatDataError(error, origin)}\n`);
    reportProblem(
      context,
      `${plural(results.errors.length, 'data error')} (--strict): nothing was calculated. ` +
        'Without --strict the rows with errors are left out and the rest is calculated.',
    );
    return ExitCode.findings;
  }

  const any = options.metrics || options.signals || options.liability;
  const request = {
    metrics: any ? options.metrics === true : true,
    signals: any ? options.signals === true : true,
    liability: options.liability === true,
    ...(options.as === undefined ? {} : { as: options.as }),
  };
  const report = buildReport(plan, dataset, results, request);
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(formatReport(report, options.data, context.out));
  if (results.rejected.length > 0) {
    reportProblem(context, `${plural(results.rejected.length, 'row')} left out of the calculation:`);
    for (const line of formatRejected(results.rejected, origin)) io.stderr.write(`  ${line}\n`);
  }
  return ExitCode.ok;
}

/** Adds `report` to the program. */
export function defineReport(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('report')
    .summary('show the scoreboard, coaching signals and payout liability of a plan over data')
    .description(
      'Calculate a plan over a data directory and report on performance: every metric per payee and ' +
        'per team (rolled up the hierarchy, with the change from one period to the next), the signals ' +
        'raised with the records that raised them, and the payout liability for finance.',
    )
    .argument('<plan>', 'the plan file')
    .addOption(new Option('--data <dir>', 'data directory, or a JSON dataset file').makeOptionMandatory())
    .addOption(
      new Option(
        '--period <period>',
        'period to report on, e.g. 2026-Q1 (repeatable; the change is from each to the next)',
      )
        .argParser(collectPeriods)
        .makeOptionMandatory(),
    )
    .option('--metrics', 'show the scoreboard: metrics per payee and per team')
    .option('--signals', 'show the signals with their records')
    .option('--liability', 'show the payout liability: earned, paid, held back, draws owed')
    .option('--as <payee>', 'show what this payee may see: a rep their own numbers, a manager their team')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--strict', 'fail on any data error instead of leaving bad rows out')
    .option(
      '--as-of <date>',
      "the run's date (YYYY-MM-DD), the plan's `today`; default: end of the last period",
    )
    .option('--progress', 'report progress on stderr (shown on a terminal for long runs anyway)')
    .addHelpText(
      'after',
      '\nWithout --metrics, --signals or --liability the report shows the scoreboard and the signals.\n' +
        'Exit codes: 0 reported, 1 the plan has errors or (--strict) the data has errors,\n' +
        '2 a file could not be read, a required file or column is missing, a period is wrong or --as names no payee.\n' +
        'Example: attain report examples/sales-team/plan.attain --data examples/sales-team/data ' +
        '--period 2026-Q1 --period 2026-Q2 --as-of 2026-05-15 --as mgr-01\n' +
        'The report and its JSON are described in docs/reference/metrics.md.',
    )
    .action(async (plan: string, options: ReportOptions) => {
      exitWith(await runReport(plan, options, context));
    });
}
