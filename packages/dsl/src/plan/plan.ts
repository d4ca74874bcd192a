/**
 * The checked `Plan`: what `compile` gives the engine. Plain JSON data — no classes, functions or
 * Maps — so it can cross worker boundaries, be cached and diffed, and be run by more than one
 * backend. Decimals are strings (percentages as ratios: `12%` is `"0.12"`); every element keeps
 * its source range for traces; expressions are the typed IR of `./ir.ts`.
 */
import type { Type } from '../check/types.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { EarningKind, PeriodKind, RoundingMode, RoundingPoint } from '../syntax/ast.js';
import type { IrExpr } from './ir.js';

/** The expression IR of the Plan. */
export type * from './ir.js';

/** Version of the Plan structure; raised when its shape changes incompatibly. */
export const PLAN_FORMAT = 1;

/** A range of dates, both ends inclusive, as `YYYY-MM-DD`. */
export interface DateSpan {
  from: string;
  to: string;
}

/** Fields every named element of a plan has. */
export interface Element {
  name: string;
  /** The label written after the name (`"New business commission"`). */
  label?: string;
  /** The doc comment (`/** ... *\/`), shown on statements for earnings. */
  doc?: string;
  /** The whole declaration. */
  range: Range;
  /** For versioned definitions: when this version applies. */
  effective?: DateSpan;
}

/** How and where amounts are rounded. */
export interface Rounding {
  mode: RoundingMode;
  decimals: number;
  /** `line`: each line is rounded; `earning`: each earning total; `payout`: only the payout. */
  point: RoundingPoint;
  /** False when the plan does not say, and the defaults (half-up to 2 decimals at each line) apply. */
  declared: boolean;
}

/** The plan header. */
export interface PlanHeader {
  name: string;
  version?: string;
  doc?: string;
  /** ISO 4217 code of the plan currency; every earning is paid in it. */
  currency: string;
  /** The calculation period. */
  period: PeriodKind;
  /** The month the fiscal year starts (1 = January). */
  fiscalYearStart: number;
  effective: DateSpan;
  rounding: Rounding;
}

/** A field of a source or a payee attribute. */
export interface Field {
  name: string;
  doc?: string;
  /** Money fields carry their currency: the plan currency, the written one, or (converted) the plan currency. */
  type: Type;
  optional: boolean;
  /** For a `converted on` Money field: the Date field whose date gives the FX rate. */
  convertedOn?: string;
  range: Range;
}

/** A kind of transaction the plan reads, with its schema. */
export interface Source extends Element {
  fields: Field[];
  /** The key field, if any. */
  key?: string;
  /** The Payee field that says whose record it is. */
  owner?: string;
  /** The Date field that places a record in a period. */
  dated?: string;
}

/** A definition evaluated per payee and period: a `let`, a `measure` or a `metric`. */
export interface Definition extends Element {
  type: Type;
  value: IrExpr;
}

/** A quota: base (annual, or per period) × seasonality × ramp × proration − relief. */
export interface Quota extends Element {
  /** True for `from data`: the quota comes with the input data and nothing else is set. */
  fromData: boolean;
  base?: IrExpr;
  /** One ratio per period of the fiscal year, summing to 1. */
  seasonality?: string[];
  ramp?: {
    /** Ratios applied to the payee's first, second, ... period; 1 afterwards. */
    steps: string[];
    from: IrExpr;
    /** Starts after this day of the month count from the next month. */
    cutoffDay?: number;
    range: Range;
  };
  prorate: boolean;
  relief?: IrExpr;
}

/** Who a credit credits. */
export type CreditRecipient =
  | { kind: 'field'; field: string }
  | { kind: 'territory'; accountField: string }
  | { kind: 'managers'; of: string; levels?: number };

/** One `to` clause of a credit. */
export interface CreditTo {
  recipient: CreditRecipient;
  /** The share as a ratio (`"0.6"`); `"1"` when none is written. */
  share: string;
  /** Overlay credit: on top of the 100%, without quota credit. */
  overlay: boolean;
  range: Range;
}

/** Which records credit which payees with what amount. */
export interface Credit extends Element {
  source: string;
  where?: IrExpr;
  /** The credited value of a record (fields of `source` in scope). */
  amount: IrExpr;
  recipients: CreditTo[];
  /** Splits from a split source: its `payee` and `share` fields, matched on `on` to the record key. */
  split?: { source: string; on: string; range: Range };
}

/** A tier of a rate table: from (inclusive) to (exclusive; absent for `and up`). */
export interface Tier {
  /** Decimal string; percentages as ratios. */
  from: string;
  to?: string;
  rate: IrExpr;
  range: Range;
}

