/**
 * The abstract syntax tree of a plan file.
 *
 * Every node carries its source `range`. Nodes are plain objects (JSON-serialisable), discriminated
 * by `kind`. Parts that failed to parse are absent (`undefined`) or `Missing` nodes, so a tree
 * produced with error recovery can still be walked by the checker and the language service.
 */
import type { Range } from '../diagnostics/diagnostic.js';

/** Base of every node. */
export interface NodeBase {
  readonly range: Range;
}

/** An identifier occurrence, with its own range (for go-to-definition and rename). */
export interface Name extends NodeBase {
  kind: 'Name';
  text: string;
}

/** A comment as written, kept by the parser for the formatter. */
export interface Comment extends NodeBase {
  kind: 'Comment';
  /** `line`: `# ...`; `doc`: `/** ... *\/`; `block`: `/* ... *\/`. */
  style: 'line' | 'doc' | 'block';
  /** The full text including the `#` or `/**` markers. */
  text: string;
}

export interface File extends NodeBase {
  kind: 'File';
  plan?: PlanDecl;
  /** Every comment in the file, in source order (doc comments included). */
  comments: Comment[];
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';
export type RoundingPoint = 'line' | 'earning' | 'payout';

export interface PlanDecl extends NodeBase {
  kind: 'Plan';
  doc?: string;
  name?: TextLit;
  version?: TextLit;
  items: PlanItem[];
}

export type PlanItem = HeaderSetting | Declaration;

export type HeaderSetting =
  | CurrencySetting
  | PeriodSetting
  | FiscalYearSetting
  | EffectiveSetting
  | RoundingSetting;

export interface CurrencySetting extends NodeBase {
  kind: 'CurrencySetting';
  currency?: Name;
}
export interface PeriodSetting extends NodeBase {
  kind: 'PeriodSetting';
  period?: PeriodKind;
}
export interface FiscalYearSetting extends NodeBase {
  kind: 'FiscalYearSetting';
  /** 1 = January ... 12 = December. */
  month?: number;
  monthName?: Name;
}
export interface EffectiveSetting extends NodeBase {
  kind: 'EffectiveSetting';
  effective?: DateRange;
}
export interface RoundingSetting extends NodeBase {
  kind: 'RoundingSetting';
  mode?: RoundingMode;
  decimals?: NumberLit;
  point?: RoundingPoint;
}

/** `from DATE to DATE` or `effective DATE to DATE`. */
export interface DateRange extends NodeBase {
  kind: 'DateRange';
  from?: DateLit;
  to?: DateLit;
}

export type Declaration =
  | SourceDecl
  | PayeeDecl
  | LetDecl
  | MeasureDecl
  | QuotaDecl
  | CreditDecl
  | RateTableDecl
  | LookupTableDecl
  | PayCurveDecl
  | EarningDecl
  | DrawDecl
  | GuaranteeDecl
  | HoldbackDecl
  | ClawbackDecl
  | AdjustmentDecl
  | TerritoriesDecl
  | MetricDecl
  | SignalDecl;

/** Fields shared by named declarations. */
export interface NamedDecl extends NodeBase {
  /** The text of the doc comment before the declaration, without markers. */
  doc?: string;
  name?: Name;
  label?: TextLit;
  /** `effective DATE to DATE` for versioned definitions. */
  effective?: DateRange;
}

// ---- sources and schemas --------------------------------------------------------------------

export type TypeName =
  | 'Number'
  | 'Integer'
  | 'Percent'
  | 'Money'
  | 'Date'
  | 'Period'
  | 'Text'
  | 'Boolean'
  | 'Payee';

export interface TypeRef extends NodeBase {
  kind: 'TypeRef';
  name?: TypeName;
  /** `Money(EUR)`. */
  currency?: Name;
}

export type FieldModifier =
  | { kind: 'key'; range: Range }
  | { kind: 'owner'; range: Range }
  | { kind: 'dated'; range: Range }
  | { kind: 'optional'; range: Range }
  | { kind: 'converted'; range: Range; on?: Name };

export interface FieldDecl extends NodeBase {
  kind: 'Field';
  doc?: string;
  name?: Name;
  type?: TypeRef;
  modifiers: FieldModifier[];
}

export interface SourceDecl extends NamedDecl {
  kind: 'Source';
  fields: FieldDecl[];
}

export interface PayeeDecl extends NodeBase {
  kind: 'Payee';
  doc?: string;
  fields: FieldDecl[];
}

// ---- definitions ------------------------------------------------------------------------------

export interface LetDecl extends NamedDecl {
  kind: 'Let';
  type?: TypeRef;
  value?: Expr;
}

export interface MeasureDecl extends NamedDecl {
  kind: 'Measure';
  type?: TypeRef;
  value?: Expr;
}

export type QuotaClause =
  | { kind: 'Seasonality'; range: Range; shares: PercentLit[] }
  | { kind: 'Ramp'; range: Range; steps: PercentLit[]; from?: Expr; cutoffDay?: NumberLit }
  | { kind: 'Prorate'; range: Range }
  | { kind: 'Relief'; range: Range; value?: Expr };

export interface QuotaDecl extends NamedDecl {
  kind: 'Quota';
  /** `quota x from data`. */
  fromData: boolean;
  base?: Expr;
  clauses: QuotaClause[];
}

// ---- crediting --------------------------------------------------------------------------------

export type Recipient =
  | { kind: 'FieldRecipient'; range: Range; field?: Name }
  | { kind: 'TerritoryRecipient'; range: Range; account?: Name }
  | { kind: 'ManagersRecipient'; range: Range; of?: Name; levels?: NumberLit };

export type CreditClause =
  | { kind: 'CreditAmount'; range: Range; value?: Expr }
  | {
      kind: 'CreditTo';
      range: Range;
      recipient?: Recipient;
      share?: PercentLit;
      /** True when `share` is written but its percentage could not be read (a syntax error says so). */
      unreadShare?: true;
      overlay: boolean;
    }
  | { kind: 'CreditSplit'; range: Range; source?: Name; on?: Name };

export interface CreditDecl extends NamedDecl {
  kind: 'Credit';
  source?: Name;
  where?: Expr;
  clauses: CreditClause[];
}

// ---- tables -----------------------------------------------------------------------------------

export type TableMode =
  | { kind: 'marginal'; range: Range }
  | { kind: 'retroactive'; range: Range }
  | { kind: 'hybrid'; range: Range; at?: PercentLit };

/** A tier bound: a percent, number or money literal. */
export type Bound = PercentLit | NumberLit | MoneyLit;

export interface Tier extends NodeBase {
  kind: 'Tier';
  from?: Bound;
  /** Absent for `and up`. */
  to?: Bound;
  open: boolean;
  rate?: Expr;
}

export interface RateTableDecl extends NamedDecl {
  kind: 'RateTable';
  on?: Expr;
  /** Absent when the mode was not written (AT4001). */
  mode?: TableMode;
  tiers: Tier[];
}

export type LookupKey = TextLit | NumberLit | { kind: 'Wildcard'; range: Range };

export interface LookupRow extends NodeBase {
  kind: 'LookupRow';
  /** Empty for the `otherwise` row. */
  keys: LookupKey[];
  otherwise: boolean;
  value?: Expr;
}

export interface LookupTableDecl extends NamedDecl {
  kind: 'LookupTable';
  by: Name[];
  rows: LookupRow[];
}

export interface CurvePoint extends NodeBase {
  kind: 'CurvePoint';
  at?: Bound;
  value?: PercentLit;
}

export interface PayCurveDecl extends NamedDecl {
  kind: 'PayCurve';
  on?: Expr;
  points: CurvePoint[];
}

// ---- earnings and payout adjustments -----------------------------------------------------------

export type EarningKind = 'earning' | 'commission' | 'bonus' | 'spiff' | 'milestone' | 'mbo';

export type EarningClause =
  | { kind: 'PerLine'; range: Range }
  | { kind: 'PerPeriod'; range: Range }
  | { kind: 'Gate'; range: Range; condition?: Expr }
  | { kind: 'Cap'; range: Range; value?: Expr }
  | { kind: 'Floor'; range: Range; value?: Expr }
  | { kind: 'During'; range: Range; window?: DateRange }
  | { kind: 'Once'; range: Range }
  | { kind: 'PaidYearToDate'; range: Range };

export interface EarningDecl extends NamedDecl {
  kind: 'Earning';
  earningKind: EarningKind;
  value?: Expr;
  clauses: EarningClause[];
}

export interface DrawDecl extends NamedDecl {
  kind: 'Draw';
  amount?: Expr;
  recoverable: boolean;
  periods?: NumberLit;
  trueUp: boolean;
}

export interface GuaranteeDecl extends NamedDecl {
  kind: 'Guarantee';
  amount?: Expr;
  periods?: NumberLit;
  from?: Expr;
}

export interface HoldbackDecl extends NamedDecl {
  kind: 'Holdback';
  share?: PercentLit;
  earning?: Name;
  /** A release date, or a condition. */
  until?: Expr;
}

export interface ClawbackDecl extends NamedDecl {
  kind: 'Clawback';
  source?: Name;
  cancelledOn?: Name;
  withinDays?: NumberLit;
}

export interface AdjustmentDecl extends NamedDecl {
  kind: 'Adjustment';
}

// ---- territories --------------------------------------------------------------------------------

export type TerritoryClause =
  | { kind: 'TerritoryWhere'; range: Range; condition?: Expr }
  | { kind: 'TerritoryNamed'; range: Range; accounts: TextLit[] }
  | { kind: 'TerritoryPriority'; range: Range; priority?: NumberLit }
  | { kind: 'TerritoryScore'; range: Range; score?: Expr }
  | {
      kind: 'TerritoryAssign';
      range: Range;
      payee?: TextLit;
      role?: 'primary' | 'overlay';
      from?: DateLit;
      to?: DateLit;
    };

export interface TerritoryDecl extends NamedDecl {
  kind: 'Territory';
  clauses: TerritoryClause[];
}

export interface TerritoriesDecl extends NodeBase {
  kind: 'Territories';
  doc?: string;
  source?: Name;
  by?: 'priority' | 'score';
  territories: TerritoryDecl[];
}

// ---- metrics and signals ------------------------------------------------------------------------

export interface MetricDecl extends NamedDecl {
  kind: 'Metric';
  type?: TypeRef;
  value?: Expr;
}

export type Severity = 'info' | 'warning' | 'critical';

export interface SignalDecl extends NamedDecl {
  kind: 'Signal';
  severity?: Severity;
  /** Per-record signal over this source; absent for a per-payee signal. */
  on?: Name;
  condition?: Expr;
  message?: TextLit;
}

// ---- expressions ----------------------------------------------------------------------------------

export type Expr =
  | NumberLit
  | PercentLit
  | MoneyLit
  | DateLit
  | PeriodLit
  | TextLit
  | BooleanLit
  | NameRef
  | PayeeRef
  | PeriodRef
  | TodayRef
  | MemberExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | InExpr
  | IfExpr
  | ListExpr
  | ParenExpr
  | MissingExpr;

/** A decimal literal; `value` is the canonical decimal string (separators removed). */
export interface NumberLit extends NodeBase {
  kind: 'Number';
  value: string;
  /** True when written without a decimal point. */
  integer: boolean;
}
/** `12%`; `value` is the written number (`"12"`), the ratio is value / 100. */
export interface PercentLit extends NodeBase {
  kind: 'Percent';
  value: string;
}
export interface MoneyLit extends NodeBase {
  kind: 'Money';
  value: string;
  currency: Name;
}
export interface DateLit extends NodeBase {
  kind: 'Date';
  /** `YYYY-MM-DD`. */
  value: string;
}
export interface PeriodLit extends NodeBase {
  kind: 'PeriodLit';
  /** As written: `2026-Q1`, `2026-H2`, `2026-03`, `FY2026`. */
  value: string;
}
export interface TextLit extends NodeBase {
  kind: 'Text';
  /** The unescaped value. */
  value: string;
}
export interface BooleanLit extends NodeBase {
  kind: 'Boolean';
  value: boolean;
}
/** A reference to a declaration, a field in scope, or a function name (inside CallExpr). */
export interface NameRef extends NodeBase {
  kind: 'NameRef';
  name: Name;
}
export interface PayeeRef extends NodeBase {
  kind: 'PayeeRef';
}
export interface PeriodRef extends NodeBase {
  kind: 'PeriodRef';
}
export interface TodayRef extends NodeBase {
  kind: 'TodayRef';
}
/** `object.member`; `member` may be absent while typing (`deals.`), which completion relies on. */
export interface MemberExpr extends NodeBase {
  kind: 'Member';
  object: Expr;
  member?: Name;
}
export interface CallArg extends NodeBase {
  kind: 'Arg';
  value: Expr;
  where?: Expr;
}
export interface CallExpr extends NodeBase {
  kind: 'Call';
  callee: Name;
  args: CallArg[];
}
export interface UnaryExpr extends NodeBase {
  kind: 'Unary';
  op: '-' | 'not';
  operand: Expr;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
export interface BinaryExpr extends NodeBase {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}
/** `x in a to b`, `x in [a, b]`, `x in period`, and the negated `not in` forms. */
export interface InExpr extends NodeBase {
  kind: 'In';
  value: Expr;
  negated: boolean;
  target:
    | { kind: 'RangeTarget'; range: Range; from: Expr; to: Expr }
    | { kind: 'ListTarget'; range: Range; items: Expr[] }
    | { kind: 'PeriodTarget'; range: Range };
}
export interface IfExpr extends NodeBase {
  kind: 'If';
  condition: Expr;
  then: Expr;
  else: Expr;
}
export interface ListExpr extends NodeBase {
  kind: 'List';
  items: Expr[];
}
export interface ParenExpr extends NodeBase {
  kind: 'Paren';
  inner: Expr;
}
/** Stands in for an expression the parser could not read (a syntax diagnostic was reported). */
export interface MissingExpr extends NodeBase {
  kind: 'Missing';
}

/** Any node. */
export type Node =
  | File
  | PlanDecl
  | HeaderSetting
  | Declaration
  | DateRange
  | TypeRef
  | FieldDecl
  | Tier
  | LookupRow
  | CurvePoint
  | TerritoryDecl
  | CallArg
  | Expr
  | Name
  | Comment;
