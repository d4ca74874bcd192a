/**
 * Money as text in results: with exactly the declared decimals where the plan rounds it, and in
 * full precision where it does not (yet).
 */
import type { Rounding } from '@attain/dsl';
import type { Dec } from '../decimal.js';
import type { LineData } from '../earn/outcome.js';
import { lineText } from '../payout/money.js';
import { fixedUnitsText, roundUnits, unitsText } from '../units.js';

/** Formats amounts of one plan. */
export class MoneyFormat {
  constructor(private readonly rounding: Rounding) {}

  /** An earning amount or line: fixed decimals unless rounding happens only at the payout. */
  earned(value: Dec): string {
    return lineText(value, this.rounding);
  }

  /** The amount of an earning line, printed from its units when it has them. */
  line(line: LineData): string {
    if (Number.isNaN(line.amountUnits)) return this.earned(line.amount);
    const { amountUnits: units, amountScale: scale } = line;
    if (this.rounding.point === 'payout') return unitsText(units, scale);
    const rounded = roundUnits(units, scale, this.rounding.decimals, 'half-up');
    return rounded === undefined ? this.earned(line.amount) : fixedUnitsText(rounded, this.rounding.decimals);
  }
}
