/**
 * Closed periods a run leaves out: the `not-recalculated` and `already-reported` warnings.
 *
 * Closed periods are recalculated only when they are among the run's periods: a period of the
 * earlier results before the current one but left out of the run keeps what it reported, and a
 * late change to its data is not paid, except through the year-to-date amount of `paid year to
 * date` earnings in a later period of its fiscal year (they take off what it reported). A run
 * period by period (Q1, then Q2 with Q1's results, then Q3...) leaves every earlier period out,
 * so the run warns only about those whose data changed since they were reported:
 *
 * A left-out period has _changed_ when, payee by payee, what the run's data credits in it now
 * differs from the credit lines its reported statement holds (per credit and record: role,
 * amount and share; estimates left out): a record dated in it that the statement does not credit
 * (a late deal), one it credits differently (a corrected amount, owner or split), or one it
 * credits that the data no longer credits; or when its manual adjustments (`adjustment ... from
 * data`) differ from the manual lines reported (id, amount, currency). A period of which the data
 * credits nothing at all and holds no adjustment is not compared: data given period by period
 * does not reach back to it. What the comparison does not see (a payee attribute, a quota, an FX
 * rate, a field of a record that changes no credit) is the admin's to recalculate.
 *
 * The comparison credits each left-out period once more (payee by payee, as statements are built,
 * and no further once the period is known to have changed): the work of crediting, not of
 * evaluating the plan. One warning per run names every changed period. A current period the
 * earlier results hold is closed too: it is returned as reported, with nothing later to pay its
 * changes in (`already-reported`).
 */
import { compareText } from '../compare-text.js';
import { type PayeeData, recordRef } from '../data/model.js';
import { readAmount } from '../data/previous.js';
import { asList } from '../data/values.js';
import { decText } from '../decimal.js';
import type { Run } from '../evaluate/run.js';
import { versionIn } from '../evaluate/versions.js';
import { recordKey } from '../payout/ledger.js';
import { NO_RANGE } from '../payout/rules.js';
import type { RecordRef, Statement } from '../results/results.js';
import type { Period } from '../time/calendar.js';
import { listed } from '../trace/sentence.js';

/** Counts of comparison keys: a multiset of credit or manual lines. */
type Lines = Map<string, number>;

const add = (lines: Lines, key: string) => lines.set(key, (lines.get(key) ?? 0) + 1);

function same(a: Lines, b: Lines): boolean {
  if (a.size !== b.size) return false;
  for (const [key, count] of a) if (b.get(key) !== count) return false;
  return true;
}

/** A decimal as compared: its canonical text (`"1000.00"` and `"1000"` are one), else as given. */
function decimal(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const amount = readAmount(value);
  return amount === undefined ? value : decText(amount);
}

