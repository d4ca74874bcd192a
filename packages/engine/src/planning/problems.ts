/**
 * Problems of quota planning: bad input reported as data, each naming the node it is about and
 * the reason in plain words. Errors stop the calculation; warnings explain a choice made.
 */

import { compareText } from '../compare-text.js';

/** What kind of problem it is; stable, for programs to key on. */
export type PlanningProblemCode =
  | 'bad-target'
  | 'bad-amount'
  | 'missing-id'
  | 'duplicate-node'
  | 'unknown-parent'
  | 'cycle'
  | 'two-roots'
  | 'no-root'
  | 'missing-weight'
  | 'bad-weight'
  | 'negative-weight'
  | 'duplicate-value'
  | 'unknown-node'
  | 'unused-value'
  | 'zero-weight'
  | 'zero-weights'
  | 'bad-over-assignment'
  | 'unused-over-assignment'
  | 'bad-seasonality'
  | 'seasonality-sum'
  | 'bad-date'
  | 'bad-ramp'
  | 'bad-relief'
  | 'bad-capacity'
  | 'missing-capacity';

/** One problem of a planning input. */
export interface PlanningProblem {
  code: PlanningProblemCode;
  /** `error`: nothing is calculated until it is fixed; `warning`: calculated, with this caveat. */
  severity: 'error' | 'warning';
  /** The id of the node (payee, manager, team) the problem is about, when it is about one. */
  node?: string;
  /** What is wrong, in a sentence. */
  reason: string;
  /** The `name` of a node without an id (`missing-id`), when it has one: what tells it from the others. */
  name?: string;
  /**
   * The input the bad value is in, by the name of its parameter or option, when the problem is
   * about an input that more than one function reads: `values` (weights) or `capacity` for
   * `duplicate-value`, `unknown-node` and `unused-value`; `capacity` for `bad-capacity`; `ramp` or
   * `onPlan` for the `bad-date` and `bad-ramp` of `spreadQuota`.
   */
  input?: string;
  /**
   * The fields of that input holding the bad values: `productivity` or `ramp` (`bad-capacity`);
   * `from` (`ramp`), `from` or `to`, or both when the days end before they start (`onPlan`);
   * `steps` or `startNextMonthAfterDay` (`bad-ramp`).
   */
  fields?: string[];
}

/** Where in the input a problem is (see {@link PlanningProblem}). */
export type ProblemPlace = Pick<PlanningProblem, 'name' | 'input' | 'fields'>;

/** Collects problems and hands them back in a stable order. */
export class PlanningProblems {
  private readonly list: PlanningProblem[] = [];

  /** Records an error. */
  error(code: PlanningProblemCode, node: string | undefined, reason: string, place?: ProblemPlace): void {
    this.add('error', code, node, reason, place);
  }

  /** Records a warning. */
  warning(code: PlanningProblemCode, node: string | undefined, reason: string, place?: ProblemPlace): void {
    this.add('warning', code, node, reason, place);
  }

  /** True when an error was recorded. */
  get failed(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  /** The problems by node id (problems about no node first), then code, then reason. */
  sorted(): PlanningProblem[] {
    return this.list.slice().sort(byNodeThenCode);
  }

  private add(
    severity: PlanningProblem['severity'],
    code: PlanningProblemCode,
    node: string | undefined,
    reason: string,
    place: ProblemPlace = {},
  ): void {
    const problem: PlanningProblem = { code, severity, reason };
    if (node !== undefined) problem.node = node;
    if (place.name !== undefined) problem.name = place.name;
    if (place.input !== undefined) problem.input = place.input;
    if (place.fields !== undefined) problem.fields = place.fields;
    this.list.push(problem);
  }
}

function byNodeThenCode(a: PlanningProblem, b: PlanningProblem): number {
  return (
    compareText(a.node ?? '', b.node ?? '') || compareText(a.code, b.code) || compareText(a.reason, b.reason)
  );
}
