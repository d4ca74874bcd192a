/**
 * The payee's history as the payout stage sees it: the statements of earlier runs (`previous`),
 * overlaid by the statements of this run as they are paid, period by period. It answers two
 * questions: what balances were carried into a period, and what every record was paid so far.
 */
import { compareText } from '../compare-text.js';
import type { Dec } from '../decimal.js';
import type { EarningLine, EarningResult, RecordRef, Statement } from '../results/results.js';
import { amountOf } from './money.js';

/** An earning line paid on a record, with the period it was paid in. */
export interface PaidLine {
  period: string;
  earning: EarningResult;
  line: EarningLine;
}

/** The key of a record in indexes: source and key, or source and row when it has no key. */
export function recordKey(ref: RecordRef): string {
  return ref.key !== undefined ? `${ref.source}\u0000k${ref.key}` : `${ref.source}\u0000r${ref.row ?? ''}`;
}

interface Entry {
  statement: Statement;
  /** Lines by record, built on first use. */
  lines: Map<string, PaidLine[]> | undefined;
}

/** Statements of one payee by period, earlier runs overlaid by this run. */
export class Ledger {
  private readonly entries = new Map<string, Entry>();
  private ordered: Entry[] | undefined;

  /** `previous`: the payee's statements in the results of earlier runs (any order). */
  constructor(previous: readonly Statement[]) {
    for (const statement of previous) this.entries.set(statement.period, { statement, lines: undefined });
  }

  /** Records a statement of this run, replacing an earlier run's statement of the same period. */
  add(statement: Statement): void {
    this.entries.set(statement.period, { statement, lines: undefined });
    this.ordered = undefined;
  }

  private inOrder(): Entry[] {
    this.ordered ??= [...this.entries.values()].sort((a, b) =>
      compareText(a.statement.start, b.statement.start),
    );
    return this.ordered;
  }

  /**
   * The balances carried into a period starting on `start` (`YYYY-MM-DD`): those of the latest
   * statement ending before it, and that statement's period (`undefined` when there is none).
   */
  opening(start: string): { from: string | undefined; balances: Map<string, Dec> } {
    let latest: Statement | undefined;
    for (const { statement } of this.inOrder()) if (statement.end < start) latest = statement;
    const balances = new Map<string, Dec>();
    if (latest)
      for (const [name, value] of Object.entries(latest.balances)) balances.set(name, amountOf(value));
    return { from: latest?.period, balances };
  }

  /** The keys ({@link recordKey}) of the records with earning lines paid in periods starting on or before `start`. */
  recordsPaid(start: string): Set<string> {
    const keys = new Set<string>();
    for (const entry of this.inOrder()) {
      if (entry.statement.start > start) break;
      entry.lines ??= indexLines(entry.statement);
      for (const key of entry.lines.keys()) keys.add(key);
    }
    return keys;
  }

  /** Every earning line (not an estimate) paid on `record` in periods starting on or before `start`, oldest first. */
  linesOn(record: RecordRef, start: string): PaidLine[] {
    const key = recordKey(record);
    const result: PaidLine[] = [];
    for (const entry of this.inOrder()) {
      if (entry.statement.start > start) break;
      entry.lines ??= indexLines(entry.statement);
      const lines = entry.lines.get(key);
      if (lines) result.push(...lines);
    }
    return result;
  }
}

function indexLines(statement: Statement): Map<string, PaidLine[]> {
  const index = new Map<string, PaidLine[]>();
  for (const earning of statement.earnings) {
    for (const line of earning.lines) {
      if (!line.record || line.estimate) continue;
      const key = recordKey(line.record);
      const paid: PaidLine = { period: statement.period, earning, line };
      const list = index.get(key);
      if (list) list.push(paid);
      else index.set(key, [paid]);
    }
  }
  return index;
}
