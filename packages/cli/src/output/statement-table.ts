/**
 * The `table` format of `attain run`: a readable statement per payee and period (credits, quota,
 * attainment, earnings with their lines summarised, adjustments, payout, balances), then totals.
 * Amounts are right-aligned in one column across all statements; notes wrap to the width.
 *
 * A statement returned as reported (a closed period of a recalculation, paid by an earlier run)
 * says so after its period, `(as reported, paid earlier)`, and the totals leave it out: they add
 * up what this run pays.
 */
import type { AdjustmentLine, EarningLine, EarningResult, Results, Statement } from '@attain/engine';
import { compareDecimals, formatAmount, formatPercent, groupDigits, isZero, sumDecimals } from './numbers.js';
import { plural } from './plural.js';
import type { Style } from './style.js';
import { wrapList } from './wrap.js';

/** One row of a statement: a label, an amount (may be empty) and notes (joined by commas). */
interface Row {
  label: string;
  amount: string;
  notes: string[];
  /** Bold label and amount (the payout). */
  strong?: boolean;
}

/** Lines of an earning listed one by one up to this many; more are summarised. */
const listedLines = 3;

/** What the header of a statement returned as reported says after its period. */
const reportedNote = '(as reported, paid earlier)';

/** The part of a line id after `<earning>:` (the record key, `period`, `floor`...). */
function lineName(line: EarningLine): string {
  return line.record?.key ?? line.id.slice(line.id.indexOf(':') + 1);
}

function tiersOf(lines: readonly EarningLine[]): string {
  const tiers = [...new Set(lines.flatMap((line) => (line.tier === undefined ? [] : [line.tier])))].sort(
    (a, b) => a - b,
  );
  if (tiers.length === 0) return '';
  const first = tiers[0];
  const last = tiers[tiers.length - 1];
  return tiers.length === 1 ? `tier ${first}` : `tiers ${first}-${last}`;
}

/**
 * What hypothetical records would change: "estimate 500.00 more", or "estimate 1,000.00 less" when
 * they lower it (a deal that closes a gate, a negative amount), never "-1,000.00 more".
 */
function estimateNote(estimate: string): string {
  return estimate.startsWith('-')
    ? `estimate ${formatAmount(estimate.slice(1))} less`
    : `estimate ${formatAmount(estimate)} more`;
}

function earningNotes(earning: EarningResult): string[] {
  const notes: string[] = [];
  if (earning.gated) notes.push('gate closed');
  if (earning.capped) notes.push('capped');
  if (earning.floored) notes.push('floored');
  const lines = earning.lines.filter((line) => !line.estimate);
  const recordLines = lines.filter((line) => line.record !== undefined);
  if (recordLines.length > 0 && recordLines.length <= listedLines) {
    for (const line of lines) {
      const tier = line.tier === undefined ? '' : ` (tier ${line.tier})`;
      notes.push(`${lineName(line)} ${formatAmount(line.amount)}${tier}`);
    }
  } else if (recordLines.length > listedLines) {
    const largest = recordLines.reduce((best, line) =>
      compareDecimals(line.amount, best.amount) > 0 ? line : best,
    );
    const tiers = tiersOf(recordLines);
    notes.push(plural(recordLines.length, 'line'));
    if (tiers) notes.push(tiers);
    notes.push(`largest ${lineName(largest)} ${formatAmount(largest.amount)}`);
  }
  if (!isZero(earning.estimate)) notes.push(estimateNote(earning.estimate));
  return notes;
}

function adjustmentNotes(line: AdjustmentLine): string[] {
  const notes: string[] = [line.kind];
  if (line.kind === 'manual') notes.push(line.name);
  if (line.reason) notes.push(line.reason);
  else if (line.record?.key !== undefined) notes.push(line.record.key);
  return notes;
}

