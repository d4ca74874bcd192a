/**
 * The `csv` format of `attain run`: one row per earning line, for spreadsheets and payroll
 * imports. Amounts are the engine's exact decimal strings. Lines of hypothetical records say
 * `yes` in the `estimate` column: they are never earned.
 */
import type { Statement } from '@attain/engine';

/** The header of the CSV output. */
const csvColumns = [
  'payee',
  'period',
  'earning',
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

/** The CSV rows of one statement: one per earning line. */
export function csvRows(statement: Statement): string {
  const rows: string[] = [];
  // The cells shared by every line of a statement (or earning) are quoted once.
  const head = `${csvCell(statement.payee)},${csvCell(statement.period)},`;
  const tail = `,${csvCell(statement.currency)},`;
  for (const earning of statement.earnings) {
    const prefix = `${head}${csvCell(earning.id)},`;
    // Amounts are decimal strings (digits, a point, a sign): never quoted.
    for (const line of earning.lines) {
      const record = line.record?.key ?? (line.record?.row === undefined ? '' : `row ${line.record.row}`);
      const estimate = line.estimate ? 'yes' : '';
      rows.push(`${prefix}${csvCell(line.id)},${csvCell(record)},${line.amount}${tail}${estimate}\n`);
    }
  }
  return rows.join('');
}
