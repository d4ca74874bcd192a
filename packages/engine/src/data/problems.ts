/**
 * Collects data errors row by row, and turns them into strict-mode errors or lenient-mode
 * rejected rows, in a stable order.
 */
import { compareOptionalText, compareText } from '../compare-text.js';
import type { DataError, DataErrorCode, RejectedRecord } from '../results/results.js';
import type { RawValue } from './dataset.js';
import { quoteAny } from './values.js';

/** Where a row is: its source (or dataset part), row and key. */
export interface RowAt {
  source: string;
  row: number;
  key?: string | undefined;
}

/** Builds one error; `what` is the rest of the sentence after the row (`amount is missing`). */
export function dataError(
  at: RowAt,
  code: DataErrorCode,
  field: string | undefined,
  what: string,
): DataError {
  const error: DataError = {
    source: at.source,
    row: at.row,
    code,
    reason: `${at.source} row ${at.row}: ${what}`,
  };
  if (at.key !== undefined) error.key = at.key;
  if (field !== undefined) error.field = field;
  return error;
}

/** An error about a field's value: `amount is "12O0", which is not a number`. */
export function valueError(
  at: RowAt,
  code: DataErrorCode,
  field: string,
  raw: RawValue | undefined,
  why: string,
): DataError {
  // `raw` comes from JSON data as well: a list or an object is named as such.
  return dataError(at, code, field, `${field} is ${quoteAny(raw)}, which ${why}`);
}

/** Errors of every row, keyed by source and row. */
export class Problems {
  private readonly rows = new Map<string, { at: RowAt; errors: DataError[] }>();
  private readonly sources = new Set<string>();

  add(at: RowAt, error: DataError): void {
    this.sources.add(at.source);
    const id = `${at.source}\u0000${at.row}`;
    const entry = this.rows.get(id);
    if (entry) {
      entry.errors.push(error);
      if (entry.at.key === undefined && at.key !== undefined) entry.at = at;
    } else this.rows.set(id, { at, errors: [error] });
  }

  /** True when the row has an error. */
  has(source: string, row: number): boolean {
    // Most datasets are clean: answer without building a key for every row.
    return this.rows.size > 0 && this.rows.has(`${source}\u0000${row}`);
  }

  /** True when some row of `source` has an error. */
  inSource(source: string): boolean {
    return this.sources.has(source);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Every error, by source, row, field and code. */
  errors(): DataError[] {
    return this.rejected().flatMap((r) => r.errors);
  }

  /** The rejected rows with their errors, by source and row. */
  rejected(): RejectedRecord[] {
    const list = [...this.rows.values()].map(({ at, errors }) => {
      const rejected: RejectedRecord = {
        source: at.source,
        row: at.row,
        errors: errors.slice().sort(byField),
      };
      if (at.key !== undefined) rejected.key = at.key;
      return rejected;
    });
    return list.sort((a, b) => compareText(a.source, b.source) || (a.row ?? 0) - (b.row ?? 0));
  }
}

function byField(a: DataError, b: DataError): number {
  return (
    compareOptionalText(a.field, b.field) || compareText(a.code, b.code) || compareText(a.reason, b.reason)
  );
}
