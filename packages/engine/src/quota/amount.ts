/**
 * The arithmetic of a computed quota in one period, apart from where its inputs come from: the
 * plan's `quota` clauses (see quota.ts) and quota planning (see ../planning) both use it.
 */
import { type Dec, ZERO } from '../decimal.js';
import type { DaysOnPlan } from './proration.js';

/** The factors that turn a quota's base into its amount in one period; an absent factor is 1 (relief 0). */
export interface QuotaFactors {
  /** The period's share of an annual base. */
  seasonality?: Dec;
  /** The ramp step of a new hire. */
  ramp?: Dec;
  /** Calendar-day proration: days on the plan of the days in the period. */
  days?: DaysOnPlan;
  /** An amount taken off. */
  relief?: Dec;
}

/**
 * `base × seasonality × ramp × days on plan / days in period − relief`, as computed: below zero
 * when the relief is more than the rest (see {@link quotaAmount}).
 */
export function quotaBeforeFloor(base: Dec, factors: QuotaFactors): Dec {
  let value = base;
  if (factors.seasonality) value = value.times(factors.seasonality);
  if (factors.ramp) value = value.times(factors.ramp);
  const { days } = factors;
  if (days && days.days !== days.of) value = value.times(days.days).div(days.of);
  if (factors.relief) value = value.minus(factors.relief);
  return value;
}

/** A quota as computed ({@link quotaBeforeFloor}), never below zero. */
export function atLeastZero(value: Dec): Dec {
  return value.isNegative() ? ZERO : value;
}

/** `base × seasonality × ramp × days on plan / days in period − relief`, never below zero. */
export function quotaAmount(base: Dec, factors: QuotaFactors): Dec {
  return atLeastZero(quotaBeforeFloor(base, factors));
}
