/**
 * `attain check FILE...`: compiles each plan and prints its diagnostics, then a summary line.
 * Exits 1 when any plan has an error, 2 when a file could not be read.
 */
import { compile, type Diagnostic } from '@attain/dsl';
import type { Command } from 'commander';
import { type Context, ExitCode, type ExitWith } from '../context.js';
import { loadPlans } from '../load.js';
import { formatOption } from '../options.js';
import { countDiagnostics, describeTally, formatDiagnostic, sortDiagnostics } from '../output/diagnostics.js';
import { plural } from '../output/plural.js';

/** Options of `attain check`. */
export interface CheckOptions {
  format: 'text' | 'json';
}

/** One checked plan in `--format json` output; diagnostic ranges are 0-based, as in LSP. */
export interface CheckedPlan {
  file: string;
  diagnostics: Diagnostic[];
}

/** The whole `--format json` output. */
export interface CheckReport {
  plans: CheckedPlan[];
  errors: number;
  warnings: number;
  infos: number;
}

/** Runs `attain check` over `paths` and returns the exit code. */
export async function runCheck(
  paths: readonly string[],
  options: CheckOptions,
  context: Context,
): Promise<number> {
  const { io, out } = context;
  const { plans, trouble } = await loadPlans(paths, context);
  const checked: CheckedPlan[] = [];
  for (const plan of plans) {
    const diagnostics = sortDiagnostics(compile(plan.source, { uri: plan.display }).diagnostics);
    checked.push({ file: plan.display, diagnostics });
    if (options.format === 'text') {
      for (const diagnostic of diagnostics) io.stdout.write(formatDiagnostic(plan.display, diagnostic, out));
    }
  }

  const tally = countDiagnostics(checked.flatMap((plan) => plan.diagnostics));
  if (options.format === 'json') {
    const report: CheckReport = { plans: checked, ...tally };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const summary = `Checked ${plural(checked.length, 'plan')}: ${describeTally(tally)}`;
    io.stdout.write(`${tally.errors > 0 ? out.red(summary) : summary}\n`);
  }
  if (trouble) return ExitCode.trouble;
  return tally.errors > 0 ? ExitCode.findings : ExitCode.ok;
}

/** Adds `check` to the program. */
export function defineCheck(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('check')
    .summary('check plans and print every error and warning')
    .description(
      'Check plans for errors: syntax, names, types and units, rate tables, crediting and dates. ' +
        'A directory means every .attain file below it.',
    )
    .argument('<paths...>', 'plan files or directories')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (warnings allowed), 1 a plan has errors, 2 a file could not be read.\n' +
        'Example: attain check examples',
    )
    .action(async (paths: string[], options: CheckOptions) => {
      exitWith(await runCheck(paths, options, context));
    });
}
