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
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
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
  period: string;
  /** First and last day (`YYYY-MM-DD`). */
  start: string;
  end: string;
  /**
   * The payee's statement of the period: the earlier results' or this run's. None when the earlier
   * results paid the payee something for the period only by recalculation lines of later periods
   * (they had no statement there: not on the plan then, or credited only by corrected data).
   */
  statement: Statement | undefined;
  /**
   * `reported`: the earlier results' statement (or none), with the corrections paid for it since.
   * `run`: this run's statement. `off`: this run calculates the period and the payee has no
   * statement in it (not on the plan then): nothing is paid there, and what the earlier results
   * paid for it, corrections included, no longer counts (the recalculation takes it back).
   */
  state: 'reported' | 'run' | 'off';
  /** Lines by record, built on first use. */
  lines: Map<string, PaidLine[]> | undefined;
}

/** The first and last day of a period, from its label (a calendar's `parse`). */
export type PeriodDays = (label: string) => Pick<Period, 'start' | 'end'> | undefined;

/** A change on a record paid by a recalculation line of an earlier run. */
interface RecordCorrection {
  /** The period corrected. */
  period: string;
  paid: PaidLine;
}

const NONE: ReadonlyMap<string, Dec> = new Map();
const NO_PARTS: ReadonlyMap<string, ReadonlyMap<string, Dec>> = new Map();
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

/**
 * Moves `into` by an adjustment line (or its correction) of id `id` and amount `amount`, on the
 * balance it moves ({@link balanceOfLine}); other lines move nothing.
 */
function moveBalance(into: Map<string, Dec>, id: string, amount: Dec): void {
  const target = balanceOfLine(id);
  if (!target) return;
  into.set(target.name, (into.get(target.name) ?? ZERO).plus(target.sign < 0 ? amount.neg() : amount));
}

