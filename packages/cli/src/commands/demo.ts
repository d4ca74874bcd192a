/**
 * `attain demo [DIR]`: a guided tour of the example plans. Checks and format-checks every plan
 * under DIR (default `examples`), shows what each one declares, then runs it over the data next to
 * it (`<plan dir>/data`) for its first period and prints a line per payee. Exits 1 if any plan has
 * errors, is not formatted or does not run cleanly over its data, so the demo doubles as a test of
 * the examples.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import { compile, format, type Plan, parse } from '@attain/dsl';
import type { Command } from 'commander';
import { calculateFromData } from '../calculation.js';
import { type Context, ExitCode, type ExitWith } from '../context.js';
import { type LoadedPlan, loadPlans } from '../load.js';
import { formatDataError } from '../output/data-errors.js';
import { describeDeclarations } from '../output/declarations.js';
import { countDiagnostics, describeTally, formatDiagnostic, sortDiagnostics } from '../output/diagnostics.js';
import { plural } from '../output/plural.js';
import { Progress } from '../output/progress.js';
import { quotedName } from '../output/shown.js';
import { summaryLines } from '../output/summary-table.js';
import { wrapList } from '../output/wrap.js';
import { firstPeriod } from '../periods.js';
import { version } from '../version.js';

/** The indentation of everything printed under a plan's heading. */
const indent = ' '.repeat(12);

/** Data errors shown per example before the rest is summarised. */
const shownErrors = 10;

/** The directory the demo reads when none is given. */
export const defaultExamplesDir = 'examples';

/** `examples/enterprise-ae/plan.attain` is the example `enterprise-ae`; other files go by their path. */
function exampleName(plan: LoadedPlan, dirAbsolute: string): string {
  const path = relative(dirAbsolute, plan.absolute).split('\\').join('/');
  if (path === '') return basename(plan.absolute);
  return basename(path) === 'plan.attain' ? dirname(path) : path.replace(/\.attain$/, '');
}

/** How an example did: checked, formatted, run, and the command that runs it (when it has data). */
interface Outcome {
  ok: boolean;
  /** `attain run ...` for the example, when it has data. */
  command?: string;
}

/**
 * Runs a compiled plan over `<plan dir>/data` for its first period, strictly, and prints a line per
 * statement. A plan without a data directory is skipped; returns false when the run fails.
 */
async function runPlan(plan: LoadedPlan, compiled: Plan, context: Context): Promise<Outcome> {
  const { io, out } = context;
  const data = join(dirname(plan.display), 'data');
  if ((await io.pathKind(resolve(io.cwd, data))) !== 'directory') {
    io.stdout.write(`  run       skipped: no data directory (${data})\n\n`);
    return { ok: true };
  }
  const period = firstPeriod(compiled);
  const command = `attain run ${plan.display} --data ${data} --period ${period}`;
  // Problems with the data files go to stderr like every problem; the status line says FAILED.
  const settings = { periods: [period], mode: 'strict' as const };
  const calculation = await calculateFromData(
    compiled,
    data,
    settings,
    context,
    new Progress(io.stderr, 'never'),
  );
  if (typeof calculation === 'number') {
    io.stdout.write(`  run       ${out.red('FAILED')}: the data in ${data} cannot be used (see above)\n\n`);
    return { ok: false, command };
  }
  const { results, origin } = calculation;
  if (results.errors.length > 0) {
    io.stdout.write(
      `  run       ${out.red('FAILED')}: ${plural(results.errors.length, 'data error')} in ${data}\n`,
    );
    for (const error of results.errors.slice(0, shownErrors))
      io.stdout.write(`${indent}${formatDataError(error, origin)}\n`);
    if (results.errors.length > shownErrors)
      io.stdout.write(`${indent}... and ${results.errors.length - shownErrors} more\n`);
    io.stdout.write('\n');
    return { ok: false, command };
  }
  const warnings = results.warnings.length > 0 ? `, ${plural(results.warnings.length, 'warning')}` : '';
  io.stdout.write(
    `  run       ${out.green('ok')}: ${period} over ${data}, ${plural(results.statements.length, 'statement')}${warnings}\n`,
  );
  for (const line of summaryLines(results)) io.stdout.write(`${indent}${line}\n`);
  io.stdout.write('\n');
  return { ok: true, command };
}

