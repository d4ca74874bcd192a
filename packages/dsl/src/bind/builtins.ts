/**
 * The names the language provides without a declaration, besides the functions (whose catalogue
 * is check/builtins.ts): the built-in payee attributes, the fields of the current period, and the
 * `credited` and `quota_credited` fields of every credit. Each carries the documentation shown in hover and completion.
 */
import type { TypeName } from '../syntax/ast.js';

/** A built-in field or attribute with a fixed type. */
export interface BuiltinField {
  name: string;
  type: TypeName;
  doc: string;
  /** For the fields of credits: what the field is, in a few words (said when a source takes its name). */
  meaning?: string;
}

/** Attributes every payee has without declaring them. */
export const payeeBuiltins: readonly BuiltinField[] = [
  { name: 'id', type: 'Text', doc: 'The payee’s identifier.' },
  { name: 'name', type: 'Text', doc: 'The payee’s name.' },
  { name: 'manager', type: 'Payee', doc: 'The payee’s manager in the hierarchy.' },
];

/** Fields of the current period (`period.start`, `period.end`). */
export const periodBuiltins: readonly BuiltinField[] = [
  { name: 'start', type: 'Date', doc: 'The first day of the current period.' },
  { name: 'end', type: 'Date', doc: 'The last day of the current period.' },
];

/** The fields every credit adds to its source's fields; no source may declare a field of these names (AT2009). */
export const creditFields: readonly BuiltinField[] = [
  {
    name: 'credited',
    type: 'Money',
    doc: 'The amount this credit gives the payee for the record (after shares), overlay credit included.',
    meaning: 'the amount the credit gives the payee for a record',
  },
  {
    name: 'quota_credited',
    type: 'Money',
    doc: 'The part of `credited` that counts toward quota: the same amount, but 0 for overlay credit.',
    meaning: 'the part of `credited` that counts toward quota',
  },
];
