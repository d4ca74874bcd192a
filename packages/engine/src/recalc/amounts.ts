/**
 * The amounts a recalculation compares: per period, each earning and each adjustment line (other
 * than recalculation lines) of a statement, by a stable key, and the corrections that
 * recalculation lines of later periods already made to them.
 *
 * A recalculation line of an earning also says, in its trace, what it changed on each record: the
 * records whose earning lines changed (`trace.records`) and, for each, an input named after the
 * record ({@link recordInputName}, `deals D1`) with the change. Later runs read them back
 * ({@link recordChanges}): what a record was paid in all, recalculation included, is what a
 * clawback takes back.
 */
import type { Range } from '@attain/dsl';
import { recordName } from '../data/model.js';
import { readAmount } from '../data/previous.js';
import { asList, isObject } from '../data/values.js';
import { type Dec, ZERO } from '../decimal.js';
import { amountOf } from '../payout/money.js';
import { NO_RANGE } from '../payout/rules.js';
import type { AdjustmentLine, RecordRef, Statement } from '../results/results.js';

/** What one compared amount is, for the recalculation line that corrects it. */
export interface AmountInfo {
  /** The earning's name, or the adjustment line's name. */
  name: string;
  label?: string;
  /** `earning`, or the adjustment's kind (`draw`, `clawback`...). */
  kind: string;
  record?: RecordRef;
  range: Range;
}

/** An amount of a statement with what it is. */
export interface Amount {
  amount: Dec;
  info: AmountInfo;
}

/** How a message names a payout rule's amount: its kind, then its label (`holdback Reserve`). */
export function ruleName(kind: string, label: string): string {
  return `${kind.replace('-', ' ')} ${label}`;
}

/** The key of an earning: `earning:<id>`. */
export function earningKey(id: string): string {
  return `earning:${id}`;
}

/** The key of an adjustment line: `adjustment:<id>`. */
export function adjustmentKey(id: string): string {
  return `adjustment:${id}`;
}

const PREFIX = 'recalculation:';

/** The id of the recalculation line correcting `key` of `period`. */
export function recalculationId(period: string, key: string): string {
  return `${PREFIX}${period}:${key}`;
}

/** The period and key a recalculation line corrects, from its id; `undefined` for other ids. */
export function parseRecalculationId(id: string): { period: string; key: string } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const rest = id.slice(PREFIX.length);
  const at = rest.indexOf(':');
  return at < 0 ? undefined : { period: rest.slice(0, at), key: rest.slice(at + 1) };
}

/** The compared amounts of a statement by key, earnings first, in statement order. */
export function amountsOf(statement: Statement | undefined): Map<string, Amount> {
  const amounts = new Map<string, Amount>();
  if (!statement) return amounts;
  for (const e of statement.earnings) {
    const info: AmountInfo = { name: e.name, kind: 'earning', range: e.trace.range };
    if (e.label !== undefined) info.label = e.label;
    amounts.set(earningKey(e.id), { amount: amountOf(e.amount), info });
  }
  for (const a of statement.adjustments) {
    if (a.kind === 'recalculation') continue;
    const info: AmountInfo = { name: a.name, kind: a.kind, range: a.trace.range };
    if (a.label !== undefined) info.label = a.label;
    if (a.record) info.record = a.record;
    const key = adjustmentKey(a.id);
    const known = amounts.get(key);
    amounts.set(key, { amount: (known?.amount ?? ZERO).plus(amountOf(a.amount)), info });
  }
  return amounts;
}

/** The name of the trace input of a recalculation line giving its change on a record: `deals D1`, `calls row 3`. */
export function recordInputName(record: RecordRef): string {
  return `${record.source} ${recordName(record)}`;
}

/** What a recalculation line changed on one record. */
export interface RecordChange {
  record: RecordRef;
  amount: Dec;
  /** The amount as the line writes it. */
  text: string;
}

/**
 * The changes a recalculation line of an earning made on each record, from its trace (see the
 * module comment). Earlier results are checked only as far as a run reads them, so anything that
 * is not such a change (no records, no input for a record, an unreadable amount) is left out.
 */
