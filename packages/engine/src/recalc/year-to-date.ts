/**
 * `paid year to date` earnings in a recalculation.
 *
 * Such an earning pays in each period its year-to-date value minus what the earlier periods of the
 * fiscal year paid, and for a closed period that is what the earlier results say it paid (with the
 * recalculation lines paid for it before the period). So when a closed period is corrected, a later
 * period calculated in the same run pays the correction in its own amount: it _absorbs_ it. Which
 * later period does depends on the data (a gated period pays nothing and absorbs nothing; a period
 * of the next fiscal year takes off nothing of this year), so a recalculation cannot tell a closed
 * period's correction from what was absorbed by comparing periods one by one: it asks this module.
 *
 * For each statement of the run (in period order) and each such earning, the part of its amount
 * that absorbs corrections of earlier periods is
 *
 *   A(P) = Σ over the periods Q of the run before P in P's fiscal year of  own(Q) − paid(Q, P)
 *
 * where own(Q) = amount(Q) − A(Q) when Q takes off what earlier periods paid (its own part: what a
 * single run over the corrected data pays in Q), and paid(Q, P) is what P's amount took off for Q:
 * for a closed Q the reported amount plus the corrections paid before P starts, for any other the
 * amount calculated now. A closed period of the year that the run leaves out counts the same way,
 * with its statement as the run builds it now (`YearToDateScope.leftOut`): P took off what it
 * reported, so P's amount pays its change since, and says so like any absorption (else a later
 * run recalculating it would pay that change again). One the run does not build (not given, or
 * the payee is off the plan there now) counts as what it paid in all: it adds the corrections paid
 * for it from P's start on (P took off only those paid before). So does a left-out one with a period
 * between it and P that is neither closed nor calculated in the run (`PayeePeriods.unrunBetween`):
 * P took that period off as worked out now, which already takes in the left-out period's change.
 *
 * A period of the run in which the payee is off the plan now (a start date moved later) has no own
 * part, and P took nothing off for it (`earn/paid-before.ts` skips it, as one call over every period
 * does): its recalculation line takes back what it was paid. P's reported statements before it
 * hold, though, what they absorbed of its corrections, and those P took off. So paid(Q, P) counts,
 * for each correction absorbed before P started, the period whose statement P took off: such a Q
 * only what the others' statements absorbed of it (its part is the opposite), any other Q not what
 * such a Q's statement absorbed of it. Q1 reported 100, the payee now from 04-01, a run of Q1 to Q2:
 * Q2 takes in nothing of Q1, its own part is its amount, and Q1's line takes the 100 back (Q2 used
 * to count Q1's later corrections as taken in, and Q2's own part was off by them). A left-out
 * period off the plan now is taken off by P (`earn/paid-before.ts`), so P's amount takes back what
 * it was paid; it counts like a period on the plan ({@link PayeePeriods}).
 * The payout rules count only a period's own part (`payout-period.ts`), and the recalculation pays
 * as lines only what no period absorbed (`recalculate.ts`). A(P) is kept by the period whose
 * correction each part pays, so that each closed period's line pays its own correction, and the
 * absorbing statement names those parts in its earning's trace (`pays the correction of <period>`,
 * written by `payout/ledger.ts`): a later run that calculates the absorbing period again without
 * the corrected one reads them as the corrected period's (`Reported` in `amounts.ts`). With
 * `rounding ... at payout`, the run's statements pay their own part only: the recalculation pays
 * A(P) apart, on the corrected periods' lines ({@link paidApart}), so that no payout rounds a
 * correction with its own amount.
 */
import { compareText } from '../compare-text.js';
import type { PayeeData } from '../data/model.js';
import { type Dec, ZERO } from '../decimal.js';
import { PAID_EARLIER } from '../earn/paid-before.js';
import type { Run } from '../evaluate/run.js';
import type { LineEnv } from '../payout/lines.js';
import { amountOf, lineText } from '../payout/money.js';
import { gatedIfTheyClose } from '../results/earnings.js';
import type { EarningLine, EarningResult, Statement, TraceInput } from '../results/results.js';
import { ABSORBS, earningKey, type Reported } from './amounts.js';

