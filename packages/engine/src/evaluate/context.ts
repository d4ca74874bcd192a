/**
 * The evaluation context of one payee in one period: memoised definition values, the records
 * and credit entries in scope, and the trail of tiers applied (for traces).
 *
 * Variants: the `projected` scenario counts hypothetical records (the actual one leaves them out);
 * a `window` (a SPIFF's `during`) keeps only records dated inside it; a per-line context replaces
 * one credit's entries by a prefix of them and recomputes only what depends on that credit.
 */
import type { Range } from '@attain/dsl';
import type { DaySpan, PayeeData, Rec } from '../data/model.js';
import type { Dec } from '../decimal.js';
import { decText, sumOf } from '../decimal.js';
import type { EarningOutcome } from '../earn/outcome.js';
import type { CreditRole, RuleRef, WarningCode } from '../results/results.js';
import type { TierHit } from '../tables/tier-hit.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { Run } from './run.js';
import type { Value } from './value.js';

/** One credit line: a record credited to a payee in one role. */
export interface CreditLineData {
  rec: Rec;
  amount: Dec;
  share: Dec;
  role: CreditRole;
}

/**
 * A record credited to a payee, all roles together: what aggregates and per-line earnings see.
 * Its first credit line is the entry itself (`amount`, `share`, `role` as credited first): nearly
 * every record reaches a payee once, so a million records are a million objects, not three.
 */
export interface Entry {
  rec: Rec;
  /** The total credited to the payee for the record (`credited`). */
  amount: Dec;
  /** The part that counts toward quota (not overlay). */
  quota: Dec;
  /** The first credit line: its amount (the entry's amount until another line joins), share and role. */
  first: Dec;
  share: Dec;
  role: CreditRole;
  /** The credit lines after the first, when the payee got the record in several roles. */
  more: CreditLineData[] | undefined;
  /** The text of `amount`, made on first use once crediting is done (see {@link entryText}). */
  text: string | undefined;
}

/**
 * A credit entry as crediting makes it: a class rather than an object literal, for the reason
 * given at `ValidRecord` (a statement's entries are made in a burst and must stay young garbage).
 */
export class CreditEntry implements Entry {
  quota: Dec;
  first: Dec;
  more: CreditLineData[] | undefined = undefined;
  text: string | undefined = undefined;
  constructor(
    public rec: Rec,
    public amount: Dec,
    quota: Dec,
    public share: Dec,
    public role: CreditRole,
  ) {
    this.quota = quota;
    this.first = amount;
  }
}

/**
 * The text of an entry's amount, made once and shared by the credit line and the earning line
 * that show it (a lookup in a table of every decimal of the run costs more than the entry itself).
 */
export function entryText(entry: Entry): string {
  entry.text ??= decText(entry.amount);
  return entry.text;
}

/** The current record of an expression: a source record, a credit entry, or none. */
export type Row = Rec | Entry | undefined;

/** The prefix of one credit's entries seen by a per-line evaluation. */
export interface LineState {
  credit: number;
  entries: readonly Entry[];
  /** How many entries are in the prefix. */
  n: number;
  /** The sum of the prefix's amounts. */
  total: Dec;
  /** Definitions that depend on the credit (1) and must be recomputed for each prefix. */
  dependent: Uint8Array;
}

/**
 * Totals of entry lists, by list: contexts of one payee and period (the actual one, a SPIFF's
 * window covering the whole period, year-to-date sums) share the bucket's list, so it is added
 * up once instead of once per context. Lists are never changed after crediting.
 */
const totals = new WeakMap<readonly Entry[], Dec>();

/** The sum of the entries' credited amounts (memoised per list). */
export function totalOf(entries: readonly Entry[]): Dec {
  let total = totals.get(entries);
  if (total !== undefined) return total;
  total = sumOf(entries.map((e) => e.amount));
  totals.set(entries, total);
  return total;
}

/** An evaluation context. */
export class Ctx {
  readonly memo: (Value | undefined)[];
  /** The tiers applied while computing each memoised definition. */
  readonly tiers: (TierHit[] | undefined)[];
  /** Tiers applied so far, in order (definitions append theirs when used). */
  trail: TierHit[] = [];
  /** Outer records while an aggregate nested in a record scope runs. */
  readonly frames: Row[] = [];
  readonly outcomes: (EarningOutcome | undefined)[] = [];
  /** The rule being computed, named in warnings. */
  rule: RuleRef | undefined;
  /**
   * The day `today` reads in this context, when it is not the run's as-of date: the last day of
   * the period accounts are placed for (see `placementContext` in credit/territory.ts).
   */
  today: number | undefined;
  private records_: Map<string, readonly Rec[]> | undefined;
  private attributeDay_: number | undefined;
  private entries_: (readonly Entry[] | undefined)[] | undefined;

  constructor(
    readonly run: Run,
    readonly payee: PayeeData | null,
    readonly period: Period,
    readonly projected: boolean,
    readonly window: DaySpan | undefined,
    readonly base?: Ctx,
    readonly line?: LineState,
  ) {
    const n = run.program.defs.length;
    this.memo = new Array(n);
    this.tiers = new Array(n);
  }

