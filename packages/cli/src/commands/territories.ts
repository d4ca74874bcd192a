/**
 * `attain territories PLAN --accounts FILE [--balance potential=FIELD[,workload=FIELD][,basis=B]]
 * [--compare OTHER_PLAN] [--rebalance [--measure M] [--max-moves N] [--seed S] [--keep-geography FIELD]]
 * [--fx FILE] [--as-of DATE] [--format table|json]`: assigns the accounts of a CSV file to the
 * territories of a plan's `territories` block, with balance and fairness, a comparison with another
 * design and a rebalancing proposal. FX rates (for rules that convert money) come from `--fx`, else
 * from the fx.csv next to the accounts file, as `attain run` reads them from its data directory.
 * Exits 1 when a plan has errors, 2 when a file cannot be read or the usage is wrong.
 */
import { dirname, join, resolve } from 'node:path';
import type { Plan } from '@attain/dsl';
import {
  type AccountAssignment,
  assignAccounts,
  type BalanceBasis,
  type BalanceOptions,
  compareTerritories,
  type DataRecord,
  type FairnessMeasure,
  type FxRate,
  type Rebalance,
  rebalance,
  type TerritoryBalance,
  type TerritoryComparison,
  territoryBalance,
} from '@attain/engine';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadPlanForRun } from '../calculation.js';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import { CsvFileError, missingColumns, readCsvTable } from '../data/csv.js';
import { fixedFiles } from '../data/layout.js';
import { loadPayeesBeside, type PayeesBeside } from '../data/load-csv.js';
import { asOfOption, formatOption, integer } from '../options.js';
import { formatDataError, formatWarning } from '../output/data-errors.js';
import { Progress } from '../output/progress.js';
import { planTitle } from '../output/shown.js';
import {
  comparisonSection,
  fairnessLine,
  placesOf,
  rebalanceSection,
  territoryTable,
  tiesSection,
  unassignedSection,
} from './territories-table.js';

/** Options of `attain territories`. */
export interface TerritoriesOptions {
  accounts: string;
  compare?: string;
  balance?: Record<string, string>;
  rebalance?: boolean;
  measure: FairnessMeasure;
  maxMoves: number;
  seed: number;
  keepGeography?: string;
  fx?: string;
  asOf?: string;
  format: 'table' | 'json';
}

/** What `--format json` prints: the parts the options asked for. */
export interface TerritoriesJson {
  assignment: AccountAssignment;
  balance?: TerritoryBalance;
  rebalance?: Rebalance;
  comparison?: TerritoryComparison;
}

/** A plan with a `territories` block, or the exit code after the problem was reported. */
async function loadDesign(path: string, context: Context): Promise<Plan | number> {
  const compiled = await loadPlanForRun(path, 'attain territories takes one plan file', context);
  if (typeof compiled === 'number') return compiled;
  const { file, plan } = compiled;
  if (!plan.territories) {
    reportProblem(
      context,
      `${file.display} has no territories block: there is nothing to assign accounts to`,
    );
    return ExitCode.trouble;
  }
  return plan;
}

/** The account records of a CSV file (every column; the engine reads the declared ones), or a problem. */
async function readAccounts(
  path: string,
  context: Context,
): Promise<{ records: DataRecord[]; columns: string[] } | string> {
  const read = await readCsvTable(context.io, path);
  if (typeof read === 'string') return read;
  const { columns } = read;
  const records = read.rows.map((cells, i): DataRecord => {
    const values: Record<string, string> = {};
    for (const [c, column] of columns.entries()) values[column] = cells[c] ?? '';
    return { row: read.numbers[i] ?? i + 1, values };
  });
  return { records, columns };
}

