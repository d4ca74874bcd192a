/**
 * Crediting: for one period, every credit applied to every record dated in it, once, whoever
 * the recipients are. Each recipient gets `amount × share` in a role: the owner (a payee field
 * taking 100%), a split (a share below 100%, or a row of a split source), a territory's payees,
 * the managers up the hierarchy, or an overlay (credit on top of the 100%, without quota credit).
 * Shares are exact decimals, so the shares of a split add up to exactly the credited amount.
 */

import { compareText, cycleFrom } from '../compare-text.js';
import {
  compareRecs,
  type DaySpan,
  managerOn,
  type PayeeData,
  type Rec,
  recordName,
  recordRef,
} from '../data/model.js';
import { Dec, ZERO } from '../decimal.js';
import { CreditEntry, type Ctx, type Entry } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import { versionIn } from '../evaluate/versions.js';
import type { CreditRole } from '../results/results.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { exactMoney, namedFirst, percent } from '../trace/sentence.js';
import {
  type CompiledCredit,
  type CompiledRecipient,
  type CompiledSplit,
  ownerOnly,
  recipientRole,
} from './compile-credit.js';
import type { AccountPlace } from './territory.js';

/** The entries of one payee for one credit, real and hypothetical, each in the stable record order. */
export interface Bucket {
  real: Entry[];
  hyp: Entry[];
}

/**
 * Every credit of every payee in one period. A credit that reaches only the owner of each record
 * (`to owner`, the source's owner field) is applied payee by payee when a payee's entries are
 * first asked for, from the owner's records: the same entries in the same order, made when the
 * payee's statement is built and released with it, instead of every payee's at once.
 */
export class PeriodCredits {
  private readonly byCredit = new Map<number, Map<string, Bucket>>();

  private readonly released = new Set<string>();

  /** Credits applied per owner on demand, with the owners done so far. */
  private readonly perOwner = new Map<number, { c: CompiledCredit; done: Set<string> }>();

  /**
   * The days each payee met so far is on the plan, when not every day of the period (see
   * {@link planDays}); the last one is kept apart (a credit's records mostly go to one payee in a row).
   */
  private readonly days = new Map<string, PlanDays>();
  private lastPayee: string | undefined;
  private lastDays: PlanDays = ALL_DAYS;

  /** Records not credited to a payee because they are dated when the payee is not on the plan. */
  private readonly offPlan = new Map<
    string,
    { payee: string; credit: number; days: DaySpan[]; recs: Rec[] }
  >();

  constructor(
    private readonly run: Run,
    private readonly period: Period,
  ) {}

  /** The payee's entries for a credit, if any. */
  bucket(credit: number, payee: string): Bucket | undefined {
    if (this.released.has(payee)) throw new Error(`internal: the credits of ${payee} were released`);
    const lazy = this.perOwner.get(credit);
    if (lazy && !lazy.done.has(payee)) {
      lazy.done.add(payee);
      const records = this.run.index.ofOwner(lazy.c.credit.source, this.period, payee);
      applyCredit(this.run, this.period, this, credit, lazy.c, records);
    }
    return this.byCredit.get(credit)?.get(payee);
  }

  /** Applies `c` per owner, on demand. */
  deferByOwner(credit: number, c: CompiledCredit): void {
    this.perOwner.set(credit, { c, done: new Set() });
  }

  /**
   * Applies the deferred credits to the records no statement asked for (owners not on the plan
   * in the period, records without an owner) for the warnings they raise; the entries are dropped.
   */
  finish(): void {
    for (const [id, { c, done }] of this.perOwner) {
      const rest = this.run.index.notOwnedBy(c.credit.source, this.period, done);
      if (rest.length > 0)
        applyCredit(this.run, this.period, new PeriodCredits(this.run, this.period), id, c, rest);
    }
    this.perOwner.clear();
  }

  /** The records of credit `id` noted as dated off the plan (see {@link add}), per payee; forgets them. */
  takeOffPlan(id: number): { payee: string; days: DaySpan[]; recs: Rec[] }[] {
    const found: { payee: string; days: DaySpan[]; recs: Rec[] }[] = [];
    for (const [key, off] of this.offPlan) {
      if (off.credit !== id) continue;
      found.push(off);
      this.offPlan.delete(key);
    }
    return found.sort((a, b) => compareText(a.payee, b.payee));
  }

  /** Drops a payee's entries once their statements are done: only their own contexts read them. */
  release(payee: string): void {
    for (const payees of this.byCredit.values()) payees.delete(payee);
    this.released.add(payee);
  }