const NO_LINES: ReadonlyMap<string, PaidLine[]> = new Map();

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
   * The balances this run's statements would carry out if the hypothetical records of closed
   * periods closed, by period: set by {@link setProjected}, read by {@link projectedOpening}.
   */
  private readonly projected = new Map<string, Map<string, Dec>>();
  /** The periods of the earlier results (`YearToDateScope.closed`). */
  private readonly closed: ReadonlySet<string> | undefined;

  /**
   * `previous`: the payee's statements in the results of earlier runs (any order). `scope`: the
   * run's `paid year to date` earnings and fiscal years; without it no amount counts as absorbed.
   * `trueUps`: the draw balances (`draw:<name>`) a year-end true-up forgives at the end of a
   * period (see {@link correctedBalances}); without it, only a reported true-up line forgives.
   * `days`: the first and last day of a period; with it, a period the earlier results hold no
   * statement of, but corrected by recalculation lines (the payee was paid there only by them),
   * counts in its place in time: its corrections of draws and holdbacks move the balances carried
   * out of it, and its changes on records count as paid on them. Without it they are not read.
   */
  constructor(
    previous: readonly Statement[],
    scope?: YearToDateScope,
    private readonly trueUps?: (period: string) => ReadonlySet<string>,
    days?: PeriodDays,
  ) {
    for (const statement of previous)
      this.entries.set(statement.period, {
        period: statement.period,
        start: statement.start,
        end: statement.end,
        statement,
        state: 'reported',
        lines: undefined,
      });
    const corrected = new Set<string>();
    for (const c of correctionsIn(previous)) {
      if (c.key.startsWith(ADJUSTMENT)) {
        const list = this.balanceFixes.get(c.period) ?? [];
        list.push({ id: c.key.slice(ADJUSTMENT.length), amount: c.amount });
        this.balanceFixes.set(c.period, list);
        corrected.add(c.period);
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
        corrected.add(c.period);
      }
    }
    // A corrected period without a statement takes its place in time (see `days`).
    for (const period of corrected) {
      const dated = this.entries.has(period) ? undefined : days?.(period);
      if (dated)
        this.entries.set(period, {
          period,
          start: formatDate(dated.start),
          end: formatDate(dated.end),
          statement: undefined,
          state: 'reported',
          lines: undefined,
        });
    }
    if (scope && scope.yearToDate.size > 0) this.yearToDate = new YearToDate(new Reported(previous), scope);
    this.closed = scope?.closed;
  }

  /** True for a period of the earlier results (closed for every payee), when the ledger was told them. */
  isClosed(period: string): boolean {
    return this.closed?.has(period) === true;
  }

  /** Records a statement of this run, replacing an earlier run's statement of the same period. */
  add(statement: Statement): void {
    this.entries.set(statement.period, {
      period: statement.period,
      start: statement.start,
      end: statement.end,
      statement,
      state: 'run',
      lines: undefined,
    });
    this.ordered = undefined;
  }

  /**
   * Records that this run calculates `period` and the payee has no statement in it (not on the
   * plan then): it pays them nothing there. What the earlier results paid for the period, its
   * corrections included, no longer counts (the recalculation takes it back in the current
   * period), and the balances carried into it pass through it unchanged. Call before paying the
   * run's statements.
   */
  paysNothingIn(period: string): void {
    const entry = this.entries.get(period);
    if (!entry || entry.state === 'run') return;
    entry.state = 'off';
    entry.lines = undefined;
  }

  private inOrder(): Entry[] {
    this.ordered ??= [...this.entries.values()].sort((a, b) => compareText(a.start, b.start));
    return this.ordered;
  }

  /**
   * The balances carried into a period starting on `start` (`YYYY-MM-DD`): those carried out of
   * the periods before it (see {@link correctedBalances}), and the latest of them that paid the
   * payee something (`undefined` when there is none): a period this run pays nothing in passes
   * the balances on.
   */
  opening(start: string): { from: string | undefined; balances: Map<string, Dec> } {
    let latest: Entry | undefined;
    let from: string | undefined;
    for (const entry of this.inOrder()) {
      if (entry.end >= start) continue;
      latest = entry;
      if (entry.state !== 'off') from = entry.period;
    }
    if (!latest) return { from: undefined, balances: new Map() };
    return { from, balances: this.correctedBalances(latest) };
  }

  /**
   * Records the balances this run's statement of `period` would carry out if the hypothetical
   * records dated in closed periods closed (each closed period's holdbacks, draws and guarantees
   * worked out again on its earnings with their estimates, from the balances so projected into it;
   * any other period's on its earnings, from those). Set after the statement is paid.
   */
  setProjected(period: string, balances: Map<string, Dec>): void {
    this.projected.set(period, balances);
  }

  /**
   * The balances carried into a period starting on `start` if the hypothetical records dated in
   * closed periods closed: as {@link opening}, with the balances {@link setProjected} gave for this
   * run's statements before it. `undefined` when none was given: they are the opening balances.
   */
  projectedOpening(start: string): Map<string, Dec> | undefined {
    if (this.projected.size === 0) return undefined;
    let latest: Entry | undefined;
    let shifted = false;
    for (const entry of this.inOrder()) {
      if (entry.end >= start) continue;
      latest = entry;
      if (this.projected.has(entry.period)) shifted = true;
    }
    return latest && shifted ? this.correctedBalances(latest, true) : undefined;
  }

  /**
   * The balances carried out of the ledger's period `period`: this run's statement's, else the
   * earlier results' as corrected since (`undefined` when the ledger has nothing of it).
   */
  balancesAfter(period: string): Map<string, Dec> | undefined {
    const entry = this.entries.get(period);
    return entry ? this.correctedBalances(entry) : undefined;
  }

  /**
   * The balances carried out of `last`, each period up to it in turn moving those carried into it.
   * A statement of this run carries its own balances. A reported statement's balances are its
   * opening balances moved by its draw and holdback lines (a draw or draw-recovery line adds its
   * amount to the draw's balance, a holdback or release line takes it off the holdback's).
   * Recalculation lines paid later for those lines move them further, and when the balances
   * carried into it have been corrected (those of the period before it, in turn), so are the ones
   * it carries out: a statement a run returned as reported kept the opening balances it was first
   * paid on. A draw that a true-up forgave (`draw:<name>:true-up`) carries zero; so does a draw
   * with `true up at year end` in a reported year-end period (`trueUps`) whose corrected balance is
   * positive: it had nothing to forgive when reported (no true-up line), but what the corrections
   * leave owed there is forgiven, as a run over the corrected data forgives it. A reported period
   * without a statement (only corrected) carries what was carried into it, moved by its
   * corrections, the same way. A period this run pays nothing in carries what was carried into it
   * (with nothing known before it, what its reported statement opened on). By balance name.
   */
  private correctedBalances(last: Entry, projected = false): Map<string, Dec> {
    let carried: Map<string, Dec> | undefined;
    for (const entry of this.inOrder()) {
      if (entry.start > last.start) break;
      carried = this.carriedOut(entry, carried, projected);
    }
    return carried ?? new Map();
  }

  /**
   * The balances carried out of one period, given those carried into it (see {@link correctedBalances});
   * with `projected`, this run's statements carry what {@link setProjected} gave for them, if anything.
   */
  private carriedOut(
    entry: Entry,
    carried: Map<string, Dec> | undefined,
    projected: boolean,
  ): Map<string, Dec> | undefined {
    const s = entry.statement;
    const closing = new Map<string, Dec>();
    for (const [name, value] of Object.entries(s?.balances ?? {})) closing.set(name, amountOf(value));
    if (entry.state === 'run') {
      const shifted = projected ? this.projected.get(entry.period) : undefined;
      return shifted ? new Map([...closing, ...shifted]) : closing;
    }
    // What the reported statement's own draw and holdback lines moved.
    const moved = new Map<string, Dec>();
    for (const a of s?.adjustments ?? []) moveBalance(moved, a.id, amountOf(a.amount));
    if (entry.state === 'off') {
      // Nothing carried in is known (`undefined`) only before the first period: a period paying
      // nothing then passes on what its reported statement opened on. After one, it passes on what
      // was carried, none included, so that the next period does not fall back on the balance its
      // own reported statement opened on (a draw already taken back, recovered again).
      if (!s) return carried ?? new Map();
      const through = new Map(carried ?? []);
      if (carried === undefined)
        for (const [name, value] of closing)
          if (!through.has(name)) through.set(name, value.minus(moved.get(name) ?? ZERO));
      return through;
    }
    const corrected = new Map<string, Dec>();
    for (const c of this.balanceFixes.get(entry.period) ?? []) moveBalance(corrected, c.id, c.amount);
    const forgiven = new Set<string>();
    for (const a of s?.adjustments ?? []) {
      const trueUp = /^draw:([^:]+):true-up$/.exec(a.id);
      if (trueUp) forgiven.add(`draw:${trueUp[1]}`);
    }
    if (!s) {
      // No statement: the balances carried in, moved by the corrections.
      for (const [name, value] of carried ?? []) closing.set(name, value);
      for (const name of corrected.keys()) if (!closing.has(name)) closing.set(name, ZERO);
    }
    const yearEnd = this.trueUps?.(entry.period);
    for (const [name, value] of closing) {
      if (forgiven.has(name)) continue;
      const openedOn = s ? value.minus(moved.get(name) ?? ZERO) : value;
      const opens = carried?.get(name) ?? openedOn;
      const balance = value.plus(opens.minus(openedOn)).plus(corrected.get(name) ?? ZERO);
      closing.set(name, yearEnd?.has(name) && balance.isPositive() ? ZERO : balance);
    }
    return closing;
  }

  /**
   * The changes on `key`'s record made for `period`, whichever period paid them; none when this
   * run calculates `period` again (its own lines replace what was reported and corrected).
   */
  private correctionsFor(key: string, period: string): PaidLine[] {
    if (this.entries.get(period)?.state !== 'reported') return [];
    return (this.corrections.get(key)?.get(period) ?? []).map((c) => c.paid);
  }

  /** The lines of an entry's statement by record (none in a period this run pays nothing in). */
  private linesOf(entry: Entry): ReadonlyMap<string, PaidLine[]> {
    if (!entry.statement || entry.state === 'off') return NO_LINES;
    entry.lines ??= indexLines(entry.statement);
    return entry.lines;
  }

  /** The keys ({@link recordKey}) of the records paid something in periods starting on or before `start`. */
  recordsPaid(start: string): Set<string> {
    const keys = new Set<string>();
    for (const entry of this.inOrder()) {
      if (entry.start > start) break;
      for (const key of this.linesOf(entry).keys()) keys.add(key);
    }
    for (const [key, byPeriod] of this.corrections) {
      if (keys.has(key)) continue;
      for (const period of byPeriod.keys()) {
        const corrected = this.entries.get(period);
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
      if (entry.start > start) break;
      const lines = this.linesOf(entry).get(key);
      if (lines) result.push(...lines);
      result.push(...this.correctionsFor(key, entry.period));
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

  /**
   * The parts of {@link absorbed} for `period` (once its statement was given to it), by earning
   * id, then by the closed period whose correction each part pays.
   */
  absorbedParts(period: string): ReadonlyMap<string, ReadonlyMap<string, Dec>> {
    return this.yearToDate?.partsIn(period) ?? NO_PARTS;
  }

  /**
   * The part of each `paid year to date` earning's estimate in `period` (once its statement was
   * given to {@link absorbed}) that hypothetical records dated in closed periods give it, by
   * earning id (`YearToDate.estimatedFromClosed`).
   */
  estimatedFromClosed(period: string): ReadonlyMap<string, Dec> {
    return this.yearToDate?.estimatedFromClosed(period) ?? NONE;
  }

  /**
   * The estimates of the `paid year to date` earnings of the closed `period` that no later period
   * of the run takes in, by earning id (`YearToDate.estimatesNotTakenIn`): the recalculation would
   * pay them as corrections of `period`. Ask once every statement of the run was paid.
   */
  estimatesNotTakenIn(period: string): ReadonlyMap<string, Dec> {
    return this.yearToDate?.estimatesNotTakenIn(period) ?? NONE;
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
