/**
 * The results of a calculation: one statement per payee per period, with credits, measures,
 * quotas, earnings and their lines, the payout, and a trace for every number. Plain JSON data.
 *
 * Money: every amount on a {@link Statement} is a decimal string (`"4700.00"`) in the statement's
 * `currency` (the plan currency), never a JS number. Values that may be in another currency
 * (measures, trace inputs) name their unit next to the value. Rounding happens only at the plan's
 * declared point (`rounding ... at line | earning | payout`); unrounded amounts keep full precision.
 *
 * @packageDocumentation
 */
import type { Range } from '@attain/dsl';
import type { CalculationMode } from '../data/options.js';

/** A value in results: a decimal string, a date or text, a boolean, or `null` (no value). */
export type ResultValue = string | boolean | null;

/** Where a record comes from, for drill-down and error messages. */
export interface RecordRef {
  /** The source name in the plan (`deals`). */
  source: string;
  /** The value of the source's key field, when it has one. */
  key?: string;
  /** 1-based row in the input (see `DataRecord.row`). */
  row?: number;
}

/** The rule a trace explains. Shared between the traces of one rule (never copied per line). */
export interface RuleRef {
  /** `earning`, `credit`, `measure`, `metric`, `let`, `quota`, `rate-table`, `payout`, `draw`... */
  kind: string;
  name: string;
  /** The label written in the plan, when there is one. */
  label?: string;
}

/** One input of a calculation step: a named value. */
export interface TraceInput {
  /** A definition, field or attribute name (`bookings`, `payee.ote`, `quota`). */
  name: string;
  value: ResultValue;
  /** `USD`, `EUR` for money; `%` for a percentage (the value is still a ratio); absent otherwise. */
  unit?: string;
  /**
   * The constants the rule applied to this input, in its order: `bookings * 3% + 500 USD` gives
   * `[{ op: '*', value: '0.03', unit: '%' }, { op: '+', value: '500', unit: 'USD' }]`. Absent when
   * the rule applies none (or is not a simple product and sum of inputs and constants).
   */
  constants?: TraceConstant[];
}

/** A constant a rule applied to an input: `* 3%` in `bookings * 3%`. */
export interface TraceConstant {
  /** The operator as the rule writes it. */
  op: '*' | '/' | '+' | '-';
  /** A decimal string (a percentage as a ratio: `3%` is `"0.03"`). */
  value: string;
  /** A currency for money, `%` for a percentage; absent for a plain number. */
  unit?: string;
}

/** A tier of a rate table applied to a number. */
export interface TierApplied {
  /** The rate table's name. */
  table: string;
  /** 1-based position of the tier in the table. */
  index: number;
  /** Lower bound (inclusive), as a decimal string (percentages as ratios). */
  from: string;
  /** Upper bound (exclusive); absent for `and up`. */
  to?: string;
  /** The tier's rate (a ratio for percentages, an amount for money per unit). */
  rate: string;
  /** The unit of the bounds: `%` (bounds are ratios), a currency, or absent for plain numbers. */
  unit?: string;
  /** The unit of the rate: `%` (a ratio), a currency (money per unit), or absent. */
  rateUnit?: string;
  /** For marginal bands: the part of the amount inside this tier. */
  base?: string;
  /** For marginal bands: what this tier paid (`base × rate`). */
  paid?: string;
  /**
   * For a tier reached without a base (a retroactive table, `rate(table)`, a pay curve): what the
   * table reads, as the plan writes it (`attainment`), and its value (`at`, a ratio for
   * percentages), which picked the tier or the point on the curve.
   */
  on?: string;
  at?: string;
  /** For a pay curve: its values at the points `from` and `to` (`rate` lies between them). */
  fromRate?: string;
  toRate?: string;
}

/**
 * The explanation of a number: the rule, where it is written, its inputs, the records it read and
 * the tier applied. Rule and range objects are shared by all traces of one rule.
 */
export interface Trace {
  rule: RuleRef;
  /** Where the rule is written in the plan text. */
  range: Range;
  inputs: TraceInput[];
  /** The records that contributed. */
  records?: RecordRef[];
  /** The tier reached (the highest tier touched, for marginal tables). */
  tier?: TierApplied;
  /** For marginal tables: every band the amount went through, lowest first. */
  bands?: TierApplied[];
  /** A short note on what happened (`capped at 20000.00`, `gate closed: attainment >= 50%`). */
  text?: string;
}

