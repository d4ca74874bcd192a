/**
 * A payee's attainment over the compared periods, from the statements alone.
 *
 * Each statement names its headline attainment (`Statement.attainment`): the measure `attainment`,
 * else the first Percent measure whose name ends in `attainment`. In one period that is the
 * payee's attainment. Over several periods, attainments are not averaged: when the measure is a
 * ratio of two values — its trace has exactly two inputs, a numerator and a denominator, whose
 * quotient is the attainment (`bookings / bookings_quota`) — the payee's attainment is
 * Σ numerators ÷ Σ denominators (a year's bookings over a year's quota). A period whose
 * denominator is zero (no value, or 0% through `ratio`) adds its numerator and nothing to the
 * denominator. When a measure is not such a ratio, the payee has no attainment over several periods.
 */
import { Dec, decText, ZERO } from '../decimal.js';
import type { MeasureResult, Statement } from '../results/results.js';

/** The two operands of a headline attainment that is a ratio. */
export interface AttainmentRatio {
  /** The measure's first input: what counts toward quota (`bookings`). */
  numerator: { name: string; value: Dec };
  /** The measure's second input: the quota. */
  denominator: { name: string; value: Dec };
}

const decimalText = /^-?(\d+\.?\d*|\.\d+)$/;

/** The statement's headline attainment measure, found by the rule of `Statement.attainment`. */
export function headlineMeasure(statement: Statement): MeasureResult | undefined {
  return (
    statement.measures.find((m) => m.name === 'attainment') ??
    statement.measures.find((m) => m.type === 'Percent' && m.name.endsWith('attainment'))
  );
}

/** The numerator and denominator of the statement's headline attainment, when it is a ratio of two values. */
export function attainmentRatio(statement: Statement): AttainmentRatio | undefined {
  const measure = headlineMeasure(statement);
  if (measure === undefined || measure.trace.inputs.length !== 2) return undefined;
  const [top, bottom] = measure.trace.inputs;
  if (typeof top?.value !== 'string' || typeof bottom?.value !== 'string') return undefined;
  if (!decimalText.test(top.value) || !decimalText.test(bottom.value)) return undefined;
  const numerator = { name: top.name, value: new Dec(top.value) };
  const denominator = { name: bottom.name, value: new Dec(bottom.value) };
  const value = measure.value;
  if (denominator.value.isZero()) {
    // A division by zero has no value; `ratio(a, 0)` is 0%.
    if (value !== null && !(typeof value === 'string' && new Dec(value).isZero())) return undefined;
  } else if (typeof value !== 'string' || !numerator.value.div(denominator.value).eq(value)) {
    return undefined;
  }
  return { numerator, denominator };
}

/**
 * The payee's attainment over their statements (at least one), as a ratio string, or `null` when it
 * has none (see the module's description).
 */
export function payeeAttainment(statements: readonly Statement[]): string | null {
  const [only] = statements;
  if (statements.length === 1) return only?.attainment ?? null;
  let numerator = ZERO;
  let denominator = ZERO;
  for (const statement of statements) {
    const ratio = attainmentRatio(statement);
    if (ratio === undefined) return null;
    numerator = numerator.plus(ratio.numerator.value);
    denominator = denominator.plus(ratio.denominator.value);
  }
  return denominator.isZero() ? null : decText(numerator.div(denominator));
}
