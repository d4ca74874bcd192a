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
import { type Dec, ZERO } from '../decimal.js';
import {
  ABSORBS,
  adjustmentKey,
  correctionsIn,
  earningKey,
  Reported,
  recordChanges,
} from '../recalc/amounts.js';
import { YearToDate, type YearToDateScope } from '../recalc/year-to-date.js';
import type { EarningLine, EarningResult, RecordRef, Statement, TraceInput } from '../results/results.js';
import { fixed } from '../round/round.js';
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
const ADJUSTMENT = adjustmentKey('');

/**
 * The balance an adjustment line moves, from its id, and how: `1` when the balance moves by the
 * line's amount (`draw:<name>`, `draw-recovery:<name>`), `-1` when against it (`holdback:<name>`,
 * `holdback-release:<name>`). `undefined` for other lines (a true-up line pays nothing).
 */
function balanceOfLine(id: string): { name: string; sign: 1 | -1 } | undefined {
  const match = /^(draw|draw-recovery|holdback|holdback-release):([^:]+)$/.exec(id);
  if (!match) return undefined;
  const [, kind, name] = match;
  return kind === 'draw' || kind === 'draw-recovery'
    ? { name: `draw:${name}`, sign: 1 }
    : { name: `holdback:${name}`, sign: -1 };
}

/** Statements of one payee by period, earlier runs overlaid by this run. */
export class Ledger {
  private readonly entries = new Map<string, Entry>();
  private ordered: Entry[] | undefined;
  /**
   * Changes on records paid by recalculation lines, by record key, then by the period they
   * correct (not the one that paid them: a Q1 correction paid in Q3 was paid on the record for Q1,
   * and counts for a clawback of Q2 worked out again without Q3).
   */
  private readonly corrections = new Map<string, Map<string, RecordCorrection[]>>();
  private readonly yearToDate: YearToDate | undefined;
  /** Corrections of adjustment lines paid by recalculation lines of earlier results, by the period corrected. */
  private readonly balanceFixes = new Map<string, { id: string; amount: Dec }[]>();

