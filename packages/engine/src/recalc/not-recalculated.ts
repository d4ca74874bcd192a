/**
 * Closed periods a run leaves out: the `not-recalculated` and `already-reported` warnings.
 *
 * Closed periods are recalculated only when they are among the run's periods: a period of the
 * earlier results before the current one but left out of the run keeps what it reported, and a
 * late change to its data is not paid, except through the year-to-date amount of `paid year to
 * date` earnings in a later period of its fiscal year (they take off what it reported). A run
 * period by period (Q1, then Q2 with Q1's results, then Q3...) leaves every earlier period out,
 * so the run warns only about those that calculating again would pay something for:
 *
 * A left-out period has _changed_ when, for some payee, what its earnings come to now on the
 * run's data (its statement built as the run builds statements, `buildStatement`) differs from
 * what was reported for them plus the corrections later statements already paid for them
 * (`Reported.amounts`: recalculation lines, and corrections paid inside a `paid year to date`
 * amount), earning by earning, exactly; or when its manual adjustments (`adjustment ... from
 * data`, each converted at the FX rate of the period's last day as the payout stage does) differ
 * from the manual lines paid for it; or when the lines of its payout rules (draws, guarantees,
 * holdbacks, clawbacks) differ from those paid for it: the payout stage pays its statement as
 * built now again (`payoutPeriod`, on the balances and the lines paid on records that the earlier
 * results give before it), so a record cancelled in it, or a start or release date that moves a
 * draw, a guarantee or a holdback, counts even when no earning changed. So whatever the earnings
 * read counts (credits, a count of records no credit reads, quota relief, a quota, an attribute,
 * an FX rate), a correction already paid by a later run is not a change, and records named by row
 * that only moved in the file are not either (payout rounding is not compared). A `paid year to date`
 * earning is compared on the period's own part (without what it absorbed of earlier periods'
 * corrections, `year-to-date.ts`), and not at all when a later period of the run in its fiscal
 * year takes off what was paid before it: that period pays the change. A payee no longer in the
 * data whose statement there paid something counts as a change too (the run cannot pay them).
 *
 * A period to which the data does not reach back (no record of any source dated in it or, for a
 * clawback, cancelled in it within its window, no manual adjustment for it) is not compared: data
 * given period by period does not reach back to it. A payee's own plan dates, or a keyed record
 * that moved out of it into the run, still reach back to it for that payee (`reachedBy`).
 *
 * The comparison builds each left-out period's statement once more per payee, and pays it again
 * when the plan has payout rules (and no more for a period once it is known to have changed and
 * the data reaches it), before the run releases the payee. One warning per run names every changed period. A current period the earlier results
 * hold is closed too: it is returned as reported, with nothing later to pay its changes in
 * (`already-reported`).
 */
import { compareText } from '../compare-text.js';
import { lastDayOnPlanBefore } from '../data/earlier-periods.js';
import type { PayeeData } from '../data/model.js';
import { type Dec, ZERO } from '../decimal.js';
import type { Run } from '../evaluate/run.js';
import { withinWindow } from '../payout/clawbacks.js';
import { drawBalance } from '../payout/draws.js';
import { Ledger, recordKey } from '../payout/ledger.js';
import type { LineEnv } from '../payout/lines.js';
import { amountOf, lineAmount } from '../payout/money.js';
import { payoutPeriod } from '../payout/payout-period.js';
import { isYearEnd, PayoutResolver } from '../payout/resolve.js';
import { NO_RANGE } from '../payout/rules.js';
import type { RecordRef, Statement } from '../results/results.js';
import { buildStatement } from '../results/statement.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { listed } from '../trace/sentence.js';
import { type Amount, adjustmentKey, amountsOf, earningKey, Reported, tracedRecords } from './amounts.js';
import { payeePeriods, takesOffEarlier, YearToDate } from './year-to-date.js';