  /**
   * The days `payee` is on the plan in this period: {@link ALL_DAYS} for every day (or a payee the
   * data does not know: nothing to check against), {@link NO_DAYS} for none, else the spans.
   */
  private planDays(payee: string): PlanDays {
    if (payee === this.lastPayee) return this.lastDays;
    let days = this.days.get(payee);
    if (days === undefined) {
      const known = this.run.data.payees.byId.get(payee);
      // Without assignments, a payee is on the plan on every day of its effective dates; with
      // them, on the days of their assignments within those dates (an assignment from a day
      // before the plan began does not put them on it earlier), as their statements and quotas count.
      const program = this.run.program;
      const spans = known && clipped(known.onPlan ?? [{ from: program.start, to: program.end }], program);
      const { start, end } = this.period;
      if (!spans || spans.some((s) => s.from <= start && s.to >= end)) days = ALL_DAYS;
      else {
        const within = spans.filter((s) => s.from <= end && s.to >= start);
        days = within.length === 0 ? NO_DAYS : within;
      }
      this.days.set(payee, days);
    }
    this.lastPayee = payee;
    this.lastDays = days;
    return days;
  }

  /**
   * Credits `amount` of a record to a payee. Records must come in the stable order. A record dated
   * on a day the payee is not on the plan (before a hire, after a leaver's last day, under another
   * plan) credits them nothing: it is noted for an `off-plan` warning when the payee is on the plan
   * on other days of the period (see {@link warnOffPlan}), and dropped in silence when the payee is
   * not on it at all (no statement: their records belong to another plan or to no one).
   */
  add(credit: number, payee: string, rec: Rec, amount: Dec, share: Dec, role: CreditRole): void {
    const days = this.planDays(payee);
    if (days !== ALL_DAYS && rec.day !== undefined) {
      const day = rec.day;
      if (days === NO_DAYS) return;
      if (!days.some((s) => s.from <= day && day <= s.to)) {
        const key = `${credit}\u0000${payee}`;
        const off = this.offPlan.get(key);
        if (!off) this.offPlan.set(key, { payee, credit, days: days as DaySpan[], recs: [rec] });
        else if (off.recs[off.recs.length - 1] !== rec) off.recs.push(rec);
        return;
      }
    }
    let payees = this.byCredit.get(credit);
    if (!payees) {
      payees = new Map();
      this.byCredit.set(credit, payees);
    }
    let bucket = payees.get(payee);
    if (!bucket) {
      bucket = { real: [], hyp: [] };
      payees.set(payee, bucket);
    }
    const list = rec.hyp ? bucket.hyp : bucket.real;
    const quota = role === 'overlay' ? ZERO : amount;
    const last = list[list.length - 1];
    if (last && last.rec === rec) {
      last.amount = last.amount.plus(amount);
      last.quota = last.quota.plus(quota);
      last.more ??= [];
      last.more.push({ rec, amount, share, role });
    } else list.push(new CreditEntry(rec, amount, quota, share, role));
  }
}

/** `spans` cut to the plan's effective dates, leaving out those wholly outside them. */
function clipped(spans: readonly DaySpan[], plan: { start: number; end: number }): DaySpan[] {
  const result: DaySpan[] = [];
  for (const s of spans) {
    const from = Math.max(s.from, plan.start);
    const to = Math.min(s.to, plan.end);
    if (from <= to) result.push(from === s.from && to === s.to ? s : { from, to });
  }
  return result;
}

/** The days a payee is on the plan within a period (see `PeriodCredits.planDays`). */
type PlanDays = readonly DaySpan[];
const ALL_DAYS: PlanDays = [];
const NO_DAYS: PlanDays = [];

/**
 * Warns once per payee about the records of credit `c` (id `id`) that `result` did not credit to
 * them because they are dated on days the payee is not on the plan.
 */
