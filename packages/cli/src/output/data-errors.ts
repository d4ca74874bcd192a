/**
 * Data errors and rejected rows as text, one error per line, naming the file the row came from:
 * `data/deals.csv row 7 (D-0007): amount is "12O0", which is not a number`.
 */
import {
  type CalculationWarning,
  type DataError,
  PREVIOUS,
  type RejectedRecord,
  spelledOut,
} from '@attain/engine';
import type { DataOrigin } from '../data/load-data.js';
import { plural } from './plural.js';
import { visible } from './shown.js';

/**
 * The reason of an error as a CSV user reads it. The engine names a payee's plan assignment as
 * data.json writes it (`plans[0].to`); payees.csv writes the one assignment of a row in its `plan`,
 * `plan_from` and `plan_to` columns, so those are named instead.
 */
function csvReason(error: DataError): string {
  if (error.source !== 'payees' || error.field !== 'plans') return error.reason;
  return error.reason.replace(/plans\[0\]\.(plan|from|to)\b/g, (_, part: string) =>
    part === 'plan' ? 'plan' : `plan_${part}`,
  );
}

/**
 * One error as a line. For CSV files the engine's `deals row 7:` becomes `data/deals.csv row 7
 * (key):`; for a JSON file the file is put in front of the engine's reason.
 */
export function formatDataError(error: DataError, origin: DataOrigin): string {
  // The engine quotes every value of a reason cut and with its invisible characters written out
  // (its quoteAny); an id it names unquoted may still hold one, which a terminal would hide.
  return spelledOut(dataErrorLine(error, origin));
}

function dataErrorLine(error: DataError, origin: DataOrigin): string {
  const file = origin.fileOf(error.source);
  const prefix = `${error.source} row ${error.row}: `;
  const key = error.key === undefined ? '' : ` (${visible(error.key)})`;
  if (origin.json) return `${file}: ${error.reason}${key}`;
  const reason = csvReason(error);
  if (error.row !== undefined && reason.startsWith(prefix)) {
    return `${file} row ${error.row}${key}: ${reason.slice(prefix.length)}`;
  }
  return `${file}${key}: ${reason}`;
}

/** Every error of the rejected rows, one line each, in the engine's order (by file and row). */
export function formatRejected(rejected: readonly RejectedRecord[], origin: DataOrigin): string[] {
  return rejected.flatMap((record) => record.errors.map((error) => formatDataError(error, origin)));
}

/** A calculation warning as a line: `ae-001 2026-Q1: message`. */
export function formatWarning(warning: CalculationWarning): string {
  const who = [warning.payee, warning.period].filter((part) => part !== undefined).join(' ');
  // A payee id or a value in a warning comes from data: its control characters are written out.
  return spelledOut(who === '' ? warning.message : `${who}: ${warning.message}`, true);
}

/**
 * The line after the `count` data errors that stopped a run (`outcome`: nothing was `calculated`
 * or `compared`). They stop it with `--strict`, and in both modes when some are in the earlier
 * results (`previous`), which cannot be left out like a bad row.
 */
export function dataErrorsStopped(
  count: number,
  errors: readonly DataError[],
  outcome: 'calculated' | 'compared' | 'explained',
): string {
  const head = plural(count, 'data error');
  if (errors.some((error) => error.source === PREVIOUS)) {
    return (
      `${head}: nothing was ${outcome}. Errors in the earlier results (previous) stop a run ` +
      'with or without --strict: correct them and run again.'
    );
  }
  return (
    `${head} (--strict): nothing was ${outcome}. ` +
    'Without --strict the rows with errors are left out and the rest is calculated.'
  );
}
