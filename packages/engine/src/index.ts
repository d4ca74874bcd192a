/**
 * `@attain/engine` — the Attain calculation engine: credits, measures, quotas, earnings and
 * payouts with exact decimals, and a trace for every number.
 *
 * The whole public API of the package is exported from this file. Everything here is pure (no
 * I/O, no DOM, no globals, no `eval`) and runs unchanged in Node, browsers and workers. Bad input
 * data is returned as data (`Results.errors`, `Results.rejected`), never thrown.
 *
 * @packageDocumentation
 */

// ---- calculating ----
/** Evaluates a checked plan over a dataset for the given periods. See {@link calculate}. */
export { calculate } from './calculate.js';
// ---- input data ----
export type {
  DataRecord,
  Dataset,
  FxRate,
  ManualAdjustment,
  Payee,
  PlanAssignment,
  QuotaValue,
  RawValue,
  TerritoryAssignment,
} from './data/dataset.js';
export type { CalculateOptions, CalculationMode } from './data/options.js';
// ---- results ----
export type {
  AdjustmentKind,
  AdjustmentLine,
  CalculationWarning,
  CreditLine,
  CreditResult,
  CreditRole,
  DataError,
  DataErrorCode,
  EarningKind,
  EarningLine,
  EarningResult,
  MeasureResult,
  QuotaResult,
  RecordRef,
  RejectedRecord,
  Results,
  ResultsMeta,
  ResultValue,
  RuleRef,
  SignalResult,
  Statement,
  TierApplied,
  Trace,
  TraceInput,
  WarningCode,
} from './results/results.js';
// ---- explaining ----
/** Finds one number of the results with its trace and a sentence explaining it. */
export { explain } from './trace/explain.js';
export type { Explanation, ResultRef } from './trace/ref.js';
/** The engine's name and version, as recorded in `Results.meta.engine`. */
export { ENGINE } from './version.js';
