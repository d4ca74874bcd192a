/**
 * Names typed a little differently from the names the plan expects: `Deals` for `deals`,
 * `Adjustments.csv` for `adjustments.csv`, `deal-splits` for `deal_splits`.
 */

/** The name folded for comparison: lower case, without spaces, `_`, `-` and `.`. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/**
 * The candidate `name` was probably meant to be: the one that differs from it only by case,
 * spaces, `_`, `-` or `.`, or `undefined` (also when `name` is one of the candidates).
 */
export function meant(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.includes(name)) return undefined;
  const key = folded(name);
  return list.find((candidate) => folded(candidate) === key);
}

/** `(did you mean deals?)` after a name, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const candidate = meant(name, candidates);
  return candidate === undefined ? '' : ` (did you mean ${candidate}?)`;
}
