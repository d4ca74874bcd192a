/**
 * `attain quotas --target AMOUNT --hierarchy FILE [--weights equal|history|potential] [--values FILE]
 * [--over-assign LEVEL=PCT ...] [--seasonality LIST --year YYYY] [--capacity FILE] [--format table|json]`:
 * allocates a company target top-down through a sales hierarchy, optionally spreads each quota over
 * the fiscal year (seasonality, ramp, proration) and compares the quotas with the sales force's
 * capacity. Exits 1 when the input has errors, 2 when a file cannot be read or the usage is wrong.
 */
import {
  allocateQuotas,
  type CapacityGap,
  capacityGap,
  compareText,
  type HierarchyNode,
  type PlanningProblem,
  type QuotaAllocation,
  type QuotaSpread,
  type RepCapacity,
  type SpreadOptions,
  type SpreadPeriodKind,
  spreadQuota,
  type WeightBasis,
} from '@attain/engine';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Context, ExitCode, type ExitWith, reportProblem } from '../context.js';
import { formatOption, integer } from '../options.js';
import { plural } from '../output/plural.js';
import { type PayeeDates, readQuotaFiles } from './quotas-input.js';
import { allocationTable, allocationTitle, formatProblem, spreadTable } from './quotas-table.js';

/** Options of `attain quotas`. */
export interface QuotasOptions {
  target: string;
  hierarchy: string;
  weights: WeightBasis;
  values?: string;
  valueColumn?: string;
  overAssign?: Record<string, string>;
  decimals: number;
  seasonality?: string[];
  year?: number;
  fiscalYearStart?: number;
  period?: SpreadPeriodKind;
  ramp?: string[];
  rampAfterDay?: number;
  capacity?: string;
  format: 'table' | 'json';
}

/** A quota carrier's spread over the year. */
export interface PayeeSpread extends QuotaSpread {
  id: string;
  name: string;
}

/** What `--format json` prints. */
export interface QuotasJson {
  allocation: QuotaAllocation;
  spread?: { fiscalYear: number; payees: PayeeSpread[] };
  capacity?: CapacityGap;
}

/** The spread options every payee shares, and each payee's own (their dates and ramp). */
function spreadOptions(
  dates: ReadonlyMap<string, PayeeDates>,
  options: QuotasOptions,
  year: number,
): { check: SpreadOptions; of: (id: string) => SpreadOptions } {
  const shared: SpreadOptions = { fiscalYear: year, decimals: options.decimals };
  if (options.fiscalYearStart !== undefined) shared.fiscalYearStart = options.fiscalYearStart;
  if (options.period !== undefined) shared.period = options.period;
  if (options.seasonality) shared.seasonality = options.seasonality;
  const rampOf = (from: string) => ({
    from,
    steps: options.ramp ?? [],
    ...(options.rampAfterDay !== undefined && { startNextMonthAfterDay: options.rampAfterDay }),
  });
  // The shared options with a ramp from the first day of the year: checks them once for all payees.
  const check: SpreadOptions = { ...shared, ...(options.ramp && { ramp: rampOf(`${year}-01-01`) }) };
  const of = (id: string): SpreadOptions => {
    const { hire, start, end } = dates.get(id) ?? {};
    const payeeOptions: SpreadOptions = { ...shared };
    const from = start ?? hire;
    if (from !== undefined || end !== undefined) {
      payeeOptions.onPlan = { ...(from !== undefined && { from }), ...(end !== undefined && { to: end }) };
    }
    if (options.ramp && hire !== undefined) payeeOptions.ramp = rampOf(hire);
    return payeeOptions;
  };
  return { check, of };
}

/**
 * The spread of each quota carrier (reps, and managers' own quotas). The options all payees share
 * (seasonality, ramp steps) are checked once, so that a mistake in them is reported once.
 */
function spreads(
  allocation: QuotaAllocation,
  dates: ReadonlyMap<string, PayeeDates>,
  options: QuotasOptions,
  year: number,
): { payees?: PayeeSpread[]; problems: PlanningProblem[] } {
  const { check, of } = spreadOptions(dates, options, year);
  const checked = spreadQuota('0', check);
  if (checked.problems.length > 0) return { problems: checked.problems };

  const payees: PayeeSpread[] = [];
  for (const node of allocation.nodes) {
    const annual = node.children.length === 0 ? node.quota : node.own;
    if (annual === undefined) continue;
    const spread = spreadQuota(annual, of(node.id));
    const problems = spread.problems.map((p) => ({ ...p, node: node.id }));
    const name = node.children.length === 0 ? node.name : `${node.name} (own quota)`;
    payees.push({ id: node.id, name, ...spread, problems });
  }
  return { payees, problems: payees.flatMap((p) => p.problems) };
}

