/**
 * What the commands that calculate share (`run`, `report`, `compare`, `demo`; `territories` loads
 * its designs here too): read one plan file, compile it for running, read its data, and calculate,
 * reporting every problem on stderr as it goes.
 */
import { resolve } from 'node:path';
import { compile, type Plan } from '@attain/dsl';
import {
  type CalculateOptions,
  type CalculationMode,
  calculate,
  type Dataset,
  type Results,
  type Statement,
} from '@attain/engine';
import { type Context, ExitCode, reportProblem, reportWarning } from './context.js';
import { type DataOrigin, loadData } from './data/load-data.js';
import { type LoadedPlan, loadPlans } from './load.js';
import { formatDiagnostic, sortDiagnostics } from './output/diagnostics.js';
import { Progress } from './output/progress.js';
import { periodsOutside } from './periods.js';

/** A plan that compiled, or the exit code after its errors were printed on stderr. */
function compileForRun(plan: LoadedPlan, context: Context): Plan | number {
  const result = compile(plan.source, { uri: plan.display });
  if (result.plan) return result.plan;
  const errors = sortDiagnostics(result.diagnostics).filter((d) => d.severity === 'error');
  for (const diagnostic of errors)
    context.io.stderr.write(formatDiagnostic(plan.display, diagnostic, context.err));
  reportProblem(
    context,
    `${plan.display} has errors: fix them before running it (attain check ${plan.display})`,
  );
  return ExitCode.findings;
}

/** A plan file that compiled. */
export interface CompiledPlan {
  file: LoadedPlan;
  plan: Plan;
}

/** Plans a command has compiled, by resolved path: a file named twice is read and compiled once. */
export type PlanCache = Map<string, CompiledPlan>;

/**
 * Reads and compiles the one plan file at `path` (as typed), or returns the exit code after the
 * problem was reported: a path that cannot be read, a directory of several plans (`takes` says what
 * the command takes, e.g. `attain run takes one plan file`) or a plan with errors. With `cache`, a
 * path compiled before is not read again.
 */
export async function loadPlanForRun(
  path: string,
  takes: string,
  context: Context,
  cache?: PlanCache,
): Promise<CompiledPlan | number> {
  const key = resolve(context.io.cwd, path);
  const cached = cache?.get(key);
  if (cached) return cached;
  const { plans, trouble } = await loadPlans([path], context);
  if (trouble) return ExitCode.trouble;
  const [file] = plans;
  if (file === undefined || plans.length > 1) {
    reportProblem(context, `${takes}; ${path} holds ${plans.length} plans`);
    return ExitCode.trouble;
  }
  const plan = compileForRun(file, context);
  if (typeof plan === 'number') return plan;
  const compiled = { file, plan };
  cache?.set(key, compiled);
  return compiled;
}

/** What to calculate. */
export interface RunSettings {
  periods: string[];
  mode: CalculationMode;
  asOf?: string;
}

/** The command-line options of a calculation (see options.ts). */
export interface CalculationOptions {
  data: string;
  period: string[];
  strict?: boolean;
  asOf?: string;
  progress?: boolean;
}

/** The settings the options ask for: lenient unless `--strict`. */
export function runSettings(options: CalculationOptions): RunSettings {
  const settings: RunSettings = { periods: options.period, mode: options.strict ? 'strict' : 'lenient' };
  if (options.asOf !== undefined) settings.asOf = options.asOf;
  return settings;
}

/** The progress report on stderr the options ask for (`--progress`, else on a terminal for long runs). */
export function progressOf(options: CalculationOptions, context: Context): Progress {
  return new Progress(context.io.stderr, Progress.modeFor(context.io.stderr, options.progress));
}

/** Results with the origin of their data (to name files in messages). */
export interface Calculation {
  results: Results;
  origin: DataOrigin;
  /** The dataset the results were calculated from (for roll-ups and scoping). */
  dataset: Dataset;
}

/**
 * Checks the periods against the plan without reading any data (the engine throws on a period
 * of the wrong kind or a bad `asOf`); returns the message, or `undefined` when they are fine.
 */
function settingsProblem(plan: Plan, settings: RunSettings): string | undefined {
  try {
    calculate(plan, { payees: [], records: {} }, settings);
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) {
      return error.message.replace(/^options\.periods:/, '--period').replace(/^options\.asOf/, '--as-of');
    }
    throw error;
  }
}