export function recordChanges(line: AdjustmentLine): RecordChange[] {
  const trace: unknown = line.trace;
  if (!isObject(trace) || !Array.isArray(trace.records) || !Array.isArray(trace.inputs)) return [];
  const byName = new Map<string, unknown>();
  for (const input of trace.inputs as unknown[])
    if (isObject(input) && typeof input.name === 'string') byName.set(input.name, input.value);
  const changes: RecordChange[] = [];
  for (const record of trace.records as unknown[]) {
    if (!isObject(record) || typeof record.source !== 'string') continue;
    const ref = record as unknown as RecordRef;
    const text = byName.get(recordInputName(ref));
    const amount = readAmount(text);
    if (amount !== undefined) changes.push({ record: ref, amount, text: (text as string).trim() });
  }
  return changes;
}

/**
 * Every record a recalculation line's trace names: those of its changes on records
 * ({@link recordChanges}) and, for an earning worked out per period, the records whose credit
 * changed (named without an amount).
 */
export function tracedRecords(line: AdjustmentLine): RecordRef[] {
  const trace: unknown = line.trace;
  if (!isObject(trace) || !Array.isArray(trace.records)) return [];
  return (trace.records as unknown[]).filter(
    (r): r is RecordRef => isObject(r) && typeof r.source === 'string',
  );
}

/** What a recalculation line paid for an earlier period: its payee, the period and key it corrects, and the start of the statement that paid it. */
export interface Correction {
  payee: string;
  period: string;
  key: string;
  /** The period of the statement that paid it. */
  paidIn: string;
  start: string;
  amount: Dec;
  /** The recalculation line. */
  line: AdjustmentLine;
}

/**
 * The recalculation lines of `statements` that correct a period other than their own: one reader
 * for the recalculation (what was reported for a closed period) and for what earlier periods paid
 * (paid year to date, once), which must agree.
 */
export function correctionsIn(statements: Iterable<Statement>): Correction[] {
  const found: Correction[] = [];
  for (const s of statements) {
    for (const a of s.adjustments ?? []) {
      if (a.kind !== 'recalculation') continue;
      const target = parseRecalculationId(a.id);
      if (!target || target.period === s.period) continue;
      found.push({
        payee: s.payee,
        period: target.period,
        key: target.key,
        paidIn: s.period,
        start: s.start,
        amount: amountOf(a.amount),
        line: a,
      });
    }
  }
  return found;
}

/**
 * The start of the name of the trace input by which a `paid year to date` earning says it pays in
 * its amount the correction of an earlier, closed period (it _absorbs_ it: `year-to-date.ts`):
 * `pays the correction of 2026-Q1`, with the amount.
 */
export const ABSORBS = 'pays the correction of ';

/** A correction paid inside a `paid year to date` earning's amount (see {@link ABSORBS}): no line. */
export type Absorption = Omit<Correction, 'line'> & { line?: undefined };

/**
 * The corrections of earlier periods that the `paid year to date` earnings of `statements` pay in
 * their amounts, from their traces. Anything unreadable is left out.
 */
export function absorptionsIn(statements: Iterable<Statement>): Absorption[] {
  const found: Absorption[] = [];
  for (const s of statements)
    for (const e of s.earnings ?? [])
      for (const input of asList(e.trace?.inputs)) {
        if (typeof input?.name !== 'string' || !input.name.startsWith(ABSORBS)) continue;
        const period = input.name.slice(ABSORBS.length);
        const amount = readAmount(input.value);
        if (amount === undefined || period === '' || period === s.period) continue;
        found.push({
          payee: s.payee,
          period,
          key: earningKey(e.id),
          paidIn: s.period,
          start: s.start,
          amount,
        });
      }
  return found;
}

/**
 * What earlier runs reported for each period: the statement's amounts plus the recalculation
 * lines that statements of later periods, before the current one, added for them. A correction a
 * later statement paid inside a `paid year to date` earning's amount (it says so in its trace:
 * {@link ABSORBS}) counts the same way, as the corrected period's, not the paying one's.
 */