/** What the accounting needs to know about the run. */
export interface YearToDateScope {
  /** The ids of the earnings paid year to date. */
  yearToDate: ReadonlySet<string>;
  /** The fiscal year of a period label (`undefined` for a label the calendar does not read). */
  fiscalYear: (period: string) => number | undefined;
  /** The periods of the earlier results: closed for every payee. */
  closed?: ReadonlySet<string>;
  /**
   * The payee's statements of closed periods the run leaves out, as the run builds them now on its
   * data (`not-recalculated.ts`): what a later period of their year absorbs of their changes.
   */
  leftOut?: readonly Statement[];
  /**
   * The payee's periods as the run reads them now ({@link payeePeriods}). Without it, no period is
   * unrun between two others, and the payee is on the plan in every period.
   */
  payeePeriods?: PayeePeriods;
}

/** A payee's periods of the year as the run reads them now (its plan dates, its runs). */
export interface PayeePeriods {
  /**
   * True when `from` is a closed period the run leaves out and a period of the fiscal year between
   * it and `to`, in which the payee is on the plan, is neither closed nor calculated in the run:
   * `to`'s amount took that period off as worked out now, change of `from` included, so it does
   * not take in that change itself.
   */
  unrunBetween(from: string, to: string): boolean;
  /**
   * False for a period of the year in which the payee is off the plan now (a start date moved
   * later, an end date moved earlier). A later period takes off nothing for such a period that the
   * run calculates again (`earn/paid-before.ts` skips it, as one call over every period does): that
   * period has no own part, and its recalculation line takes back what it was paid.
   */
  onPlan(period: string): boolean;
  /**
   * True for a closed period the run does not calculate: one off the plan keeps what it was paid,
   * and a later period takes that off, as for a period on the plan, so that its amount takes it back.
   */
  leftOut(period: string): boolean;
}

/**
 * {@link PayeePeriods} for a payee of a run (the run's periods are `run.calculated`, the closed
 * ones those of the earlier results; the periods between are read as `earn/paid-before.ts` reads
 * them: the calendar's periods of the year, the payee on the plan).
 */
export function payeePeriods(run: Run, payee: PayeeData): PayeePeriods {
  const { program } = run;
  const calculated = run.calculated;
  const closed = run.closedPeriods();
  return {
    unrunBetween(from, to) {
      if (!calculated || calculated.has(from) || !closed.has(from)) return false;
      const [q, p] = [program.calendar.parse(from), program.calendar.parse(to)];
      if (!q || !p || q.fiscalYear !== p.fiscalYear) return false;
      return program.calendar
        .toDate(p, 'year')
        .some(
          (x) =>
            x.start > q.start &&
            x.start < p.start &&
            !closed.has(x.label) &&
            !calculated.has(x.label) &&
            program.onPlan(payee, x),
        );
    },
    onPlan(label) {
      const period = program.calendar.parse(label);
      return period === undefined || program.onPlan(payee, period);
    },
    leftOut: (label) => calculated !== undefined && !calculated.has(label) && closed.has(label),
  };
}

const NONE: ReadonlyMap<string, Dec> = new Map();

/** A day after every period: {@link Reported.paidBefore} on it counts every correction. */
const END = '9999-12-31';

/**
 * True when the earning's amount took off what earlier periods paid (not gated, inside its dates).
 * `gated`: whether its gate is closed, by default as calculated; {@link gatedIfTheyClose} asks
 * whether it would take them off if the hypothetical records closed.
 */
export function takesOffEarlier(earning: EarningResult, gated = earning.gated === true): boolean {
  return !gated && earning.trace.inputs.some((i) => i.name === PAID_EARLIER);
}

function amountIn(statement: Statement, id: string): Dec {
  const earning = statement.earnings.find((e) => e.id === id);
  return earning ? amountOf(earning.amount) : ZERO;
}

interface Calculated {
  statement: Statement;
  year: number | undefined;
  /** A(P) by earning id (only the non-zero ones). */
  absorbed: ReadonlyMap<string, Dec>;
  /** A(P) by earning id, then by the earlier period whose correction each part pays. */
  parts: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
  /** E(P) by earning id (only the non-zero ones): see {@link YearToDate.estimatedFromClosed}. */
  estimated: ReadonlyMap<string, Dec>;
  /** Each `paid year to date` earning's own estimate, its estimate less E(P) (only the non-zero ones). */
  ownEstimates: ReadonlyMap<string, Dec>;
  /** The `paid year to date` earnings that would take off what earlier periods paid if the hypothetical records closed. */
  takingOff: ReadonlySet<string>;
}

/** Adds `amount` to `period`'s part. */
function addPart(parts: Map<string, Dec>, period: string, amount: Dec): void {
  if (!amount.isZero()) parts.set(period, (parts.get(period) ?? ZERO).plus(amount));
}

