/**
 * `attain fmt [--check | --write] FILE...`: lays plans out the one canonical way. Prints the
 * formatted text by default; `--check` lists plans that are not formatted; `--write` rewrites them.
 */
import { format } from '@attain/dsl';
import { type Command, Option } from 'commander';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import { describeIoError } from '../io.js';
import { type LoadedPlan, loadPlans } from '../load.js';
import { formatDiagnostic, sortDiagnostics } from '../output/diagnostics.js';
import { plural } from '../output/plural.js';

/** Options of `attain fmt`. */
export interface FmtOptions {
  check?: boolean;
  write?: boolean;
}

/**
 * Formats one plan. Returns the formatted text, or `undefined` after printing its syntax errors
 * on stderr (a plan that does not parse cannot be laid out).
 */
export function formatPlan(plan: LoadedPlan, context: Context): string | undefined {
  const result = format(plan.source);
  if (result.text === undefined) {
    const errors = sortDiagnostics(result.diagnostics).filter(
      (diagnostic) => diagnostic.severity === 'error',
    );
    for (const diagnostic of errors)
      context.io.stderr.write(formatDiagnostic(plan.display, diagnostic, context.err));
  }
  return result.text;
}

/** Runs `attain fmt` over `paths` and returns the exit code. */
export async function runFmt(
  paths: readonly string[],
  options: FmtOptions,
  context: Context,
): Promise<number> {
  const { io } = context;
  const loaded = await loadPlans(paths, context);
  let trouble = loaded.trouble;
  let syntaxErrors = 0;
  const differing: string[] = [];

  for (const plan of loaded.plans) {
    const text = formatPlan(plan, context);
    if (text === undefined) {
      syntaxErrors++;
      continue;
    }
    if (!options.check && !options.write) {
      io.stdout.write(text);
      continue;
    }
    if (text === plan.source) continue;
    if (options.write) {
      try {
        await io.writeFile(plan.absolute, text);
      } catch (error) {
        reportProblem(context, `cannot write ${plan.display}: ${describeIoError(error)}`);
        trouble = true;
        continue;
      }
    }
    differing.push(plan.display);
    io.stdout.write(`${plan.display}\n`);
  }

  if (syntaxErrors > 0) {
    io.stderr.write(`${plural(syntaxErrors, 'plan')} not formatted because of syntax errors\n`);
  }
  if (options.check && differing.length > 0) {
    io.stderr.write(
      `${plural(differing.length, 'plan is', 'plans are')} not formatted; run attain fmt --write to format\n`,
    );
  } else if (options.write) {
    io.stderr.write(`Rewrote ${differing.length} of ${plural(loaded.plans.length, 'plan')}\n`);
  }

  if (trouble) return ExitCode.trouble;
  if (syntaxErrors > 0) return ExitCode.findings;
  return options.check && differing.length > 0 ? ExitCode.findings : ExitCode.ok;
}

/** Adds `fmt` to the program. */
export function defineFmt(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('fmt')
    .summary('format plans (print them, --check or --write)')
    .description(
      'Format plans: print the formatted text, list plans that are not formatted (--check), ' +
        'or rewrite them in place (--write). A directory means every .attain file below it.',
    )
    .argument('<paths...>', 'plan files or directories')
    .addOption(new Option('--check', 'list plans that are not formatted; exit 1 if any').conflicts('write'))
    .addOption(new Option('--write', 'rewrite plans in place and list the ones that changed'))
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 a plan has syntax errors or (with --check) is not formatted,\n' +
        '2 a file could not be read or written.\n' +
        'Example: attain fmt --check examples',
    )
    .action(async (paths: string[], options: FmtOptions) => {
      exitWith(await runFmt(paths, options, context));
    });
}
