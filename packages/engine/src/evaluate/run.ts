/**
 * One calculation run: a compiled plan over validated data. Holds what is shared by every payee
 * (records by period, credits by period, territories) and the contexts of each payee and period,
 * created on first use so that year-to-date windows can reach earlier periods.
 */
import type { Range } from '@attain/dsl';
import { creditPeriod, type PeriodCredits } from '../credit/crediting.js';
import { TerritoryMap } from '../credit/territory.js';
import type { DaySpan, PayeeData, Rec } from '../data/model.js';
import type { ValidData } from '../data/validate.js';
import { type Dec, decText, ZERO } from '../decimal.js';
import { amountOf } from '../payout/money.js';
import { type Correction, correctionsIn, earningKey } from '../recalc/amounts.js';
import type { SharedLineTraces } from '../results/earnings.js';
import type { CalculationWarning, Results, RuleRef, WarningCode } from '../results/results.js';
import type { Tables } from '../tables/tables.js';
import type { Period } from '../time/calendar.js';
import { Ctx } from './context.js';
import type { Program } from './program.js';
import { RecordIndex } from './record-index.js';

/** The shared state of one calculation. */
const EARNING = earningKey('');

export class Run {
  readonly index: RecordIndex;
  readonly tables: Tables;
  readonly warnings = new Map<string, CalculationWarning>();
  /** Contexts by payee id ('' for record-level rules), then by period, scenario and window. */
  private readonly contexts = new Map<string, Map<string, Ctx>>();
  private readonly texts = new WeakMap<Dec, string>();
  /** Traces shared by the lines one tier priced whole, by earning version and tier (see `results/earnings.ts`). */
  readonly lineTraces = new Map<object, Map<object, SharedLineTraces>>();
  private readonly periodCredits = new Map<number, PeriodCredits>();
  private territoryMap: TerritoryMap | undefined;
  private previousIndex: Map<string, Map<string, Dec>> | undefined;
  /** Recalculation lines of earlier results, by payee, corrected period and earning. */
  private previousCorrections: Map<string, Correction[]> | undefined;
  /** The periods of the earlier results' statements. */
  private previousPeriods: Set<string> | undefined;
  /**
   * Labels of the periods this run calculates (`calculate` sets them): an earlier period of the
   * results of earlier runs that is not among them keeps what it reported.
   */
  calculated: ReadonlySet<string> | undefined;
  private readonly cancellableBy = new Map<string, readonly Rec[]>();

  constructor(
    readonly program: Program,
    readonly data: ValidData,
    /** `today`, as a day number. */
    readonly asOf: number,
    /** Earlier results, for what was already paid. */
    readonly previous?: Results,
  ) {
    this.index = new RecordIndex(data, program.calendar, program.plan.header.period);
    this.tables = program.tables;
  }

  /** The records of `source` with a value in the date field `field` (what a clawback may take back). */
  cancellable(source: string, field: string): readonly Rec[] {
    // A source validated owner by owner kept these records when it checked them.
    const owned = this.data.owned.get(source)?.withDate.get(field);
    if (owned) return owned;
    const key = `${source}\u0000${field}`;
    let list = this.cancellableBy.get(key);
    if (!list) {
      const at = this.program.schemas.get(source)?.index.get(field);
      const records = this.data.records.get(source) ?? [];
      list = at === undefined ? [] : records.filter((rec) => typeof rec.v[at] === 'number');
      this.cancellableBy.set(key, list);
    }
    return list;
  }

  /** The context of a payee (or none, for record-level rules) in a period. */
  context(payee: PayeeData | null, period: Period, projected: boolean, window?: DaySpan): Ctx {
    const id = payee?.id ?? '';
    let own = this.contexts.get(id);
    if (!own) {
      own = new Map();
      this.contexts.set(id, own);
    }
    const key = `${period.ordinal}\u0000${projected ? 1 : 0}\u0000${window ? `${window.from}-${window.to}` : ''}`;
    let ctx = own.get(key);
    if (!ctx) {
      ctx = new Ctx(this, payee, period, projected, window);
      own.set(key, ctx);
    }
    return ctx;
  }

  /**
   * Forgets a payee's contexts, credit entries and (for sources validated owner by owner) records
   * once their statements are done; the records are made again should anything ask.
   */
  release(payee: string): void {
    this.contexts.delete(payee);
    for (const credits of this.periodCredits.values()) credits.release(payee);
    this.index.forget(payee);
  }