/** The absorbed parts of one payee's statements of a run. */
export class YearToDate {
  /** The run's statements by period, in the order given (period order). */
  private readonly calculated = new Map<string, Calculated>();
  private readonly years = new Map<string, number | undefined>();
  /** The left-out periods' statements not given yet, in period order. */
  private readonly pending: Statement[];
  /** The closed periods with a reported statement of the payee, who is off the plan there now. */
  private readonly offPlan: string[];

  constructor(
    private readonly reported: Reported,
    private readonly scope: YearToDateScope,
  ) {
    this.pending = [...(scope.leftOut ?? [])].sort((a, b) => compareText(a.start, b.start));
    this.offPlan = [...(scope.closed ?? [])].filter((q) => reported.statement(q) && !this.onPlan(q));
  }

  /** True when earlier results hold the period (for this payee or any other). */
  isClosed(period: string): boolean {
    return this.reported.statement(period) !== undefined || this.scope.closed?.has(period) === true;
  }

  /**
   * What a period starting on `before` took off for `key` in `period`, as `earn/paid-before.ts`
   * reads it: for a period whose statement it takes off ({@link takesOff}), the reported amount
   * plus the corrections paid before that day ({@link Reported.paidBefore}), less those absorbed
   * by statements it does not take off; for any other, nothing of its own, only the corrections of
   * it absorbed before that day by statements it takes off (they are inside those amounts).
   */
  private takenOff(period: string, key: string, before: string): Dec {
    const on = this.takesOff(period);
    let paid = on ? this.reported.paidBefore(period, key, before) : ZERO;
    for (const c of this.reported.correctionsOf(period)) {
      if (c.key !== key || c.line !== undefined || c.start >= before || this.takesOff(c.paidIn) === on)
        continue;
      paid = on ? paid.minus(c.amount) : paid.plus(c.amount);
    }
    return paid;
  }

  /**
   * True when the payee is on the plan in `period` now ({@link PayeePeriods}); true when the scope
   * does not say.
   */
  private onPlan(period: string): boolean {
    return this.scope.payeePeriods?.onPlan(period) ?? true;
  }

  /**
   * True when a later period of the year takes off what `period` paid (`earn/paid-before.ts`): the
   * payee is on the plan there now, or the run leaves that closed period out.
   */
  private takesOff(period: string): boolean {
    return this.onPlan(period) || this.scope.payeePeriods?.leftOut(period) === true;
  }

  /** True when `id` is an earning paid year to date. */
  isYearToDate(id: string): boolean {
    return this.scope.yearToDate.has(id);
  }

  /** The fiscal year of a period. */
  yearOf(period: string): number | undefined {
    if (!this.years.has(period)) this.years.set(period, this.scope.fiscalYear(period));
    return this.years.get(period);
  }

  /**
   * A(P) of `statement` by earning id: the part of each `paid year to date` earning's amount that
   * pays corrections of earlier periods of the run. Statements must come in period order; a period
   * given again keeps what it was first given.
   */
  absorbed(statement: Statement): ReadonlyMap<string, Dec> {
    const known = this.calculated.get(statement.period);
    if (known) return known.absorbed;
    // The left-out periods before it come first, as built now: a closed period like the others.
    for (let next = this.pending[0]; next && next.start < statement.start; next = this.pending[0]) {
      this.pending.shift();
      if (!this.calculated.has(next.period)) this.account(next);
    }
    return this.account(statement);
  }

