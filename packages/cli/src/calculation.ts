/**
 * What `attain run` and `attain demo` share: compile a plan for running, read its data, and
 * calculate, reporting every problem on stderr as it goes.
 */
import { compile, type Plan } from '@attain/dsl';
import {
  type CalculateOptions,
  type CalculationMode,
  calculate,
  type Dataset,
  type Results,
  type Statement,
} from '@attain/engine';
import { type Context, ExitCode, reportProblem } from './context.js';
import { type DataOrigin, loadData } from './data/load-data.js';
import type { LoadedPlan } from './load.js';
import { formatDiagnostic, sortDiagnostics } from './output/diagnostics.js';
import type { Progress } from './output/progress.js';

/** A plan that compiled, or the exit code after its errors were printed on stderr. */
export function compileForRun(plan: LoadedPlan, context: Context): Plan | number {
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

/** What to calculate. */
export interface RunSettings {
  periods: string[];
  mode: CalculationMode;
  asOf?: string;
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
 * With `onStatement`, statements go there as they are made instead of into the results.
 */
export async function calculateFromData(
  plan: Plan,
  dataPath: string,
  settings: RunSettings,
  context: Context,
  progress: Progress,
  onStatement?: (statement: Statement) => void,
): Promise<Calculation | number> {
  const problem = settingsProblem(plan, settings);
  if (problem !== undefined) {
    reportProblem(context, problem);
    return ExitCode.trouble;
  }
  const loaded = await loadData(context.io, dataPath, plan, progress);
  if (loaded.problems) {
    for (const message of loaded.problems) reportProblem(context, message);
    return ExitCode.trouble;
  }
  const startedAt = progress.now();
  progress.calculating(loaded.dataset.payees.length, settings.periods);
  let results: Results;
  let streamed = 0;
  const options: CalculateOptions = { ...settings };
  if (onStatement)
    options.onStatement = (statement) => {
      streamed++;
      onStatement(statement);
    };
  try {
    results = calculate(plan, loaded.dataset, options);
  } catch (error) {
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