/** The FX rates file: `--fx`, else fx.csv next to the accounts file when there is one. */
async function fxFile(options: TerritoriesOptions, context: Context): Promise<string | undefined> {
  if (options.fx !== undefined) return options.fx;
  const file = fixedFiles.find((f) => f.section === 'fx')?.file ?? 'fx.csv';
  const next = join(dirname(options.accounts), file);
  return (await context.io.pathKind(resolve(context.io.cwd, next))) === 'file' ? next : undefined;
}

/**
 * The payees and territory assignments beside the accounts file (payees.csv and
 * territory_assignments.csv of its directory), as `attain run` reads them from a data directory:
 * a design whose accounts have `Payee` fields needs the payees, and only known payees cover
 * territories then.
 */
async function payeesBeside(accounts: string, plan: Plan, context: Context): Promise<PayeesBeside> {
  const display = dirname(accounts);
  try {
    const progress = new Progress(context.io.stderr, 'never');
    return await loadPayeesBeside(context.io, resolve(context.io.cwd, display), display, plan, progress);
  } catch (error) {
    if (error instanceof CsvFileError) return { problems: [error.message] };
    throw error;
  }
}

/** The FX rates of a CSV file with the columns of a data directory's fx.csv, or a problem. */
async function readFx(path: string, context: Context): Promise<FxRate[] | string> {
  const read = await readCsvTable(context.io, path);
  if (typeof read === 'string') return read;
  const required = fixedFiles.find((f) => f.section === 'fx')?.required ?? [];
  const missing = missingColumns(path, read.columns, required, 'FX rates');
  if (missing !== undefined) return missing;
  const at = (column: string) => read.columns.indexOf(column);
  const [from, to, date, rate] = [at('from'), at('to'), at('date'), at('rate')];
  // The engine checks every value and reports a bad row by its number (rows are counted from 1).
  return read.rows.map((cells) => ({
    from: cells[from] ?? '',
    to: cells[to] ?? '',
    date: cells[date] ?? '',
    rate: cells[rate] ?? '',
  }));
}

/** The problem when the accounts file lacks a column the design's accounts source requires. */
function accountsProblem(plan: Plan, columns: readonly string[], path: string): string | undefined {
  const source = plan.sources.find((s) => s.name === plan.territories?.source);
  const required = (source?.fields ?? []).filter((f) => !f.optional).map((f) => f.name);
  return missingColumns(path, columns, required, `the plan's source ${source?.name}`);
}

/** `--balance potential=revenue_potential,workload=visits` into balance options. */
function balanceOptions(entries: Record<string, string>): BalanceOptions | string {
  if (entries.potential === undefined)
    return '--balance needs potential=FIELD (a numeric field of the accounts)';
  const options: BalanceOptions = { potential: entries.potential };
  if (entries.workload !== undefined) options.workload = entries.workload;
  if (entries.basis !== undefined) options.basis = entries.basis as BalanceBasis;
  return options;
}

/** The option a `RangeError` of the engine is about, named as on the command line. */
function asOption(message: string): string {
  return message
    .replace(/^options\.asOf/, '--as-of')
    .replace(/^keepGeography/, '--keep-geography')
    .replace(/^(potential|workload|basis)\b/, '--balance $1');
}

/** Computes what the options ask for; a `RangeError` of the engine becomes a problem message. */
function compute(
  plan: Plan,
  other: Plan | undefined,
  records: DataRecord[],
  balance: BalanceOptions | undefined,
  options: TerritoriesOptions,
  fx: FxRate[] | undefined,
  beside: PayeesBeside,
): TerritoriesJson | string {
  const asOf = {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(fx === undefined ? {} : { fx }),
    ...(beside.payees === undefined ? {} : { payees: beside.payees }),
    ...(beside.territoryAssignments === undefined
      ? {}
      : { territoryAssignments: beside.territoryAssignments }),
  };
  try {
    const result: TerritoriesJson = { assignment: assignAccounts(plan, records, asOf) };
    if (!balance) return result;
    result.balance = territoryBalance(result.assignment, balance);
    if (options.rebalance) {
      result.rebalance = rebalance(result.assignment, {
        ...balance,
        measure: options.measure,
        seed: options.seed,
        maxMoves: options.maxMoves,
        ...(options.keepGeography === undefined ? {} : { keepGeography: options.keepGeography }),
      });
    }
    if (other) result.comparison = compareTerritories(plan, other, records, { ...balance, ...asOf });
    return result;
  } catch (error) {
    if (error instanceof RangeError) return asOption(error.message);
    throw error;
  }
}

