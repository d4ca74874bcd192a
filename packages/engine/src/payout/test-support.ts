/**
 * Helpers for the payout and recalculation tests: hand-written plan elements and statements.
 * Not exported by the package.
 */
import type { Adjustment, Clawback, Draw, Guarantee, Holdback, IrExpr, Range, Rounding } from '@attain/dsl';
import { Dec } from '../decimal.js';
import type { EarningLine, EarningResult, RecordRef, Statement } from '../results/results.js';
import { fixed } from '../round/round.js';
import { parseDate } from '../time/dates.js';
import { Ledger } from './ledger.js';
import type { LineEnv } from './lines.js';
import { payoutPeriod } from './payout-period.js';
import { noTerms, type PeriodTerms } from './terms.js';

const RANGE: Range = {
  start: { line: 1, character: 2, offset: 10 },
  end: { line: 1, character: 40, offset: 48 },
};
const USD: IrExpr = { op: 'literal', type: { kind: 'Money', currency: 'USD' }, value: '0', range: RANGE };

/** Rounding half up to 2 decimals at `point`. */
export function rounding(
  point: Rounding['point'] = 'line',
  mode: Rounding['mode'] = 'half-up',
  decimals = 2,
): Rounding {
  return { mode, decimals, point, declared: true };
}

/** A USD line environment. */
export function envOf(r: Rounding = rounding()): LineEnv {
  return { rounding: r, currency: 'USD' };
}

/** A draw element (its amount is given per period in the terms). */
export function drawOf(name: string, recoverable: boolean, periods?: number, trueUpAtYearEnd = false): Draw {
  const draw: Draw = { name, range: RANGE, amount: USD, recoverable, trueUpAtYearEnd };
  if (periods !== undefined) draw.periods = periods;
  return draw;
}

/** A guarantee element. */
export function guaranteeOf(name: string, periods: number): Guarantee {
  return { name, range: RANGE, amount: USD, periods };
}

/** A holdback element (release given per period in the terms). */
export function holdbackOf(name: string, share: string, earning: string): Holdback {
  return { name, range: RANGE, share, earning };
}

/** A clawback element. */
export function clawbackOf(name: string, source: string, withinDays: number): Clawback {
  return { name, range: RANGE, source, cancelledOn: 'cancel_date', withinDays };
}

/** The `adjustment manual from data` element. */
export const MANUAL: Adjustment = { name: 'manual', label: 'Manual adjustments', range: RANGE };

/** A quarter of 2026 (calendar fiscal year): label, first and last day. */
export function quarter(n: 1 | 2 | 3 | 4, year = 2026): { period: string; start: string; end: string } {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  return { period: `${year}-Q${n}`, start: `${year}-${starts[n - 1]}`, end: `${year}-${ends[n - 1]}` };
}

/** A day number from `YYYY-MM-DD`. */
export function day(text: string): number {
  const d = parseDate(text);
  if (d === undefined) throw new Error(`not a date: ${text}`);
  return d;
}

/** A record reference of `deals`. */
export function deal(key: string, row = 1): RecordRef {
  return { source: 'deals', key, row };
}

/** A line of an earning: an amount, optionally on a record at a rate. */
export interface LineSpec {
  amount: string;
  record?: RecordRef;
  rate?: string;
  estimate?: boolean;
}

/** An earning with lines (a single period line when none are given). */
export function earning(name: string, amount: string, lines?: LineSpec[], estimate = '0.00'): EarningResult {
  const trace = { rule: { kind: 'earning', name }, range: RANGE, inputs: [] };
  const made: EarningLine[] = (lines ?? [{ amount }]).map((l, i) => {
    const line: EarningLine = {
      id: `${name}:${l.record?.key ?? (lines ? i : 'period')}`,
      amount: l.amount,
      trace,
    };
    if (l.record) line.record = l.record;
    if (l.rate !== undefined) line.rate = l.rate;
    if (l.estimate) line.estimate = true;
    return line;
  });
  return { id: name, name, kind: 'commission', amount, estimate, lines: made, trace };
}

/** A fresh statement of payee `rep` (earnings filled, nothing paid yet). */
export function statementOf(
  q: { period: string; start: string; end: string },
  earnings: EarningResult[],
  payee = 'rep',
): Statement {
  const earned = earnings.reduce((t, e) => t.plus(e.amount), new Dec(0));
  return {
    payee,
    payeeName: payee.toUpperCase(),
    ...q,
    currency: 'USD',
    credits: [],
    measures: [],
    quotas: [],
    earnings,
    earned: earned.decimalPlaces() > 2 ? earned.toString() : fixed(earned, 2),
    adjustments: [],
    payout: fixed(earned, 2),
    estimatedPayout: fixed(earned, 2),
    balances: {},
    metrics: [],
    signals: [],
    trace: { rule: { kind: 'payout', name: 'payout' }, range: RANGE, inputs: [] },
  };
}

/** Pays statements in order with their terms (missing terms: none), after `previous` statements. */
export function payAll(
  statements: readonly Statement[],
  terms: readonly (Partial<PeriodTerms> | undefined)[],
  previous: readonly Statement[] = [],
  env: LineEnv = envOf(),
): Statement[] {
  const ledger = new Ledger(previous);
  return statements.map((s, i) => payoutPeriod(env, s, { ...noTerms(), ...terms[i] }, ledger));
}

/** The adjustment lines of a statement as `[id, amount]` pairs. */
export function linesOf(s: Statement): [string, string][] {
  return s.adjustments.map((a) => [a.id, a.amount]);
}

/** `payout − earned − Σ adjustments`: zero when the payout adds up. */
export function payoutGap(s: Statement): Dec {
  return s.adjustments.reduce((t, a) => t.minus(a.amount), new Dec(s.payout).minus(s.earned));
}

/** The values of a deals row of the payout scenarios: id, owner, amount, close and cancel dates. */
export function dealRow(
  id: string,
  owner: string,
  amount: string,
  close: string,
  cancel: string | null = null,
) {
  return { id, owner, amount, close_date: close, cancel_date: cancel };
}