/** How a payee received a credit line. */
export type CreditRole = 'owner' | 'split' | 'territory' | 'manager' | 'overlay';

/** One record credited to the payee. */
export interface CreditLine {
  record: RecordRef;
  /** The amount credited to this payee for this record. */
  amount: string;
  /** The payee's share of the record's credited value, as a ratio (`"0.6"`). */
  share: string;
  role: CreditRole;
  /** True for a hypothetical record: shown, never counted in `total`. */
  estimate?: boolean;
  /**
   * How the line reached the payee, on every line but an `owner` line (and on none of a credit
   * whose only recipient is its source's owner field): the field, the territory and account, the
   * payee and level of a roll-up, or the split row. Tells apart the lines of a record that credits
   * the payee twice in one role (`to owner share 50%` and `to co share 50%`, both the payee).
   * Lines that came the same way share one object, like rules in traces.
   */
  via?: CreditVia;
  /**
   * For a credit whose `amount` is an expression rather than a bare field (`amount * lookup(rates,
   * product, region)`): what it read from the record, so that a rep can redo the line. The
   * expression as the plan writes it with its value before the share, then the record's fields it
   * read, each lookup's keys, row and value, each conversion's FX rate. The lines of one record
   * share the list. Absent for a bare field (the default `amount`): the line is its value times
   * the share.
   */
  inputs?: TraceInput[];
}

/** How a credit line reached its payee (see {@link CreditLine.via}). */
export interface CreditVia {
  /**
   * The record's field the recipient reads: the `Payee` field naming the payee (`to co share 40%`,
   * `to lead as overlay`), the account field (`to territory of account`), or the field whose
   * managers are credited (`to managers of owner`). Absent for a row of a split source.
   */
  field?: string;
  /** Territory credit: the account the record names (its key or name), and the account's territory. */
  account?: string;
  territory?: string;
  /** Roll-up credit: the payee in `field` (the record's owner, say) and how far above them the payee is (1: their manager). */
  of?: string;
  level?: number;
  /** Credit from a split source (`split by`): the row that gives the payee their share. */
  split?: RecordRef;
}

/** A credit for one payee and period. */
export interface CreditResult {
  name: string;
  label?: string;
  /** Total credited (hypothetical records excluded). */
  total: string;
  /** The part of `total` that counts toward quota (overlay credit does not). */
  quotaCredit: string;
  /** What hypothetical records would add to `total`. */
  estimate: string;
  /** In a stable order: by the source's dated field, then key, then row. */
  lines: CreditLine[];
  /**
   * For a credit whose `amount` is a bare field of its source (`amount`, the default): that
   * field's name. A line's base, the field's value that its share was taken of, is its amount
   * divided by its share: explanations show it under this name ("amount 100,000.00 USD, share
   * 60%"). Absent for a computed amount, whose lines carry what it read ({@link CreditLine.inputs}).
   */
  amountField?: string;
  trace: Trace;
}

/** A measure, metric or let for one payee and period. */
export interface MeasureResult {
  name: string;
  label?: string;
  /** The type as written in the language: `Money (USD)`, `Percent`, `Integer`, `Date`... */
  type: string;
  /** Percent values are ratios (`"0.85"` is 85%). `null`: no value (an empty average, a division by zero). */
  value: ResultValue;
  /** The value with hypothetical records counted, when it differs from `value`. */
  estimate?: ResultValue;
  trace: Trace;
}

/** A quota for one payee and period. */
export interface QuotaResult {
  name: string;
  label?: string;
  amount: string;
  trace: Trace;
}

/** One line of an earning: per record (`per line`) or the period (`per period`). */
export interface EarningLine {
  /** Unique within the statement: `<earning>:<record key or row>` or `<earning>:period`. */
  id: string;
  record?: RecordRef;
  amount: string;
  /** For a line of a record: the amount credited to the payee for it (the base the line priced). */
  credited?: string;
  /** True for a line of a hypothetical record: its amount counts in the earning's `estimate`. */
  estimate?: boolean;
  /** 1-based index of the tier applied, when a rate table priced the line. */
  tier?: number;
  /** The rate applied (a ratio for percentages). */
  rate?: string;
  trace: Trace;
}