const EARNING = earningKey('');
/** The start of the key of an adjustment line (`adjustment:draw:d`). */
const ADJUSTMENT = adjustmentKey('');
/** The start of the key of a manual line (`adjustment:manual:A1`). */
const MANUAL = adjustmentKey('manual:');

/** True for the key of a line of the payout rules: draws, guarantees, holdbacks, clawbacks. */
const isRuleLine = (key: string) => key.startsWith(ADJUSTMENT) && !key.startsWith(MANUAL);

/**
 * What the payout stage needs to pay a left-out period again (a plan with draws, guarantees,
 * holdbacks or clawbacks): the run's own resolver of payout terms, the line format, and the draw
 * balances a year-end true-up forgives at the end of a period (as `apply-payout.ts` gives them).
 */
interface PayoutScope {
  resolver: PayoutResolver;
  env: LineEnv;
  trueUps: (period: string) => ReadonlySet<string>;
  /**
   * True when some lines read what earlier periods did: the balances of recoverable draws and
   * holdbacks, what a clawback takes back. Guarantees and other draws read only the period.
   */
  history: boolean;
}

/** A statement of this run or built again for a left-out period, with its period. */
interface Dated {
  period: Period;
  statement: Statement;
}

/** The left-out closed periods of one run, compared payee by payee with what was paid for them. */
export class NotRecalculated {
  /** The closed periods before the current one that the run leaves out, in time order. */
  private readonly skipped: Period[] = [];
  /** The earlier results' statements, by payee. */
  private readonly previousBy = new Map<string, Statement[]>();
  /** Periods that calculating again would pay something for. */
  private readonly changed = new Set<string>();
  /** Periods the run's data reaches back to: a record dated in them, or a manual adjustment. */
  private readonly seen = new Set<string>();
  /** Payees compared so far. */
  private readonly compared = new Set<string>();
  /** The manual lines the data gives the left-out periods now, by payee and period, then by key. */
  private readonly manual = new Map<string, Map<string, Dec>>();
  /** The ids of the earnings paid year to date. */
  private readonly yearToDate: ReadonlySet<string>;
  private readonly current: Period | undefined;
  /** The current period's first day; corrections paid from then on are this run's. */
  private readonly currentStart: string;
  /** True when the current period is closed too: the run pays nothing. */
  private currentClosed = false;
  /** The left-out periods' statements built for a payee before `check` (see {@link leftOut}). */
  private built: { payee: string; statements: Map<string, Statement | undefined> } | undefined;
  /** What paying a left-out period again needs; none for a plan without payout rules. */
  private readonly payout: PayoutScope | undefined;

