/** Finds and reads the plan files named on a command line, reporting what cannot be read. */
import { type Context, reportProblem } from './context.js';
import { findPlans, type PlanPath } from './files.js';
import { describeIoError } from './io.js';

/** A plan file and its text. */
export interface LoadedPlan extends PlanPath {
  source: string;
}

/** The plans read, and whether any path could not be used (already reported on stderr). */
export interface LoadResult {
  plans: LoadedPlan[];
  trouble: boolean;
}

/** Expands `paths` (see {@link findPlans}) and reads every plan file. */
export async function loadPlans(paths: readonly string[], context: Context): Promise<LoadResult> {
  const search = await findPlans(paths, context.io);
  for (const problem of search.problems) reportProblem(context, problem);
  let trouble = search.problems.length > 0;
  const plans: LoadedPlan[] = [];
  for (const plan of search.plans) {
    try {
      plans.push({ ...plan, source: await context.io.readFile(plan.absolute) });
    } catch (error) {
      reportProblem(context, `cannot read ${plan.display}: ${describeIoError(error)}`);
      trouble = true;
    }
  }
  return { plans, trouble };
}