/**
 * The problems with the input rows that were left out (FX rates) and the warnings of evaluating the
 * rules (`no-fx-rate`...), as in `attain run`'s table; empty when there are none.
 */
function problemsSection(assignment: AccountAssignment, files: ReadonlyMap<string, string>): string {
  const origin = { fileOf: (section: string) => files.get(section) ?? section, json: false };
  const { problems, warnings } = assignment;
  let text = '';
  if (problems.length > 0)
    text += `\nRows left out (${problems.length}):\n${problems.map((e) => `  ${formatDataError(e, origin)}\n`).join('')}`;
  if (warnings.length > 0)
    text += `\nWarnings (${warnings.length}):\n${warnings.map((w) => `  ${formatWarning(w)}\n`).join('')}`;
  return text;
}

/** The table format. */
function tableText(
  result: TerritoriesJson,
  path: string,
  fx: string | undefined,
  payees: string | undefined,
  assignments: string | undefined,
): string {
  const { assignment, balance } = result;
  const count = assignment.accounts.length + assignment.unassigned.length;
  const places = balance ? placesOf(assignment, balance.potential) : 0;
  const read = [
    ...(payees === undefined ? [] : [`payees from ${payees}`]),
    ...(fx === undefined ? [] : [`FX rates from ${fx}`]),
  ];
  const rates = read.length === 0 ? '' : ` (${read.join(', ')})`;
  let text = `Territories of plan ${planTitle(assignment.plan)}: ${count} accounts from ${path}${rates}, as of ${assignment.asOf}\n\n`;
  text += territoryTable(assignment.territories, balance, places);
  if (balance) text += `\n${fairnessLine(balance)}`;
  text += `\n${unassignedSection(assignment, balance)}`;
  const ties = tiesSection(assignment);
  if (ties) text += `\n${ties}`;
  if (result.rebalance) text += `\n${rebalanceSection(result.rebalance, places)}`;
  if (result.comparison) text += `\n${comparisonSection(result.comparison, places)}`;
  const files = new Map<string, string>();
  if (fx !== undefined) files.set('fx', fx);
  if (payees !== undefined) files.set('payees', payees);
  if (assignments !== undefined) files.set('territoryAssignments', assignments);
  text += problemsSection(assignment, files);
  return text;
}

/** Runs `attain territories` and returns the exit code. */
export async function runTerritories(
  planPath: string,
  options: TerritoriesOptions,
  context: Context,
): Promise<number> {
  let balance: BalanceOptions | undefined;
  if (options.balance) {
    const parsed = balanceOptions(options.balance);
    if (typeof parsed === 'string') {
      reportProblem(context, parsed);
      return ExitCode.trouble;
    }
    balance = parsed;
  } else if (options.compare !== undefined || options.rebalance) {
    const what = options.compare !== undefined ? '--compare' : '--rebalance';
    reportProblem(context, `${what} needs --balance potential=FIELD: the field the designs are balanced on`);
    return ExitCode.trouble;
  }
  const plan = await loadDesign(planPath, context);
  if (typeof plan === 'number') return plan;
  const other = options.compare === undefined ? undefined : await loadDesign(options.compare, context);
  if (typeof other === 'number') return other;

  const read = await readAccounts(options.accounts, context);
  const problem =
    typeof read === 'string'
      ? read
      : [plan, ...(other ? [other] : [])]
          .map((p) => accountsProblem(p, read.columns, options.accounts))
          .find((p) => p !== undefined);
  if (problem !== undefined || typeof read === 'string') {
    reportProblem(context, problem ?? '');
    return ExitCode.trouble;
  }
  const fxPath = await fxFile(options, context);
  const fx = fxPath === undefined ? undefined : await readFx(fxPath, context);
  if (typeof fx === 'string') {
    reportProblem(context, fx);
    return ExitCode.trouble;
  }
  const beside = await payeesBeside(options.accounts, plan, context);
  if (beside.problems.length > 0) {
    for (const message of beside.problems) reportProblem(context, message);
    return ExitCode.trouble;
  }
  const result = compute(plan, other, read.records, balance, options, fx, beside);
  if (typeof result === 'string') {
    reportProblem(context, result);
    return ExitCode.trouble;
  }
  context.io.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : tableText(result, options.accounts, fxPath, beside.payeesFile, beside.assignmentsFile),
  );
  return ExitCode.ok;
}