function statementRows(statement: Statement): Row[] {
  const rows: Row[] = [];
  statement.credits.forEach((credit, i) => {
    const records = credit.lines.filter((line) => !line.estimate).length;
    const notes = [plural(records, 'record')];
    if (credit.quotaCredit !== credit.total) notes.push(`quota credit ${formatAmount(credit.quotaCredit)}`);
    const roles = [...new Set(credit.lines.map((line) => line.role))].filter((role) => role !== 'owner');
    if (roles.length > 0) notes.push(`as ${roles.join(', ')}`);
    if (!isZero(credit.estimate)) notes.push(estimateNote(credit.estimate));
    rows.push({
      label: `${i === 0 ? 'Credits     ' : '            '}${credit.label ?? credit.name}`,
      amount: formatAmount(credit.total),
      notes,
    });
  });
  for (const quota of statement.quotas) {
    rows.push({
      label: `Quota       ${quota.label ?? quota.name}`,
      amount: formatAmount(quota.amount),
      notes: [],
    });
  }
  if (statement.attainment !== undefined) {
    rows.push({ label: 'Attainment', amount: formatPercent(statement.attainment), notes: [] });
  }
  rows.push({ label: 'Earnings', amount: '', notes: [] });
  for (const earning of statement.earnings) {
    rows.push({
      label: `  ${earning.label ?? earning.name}`,
      amount: formatAmount(earning.amount),
      notes: earningNotes(earning),
    });
  }
  rows.push({ label: 'Earned', amount: formatAmount(statement.earned), notes: [] });
  if (statement.adjustments.length > 0) {
    rows.push({ label: 'Adjustments', amount: '', notes: [] });
    for (const line of statement.adjustments) {
      rows.push({
        label: `  ${line.label ?? line.name}`,
        amount: formatAmount(line.amount),
        notes: adjustmentNotes(line),
      });
    }
  }
  rows.push({
    label: 'Payout',
    amount: formatAmount(statement.payout),
    notes: statement.reported ? [statement.currency, 'paid earlier'] : [statement.currency],
    strong: true,
  });
  // What hypothetical records dated in closed periods would correct there: in the estimate only,
  // and listed even when they and the period's own estimates cancel out.
  const estimated = statement.estimatedAdjustments ?? [];
  if (statement.estimatedPayout !== statement.payout || estimated.length > 0) {
    const notes = ['if the hypothetical records close'];
    rows.push({ label: 'Estimated payout', amount: formatAmount(statement.estimatedPayout), notes });
    for (const line of estimated) {
      const input = (name: string) => {
        const value = line.trace.inputs.find((i) => i.name === name)?.value;
        return typeof value === 'string' ? value : undefined;
      };
      // `in 2026-Q1`; `before 2026-Q2` when they change the line through the balances carried in.
      const period = input('period');
      const dated = input('hypothetical records dated') ?? (period ? `in ${period}` : undefined);
      const where = period && dated !== `in ${period}` ? `, on ${period}` : '';
      rows.push({
        label: `  ${line.label ?? line.name}`,
        amount: formatAmount(line.amount),
        notes: dated ? ['estimate', `hypothetical records dated ${dated}${where}`] : ['estimate'],
      });
    }
  }
  // Balances carried forward; a zero balance carries nothing.
  const balances = Object.entries(statement.balances)
    .filter(([, value]) => !isZero(value))
    .map(([name, value]) => `${name} ${formatAmount(value)}`);
  if (balances.length > 0) rows.push({ label: 'Balances', amount: '', notes: balances });
  if (statement.signals.length > 0) {
    const signals = statement.signals.map(
      (signal) =>
        `${signal.severity} ${signal.label ?? signal.name}${signal.records ? ` (${plural(signal.records.length, 'record')})` : ''}`,
    );
    rows.push({ label: 'Signals', amount: '', notes: signals });
  }
  return rows;
}

/** How {@link StatementTable.format} and {@link formatStatements} lay the table out. */
export interface TableOptions {
  /** The line width notes are wrapped to. */
  width: number;
  style: Style;
}

/** What the totals line adds up, statement by statement. */
interface Totals {
  /** Statements this run pays. */
  paid: number;
  /** Statements returned as reported, left out of the sums. */
  reported: number;
  /** Sums of the paid statements, as decimal strings (exact: see `sumDecimals`). */
  earned: string;
  adjustments: string;
  payout: string;
}

/** A statement as the table prints it: its header's parts and its rows. */
interface Entry {
  /** `Ada Lovelace (ae-1)`, printed in bold. */
  who: string;
  /** `2026-Q1 (2026-01-01 to 2026-03-31)`, and the reported note. */
  when: string;
  rows: Row[];
}

