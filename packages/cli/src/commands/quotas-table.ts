/**
 * The tables of `attain quotas`: the allocation as an indented hierarchy (with capacity columns
 * when a capacity file is given) and the quotas by period of each quota carrier.
 */

import type { CapacityGap, PlanningProblem, QuotaAllocation } from '@attain/engine';
import { columnText } from '../output/columns.js';
import { formatAmount, formatPercent, sumDecimals } from '../output/numbers.js';
import type { PayeeSpread } from './quotas.js';

const amount = (text: string | undefined, decimals: number) =>
  text === undefined ? '' : formatAmount(text, decimals, decimals);

/** The allocation as an indented hierarchy, with capacity columns when there are any. */
export function allocationTable(allocation: QuotaAllocation, gap: CapacityGap | undefined): string {
  const { decimals } = allocation;
  const rows = gap ? new Map(gap.nodes.map((row) => [row.id, row])) : undefined;
  const header = ['name', 'id', 'role', 'share', 'quota', 'own quota', 'handed down'];
  if (rows) header.push('capacity', 'gap', 'gap %');
  const lines = [header];
  for (const node of allocation.nodes) {
    const line = [
      `${'  '.repeat(node.level)}${node.name}`,
      node.id,
      node.role ?? '',
      formatPercent(node.share),
      amount(node.quota, decimals),
      amount(node.own, decimals),
      amount(node.assigned, decimals),
    ];
    const row = rows?.get(node.id);
    if (row) {
      line.push(amount(row.capacity, decimals), amount(row.gap, decimals));
      line.push(row.gapPercent === null ? '-' : formatPercent(row.gapPercent));
    }
    lines.push(line);
  }
  return columnText(lines, { left: [0, 1, 2] });
}

/** One row per quota carrier, one column per period, the year, and a note (hire and leave dates). */
export function spreadTable(
  payees: readonly PayeeSpread[],
  notes: ReadonlyMap<string, string>,
  decimals: number,
): string {
  const periods = payees.find((p) => p.periods.length > 0)?.periods.map((p) => p.period) ?? [];
  const lines = [['payee', 'id', ...periods, 'year', '']];
  for (const payee of payees) {
    lines.push([
      payee.name,
      payee.id,
      ...payee.periods.map((p) => amount(p.amount, decimals)),
      amount(payee.total, decimals),
      notes.get(payee.id) ?? '',
    ]);
  }
  const column = (i: number) => sumDecimals(payees.map((p) => p.periods[i]?.amount ?? '0'));
  lines.push([
    'total',
    '',
    ...periods.map((_, i) => amount(column(i), decimals)),
    amount(sumDecimals(payees.map((p) => p.total)), decimals),
    '',
  ]);
  return columnText(lines, { left: [0, 1, periods.length + 3] });
}

/** `error cycle (a, hierarchy.csv row 3, column parent): ...`: the node, and where it is when known. */
export function formatProblem(problem: PlanningProblem, location?: string): string {
  const parts = [problem.node, location].filter((part) => part !== undefined && part !== '');
  const where = parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  return `${problem.severity} ${problem.code}${where}: ${problem.reason}`;
}

/** The title line of the allocation table. */
export function allocationTitle(
  allocation: QuotaAllocation,
  overAssignment: Readonly<Record<string, string>>,
): string {
  const over = Object.entries(overAssignment).map(([key, pct]) => `${key} ${pct}`);
  const target = formatAmount(allocation.target, allocation.decimals, allocation.decimals);
  const overText = over.length > 0 ? `, over-assignment ${over.join(', ')}` : '';
  return `Quota allocation: target ${target}, weights ${allocation.weights}${overText}`;
}
