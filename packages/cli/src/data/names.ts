/**
 * Names typed a little differently from the names the plan expects: `Deals` for `deals`,
 * `Adjustments.csv` for `adjustments.csv`, `deal-splits` for `deal_splits`. The matching is the
 * engine's ({@link meant}).
 */
import { meant } from '@attain/engine';

export { meant };

/** `(did you mean deals?)` after a name, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const candidate = meant(name, candidates);
  return candidate === undefined ? '' : ` (did you mean ${candidate}?)`;
}
