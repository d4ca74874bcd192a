/**
 * The expression IR of a checked `Plan`: a small tree of plain objects. Every node has its
 * resolved `type` and its source `range`; names are resolved to what they denote by kind and name
 * (never by identity of syntax nodes), literals are decimal strings, percentages are ratios
 * (`12%` is `"0.12"`). An engine evaluates it per payee and period (and, inside `where`, credit
 * amounts, signals on a source and territory rules, per record).
 */
import type { AggregateFunction } from '../check/aggregates.js';
import type { Type } from '../check/types.js';
import type { Range } from '../diagnostics/diagnostic.js';

/** Fields every IR node has. */
export interface IrBase {
  /** The checked type of the value. Never `Unknown` in a compiled plan. */
  type: Type;
  /** Where the expression is written, for traces. */
  range: Range;
}

/**
 * A constant. `value` is a decimal string for Number, Integer, Money (in `type.currency`) and
 * Percent (a ratio: `12%` is `"0.12"`); `YYYY-MM-DD` for Date; the literal as written (`2026-Q1`,
 * `2026-03`, `FY2026`) for Period; the text for Text; a boolean for Boolean.
 */
export interface IrLiteral extends IrBase {
  op: 'literal';
  value: string | boolean;
}

/** What kind of definition a {@link IrRef} names. */
export type RefKind =
  | 'let'
  | 'measure'
  | 'metric'
  | 'quota'
  | 'credit'
  | 'earning'
  | 'draw'
  | 'guarantee'
  | 'holdback'
  | 'clawback'
  | 'adjustment'
  | 'signal';

/**
 * The value of a named definition for the current payee and period: a let, measure, metric,
 * quota, a credit (the total credited), an earning, and so on. Versioned definitions are resolved
 * by the engine to the version effective in the period.
 */
export interface IrRef extends IrBase {
  op: 'ref';
  kind: RefKind;
  name: string;
}

/** A field of the current record (inside `where`, a credit's `amount`, a signal `on` a source, a territory rule). */
export interface IrField extends IrBase {
  op: 'field';
  /** The source whose record it is; for the built-in `credited` and `quota_credited` fields, the credit. */
  source: string;
  /** The field name; `credited` is the amount a credit credited to the payee for the record, `quota_credited` its part that counts toward quota (0 for overlay credit). */
  field: string;
}

/**
 * The current payee (`payee`). In a credit's or territory's rules over a source with a field named
 * `payee`, `payee` is that field (an {@link IrField}): there is no current payee there.
 */
export interface IrPayee extends IrBase {
  op: 'payee';
}

/** The current period (`period`). */
export interface IrPeriod extends IrBase {
  op: 'period';
}

/** The date of the calculation run (`today`). */
export interface IrToday extends IrBase {
  op: 'today';
}

/**
 * A member of a value: a payee attribute (`payee.ote`, `owner.region`, `payee.manager`), or
 * `start` / `end` of a period.
 */
export interface IrMember extends IrBase {
  op: 'member';
  object: IrExpr;
  member: string;
}

/** `-x` (`neg`) or `not x`. */
export interface IrUnary extends IrBase {
  op: 'unary';
  operator: 'neg' | 'not';
  operand: IrExpr;
}

/** Arithmetic, comparison and logic, with the operator as written. */
export interface IrBinary extends IrBase {
  op: 'binary';
  operator: '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
  left: IrExpr;
  right: IrExpr;
}

/** `value in from to to` (both ends inclusive), or `not in` when `negated`. */
export interface IrInRange extends IrBase {
  op: 'in-range';
  value: IrExpr;
  from: IrExpr;
  to: IrExpr;
  negated: boolean;
}

/** `value in [a, b, ...]`, or `not in` when `negated`. */
export interface IrInList extends IrBase {
  op: 'in-list';
  value: IrExpr;
  items: IrExpr[];
  negated: boolean;
}

/** `date in period`: the date falls in the current period. */
export interface IrInPeriod extends IrBase {
  op: 'in-period';
  value: IrExpr;
  negated: boolean;
}

/** `if condition then a else b` (named `ifTrue` / `ifFalse`: an object with `then` would look like a promise). */
export interface IrIf extends IrBase {
  op: 'if';
  condition: IrExpr;
  ifTrue: IrExpr;
  ifFalse: IrExpr;
}

/** A list of values (`[a, b]` outside `in`). */
export interface IrList extends IrBase {
  op: 'list';
  items: IrExpr[];
}

/** The aggregate functions: `sum`, `count`, `avg`, `min`, `max`. */
export type AggregateFn = AggregateFunction;

/**
 * An aggregate over the records of a source (scoped to the payee through its owner field and to
 * the period through its dated field) or over the records a credit credited to the payee in the
 * period. `field` is absent for `count(records)`; `where` filters records (its field references
 * are of `source`).
 */
export interface IrAggregate extends IrBase {
  op: 'aggregate';
  fn: AggregateFn;
  over: { kind: 'source' | 'credit'; name: string };
  /** The source whose records are read (for a credit, the source it credits from). */
  source: string;
  field?: string;
  where?: IrExpr;
}

/** `ytd(m)`, `qtd(m)`, `mtd(m)`, `htd(m)`: the value of a definition over the year (half, quarter, month) to date. */
export interface IrToDate extends IrBase {
  op: 'to-date';
  window: 'ytd' | 'htd' | 'qtd' | 'mtd';
  ref: IrRef;
}

/** `tiered(amount, table)`: the amount paid through a rate table. */
export interface IrTiered extends IrBase {
  op: 'tiered';
  amount: IrExpr;
  table: string;
}

/** `rate(table)`: the rate of the tier the table's `on` value has reached. */
export interface IrRate extends IrBase {
  op: 'rate';
  table: string;
}

/** `lookup(table, key, ...)`: the value of the first matching row. */
export interface IrLookup extends IrBase {
  op: 'lookup';
  table: string;
  keys: IrExpr[];
}

/** `curve(pay_curve)`: the curve's value (a ratio) at its `on` value. */
export interface IrCurve extends IrBase {
  op: 'curve';
  curve: string;
}

/** `convert(money, CUR, date?)`: money converted at the FX rate of `date` (default: the end of the period). */
export interface IrConvert extends IrBase {
  op: 'convert';
  value: IrExpr;
  currency: string;
  date?: IrExpr;
}

/** The other built-in functions, by name, with their arguments in order. */
export type CallFn =
  | 'min'
  | 'max'
  | 'clamp'
  | 'round'
  | 'abs'
  | 'ratio'
  | 'days_between'
  | 'months_between'
  | 'add_days'
  | 'add_months'
  | 'start_of'
  | 'end_of';

/** A call of an arithmetic or date function (`min(a, b)`, `round(x, 2)`, `add_days(d, 30)`). */
export interface IrCall extends IrBase {
  op: 'call';
  fn: CallFn;
  args: IrExpr[];
}

/** Any IR expression. */
export type IrExpr =
  | IrLiteral
  | IrRef
  | IrField
  | IrPayee
  | IrPeriod
  | IrToday
  | IrMember
  | IrUnary
  | IrBinary
  | IrInRange
  | IrInList
  | IrInPeriod
  | IrIf
  | IrList
  | IrAggregate
  | IrToDate
  | IrTiered
  | IrRate
  | IrLookup
  | IrCurve
  | IrConvert
  | IrCall;
