/**
 * Helpers for the recalculation tests: runs of hand-made statements with a `paid year to date`
 * earning, paid and recalculated as the payout stage does. Not exported by the package.
 */
import { Dec } from '../decimal.js';
import { PAID_EARLIER } from '../earn/paid-before.js';
import { Ledger } from '../payout/ledger.js';
import { payoutPeriod } from '../payout/payout-period.js';
import { noTerms, type PeriodTerms } from '../payout/terms.js';
import { earning, envOf, type quarter, statementOf } from '../payout/test-support.js';
import type { EarningResult, Statement } from '../results/results.js';
import { fixed } from '../round/round.js';
import { type RecalcScope, recalculate } from './recalculate.js';

/** A quarter: label, first and last day. */
export type Quarter = ReturnType<typeof quarter>;

/** What the data of a run gives per quarter (index 0 = the first quarter of the run). */
export interface YearData {
  /** The commission earned in the quarter. */
  commission: readonly string[];
  /** The year-to-date value of the `paid year to date` earning `ytd` at the end of the quarter. */
  ytd: readonly string[];
  /** Whether the earning's gate is open in the quarter (closed: it pays nothing). */
  open: readonly boolean[];
}

/** The year-to-date earning as it stands on a statement (`paid year to date`, maybe gated). */
export function ytdEarning(amount: string, paidEarlier: Dec, gated: boolean): EarningResult {
  const base = earning('ytd', amount);
  const trace = {
    ...base.trace,
    inputs: [{ name: PAID_EARLIER, value: fixed(paidEarlier, 2), unit: 'USD' }],
  };
  const result: EarningResult = { ...base, kind: 'bonus', trace };
  if (gated) result.gated = true;
  return result;
}

/**
 * What `previous` says `period` paid for `ytd`, as a period starting on `before` reads it (as
 * `earn/paid-before.ts` does): the reported amount plus the recalculation lines paid for it by
 * statements starting before that day. `undefined` when `previous` has no statement of the period.
 */
function reportedYtd(previous: readonly Statement[], period: string, before: string): Dec | undefined {
  const own = previous.find((s) => s.period === period);
  if (!own) return undefined;
  let paid = new Dec(own.earnings.find((e) => e.id === 'ytd')?.amount ?? '0');
  for (const s of previous)
    for (const a of s.adjustments)
      if (a.id === `recalculation:${period}:earning:ytd` && s.start < before) paid = paid.plus(a.amount);
  return paid;
}

/**
 * The fresh statements of a run over `quarters` from the one at index `from` (the quarters before
 * it are not calculated again: `previous` holds them): earnings filled, nothing paid. The
 * commission, and `ytd` as the engine calculates a `paid year to date` earning: open, its
 * year-to-date value minus what the earlier quarters of its year paid (what `previous` says for a
 * quarter it holds, else as calculated now); gated, nothing. `data` is indexed like `quarters`.
 */
export function yearStatements(
  quarters: readonly Quarter[],
  data: YearData,
  previous: readonly Statement[],
  from = 0,
): Statement[] {
  const out: Statement[] = [];
  quarters.forEach((q, i) => {
    if (i < from) return;
    let paid = new Dec(0);
    for (let j = 0; j < i; j++) {
      const earlier = quarters[j] as Quarter;
      if (earlier.period.slice(0, 4) !== q.period.slice(0, 4)) continue;
      const now = out[j - from]?.earnings.find((e) => e.id === 'ytd')?.amount ?? '0';
      paid = paid.plus(reportedYtd(previous, earlier.period, q.start) ?? now);
    }
    const open = data.open[i] === true;
    const amount = open ? new Dec(data.ytd[i] ?? '0').minus(paid) : new Dec(0);
    out.push(
      statementOf(q, [
        earning('commission', data.commission[i] ?? '0.00'),
        ytdEarning(fixed(amount, 2), paid, !open),
      ]),
    );
  });
  return out;
}

/**
 * A run as the payout stage makes it: pays `fresh` in order over `previous` (with the year-to-date
 * accounting) and recalculates the closed quarters. `terms(i)`: the terms of the i-th statement.
 */
export function runYear(
  fresh: readonly Statement[],
  previous: readonly Statement[],
  terms: (i: number) => Partial<PeriodTerms> = () => ({}),
): Statement[] {
  const env = envOf();
  const periods = fresh.map((s) => s.period);
  const current = fresh[fresh.length - 1] as Statement;
  const years = {
    yearToDate: new Set(['ytd']),
    fiscalYear: (period: string) => Number(period.slice(0, 4)),
    closed: new Set(previous.map((s) => s.period)),
  };
  const scope: RecalcScope = { periods, current: current.period, currentStart: current.start, ...years };
  const ledger = new Ledger(previous, years);
  const paid = fresh.map((s, i) => payoutPeriod(env, s, { ...noTerms(), ...terms(i) }, ledger));
  return recalculate(env, paid, previous, scope);
}

/**
 * A statement as a run returns it for a closed period: the one reported, marked `reported: true`
 * (the copies of a statement several runs returned are equal but for that mark).
 */
export function asReported(statement: Statement | undefined): Statement | undefined {
  return statement && { ...statement, reported: true };
}

/** The payouts of statements added up. */
export function totalPaid(statements: readonly Statement[]): string {
  return fixed(
    statements.reduce((t, s) => t.plus(s.payout), new Dec(0)),
    2,
  );
}