/**
 * Reads the data at `dataPath` and calculates `plan` over it. Problems (a bad period, missing files
 * or columns, a dataset the engine cannot use) are reported on stderr and give the exit code.
 * With `onStatement`, statements go there as they are made instead of into the results. `previous`:
 * files of earlier results (`attain run --previous`), as typed.
 */
export async function calculateFromData(
  plan: Plan,
  dataPath: string,
  settings: RunSettings,
  context: Context,
  progress: Progress,
  onStatement?: (statement: Statement) => void,
  previous: readonly string[] = [],
): Promise<Calculation | number> {
  const problem = settingsProblem(plan, settings);
  if (problem !== undefined) {
    reportProblem(context, problem);
    return ExitCode.trouble;
  }
  // A period wholly outside the plan's dates has no statements: with no other, nothing would be calculated.
  const outside = periodsOutside(plan, settings.periods);
  let periods = settings.periods;
  if (outside.length > 0) {
    const { from, to } = plan.header.effective;
    const all = outside.length === settings.periods.length;
    const message =
      `--period ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the plan's effective dates ` +
      `(${from} to ${to}): ${all ? 'nothing to calculate' : `no statements for ${outside.length === 1 ? 'it' : 'them'}`}`;
    if (all) {
      reportProblem(context, message);
      return ExitCode.trouble;
    }
    reportWarning(context, message);
    // Only the others are calculated: a period outside would still set the default --as-of (the
    // plan's today) and, after a closed period of --previous, get statements paying its corrections.
    periods = settings.periods.filter((period) => !outside.includes(period));
  }
  const loaded = await loadData(context.io, dataPath, plan, progress, previous);
  for (const message of loaded.warnings ?? []) reportWarning(context, message);
  if (loaded.problems) {
    for (const message of loaded.problems) reportProblem(context, message);
    return ExitCode.trouble;
  }
  const startedAt = progress.now();
  progress.calculating(loaded.dataset.payees.length, periods);
  let results: Results;
  let streamed = 0;
  let outputFailed = false;
  const options: CalculateOptions = { ...settings, periods };
  if (onStatement)
    options.onStatement = (statement) => {
      streamed++;
      try {
        onStatement(statement);
      } catch (error) {
        outputFailed = true;
        throw error;
      }
    };
  try {
    results = calculate(plan, loaded.dataset, options);
  } catch (error) {
    // A failure to put a statement out (stdout closed, a full disk) is no problem with the data.
    if (outputFailed) throw error;
    // Only a dataset of the wrong shape (a JSON file) gets here: CSV files always give the right one.
    reportProblem(
      context,
      `cannot calculate with ${dataPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return ExitCode.trouble;
  }
  progress.calculated(results.statements.length + streamed, startedAt);
  return { results, origin: loaded.origin, dataset: loaded.dataset };
}

/** A calculation with the plan it calculated. */
export interface PlanCalculation extends Calculation {
  plan: Plan;
}

/** How to calculate a plan file: see {@link calculatePlanFile}. */
export interface PlanFileRun {
  /** What the command takes, for the message when the path holds several plans. */
  takes: string;
  /** The data path, as typed. */
  data: string;
  settings: RunSettings;
  progress: Progress;
  /** Statements go here as they are made instead of into the results. */
  onStatement?: (statement: Statement) => void;
  /** Plans the command compiled before (see {@link loadPlanForRun}). */
  cache?: PlanCache;
  /** Files of earlier results (`attain run --previous`), as typed. */
  previous?: readonly string[];
}

/**
 * Reads and compiles the one plan file at `path`, reads its data and calculates it: what `run`,
 * `report` and each side of `compare` do. A number is the exit code after the problems were
 * reported on stderr.
 */
export async function calculatePlanFile(
  path: string,
  run: PlanFileRun,
  context: Context,
): Promise<PlanCalculation | number> {
  const compiled = await loadPlanForRun(path, run.takes, context, run.cache);
  if (typeof compiled === 'number') return compiled;
  const { plan } = compiled;
  const calculation = await calculateFromData(
    plan,
    run.data,
    run.settings,
    context,
    run.progress,
    run.onStatement,
    run.previous,
  );
  return typeof calculation === 'number' ? calculation : { ...calculation, plan };
}
