/**
 * A payee's statement for one period: credits, measures, quotas, earnings, metrics and signals.
 * The payout fields (adjustments, payout, estimated payout, balances and the payout trace) are
 * left unpaid here: the payout stage fills them (payout/settle.ts) for every statement.
 */
import type { Definition, Plan } from '@attain/dsl';
import { formatType } from '@attain/dsl';
import { type PayeeData, recordRef } from '../data/model.js';
import { ZERO } from '../decimal.js';
import { earningOutcome } from '../earn/earning.js';
import type { Ctx } from '../evaluate/context.js';
import type { Def, Program } from '../evaluate/program.js';
import type { Run } from '../evaluate/run.js';
import { equals, toResult } from '../evaluate/value.js';
import { versionIn } from '../evaluate/versions.js';
import { NO_RANGE, PAYOUT_RULE } from '../payout/rules.js';
import { quotaParts } from '../quota/quota.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { inputsOf } from '../trace/build.js';
import { creditResult } from './credits.js';
import { earningResult } from './earnings.js';
import { MoneyFormat } from './format.js';
import type { EarningResult, MeasureResult, QuotaResult, SignalResult, Statement } from './results.js';

/** What an unpaid statement's `payout` and `estimatedPayout` say until the payout stage sets them. */
const UNPAID = '0';

/** Definitions of one kind, one per name, in the plan's order. */
function defsOf(program: Program, kind: Def['kind']): Def[] {
  return program.defs.filter((d) => d.kind === kind);
}

function measureResult(def: Def, actual: Ctx, projected: Ctx | undefined): MeasureResult {
  const type = (def.element as Definition).type;
  const value = actual.get(def.id);
  const result: MeasureResult = {
    name: def.name,
    type: formatType(type),
    value: toResult(value, type),
    trace: { rule: def.rule, range: def.range, inputs: inputsOf(actual, def.uses, def.rule) },
  };
  if (def.element.label !== undefined) result.label = def.element.label;
  if (projected) {
    const p = projected.get(def.id);
    if (!equals(p, value)) result.estimate = toResult(p, type);
  }
  return result;
}

function quotaResult(program: Program, def: Def, ctx: Ctx): QuotaResult | undefined {
  const versions = program.quotas.get(def.id);
  const q = versions && versionIn(versions, ctx.period);
  if (!q) return undefined;
  const { value, inputs, text } = quotaParts(ctx, q);
  const result: QuotaResult = {
    name: def.name,
    // A missing quota (`from data`, no row) shows as 0, `amount` being a string; its trace says so.
    amount: (value ?? ZERO).toString(),
    trace: { rule: def.rule, range: def.range, inputs },
  };
  if (value === null) result.trace.text = text === undefined ? 'no quota' : `no quota: ${text}`;
  else if (text !== undefined) result.trace.text = text;
  if (def.element.label !== undefined) result.label = def.element.label;
  return result;
}

/** The headline attainment: `attainment`, else the first Percent measure (in text order) ending in `attainment`. */
function headlineAttainment(plan: Plan, measures: readonly MeasureResult[]): string | undefined {
  const candidates = plan.measures
    .filter((m) => m.type.kind === 'Percent' && (m.name === 'attainment' || m.name.endsWith('attainment')))
    .sort((a, b) =>
      a.name === 'attainment'
        ? -1
        : b.name === 'attainment'
          ? 1
          : a.range.start.offset - b.range.start.offset,
    );
  const chosen = candidates[0] && measures.find((m) => m.name === candidates[0]?.name);
  return typeof chosen?.value === 'string' ? chosen.value : undefined;
}

function signals(program: Program, ctx: Ctx): SignalResult[] {
  const raised: SignalResult[] = [];
  for (const s of program.signals) {
    const result: SignalResult = {
      name: s.signal.name,
      severity: s.signal.severity,
      message: s.signal.message,
    };
    if (s.signal.label !== undefined) result.label = s.signal.label;
    if (s.schema) {
      const records = ctx.records(s.schema.name).filter((rec) => s.condition(ctx, rec) === true);
      if (records.length === 0) continue;
      result.records = records.map(recordRef);
    } else if (s.condition(ctx, undefined) !== true) continue;
    raised.push(result);
  }
  return raised;
}

/**
 * Builds the statement of a payee for a period, unpaid: `adjustments` and `balances` empty,
 * `payout` and `estimatedPayout` {@link UNPAID}, and a payout trace without inputs, all of them set
 * by the payout stage (`applyPayout`), which every statement goes through.
 */
export function buildStatement(run: Run, payee: PayeeData, period: Period): Statement {
  const program = run.program;
  const plan = program.plan;
  const format = new MoneyFormat(plan.header.rounding);
  const actual = run.context(payee, period, false);
  const projected = run.data.hypothetical ? run.context(payee, period, true) : undefined;
  const measures = defsOf(program, 'measure').map((d) => measureResult(d, actual, projected));
  const earnings: EarningResult[] = [];
  let earned = ZERO;
  for (const def of defsOf(program, 'earning')) {
    const e = versionIn(program.earnings.get(def.id) ?? [], period);
    if (!e) continue;
    const outcome = earningOutcome(actual, e);
    earnings.push(earningResult(actual, outcome, projected && earningOutcome(projected, e), format));
    earned = earned.plus(outcome.amount);
  }
  const statement: Statement = {
    payee: payee.id,
    payeeName: payee.name,
    period: period.label,
    start: formatDate(period.start),
    end: formatDate(period.end),
    currency: program.currency,
    credits: defsOf(program, 'credit').map((d) => creditResult(d, actual, projected)),
    measures,
    quotas: defsOf(program, 'quota').flatMap((d) => quotaResult(program, d, actual) ?? []),
    earnings,
    earned: format.earned(earned),
    // Unpaid until the payout stage: here only so that the statement's keys keep their order.
    adjustments: [],
    payout: UNPAID,
    estimatedPayout: UNPAID,
    balances: {},
    metrics: defsOf(program, 'metric').map((d) => measureResult(d, actual, undefined)),
    signals: signals(program, actual),
    trace: { rule: PAYOUT_RULE, range: NO_RANGE, inputs: [] },
  };
  const attainment = headlineAttainment(plan, measures);
  if (attainment !== undefined) statement.attainment = attainment;
  return statement;
}