  /** Says at once that a current period already reported is returned as reported. */
  constructor(
    private readonly run: Run,
    private readonly periods: readonly Period[],
  ) {
    const current = periods[periods.length - 1];
    this.current = current;
    this.currentStart = current ? formatDate(current.start) : '';
    const { plan, calendar } = run.program;
    this.yearToDate = new Set(plan.earnings.filter((e) => e.paidYearToDate).map((e) => e.name));
    if (!current || !run.previous) return;
    const asked = new Set(periods.map((p) => p.label));
    const skipped = new Map<string, Period>();
    for (const s of run.previous.statements ?? []) {
      if (s.period === current.label) this.currentClosed = true;
      const list = this.previousBy.get(s.payee);
      if (list) list.push(s);
      else this.previousBy.set(s.payee, [s]);
      const period = calendar.parse(s.period);
      if (period && period.kind === current.kind && period.start < current.start && !asked.has(s.period))
        skipped.set(s.period, period);
    }
    this.skipped.push(...[...skipped.values()].sort((a, b) => a.start - b.start));
    if (plan.adjustments.length > 0)
      for (const a of run.data.adjustments) {
        const period = skipped.get(a.period.label);
        if (!period || a.period.kind !== period.kind) continue;
        // As the payout stage pays it: converted at the rate of the period's last day, else not paid.
        const converted = run.data.fx.convert(a.amount, a.currency, run.program.currency, period.end);
        const amount = converted ? lineAmount(converted, plan.header.rounding) : ZERO;
        const at = `${a.payee}\u0000${period.label}`;
        const lines = this.manual.get(at) ?? new Map<string, Dec>();
        const key = adjustmentKey(`manual:${a.id}`);
        lines.set(key, (lines.get(key) ?? ZERO).plus(amount));
        this.manual.set(at, lines);
        this.seen.add(period.label);
      }
    // Records without an owner reach back for everyone; owned ones are looked at payee by payee.
    for (const period of this.skipped)
      for (const source of run.program.schemas.keys())
        if (!this.seen.has(period.label) && run.index.unowned(source, period).length > 0)
          this.seen.add(period.label);
    const rules = plan.draws.length + plan.guarantees.length + plan.holdbacks.length + plan.clawbacks.length;
    if (rules > 0 && this.skipped.length > 0) {
      const resolver = new PayoutResolver(run);
      const trued = new Set(plan.draws.filter((d) => d.recoverable && d.trueUpAtYearEnd).map(drawBalance));
      const none: ReadonlySet<string> = new Set();
      this.payout = {
        resolver,
        env: { rounding: plan.header.rounding, currency: plan.header.currency },
        history: plan.draws.some((d) => d.recoverable) || plan.holdbacks.length + plan.clawbacks.length > 0,
        trueUps: (label) => {
          const period = trued.size > 0 ? calendar.parse(label) : undefined;
          return period && isYearEnd(run.program.end, period) ? trued : none;
        },
      };
      // A record cancelled in a period, within a clawback's window, reaches back to it: the
      // clawback is taken there.
      for (const period of this.skipped)
        if (
          !this.seen.has(period.label) &&
          resolver.cancelledIn(period).some((c) => withinWindow(c.dated, c.cancelled, c.clawback.withinDays))
        )
          this.seen.add(period.label);
    }
    if (this.currentClosed) {
      const c = current.label;
      const why = `${c} is in the earlier results: it was already reported, so its statements are returned as reported and none of its changes is paid (a paid period is never rewritten); calculate ${c} again with a later period to pay them there`;
      run.warn(undefined, c, 'already-reported', undefined, NO_RANGE, why);
    }
  }

  /**
   * The payee's statements, as the run builds them now, of the left-out periods that a period of
   * `fresh` (the payee's statements of this run) follows in the same fiscal year, when the plan has
   * earnings paid year to date: the payout stage counts what those later amounts absorb of their
   * changes (`year-to-date.ts`). Call before {@link check} for the same payee, which reuses them.
   */
  leftOut(payee: PayeeData, fresh: readonly Statement[]): Statement[] {
    this.built = undefined;
    if (this.yearToDate.size === 0 || this.skipped.length === 0) return [];
    const { program } = this.run;
    const later = fresh.map((s) => program.calendar.parse(s.period)).filter((p) => p !== undefined);
    const statements = new Map<string, Statement | undefined>();
    const found: Statement[] = [];
    for (const period of this.skipped) {
      if (!later.some((p) => p.fiscalYear === period.fiscalYear && p.start > period.start)) continue;
      const statement = program.onPlan(payee, period) ? buildStatement(this.run, payee, period) : undefined;
      statements.set(period.label, statement);
      if (statement) found.push(statement);
    }
    this.built = { payee: payee.id, statements };
    return found;
  }

