/**
 * Cycles between definitions (AT2005): a definition that, through the definitions it uses,
 * ends up using itself has no value. One diagnostic per strongly connected group of
 * definitions, on the first one declared, spelling out one shortest cycle through it.
 */
import type { PlanSymbol } from './binding.js';
import type { BindContext } from './context.js';
import { messages } from './messages.js';

/** Reports every dependency cycle among top-level definitions. */
export function reportCycles(ctx: BindContext): void {
  const successors = (s: PlanSymbol): readonly PlanSymbol[] => ctx.dependencies.get(s) ?? [];
  for (const group of stronglyConnected(ctx.topLevel, successors)) {
    const start = group[0];
    if (start?.nameRange === undefined) continue;
    if (group.length === 1 && !successors(start).includes(start)) continue;
    const path = shortestCycle(start, new Set(group), successors);
    const related = [];
    for (let i = 0; i + 1 < path.length; i++) {
      const from = path[i] as PlanSymbol;
      const to = path[i + 1] as PlanSymbol;
      const site = ctx.dependencySites.get(from)?.get(to);
      if (site !== undefined)
        related.push({ message: messages.cycleStep(from.name, to.name), range: site.range });
    }
    ctx.report('AT2005', messages.cycle(path), start.nameRange, related);
  }
}

/**
 * The strongly connected groups of `nodes`, in the order of their first members in `nodes`
 * (declaration order); each group lists its members in that order too.
 */
export function stronglyConnected<T>(nodes: readonly T[], successors: (node: T) => readonly T[]): T[][] {
  const order = new Map<T, number>(nodes.map((n, i) => [n, i]));
  return groupsUsedFirst(nodes, successors).sort(
    (a, b) => (order.get(a[0] as T) ?? 0) - (order.get(b[0] as T) ?? 0),
  );
}

/**
 * Tarjan's algorithm, iterative so that long chains of definitions cannot overflow the stack. The
 * groups come in the order Tarjan finds them: each after every group its members use (reverse
 * topological order). Each group lists its members in the order of `nodes`.
 */
export function groupsUsedFirst<T>(nodes: readonly T[], successors: (node: T) => readonly T[]): T[][] {
  const order = new Map<T, number>(nodes.map((n, i) => [n, i]));
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const groups: T[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: T; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: T; next: number };
      const succ = successors(frame.node);
      if (frame.next < succ.length) {
        const w = succ[frame.next++] as T;
        if (!order.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: T[] = [];
        let member: T | undefined;
        do {
          member = stack.pop() as T;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        group.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        groups.push(group);
      }
    }
  }
  return groups;
}

/** The shortest path `start -> ... -> start` inside `group` (breadth-first). */
function shortestCycle(
  start: PlanSymbol,
  group: ReadonlySet<PlanSymbol>,
  successors: (s: PlanSymbol) => readonly PlanSymbol[],
): PlanSymbol[] {
  const previous = new Map<PlanSymbol, PlanSymbol>();
  const queue: PlanSymbol[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as PlanSymbol;
    for (const next of successors(node)) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: PlanSymbol | undefined = node; at !== undefined && at !== start; at = previous.get(at)) {
          path.push(at);
        }
        path.push(start);
        // Built backwards from the end: start, node, ..., first step; restore the walking order.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
