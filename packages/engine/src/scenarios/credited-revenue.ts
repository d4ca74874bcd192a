/**
 * Credited revenue: what the payees of one side were credited with, each record counted once, so
 * that cost of sales (payout ÷ credited revenue) does not shrink when a deal also credits managers
 * or a territory team.
 *
 * It reads each statement's headline credit: the first credit named among the inputs of the
 * headline attainment measure (`bookings` in `bookings / bookings_quota`), else the statement's
 * first credit. Its lines (hypothetical records left out) are grouped by period and record; a
 * record's value is the sum of its `owner` and `split` lines, which add up to its credited value,
 * or, when it has none (roll-up, territory and overlay credit give every recipient the full
 * amount), the amount of its largest line.
 */
import { compareDec } from '../decimal.js';
import type { CreditLine, CreditResult, Statement } from '../results/results.js';
import { type Amount, amountOf, NO_AMOUNT, sumAmounts } from './amounts.js';
import { headlineMeasure } from './attainment.js';

/** The statement's headline credit, or `undefined` when it has no credit. */
export function headlineCredit(statement: Statement): CreditResult | undefined {
  const inputs = headlineMeasure(statement)?.trace.inputs ?? [];
  for (const input of inputs) {
    const credit = statement.credits.find((c) => c.name === input.name);
    if (credit) return credit;
  }
  return statement.credits[0];
}

/** The credited value of one record, from the lines of every payee it credits. */
function recordValue(lines: readonly CreditLine[]): Amount {
  const full = lines.filter((l) => l.role === 'owner' || l.role === 'split');
  if (full.length > 0) return sumAmounts(full.map((l) => amountOf(l.amount)));
  let largest = NO_AMOUNT;
  for (const line of lines) {
    const amount = amountOf(line.amount);
    const size = compareDec(amount.value.abs(), largest.value.abs());
    if (largest === NO_AMOUNT || size > 0 || (size === 0 && amount.value.gt(largest.value))) largest = amount;
  }
  return largest;
}

/** The credited revenue of a side's statements, each record counted once per period. */
export function creditedRevenue(statements: readonly Statement[]): Amount {
  const records = new Map<string, CreditLine[]>();
  for (const statement of statements) {
    const credit = headlineCredit(statement);
    if (credit === undefined) continue;
    for (const line of credit.lines) {
      if (line.estimate) continue;
      const { source, key, row } = line.record;
      const id = JSON.stringify([
        statement.period,
        credit.name,
        source,
        key ?? null,
        key === undefined ? (row ?? null) : null,
      ]);
      const list = records.get(id);
      if (list) list.push(line);
      else records.set(id, [line]);
    }
  }
  // Summed in a fixed order (by record), so the result does not depend on the order of the payees.
  const ids = [...records.keys()].sort();
  return sumAmounts(ids.map((id) => recordValue(records.get(id) ?? [])));
}