function warnOffPlan(run: Run, period: Period, result: PeriodCredits, id: number, c: CompiledCredit): void {
  for (const { payee, recs, days } of result.takeOffPlan(id)) {
    // The spans within the period: the days that matter here.
    const on = days.map((s) => {
      const from = Math.max(s.from, period.start);
      const to = Math.min(s.to, period.end);
      return from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`;
    });
    const one = recs.length === 1;
    const what = one
      ? `${c.schema.name} record ${recordName(recs[0] as Rec)} is`
      : `${recs.length} ${c.schema.name} records (${namedFirst(recs.map(recordName))}) are`;
    run.warn(
      payee,
      period.label,
      'off-plan',
      c.def.rule,
      c.credit.range,
      `${what} dated when ${payee} is not on the plan (on it only ${on.join(', ')} of ${period.label}), so ${one ? 'it credits' : 'they credit'} ${payee} nothing`,
    );
  }
}

/** Per split source (its validated rows): the index of each `on` field and payee field, by their positions. */
const splitIndexes = new WeakMap<readonly Rec[], Map<string, Map<string, Rec[]>>>();
const NO_RECORDS: readonly Rec[] = [];

/**
 * The rows of a split source by the key they split (`on`), each list by payee, built once per
 * dataset and `on` field: two credits may split by one source on different fields.
 */
export function splitRows(run: Run, split: CompiledSplit): Map<string, Rec[]> {
  const records = run.data.records.get(split.schema.name) ?? NO_RECORDS;
  let indexes = splitIndexes.get(records);
  if (!indexes) {
    indexes = new Map();
    splitIndexes.set(records, indexes);
  }
  const which = `${split.on}|${split.payee}`;
  let index = indexes.get(which);
  if (index) return index;
  index = new Map();
  for (const rec of records) {
    const on = rec.v[split.on];
    if (on === null || on === undefined) continue;
    const id = String(on);
    const list = index.get(id);
    if (list) list.push(rec);
    else index.set(id, [rec]);
  }
  // By payee, then in the stable record order (never the order of the input: two rows of one
  // payee for one record give their lines in the same order whatever their rows).
  for (const list of index.values())
    list.sort(
      (a, b) => compareText(a.v[split.payee] as string, b.v[split.payee] as string) || compareRecs(a, b),
    );
  indexes.set(which, index);
  return index;
}

/** Applies every credit in force in `period` to the records dated in it (see {@link PeriodCredits}). */
export function creditPeriod(run: Run, period: Period): PeriodCredits {
  const result = new PeriodCredits(run, period);
  for (const [id, versions] of run.program.credits) {
    const c = versionIn(versions, period);
    if (!c) continue;
    if (ownerOnly(c)) result.deferByOwner(id, c);
    else applyCredit(run, period, result, id, c, run.index.inPeriod(c.credit.source, period));
  }
  return result;
}

/** Applies credit `c` (id `id`) to `records`, in their (stable) order. */
function applyCredit(
  run: Run,
  period: Period,
  result: PeriodCredits,
  id: number,
  c: CompiledCredit,
  records: readonly Rec[],
): void {
  const ctx = run.recordContext(period);
  ctx.rule = c.def.rule;
  const splits = c.split ? splitRows(run, c.split) : undefined;
  for (const rec of records) {
    if (c.where && c.where(ctx, rec) !== true) continue;
    const amount = c.amount(ctx, rec);
    if (!(amount instanceof Dec)) {
      ctx.warn('no-value', c.credit, `${rec.schema.name} ${recordName(rec)} has no credited amount`);
      continue;
    }
    for (const r of c.recipients) creditRecipient(run, ctx, result, id, c, r, rec, amount);
    if (c.split && splits) {
      const rows = rec.key === undefined ? undefined : splits.get(rec.key);
      if (!rows)
        ctx.warn(
          'no-value',
          c.credit,
          `${rec.schema.name} ${recordName(rec)} has no valid rows in ${c.split.schema.name}, so it credits no one`,
        );
      for (const row of rows ?? []) {
        // Validation rejects a split row without a share (see `checkSplits`).
        const share = row.v[c.split.share] as Dec;
        const credited = amount.times(share);
        const payee = row.v[c.split.payee];
        if (typeof payee !== 'string') {
          const what = `${row.schema.name} row ${row.row}${row.key === undefined ? '' : ` (${row.key})`}`;
          ctx.warn(
            'no-value',
            c.credit,
            `${what} has no payee, so its ${percentText(share)} share of ${rec.schema.name} ${recordName(rec)} in credit ${c.credit.name} (${exactMoney(credited.toString(), run.program.currency)}) credits no one`,
          );
          continue;
        }
        // A hypothetical split row credits an estimate, even of a real record.
        result.add(id, payee, row.hyp ? asHypothetical(rec) : rec, credited, share, 'split');
      }
    }
  }
  ctx.rule = undefined;
  warnOffPlan(run, period, result, id, c);
}

function creditRecipient(
  run: Run,
  ctx: Ctx,
  result: PeriodCredits,
  id: number,
  c: CompiledCredit,
  r: CompiledRecipient,
  rec: Rec,
  amount: Dec,
): void {
  // A full share credits the amount itself: the same value, without a multiplication per record.
  const whole = r.whole;
  const credited = whole ? amount : amount.times(r.share);
  switch (r.kind) {
    case 'field': {
      const payee = rec.v[r.field];
      if (typeof payee !== 'string') {
        warnEmpty(run, ctx, c, r, rec, credited, c.schema.fields[r.field]?.name, 'credits no one');
        return;
      }
      result.add(id, payee, rec, credited, r.share, recipientRole(r));
      return;
    }
    case 'territory': {
      const account = rec.v[r.account];
      if (account === null || account === undefined) {
        warnEmpty(run, ctx, c, r, rec, credited, c.schema.fields[r.account]?.name, 'credits no one');
        return;
      }
      if (rec.day === undefined) return;
      const map = run.territories();
      // Named only in a warning: not built for every record.
      const record = () => `${rec.schema.name} ${recordName(rec)}`;
      // What is lost: this recipient's share only, since the credit's other recipients (an owner's
      // share, an overlay) still credit the record.
      const lost = () =>
        `the ${percentText(r.share)} share of ${record()} in credit ${c.credit.name} (${exactMoney(credited.toString(), run.program.currency)}) credits no one`;
      const found = map.territoryOf(String(account), rec.day);
      if (found === undefined) {
        const rejected = run.data.rejectedAccounts?.get(String(account));
        ctx.warn(
          'no-value',
          c.credit,
          rejected === undefined
            ? `account ${String(account)} of ${record()} is in no territory`
            : `account ${String(account)} of ${record()} is in no territory: its row (${run.program.territories?.design.source} row ${rejected}) was rejected for its own errors, so ${lost()}`,
        );
        return;
      }
      // The credit of a record placed by a hypothetical account is an estimate.
      const target = found.hyp ? asHypothetical(rec) : rec;
      const territory = found.territory;
      if (found.ambiguous) {
        const [first] = found.ambiguous as [AccountPlace];
        const accounts = found.ambiguous.map((a) => `${recordName(a)} in ${a.territory}`);
        ctx.warn(
          'ambiguous-account',
          c.credit,
          `account ${String(account)} of ${record()} is the name of accounts in different territories (${accounts.join(', ')}): credited to ${territory}, the territory of ${recordName(first)}, the smallest key`,
        );
      }
      const covers = map.payeesOn(territory, rec.day);
      if (covers.length === 0) {
        ctx.warn(
          'no-coverage',
          c.credit,
          `no payee covers territory ${territory} on ${formatDate(rec.day)}, so ${lost()}`,
        );
        return;
      }
      for (const cover of covers) {
        result.add(id, cover.payee, target, credited, r.share, recipientRole(r, cover.role));
      }
      return;
    }
    case 'managers': {
      const start = rec.v[r.of];
      if (typeof start !== 'string') {
        warnEmpty(run, ctx, c, r, rec, credited, c.schema.fields[r.of]?.name, 'credits no manager');
        return;
      }
      const chain = managersOf(run, start, rec.day);
      if (chain.cycle) {
        ctx.warn(
          'manager-cycle',
          c.credit,
          `the managers of ${start} go round in a cycle (${chain.cycle.join(' -> ')}), so no manager is credited for ${start}`,
        );
        return;
      }
      const levels = Math.min(r.levels, chain.managers.length);
      for (let level = 0; level < levels; level++)
        result.add(id, chain.managers[level] as string, rec, credited, r.share, recipientRole(r));
      return;
    }
  }
}

/**
 * Warns that a record credits nobody through recipient `r`: its field `field` (the payee, the
 * account, or whose managers) is empty. An overlay recipient with an empty field is not warned
 * about: overlay credit is on top of the record's 100%, given only where there is someone to give it.
 */
function warnEmpty(
  run: Run,
  ctx: Ctx,
  c: CompiledCredit,
  r: CompiledRecipient,
  rec: Rec,
  credited: Dec,
  field: string | undefined,
  outcome: string,
): void {
  if (r.overlay) return;
  ctx.warn(
    'no-value',
    c.credit,
    `${rec.schema.name} ${recordName(rec)} has no ${field ?? 'recipient'}, so its ${percentText(r.share)} share in credit ${c.credit.name} (${exactMoney(credited.toString(), run.program.currency)}) ${outcome}`,
  );
}

/** A share for reading: `0.4` → `40%`. */
function percentText(share: Dec): string {
  return percent(share.toString());
}

/**
 * The hypothetical view of a record: the same record marked `hyp`, made once per record, for the
 * credit a hypothetical row of another source gives it (a split row, an account). Its credit lines
 * are estimates, never counted in totals or paid, like those of a hypothetical record.
 *
 * A payee may be credited a record both ways (a real split row and a hypothetical one, both
 * naming them), so the view's lines must not take the ids of the record's own: the view's `key`
 * is the record's name followed by ` (estimate)` (`D1 (estimate)`, `row 3 (estimate)`), which
 * earning line ids are made of (`c:D1 (estimate)`). Its reference (`ref`) is the record's own,
 * so results still name the record itself; {@link viewedRecord} gives the record back.
 */
const hypotheticalViews = new WeakMap<Rec, Rec>();
const viewed = new WeakMap<Rec, Rec>();

function asHypothetical(rec: Rec): Rec {
  if (rec.hyp) return rec;
  let view = hypotheticalViews.get(rec);
  if (!view) {
    view = { ...rec, hyp: true, key: `${recordName(rec)} (estimate)`, ref: recordRef(rec) };
    hypotheticalViews.set(rec, view);
    viewed.set(view, rec);
  }
  return view;
}

/**
 * The real record of a hypothetical view (see {@link asHypothetical}): `undefined` for a record
 * itself, real or hypothetical.
 */
export function viewedRecord(rec: Rec): Rec | undefined {
  return viewed.get(rec);
}

/**
 * Where the managers of a payee lead: the chain up to the top (the manager first), or, when
 * following managers comes back to a payee already met, the cycle, written from its smallest id
 * with each payee's manager after them and the first id again at the end (`a -> b -> a`).
 */
export type ManagerChain =
  | { managers: string[]; cycle?: undefined }
  | { managers?: undefined; cycle: string[] };

/** The chains of a dataset by start (and day, when some payee's manager changes). */
interface ChainMemo {
  /** True when some payee has dated changes of manager: chains then depend on the day. */
  dated: boolean;
  chains: Map<string, ManagerChain>;
}

const managerChains = new WeakMap<ReadonlyMap<string, PayeeData>, ChainMemo>();

function chainMemo(payees: ReadonlyMap<string, PayeeData>): ChainMemo {
  let memo = managerChains.get(payees);
  if (!memo) {
    let dated = false;
    for (const p of payees.values()) if (p.managerChanges !== undefined) dated = true;
    memo = { dated, chains: new Map() };
    managerChains.set(payees, memo);
  }
  return memo;
}

/** True when some payee's manager changes by date: chains of managers then depend on the day. */
export function managersByDay(run: Run): boolean {
  return chainMemo(run.data.payees.byId).dated;
}

/**
 * The managers of `start` on `day` (the record's dated day): each level's manager in force on that
 * day ({@link managerOn}, `Dataset.attributeChanges`); without a day, the managers of the payees
 * rows. Memoised per dataset, start and day. The top is a payee without a manager (or whose
 * manager is not among the payees: that manager is the last of the chain). A payee in or below a
 * cycle never reaches the top: like roll-ups (`hierarchyOf` in metrics), roll-up credit treats
 * them as unplaced, so their records credit no manager at all, whatever the number of levels.
 */
export function managersOf(run: Run, start: string, day: number | undefined): ManagerChain {
  const payees = run.data.payees.byId;
  const memo = chainMemo(payees);
  const on = memo.dated ? day : undefined;
  const key = on === undefined ? start : `${start}\u0000${on}`;
  const known = memo.chains.get(key);
  if (known) return known;
  const path: string[] = [];
  const onPath = new Map<string, number>();
  let chain: ManagerChain;
  for (let at = start; ; ) {
    const seen = onPath.get(at);
    if (seen !== undefined) {
      chain = { cycle: cycleFrom(path.slice(seen)) };
      break;
    }
    onPath.set(at, path.length);
    path.push(at);
    const payee = payees.get(at);
    const manager = payee && managerOn(payee, on);
    if (manager === undefined) {
      chain = { managers: path.slice(1) };
      break;
    }
    if (!payees.has(manager)) {
      chain = { managers: [...path.slice(1), manager] };
      break;
    }
    at = manager;
  }
  memo.chains.set(key, chain);
  return chain;
}
