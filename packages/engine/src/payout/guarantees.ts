/**
 * Guarantees: a minimum paid for N periods, counted from a date (default: the payee's first day on
 * the plan).
 *
 * In each of its periods a guarantee of amount G tops earnings up: a `guarantee` line of
 * `G − max(base, 0)` when that is positive, where the base is the period's earnings plus its draw
 * and draw-recovery lines. Holdbacks, clawbacks, manual and recalculation lines are outside the
 * base: the guarantee is a minimum on what the period earns, not an insurance against money kept
 * back for later or taken back for earlier periods. Like draws, a negative base counts as zero.
 * With several guarantees, each sees the base plus what the guarantees before it paid.
 */
import type { Dec } from '../decimal.js';
import type { AdjustmentLine } from '../results/results.js';
import { adjustmentLine, type LineEnv, moneyInput, moneyText } from './lines.js';
import { lineAmount, positive } from './money.js';
import type { GuaranteeTerm } from './terms.js';

/** The guarantee lines of one period, for earnings plus draws of `base`. */
export function guaranteeLines(env: LineEnv, terms: readonly GuaranteeTerm[], base: Dec): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  let paid = base;
  for (const { guarantee, amount, position } of terms) {
    if (position === undefined || amount === null) continue;
    const minimum = lineAmount(amount, env.rounding);
    const covered = positive(paid);
    if (!minimum.greaterThan(covered)) continue;
    const topUp = minimum.minus(covered);
    lines.push(
      adjustmentLine(env, {
        id: `guarantee:${guarantee.name}`,
        kind: 'guarantee',
        element: guarantee,
        amount: topUp,
        inputs: [
          moneyInput(env, 'guaranteed', minimum),
          moneyInput(env, 'earned with draws', paid),
          // Read after its name: "guarantee period 1 of 2".
          { name: 'guarantee period', value: `${position} of ${guarantee.periods}` },
        ],
        text: `tops ${moneyText(env, covered)} up to the guaranteed ${moneyText(env, minimum)}`,
      }),
    );
    paid = paid.plus(topUp);
  }
  return lines;
}
