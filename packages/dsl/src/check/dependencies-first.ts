/**
 * The walk over the binder's graph of definitions (what each one uses) that puts every definition
 * after those it uses: depth-first post-order, iterative, so that however long a chain of lets
 * using lets, nothing recurses deeper than one definition.
 */
import type { PlanSymbol } from '../bind/binding.js';

/**
 * Calls `visit` on each of `roots` and the definitions they use, each once and after those it
 * uses (in the order the graph lists them); in a cycle, the definition the walk enters it by
 * comes after the others. Only the definitions `follow` accepts are walked into (all when it is
 * not given); the roots always are.
 */
export function dependenciesFirst(
  dependencies: ReadonlyMap<PlanSymbol, readonly PlanSymbol[]>,
  roots: Iterable<PlanSymbol>,
  visit: (symbol: PlanSymbol) => void,
  follow?: (symbol: PlanSymbol) => boolean,
): void {
  const visited = new Set<PlanSymbol>();
  for (const root of roots) {
    if (visited.has(root)) continue;
    visited.add(root);
    const stack: { symbol: PlanSymbol; next: number }[] = [{ symbol: root, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { symbol: PlanSymbol; next: number };
      const next = dependencies.get(frame.symbol)?.[frame.next++];
      if (next === undefined) {
        stack.pop();
        visit(frame.symbol);
      } else if (!visited.has(next) && (follow === undefined || follow(next))) {
        visited.add(next);
        stack.push({ symbol: next, next: 0 });
      }
    }
  }
}
