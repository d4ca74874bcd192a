/**
 * Resolving the plan's payout adjustments for one payee and period: evaluating draw and guarantee
 * amounts, guarantee start dates and holdback release dates or conditions in the payee's context
 * for the period, finding the records cancelled in the period, and converting the period's manual
 * adjustments to the plan currency. The result is plain data ({@link PeriodTerms}).
 */
import type { Clawback, IrExpr } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import { type PayeeData, recordName, recordRef } from '../data/model.js';
import type { Adjustment as ManualRow } from '../data/sections.js';
import { Dec } from '../decimal.js';
import { compile, type Fn } from '../evaluate/compile.js';
import type { Run } from '../evaluate/run.js';
import type { Value } from '../evaluate/value.js';
import { renderExpr } from '../governance/render-expr.js';
import { MONTHS, type Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { recordKey } from './ledger.js';
import { ruleOf } from './rules.js';
import type {
  Cancellation,
  DrawTerm,
  GuaranteeTerm,
  HoldbackTerm,
  ManualTerm,
  PeriodTerms,
} from './terms.js';

/**
 * True in the last period of a fiscal year, or the period containing `planEnd` (the plan's last
 * day, a day number): where a draw with `true up at year end` forgives what is still owed.
 */
export function isYearEnd(planEnd: number, period: Period): boolean {
  const lastOfYear = period.index === 12 / MONTHS[period.kind] - 1;
  return lastOfYear || (period.start <= planEnd && planEnd <= period.end);
}

/** Resolves payout terms for the payees of one run; built once per run. */
export class PayoutResolver {
  private readonly fns = new Map<IrExpr, Fn>();
  private cancellations: Map<number, Cancellation[]> | undefined;
  private manual: Map<string, ManualRow[]> | undefined;

  constructor(readonly run: Run) {}

  /**
   * The payee's first day on the plan: the first day, within the plan's dates, of the payee's first
   * assignment to it that reaches them (the plan's start when it began earlier or has no dates). An
   * assignment that ended before the plan started (an earlier stint of a rehire) is not on it.
   */
  firstDay(payee: PayeeData): number {
    const { start, end } = this.run.program;
    const span = payee.onPlan?.find((s) => s.to >= start && s.from <= end);
    return span !== undefined && span.from > start ? span.from : start;
  }

  /** The terms of `payee` in `period`. */
  terms(payee: PayeeData, period: Period): PeriodTerms {
    const plan = this.run.program.plan;
    return {
      draws: plan.draws.map((draw) => this.draw(draw, payee, period)),
      guarantees: plan.guarantees.map((guarantee) => this.guarantee(guarantee, payee, period)),
      holdbacks: plan.holdbacks.map((holdback) => this.holdback(holdback, payee, period)),
      cancellations: this.cancelledIn(period),
      manual: this.manualFor(payee, period),
      manualElement: plan.adjustments[0],
    };
  }

  private evaluate(expr: IrExpr, payee: PayeeData, period: Period): Value {
    let fn = this.fns.get(expr);
    if (!fn) {
      fn = compile(expr, this.run.program);
      this.fns.set(expr, fn);
    }
    return fn(this.run.context(payee, period, false), undefined);
  }

  private decimal(expr: IrExpr, payee: PayeeData, period: Period): Dec | null {
    const v = this.evaluate(expr, payee, period);
    return v instanceof Dec ? v : null;
  }

  /** 1-based position of `period` among `count` periods from the one containing `day` (all later ones without a count). */
  private position(day: number, period: Period, count: number | undefined): number | undefined {
    const offset = period.ordinal - this.run.program.calendar.containing(period.kind, day).ordinal;
    if (offset < 0 || (count !== undefined && offset >= count)) return undefined;
    return offset + 1;
  }

  private draw(draw: DrawTerm['draw'], payee: PayeeData, period: Period): DrawTerm {
    return {
      draw,
      amount: this.decimal(draw.amount, payee, period),
      position: this.position(this.firstDay(payee), period, draw.periods),
      yearEnd: isYearEnd(this.run.program.end, period),
    };
  }

  private guarantee(guarantee: GuaranteeTerm['guarantee'], payee: PayeeData, period: Period): GuaranteeTerm {
    const from = guarantee.from ? this.evaluate(guarantee.from, payee, period) : this.firstDay(payee);
    if (guarantee.from && typeof from !== 'number') {
      const why = `the start date of guarantee ${guarantee.name} (${renderExpr(guarantee.from)}) has no value for ${payee.id}, so ${guarantee.name} guarantees nothing in ${period.label}`;
      this.run.warn(payee.id, period.label, 'no-value', ruleOf('guarantee', guarantee), guarantee.range, why);
    }
    return {
      guarantee,
      amount: this.decimal(guarantee.amount, payee, period),
      position: typeof from === 'number' ? this.position(from, period, guarantee.periods) : undefined,
    };
  }

  private holdback(holdback: HoldbackTerm['holdback'], payee: PayeeData, period: Period): HoldbackTerm {
    const until = holdback.until;
    if (!until) return { holdback, release: false, why: '' };
    if (until.kind === 'date') {
      const day = this.evaluate(until.date, payee, period);
      if (typeof day !== 'number') {
        // Without a date nothing says when to pay the money back: it stays held, and the admin is told.
        const why = `the release date of holdback ${holdback.name} (${renderExpr(until.date)}) has no value for ${payee.id}, so ${holdback.name} keeps holding back in ${period.label} and releases nothing`;
        this.run.warn(payee.id, period.label, 'no-value', ruleOf('holdback', holdback), holdback.range, why);
      }
      const release = typeof day === 'number' && day <= period.end;
      return { holdback, release, why: release ? `release date ${formatDate(day)}` : '' };
    }
    const release = this.evaluate(until.condition, payee, period) === true;
    return { holdback, release, why: release ? 'the release condition holds' : '' };
  }

  /** Records of every clawback's source cancelled in `period`, by cancellation date then record. */
  cancelledIn(period: Period): Cancellation[] {
    this.cancellations ??= this.indexCancellations(period.kind);
    return this.cancellations.get(period.ordinal) ?? [];
  }

  private indexCancellations(kind: Period['kind']): Map<number, Cancellation[]> {
    const program = this.run.program;
    const byPeriod = new Map<number, Cancellation[]>();
    for (const clawback of program.plan.clawbacks) {
      for (const c of cancellationsOf(this.run, clawback, kind)) {
        const ordinal = program.calendar.containing(kind, c.cancelled).ordinal;
        const list = byPeriod.get(ordinal);
        if (list) list.push(c);
        else byPeriod.set(ordinal, [c]);
      }
    }
    for (const list of byPeriod.values()) {
      list.sort((a, b) => {
        if (a.cancelled !== b.cancelled) return a.cancelled - b.cancelled;
        return compareText(recordKey(a.record), recordKey(b.record));
      });
    }
    return byPeriod;
  }

  /** The payee's manual adjustments for `period`, converted at the FX rate of its last day. */
  private manualFor(payee: PayeeData, period: Period): ManualTerm[] {
    if (!this.manual) {
      this.manual = new Map();
      for (const row of this.run.data.adjustments) {
        const list = this.manual.get(row.payee);
        if (list) list.push(row);
        else this.manual.set(row.payee, [row]);
      }
    }
    const currency = this.run.program.currency;
    const element = this.run.program.plan.adjustments[0];
    const terms: ManualTerm[] = [];
    for (const row of this.manual.get(payee.id) ?? []) {
      if (row.period.kind !== period.kind || row.period.ordinal !== period.ordinal) continue;
      const fx = this.run.data.fx;
      const rate = fx.rate(row.currency, currency, period.end);
      const amount = fx.convert(row.amount, row.currency, currency, period.end);
      if (!rate || !amount) {
        if (element) {
          const why = `manual adjustment ${row.id} is in ${row.currency} and there is no FX rate to ${currency} on or before ${formatDate(period.end)}; it is not paid`;
          this.run.warn(payee.id, period.label, 'no-fx-rate', ruleOf('manual', element), element.range, why);
        }
        continue;
      }
      terms.push({
        id: row.id,
        amount,
        original: row.amount,
        currency: row.currency,
        rate,
        rateText: fx.rateText(row.currency, currency, period.end) as string,
        rateDate: formatDate(period.end),
        reason: row.reason,
        earning: row.earning,
      });
    }
    return terms;
  }
}

/** The (not hypothetical) records of the clawback's source that have a cancellation date and a dated field. */
/**
 * The records of a clawback's source with a cancellation date. One cancelled before its dated day
 * (a deal cancelled before it closed: one of the dates is wrong) takes nothing back, and a
 * `cancelled-before-dated` warning in the period of the cancellation says so.
 */
function cancellationsOf(run: Run, clawback: Clawback, kind: Period['kind']): Cancellation[] {
  const schema = run.program.schemas.get(clawback.source);
  const at = schema?.index.get(clawback.cancelledOn);
  if (!schema || at === undefined) return [];
  const dated = schema.dated === undefined ? 'dated field' : schema.fields[schema.dated]?.name;
  const result: Cancellation[] = [];
  for (const rec of run.cancellable(clawback.source, clawback.cancelledOn)) {
    const cancelled = rec.v[at];
    if (rec.hyp || typeof cancelled !== 'number' || rec.day === undefined) continue;
    if (cancelled < rec.day) {
      const period = run.program.calendar.containing(kind, cancelled).label;
      const why = `${clawback.source} ${recordName(rec)} was cancelled on ${formatDate(cancelled)} (${clawback.cancelledOn}), before its ${dated} ${formatDate(rec.day)}: clawback ${clawback.name} takes nothing back for it (is one of the dates wrong?)`;
      run.warn(
        rec.owner,
        period,
        'cancelled-before-dated',
        ruleOf('clawback', clawback),
        clawback.range,
        why,
      );
      continue;
    }
    result.push({ clawback, record: recordRef(rec), dated: rec.day, cancelled });
  }
  return result;
}
