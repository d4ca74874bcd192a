/**
 * The `csv` format of `attain run`, for spreadsheets and payroll imports: per statement, one row
 * per earning line, one per adjustment line (draw, holdback, clawback, manual, recalculation...)
 * and one for the payout, which is what payroll pays; `kind` tells them apart. Amounts are the
 * engine's exact decimal strings. Lines of hypothetical records say `yes` in the `estimate`
 * column: they are never earned, and the payout leaves them out, as it leaves out the estimated
 * corrections of closed periods (`recalculation` rows with `yes`: what hypothetical records dated
 * there would change). When hypothetical records would change it, an `estimated-payout` row
 * follows the payout.
 *
 * A statement returned as reported (`reported: true`: a closed period of a recalculation, paid by
 * an earlier run) has no rows: a payroll import takes every `payout` row, and would pay it again.
 * What changed in it is paid by the recalculation rows of the current period.
 *
 * Text cells that a spreadsheet would read as a formula (`=HYPERLINK(…)` as a payee id) start
 * with a `'`, which makes them text (CSV injection); amounts never do.
 */
import type { Statement } from '@attain/engine';
import { compareDecimals } from './numbers.js';

/** The header of the CSV output. */
const csvColumns = [
  'payee',
  'period',
  'kind',
  'name',
  'line',
  'record',
  'amount',
  'currency',
  'estimate',
] as const;
/** True when a cell holds a comma, a quote or a line break (a scan: cheaper than a regex per cell). */
function needsQuotes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/** A negative number, which a spreadsheet reads as one (`-5`, `-0.25`): not a formula. */
const negativeNumber = /^-(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * True when a spreadsheet opening the file would read the text as a formula: it starts with `=`,
 * `+`, `@`, a tab or a carriage return, or with `-` and is not a number.
 */
function formulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 61 || c === 43 || c === 64 || c === 9 || c === 13) return true;
  return c === 45 && !negativeNumber.test(text);
}

/**
 * A text cell: with a leading `'` when a spreadsheet would read it as a formula (the usual guard
 * against CSV injection), and quoted when it holds a comma, a quote or a line break (RFC 4180).
 * Amounts do not go through it: they stay numbers.
 */
function csvCell(cell: string): string {
  const text = formulaLike(cell) ? `'${cell}` : cell;
  return needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header row of the CSV output. */
export const csvHeader = `${csvColumns.join(',')}\n`;

/**
 * The CSV rows of one statement: its earning lines, its adjustment lines and its payout; none for
 * a statement returned as reported (paid by an earlier run).
 */
export function csvRows(statement: Statement): string {
  if (statement.reported === true) return '';
  const rows: string[] = [];
  // The cells shared by every line of a statement (or earning) are quoted once.
  const head = `${csvCell(statement.payee)},${csvCell(statement.period)},`;
  const tail = `,${csvCell(statement.currency)},`;
  const recordOf = (line: { record?: { key?: string; row?: number } }) =>
    line.record?.key ?? (line.record?.row === undefined ? '' : `row ${line.record.row}`);
  for (const earning of statement.earnings) {
    const prefix = `${head}earning,${csvCell(earning.id)},`;
    // Amounts are decimal strings (digits, a point, a sign): never quoted.
    for (const line of earning.lines) {
      const estimate = line.estimate ? 'yes' : '';
      rows.push(`${prefix}${csvCell(line.id)},${csvCell(recordOf(line))},${line.amount}${tail}${estimate}\n`);
    }
  }
  for (const line of statement.adjustments) {
    rows.push(
      `${head}${line.kind},${csvCell(line.name)},${csvCell(line.id)},${csvCell(recordOf(line))},${line.amount}${tail}\n`,
    );
  }
  // Estimated corrections of closed periods (hypothetical records dated there): never paid.
  for (const line of statement.estimatedAdjustments ?? []) {
    rows.push(
      `${head}${line.kind},${csvCell(line.name)},${csvCell(line.id)},${csvCell(recordOf(line))},${line.amount}${tail}yes\n`,
    );
  }
  rows.push(`${head}payout,,,,${statement.payout}${tail}\n`);
  if (compareDecimals(statement.estimatedPayout, statement.payout) !== 0)
    rows.push(`${head}estimated-payout,,,,${statement.estimatedPayout}${tail}yes\n`);
  return rows.join('');
}
