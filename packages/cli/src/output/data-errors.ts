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
  // The engine quotes values as JSON, which leaves DEL, C1 controls and zero-width or directional
  // characters as they are: a terminal would hide them (`owner is "ae-1"` for "ae-1\u200B").
  return spelledOut(cutQuoted(dataErrorLine(error, origin)));
}

/** How many characters of a quoted value the engine's messages keep (its `quoteAny`). */
const QUOTED_VALUE = 100;

/**
 * `text` with every text in double quotes (as the engine quotes values, in JSON) longer than
 * {@link QUOTED_VALUE} characters cut there, with its length, as the engine cuts the values of
 * data errors: `"xxxx…" (4,000 characters)`. Some of its messages (an unknown manager, the plan
 * of earlier results) quote a value whole; a line of the CLI never does.
 */
export function cutQuoted(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"/g, (quoted) => {
    let value: unknown;
    try {
      value = JSON.parse(quoted);
    } catch {
      return quoted;
    }
    if (typeof value !== 'string' || value.length <= QUOTED_VALUE) return quoted;
    const cut = JSON.stringify(value.slice(0, QUOTED_VALUE)).slice(0, -1);
    return `${cut}…" (${value.length.toLocaleString('en-US')} characters)`;
  });
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
  return spelledOut(cutQuoted(who === '' ? warning.message : `${who}: ${warning.message}`), true);
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
