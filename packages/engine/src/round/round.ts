/**
 * Rounding as the plan declares it (`rounding half up to 2 decimals at line`).
 */
import type { Rounding } from '@attain/dsl';
import type DecimalJs from 'decimal.js';
import { Dec } from '../decimal.js';
import { decimalsOf, fixedUnitsText, roundUnits, unitsOf } from '../units.js';

/** The decimal.js rounding mode of each rounding mode of the language. */
const MODES: Readonly<Record<Rounding['mode'], DecimalJs.Rounding>> = {
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
};

/** Rounds to `decimals` places: `half-up` (0.5 away from zero), `half-even`, `down` (toward zero), `up` (away from zero). */
export function roundTo(value: Dec, decimals: number, mode: Rounding['mode']): Dec {
  return value.toDecimalPlaces(decimals, MODES[mode]);
}

/** The amount as text with exactly `decimals` places (`"4700.00"`). */
export function fixed(value: Dec, decimals: number): string {
  const scale = decimalsOf(value);
  const units = scale === undefined ? undefined : unitsOf(value, scale);
  // `toFixed` rounds half up (the engine's default mode), as this does on units.
  const rounded = units === undefined ? undefined : roundUnits(units, scale as number, decimals, 'half-up');
  if (rounded !== undefined) return fixedUnitsText(rounded, decimals);
  const text = value.toFixed(decimals);
  return text.startsWith('-') && /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
