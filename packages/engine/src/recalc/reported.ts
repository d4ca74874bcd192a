/**
 * A statement of the earlier results as a run returns it for a closed period: the one reported,
 * whole.
 *
 * The earlier results are checked only as far as a run reads them (`data/previous.ts`: payee,
 * period, dates, earnings and their lines, adjustment lines, balances). A statement made by hand
 * may pass that check and still lack what a run never reads (the payee's name, credits, measures,
 * the payout, traces...), yet the run returns it among its statements, to be shown, exported and
 * read back like any other. So it is returned complete: every part it has is kept as written, and
 * every part missing or of the wrong shape gets its empty value (an empty list, a zero amount, a
 * trace that names its rule and nothing else), the sums it lacks (`earned`, `payout`) worked out
 * from its lines. A statement the engine made is returned as it is (a copy).
 *
 * Either way it is marked `reported: true`: an earlier run paid it, this one does not (a payroll
 * import of the run's payouts must leave it out).
 */

import { readAmount } from '../data/previous.js';
import { isObject } from '../data/values.js';
import { type Dec, ZERO } from '../decimal.js';
import type { LineEnv } from '../payout/lines.js';
import { lineText, payoutAmount, payoutText } from '../payout/money.js';
import { NO_RANGE, PAYOUT_RULE } from '../payout/rules.js';
import type {
  AdjustmentLine,
  CreditResult,
  EarningKind,
  EarningLine,
  EarningResult,
  MeasureResult,
  QuotaResult,
  RuleRef,
  SignalResult,
  Statement,
  Trace,
} from '../results/results.js';

type Json = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string';

const KINDS: ReadonlySet<string> = new Set<EarningKind>([
  'earning',
  'commission',
  'bonus',
  'spiff',
  'milestone',
  'mbo',
]);
const SEVERITIES: ReadonlySet<string> = new Set(['info', 'warning', 'critical']);

/** The objects of a list (an empty list for anything else). */
function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Sets `object[name]` to `value` when it is not a text. */
function text(object: Json, name: string, value: () => string): void {
  if (!isText(object[name])) object[name] = value();
}

/** A trace with a rule, a range and inputs; `rule` names the rule when the trace does not. */
function trace(value: unknown, rule: RuleRef): Trace {
  if (!isObject(value)) return { rule, range: NO_RANGE, inputs: [] };
  const t = value;
  if (!isObject(t.rule) || !isText(t.rule.kind) || !isText(t.rule.name)) t.rule = rule;
  if (!isObject(t.range)) t.range = NO_RANGE;
  t.inputs = objects(t.inputs).filter((i) => isText(i.name));
  return t as unknown as Trace;
}

/** The sum of the amounts of `items` (each as `readAmount` reads it; an unreadable one counts 0). */
function sum(items: readonly Json[]): Dec {
  let total = ZERO;
  for (const item of items) total = total.plus(readAmount(item.amount) ?? ZERO);
  return total;
}

function earningLine(value: Json, i: number, earning: EarningResult): EarningLine {
  text(value, 'id', () => `${earning.id}:${i + 1}`);
  text(value, 'amount', () => '0');
  if (value.record !== undefined && !(isObject(value.record) && isText(value.record.source)))
    delete value.record;
  value.trace = trace(value.trace, earning.trace.rule);
  return value as unknown as EarningLine;
}

function earningResult(value: Json, i: number, zero: string): EarningResult {
  const name = isText(value.name) ? value.name : isText(value.id) ? value.id : `earning ${i + 1}`;
  value.name = name;
  text(value, 'id', () => name);
  if (!isText(value.kind) || !KINDS.has(value.kind)) value.kind = 'earning';
  text(value, 'amount', () => zero);
  text(value, 'estimate', () => zero);
  value.trace = trace(value.trace, { kind: 'earning', name });
  const earning = value as unknown as EarningResult;
  value.lines = objects(value.lines).map((line, n) => earningLine(line, n, earning));
  return earning;
}

/**
 * An adjustment line, complete. `kind` is the kind of a line that names none: `manual` for a line
 * paid, `recalculation` for an estimated correction of a closed period (`estimatedAdjustments`).
 */
function adjustmentLine(value: Json, i: number, zero: string, kind = 'manual'): AdjustmentLine {
  text(value, 'id', () => `${kind === 'manual' ? 'adjustment' : 'estimated adjustment'} ${i + 1}`);
  text(value, 'kind', () => kind);
  // `draw:d` names the draw d; an id without a kind names itself.
  const id = value.id as string;
  text(value, 'name', () => (id.includes(':') ? id.slice(id.indexOf(':') + 1) : id));
  text(value, 'amount', () => zero);
  if (value.record !== undefined && !(isObject(value.record) && isText(value.record.source)))
    delete value.record;
  value.trace = trace(value.trace, { kind: value.kind as string, name: value.name as string });
  return value as unknown as AdjustmentLine;
}

