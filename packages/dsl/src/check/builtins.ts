/**
 * The catalogue of built-in functions (grammar.md, "Built-in functions"): name, group, signature
 * and a one-line description, for the checker, hover and completion.
 */

/** What a built-in function does, in groups. */
export type FunctionCategory = 'aggregate' | 'to-date' | 'arithmetic' | 'table' | 'currency' | 'date';

/** A built-in function. */
export interface BuiltinFunction {
  name: string;
  category: FunctionCategory;
  /** How a call is written, for hover: `tiered(amount, rate_table)`. */
  signature: string;
  /** What it gives, for a comp admin. */
  doc: string;
}

const table: readonly BuiltinFunction[] = [
  {
    name: 'sum',
    category: 'aggregate',
    signature: 'sum(source.field where condition)',
    doc: 'Adds up a field over the records of a source or credit for the payee and period.',
  },
  {
    name: 'count',
    category: 'aggregate',
    signature: 'count(source where condition)',
    doc: 'Counts the records of a source or credit for the payee and period.',
  },
  {
    name: 'avg',
    category: 'aggregate',
    signature: 'avg(source.field where condition)',
    doc: 'The average of a field over the records of a source or credit for the payee and period.',
  },
  {
    name: 'min',
    category: 'aggregate',
    signature: 'min(a, b, ...) or min(source.field where condition)',
    doc: 'The smallest of several values, or of a field over the records of a source or credit.',
  },
  {
    name: 'max',
    category: 'aggregate',
    signature: 'max(a, b, ...) or max(source.field where condition)',
    doc: 'The largest of several values, or of a field over the records of a source or credit.',
  },
  {
    name: 'ytd',
    category: 'to-date',
    signature: 'ytd(measure)',
    doc: 'The year-to-date value of a measure or credit.',
  },
  {
    name: 'htd',
    category: 'to-date',
    signature: 'htd(measure)',
    doc: 'The half-to-date value of a measure or credit.',
  },
  {
    name: 'qtd',
    category: 'to-date',
    signature: 'qtd(measure)',
    doc: 'The quarter-to-date value of a measure or credit.',
  },
  {
    name: 'mtd',
    category: 'to-date',
    signature: 'mtd(measure)',
    doc: 'The month-to-date value of a measure or credit.',
  },
  {
    name: 'clamp',
    category: 'arithmetic',
    signature: 'clamp(value, lowest, highest)',
    doc: 'The value, raised to the lowest or lowered to the highest when outside them.',
  },
  {
    name: 'round',
    category: 'arithmetic',
    signature: 'round(value, places)',
    doc: 'The value rounded to a number of decimal places (half up).',
  },
  { name: 'abs', category: 'arithmetic', signature: 'abs(value)', doc: 'The value without its sign.' },
  {
    name: 'ratio',
    category: 'arithmetic',
    signature: 'ratio(a, b)',
    doc: 'a / b as a percentage, or 0% when b is zero.',
  },
  {
    name: 'tiered',
    category: 'table',
    signature: 'tiered(amount, rate_table)',
    doc: 'The amount paid through a rate table; the table mode (marginal, retroactive, hybrid) decides how.',
  },
  {
    name: 'rate',
    category: 'table',
    signature: 'rate(rate_table)',
    doc: 'The rate of the tier the table has reached.',
  },
  {
    name: 'lookup',
    category: 'table',
    signature: 'lookup(lookup_table, key, ...)',
    doc: 'The value of the lookup table row that matches the keys.',
  },
  {
    name: 'curve',
    category: 'table',
    signature: 'curve(pay_curve)',
    doc: "The pay curve's value at its measure.",
  },
  {
    name: 'convert',
    category: 'currency',
    signature: 'convert(money, CURRENCY, date)',
    doc: 'The amount converted to another currency at the FX rate of the date (default: the end of the period).',
  },
  {
    name: 'days_between',
    category: 'date',
    signature: 'days_between(a, b)',
    doc: 'The number of days from date a to date b.',
  },
  {
    name: 'months_between',
    category: 'date',
    signature: 'months_between(a, b)',
    doc: 'The number of whole months from date a to date b.',
  },
  {
    name: 'add_days',
    category: 'date',
    signature: 'add_days(date, days)',
    doc: 'The date a number of days later.',
  },
  {
    name: 'add_months',
    category: 'date',
    signature: 'add_months(date, months)',
    doc: 'The date a number of months later.',
  },
  { name: 'start_of', category: 'date', signature: 'start_of(period)', doc: 'The first day of a period.' },
  { name: 'end_of', category: 'date', signature: 'end_of(period)', doc: 'The last day of a period.' },
];

const byName: ReadonlyMap<string, BuiltinFunction> = new Map(table.map((f) => [f.name, f]));

/** Every built-in function. */
export const builtinFunctions: readonly BuiltinFunction[] = table;

/** The built-in function of that name, if any. */
export function builtinFunction(name: string): BuiltinFunction | undefined {
  return byName.get(name);
}