function creditKey(credit: string, ref: RecordRef, role: unknown, amount: unknown, share: unknown): string {
  return `${credit}\u0000${recordKey(ref)}\u0000${String(role)}\u0000${decimal(amount)}\u0000${decimal(share)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The credit lines of a reported statement (earlier results are checked only as far as a run reads them). */
function reportedCredits(statement: Statement | undefined): Lines {
  const lines: Lines = new Map();
  for (const credit of asList<unknown>(statement?.credits)) {
    if (!isObject(credit) || typeof credit.name !== 'string') continue;
    for (const line of asList(credit.lines as unknown[] | undefined)) {
      if (!isObject(line) || line.estimate === true) continue;
      const record = line.record;
      if (!isObject(record) || typeof record.source !== 'string') continue;
      add(lines, creditKey(credit.name, record as unknown as RecordRef, line.role, line.amount, line.share));
    }
  }
  return lines;
}

/** The manual lines of a reported statement: id, amount as given and its currency. */
function reportedManual(statement: Statement | undefined): Lines {
  const lines: Lines = new Map();
  for (const a of asList<unknown>(statement?.adjustments)) {
    if (!isObject(a) || a.kind !== 'manual') continue;
    const trace = isObject(a.trace) ? a.trace : {};
    const given = asList(trace.inputs as unknown[] | undefined).find(
      (i) => isObject(i) && i.name === 'amount',
    );
    const amount = isObject(given) ? given : {};
    add(lines, `${String(a.name)}\u0000${decimal(amount.value)}\u0000${String(amount.unit)}`);
  }
  return lines;
}

/** The left-out closed periods of one run, compared payee by payee with what they reported. */
export class NotRecalculated {
  /** The closed periods before the current one that the run leaves out, by label. */
  private readonly skipped = new Map<string, Period>();
  /** Their reported statements, by payee and period. */
  private readonly reported = new Map<string, Statement>();
  /** Periods whose data differs from what they reported. */
  private readonly changed = new Set<string>();
  /** Periods the run's data credits something in (or has adjustments for): it reaches back to them. */
  private readonly seen = new Set<string>();
  /** Payees compared so far. */
  private readonly compared = new Set<string>();
  /** Manual adjustments of the left-out periods, by payee and period. */
  private readonly manual = new Map<string, Lines>();

  private readonly current: Period | undefined;

  /** Says at once that a current period already reported is returned as reported. */
  constructor(
    private readonly run: Run,
    private readonly periods: readonly Period[],
  ) {
    const current = periods[periods.length - 1];
    this.current = current;
    if (!current || !run.previous) return;
    const asked = new Set(periods.map((p) => p.label));
    let already = false;
    for (const s of asList(run.previous.statements)) {
      if (s.period === current.label) already = true;
      const period = run.program.calendar.parse(s.period);
      if (period && period.kind === current.kind && period.start < current.start && !asked.has(s.period)) {
        this.skipped.set(s.period, period);
        this.reported.set(`${s.payee}\u0000${s.period}`, s);
      }
    }
    if (run.program.plan.adjustments.length > 0)
      for (const a of run.data.adjustments) {
        if (!this.skipped.has(a.period.label)) continue;
        const key = `${a.payee}\u0000${a.period.label}`;
        const lines = this.manual.get(key) ?? new Map<string, number>();
        add(lines, `${a.id}\u0000${decText(a.amount)}\u0000${a.currency}`);
        this.manual.set(key, lines);
        this.seen.add(a.period.label);
      }
    if (already) {
      const why = `${current.label} is in the earlier results: it was already reported, so its statements are returned as reported and none of its changes is paid (a paid period is never rewritten); calculate ${current.label} again with a later period to pay them there`;
      run.warn(undefined, current.label, 'already-reported', undefined, NO_RANGE, why);
    }
  }

  /** The payee's credit lines in `period` as the run's data gives them now. */
  private creditsNow(payee: string, period: Period): Lines {
    const lines: Lines = new Map();
    const credits = this.run.credits(period);
    for (const [id, versions] of this.run.program.credits) {
      const c = versionIn(versions, period);
      if (!c) continue;
      const name = c.def.name;
      for (const e of credits.bucket(id, payee)?.real ?? []) {
        const ref = recordRef(e.rec);
        add(lines, creditKey(name, ref, e.role, decText(e.first), decText(e.share)));
        for (const l of e.more ?? [])
          add(lines, creditKey(name, recordRef(l.rec), l.role, decText(l.amount), decText(l.share)));
      }
    }
    return lines;
  }

  /**
   * Compares the payee's credits and manual adjustments in each left-out period with their
   * reported statement there. Call once per payee, before the run releases them.
   */
  check(payee: PayeeData): void {
    this.compared.add(payee.id);
    for (const [label, period] of this.skipped) {
      // Once a period is known to have changed, nothing more is worked out for it.
      if (this.changed.has(label) && this.seen.has(label)) continue;
      const key = `${payee.id}\u0000${label}`;
      const statement = this.reported.get(key);
      if (!statement && !this.run.program.onPlan(payee, period)) continue;
      const now = this.creditsNow(payee.id, period);
      if (now.size > 0) this.seen.add(label);
      const manual = this.manual.get(key) ?? new Map<string, number>();
      if (!same(now, reportedCredits(statement)) || !same(manual, reportedManual(statement)))
        this.changed.add(label);
    }
  }

  /**
   * A reported statement of a payee the run does not calculate (no longer in the data) counts as
   * changed when it credited or adjusted anything. Then warns, once, naming every changed period
   * the data reaches back to.
   */
  finish(): void {
    const current = this.current;
    if (!current || this.skipped.size === 0) return;
    for (const [key, statement] of this.reported) {
      if (this.compared.has(statement.payee) || this.changed.has(statement.period)) continue;
      if (reportedCredits(statement).size > 0 || reportedManual(statement).size > 0 || this.manual.has(key))
        this.changed.add(statement.period);
    }
    const list = [...this.skipped]
      .filter(([label]) => this.changed.has(label) && this.seen.has(label))
      .sort(([a], [b]) => compareText(a, b));
    const [first] = list;
    if (!first) return;
    const yearToDate = this.run.program.plan.earnings.filter((e) => e.paidYearToDate).map((e) => e.name);
    const [label, skip] = first;
    const later = this.periods.find((p) =>
      list.some(([, s]) => p.start > s.start && p.fiscalYear === s.fiscalYear),
    );
    const absorbed = yearToDate.length > 0 && later !== undefined;
    const c = current.label;
    let why: string;
    if (list.length === 1) {
      why = absorbed
        ? `${label} is in the earlier results but not among this run's periods: changes to its data are not recalculated, except in the earnings paid year to date (${yearToDate.join(', ')}): from ${later.label} on they pay the year to date minus what ${label} reported, which takes in its changes (calculate ${label} again with ${c} to pay its other changes in ${c})`
        : `${label} is in the earlier results but not among this run's periods: changes to its data are not recalculated (calculate ${label} again with ${c} to pay them in ${c})`;
    } else {
      const labels = listed(list.map(([l]) => l));
      why = absorbed
        ? `${labels} are in the earlier results but not among this run's periods: changes to their data are not recalculated, except in the earnings paid year to date (${yearToDate.join(', ')}): later periods of the same fiscal year pay the year to date minus what was reported, which takes in their changes (calculate them again with ${c} to pay their other changes in ${c})`
        : `${labels} are in the earlier results but not among this run's periods: changes to their data are not recalculated (calculate them again with ${c} to pay them in ${c})`;
    }
    this.run.warn(undefined, skip.label, 'not-recalculated', undefined, NO_RANGE, why);
  }
}
