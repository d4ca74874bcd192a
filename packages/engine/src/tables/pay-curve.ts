/**
 * Pay curves: a measure mapped to a ratio along straight lines between points, flat beyond the
 * first and last points.
 */
import type { PayCurve } from '@attain/dsl';
import { Dec, decText } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import { unitOf, type Value } from '../evaluate/value.js';
import { renderExpr } from '../governance/render-expr.js';
import type { RuleRef } from '../results/results.js';
import type { TierDesc } from './tier-hit.js';

/** A pay curve ready to use. */
export interface CompiledCurve {
  curve: PayCurve;
  rule: RuleRef;
  on: Fn;
  /** What the curve reads, as the plan writes it (`gross_retention`). */
  onText: string;
  points: { at: Dec; value: Dec }[];
}

/** Compiles a pay curve. */
export function compileCurve(curve: PayCurve, env: CompileEnv): CompiledCurve {
  const rule: RuleRef = { kind: 'pay-curve', name: curve.name };
  if (curve.label !== undefined) rule.label = curve.label;
  const points = curve.points
    .map((p) => ({ at: new Dec(p.at), value: new Dec(p.value) }))
    .sort((a, b) => a.at.comparedTo(b.at));
  return { curve, rule, on: compile(curve.on, env), onText: renderExpr(curve.on), points };
}

/** The value of an exact point on the curve at `x` (no rounding but the division's 50 digits). */
export function curveAt(points: readonly { at: Dec; value: Dec }[], x: Dec): { value: Dec; segment: number } {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return { value: new Dec(0), segment: 0 };
  if (x.lte(first.at)) return { value: first.value, segment: 0 };
  if (x.gte(last.at)) return { value: last.value, segment: points.length };
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as { at: Dec; value: Dec };
    if (x.lt(b.at)) {
      const a = points[i - 1] as { at: Dec; value: Dec };
      return {
        value: a.value.plus(x.minus(a.at).times(b.value.minus(a.value)).div(b.at.minus(a.at))),
        segment: i,
      };
    }
  }
  return { value: last.value, segment: points.length };
}

/** `curve(pay_curve)`: the curve's value at its measure. */
export function curve(ctx: Ctx, c: CompiledCurve): Value {
  const x = c.on(ctx, undefined);
  if (!(x instanceof Dec)) return null;
  const { value, segment } = curveAt(c.points, x);
  const lo = c.points[Math.max(0, segment - 1)];
  const hi = c.points[Math.min(c.points.length - 1, segment)];
  if (lo && hi) {
    const inside = segment > 0 && segment < c.points.length;
    const desc: TierDesc = {
      table: c.curve.name,
      unit: unitOf(c.curve.on.type),
      rateUnit: '%',
      index: segment,
      from: decText(lo.at),
      to: inside ? decText(hi.at) : undefined,
      on: c.onText,
      fromRate: decText(lo.value),
    };
    if (inside) desc.toRate = decText(hi.value);
    ctx.trail.push({ desc, rate: value, base: undefined, paid: undefined, at: x });
  }
  return value;
}