/** Shows one plan: what it declares, its check, its format check and its run over its data. */
async function showPlan(plan: LoadedPlan, dirAbsolute: string, context: Context): Promise<Outcome> {
  const { io, out } = context;
  const { file } = parse(plan.source);
  const header = file.plan;
  const title = header?.name ? `plan ${quotedName(header.name.value)}` : '(plan without a name)';
  const versionText = header?.version ? ` version ${quotedName(header.version.value)}` : '';
  io.stdout.write(`${out.bold(exampleName(plan, dirAbsolute))}  ${title}${versionText}\n`);
  const declarations = describeDeclarations(file);
  const census = declarations.length > 0 ? wrapList(declarations, 12, ' '.repeat(12)) : 'nothing';
  io.stdout.write(`  declares  ${census}\n`);

  const compiled = compile(plan.source, { uri: plan.display });
  const diagnostics = sortDiagnostics(compiled.diagnostics);
  const tally = countDiagnostics(diagnostics);
  const checkStatus = tally.errors === 0 ? out.green('ok') : out.red('FAILED');
  io.stdout.write(`  check     ${checkStatus}: ${describeTally(tally)}\n`);
  for (const diagnostic of diagnostics) {
    io.stdout.write(formatDiagnostic(plan.display, diagnostic, out, indent));
  }

  const formatted = format(plan.source).text;
  const isFormatted = formatted === plan.source;
  const formatStatus = isFormatted
    ? `${out.green('ok')}: formatted`
    : formatted === undefined
      ? `${out.red('FAILED')}: cannot be formatted because of syntax errors`
      : `${out.red('FAILED')}: not formatted (run attain fmt --write ${plan.display})`;
  io.stdout.write(`  format    ${formatStatus}\n`);
  if (!compiled.plan) {
    io.stdout.write(`  run       skipped: the plan has errors\n\n`);
    return { ok: false };
  }
  const run = await runPlan(plan, compiled.plan, context);
  return { ...run, ok: run.ok && isFormatted };
}

/** Runs `attain demo` over `dir` and returns the exit code. */
export async function runDemo(dir: string, context: Context): Promise<number> {
  const { io, out } = context;
  io.stdout.write(
    `${out.bold(`Attain ${version}`)}: checking, formatting and running the example plans in ${dir}\n\n`,
  );
  const { plans, trouble } = await loadPlans([dir], context);
  const dirAbsolute = resolve(io.cwd, dir);
  let failed = 0;
  let ran = 0;
  let command: string | undefined;
  for (const plan of plans) {
    const outcome = await showPlan(plan, dirAbsolute, context);
    if (!outcome.ok) failed++;
    if (outcome.command) ran++;
    command ??= outcome.command;
  }
  if (trouble) return ExitCode.trouble;
  if (failed > 0) {
    io.stdout.write(out.red(`${failed} of ${plural(plans.length, 'example plan')} failed.\n`));
    return ExitCode.findings;
  }
  const summary =
    ran === plans.length
      ? `All ${plural(plans.length, 'example plan')} check without errors, are formatted and run over their data.`
      : `All ${plural(plans.length, 'example plan')} check without errors and are formatted; ${ran} run over their data (the others have no data directory next to them).`;
  io.stdout.write(
    `${out.green(summary)}\n` +
      `Try it yourself: pnpm attain check ${dir}   or   pnpm attain fmt --check ${dir}\n`,
  );
  if (command) io.stdout.write(`Full statements: pnpm ${command}\n`);
  return ExitCode.ok;
}

/** Adds `demo` to the program. */
export function defineDemo(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('demo')
    .summary('tour the example plans: declarations, check, format check and a run over their data')
    .description(
      'Tour the example plans: show what each declares, check it, check its formatting, and run it ' +
        'over the data next to it (<plan dir>/data) for its first period. Exits 1 if any example has ' +
        'errors, is not formatted or does not run cleanly over its data.',
    )
    .argument('[dir]', 'directory of example plans', defaultExamplesDir)
    .action(async (dir: string) => {
      exitWith(await runDemo(dir, context));
    });
}
