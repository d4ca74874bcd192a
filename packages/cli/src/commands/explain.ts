/**
 * `attain explain PLAN [NUMBER...] --data DIR --period P --payee ID [--previous FILE...] [--format
 * text|json] [--strict] [--as-of DATE]`: calculates a plan over its data and explains numbers of
 * a payee's statement, each with the sentence a rep reads and (in JSON) its whole trace: the rule,
 * its range in the plan, the inputs, the tier and rate. Without NUMBER, every number of the
 * statement in the order it reads (see explain-numbers.ts for how numbers are named).
 */

import { type Explanation, explain, type Results, type Statement } from '@attain/engine';
import type { Command } from 'commander';
import { type CalculationOptions, calculatePlanFile, progressOf, runSettings } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem, reportWarning } from '../context.js';
import {
  asOfOption,
  dataOption,
  formatOption,
  periodOption,
  previousOption,
  progressOption,
  strictOption,
} from '../options.js';
import { dataErrorsStopped, formatRejected, formatWarning } from '../output/data-errors.js';
import { plural } from '../output/plural.js';
import { wrapWords } from '../output/wrap.js';
import { refOf, resolveNumber, type StatementNumber, some, statementNumbers } from './explain-numbers.js';
import { formatError } from './run.js';

/** Options of `attain explain`. */
export interface ExplainOptions extends CalculationOptions {
  /** The payees whose statements are explained (`--payee`, repeatable). */
  payee: string[];
  previous?: string[];
  format: 'text' | 'json';
}

/** One number explained. */
export interface ExplainedNumber extends Explanation {
  payee: string;
  period: string;
  /** The number's name, as `attain explain` takes it (`earning:new_business:D-1005`). */
  number: string;
}

/** What `--format json` prints. */
export interface ExplainJson {
  meta: Results['meta'];
  explanations: ExplainedNumber[];
  /** The calculation's warnings about the payees explained, or about no payee. */
  warnings: Results['warnings'];
}

/**
 * The statements asked for, by payee then period, or the problems that leave some out. `onPlan`:
 * every payee with a statement, for the message about one without; `known`: the payees of the
 * data (in `payeesFile`), to tell a payee off the plan from a mistyped id.
 */
function pickStatements(
  statements: readonly Statement[],
  onPlan: ReadonlySet<string>,
  known: ReadonlySet<string>,
  payeesFile: string,
  options: ExplainOptions,
  periods: readonly string[],
): { picked: Statement[]; problems: string[] } {
  const picked: Statement[] = [];
  const problems: string[] = [];
  const payees = [...new Set(options.payee)];
  for (const payee of payees) {
    const own = statements.filter((s) => s.payee === payee);
    if (own.length === 0) {
      problems.push(
        known.has(payee)
          ? `--payee ${payee}: no statement for ${payee} in ${periods.join(', ')} ` +
              `(not on the plan then; the payees on it: ${some([...onPlan])})`
          : `--payee ${payee}: there is no such payee in ${payeesFile}`,
      );
      continue;
    }
    for (const period of periods) {
      const statement = own.find((s) => s.period === period);
      if (statement) picked.push(statement);
      else problems.push(`--payee ${payee}: ${payee} has no statement in ${period} (not on the plan then)`);
    }
  }
  return { picked, problems };
}

/** A number that resolved but that the explanation could not find: a line or record it lacks. */
function notFound(statement: Statement, number: StatementNumber): string {
  const { target } = number;
  if ('earning' in target && target.line !== undefined) {
    const earning = statement.earnings.find((e) => e.name === target.earning);
    const keys = (earning?.lines ?? [])
      .filter((l) => l.record !== undefined)
      .map((l) => l.record?.key ?? `row ${l.record?.row}`);
    return `${statement.payee} ${statement.period}: ${target.earning} has no line for ${target.line}; its lines: ${keys.length === 0 ? 'none of one record' : some(keys)}`;
  }
  if ('credit' in target && target.record !== undefined)
    return `${statement.payee} ${statement.period}: ${target.credit} credits ${statement.payee} nothing for ${target.record}`;
  return `${statement.payee} ${statement.period}: ${number.name} cannot be explained`;
}

/**
 * Where the rule of a number is written, as `plan.attain:83:3` (1-based, as editors take it);
 * empty for a number no one rule makes (the payout).
 */
function whereWritten(planPath: string, explained: ExplainedNumber): string {
  const { start, end } = explained.trace.range;
  if (start.offset === end.offset) return '';
  return `${planPath}:${start.line + 1}:${start.character + 1}`;
}

/** Lays the explanations of one statement out as text. */
function formatText(
  planPath: string,
  statement: Statement,
  explained: readonly ExplainedNumber[],
  context: Context,
  width: number,
): string {
  const { out } = context;
  const head = `${out.bold(`${statement.payeeName} (${statement.payee})`)}  ${statement.period} (${statement.start} to ${statement.end})`;
  const body = explained.map((e) => {
    const where = whereWritten(planPath, e);
    return `  ${out.cyan(e.number)}${where === '' ? '' : `  ${out.dim(where)}`}\n${wrapWords(e.sentence, '    ', width)}`;
  });
  return `${head}\n${body.join('\n')}\n`;
}

