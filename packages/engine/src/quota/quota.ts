/**
 * Quotas: from data, or computed as base × seasonality × ramp × proration − relief, never below
 * zero. Without seasonality the base is the amount per period; with it, the base is annual and
 * each period carries its share.
 */
import type { IrExpr, Quota } from '@attain/dsl';
import { Dec, ONE } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Def } from '../evaluate/program.js';
import type { Value } from '../evaluate/value.js';
import { renderExpr } from '../governance/render-expr.js';
import type { TraceInput } from '../results/results.js';
import { formatDate } from '../time/dates.js';
import { planMoney } from '../trace/sentence.js';
import { atLeastZero, type QuotaFactors, quotaBeforeFloor } from './amount.js';
import { daysOnPlan } from './proration.js';
import { rampStart, rampStep } from './ramp.js';

/** A quota ready to evaluate. */
export interface CompiledQuota {
  quota: Quota;
  def: Def;
  base: Fn | undefined;
  seasonality: Dec[] | undefined;
  ramp: { steps: Dec[]; from: Fn; cutoffDay: number | undefined } | undefined;
  relief: Fn | undefined;
}

/** Compiles a quota. */
export function compileQuota(quota: Quota, def: Def, env: CompileEnv): CompiledQuota {
  return {
    quota,
    def,
    base: quota.base ? compile(quota.base, env) : undefined,
    seasonality: quota.seasonality?.map((s) => new Dec(s)),
    ramp: quota.ramp && {
      steps: quota.ramp.steps.map((s) => new Dec(s)),
      from: compile(quota.ramp.from, env),
      cutoffDay: quota.ramp.cutoffDay,
    },
    relief: quota.relief ? compile(quota.relief, env) : undefined,
  };
}

/** A quota's value and the factors that made it, for its trace. */
export interface QuotaParts {
  value: Dec | null;
  inputs: TraceInput[];
  /** Why the quota is 0 when it came to less (`QuotaResult.trace.text`). */
  text?: string;
}

/** The quota of the context's payee in its period, with its factors. */
export function quotaParts(ctx: Ctx, q: CompiledQuota): QuotaParts {
  const currency = ctx.run.program.currency;
  if (q.quota.fromData) {
    const amount = ctx.payee
      ? ctx.run.data.quotas.get(`${ctx.payee.id}|${q.quota.name}|${ctx.period.label}`)
      : undefined;
    if (!amount) {
      ctx.warn(
        'no-value',
        q.quota,
        `there is no ${q.quota.name} for ${ctx.payee?.id ?? 'the payee'} in ${ctx.period.label} in the quota data`,
        // The quota's own rule, whichever rule asked for it: one warning, however many ask.
        q.def.rule,
      );
      return { value: null, inputs: [] };
    }
    return { value: amount, inputs: [{ name: 'from data', value: amount.toString(), unit: currency }] };
  }
  const base = q.base?.(ctx, undefined) ?? null;
  if (!(base instanceof Dec)) {
    // No base (an empty `annual_quota`): no quota, and so no attainment. The run says so, as it
    // does for a quota missing from the quota data.
    const what = q.quota.base ? renderExpr(q.quota.base) : 'the base';
    ctx.warn(
      'no-value',
      q.quota,
      `${what} has no value for ${ctx.payee?.id ?? 'the payee'}, so ${q.quota.name} has no value in ${ctx.period.label}`,
      q.def.rule,
    );
    return { value: null, inputs: [{ name: 'base', value: null }], text: `${what} has no value` };
  }
  const inputs: TraceInput[] = [{ name: 'base', value: base.toString(), unit: currency }];
  const factors: QuotaFactors = {};
  /** What the trace says besides its inputs. */
  const notes: string[] = [];
  if (q.seasonality) {
    const share = q.seasonality[ctx.period.index % q.seasonality.length] ?? ONE;
    inputs.push({ name: 'seasonality', value: share.toString(), unit: '%' });
    factors.seasonality = share;
  }
  if (q.ramp) {
    const date: Value = q.ramp.from(ctx, undefined);
    if (typeof date === 'number') {
      const start = rampStart(date, q.ramp.cutoffDay);
      const { factor, step } = rampStep(q.ramp.steps, start, ctx.period, ctx.run.program.calendar);
      inputs.push({ name: 'ramp start', value: formatDate(start) });
      inputs.push({
        name: step === 0 ? 'ramp (complete)' : `ramp step ${step}`,
        value: factor.toString(),
        unit: '%',
      });
      factors.ramp = factor;
    } else {
      // No ramp date (an empty hire date): the quota is the whole one, and the run says so (a new
      // hire would otherwise carry a full quota silently).
      const from = renderExpr(q.quota.ramp?.from as IrExpr);
      notes.push(`not ramped: ${from} has no value`);
      inputs.push({ name: 'ramp start', value: null });
      ctx.warn(
        'no-value',
        q.quota,
        `${from} has no value for ${ctx.payee?.id ?? 'the payee'}, so ${q.quota.name} is not ramped in ${ctx.period.label}: the whole quota applies`,
        q.def.rule,
      );
    }
  }
  if (q.quota.prorate) {
    const days = daysOnPlan(ctx.payee, ctx.period, {
      from: ctx.run.program.start,
      to: ctx.run.program.end,
    });
    inputs.push(
      { name: 'days on plan', value: String(days.days) },
      { name: 'days in period', value: String(days.of) },
    );
    factors.days = days;
  }
  if (q.relief) {
    const relief = q.relief(ctx, undefined);
    if (relief instanceof Dec) {
      inputs.push({ name: 'relief', value: relief.toString(), unit: currency });
      factors.relief = relief;
    }
  }
  const computed = quotaBeforeFloor(base, factors);
  const value = atLeastZero(computed);
  if (value !== computed) notes.push(floorText(ctx, computed, factors.relief));
  return notes.length === 0 ? { value, inputs } : { value, inputs, text: notes.join('; ') };
}

/**
 * Why a quota is 0: it came to `computed`, below zero, most often because the relief is more than
 * the quota before relief.
 */
function floorText(ctx: Ctx, computed: Dec, relief: Dec | undefined): string {
  const money = (value: Dec) => planMoney(ctx.run.program.plan, value);
  const never = '(a quota is never below zero)';
  const before = relief && computed.plus(relief);
  if (relief && before && !before.isNegative())
    return `the relief of ${money(relief)} is more than the ${money(before)} of quota before relief, so the quota is 0, not ${money(computed)} ${never}`;
  return `the quota comes to ${money(computed)}, so it is 0 ${never}`;
}

/** The quota's value in a context. */
export function quotaValue(ctx: Ctx, q: CompiledQuota): Value {
  return quotaParts(ctx, q).value;
}
