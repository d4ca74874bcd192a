/**
 * Collects data errors row by row, and turns them into strict-mode errors or lenient-mode
 * rejected rows, in a stable order.
 */
import { compareOptionalText, compareText } from '../compare-text.js';
import type { DataError, DataErrorCode, RejectedRecord } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import type { RawValue } from './dataset.js';

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

/**
 * How many other rows (or positions) an error about entries that share a key or a row names; the
 * rest are counted, so that a value shared by a million rows gives a million short errors.
 */
export const OTHERS_NAMED = 5;

/**
 * The numbers of `sorted` (rising, `self` among them) but `self`, as an error names them: `3`,
 * `3, 7` (`3 and 7` with `join` ` and `), or the first {@link OTHERS_NAMED} and how many more
 * (`2, 3, 4, 5, 6 and 9,994 more`). Reads no more than {@link OTHERS_NAMED} + 1 of them.
 */
export function otherNumbers(sorted: readonly number[], self: number, join = ', '): string {
  const shown: number[] = [];
  let skipped = false;
  for (let i = 0; i < sorted.length && shown.length < OTHERS_NAMED; i++) {
    if (sorted[i] === self && !skipped) skipped = true;
    else shown.push(sorted[i] as number);
  }
  const more = sorted.length - 1 - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more.toLocaleString('en-US')} more`;
  if (join === ', ' || shown.length < 2) return shown.join(', ');
  return `${shown.slice(0, -1).join(', ')}${join}${shown[shown.length - 1]}`;
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
