/**
 * `@attain/dsl/testing` — generators of valid plans for property tests and benchmarks. Kept out of
 * the main entry so that applications do not bundle fast-check.
 *
 * @packageDocumentation
 */
export { type PlanArbitraryOptions, validPlanArbitrary } from './testing/arbitrary.js';
export { generatePlan } from './testing/generate-plan.js';
export { stripRanges } from './testing/strip-ranges.js';