  /** The value of definition `id` in this context (memoised). */
  get(id: number): Value {
    const line = this.line;
    if (line && this.base && line.dependent[id] !== 1) {
      const value = this.base.get(id);
      const tiers = this.base.tiers[id];
      if (tiers) for (const t of tiers) this.trail.push(t);
      return value;
    }
    const memo = this.memo[id];
    if (memo !== undefined) {
      const tiers = this.tiers[id];
      if (tiers) for (const t of tiers) this.trail.push(t);
      return memo;
    }
    const def = this.run.program.defs[id];
    if (!def) return null;
    const start = this.trail.length;
    const outer = this.rule;
    this.rule = def.rule;
    this.memo[id] = null; // a definition that reaches itself sees no value
    let value: Value;
    try {
      value = def.compute(this);
    } finally {
      this.rule = outer;
    }
    this.memo[id] = value;
    if (this.trail.length > start) this.tiers[id] = this.trail.slice(start);
    return value;
  }

  /** Forgets the values that depend on the line credit, before evaluating the next prefix. */
  resetLine(): void {
    const dependent = this.line?.dependent;
    if (!dependent) return;
    for (let i = 0; i < dependent.length; i++) {
      if (dependent[i] === 1) {
        this.memo[i] = undefined;
        this.tiers[i] = undefined;
      }
    }
    this.trail = [];
    this.entries_ = undefined;
  }

  private inWindow(rec: Rec): boolean {
    const w = this.window;
    return !w || (rec.day !== undefined && rec.day >= w.from && rec.day <= w.to);
  }

  /** The payee's records of `source` dated in the period (hypothetical ones only when projected). */
  records(source: string): readonly Rec[] {
    if (this.base && this.line) return this.base.records(source);
    const cached = this.records_?.get(source);
    if (cached) return cached;
    let list = this.payee ? this.run.index.ofOwner(source, this.period, this.payee.id) : [];
    if (!this.projected || this.window)
      list = list.filter((r) => (this.projected || !r.hyp) && this.inWindow(r));
    this.records_ ??= new Map();
    this.records_.set(source, list);
    return list;
  }

  /** The payee's entries of credit `id` in the period. */
  entries(id: number): readonly Entry[] {
    const line = this.line;
    if (line && line.credit === id) return line.entries;
    if (this.base && line) return this.base.entries(id);
    const cached = this.entries_?.[id];
    if (cached) return cached;
    let list: readonly Entry[] = [];
    const bucket = this.payee ? this.run.credits(this.period).bucket(id, this.payee.id) : undefined;
    if (bucket)
      list = this.projected && bucket.hyp.length > 0 ? [...bucket.real, ...bucket.hyp] : bucket.real;
    if (this.window) list = list.filter((e) => this.inWindow(e.rec));
    this.entries_ ??= [];
    this.entries_[id] = list;
    return list;
  }

  /** How many of the entries of credit `id` are in scope (a prefix in a per-line context). */
  entryCount(id: number, length: number): number {
    return this.line && this.line.credit === id ? this.line.n : length;
  }

  /** The total credited to the payee by credit `id` in the period. */
  creditTotal(id: number): Dec {
    if (this.line && this.line.credit === id) return this.line.total;
    return totalOf(this.entries(id));
  }

  /**
   * The day whose attribute values this context reads of `of` (see `Program.attributeDay`): the
   * calculated payee's day, whoever's attribute it is (`payee.manager.ote` is the manager's value
   * on the payee's day); in a context of record-level rules (no payee), `of`'s own day.
   */
  attributeDay(of: PayeeData): number {
    const payee = this.payee;
    if (!payee) return this.run.program.attributeDay(of, this.period);
    this.attributeDay_ ??= this.run.program.attributeDay(payee, this.period);
    return this.attributeDay_;
  }

  /**
   * `amount` converted at the FX rate on a day (see `FxTable.convert`), warning when there is none.
   * The warning names the day: conversions on different days without a rate are different gaps in
   * the FX data, each its own warning (warnings of one payee and period are told apart by message).
   */
  fxConvert(amount: Dec, from: string, to: string, day: number, node: { range: Range }): Dec | undefined {
    const converted = this.run.data.fx.convert(amount, from, to, day);
    if (!converted)
      this.warn(
        'no-fx-rate',
        node,
        `there is no FX rate from ${from} to ${to} on or before ${formatDate(day)}`,
      );
    return converted;
  }

  /**
   * Records a calculation warning for this payee and period. A period the payee is not on the plan
   * (before a hire, after a leaver) has no statement: it is worked out only for what a later period
   * reads of it (a to-date window), where what it lacks (a quota, a value) is as it should be, so
   * its warnings would be about nothing the run reports.
   */
  warn(code: WarningCode, node: { range: Range }, message: string, rule?: RuleRef): void {
    if (this.projected) return;
    if (this.payee && !this.run.program.onPlan(this.payee, this.period)) return;
    this.run.warn(this.payee?.id, this.period.label, code, rule ?? this.rule, node.range, message);
  }

  /** True when the per-payee signal `name` is raised in this context. */
  signalRaised(name: string): Value {
    const signal = this.run.program.signals.find((s) => s.signal.name === name && !s.schema);
    return signal ? signal.condition(this, undefined) === true : null;
  }
}