/**
 * The problems of the spread's options and of the quota carriers' dates when the allocation has
 * errors (and so no quotas to spread): checked on a zero quota, so that one run lists every error.
 * The carriers are the hierarchy's leaves and the managers with `own_quota`, as the engine counts them.
 */
function spreadProblems(
  nodes: readonly HierarchyNode[],
  dates: ReadonlyMap<string, PayeeDates>,
  options: QuotasOptions,
  year: number,
): PlanningProblem[] {
  const { check, of } = spreadOptions(dates, options, year);
  const checked = spreadQuota('0', check);
  if (checked.problems.length > 0) return checked.problems;
  const parents = new Set(nodes.map((node) => (node.parent ?? '').trim()));
  const carriers = new Set(
    nodes
      .filter((node) => node.id.trim() !== '' && (node.ownQuota || !parents.has(node.id.trim())))
      .map((node) => node.id.trim()),
  );
  return [...carriers]
    .sort(compareText)
    .flatMap((id) => spreadQuota('0', of(id)).problems.map((p) => ({ ...p, node: id })));
}

/**
 * The errors of the capacity file when the allocation has errors (and so no quotas to compare):
 * read against the hierarchy's ids, each node standing in with a zero quota. Only errors are kept
 * (a bad productivity or ramp, an id given twice): the warnings need the allocated tree.
 */
function capacityProblems(
  nodes: readonly HierarchyNode[],
  capacity: readonly RepCapacity[],
  decimals: number,
): PlanningProblem[] {
  const ids = [...new Set(nodes.map((node) => node.id.trim()).filter((id) => id !== ''))];
  const standIn: QuotaAllocation = {
    target: '0',
    weights: 'equal',
    decimals,
    nodes: ids.map((id) => ({
      id,
      name: id,
      level: 0,
      quota: '0',
      weight: '0',
      share: '0',
      overAssignment: '0',
      children: [],
    })),
    problems: [],
  };
  return capacityGap(standIn, capacity).problems.filter((p) => p.severity === 'error');
}

/** A note per payee with dates: `hired 2026-03-18`, `to 2026-08-14`. */
function notesOf(dates: ReadonlyMap<string, PayeeDates>): Map<string, string> {
  const notes = new Map<string, string>();
  for (const [id, { hire, start, end }] of dates) {
    const parts = [
      ...(hire ? [`hired ${hire}`] : []),
      ...(start && start !== hire ? [`from ${start}`] : []),
      ...(end ? [`to ${end}`] : []),
    ];
    if (parts.length > 0) notes.set(id, parts.join(', '));
  }
  return notes;
}

