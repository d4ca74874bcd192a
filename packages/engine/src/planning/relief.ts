/**
 * Quota relief for territory changes: when accounts move out of a payee's territory, their quota
 * from that day on shrinks by the moved accounts' share of the territory's potential. Relief is
 * counted by calendar days, like proration, so a change mid-period relieves only the days after it.
 */

import type { DaySpan } from '../data/model.js';
import { readDecimal } from '../data/values.js';
import { compareDec, type Dec, ONE, ZERO } from '../decimal.js';
import { quotaAmount } from '../quota/amount.js';
import { daysInSpans } from '../quota/proration.js';
import { quoteAny } from '../text/quoted.js';
import { formatDate } from '../time/dates.js';
import type { PlanningProblems } from './problems.js';
import { readDate } from './read.js';

/** Accounts moved out of a payee's territory. */
export interface QuotaRelief {
  /** The first day without the accounts (`YYYY-MM-DD`). */
  date: string;
  /** The potential of the accounts moved away. */
  movedPotential: string;
  /** The potential of the territory just before the change (moved accounts included). */
  territoryPotential: string;
}

/** From `from` on, the payee keeps `remaining` of the quota (1 − the relieved shares, compounded). */
export interface ReliefStep {
  from: number;
  remaining: Dec;
}

/** The share of the quota relieved by a territory change: moved potential / territory potential. */
export function reliefShare(movedPotential: Dec, territoryPotential: Dec): Dec {
  return movedPotential.div(territoryPotential);
}

/** Reads territory changes into steps by date; `undefined` (problems recorded) when one is unusable. */
export function readReliefs(
  changes: readonly QuotaRelief[],
  problems: PlanningProblems,
): ReliefStep[] | undefined {
  const read: { from: number; share: Dec }[] = [];
  let usable = true;
  for (const change of changes) {
    const from = readDate(change.date);
    const moved = readDecimal(change.movedPotential);
    const territory = readDecimal(change.territoryPotential);
    // Every part of a change is checked, so that one run reports every bad one.
    if (from === undefined) {
      problems.error(
        'bad-date',
        undefined,
        `the territory change date ${quoteAny(change.date)} is not a date (YYYY-MM-DD)`,
      );
      usable = false;
    }
    if (
      moved === undefined ||
      territory === undefined ||
      !territory.isPositive() ||
      moved.isNegative() ||
      moved.gt(territory)
    ) {
      problems.error(
        'bad-relief',
        undefined,
        `the territory change of ${from === undefined ? quoteAny(change.date) : formatDate(from)} moves ${quoteAny(change.movedPotential)} of a potential of ` +
          `${quoteAny(change.territoryPotential)}; the territory's potential must be positive and the moved ` +
          'potential between 0 and it',
      );
      usable = false;
    } else if (from !== undefined) read.push({ from, share: reliefShare(moved, territory) });
  }
  if (!usable) return undefined;
  read.sort((a, b) => a.from - b.from || compareDec(a.share, b.share));
  let remaining = ONE;
  return read.map(({ from, share }) => {
    remaining = remaining.times(ONE.minus(share));
    return { from, remaining };
  });
}

/**
 * The relief in one period: for the days on the plan after each change (up to the next one),
 * the period's quota for those days times the share relieved by then.
 */
export function reliefIn(
  steps: readonly ReliefStep[],
  base: Dec,
  ramp: Dec | undefined,
  onPlan: readonly DaySpan[],
  period: { start: number; end: number },
): Dec {
  let relief = ZERO;
  for (const [i, step] of steps.entries()) {
    const next = steps[i + 1];
    const segment = { from: step.from, to: next ? next.from - 1 : period.end };
    const days = daysInSpans(onPlan, period, segment);
    if (days.days === 0) continue;
    const forDays = quotaAmount(base, ramp ? { ramp, days } : { days });
    relief = relief.plus(forDays.times(ONE.minus(step.remaining)));
  }
  return relief;
}
