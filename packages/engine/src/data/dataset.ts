/**
 * The input data of a calculation: payees, the records of each source the plan declares, FX rates,
 * quotas, territory assignments, manual adjustments and earlier results. Plain JSON data, as a
 * CLI or a host app builds it from CSV files, a CRM export or a database. Nothing here is trusted:
 * every value is validated against the plan's declared schema before it is used.
 *
 * @packageDocumentation
 */
import type { Results } from '../results/results.js';

/**
 * A value as read from a file: a string as read from CSV, or a JSON number, boolean or null.
 *
 * How each declared type is read (leading and trailing spaces are ignored; `null`, `undefined`
 * and the empty string are "no value", an error unless the field is `optional`):
 * - `Number`, `Integer`: a decimal string such as `"1200.50"`, `"-3"`, `"1e3"` (no thousands
 *   separators), or a finite JSON number. Read exactly with decimal.js, never as a float.
 *   An Integer must have no fractional part.
 * - `Percent`: `"12%"` (the ratio 0.12) or a bare ratio `"0.12"` / `0.12`.
 * - `Money`: a decimal, optionally followed by a space and an ISO 4217 code (`"1200.50 EUR"`);
 *   without a code, the currency is read from a `<field>_currency` column of the same record if
 *   there is one, else it is the field's declared currency. A field declared `Money(EUR)` or plain
 *   `Money` (plan currency) must arrive in that currency; a `converted on` field may arrive in any
 *   currency that has an FX rate to the plan currency on the record's date.
 * - `Date`: `YYYY-MM-DD`, a real calendar date.
 * - `Period`: `2026-Q1`, `2026-H2`, `2026-03` or `FY2026`.
 * - `Boolean`: `true`/`false` (JSON booleans or text), also `yes`/`no` and `1`/`0`, any case.
 * - `Text`: any string (a JSON number is read as its decimal text).
 * - `Payee`: the `id` of a payee of {@link Dataset.payees}.
 */
export type RawValue = string | number | boolean | null;

/** The period of a plan a payee is assigned to. */
export interface PlanAssignment {
  /** The plan's name as written in its header (`plan "Enterprise AE"`). */
  plan: string;
  /** First day on the plan (`YYYY-MM-DD`, inclusive); absent, `null` or empty: from the plan's start. */
  from?: string | null;
  /** Last day on the plan (`YYYY-MM-DD`, inclusive); absent, `null` or empty: to the plan's end. */
  to?: string | null;
}

/** A person who is paid. */
export interface Payee {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  /** Unique identifier, referenced by `Payee` fields of records (`owner`, `co_sell_rep`). */
  id: string;
  /** The name shown on statements. */
  name: string;
  /**
   * The `id` of the payee's manager, for roll-up credit (`to managers of owner`). A manager who is
   * not among the payees, or whose row has errors, is no error of this payee's row: the payee is
   * calculated without a manager, with an `unknown-manager` warning.
   */
  manager?: string | null;
  /**
   * Values of the attributes the plan's `payee { ... }` block declares, read like record values.
   * Required only of a payee on the plan in a period the run calculates: for a payee off the plan
   * then, a missing or unreadable attribute has no value (a `no-value` warning where the plan
   * reads it of another payee, `payee.manager.ote`).
   */
  attributes: Record<string, RawValue>;
  /**
   * Plan assignments with effective dates. Absent: the payee is on the plan throughout its
   * effective dates. Present: the payee is on this plan only on the days of the assignments
   * naming it; a payee who joins, leaves or changes plan mid-period has their quota prorated by
   * calendar days when the quota says `prorate by calendar days`, and is credited only for
   * records dated on those days. Must be a list of objects, each naming `plan` (`null`: absent);
   * anything else is a `bad-type` error on the payee.
   */
  plans?: PlanAssignment[];
}

/** One row of a source (a deal, a renewal, a meeting...). */
export interface DataRecord {
  /** 1-based row in its file, named in error messages. Absent: the position in the array, from 1. */
  row?: number;
  /** The values by field name. Columns the source does not declare are ignored. */
  values: Record<string, RawValue>;
  /**
   * "If this deal closes": the record is calculated and shown as an estimate (credit lines and
   * earning lines marked `estimate`, earnings' `estimate` amounts, the statement's
   * `estimatedPayout`), never counted as earned. Only a JSON boolean (`null`: absent); anything
   * else (`"yes"`, `1`) is a `bad-type` error on the record.
   */
  hypothetical?: boolean;
}