  /**
   * `previous`: the payee's statements in the results of earlier runs (any order). `scope`: the
   * run's `paid year to date` earnings and fiscal years; without it no amount counts as absorbed.
   * `trueUps`: the draw balances (`draw:<name>`) a year-end true-up forgives at the end of a
   * period (see {@link correctedBalances}); without it, only a reported true-up line forgives.
   */
  constructor(
    previous: readonly Statement[],
    scope?: YearToDateScope,
    private readonly trueUps?: (period: string) => ReadonlySet<string>,
  ) {
    for (const statement of previous)
      this.entries.set(statement.period, { statement, reported: true, lines: undefined });
    for (const c of correctionsIn(previous)) {
      if (c.key.startsWith(ADJUSTMENT)) {
        const list = this.balanceFixes.get(c.period) ?? [];
        list.push({ id: c.key.slice(ADJUSTMENT.length), amount: c.amount });
        this.balanceFixes.set(c.period, list);
      }
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
        const list = byPeriod.get(c.period) ?? [];
        list.push({ period: c.period, paid: { period: c.paidIn, earning: { name }, line } });
        byPeriod.set(c.period, list);
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
   * A statement of the earlier results carries its balances as corrected since (see
   * {@link correctedBalances}).
   */
  opening(start: string): { from: string | undefined; balances: Map<string, Dec> } {
    let latest: Entry | undefined;
    for (const entry of this.inOrder()) if (entry.statement.end < start) latest = entry;
    if (!latest) return { from: undefined, balances: new Map() };
    return { from: latest.statement.period, balances: this.correctedBalances(latest.statement) };
  }

  /**
   * The balances carried out of the ledger's statement of `period`: this run's, else the earlier
   * results' as corrected since (`undefined` when the ledger has no statement of it).
   */
  balancesAfter(period: string): Map<string, Dec> | undefined {
    const entry = this.entries.get(period);
    return entry ? this.correctedBalances(entry.statement) : undefined;
  }

  /**
   * The balances carried out of `statement` as corrected since it was reported. A reported
   * statement's balances are its opening balances moved by its draw and holdback lines (a draw or
   * draw-recovery line adds its amount to the draw's balance, a holdback or release line takes it
   * off the holdback's). Recalculation lines paid later for those lines move them further, and
   * when the balances carried into it have been corrected (those of the statement before it, in
   * turn), so are the ones it carries out: a statement a run returned as reported kept the opening
   * balances it was first paid on. A statement of this run carries its own balances; a draw that
   * a true-up forgave (`draw:<name>:true-up`) carries zero. So does a draw with `true up at year
   * end` in a reported statement of a year-end period (`trueUps`) whose corrected balance is
   * positive: it had nothing to forgive when reported (no true-up line), but what the corrections
   * leave owed there is forgiven, as a run over the corrected data forgives it. By balance name.
   */
  private correctedBalances(statement: Statement): Map<string, Dec> {
    let carried: Map<string, Dec> | undefined;
    for (const entry of this.inOrder()) {
      const s = entry.statement;
      if (s.start > statement.start) break;
      const closing = new Map<string, Dec>();
      for (const [name, value] of Object.entries(s.balances ?? {})) closing.set(name, amountOf(value));
      if (!entry.reported) {
        carried = closing;
        continue;
      }
      const moved = new Map<string, Dec>();
      const move = (id: string, amount: Dec, into: Map<string, Dec>) => {
        const target = balanceOfLine(id);
        if (!target) return;
        into.set(target.name, (into.get(target.name) ?? ZERO).plus(target.sign < 0 ? amount.neg() : amount));
      };
      for (const a of s.adjustments ?? []) move(a.id, amountOf(a.amount), moved);
      const corrected = new Map<string, Dec>();
      for (const c of this.balanceFixes.get(s.period) ?? []) move(c.id, c.amount, corrected);
      const forgiven = new Set<string>();
      for (const a of s.adjustments ?? []) {
        const trueUp = /^draw:([^:]+):true-up$/.exec(a.id);
        if (trueUp) forgiven.add(`draw:${trueUp[1]}`);
      }
      const yearEnd = this.trueUps?.(s.period);
      for (const [name, value] of closing) {
        if (forgiven.has(name)) continue;
        const openedOn = value.minus(moved.get(name) ?? ZERO);
        const opens = carried?.get(name) ?? openedOn;
        const balance = value.plus(opens.minus(openedOn)).plus(corrected.get(name) ?? ZERO);
        closing.set(name, yearEnd?.has(name) && balance.isPositive() ? ZERO : balance);
      }
      carried = closing;
    }
    return carried ?? new Map();
  }

  /**
   * The changes on `key`'s record made for `period`, whichever period paid them; none when this
   * run calculates `period` again (its own lines replace what was reported and corrected).
   */
  private correctionsFor(key: string, period: string): PaidLine[] {
    if (this.entries.get(period)?.reported === false) return [];
    return (this.corrections.get(key)?.get(period) ?? []).map((c) => c.paid);
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
        const corrected = this.entries.get(period)?.statement;
        if (corrected && corrected.start <= start && this.correctionsFor(key, period).length > 0)
          keys.add(key);
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
      result.push(...this.correctionsFor(key, entry.statement.period));
    }
    return result;
  }

  /**
   * The part of each `paid year to date` earning of `statement` (a statement of this run, given in
   * period order) that pays corrections of closed periods, by earning id (`recalc/year-to-date.ts`).
   * Each such earning of `statement` gets a trace input per period whose correction it pays
   * (`pays the correction of 2026-Q1`), which later runs read (`recalc/amounts.ts`).
   */
  absorbed(statement: Statement): ReadonlyMap<string, Dec> {
    if (!this.yearToDate) return NONE;
    const absorbed = this.yearToDate.absorbed(statement);
    // Each earning says in its trace whose corrections it pays, for later runs (`recalc/amounts.ts`).
    const parts = this.yearToDate.partsIn(statement.period);
    if (parts.size > 0)
      statement.earnings = statement.earnings.map((e) => {
        const inputs: TraceInput[] = [];
        for (const [from, part] of [...(parts.get(e.id) ?? [])].sort(([a], [b]) => compareText(a, b)))
          if (!part.isZero())
            inputs.push({
              name: `${ABSORBS}${from}`,
              value: fixed(part, Math.max(2, part.decimalPlaces())),
              unit: statement.currency,
            });
        return inputs.length === 0
          ? e
          : { ...e, trace: { ...e.trace, inputs: [...e.trace.inputs, ...inputs] } };
      });
    return absorbed;
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
