/**
 * `attain report PLAN --data DIR --period P [--period P...] [--metrics] [--signals] [--liability]
 * [--as PAYEE] [--format table|json]`: performance tracking over a calculation. The scoreboard
 * shows every metric per payee and per team (rolled up the hierarchy, with the change from one
 * period to the next), the signals list the records to review, and the liability report gives
 * finance what is earned, paid, held back and owed. `--as` shows what one payee may see: a rep
 * their own numbers, a manager their team. Without a section flag: the scoreboard and the signals.
 */

import { scope } from '@attain/engine';
import type { Command } from 'commander';
import { type CalculationOptions, calculatePlanFile, progressOf, runSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import {
  asOfOption,
  dataOption,
  formatOption,
  periodOption,
  progressOption,
  strictOption,
} from '../options.js';
import { dataErrorsStopped, formatDataError, formatRejected } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { buildReport, type ReportRequest, viewerOf } from './report-build.js';
import { formatReport } from './report-table.js';

/** Options of `attain report`. */
export interface ReportOptions extends CalculationOptions {
  metrics?: boolean;
  signals?: boolean;
  liability?: boolean;
  as?: string;
  format: 'table' | 'json';
}

/** Runs `attain report` and returns the exit code. */
export async function runReport(planPath: string, options: ReportOptions, context: Context): Promise<number> {
  const { io } = context;
  const calculation = await calculatePlanFile(
    planPath,
    {
      takes: 'attain report takes one plan file',
      data: options.data,
      settings: runSettings(options),
      progress: progressOf(options, context),
    },
    context,
  );
  if (typeof calculation === 'number') return calculation;
  const { plan, results, origin, dataset } = calculation;
  const viewer = options.as === undefined ? undefined : viewerOf(options.as, dataset);
  if (options.as !== undefined && !viewer) {
    reportProblem(context, `--as ${options.as}: there is no such payee in ${origin.fileOf('payees')}`);
    return ExitCode.trouble;
  }
  // With --as, stderr too shows only what the viewer may see: errors and rejected rows about rows of
  // other payees (their keys and values) are left out, as scope() leaves them out (governance.md).
  const seen = viewer
    ? scope(results, { role: viewer.role, payee: viewer.payee }, dataset.payees, dataset)
    : results;
  const hidden = (count: number, what: string) =>
    `${plural(count, what)} about rows --as ${viewer?.payee} may not see ${count === 1 ? 'is' : 'are'} not shown`;
  if (results.errors.length > 0) {
    for (const error of seen.errors) io.stderr.write(`${formatDataError(error, origin)}\n`);
    const notShown = results.errors.length - seen.errors.length;
    if (notShown > 0) io.stderr.write(`(${hidden(notShown, 'more error')}: run without --as to see them)\n`);
    reportProblem(context, dataErrorsStopped(results.errors.length, results.errors, 'calculated'));
    return ExitCode.findings;
  }

  const any = options.metrics || options.signals || options.liability;
  const request: ReportRequest = {
    metrics: any ? options.metrics === true : true,
    signals: any ? options.signals === true : true,
    liability: options.liability === true,
    ...(viewer && { viewer }),
  };
  const report = buildReport(plan, dataset, results, request);
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(formatReport(report, options.data, context.out));
  if (seen.rejected.length > 0) {
    reportProblem(context, `${plural(seen.rejected.length, 'row')} left out of the calculation:`);
    for (const line of formatRejected(seen.rejected, origin)) io.stderr.write(`  ${line}\n`);
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
    .addOption(dataOption())
    .addOption(
      periodOption('period to report on, e.g. 2026-Q1 (repeatable; the change is from each to the next)'),
    )
    .option('--metrics', 'show the scoreboard: metrics per payee and per team')
    .option('--signals', 'show the signals with their records')
    .option('--liability', 'show the payout liability: earned, paid, held back, draws owed')
    .option('--as <payee>', 'show what this payee may see: a rep their own numbers, a manager their team')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(strictOption())
    .addOption(asOfOption())
    .addOption(progressOption())
    .addHelpText(
      'after',
      '\nWithout --metrics, --signals or --liability the report shows the scoreboard and the signals.\n' +
        'Exit codes: 0 reported, 1 the plan has errors or the data has errors that stop the run\n' +
        '(any with --strict; those in earlier results always),\n' +
        '2 a file could not be read, a required file or column is missing, a period is wrong or --as names no payee.\n' +
        'Example: attain report examples/sales-team/plan.attain --data examples/sales-team/data ' +
        '--period 2026-Q1 --period 2026-Q2 --as-of 2026-05-15 --as mgr-01\n' +
        'The report and its JSON are described in docs/reference/metrics.md.',
    )
    .action(async (plan: string, options: ReportOptions) => {
      exitWith(await runReport(plan, options, context));
    });
}