  /**
   * Compares what the payee's earnings and manual adjustments in each left-out period come to now
   * with what was paid for them. `fresh`: the payee's statements of this run (built, in any
   * order). Call once per payee, before the run releases them.
   */
  check(payee: PayeeData, fresh: readonly Statement[]): void {
    this.compared.add(payee.id);
    if (this.skipped.length === 0) return;
    const { program, index } = this.run;
    for (const period of this.skipped)
      if (!this.seen.has(period.label))
        for (const source of program.schemas.keys())
          if (index.ofOwner(source, period, payee.id).length > 0) {
            this.seen.add(period.label);
            break;
          }
    const previous = this.previousBy.get(payee.id) ?? [];
    const own = this.reachedBy(payee, previous, fresh);
    const had = new Set(previous.map((s) => s.period));
    const todo = this.skipped.filter(
      (p) =>
        !(this.changed.has(p.label) && this.seen.has(p.label)) &&
        (had.has(p.label) || program.onPlan(payee, p) || own.has(p.label)),
    );
    const built = this.built?.payee === payee.id ? this.built.statements : undefined;
    this.built = undefined;
    if (todo.length === 0) return;
    const comparison = new PayeeComparison(this.run, payee, previous, fresh, this.skipped, {
      currentStart: this.currentStart,
      currentClosed: this.currentClosed,
      yearToDate: this.yearToDate,
      built,
      payout: this.payout,
    });
    // Latest first: each period is paid again on what was reported before it (see `payoutDiffers`).
    for (const period of [...todo].reverse())
      if (comparison.differs(period, this.manual.get(`${payee.id}\u0000${period.label}`))) {
        this.changed.add(period.label);
        if (own.has(period.label)) this.seen.add(period.label);
      }
  }

  /**
   * The left-out periods that no record dated in them reaches back to, but the payee's own data
   * does: a period is named for them when it changed for them (not for a change of other payees,
   * whose records there the data may not give). Their plan dates reach back to a period when they
   * are on the plan there now and nothing was paid them for it in all (no statement, or every line
   * taken back since: a start date moved later, then earlier again), or off the plan there now and
   * something was. A record reaches back to a period that credited or paid the payee on it (a
   * credit or earning line of the reported statement, or a change a recalculation line made on it)
   * when this run credits or pays them on it now, in one of its periods: it moved out of the period
   * (by its key; records named by row are not followed).
   */
  private reachedBy(
    payee: PayeeData,
    previous: readonly Statement[],
    fresh: readonly Statement[],
  ): Set<string> {
    const own = new Set<string>();
    const open = this.skipped.filter((p) => !this.seen.has(p.label));
    if (open.length === 0) return own;
    const reported = new Reported(previous, this.currentStart);
    let keys: Set<string> | undefined;
    for (const period of open) {
      const paid = [...reported.amounts(period.label).values()].some(({ amount }) => !amount.isZero());
      if (paid !== this.run.program.onPlan(payee, period)) {
        own.add(period.label);
        continue;
      }
      keys ??= keyedRecords(fresh.flatMap(recordsOf));
      if (keys.size === 0) continue;
      const statement = reported.statement(period.label);
      const paidOn = [
        ...(statement ? recordsOf(statement) : []),
        ...reported.correctionsOf(period.label).flatMap((c) => (c.line ? tracedRecords(c.line) : [])),
      ];
      if (paidOn.some((r) => r?.key !== undefined && keys?.has(recordKey(r)))) own.add(period.label);
    }
    return own;
  }

