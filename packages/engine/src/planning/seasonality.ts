/**
 * Seasonality: the share of an annual quota each period of the fiscal year carries, given per
 * half (2 values), quarter (4) or month (12) and adding up to exactly 100%. Periods coarser than
 * the seasonality add up its shares; finer ones split their share equally. The seasonal amounts
 * are rounded so that they add up exactly to the annual amount.
 */

import { Dec, sumOf } from '../decimal.js';
import { allocate } from '../round/allocate.js';
import { quoteAny } from '../text/quoted.js';
import { MONTHS } from '../time/calendar.js';
import type { PlanningProblems } from './problems.js';
import { readRatio } from './read.js';

/** The periods a quota is spread over. */
export type SpreadPeriodKind = 'month' | 'quarter' | 'half';

/** The period kinds, by number of seasonality values. */
const KIND_OF_COUNT: Readonly<Record<number, SpreadPeriodKind>> = { 2: 'half', 4: 'quarter', 12: 'month' };

/** The period kind that matches a number of seasonality values (a quarter when there are none). */
export function kindOfSeasonality(count: number | undefined): SpreadPeriodKind {
  return (count === undefined ? undefined : KIND_OF_COUNT[count]) ?? 'quarter';
}

/** Reads seasonality percentages; `undefined` (with problems recorded) when they are not usable. */
export function readSeasonality(texts: readonly string[], problems: PlanningProblems): Dec[] | undefined {
  if (!Array.isArray(texts) || KIND_OF_COUNT[texts.length] === undefined) {
    problems.error(
      'bad-seasonality',
      undefined,
      `seasonality needs 2 (halves), 4 (quarters) or 12 (months) percentages, not ${Array.isArray(texts) ? texts.length : 0}`,
    );
    return undefined;
  }
  const shares: Dec[] = [];
  for (const [i, text] of texts.entries()) {
    const share = readRatio(text);
    if (share === undefined || share.isNegative()) {
      problems.error(
        'bad-seasonality',
        undefined,
        `seasonality value ${i + 1} is ${quoteAny(text)}; write a percentage such as 24%, not below 0%`,
      );
    } else shares.push(share);
  }
  if (shares.length !== texts.length) return undefined;
  const sum = sumOf(shares);
  if (!sum.eq(1)) {
    problems.error(
      'seasonality-sum',
      undefined,
      `the seasonality adds up to ${sum.times(100).toString()}%, not 100%`,
    );
    return undefined;
  }
  return shares;
}

/** Each period's share of the year and its seasonal amount. */
export interface SeasonalSplit {
  shares: Dec[];
  amounts: Dec[];
}

/**
 * Splits a rounded annual amount over the periods of `kind` in a fiscal year by `seasonality`
 * (even shares when absent). Amounts have `decimals` places and add up exactly to `annual`.
 */
export function seasonalSplit(
  annual: Dec,
  seasonality: readonly Dec[] | undefined,
  kind: SpreadPeriodKind,
  decimals: number,
): SeasonalSplit {
  const given = seasonality ?? [new Dec(1)];
  const seasonMonths = 12 / given.length;
  const periodMonths = MONTHS[kind];
  if (periodMonths >= seasonMonths) {
    // Each period holds whole seasons: add their shares up.
    const per = periodMonths / seasonMonths;
    const shares: Dec[] = [];
    for (let i = 0; i < given.length; i += per) shares.push(sumOf(given.slice(i, i + per)));
    return {
      shares,
      amounts: allocate(
        shares.map((s) => annual.times(s)),
        annual,
        decimals,
      ),
    };
  }
  // Each season holds several periods: round the seasons first, then split each one evenly.
  const per = seasonMonths / periodMonths;
  const seasons = allocate(
    given.map((s) => annual.times(s)),
    annual,
    decimals,
  );
  const shares: Dec[] = [];
  const amounts: Dec[] = [];
  for (const [j, season] of seasons.entries()) {
    const share = (given[j] as Dec).div(per);
    const part = season.div(per);
    amounts.push(
      ...allocate(
        Array.from({ length: per }, () => part),
        season,
        decimals,
      ),
    );
    for (let k = 0; k < per; k++) shares.push(share);
  }
  return { shares, amounts };
}
