/**
 * Names typed a little differently from the names expected: `Deals` for `deals`, `deal-splits`
 * for `deal_splits`, `Adjustments.csv` for `adjustments.csv`; for "did you mean ...?" hints.
 */

/** A name folded for comparison: lower case, without spaces, `_`, `-` and `.`. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/**
 * The candidate `name` was probably meant to be: the first (in the order given) that differs from
 * it only in capitals, spaces, `_`, `-` or `.`. `undefined` when none does, and when `name` is
 * itself one of the candidates.
 */
export function meant(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.includes(name)) return undefined;
  const key = folded(name);
  return list.find((candidate) => folded(candidate) === key);
}