/**
 * The table built one statement at a time, as `calculate`'s `onStatement` hands them over: it
 * keeps each statement's header and laid-out rows (plain strings, a few per statement: an
 * earning's lines are summarised) and running totals, never the statement itself, whose credit
 * and earning lines are most of a large run's memory. The label and amount columns are as wide
 * as the widest of all statements, known only at the end: {@link format} lays the table out then.
 */
export class StatementTable {
  private readonly entries: Entry[] = [];
  private labelWidth = 24;
  private amountWidth = 12;
  private readonly totals: Totals = { paid: 0, reported: 0, earned: '0', adjustments: '0', payout: '0' };

  /** How many statements were added. */
  get count(): number {
    return this.entries.length;
  }

  /** Lays out one statement (statements are printed in the order added). */
  add(statement: Statement): void {
    const rows = statementRows(statement);
    for (const row of rows) {
      this.labelWidth = Math.max(this.labelWidth, row.label.length + 2);
      this.amountWidth = Math.max(this.amountWidth, row.amount.length);
    }
    const when = `${statement.period} (${statement.start} to ${statement.end})`;
    const reported = statement.reported ? `  ${reportedNote}` : '';
    this.entries.push({
      who: `${statement.payeeName} (${statement.payee})`,
      when: `${when}${reported}`,
      rows,
    });
    const totals = this.totals;
    if (statement.reported === true) {
      totals.reported++;
      return;
    }
    totals.paid++;
    totals.earned = sumDecimals([totals.earned, statement.earned]);
    totals.adjustments = sumDecimals([totals.adjustments, ...statement.adjustments.map((a) => a.amount)]);
    totals.payout = sumDecimals([totals.payout, statement.payout]);
  }

  /**
   * Every statement added as text, each followed by a blank line, then a totals line in
   * `currency` (the results' `meta.currency`).
   */
  format(currency: string, options: TableOptions): string {
    const { style } = options;
    const { labelWidth, amountWidth } = this;
    const out: string[] = [];
    for (const { who, when, rows } of this.entries) {
      out.push(`${style.bold(who)}  ${when}`);
      for (const row of rows) {
        let text = `  ${row.label.padEnd(labelWidth)}`;
        if (row.amount !== '') {
          const amount = row.amount.padStart(amountWidth);
          text += `${row.strong ? style.bold(amount) : amount}${row.notes.length > 0 ? '   ' : ''}`;
        }
        // Notes wrap below themselves; without an amount they start in the amount column.
        const used = 2 + labelWidth + (row.amount === '' ? 0 : amountWidth + 3);
        const notes = wrapList(row.notes, used, ' '.repeat(used), options.width);
        out.push(row.notes.length > 0 ? `${text}${style.dim(notes)}` : text.trimEnd());
      }
      out.push('');
    }
    out.push(totalsLine(this.totals, currency, style));
    return `${out.join('\n')}\n`;
  }
}

/**
 * Every statement of the results as text, each followed by a blank line, then a totals line (a
 * {@link StatementTable} of `results.statements`).
 */
export function formatStatements(results: Results, options: TableOptions): string {
  const table = new StatementTable();
  for (const statement of results.statements) table.add(statement);
  return table.format(results.meta.currency, options);
}

/**
 * `Total of 48 statements: earned 1,234.00, adjustments -12.00, payout 1,222.00 USD`: the
 * statements this run pays. When it returns some as reported, the line says it leaves them out:
 * `Total of 38 statements paid by this run (not counting 38 as reported, paid earlier): …`.
 */
function totalsLine(totals: Totals, currency: string, style: Style): string {
  const { paid, reported } = totals;
  const count = (n: number) => groupDigits(String(n));
  const what = `${count(paid)} ${paid === 1 ? 'statement' : 'statements'}`;
  const which =
    reported === 0
      ? what
      : `${what} paid by this run (not counting ${count(reported)} as reported, paid earlier)`;
  return style.bold(
    `Total of ${which}: earned ${formatAmount(totals.earned)}, ` +
      `adjustments ${formatAmount(totals.adjustments)}, payout ${formatAmount(totals.payout)} ${currency}`,
  );
}