/** Runs `attain quotas` and returns the exit code. */
export async function runQuotas(options: QuotasOptions, context: Context): Promise<number> {
  const { io, out } = context;
  const spreading = [
    options.year,
    options.seasonality,
    options.period,
    options.fiscalYearStart,
    options.ramp,
    options.rampAfterDay,
  ].some((option) => option !== undefined);
  if (spreading && options.year === undefined) {
    reportProblem(
      context,
      'spreading quotas over a year (--seasonality, --period, --ramp...) needs --year, e.g. --year 2026',
    );
    return ExitCode.trouble;
  }
  const read = await readQuotaFiles(options, context);
  if ('trouble' in read) {
    for (const message of read.trouble) reportProblem(context, message);
    return ExitCode.trouble;
  }
  const { nodes, dates, values, capacity, locate } = read;
  const format = (problem: PlanningProblem) => formatProblem(problem, locate(problem));
  const allocation = allocateQuotas({
    target: options.target,
    hierarchy: nodes,
    weights: options.weights,
    ...(values && { values }),
    ...(options.overAssign && { overAssignment: options.overAssign }),
    decimals: options.decimals,
  });
  const allocated = allocation.nodes.length > 0;
  const year = options.year as number;
  const spread = spreading && allocated ? spreads(allocation, dates, options, year) : undefined;
  const payees = spread?.payees;
  const gap = capacity && allocated ? capacityGap(allocation, capacity) : undefined;
  // Without an allocation, the spread's inputs and the capacities are still checked, so that one
  // run lists every error.
  const spreadChecks = spreading && !allocated ? spreadProblems(nodes, dates, options, year) : [];
  const capacityChecks = capacity && !allocated ? capacityProblems(nodes, capacity, options.decimals) : [];
  const problems = [
    ...allocation.problems,
    ...(spread?.problems ?? spreadChecks),
    ...(gap?.problems ?? capacityChecks),
  ];
  const errors = problems.filter((p) => p.severity === 'error');
  // Cells of the hierarchy that cannot be read: reported with the engine's errors, and nothing printed.
  if (read.errors.length > 0) {
    for (const message of read.errors) io.stderr.write(`error ${message}\n`);
    for (const error of errors) io.stderr.write(`${format(error)}\n`);
    reportProblem(context, `${plural(read.errors.length + errors.length, 'error')} in the input`);
    return ExitCode.findings;
  }

  if (options.format === 'json') {
    const json: QuotasJson = { allocation };
    if (payees) json.spread = { fiscalYear: options.year as number, payees };
    if (gap) json.capacity = gap;
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (errors.length === 0) {
    io.stdout.write(`${out.bold(allocationTitle(allocation, options.overAssign ?? {}))}\n\n`);
    io.stdout.write(allocationTable(allocation, gap));
    if (payees) {
      const kind =
        payees[0]?.periods.length === 12 ? 'month' : payees[0]?.periods.length === 2 ? 'half' : 'quarter';
      io.stdout.write(`\n${out.bold(`Quotas by ${kind}, FY${options.year}`)}\n\n`);
      io.stdout.write(spreadTable(payees, notesOf(dates), options.decimals));
    }
    const warnings = problems.filter((p) => p.severity === 'warning');
    if (warnings.length > 0) {
      io.stdout.write(
        `\nWarnings (${warnings.length}):\n${warnings.map((w) => `  ${format(w)}\n`).join('')}`,
      );
    }
  }
  if (errors.length > 0) {
    for (const error of errors) io.stderr.write(`${format(error)}\n`);
    reportProblem(context, `${plural(errors.length, 'error')} in the input`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

/** `20%,24%,26%,30%` as a list. */
const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** `rep=10%` or `2=10%,3=5%`, repeatable: over-assignment by role or level. */
function collectOverAssignment(
  value: string,
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const entries = { ...previous };
  for (const part of list(value)) {
    const at = part.indexOf('=');
    if (at <= 0 || at === part.length - 1) {
      throw new InvalidArgumentError(
        `"${part}" is not LEVEL=PERCENT or ROLE=PERCENT (e.g. rep=10% or 2=10%)`,
      );
    }
    entries[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return entries;
}

/** Adds `quotas` to the program. */
export function defineQuotas(program: Command, context: Context, exitWith: ExitWith): void {
  program
    .command('quotas')
    .summary('allocate a company target through the sales hierarchy')
    .description(
      'Allocate a company target top-down through a hierarchy (a CSV file with id, parent, name, role, ' +
        'own_quota, hire_date, start_date and end_date columns) by weights, with over-assignment; ' +
        'optionally spread each quota over the fiscal year and compare the quotas with capacity.',
    )
    .addOption(new Option('--target <amount>', 'the company target, e.g. 12000000').makeOptionMandatory())
    .addOption(new Option('--hierarchy <file>', 'the hierarchy CSV file').makeOptionMandatory())
    .addOption(
      new Option('--weights <basis>', 'how quotas are split')
        .choices(['equal', 'history', 'potential'])
        .default('equal'),
    )
    .option('--values <file>', 'CSV file with an id and a history or potential value per rep')
    .option(
      '--value-column <name>',
      'the column of --values to read (default: value, else the --weights name)',
    )
    .addOption(
      new Option(
        '--over-assign <level=pct>',
        'over-assignment by level or role, e.g. rep=10% (repeatable)',
      ).argParser(collectOverAssignment),
    )
    .addOption(
      new Option('--decimals <n>', 'decimal places of the quotas')
        .argParser(integer(0, 20, '--decimals'))
        .default(2),
    )
    .addOption(
      new Option('--seasonality <list>', 'percentages per quarter or month, e.g. 20%,24%,26%,30%').argParser(
        list,
      ),
    )
    .addOption(
      new Option('--year <yyyy>', 'the fiscal year to spread over').argParser(integer(1, 9999, '--year')),
    )
    .addOption(
      new Option('--fiscal-year-start <month>', 'first month of the fiscal year, 1-12 (default 1)').argParser(
        integer(1, 12, '--fiscal-year-start'),
      ),
    )
    .addOption(new Option('--period <kind>', 'periods of the spread').choices(['month', 'quarter', 'half']))
    .addOption(
      new Option('--ramp <list>', 'ramp steps of new hires per period, e.g. 25%,50%,75%').argParser(list),
    )
    .addOption(
      new Option(
        '--ramp-after-day <n>',
        'a hire after this day of the month ramps from the next month',
      ).argParser(integer(1, 31, '--ramp-after-day')),
    )
    .option('--capacity <file>', 'CSV file with id, productivity and an optional ramp per rep')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      '\nExit codes: 0 allocated, 1 the input has errors (a cycle, a missing weight...), 2 a file could\n' +
        'not be read, a required column is missing, or the usage is wrong.\n' +
        'Example: attain quotas --target 45000000 --hierarchy examples/territory-planning/hierarchy.csv \\\n' +
        '  --weights history --values examples/territory-planning/quota-history.csv --over-assign rep=10%\n' +
        'See docs/reference/quotas.md.',
    )
    .action(async (options: QuotasOptions) => {
      exitWith(await runQuotas(options, context));
    });
}