  /** A(P) of a statement given in period order, after the ones before it. */
  private account(statement: Statement): ReadonlyMap<string, Dec> {
    const year = this.yearOf(statement.period);
    const earlier = [...this.calculated.entries()].filter(
      ([, q]) => q.year === year && q.statement.start < statement.start,
    );
    // Earlier periods of the year the run does not calculate (labels of one fiscal year sort in
    // time order) that were corrected, or reported with the payee off the plan there now.
    const skipped = [...new Set([...this.reported.correctedPeriods(), ...this.offPlan])].filter(
      (q) => !this.calculated.has(q) && this.yearOf(q) === year && compareText(q, statement.period) < 0,
    );
    let absorbed = NONE;
    const byPeriod = new Map<string, ReadonlyMap<string, Dec>>();
    // Without a closed period before it in the year, nothing is corrected: A is zero.
    if (skipped.length > 0 || earlier.some(([period]) => this.isClosed(period))) {
      const found = new Map<string, Dec>();
      for (const earning of statement.earnings) {
        if (!this.isYearToDate(earning.id) || !takesOffEarlier(earning)) continue;
        const key = earningKey(earning.id);
        // By the period whose correction it pays: a closed period's own part minus what this
        // period took off for it; a period calculated now took off what it pays now, its own
        // part and what it absorbed itself (so that is not absorbed twice). A period in which the
        // payee is off the plan now has no own part (one call pays nothing there): this period's
        // amount takes in the opposite of what it took off for it ({@link takenOff}), all it was
        // paid when the run leaves it out.
        const parts = new Map<string, Dec>();
        const takenOff = (period: string) => this.takenOff(period, key, statement.start);
        // A period not calculated again counts as what it paid in all.
        const paidInAll = (period: string) =>
          addPart(parts, period, this.reported.paidBefore(period, key, END).minus(takenOff(period)));
        for (const [period, q] of earlier) {
          if (!this.takesOff(period)) addPart(parts, period, takenOff(period).neg());
          // A left-out period whose change a period between took in counts as what it paid in all.
          else if (this.scope.payeePeriods?.unrunBetween(period, statement.period)) paidInAll(period);
          else if (this.isClosed(period)) {
            const now = amountIn(q.statement, earning.id);
            const own = now.minus(q.absorbed.get(earning.id) ?? ZERO);
            addPart(parts, period, own.minus(takenOff(period)));
          } else for (const [from, part] of q.parts.get(earning.id) ?? NONE) addPart(parts, from, part.neg());
        }
        for (const period of skipped)
          if (this.takesOff(period)) paidInAll(period);
          else addPart(parts, period, takenOff(period).neg());
        let total = ZERO;
        for (const part of parts.values()) total = total.plus(part);
        if (!total.isZero()) found.set(earning.id, total);
        if (parts.size > 0) byPeriod.set(earning.id, parts);
      }
      absorbed = found;
    }
    const { estimated, ownEstimates, takingOff } = this.estimatesIn(statement, earlier);
    this.calculated.set(statement.period, {
      statement,
      year,
      absorbed,
      parts: byPeriod,
      estimated,
      ownEstimates,
      takingOff,
    });
    return absorbed;
  }

  /**
   * E(P) of a statement: the estimate of each of its `paid year to date` earnings that comes from
   * hypothetical records dated in closed periods before it, by earning id, with each such earning's
   * own estimate (its estimate less E(P)). An earning's estimate is its projected amount less its
   * actual one, and both take off what the earlier periods really paid, so when it takes off
   * earlier periods its estimate takes in their hypothetical records: E(P) is the sum of the own
   * estimates of the closed periods of the year before it, as A(P) sums their own parts. Without
   * taking off (a gated period, the first of the year), E(P) is zero.
   */
  private estimatesIn(
    statement: Statement,
    earlier: readonly [string, Calculated][],
  ): Pick<Calculated, 'estimated' | 'ownEstimates' | 'takingOff'> {
    const estimated = new Map<string, Dec>();
    const ownEstimates = new Map<string, Dec>();
    const takingOff = new Set<string>();
    for (const earning of statement.earnings) {
      if (!this.isYearToDate(earning.id)) continue;
      let fromClosed = ZERO;
      if (takesOffEarlier(earning, gatedIfTheyClose(earning))) {
        takingOff.add(earning.id);
        for (const [period, q] of earlier)
          if (this.isClosed(period)) fromClosed = fromClosed.plus(q.ownEstimates.get(earning.id) ?? ZERO);
      }
      const own = amountOf(earning.estimate).minus(fromClosed);
      if (!fromClosed.isZero()) estimated.set(earning.id, fromClosed);
      if (!own.isZero()) ownEstimates.set(earning.id, own);
    }
    return { estimated, ownEstimates, takingOff };
  }

  /**
   * What hypothetical records would correct on the `paid year to date` earnings of the closed
   * `period` that no later period of the run takes in, by earning id: each one's own estimate
   * there, unless a later period of its year that is not closed takes off what earlier periods
   * paid (its amount would then pay the correction, and its estimate counts it). A closed later
   * period's amount takes it in too, but the recalculation pays it as `period`'s correction.
   * Ask once every statement of the run was given.
   */
  estimatesNotTakenIn(period: string): ReadonlyMap<string, Dec> {
    const q = this.calculated.get(period);
    if (!q || q.ownEstimates.size === 0) return NONE;
    const found = new Map<string, Dec>();
    const later = [...this.calculated].filter(
      ([period, p]) => p.year === q.year && p.statement.start > q.statement.start && !this.isClosed(period),
    );
    for (const [id, own] of q.ownEstimates)
      if (!later.some(([, p]) => p.takingOff.has(id))) found.set(id, own);
    return found;
  }

