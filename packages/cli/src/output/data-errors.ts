/**
 * Data errors and rejected rows as text, one error per line, naming the file the row came from:
 * `data/deals.csv row 7 (D-0007): amount is "12O0", which is not a number`.
 */
import type { CalculationWarning, DataError, RejectedRecord } from '@attain/engine';
import type { DataOrigin } from '../data/load-data.js';

/**
 * One error as a line. For CSV files the engine's `deals row 7:` becomes `data/deals.csv row 7
 * (key):`; for a JSON file the file is put in front of the engine's reason.
 */
export function formatDataError(error: DataError, origin: DataOrigin): string {
  const file = origin.fileOf(error.source);
  const prefix = `${error.source} row ${error.row}: `;
  const key = error.key === undefined ? '' : ` (${error.key})`;
  if (origin.json) return `${file}: ${error.reason}${key}`;
  if (error.row !== undefined && error.reason.startsWith(prefix)) {
    return `${file} row ${error.row}${key}: ${error.reason.slice(prefix.length)}`;
  }
  return `${file}${key}: ${error.reason}`;
}

/** Every error of the rejected rows, one line each, in the engine's order (by file and row). */
export function formatRejected(rejected: readonly RejectedRecord[], origin: DataOrigin): string[] {
  return rejected.flatMap((record) => record.errors.map((error) => formatDataError(error, origin)));
}

/** A calculation warning as a line: `ae-001 2026-Q1: message`. */
export function formatWarning(warning: CalculationWarning): string {
  const who = [warning.payee, warning.period].filter((part) => part !== undefined).join(' ');
  return who === '' ? warning.message : `${who}: ${warning.message}`;
}
