/**
 * Every diagnostic code the language reports, grouped by family. Codes are stable: a code is
 * never reused for another meaning. Each has a page entry in docs/reference/diagnostics.md.
 *
 * Families: AT1xxx syntax, AT2xxx names, AT3xxx types and units, AT4xxx tables,
 * AT5xxx crediting and sources, AT6xxx dates and periods.
 */
import type { Severity } from './diagnostic.js';

export interface CodeInfo {
  /** Default severity. */
  severity: Severity;
  /** One-line summary used in documentation. */
  title: string;
}

export const codes = {
  // ---- AT1xxx syntax ----
  AT1001: { severity: 'error', title: 'Unexpected text' },
  AT1002: { severity: 'error', title: 'Something is missing' },
  AT1003: { severity: 'error', title: 'Unterminated text or comment' },
  AT1004: { severity: 'error', title: 'Unknown character' },
  AT1005: { severity: 'error', title: 'Invalid date or period literal' },
  AT1006: { severity: 'error', title: 'Invalid number' },
  AT1101: { severity: 'error', title: 'Required plan setting missing' },
  AT1102: { severity: 'error', title: 'Plan setting repeated' },
  AT1103: { severity: 'error', title: 'No plan in file' },
  AT1104: { severity: 'error', title: 'Unknown month name' },

  // ---- AT2xxx names ----
  AT2001: { severity: 'error', title: 'Unknown name' },
  AT2002: { severity: 'error', title: 'Name defined twice' },
  AT2003: { severity: 'error', title: 'Unknown field' },
  AT2004: { severity: 'error', title: 'Unknown function' },
  AT2005: { severity: 'error', title: 'Definitions depend on each other in a cycle' },
  AT2006: { severity: 'warning', title: 'Definition is never used' },
  AT2007: { severity: 'error', title: 'Unknown source' },
  AT2008: { severity: 'error', title: 'Name refers to the wrong kind of thing' },
  AT2009: { severity: 'error', title: 'Field declared twice' },
  AT2010: { severity: 'error', title: 'Unknown payee attribute' },
  AT2011: { severity: 'error', title: 'Chain of definitions too deep' },

  // ---- AT3xxx types and units ----
  AT3001: { severity: 'error', title: 'Type mismatch' },
  AT3002: { severity: 'error', title: 'Currencies do not match' },
  AT3003: { severity: 'error', title: 'Operation not allowed on these units' },
  AT3004: { severity: 'error', title: 'Condition is not true/false' },
  AT3005: { severity: 'error', title: 'Wrong number of arguments' },
  AT3006: { severity: 'error', title: 'Wrong argument type' },
  AT3007: { severity: 'error', title: 'Declared type does not match value' },
  AT3008: { severity: 'error', title: 'Earning is not money' },
  AT3009: { severity: 'error', title: 'Aggregate needs a source or credit' },
  AT3010: { severity: 'error', title: '`where` is only allowed in aggregates' },
  AT3011: { severity: 'error', title: 'Unknown currency' },
  AT3101: { severity: 'error', title: 'Branches of `if` have different types' },
  AT3201: { severity: 'error', title: 'Seasonality does not fit the period' },
  AT3202: { severity: 'error', title: 'Quota is not money' },
  AT3203: { severity: 'error', title: 'Ramp step above 100%' },
  AT3301: { severity: 'error', title: 'Amount below zero' },
  AT3302: { severity: 'warning', title: 'Floor below zero' },
  AT3303: { severity: 'error', title: 'Lower limit above upper limit' },
  AT3304: { severity: 'error', title: 'Holdbacks keep back more than the earning' },
  AT3305: { severity: 'error', title: 'Division by zero' },
  AT3306: { severity: 'error', title: 'Number beyond what a plan keeps exactly' },

  // ---- AT4xxx tables ----
  AT4001: { severity: 'error', title: 'Rate table mode missing' },
  AT4002: { severity: 'error', title: 'Gap between tiers' },
  AT4003: { severity: 'error', title: 'Tiers overlap' },
  AT4004: { severity: 'error', title: 'Tier bounds out of order' },
  AT4005: { severity: 'warning', title: 'No open top tier' },
  AT4006: { severity: 'error', title: 'Tier bound has the wrong unit' },
  AT4007: { severity: 'error', title: 'Rate table is empty' },
  AT4008: { severity: 'error', title: 'Lookup row has the wrong number of keys' },
  AT4009: { severity: 'error', title: 'Lookup row repeated' },
  AT4010: { severity: 'error', title: 'Pay curve points out of order' },
  AT4011: { severity: 'warning', title: 'Lookup table has no `otherwise` row' },
  AT4012: { severity: 'error', title: 'Table used with the wrong function' },
  AT4013: { severity: 'warning', title: 'Lookup row can never match' },
  AT4014: { severity: 'warning', title: 'Rate written as a plain number' },

  // ---- AT5xxx crediting and sources ----
  AT5001: { severity: 'error', title: 'Split shares do not sum to 100%' },
  AT5002: { severity: 'error', title: 'Credit recipient is not a payee field' },
  AT5003: { severity: 'error', title: 'Split source lacks payee or share fields' },
  AT5004: { severity: 'error', title: 'Credit has no recipient' },
  AT5005: { severity: 'error', title: 'Source has no dated field' },
  AT5006: { severity: 'error', title: 'Source has no owner field' },
  AT5007: { severity: 'error', title: 'Per-line earning has no credit to list' },
  AT5008: { severity: 'error', title: 'Credit or territory rule reads the payee' },
  AT5009: { severity: 'error', title: 'Credit clause repeated' },
  AT5010: { severity: 'error', title: 'Territory rule reads the period' },
  AT5101: { severity: 'error', title: 'More than one key field' },
  AT5102: { severity: 'error', title: 'Field modifier does not fit the field type' },
  AT5103: { severity: 'error', title: 'Territory recipient needs territories' },
  AT5104: { severity: 'warning', title: 'Territory rule overlaps another' },
  AT5105: { severity: 'warning', title: 'Territory rule can never match' },
  AT5106: { severity: 'warning', title: 'Clawback has no lines to take back' },

  // ---- AT6xxx dates and periods ----
  AT6001: { severity: 'error', title: 'Effective dates overlap' },
  AT6002: { severity: 'error', title: 'Date range ends before it starts' },
  AT6003: { severity: 'warning', title: 'Dates outside the plan' },
  AT6004: { severity: 'error', title: 'Invalid calendar date' },
  AT6005: { severity: 'warning', title: 'Holdback released after the plan ends' },
  AT6006: { severity: 'error', title: 'Period of another kind' },
  AT6007: { severity: 'warning', title: 'Paid year to date on a value of the period' },
  AT6008: { severity: 'warning', title: 'Periods without a version' },
} as const satisfies Record<string, CodeInfo>;

/** A diagnostic code. */
export type Code = keyof typeof codes;