/** Runs `attain explain` and returns the exit code. */
export async function runExplain(
  planPath: string,
  names: readonly string[],
  options: ExplainOptions,
  context: Context,
): Promise<number> {
  const { io } = context;
  const wanted = new Set(options.payee);
  // Only the statements asked for are kept: a large run never holds the others.
  const kept: Statement[] = [];
  const onPlan = new Set<string>();
  const calculation = await calculatePlanFile(
    planPath,
    {
      takes: 'attain explain takes one plan file',
      data: options.data,
      settings: runSettings(options),
      progress: progressOf(options, context),
      onStatement: (statement) => {
        onPlan.add(statement.payee);
        if (wanted.has(statement.payee)) kept.push(statement);
      },
      ...(options.previous && { previous: options.previous }),
    },
    context,
  );
  if (typeof calculation === 'number') return calculation;
  const { origin } = calculation;
  const results: Results = { ...calculation.results, statements: kept };
  if (results.errors.length > 0) {
    for (const error of results.errors) io.stderr.write(`${formatError(error, origin)}\n`);
    reportProblem(context, dataErrorsStopped(results.errors.length, results.errors, 'explained'));
    return ExitCode.findings;
  }

  const known = new Set(calculation.dataset.payees.map((p) => String(p?.id)));
  const payeesFile = origin.fileOf('payees');
  const { picked, problems } = pickStatements(kept, onPlan, known, payeesFile, options, results.meta.periods);
  // A name missing from some statements (a line of one period, a correction paid in another) is
  // only an error when no statement asked for has it.
  const missing = new Map<string, string[]>();
  const found = new Set<string>();
  const miss = (name: string, problem: string) => missing.set(name, [...(missing.get(name) ?? []), problem]);
  const explained = picked.map((statement) => {
    const numbers: StatementNumber[] = [];
    if (names.length === 0) numbers.push(...statementNumbers(statement));
    for (const name of names) {
      const resolved = resolveNumber(name, statement);
      if (!('problem' in resolved)) numbers.push({ ...resolved.number, asked: name });
      else if (resolved.missing) miss(name, `${statement.payee} ${statement.period}: ${resolved.problem}`);
      else problems.push(`${statement.payee} ${statement.period}: ${resolved.problem}`);
    }
    const own: ExplainedNumber[] = [];
    for (const number of numbers) {
      const explanation = explain(results, refOf(statement, number.target));
      if (explanation) {
        own.push({ payee: statement.payee, period: statement.period, number: number.name, ...explanation });
        if (number.asked !== undefined) found.add(number.asked);
      } else miss(number.asked ?? number.name, notFound(statement, number));
    }
    return own;
  });
  const notOnAll: string[] = [];
  for (const [name, messages] of missing) (found.has(name) ? notOnAll : problems).push(...messages);
  if (problems.length > 0) {
    for (const problem of problems) reportProblem(context, problem);
    return ExitCode.trouble;
  }

  // Warnings about other payees say nothing about these statements.
  const warnings = results.warnings.filter((w) => w.payee === undefined || wanted.has(w.payee));
  if (options.format === 'json') {
    const json: ExplainJson = { meta: results.meta, explanations: explained.flat(), warnings };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const width = Math.min(160, Math.max(60, io.stdout.columns ?? 100));
    io.stdout.write(
      picked
        .map((s, i) => [s, explained[i] ?? []] as const)
        .filter(([, own]) => own.length > 0)
        .map(([s, own]) => formatText(planPath, s, own, context, width))
        .join('\n'),
    );
  }
  if (options.format === 'text')
    for (const warning of warnings) reportWarning(context, formatWarning(warning));
  for (const message of notOnAll) reportWarning(context, message);
  if (results.rejected.length > 0) {
    reportProblem(context, `${plural(results.rejected.length, 'row')} left out of the calculation:`);
    for (const line of formatRejected(results.rejected, origin)) io.stderr.write(`  ${line}\n`);
  }
  return ExitCode.ok;
}

/** `--payee <id>` (required, repeatable). */
function collectPayees(value: string, payees: string[] | undefined): string[] {
  return [...(payees ?? []), value];
}

/** Adds `explain` to the program. */
export function defineExplain(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('explain')
    .summary("explain the numbers of a payee's statement: the rule, its inputs, the tier and rate")
    .description(
      "Calculate a plan over a data directory and explain numbers of a payee's statement, each " +
        'with a sentence a rep can redo the arithmetic from. Without NUMBER, every number of the ' +
        'statement: credits, quotas, measures, each earning and its lines, adjustments, the payout.',
    )
    .argument('<plan>', 'the plan file')
    .argument(
      '[number...]',
      'numbers to explain: payout, earning:NAME[:KEY], credit:NAME[:KEY], measure:NAME, quota:NAME, ' +
        'adjustment:ID, or a bare name',
    )
    .addOption(dataOption())
    .addOption(periodOption('period of the statement, e.g. 2026-Q1 (repeatable)'))
    .requiredOption('--payee <id>', 'the payee whose statement is explained (repeatable)', collectPayees)
    .addOption(previousOption())
    .addOption(formatOption(['text', 'json'], 'text'))
    .addOption(strictOption())
    .addOption(asOfOption())
    .addOption(progressOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 explained, 1 the plan has errors or the data has errors that stop the run\n' +
        '(any with --strict; those in earlier results always),\n' +
        '2 a file could not be read, a period is wrong, or a payee or number is not on the statement.\n' +
        'Example: attain explain examples/enterprise-ae/plan.attain --data examples/enterprise-ae/data ' +
        '--period 2026-Q1 --payee ae-002 payout new_business\n' +
        'Numbers and the JSON are described in docs/reference/explain.md.',
    )
    .action(async (plan: string, names: string[], options: ExplainOptions) => {
      exitWith(await runExplain(plan, names, options, context));
    });
}
