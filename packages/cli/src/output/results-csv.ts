/**
 * The `csv` format of `attain run`, for spreadsheets and payroll imports: per statement, one row
 * per earning line, one per adjustment line (draw, holdback, clawback, manual, recalculation...)
 * and one for the payout, which is what payroll pays; `kind` tells them apart. Amounts are the
 * engine's exact decimal strings. Lines of hypothetical records say `yes` in the `estimate`
 * column: they are never earned, and the payout leaves them out. When hypothetical records
 * would change it, an `estimated-payout` row follows the payout.
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

/** A cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvCell(text: string): string {
  return needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header row of the CSV output. */
export const csvHeader = `${csvColumns.join(',')}\n`;

/** The CSV rows of one statement: its earning lines, its adjustment lines and its payout. */
export function csvRows(statement: Statement): string {
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
  rows.push(`${head}payout,,,,${statement.payout}${tail}\n`);
  if (compareDecimals(statement.estimatedPayout, statement.payout) !== 0)
    rows.push(`${head}estimated-payout,,,,${statement.estimatedPayout}${tail}yes\n`);
  return rows.join('');
}