  /**
   * A left-out period of a payee the run does not calculate (no longer in the data) counts as
   * changed when it paid them something. Then warns, once, naming every changed period the data
   * reaches back to.
   */
  finish(): void {
    const current = this.current;
    if (!current || this.skipped.length === 0) return;
    for (const [payee, statements] of this.previousBy) {
      if (this.compared.has(payee)) continue;
      const reported = new Reported(statements, this.currentStart);
      for (const { label } of this.skipped) {
        if (this.changed.has(label)) continue;
        const paid = [...reported.amounts(label)].some(
          ([key, { amount }]) => (key.startsWith(EARNING) || key.startsWith(MANUAL)) && !amount.isZero(),
        );
        if (paid || this.manual.has(`${payee}\u0000${label}`)) this.changed.add(label);
      }
    }
    const list = this.skipped.filter((p) => this.changed.has(p.label) && this.seen.has(p.label));
    const [first] = list;
    if (!first) return;
    const yearToDate = this.run.program.plan.earnings.filter((e) => e.paidYearToDate).map((e) => e.name);
    const label = first.label;
    // The first period of the run that takes in their changes: a later one of the same fiscal year
    // that was not reported already (a reported one is returned as reported, paying nothing new).
    const closed = this.run.closedPeriods();
    const later = this.periods.find(
      (p) => !closed.has(p.label) && list.some((s) => p.start > s.start && p.fiscalYear === s.fiscalYear),
    );
    const absorbed = yearToDate.length > 0 && later !== undefined;
    const c = current.label;
    // Where a run calculating them again pays their changes: its current period, unless that was
    // already reported too (then nothing of them is paid in it: see the 'already-reported' warning).
    const pay = (them: string, what: string) =>
      this.currentClosed
        ? `calculate ${them} again with a period after ${c} to pay ${what} there`
        : `calculate ${them} again with ${c} to pay ${what} in ${c}`;
    let why: string;
    if (list.length === 1) {
      why = absorbed
        ? `${label} is in the earlier results but not among this run's periods: changes to its data are not recalculated, except in the earnings paid year to date (${yearToDate.join(', ')}): from ${later.label} on they pay the year to date minus what ${label} reported, which takes in its changes (${pay(label, 'its other changes')})`
        : `${label} is in the earlier results but not among this run's periods: changes to its data are not recalculated (${pay(label, 'them')})`;
    } else {
      const labels = listed(list.map((p) => p.label).sort(compareText));
      why = absorbed
        ? `${labels} are in the earlier results but not among this run's periods: changes to their data are not recalculated, except in the earnings paid year to date (${yearToDate.join(', ')}): later periods of the same fiscal year pay the year to date minus what was reported, which takes in their changes (${pay('them', 'their other changes')})`
        : `${labels} are in the earlier results but not among this run's periods: changes to their data are not recalculated (${pay('them', 'them')})`;
    }
    this.run.warn(undefined, first.label, 'not-recalculated', undefined, NO_RANGE, why);
  }
}

/** The records a statement credits or pays on: its credit lines' and earning lines'. */
function recordsOf(statement: Statement): (RecordRef | undefined)[] {
  const records: (RecordRef | undefined)[] = [];
  for (const c of statement.credits ?? []) for (const l of c.lines ?? []) records.push(l.record);
  for (const e of statement.earnings ?? []) for (const l of e.lines ?? []) records.push(l.record);
  return records;
}

/** The keys ({@link recordKey}) of the records among `records` that have a key. */
function keyedRecords(records: readonly (RecordRef | undefined)[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records) if (r?.key !== undefined) keys.add(recordKey(r));
  return keys;
}

/**
 * True when a line of `now` differs from what `was` paid for it, among the lines of `was` that
 * `counted` keeps (a line missing from `now` pays nothing), or `now` pays a line `was` has not.
 */
function linesDiffer(
  was: ReadonlyMap<string, Amount>,
  now: ReadonlyMap<string, Dec>,
  counted: (key: string) => boolean,
): boolean {
  for (const [key, { amount }] of was) if (counted(key) && !(now.get(key) ?? ZERO).eq(amount)) return true;
  for (const [key, amount] of now) if (!was.has(key) && !amount.isZero()) return true;
  return false;
}

/** One payee's left-out periods: what they come to now against what was paid for them. */
class PayeeComparison {
  private readonly reported: Reported;
  /** The statements of this run, with their periods. */
  private readonly fresh: Dated[] = [];
  /** The statements of the left-out periods as built now, on first use (`undefined`: off the plan). */
  private readonly built: Map<string, Statement | undefined>;
  private ytd: YearToDate | undefined;
  /** The payee's earlier results, overlaid by the left-out periods paid again (see `payoutDiffers`). */
  private ledger: Ledger | undefined;