function creditResult(value: Json, i: number, zero: string): CreditResult {
  text(value, 'name', () => `credit ${i + 1}`);
  text(value, 'total', () => zero);
  text(value, 'quotaCredit', () => value.total as string);
  text(value, 'estimate', () => zero);
  // The bare field a line's share was taken of: a name, or absent (a computed amount).
  if (value.amountField !== undefined && !isText(value.amountField)) delete value.amountField;
  value.lines = objects(value.lines).filter((l) => isObject(l.record) && isText(l.record.source));
  for (const line of value.lines as Json[]) {
    text(line, 'amount', () => zero);
    text(line, 'share', () => '1');
    text(line, 'role', () => 'owner');
    // What a computed amount read from the record: a list of named inputs, or absent.
    if (line.inputs !== undefined) {
      if (Array.isArray(line.inputs)) line.inputs = objects(line.inputs).filter((i) => isText(i.name));
      else delete line.inputs;
    }
  }
  value.trace = trace(value.trace, { kind: 'credit', name: value.name as string });
  return value as unknown as CreditResult;
}

function measureResult(value: Json, i: number, kind: string): MeasureResult {
  text(value, 'name', () => `${kind} ${i + 1}`);
  text(value, 'type', () => '');
  const v = value.value;
  if (!(v === null || isText(v) || typeof v === 'boolean')) value.value = null;
  value.trace = trace(value.trace, { kind, name: value.name as string });
  return value as unknown as MeasureResult;
}

function quotaResult(value: Json, i: number, zero: string): QuotaResult {
  text(value, 'name', () => `quota ${i + 1}`);
  text(value, 'amount', () => zero);
  value.trace = trace(value.trace, { kind: 'quota', name: value.name as string });
  return value as unknown as QuotaResult;
}

function signalResult(value: Json, i: number): SignalResult {
  text(value, 'name', () => `signal ${i + 1}`);
  if (!isText(value.severity) || !SEVERITIES.has(value.severity)) value.severity = 'info';
  text(value, 'message', () => '');
  if (value.records !== undefined && !Array.isArray(value.records)) delete value.records;
  return value as unknown as SignalResult;
}

/**
 * The statement `reported` (a statement of the earlier results) complete, as a copy marked
 * `reported: true`. `payeeName`: the payee's name when the statement has none (else its id).
 */
export function reportedStatement(env: LineEnv, reported: Statement, payeeName?: string): Statement {
  const s = structuredClone(reported) as unknown as Json;
  const zero = lineText(ZERO, env.rounding);
  text(s, 'payeeName', () => payeeName ?? (s.payee as string));
  text(s, 'currency', () => env.currency);
  s.credits = objects(s.credits).map((c, i) => creditResult(c, i, zero));
  s.measures = objects(s.measures).map((m, i) => measureResult(m, i, 'measure'));
  s.quotas = objects(s.quotas).map((q, i) => quotaResult(q, i, zero));
  if (s.attainment !== undefined && !isText(s.attainment)) delete s.attainment;
  const earnings = objects(s.earnings).map((e, i) => earningResult(e, i, zero));
  s.earnings = earnings;
  text(s, 'earned', () => lineText(sum(earnings as unknown as Json[]), env.rounding));
  const adjustments = objects(s.adjustments).map((a, i) => adjustmentLine(a, i, zero));
  s.adjustments = adjustments;
  text(s, 'payout', () => {
    const total = (readAmount(s.earned) ?? ZERO).plus(sum(adjustments as unknown as Json[]));
    return payoutText(payoutAmount(total, env.rounding), env.rounding);
  });
  text(s, 'estimatedPayout', () => s.payout as string);
  // The estimated corrections of closed periods shown then (never paid, never read by a run): the
  // lines of a list, complete; absent when there are none, as a run leaves them.
  if (s.estimatedAdjustments !== undefined) {
    const estimated = objects(s.estimatedAdjustments).map((a, i) =>
      adjustmentLine(a, i, zero, 'recalculation'),
    );
    if (estimated.length > 0) s.estimatedAdjustments = estimated;
    else delete s.estimatedAdjustments;
  }
  const balances: Record<string, string> = {};
  if (isObject(s.balances))
    for (const [name, value] of Object.entries(s.balances)) if (isText(value)) balances[name] = value;
  s.balances = balances;
  s.metrics = objects(s.metrics).map((m, i) => measureResult(m, i, 'metric'));
  s.signals = objects(s.signals).map((g, i) => signalResult(g, i));
  s.trace = trace(s.trace, PAYOUT_RULE);
  // Marked right after who and when, where a reader of the JSON sees it first.
  const { payee, payeeName: name, period, start, end, currency, reported: _flag, ...rest } = s;
  const marked = { payee, payeeName: name, period, start, end, currency, reported: true, ...rest };
  return marked as unknown as Statement;
}
