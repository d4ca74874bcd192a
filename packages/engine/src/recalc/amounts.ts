/**
 * The amounts a recalculation compares: per period, each earning and each adjustment line (other
 * than recalculation lines) of a statement, by a stable key, and the corrections that
 * recalculation lines of later periods already made to them.
 */
import type { Range } from '@attain/dsl';
import { type Dec, ZERO } from '../decimal.js';
import { amountOf } from '../payout/money.js';
import { NO_RANGE } from '../payout/rules.js';
import type { RecordRef, Statement } from '../results/results.js';

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

/** What a recalculation line paid for an earlier period: its payee, the period and key it corrects, and the start of the statement that paid it. */
export interface Correction {
  payee: string;
  period: string;
  key: string;
  start: string;
  amount: Dec;
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
        start: s.start,
        amount: amountOf(a.amount),
      });
    }
  }
  return found;
}

/**
 * What earlier runs reported for each period: the statement's amounts plus the recalculation
 * lines that statements of later periods, before the current one, added for them.
 */
export class Reported {
  private readonly byPeriod = new Map<string, Statement>();
  private readonly corrections = new Map<string, Map<string, Dec>>();

  /** `previous`: the payee's statements of earlier runs; `currentStart`: the current period's first day. */
  constructor(previous: readonly Statement[], currentStart: string) {
    for (const s of previous) this.byPeriod.set(s.period, s);
    for (const c of correctionsIn(previous)) {
      if (c.start >= currentStart) continue; // paid by a statement this run's current one replaces
      let forPeriod = this.corrections.get(c.period);
      if (!forPeriod) {
        forPeriod = new Map();
        this.corrections.set(c.period, forPeriod);
      }
      forPeriod.set(c.key, (forPeriod.get(c.key) ?? ZERO).plus(c.amount));
    }
  }

  /** The statement an earlier run reported for `period`, if any. */
  statement(period: string): Statement | undefined {
    return this.byPeriod.get(period);
  }

  /** The amounts reported for `period`, corrections included. */
  amounts(period: string): Map<string, Amount> {
    const amounts = amountsOf(this.byPeriod.get(period));
    for (const [key, correction] of this.corrections.get(period) ?? []) {
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
}