  constructor(
    private readonly run: Run,
    private readonly payee: PayeeData,
    private readonly previous: readonly Statement[],
    fresh: readonly Statement[],
    private readonly skipped: readonly Period[],
    private readonly scope: {
      currentStart: string;
      currentClosed: boolean;
      yearToDate: ReadonlySet<string>;
      /** Statements of left-out periods already built for the payee (`NotRecalculated.leftOut`). */
      built?: ReadonlyMap<string, Statement | undefined> | undefined;
      /** What paying a left-out period again needs; none for a plan without payout rules. */
      payout?: PayoutScope | undefined;
    },
  ) {
    this.built = new Map(scope.built);
    this.reported = new Reported(previous, scope.currentStart);
    for (const statement of fresh) {
      const period = run.program.calendar.parse(statement.period);
      if (period) this.fresh.push({ period, statement });
    }
  }

  /** The payee's statement of a left-out period as the run builds it now; none off the plan. */
  private now(period: Period): Statement | undefined {
    if (!this.built.has(period.label))
      this.built.set(
        period.label,
        this.run.program.onPlan(this.payee, period)
          ? buildStatement(this.run, this.payee, period)
          : undefined,
      );
    return this.built.get(period.label);
  }

  /**
   * True when a later period of this run in `period`'s fiscal year takes off, in `paid year to
   * date` earning `id`, what was paid before it: it pays `period`'s change (none when the run pays
   * nothing, its current period being closed).
   */
  private absorbs(period: Period, id: string): boolean {
    if (this.scope.currentClosed) return false;
    return this.fresh.some(
      (f) =>
        f.period.start > period.start &&
        f.period.fiscalYear === period.fiscalYear &&
        f.statement.earnings.some((e) => e.id === id && takesOffEarlier(e)),
    );
  }

  /**
   * A `paid year to date` earning's own part in a left-out period: its amount now without what it
   * absorbs of earlier periods' corrections (the statements of the fiscal year up to it, this run's
   * and the left-out ones as built now, are given in time order, as a recalculation gives them).
   */
  private ownPart(period: Period, id: string, amount: Dec): Dec {
    const { calendar } = this.run.program;
    this.ytd ??= new YearToDate(this.reported, {
      yearToDate: this.scope.yearToDate,
      fiscalYear: (label) => calendar.parse(label)?.fiscalYear,
      closed: this.run.closedPeriods(),
      payeePeriods: payeePeriods(this.run, this.payee),
    });
    const upTo = (p: Period) => p.fiscalYear === period.fiscalYear && p.start <= period.start;
    const dated: Dated[] = this.fresh.filter((f) => upTo(f.period));
    for (const p of this.skipped) {
      const statement = upTo(p) ? this.now(p) : undefined;
      if (statement) dated.push({ period: p, statement });
    }
    dated.sort((a, b) => a.period.start - b.period.start);
    // A period given again keeps what it was first given: periods come in time order.
    for (const { statement } of dated) this.ytd.absorbed(statement);
    return amount.minus(this.ytd.absorbedIn(period.label, id));
  }

  /**
   * True when calculating `period` again would pay something: an earning (by key) or a manual
   * line (`manual`: the data's now) differs from what was paid for it.
   */
  differs(period: Period, manual: ReadonlyMap<string, Dec> | undefined): boolean {
    const ids = this.scope.yearToDate;
    // An earning paid year to date whose change a later period of the run pays is left out.
    const skip = (key: string) => {
      const id = key.slice(EARNING.length);
      return key.startsWith(EARNING) && ids.has(id) && this.absorbs(period, id);
    };
    const now = new Map<string, Dec>();
    for (const e of this.now(period)?.earnings ?? []) {
      const key = earningKey(e.id);
      if (skip(key)) continue;
      let amount = amountOf(e.amount);
      if (ids.has(e.id)) amount = this.ownPart(period, e.id, amount);
      now.set(key, (now.get(key) ?? ZERO).plus(amount));
    }
    for (const [key, amount] of manual ?? []) now.set(key, amount);
    const was = this.reported.amounts(period.label);
    const counted = (key: string) => (key.startsWith(EARNING) || key.startsWith(MANUAL)) && !skip(key);
    return linesDiffer(was, now, counted) || this.payoutDiffers(period, was);
  }