/** The kinds of earning, as written in the plan. */
export type EarningKind = 'earning' | 'commission' | 'bonus' | 'spiff' | 'milestone' | 'mbo';

/** An earning for one payee and period. */
export interface EarningResult {
  /** Unique within the statement (the earning's name). */
  id: string;
  name: string;
  label?: string;
  kind: EarningKind;
  /** The earning's doc comment, shown to the rep. */
  doc?: string;
  /** Earned in the period (hypothetical records excluded); lines that are not estimates sum to it. */
  amount: string;
  /** What hypothetical records would add; estimate lines sum to it. Never counted in `amount`. */
  estimate: string;
  lines: EarningLine[];
  /** True when the cap reduced the earning. */
  capped?: boolean;
  /** True when the floor raised the earning. */
  floored?: boolean;
  /** True when the gate (`when`) was closed and the earning paid nothing. */
  gated?: boolean;
  trace: Trace;
}

/** The kinds of payout adjustment (filled by the payout stage). */
export type AdjustmentKind =
  | 'draw'
  | 'draw-recovery'
  | 'guarantee'
  | 'holdback'
  | 'holdback-release'
  | 'clawback'
  | 'manual'
  | 'recalculation';

/** A line between earnings and payout: draw, holdback, clawback, manual or recalculation. */
export interface AdjustmentLine {
  /** Unique within the statement. */
  id: string;
  kind: AdjustmentKind;
  /** The plan element's name (`new_hire_draw`) or the manual adjustment's id. */
  name: string;
  label?: string;
  /** Signed: positive pays more, negative takes back. */
  amount: string;
  reason?: string;
  record?: RecordRef;
  trace: Trace;
}

/** A coaching signal raised for the payee in the period (never paid). */
export interface SignalResult {
  name: string;
  label?: string;
  severity: 'info' | 'warning' | 'critical';
  message: string;
  /** For a signal `on` a source: the records that raised it. */
  records?: RecordRef[];
}

/** Everything calculated for one payee in one period. */
export interface Statement {
  payee: string;
  payeeName: string;
  /** The period label (`2026-Q1`). */
  period: string;
  /** First and last day of the period (`YYYY-MM-DD`). */
  start: string;
  end: string;
  /** The plan currency: every amount of the statement is in it. */
  currency: string;
  /**
   * True on a statement of a closed period returned as the earlier results (`previous`) reported
   * it: paid by an earlier run, not by this one (its corrections are recalculation lines of the
   * current period). Absent on a statement the run pays.
   */
  reported?: boolean;
  credits: CreditResult[];
  measures: MeasureResult[];
  quotas: QuotaResult[];
  /**
   * The headline attainment (a ratio): the measure named `attainment`, else the first Percent
   * measure (in plan text order) whose name ends in `attainment`.
   */
  attainment?: string;
  earnings: EarningResult[];
  /** Sum of the earnings' amounts. */
  earned: string;
  /** Draws, guarantees, holdbacks, clawbacks, manual adjustments and recalculation lines. */
  adjustments: AdjustmentLine[];
  /**
   * What the hypothetical records dated in closed periods of the run would change on those
   * periods' earnings, as lines of the current period (`recalculation:<period>:earning:<id>:estimate`):
   * estimates, in `estimatedPayout`, never paid. Absent when there are none.
   */
  estimatedAdjustments?: AdjustmentLine[];
  /** `earned` plus adjustments, rounded at the declared point: what is paid for the period. */
  payout: string;
  /** The payout if every hypothetical record closed: `payout` plus the earnings' estimates. */
  estimatedPayout: string;
  /** Balances carried forward (`draw:<name>` owed, `holdback:<name>` held back), by name. */
  balances: Record<string, string>;
  /** Performance metrics (never paid). */
  metrics: MeasureResult[];
  signals: SignalResult[];
  /** Explains `payout`. */
  trace: Trace;
}