/** `--balance potential=X --balance workload=Y` and `--balance potential=X,workload=Y` add up. */
function collectBalance(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const entries = { ...previous };
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    if (at < 0 || !['potential', 'workload', 'basis'].includes(key) || part.slice(at + 1).trim() === '')
      throw new InvalidArgumentError(
        'write potential=FIELD, workload=FIELD or basis=potential|workload|accounts',
      );
    entries[key] = part.slice(at + 1).trim();
  }
  return entries;
}

/** Adds `territories` to the program. */
export function defineTerritories(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('territories')
    .summary('assign accounts to territories, balance, compare and rebalance designs')
    .description(
      "Assign the accounts of a CSV file to the territories of a plan's territories block, with " +
        'the payees covering each territory; with --balance, the potential and workload of each ' +
        'territory and the fairness of the design; compare it with another design, or propose moves ' +
        'that make it fairer.',
    )
    .argument('<plan>', 'the plan file with the territory design')
    .addOption(
      new Option('--accounts <file>', 'CSV file of the accounts, one column per field').makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--balance <field=name>',
        'potential=FIELD (required for balance), workload=FIELD (default: account count), basis=potential|workload|accounts',
      ).argParser(collectBalance),
    )
    .option('--compare <plan>', 'another design to compare with (needs --balance)')
    .option('--rebalance', 'propose moves that make the design fairer (needs --balance)')
    .addOption(
      new Option('--measure <measure>', 'the fairness measure --rebalance improves')
        .choices(['cv', 'max-min-ratio', 'gini'])
        .default('cv'),
    )
    .addOption(
      new Option('--max-moves <n>', 'the most moves --rebalance proposes')
        .argParser(integer(0, 1_000_000, '--max-moves'))
        .default(20),
    )
    .addOption(
      new Option('--seed <n>', 'seed of the tie-breaking of --rebalance')
        .argParser(integer(0, 4_294_967_295, '--seed'))
        .default(1),
    )
    .option(
      '--keep-geography <field>',
      'with --rebalance, keep each account in territories of its own value of the field',
    )
    .option(
      '--fx <file>',
      'CSV of FX rates (from,to,date,rate) for rules that convert money; default: fx.csv next to --accounts, if any',
    )
    .addOption(
      asOfOption(
        "the day payees are read on (YYYY-MM-DD), inside the plan's effective dates; accounts are placed as crediting places them in the period holding it; default: the plan's first day",
      ),
    )
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 a plan has errors, 2 a file could not be read, a required column is\n' +
        'missing, or the usage is wrong.\n' +
        'Example: attain territories examples/territory-planning/design-current.attain \\\n' +
        '  --accounts examples/territory-planning/accounts.csv --balance potential=revenue_potential\n' +
        'See docs/reference/territories.md.',
    )
    .action(async (plan: string, options: TerritoriesOptions) => {
      exitWith(await runTerritories(plan, options, context));
    });
}