  /**
   * True when the payout rules' lines of `period` (draws, guarantees, holdbacks, clawbacks), paid
   * again by the payout stage on its statement as built now, differ from those paid for it (`was`:
   * reported, with the corrections paid since), line by line. The period is paid on the balances
   * and the lines paid on records that the earlier results give before it (corrected since, as
   * the payout stage reads them: `Ledger`), not on the left-out periods before it paid again: a
   * change in those is theirs (so periods are paid latest first, each on earlier results as
   * reported). With recoverable draws, holdbacks or clawbacks, not compared when the earlier
   * results lack the payee's statement of the last period before in which they are on the plan:
   * the balances carried in and what records were paid are not known (as `no-previous` says for a
   * run). A payee off the plan in the period now is paid no line there.
   */
  private payoutDiffers(period: Period, was: ReadonlyMap<string, Amount>): boolean {
    const payout = this.scope.payout;
    if (!payout || (payout.history && !this.knownBefore(period))) return false;
    const statement = this.now(period);
    const now = new Map<string, Dec>();
    if (statement) {
      // A copy: the payout stage writes in it (what its year-to-date earnings pay of other periods).
      const terms = payout.resolver.terms(this.payee, period);
      const paid = payoutPeriod(payout.env, { ...statement, adjustments: [] }, terms, this.ledgerOf(payout));
      for (const [key, { amount }] of amountsOf(paid)) if (isRuleLine(key)) now.set(key, amount);
    }
    return linesDiffer(was, now, isRuleLine);
  }

  /**
   * True when the earlier results hold the payee's statement of the last period before `period`
   * in which they are on the plan, or there is none (as `no-previous` reads it: one ending in or
   * after that period and before `period`).
   */
  private knownBefore(period: Period): boolean {
    const { program } = this.run;
    const last = lastDayOnPlanBefore(program, this.payee, period.start);
    if (last === undefined) return true;
    const from = formatDate(program.calendar.containing(period.kind, last).start);
    const to = formatDate(period.start);
    return this.previous.some((s) => s.end < to && s.end >= from);
  }

  /**
   * The ledger the left-out periods are paid again in: the payee's earlier results, with the run's
   * `paid year to date` earnings, which count in each period only its own part (without what it
   * takes in of other periods' changes: the run's statements and the left-out ones as built now,
   * in time order, as the payout stage gives them).
   */
  private ledgerOf(payout: PayoutScope): Ledger {
    if (this.ledger) return this.ledger;
    const ids = this.scope.yearToDate;
    const { calendar } = this.run.program;
    const dated: Statement[] = [];
    if (ids.size > 0) {
      for (const p of this.skipped) {
        const statement = this.now(p);
        if (statement) dated.push(statement);
      }
      for (const { statement } of this.fresh) dated.push(statement);
      dated.sort((a, b) => compareText(a.start, b.start));
    }
    this.ledger = new Ledger(
      this.previous,
      {
        yearToDate: ids,
        fiscalYear: (label) => calendar.parse(label)?.fiscalYear,
        closed: this.run.closedPeriods(),
        leftOut: dated,
        payeePeriods: payeePeriods(this.run, this.payee),
      },
      payout.trueUps,
      // A corrected period without a statement of the payee takes its place in time (see Ledger).
      (label) => calendar.parse(label),
    );
    return this.ledger;
  }
}
