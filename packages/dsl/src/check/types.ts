/**
 * The type model of the plan language. Types are plain data (JSON-serialisable), so the checked
 * `Plan` can carry them. `Money` is tagged with its currency; `Unknown` stands in after an error
 * and is compatible with everything, so one mistake never produces a second diagnostic.
 */

/** A number without unit (a decimal). */
export interface NumberType {
  kind: 'Number';
}
/** A whole number; wherever a Number is expected an Integer fits. */
export interface IntegerType {
  kind: 'Integer';
}
/** A ratio; the literal `12%` is 0.12. */
export interface PercentType {
  kind: 'Percent';
}
/** An amount of money in one currency. `currency` is absent only when the plan has no currency. */
export interface MoneyType {
  kind: 'Money';
  currency?: string;
}
/** A calendar day. */
export interface DateType {
  kind: 'Date';
}
/** A calculation period (a month, quarter, half or year). */
export interface PeriodType {
  kind: 'Period';
}
/** Text, such as a stage or a region. */
export interface TextType {
  kind: 'Text';
}
/** True or false. */
export interface BooleanType {
  kind: 'Boolean';
}
/** A person who is paid: has the built-in attributes `id`, `name`, `manager` and the declared ones. */
export interface PayeeType {
  kind: 'Payee';
}
/** One record of a source (or of the source behind a credit). */
export interface RecordType {
  kind: 'Record';
  /** The source name. */
  source: string;
}
/** Several values, such as the records of a source or one field of each (`deals.amount`). */
export interface ListType {
  kind: 'List';
  of: Type;
}
/** The type of an expression that already has an error. */
export interface UnknownType {
  kind: 'Unknown';
}

/** Any type of the language. */
export type Type =
  | NumberType
  | IntegerType
  | PercentType
  | MoneyType
  | DateType
  | PeriodType
  | TextType
  | BooleanType
  | PayeeType
  | RecordType
  | ListType
  | UnknownType;

/** The kind of a type. */
export type TypeKind = Type['kind'];

/** Ready-made types without parameters. */
export const T = {
  Number: { kind: 'Number' },
  Integer: { kind: 'Integer' },
  Percent: { kind: 'Percent' },
  Date: { kind: 'Date' },
  Period: { kind: 'Period' },
  Text: { kind: 'Text' },
  Boolean: { kind: 'Boolean' },
  Payee: { kind: 'Payee' },
  Unknown: { kind: 'Unknown' },
} as const satisfies Record<string, Type>;

/** Money in `currency` (absent: the currency is not known because the plan declares none). */
export function money(currency: string | undefined): MoneyType {
  return currency === undefined ? { kind: 'Money' } : { kind: 'Money', currency };
}

/** One record of `source`. */
export function record(source: string): RecordType {
  return { kind: 'Record', source };
}

/** A list of `of`. */
export function list(of: Type): ListType {
  return { kind: 'List', of };
}

/** True for Number and Integer. */
export function isNumeric(type: Type): boolean {
  return type.kind === 'Number' || type.kind === 'Integer';
}

/** True for types with an order (`<`, `min`, tier bounds). */
export function isOrdered(type: Type): boolean {
  switch (type.kind) {
    case 'Number':
    case 'Integer':
    case 'Percent':
    case 'Money':
    case 'Date':
    case 'Period':
    case 'Unknown':
      return true;
    default:
      return false;
  }
}

/** True for types that can be added up (`sum`, `avg`, `abs`, `round`). */
export function isQuantity(type: Type): boolean {
  switch (type.kind) {
    case 'Number':
    case 'Integer':
    case 'Percent':
    case 'Money':
    case 'Unknown':
      return true;
    default:
      return false;
  }
}

/** True when two money currencies cannot be mixed (both known and different). */
export function currenciesDiffer(a: MoneyType, b: MoneyType): boolean {
  return a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency;
}

/** Structural equality; an unknown currency equals any currency. */
export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'Money':
      return !currenciesDiffer(a, b as MoneyType);
    case 'Record':
      return a.source === (b as RecordType).source;
    case 'List':
      return sameType(a.of, (b as ListType).of);
    default:
      return true;
  }
}

/** True when a value of type `from` may be used where `to` is expected (Integer fits Number). */
export function isAssignable(from: Type, to: Type): boolean {
  if (from.kind === 'Unknown' || to.kind === 'Unknown') return true;
  if (from.kind === 'Integer' && to.kind === 'Number') return true;
  if (from.kind === 'List' && to.kind === 'List') return isAssignable(from.of, to.of);
  return sameType(from, to);
}

/**
 * The common type of two values that must agree (if-branches, `min(a, b)`, list items): Integer
 * and Number join to Number. Undefined when they do not agree.
 */
export function join(a: Type, b: Type): Type | undefined {
  if (a.kind === 'Unknown') return b;
  if (b.kind === 'Unknown') return a;
  if (isNumeric(a) && isNumeric(b)) return a.kind === b.kind ? a : T.Number;
  if (a.kind === 'Money' && b.kind === 'Money') {
    if (currenciesDiffer(a, b)) return undefined;
    return a.currency === undefined ? b : a;
  }
  return sameType(a, b) ? a : undefined;
}

/** The source-language spelling of a type, for messages and hover: `Money (USD)`, `list of deals`. */
export function formatType(type: Type): string {
  switch (type.kind) {
    case 'Money':
      return type.currency === undefined ? 'Money' : `Money (${type.currency})`;
    case 'Record':
      return `record of ${type.source}`;
    case 'List':
      return type.of.kind === 'Record' ? `list of ${type.of.source}` : `list of ${formatType(type.of)}`;
    case 'Unknown':
      return 'unknown';
    default:
      return type.kind;
  }
}
