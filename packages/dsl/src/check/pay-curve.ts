/**
 * Pay curve checks: points in strictly ascending order (AT4010), in the unit of what the curve is
 * on (AT4006), and at least two points (AT4007).
 */
import type { Bound, PayCurveDecl } from '../syntax/ast.js';
import { boundValue, checkBoundUnits, checkTableOn, formatBound } from './bounds.js';
import { type CheckContext, hasSyntaxErrorIn, report } from './context.js';

/** Checks one pay curve declaration. */
export function checkPayCurve(ctx: CheckContext, curve: PayCurveDecl): void {
  const name = curve.name?.text ?? 'this pay curve';
  const on = checkTableOn(ctx, curve.on, `Pay curve ${name}`);
  // A point that did not parse is missing or half read: the points are then not counted or
  // compared with each other (only their units are checked).
  const unread = hasSyntaxErrorIn(ctx, curve.range);
  if (curve.points.length === 0 && !unread) {
    report(
      ctx,
      'AT4007',
      curve.name?.range ?? curve.range,
      `Pay curve ${name} has no points: add at least two, such as \`0%: 0%\` and \`100%: 100%\``,
    );
    return;
  }
  if (curve.points.length === 1 && !unread) {
    report(
      ctx,
      'AT4007',
      curve.name?.range ?? curve.range,
      `Pay curve ${name} has only one point, so it is the same value everywhere: add at least two, such as \`0%: 0%\` and \`100%: 100%\``,
    );
  }
  const bounds = curve.points.map((p) => p.at).filter((b): b is Bound => b !== undefined);
  if (!checkBoundUnits(ctx, bounds, on, (b) => `The point at ${formatBound(b)}`) || unread) return;
  let previous: { at: Bound; range: PayCurveDecl['range'] } | undefined;
  for (const point of curve.points) {
    if (!point.at) continue;
    const value = boundValue(point.at);
    const before = previous && boundValue(previous.at);
    if (previous && value && before && value.lte(before)) {
      report(
        ctx,
        'AT4010',
        point.range,
        `The points of ${name} must go up: ${formatBound(point.at)} comes after ${formatBound(previous.at)}`,
        [{ message: `The point at ${formatBound(previous.at)} is here`, range: previous.range }],
      );
    }
    previous = { at: point.at, range: point.range };
  }
}