/** A rate table on an attainment (percent) or amount (money or number). */
export interface RateTable extends Element {
  on: IrExpr;
  mode: 'marginal' | 'retroactive' | 'hybrid';
  /** For hybrid tables: retroactive below this ratio, marginal above. */
  hybridAt?: string;
  tiers: Tier[];
}

/** A key of a lookup row: text, a number (decimal string), or any value. */
export type LookupKey = { kind: 'text'; value: string } | { kind: 'number'; value: string } | { kind: 'any' };

/** A row of a lookup table. */
export interface LookupRow {
  keys: LookupKey[];
  value: IrExpr;
  range: Range;
}

/** A table from keys (product × region) to values. */
export interface LookupTable extends Element {
  /** The names of the key columns. */
  by: string[];
  rows: LookupRow[];
  otherwise?: IrExpr;
  valueType: Type;
}

/** A pay curve: attainment to a percentage of target incentive, linear between points. */
export interface PayCurve extends Element {
  on: IrExpr;
  /** In ascending `at`; `at` and `value` are decimal strings (percentages as ratios). */
  points: { at: string; value: string; range: Range }[];
}

/** The kinds of earning, as written: earning, commission, bonus, spiff, milestone, mbo. */
export type { EarningKind };

/** Something paid: a commission, bonus, SPIFF, milestone or MBO. */
export interface Earning extends Element {
  kind: EarningKind;
  /** The amount, in the plan currency. */
  value: IrExpr;
  /** For `per line`: one line per record credited by this credit. */
  perLine?: { credit: string };
  /** Pays nothing unless true. */
  gate?: IrExpr;
  cap?: IrExpr;
  floor?: IrExpr;
  /** For SPIFFs: only records/periods within these dates. */
  window?: DateSpan;
  /** Pays at most once per plan year. */
  once: boolean;
  /** Pays the year-to-date value minus what was already paid. */
  paidYearToDate: boolean;
}

/** An advance against earnings. */
export interface Draw extends Element {
  amount: IrExpr;
  recoverable: boolean;
  periods?: number;
  trueUpAtYearEnd: boolean;
}

/** A minimum payout for a number of periods. */
export interface Guarantee extends Element {
  amount: IrExpr;
  periods: number;
  from?: IrExpr;
}

/** A share of an earning kept back until a date or a condition. */
export interface Holdback extends Element {
  /** Ratio kept back. */
  share: string;
  earning: string;
  /** Released on a date (a Date expression, usually a literal), or in the first period a condition holds. */
  until?: { kind: 'date'; date: IrExpr } | { kind: 'condition'; condition: IrExpr };
}

/** Reversal of earnings on records cancelled within a window, at the original rate. */
export interface Clawback extends Element {
  source: string;
  /** The Date field that says when a record was cancelled. */
  cancelledOn: string;
  withinDays: number;
}

/** Manual adjustments read from data. */
export type Adjustment = Element;

/** A territory: rules on account fields, named accounts, and assigned payees. */
export interface Territory extends Element {
  /** All must hold (fields of the accounts source in scope). */
  where: IrExpr[];
  named: string[];
  priority?: number;
  score?: IrExpr;
  assignments: { payee: string; role: 'primary' | 'overlay'; from?: string; to?: string; range: Range }[];
}

/** The territory design. */
export interface Territories {
  source: string;
  by: 'priority' | 'score';
  territories: Territory[];
  range: Range;
}

/** A performance indicator (not pay). */
export type Metric = Definition;

/** A coaching flag. */
export interface Signal extends Element {
  severity: 'info' | 'warning' | 'critical';
  /** Per-record signal over this source; absent for a per-payee signal. */
  on?: string;
  condition: IrExpr;
  message: string;
}

/** A named definition, for {@link Plan.order}. */
export interface DefinitionRef {
  kind: 'let' | 'measure' | 'metric' | 'quota' | 'credit' | 'earning';
  name: string;
}

/** A checked compensation plan. */
export interface Plan {
  format: typeof PLAN_FORMAT;
  /** Where the plan text came from, when known. */
  uri?: string;
  header: PlanHeader;
  sources: Source[];
  /** Declared payee attributes (the built-ins `id`, `name` and `manager` are always there too). */
  payee: Field[];
  lets: Definition[];
  measures: Definition[];
  quotas: Quota[];
  credits: Credit[];
  rateTables: RateTable[];
  lookupTables: LookupTable[];
  payCurves: PayCurve[];
  earnings: Earning[];
  draws: Draw[];
  guarantees: Guarantee[];
  holdbacks: Holdback[];
  clawbacks: Clawback[];
  adjustments: Adjustment[];
  territories?: Territories;
  metrics: Metric[];
  signals: Signal[];
  /**
   * Every let, measure, metric, quota, credit and earning, dependencies first: evaluating in this
   * order finds every value a definition uses already computed. Each list above is in this order too.
   */
  order: DefinitionRef[];
}
