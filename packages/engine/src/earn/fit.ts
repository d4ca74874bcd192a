/**
 * Fitting lines to a target total: a cap takes the excess off the last lines, a floor or any
 * other shortfall adds one line, and rounding allocates remainders so lines sum exactly.
 */
import type { Rounding } from '@attain/dsl';
import { Dec, sumOf } from '../decimal.js';
import { allocate } from '../round/allocate.js';
import { roundTo } from '../round/round.js';

/**
 * Makes `amounts` add up to `target`: an excess is taken off the positive amounts from the last
 * one backwards; what cannot be taken off that way, and any shortfall, is returned as `extra`
 * (a line of its own). Returns the amounts changed in place. `sum`: their sum, when the caller has it.
 */
export function fit(amounts: Dec[], target: Dec, sum?: Dec): { extra: Dec; cut: boolean[] } {
  const cut = new Array<boolean>(amounts.length).fill(false);
  let excess = (sum ?? sumOf(amounts)).minus(target);
  for (let i = amounts.length - 1; i >= 0 && excess.isPositive() && !excess.isZero(); i--) {
    const a = amounts[i] as Dec;
    if (!a.isPositive() || a.isZero()) continue;
    const take = Dec.min(a, excess);
    amounts[i] = a.minus(take);
    excess = excess.minus(take);
    cut[i] = true;
  }
  return { extra: excess.neg(), cut };
}

/** Rounds a value at the declared decimals and mode. */
export function roundAmount(value: Dec, rounding: Rounding): Dec {
  return roundTo(value, rounding.decimals, rounding.mode);
}

/** The exact lines and total rounded for display at the `earning` point: lines sum to the rounded total. */
export function allocateRounded(amounts: Dec[], total: Dec, rounding: Rounding): Dec[] {
  return allocate(amounts, total, rounding.decimals);
}

/** A cap lowered to the rounding grid (never above the cap), a floor raised to it (never below). */
export function toGrid(value: Dec, rounding: Rounding, direction: 'down' | 'up'): Dec {
  return value.toDecimalPlaces(rounding.decimals, direction === 'down' ? Dec.ROUND_FLOOR : Dec.ROUND_CEIL);
}
