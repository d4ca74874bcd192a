/**
 * A compact table of results, one line per statement (payee, period, attainment, earned,
 * adjustments, payout) and a totals line, as `attain demo` prints it. Amounts keep the decimals
 * the plan left them (an earning rounded only at payout may show `2,953.125`), so that earned
 * plus adjustments, as printed, is the exact sum the payout comes from. In a plan that rounds at
 * payout the payout is that sum rounded, so the columns do not add up to it to the last digit:
 * `85,153.125 + 882.00` pays `86,035.12` (half to even), `6,824.666592 - 900.00` pays `5,925.00`
 * (up to whole units).
 */

import type { Results } from '@attain/engine';
import { alignColumns } from './columns.js';
import { formatAmount, formatPercent, sumDecimals } from './numbers.js';

/** Names longer than this are cut, so that a line stays within a terminal's width. */
const nameWidth = 22;

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The lines of the summary, without indentation or line ends. */
export function summaryLines(results: Results): string[] {
  const { statements } = results;
  const multiplePeriods = results.meta.periods.length > 1;
  const rows = statements.map((s) => [
    s.payee,
    cut(s.payeeName, nameWidth),
    ...(multiplePeriods ? [s.period] : []),
    s.attainment === undefined ? '-' : formatPercent(s.attainment),
    formatAmount(s.earned),
    formatAmount(sumDecimals(s.adjustments.map((a) => a.amount))),
    formatAmount(s.payout),
  ]);
  const total = (values: string[]) => formatAmount(sumDecimals(values));
  const totals = [
    'total',
    '',
    ...(multiplePeriods ? [''] : []),
    '',
    total(statements.map((s) => s.earned)),
    total(statements.flatMap((s) => s.adjustments.map((a) => a.amount))),
    `${total(statements.map((s) => s.payout))}`,
  ];
  const header = [
    'payee',
    'name',
    ...(multiplePeriods ? ['period'] : []),
    'attainment',
    'earned',
    'adjustments',
    'payout',
  ];
  const table = [header, ...rows, totals];
  const lines = alignColumns(table, { left: multiplePeriods ? 3 : 2 });
  lines[lines.length - 1] = `${lines[lines.length - 1]} ${results.meta.currency}`;
  return lines;
}