  /**
   * E(P) of `period` by earning id (once its statement was given): the part of each `paid year to
   * date` earning's estimate that hypothetical records dated in closed periods of the year give it.
   * If they closed, those periods would be corrected and P's amount would take the correction in
   * (A(P)): their holdbacks, draws and guarantees count it, through their estimated corrections,
   * and P's count its estimate without it, as they count its amount without A(P).
   */
  estimatedFromClosed(period: string): ReadonlyMap<string, Dec> {
    return this.calculated.get(period)?.estimated ?? NONE;
  }

  /**
   * The part of A(P) of earning `id` in `period` that pays corrections of `from` (an earlier
   * period of the year); zero for a period not given.
   */
  absorbedFrom(period: string, id: string, from: string): Dec {
    return this.calculated.get(period)?.parts.get(id)?.get(from) ?? ZERO;
  }

  /** A(P) of `period` by earning id, then by the earlier period whose correction each part pays. */
  partsIn(period: string): ReadonlyMap<string, ReadonlyMap<string, Dec>> {
    return this.calculated.get(period)?.parts ?? new Map();
  }

  /** A(P) of earning `id` in `period` (zero for a period not given). */
  absorbedIn(period: string, id: string): Dec {
    return this.calculated.get(period)?.absorbed.get(id) ?? ZERO;
  }

  /** The periods given, in order, with their statements. */
  periods(): IterableIterator<[string, Calculated]> {
    return this.calculated.entries();
  }
}

/**
 * The start of the name of the trace input by which a `paid year to date` earning says that the
 * correction of an earlier period its year-to-date amount took in is paid apart, on a recalculation
 * line of the current period (`paid apart: the correction of 2026-Q1`): see {@link paidApart}.
 */
export const PAID_APART = 'paid apart: the correction of ';

/**
 * With `rounding ... at payout`, a statement of the run (not a closed period's) whose `paid year to
 * date` earnings take in corrections of earlier periods, without them: each such earning pays its
 * own part, and a line of its own per earlier period takes the part off (`<id>:correction:<period>`,
 * so that its lines still add up to its amount), with a trace input saying so ({@link PAID_APART},
 * instead of {@link ABSORBS}: the amount pays no correction). The recalculation pays the parts as
 * lines named after the corrected periods, with their payout rounding lines, in the current period
 * (`current`), whole units added after its own amount is rounded; so each period's payout rounds
 * its own amount only, as one call over the corrected data does (rounding `x + k` is not
 * `round(x) + k`). `parts`: by earning id, then by the period whose correction each part pays.
 * `earned` is lowered by the parts; the payout is left to the caller to settle again.
 */
export function paidApart(
  env: LineEnv,
  statement: Statement,
  parts: ReadonlyMap<string, ReadonlyMap<string, Dec>>,
  current: string,
): Statement {
  let earned = amountOf(statement.earned);
  const earnings = statement.earnings.map((e) => {
    const byPeriod = [...(parts.get(e.id) ?? [])]
      .filter(([, part]) => !part.isZero())
      .sort(([a], [b]) => compareText(a, b));
    if (byPeriod.length === 0) return e;
    let amount = amountOf(e.amount);
    const inputs: TraceInput[] = e.trace.inputs.filter((i) => !i.name.startsWith(ABSORBS));
    const lines: EarningLine[] = [...e.lines];
    for (const [from, part] of byPeriod) {
      amount = amount.minus(part);
      earned = earned.minus(part);
      const text = lineText(part, env.rounding);
      inputs.push({ name: `${PAID_APART}${from}`, value: text, unit: env.currency });
      lines.push({
        id: `${e.id}:correction:${from}`,
        amount: lineText(part.neg(), env.rounding),
        trace: {
          rule: e.trace.rule,
          range: e.trace.range,
          inputs: [
            { name: 'period', value: from },
            { name: 'correction', value: text, unit: env.currency },
          ],
          text: `the year to date takes in the correction of ${from}: it is paid apart, on a recalculation line of ${current}, so that this period's payout rounds its own amount only`,
        },
      });
    }
    return {
      ...e,
      amount: lineText(amount, env.rounding),
      lines,
      trace: { ...e.trace, inputs },
    };
  });
  return { ...statement, earnings, earned: lineText(earned, env.rounding) };
}
