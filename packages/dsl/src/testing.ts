/**
 * `@attain/dsl/testing` — generators of valid plans for property tests and benchmarks. Kept out of
 * the main entry so that applications do not bundle fast-check.
 *
 * @packageDocumentation
 */
export {
  type PlanArbitraryOptions,
  type TypedExpression,
  typedExpressionArbitrary,
  validPlanArbitrary,
} from './testing/arbitrary.js';
export { generatePlan } from './testing/generate-plan.js';
export { meaningOf } from './testing/same-meaning.js';
export type { ValueType } from './testing/scope.js';
export { stripRanges } from './testing/strip-ranges.js';