/** Every stable code of data errors, as documented in engine.md (Data errors). */
export const dataErrorCodes = [
  'missing-field',
  'bad-type',
  'bad-number',
  'bad-integer',
  'bad-percent',
  'bad-date',
  'bad-period',
  'bad-boolean',
  'unknown-payee',
  'duplicate-key',
  'duplicate-payee',
  'duplicate-row',
  'unknown-currency',
  'currency-mismatch',
  'split-shares',
  'unknown-quota',
  'unknown-territory',
  'unknown-attribute',
  'bad-fx-rate',
  'off-plan',
  'unknown-part',
] as const;

/** A stable code of a data error: one of {@link dataErrorCodes}. */
export type DataErrorCode = (typeof dataErrorCodes)[number];

/** A problem with one input row. */
export interface DataError {
  /**
   * The plan source of the record (`deals`), or the part of the dataset for other rows:
   * `payees`, `fx`, `quotas`, `territoryAssignments`, `adjustments`, `attributeChanges`, or `previous` (the earlier
   * results; the row is the statement's position and the field a path such as `earnings[0].amount`).
   */
  source: string;
  /** 1-based row. */
  row?: number;
  /** The record's key, when it has one. */
  key?: string;
  field?: string;
  code: DataErrorCode;
  /** In plain English: `"amount" is "12O0" in deals row 7, which is not a number`. */
  reason: string;
  /**
   * The 1-based row of the other row this one conflicts with, counted as `row` is, when the reason
   * names one by its position: on a second, different statement of a payee and period in
   * `previous` (`duplicate-key`), the first statement (`statements[0] (row 1)` in the reason).
   */
  otherRow?: number;
  /**
   * The entry's 1-based place in its list, on an error of an entry whose row number another entry
   * of the list has too (`duplicate-row`): `row` names them all, the place names this one.
   */
  position?: number;
}

/** A row left out in lenient mode, with everything wrong with it. */
export interface RejectedRecord {
  source: string;
  row?: number;
  key?: string;
  errors: DataError[];
}

/** Every stable code of calculation warnings, as documented in engine.md (Warnings). */
export const warningCodes = [
  'division-by-zero',
  'no-value',
  'no-tier',
  'no-lookup-match',
  'no-fx-rate',
  'no-version',
  'ambiguous-account',
  'no-coverage',
  'manager-cycle',
  'not-recalculated',
  'already-reported',
  'off-plan',
  'previous-plan',
  'adjustments-not-read',
  'bad-cap',
  'misnamed-plan',
  'unknown-assignee',
  'unknown-manager',
  'unknown-previous-payee',
  'unread-part',
  'not-settled',
  'unknown-balance',
  'not-clawed-back',
  'cancelled-before-dated',
  'estimate-not-shown',
  'no-previous',
  'later-reported',
  'percent-as-ratio',
  'unknown-earning',
] as const;

/** A stable code of a calculation warning: one of {@link warningCodes}. */
export type WarningCode = (typeof warningCodes)[number];

/** Something the calculation could not do exactly as written, for one payee and period. */
export interface CalculationWarning {
  payee?: string;
  period?: string;
  code: WarningCode;
  /** The plan element involved. */
  rule?: RuleRef;
  range?: Range;
  message: string;
}

/** What produced the results, so that any payout can be reproduced for an audit. */
export interface ResultsMeta {
  engine: { name: string; version: string };
  plan: { name: string; version?: string; hash: string };
  /** Hash of the canonical dataset (independent of record order). */
  dataHash: string;
  periods: string[];
  mode: CalculationMode;
  /** The date used as `today`. */
  asOf: string;
  currency: string;
}

/** The output of `calculate`. */
export interface Results {
  meta: ResultsMeta;
  /**
   * Strict mode: every data error (and then no statements). Lenient mode: empty, unless the
   * earlier results (`Dataset.previous`, errors with source `previous`) are unreadable: they cannot
   * be left out in part (a closed period missing from them would be paid again), so they stop the
   * run in both modes, and then every error is listed.
   */
  errors: DataError[];
  /** Lenient mode: every row left out, with its errors. */
  rejected: RejectedRecord[];
  /** Things calculated with a caveat (a division by zero, a value above the last tier). */
  warnings: CalculationWarning[];
  /** Sorted by payee id, then period start. */
  statements: Statement[];
}