/**
 * An FX rate: 1 unit of `from` is worth `rate` units of `to`, from `date` on (until a later rate of
 * the pair, written either way). A conversion on a date uses the latest rate dated on or before it in either
 * direction (the inverse of the opposite pair), the one written in the pair's own direction when
 * both are dated the same day. A currency converts to itself only at 1 (another rate is an error).
 */
export interface FxRate {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  from: string;
  to: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** A positive decimal string (`"1.0842"`). */
  rate: string;
}

/** A quota value for a `quota <name> from data` declaration. */
export interface QuotaValue {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  /** Payee id. */
  payee: string;
  /** The quota's name in the plan. */
  quota: string;
  /** The calculation period it applies to (`2026-Q1`), in the plan's period kind. */
  period: string;
  /** A decimal string in the plan currency. */
  amount: string;
}

/**
 * A payee assigned to a territory, on top of the `assign` clauses written in the plan's
 * `territories` block. The accounts themselves are the records of the source named in
 * `territories on <source>`.
 */
export interface TerritoryAssignment {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  payee: string;
  /** The territory's name in the plan. */
  territory: string;
  /** `primary` credit counts toward quota; `overlay` credit does not. */
  role: 'primary' | 'overlay';
  /** `YYYY-MM-DD`, inclusive; absent: from the beginning. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive; absent: without end. */
  to?: string;
}

/** A one-off correction approved by the comp team (`adjustment manual from data`). */
export interface ManualAdjustment {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  /** Unique id of the adjustment (for duplicate detection and audit). */
  id: string;
  payee: string;
  /** The calculation period it is paid in (`2026-Q2`). */
  period: string;
  /** A signed decimal string; negative takes money back. */
  amount: string;
  /** ISO 4217 code; absent: the plan currency. Another currency is converted at the period's end. */
  currency?: string;
  /** Shown on the statement. */
  reason: string;
  /** The earning it corrects, if any (for reporting). */
  earning?: string;
}

/**
 * A payee attribute that changes on a date: from `from` on, the payee's `attribute` is `value`,
 * until the payee's next change of that attribute (before the first change, the value in the
 * payee's `attributes` applies). A period reads the value in force on its last day on which the
 * payee is on the plan: a change takes effect for the whole period it falls in.
 */
export interface AttributeChange {
  /** 1-based row in its file, named in error messages. Absent: the position in the list, from 1. */
  row?: number;
  /** Payee id. */
  payee: string;
  /**
   * An attribute the plan's `payee { ... }` block declares (`ote`), or `manager`: the payee's
   * manager from `from` on, which roll-up credit follows by each record's date.
   */
  attribute: string;
  /**
   * The new value, read with the attribute's declared type as `attributes` are. `null` or empty:
   * no value from `from` on (only for an `optional` attribute). For `manager`, a payee id (`null`
   * or empty: no manager), read as a payee's `manager` is.
   */
  value: RawValue;
  /** First day of the new value (`YYYY-MM-DD`, inclusive). */
  from: string;
}

/**
 * Everything a calculation reads besides the plan. Its outline is checked as well: a missing
 * `payees` or `records`, a part that is not of its shape (`fx: "x"`, `records.deals: {}`), and a
 * part under a name that differs from a missing one only in capitals, spaces, `_`, `-` or `.`
 * (`records.Deals`, `territory_assignments`) are data errors with no row; any other name nothing
 * reads is an `unread-part` warning. `null` is an absent optional part.
 */
export interface Dataset {
  payees: Payee[];
  /** The records of each source the plan declares, by source name. A missing source has no records. */
  records: Record<string, DataRecord[]>;
  fx?: FxRate[];
  /** Quotas for `quota ... from data`. */
  quotas?: QuotaValue[];
  territoryAssignments?: TerritoryAssignment[];
  adjustments?: ManualAdjustment[];
  /** Effective-dated changes of payee attributes (an OTE raise from 1 August) and managers. */
  attributeChanges?: AttributeChange[];
  /**
   * The results of earlier runs: what was calculated and paid before, for year-to-date earnings
   * paid per period, once-per-year milestones, carried balances and recalculation.
   */
  previous?: Results;
}