export class Reported {
  private readonly byPeriod = new Map<string, Statement>();
  /** The reported statements' own amounts, read on first use. */
  private readonly own = new Map<string, Map<string, Amount>>();
  /** Corrections by the period they correct, in the order of `previous`. */
  private readonly corrections = new Map<string, (Correction | Absorption)[]>();
  /** What each period's statement absorbed, by period, then by earning key. */
  private readonly absorbedIn = new Map<string, Map<string, Dec>>();

  /**
   * `previous`: the payee's statements of earlier runs; `currentStart`: the current period's first
   * day (corrections paid by statements from that day on are left out: the run replaces them).
   */
  constructor(previous: readonly Statement[], currentStart?: string) {
    for (const s of previous) this.byPeriod.set(s.period, s);
    const absorptions = absorptionsIn(previous);
    for (const c of [...correctionsIn(previous), ...absorptions]) {
      if (currentStart !== undefined && c.start >= currentStart) continue;
      const forPeriod = this.corrections.get(c.period);
      if (forPeriod) forPeriod.push(c);
      else this.corrections.set(c.period, [c]);
    }
    // The statement that absorbed a correction paid it for the corrected period: its own amount
    // is what it pays without it (whatever the current period, like its other amounts).
    for (const a of absorptions) {
      const byKey = this.absorbedIn.get(a.paidIn) ?? new Map<string, Dec>();
      byKey.set(a.key, (byKey.get(a.key) ?? ZERO).plus(a.amount));
      this.absorbedIn.set(a.paidIn, byKey);
    }
  }

  /** The reported statement's own amounts: without what it absorbed of earlier periods. */
  private ownAmounts(period: string): Map<string, Amount> {
    const amounts = amountsOf(this.byPeriod.get(period));
    for (const [key, part] of this.absorbedIn.get(period) ?? []) {
      const known = amounts.get(key);
      if (known) known.amount = known.amount.minus(part);
    }
    return amounts;
  }

  /** The statement an earlier run reported for `period`, if any. */
  statement(period: string): Statement | undefined {
    return this.byPeriod.get(period);
  }

  /** The periods corrected by recalculation lines of later statements. */
  correctedPeriods(): string[] {
    return [...this.corrections.keys()];
  }

  /** The corrections of `period` paid by later statements (as lines, or absorbed). */
  correctionsOf(period: string): readonly (Correction | Absorption)[] {
    return this.corrections.get(period) ?? [];
  }

  /** The amounts reported for `period`, corrections included. */
  amounts(period: string): Map<string, Amount> {
    const amounts = this.ownAmounts(period);
    for (const { key, amount: correction } of this.correctionsOf(period)) {
      const known = amounts.get(key);
      if (known) known.amount = known.amount.plus(correction);
      else
        amounts.set(key, {
          amount: correction,
          info: {
            name: key.slice(key.indexOf(':') + 1),
            kind: key.slice(0, key.indexOf(':')),
            range: NO_RANGE,
          },
        });
    }
    return amounts;
  }

  /**
   * What `period` paid for `key` as a period starting on `before` read it: the reported amount plus
   * the corrections paid by statements starting before that day (what `paid year to date` takes
   * off, `Run.previousEarning`).
   */
  paidBefore(period: string, key: string, before: string): Dec {
    let own = this.own.get(period);
    if (!own) {
      own = this.ownAmounts(period);
      this.own.set(period, own);
    }
    let paid = own.get(key)?.amount ?? ZERO;
    for (const c of this.correctionsOf(period))
      if (c.key === key && c.start < before) paid = paid.plus(c.amount);
    return paid;
  }

  /** The changes on each record that corrections of earning `id` in `period` made. */
  recordChanges(period: string, id: string): RecordChange[] {
    const key = earningKey(id);
    return this.correctionsOf(period).flatMap((c) => (c.key === key && c.line ? recordChanges(c.line) : []));
  }
}