  /** The text of a decimal, made once per decimal object (shares, rates and amounts repeat on many lines). */
  text(value: Dec): string {
    let text = this.texts.get(value);
    if (text === undefined) {
      text = decText(value);
      this.texts.set(value, text);
    }
    return text;
  }

  /** The context of record-level rules (credit conditions and amounts) in a period: no payee. */
  recordContext(period: Period): Ctx {
    return this.context(null, period, false);
  }

  /** Every credit of every payee in a period. */
  credits(period: Period): PeriodCredits {
    let credits = this.periodCredits.get(period.ordinal);
    if (!credits) {
      credits = creditPeriod(this, period);
      this.periodCredits.set(period.ordinal, credits);
    }
    return credits;
  }

  /** Ends crediting: deferred credits reach the records no statement asked for (see `PeriodCredits.finish`). */
  finishCredits(): void {
    for (const credits of this.periodCredits.values()) credits.finish();
  }

  /** Accounts to territories, and territories to payees. */
  territories(): TerritoryMap {
    this.territoryMap ??= new TerritoryMap(this);
    return this.territoryMap;
  }

  /**
   * What earlier results say an earning paid a payee in a period, if they have that statement:
   * its amount there plus the recalculation lines that later statements paid for it (those dated
   * before `before`, a `YYYY-MM-DD` start, when given).
   */
  previousEarning(payee: string, period: string, earning: string, before?: string): Dec | undefined {
    if (!this.previous) return undefined;
    this.indexPrevious();
    const amounts = this.previousIndex?.get(`${payee}\u0000${period}`);
    // A period the earlier results hold for others paid this payee nothing in its statement (they
    // had none), but later statements may have paid its corrections.
    if (!amounts && !this.previousPeriods?.has(period)) return undefined;
    let paid = amounts?.get(earning) ?? ZERO;
    // Corrections of the period paid as recalculation lines by statements before `before`.
    for (const c of this.previousCorrections?.get(`${payee}\u0000${period}\u0000${earning}`) ?? [])
      if (before === undefined || c.start < before) paid = paid.plus(c.amount);
    return paid;
  }

  /**
   * The periods of the earlier results' statements: closed for every payee (a payee without a
   * statement in one had nothing reported there).
   */
  closedPeriods(): ReadonlySet<string> {
    this.indexPrevious();
    return this.previousPeriods ?? new Set();
  }

  /** Indexes the earlier results once: earning amounts, corrections and periods. */
  private indexPrevious(): void {
    if (!this.previous) return;
    if (!this.previousIndex) {
      this.previousIndex = new Map();
      this.previousCorrections = new Map();
      this.previousPeriods = new Set();
      for (const s of this.previous.statements ?? []) {
        const amounts = new Map<string, Dec>();
        for (const e of s.earnings ?? []) amounts.set(e.name, amountOf(e.amount));
        this.previousIndex.set(`${s.payee}\u0000${s.period}`, amounts);
        this.previousPeriods.add(s.period);
      }
      for (const c of correctionsIn(this.previous.statements ?? [])) {
        if (!c.key.startsWith(EARNING)) continue;
        const key = `${c.payee}\u0000${c.period}\u0000${c.key.slice(EARNING.length)}`;
        const list = this.previousCorrections.get(key) ?? [];
        list.push(c);
        this.previousCorrections.set(key, list);
      }
    }
  }

  /** Records a warning once per payee, period, code, rule and message. */
  warn(
    payee: string | undefined,
    period: string,
    code: WarningCode,
    rule: RuleRef | undefined,
    range: Range,
    message: string,
  ): void {
    // A period the run does not report is worked out only for what later periods read of it (year
    // to date, paid earlier): its warnings belong to the run that reports it. Only the warning that
    // such a period is not recalculated names it here.
    if (this.calculated && !this.calculated.has(period) && code !== 'not-recalculated') return;
    const key = `${payee ?? ''}\u0000${period}\u0000${code}\u0000${rule?.name ?? ''}\u0000${message}`;
    if (this.warnings.has(key)) return;
    const warning: CalculationWarning = { code, range, message };
    if (payee !== undefined) warning.payee = payee;
    warning.period = period;
    if (rule) warning.rule = rule;
    this.warnings.set(key, warning);
  }
}
