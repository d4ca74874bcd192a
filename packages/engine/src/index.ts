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
/** The code-unit order Attain sorts ids and texts in (never locale order). */
export { compareOptionalText, compareText } from './compare-text.js';
// ---- input data ----
export type {
  AttributeChange,
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
/** The `source` of data errors in the earlier results (`Dataset.previous`): they stop a run in both modes. */
export { PREVIOUS } from './data/previous.js';
/** A raw value as the engine reads a payee id or a key: trimmed text, or a number's text. */
export { idText } from './data/values.js';
/** The days of a period, to ask whom a manager sees during it. See {@link visiblePayees}. */
export type { DaysOf } from './governance/dated-teams.js';
// ---- governance ----
/** The semantic difference between two plans, and the payout difference on the same data. See {@link diffPlans}. */
export {
  diffPlans,
  type PayoutComparison,
  type PayoutDifference,
  type PlanChange,
  type PlanDiff,
  type PlanElementKind,
  type PlanElementRef,
  type SideProblems,
} from './governance/diff-plans.js';
/** Inquiries (disputes) on a statement number, resolved into manual adjustments. See {@link raiseInquiry}. */
export {
  type Inquiry,
  type InquiryOutcome,
  type InquiryProblem,
  type InquiryProblemCode,
  type InquiryResolution,
  type InquiryStatus,
  type RaiseInput,
  type RejectInput,
  type ResolutionOutcome,
  type ResolveInput,
  raiseInquiry,
  rejectInquiry,
  resolveInquiry,
} from './governance/inquiry.js';
/** The payout liability report for finance. See {@link payoutLiability}. */
export {
  type LiabilityAmounts,
  type PayeeLiability,
  type PayoutLiability,
  type PeriodLiability,
  payoutLiability,
} from './governance/liability.js';
/** Writes an expression of a checked plan back as plan text. See {@link renderExpr}. */
export { renderExpr } from './governance/render-expr.js';
export type { ScopeData } from './governance/row-owners.js';
/** Results as a viewer may see them. See {@link scope}. */
export { scope } from './governance/scope.js';
/** Viewers and the payees they may see. See {@link visiblePayees}. */
export {
  seesEverything,
  VIEWER_ROLES,
  type Viewer,
  type ViewerRole,
  type VisiblePayees,
  visiblePayees,
} from './governance/viewer.js';
// ---- performance tracking ----
/** Every metric rolled up the hierarchy, recomputed from its parts at each level. See {@link rollUp}. */
export {
  type RollUp,
  type RollUpRule,
  rollUp,
  type TeamMetric,
  type TeamMetrics,
} from './metrics/roll-up.js';
export type { RollUpMethod } from './metrics/rule.js';
/** A metric's series over the periods with the change from each to the next. See {@link trend}. */
export { type Change, type Trend, type TrendPoint, trend } from './metrics/trend.js';
// ---- quota planning ----
/** Allocates a company target top-down through a hierarchy. See {@link allocateQuotas}. */
export {
  type AllocatedQuota,
  type AllocateQuotasInput,
  allocateQuotas,
  type QuotaAllocation,
} from './planning/allocate-quotas.js';
/** Compares allocated quotas with the capacity of the sales force. See {@link capacityGap}. */
export { type CapacityGap, type CapacityRow, capacityGap, type RepCapacity } from './planning/capacity.js';
export type { HierarchyNode } from './planning/hierarchy.js';
export type { OverAssignment } from './planning/over-assignment.js';
export type { PlanningProblem, PlanningProblemCode } from './planning/problems.js';
export type { QuotaRelief } from './planning/relief.js';
export type { SpreadPeriodKind } from './planning/seasonality.js';
/** Spreads an annual quota over a fiscal year. See {@link spreadQuota}. */
export {
  type OnPlanSpan,
  type QuotaSpread,
  type RampSchedule,
  type SpreadOptions,
  type SpreadPeriod,
  spreadQuota,
} from './planning/spread.js';
export type { WeightBasis, WeightValue } from './planning/weights.js';
// ---- results ----
export type {
  AdjustmentKind,
  AdjustmentLine,
  CalculationWarning,
  CreditLine,
  CreditResult,
  CreditRole,
  CreditVia,
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
  TraceConstant,
  TraceInput,
  WarningCode,
} from './results/results.js';
/** Every data error code and every warning code, for hosts that filter or translate them. */
export { dataErrorCodes, warningCodes } from './results/results.js';
// ---- plan scenarios ----
/** The same payees under two plans, or one plan over two datasets: cost, distribution, pay for performance. */
export {
  compareCalculated,
  comparePlans,
  compareScenarios,
} from './scenarios/compare-plans.js';
export type {
  CalculatedScenario,
  ComparisonDifference,
  PayeeComparison,
  PayeeOutcome,
  PayoutDistribution,
  PlanComparison,
  Scenario,
  ScenarioSummary,
} from './scenarios/comparison.js';
// ---- territory planning ----
/** Assigns accounts to the territories of a plan's `territories` block. See {@link assignAccounts}. */
export {
  type AccountAssignment,
  type AccountError,
  type AccountField,
  type AssignedAccount,
  type AssignOptions,
  assignAccounts,
  type TerritorySummary,
  type UnassignedAccount,
  type UnassignedReason,
} from './territories/assign-accounts.js';
/** Per-territory potential, workload and accounts, and fairness across territories. */
export {
  type BalanceBasis,
  type BalanceOptions,
  type TerritoryBalance,
  type TerritoryLoad,
  territoryBalance,
} from './territories/balance.js';
/** Two territory designs over the same accounts: moves, balance, gaps and continuity. */
export {
  type AccountMoves,
  type CompareOptions,
  compareTerritories,
  type DesignReview,
  type TerritoryComparison,
} from './territories/compare.js';
/** Fairness measures of a territory design: coefficient of variation, max/min ratio, Gini. */
export {
  FAIRNESS_MEASURES,
  type Fairness,
  type FairnessMeasure,
  type FairnessValue,
  type MissingMeasure,
  measureIn,
} from './territories/fairness.js';
/** Proposes reassignments that make a territory design fairer, under constraints. */
export {
  applyReassignments,
  type ProposedMove,
  type Rebalance,
  type RebalanceOptions,
  type RebalanceStop,
  rebalance,
} from './territories/rebalance.js';
// ---- names and periods ----
/** The name a misspelt one was probably meant to be (`Deals` for `deals`), for "did you mean" hints. */
export { meant } from './text/meant.js';
/** Invisible characters of a text written out (`"12\u200B00"`), as messages quoting data show them. */
export { spelledOut } from './text/spelled-out.js';
/** A plan's calculation periods by label, as `calculate` reads `options.periods`. See {@link planPeriod}. */
export { firstPlanPeriod, type PlanPeriod, planPeriod } from './time/plan-periods.js';
// ---- explaining ----
/** Finds one number of the results with its trace and a sentence explaining it. */
export { explain } from './trace/explain.js';
export type { Explanation, ResultRef } from './trace/ref.js';
/** The engine's name and version, as recorded in `Results.meta.engine`. */
export { ENGINE } from './version.js';
