/**
 * `attain demo [DIR]`: a guided tour of the example plans. Checks and format-checks every plan
 * under DIR (default `examples`) and shows what each one declares. Exits 1 if any plan has errors
 * or is not formatted, so the demo doubles as a test of the examples.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import { compile, format, parse } from '@attain/dsl';
import type { Command } from 'commander';
import { type Context, ExitCode, type ExitWith } from '../context.js';
import { type LoadedPlan, loadPlans } from '../load.js';
import { describeDeclarations } from '../output/declarations.js';
import { countDiagnostics, describeTally, formatDiagnostic, sortDiagnostics } from '../output/diagnostics.js';
import { plural } from '../output/plural.js';
import { wrapList } from '../output/wrap.js';
import { version } from '../version.js';

/** The directory the demo reads when none is given. */
export const defaultExamplesDir = 'examples';

/** `examples/enterprise-ae/plan.attain` is the example `enterprise-ae`; other files go by their path. */
function exampleName(plan: LoadedPlan, dirAbsolute: string): string {
  const path = relative(dirAbsolute, plan.absolute).split('\\').join('/');
  if (path === '') return basename(plan.absolute);
  return basename(path) === 'plan.attain' ? dirname(path) : path.replace(/\.attain$/, '');
}

/** Shows one plan; returns true when it compiles without errors and is formatted. */
function showPlan(plan: LoadedPlan, dirAbsolute: string, context: Context): boolean {
  const { io, out } = context;
  const { file } = parse(plan.source);
  const header = file.plan;
  const title = header?.name ? `plan "${header.name.value}"` : '(plan without a name)';
  const versionText = header?.version ? ` version "${header.version.value}"` : '';
  io.stdout.write(`${out.bold(exampleName(plan, dirAbsolute))}  ${title}${versionText}\n`);
  const declarations = describeDeclarations(file);
  const census = declarations.length > 0 ? wrapList(declarations, 12, ' '.repeat(12)) : 'nothing';
  io.stdout.write(`  declares  ${census}\n`);

  const diagnostics = sortDiagnostics(compile(plan.source, { uri: plan.display }).diagnostics);
  const tally = countDiagnostics(diagnostics);
  const compiles = tally.errors === 0;
  const checkStatus = compiles ? out.green('ok') : out.red('FAILED');
  io.stdout.write(`  check     ${checkStatus}: ${describeTally(tally)}\n`);
  for (const diagnostic of diagnostics) {
    io.stdout.write(formatDiagnostic(plan.display, diagnostic, out, '            '));
  }

  const formatted = format(plan.source).text;
  const isFormatted = formatted === plan.source;
  const formatStatus = isFormatted
    ? `${out.green('ok')}: formatted`
    : formatted === undefined
      ? `${out.red('FAILED')}: cannot be formatted because of syntax errors`
      : `${out.red('FAILED')}: not formatted (run attain fmt --write ${plan.display})`;
  io.stdout.write(`  format    ${formatStatus}\n\n`);
  return compiles && isFormatted;
}

/** Runs `attain demo` over `dir` and returns the exit code. */
export async function runDemo(dir: string, context: Context): Promise<number> {
  const { io, out } = context;
  io.stdout.write(
    `${out.bold(`Attain ${version}`)}: checking and formatting the example plans in ${dir}\n\n`,
  );
  const { plans, trouble } = await loadPlans([dir], context);
  const dirAbsolute = resolve(io.cwd, dir);
  let failed = 0;
  for (const plan of plans) {
    if (!showPlan(plan, dirAbsolute, context)) failed++;
  }
  if (trouble) return ExitCode.trouble;
  if (failed > 0) {
    io.stdout.write(out.red(`${failed} of ${plural(plans.length, 'example plan')} failed.\n`));
    return ExitCode.findings;
  }
  io.stdout.write(
    `${out.green(`All ${plural(plans.length, 'example plan')} check without errors and are formatted.`)}\n` +
      `Try it yourself: pnpm attain check ${dir}   or   pnpm attain fmt --check ${dir}\n`,
  );
  return ExitCode.ok;
}

/** Adds `demo` to the program. */
export function defineDemo(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('demo')
    .summary('tour the example plans: what each declares, check and format check')
    .description(
      'Tour the example plans: show what each declares, check it and check its formatting. ' +
        'Exits 1 if any example has errors or is not formatted.',
    )
    .argument('[dir]', 'directory of example plans', defaultExamplesDir)
    .action(async (dir: string) => {
      exitWith(await runDemo(dir, context));
    });
}
