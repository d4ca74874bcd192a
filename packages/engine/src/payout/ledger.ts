/**
 * The payee's history as the payout stage sees it: the statements of earlier runs (`previous`),
 * overlaid by the statements of this run as they are paid, period by period. It answers three
 * questions: what balances were carried into a period, what every record was paid so far, and how
 * much of a `paid year to date` earning's amount pays corrections of closed periods.
 *
 * What a record was paid counts the recalculation lines that corrected its lines: a recalculation
 * line of an earning names, in its trace, its change on each record (`recalc/amounts.ts`), and a
 * clawback takes back the record's lines and those changes alike. A correction counts while the
 * period it corrects is as reported; once this run calculates that period again, its new lines
 * already hold it.
 */
import { compareText } from '../compare-text.js';
import type { Dec } from '../decimal.js';
import { correctionsIn, earningKey, Reported, recordChanges } from '../recalc/amounts.js';
import { YearToDate, type YearToDateScope } from '../recalc/year-to-date.js';
import type { EarningLine, EarningResult, RecordRef, Statement } from '../results/results.js';
import { amountOf } from './money.js';

/**
 * An amount paid on a record, with the period it was paid in: an earning line, or the change a
 * recalculation line made on the record (`line` is then that change, with the recalculation
 * line's id, trace and record).
 */
export interface PaidLine {
  period: string;
  earning: Pick<EarningResult, 'name'>;
  line: EarningLine;
}

/** The key of a record in indexes: source and key, or source and row when it has no key. */
export function recordKey(ref: RecordRef): string {
  return ref.key !== undefined ? `${ref.source}\u0000k${ref.key}` : `${ref.source}\u0000r${ref.row ?? ''}`;
}

interface Entry {
  statement: Statement;
  /** True while the statement is the one of the earlier results (this run has not replaced it). */
  reported: boolean;
  /** Lines by record, built on first use. */
  lines: Map<string, PaidLine[]> | undefined;
}

/** A change on a record paid by a recalculation line of an earlier run. */
interface RecordCorrection {
  /** The period corrected. */
  period: string;
  paid: PaidLine;
}

const NONE: ReadonlyMap<string, Dec> = new Map();

/** Statements of one payee by period, earlier runs overlaid by this run. */
export class Ledger {
  private readonly entries = new Map<string, Entry>();
  private ordered: Entry[] | undefined;
  /** Changes on records paid by recalculation lines, by record key, then by the period that paid them. */
  private readonly corrections = new Map<string, Map<string, RecordCorrection[]>>();
  private readonly yearToDate: YearToDate | undefined;

  /**
   * `previous`: the payee's statements in the results of earlier runs (any order). `scope`: the
   * run's `paid year to date` earnings and fiscal years; without it no amount counts as absorbed.
   */
  constructor(previous: readonly Statement[], scope?: YearToDateScope) {
    for (const statement of previous)
      this.entries.set(statement.period, { statement, reported: true, lines: undefined });
    for (const c of correctionsIn(previous)) {
      if (!c.key.startsWith(earningKey(''))) continue;
      const name = c.key.slice(earningKey('').length);
      for (const change of recordChanges(c.line)) {
        const line: EarningLine = {
          id: c.line.id,
          record: change.record,
          amount: change.text,
          trace: c.line.trace,
        };
        const key = recordKey(change.record);
        let byPeriod = this.corrections.get(key);
        if (!byPeriod) {
          byPeriod = new Map();
          this.corrections.set(key, byPeriod);
        }
        const list = byPeriod.get(c.paidIn) ?? [];
        list.push({ period: c.period, paid: { period: c.paidIn, earning: { name }, line } });
        byPeriod.set(c.paidIn, list);
      }
    }
    if (scope && scope.yearToDate.size > 0) this.yearToDate = new YearToDate(new Reported(previous), scope);
  }

  /** Records a statement of this run, replacing an earlier run's statement of the same period. */
  add(statement: Statement): void {
    this.entries.set(statement.period, { statement, reported: false, lines: undefined });
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

  /** The changes on `key`'s record paid in `period` that count: those of periods still as reported. */
  private correctionsPaidIn(key: string, period: string): PaidLine[] {
    const list = this.corrections.get(key)?.get(period);
    if (!list) return [];
    return list.filter((c) => this.entries.get(c.period)?.reported !== false).map((c) => c.paid);
  }

  /** The keys ({@link recordKey}) of the records paid something in periods starting on or before `start`. */
  recordsPaid(start: string): Set<string> {
    const keys = new Set<string>();
    for (const entry of this.inOrder()) {
      if (entry.statement.start > start) break;
      entry.lines ??= indexLines(entry.statement);
      for (const key of entry.lines.keys()) keys.add(key);
    }
    for (const [key, byPeriod] of this.corrections) {
      if (keys.has(key)) continue;
      for (const period of byPeriod.keys()) {
        const paidIn = this.entries.get(period)?.statement;
        if (paidIn && paidIn.start <= start && this.correctionsPaidIn(key, period).length > 0) keys.add(key);
      }
    }
    return keys;
  }

  /**
   * What was paid on `record` in periods starting on or before `start`, oldest first: every earning
   * line (not an estimate), and the changes recalculation lines made on it.
   */
  linesOn(record: RecordRef, start: string): PaidLine[] {
    const key = recordKey(record);
    const result: PaidLine[] = [];
    for (const entry of this.inOrder()) {
      if (entry.statement.start > start) break;
      entry.lines ??= indexLines(entry.statement);
      const lines = entry.lines.get(key);
      if (lines) result.push(...lines);
      result.push(...this.correctionsPaidIn(key, entry.statement.period));
    }
    return result;
  }

  /**
   * The part of each `paid year to date` earning of `statement` (a statement of this run, given in
   * period order) that pays corrections of closed periods, by earning id (`recalc/year-to-date.ts`).
   */
  absorbed(statement: Statement): ReadonlyMap<string, Dec> {
    return this.yearToDate?.absorbed(statement) ?? NONE;
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
