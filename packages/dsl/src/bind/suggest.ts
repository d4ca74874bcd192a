/**
 * "Did you mean" suggestions: the closest name in scope by Damerau-Levenshtein distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours).
 */

/**
 * Edit distance between two strings, counting a swap of two adjacent characters as one edit.
 * With `limit`, the work stops as soon as the distance is known to exceed it: the result is then
 * some number above `limit` rather than the exact distance.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  // Three rolling rows: two back (for swaps), previous, current.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    // Once a whole row is above the limit, so is every later row, and the distance: each entry
    // comes from this row, its left neighbour, or a swap with the row before (at most one below).
    if (rowMin > limit) return rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** The largest distance at which a name still counts as a likely typo of `name`. */
export function suggestionThreshold(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/** A suggested name and its edit distance from the name it replaces. */
export interface Suggestion {
  name: string;
  distance: number;
}

/**
 * The candidate closest to `name` within {@link suggestionThreshold}, with its distance, or
 * undefined. Ties go to the alphabetically first candidate so the suggestion is stable (and does
 * not depend on the order of the candidates).
 */
export function closest(
  name: string,
  candidates: Iterable<string>,
  budget?: SuggestionBudget,
): Suggestion | undefined {
  const limit = suggestionThreshold(name);
  let best: Suggestion | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // The length difference is a lower bound of the distance: skip hopeless candidates cheaply.
    if (Math.abs(candidate.length - name.length) > limit) continue;
    if (budget !== undefined && !budget.take(name, candidate)) break;
    const distance = editDistance(name, candidate, best?.distance ?? limit);
    if (distance > limit) continue;
    best = closer(best, { name: candidate, distance });
  }
  return best;
}

/** The closer of two suggestions for the same name; ties go to the alphabetically first. */
export function closer(a: Suggestion | undefined, b: Suggestion | undefined): Suggestion | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.distance !== b.distance) return a.distance < b.distance ? a : b;
  return b.name < a.name ? b : a;
}

/** The candidate closest to `name` within {@link suggestionThreshold}, or undefined (see {@link closest}). */
export function suggest(
  name: string,
  candidates: Iterable<string>,
  budget?: SuggestionBudget,
): string | undefined {
  return closest(name, candidates, budget)?.name;
}

/**
 * The work "did you mean" may do for one plan, in characters compared (each comparison of two
 * names is charged the product of their lengths, the most it can cost). A plan with hundreds of
 * distinct misspelled names would otherwise compare each with every name in scope, a cost that
 * grows with the square of the plan's size; once the budget is spent, the search stops and the
 * remaining unknown names are reported without a suggestion. The budget depends only on the
 * text, so the diagnostics are the same on every run.
 */
export class SuggestionBudget {
  /**
   * A few tens of milliseconds of comparisons: enough to suggest a name for about a hundred
   * distinct mistakes in a plan of 200 names of 15 characters (each costs 200 × 15 × 15).
   */
  static readonly DEFAULT = 5_000_000;

  constructor(private remaining = SuggestionBudget.DEFAULT) {}

  /** Takes the cost of comparing `a` with `b`; false (and nothing taken) when it is no longer there. */
  take(a: string, b: string): boolean {
    const cost = Math.max(1, a.length * b.length);
    if (cost > this.remaining) {
      this.remaining = 0;
      return false;
    }
    this.remaining -= cost;
    return true;
  }

  /** True when the budget is spent. */
  get spent(): boolean {
    return this.remaining <= 0;
  }
}

/**
 * Suggestions among one fixed list of names, remembered per unknown name: when a definition is
 * renamed, every use of the old name is unknown, and the closest name is looked for only once
 * instead of once per use (which grew with the square of the plan's size).
 */
export class SuggestionCache {
  private readonly found = new Map<string, Suggestion | undefined>();

  constructor(
    private readonly candidates: readonly string[],
    private readonly budget?: SuggestionBudget,
  ) {}

  /** {@link closest} among the cached list. */
  closest(name: string): Suggestion | undefined {
    if (!this.found.has(name)) this.found.set(name, closest(name, this.candidates, this.budget));
    return this.found.get(name);
  }
}
