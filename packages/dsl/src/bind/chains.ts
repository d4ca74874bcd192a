/**
 * Chains of definitions too long to evaluate (AT2011). An engine evaluates a definition inside the
 * one that uses it, so a chain of definitions each using the next, together with the nesting of
 * their expressions, needs stack in proportion: past a point, a calculation in Node or a browser
 * would stop with a stack overflow. A plan is held to {@link maxChainCost}, about half of what
 * the engine was measured to evaluate, far beyond what any real plan chains.
 */
import { expressionTreeDepth } from '../syntax/depth.js';
import type { PlanSymbol } from './binding.js';
import type { BindContext } from './context.js';
import { groupsUsedFirst } from './cycles.js';
import { messages } from './messages.js';

/** What each definition of a chain costs besides the nesting of its expressions. */
export const chainStepCost = 3;

/**
 * The most a chain may cost: each definition {@link chainStepCost} plus the depth of its
 * expression tree, every operator of a run counting (a chain of plain `let a = b + 1` lines may be
 * 599 long; three definitions each a sum of 1,000 terms are too deep).
 */
export const maxChainCost = 3_000;

/** Reports the definition at the head of the costliest chain, when it costs more than the limit. */
export function reportDeepChains(ctx: BindContext): void {
  const successors = (s: PlanSymbol): readonly PlanSymbol[] => ctx.dependencies.get(s) ?? [];
  const cost = new Map<PlanSymbol, number>();
  const next = new Map<PlanSymbol, PlanSymbol>();
  let worst: PlanSymbol | undefined;
  // Groups come out after every group they use (reverse topological order): the cost of what a
  // definition uses is known when it is reached. Cycles are AT2005's: their members count alone.
  for (const group of groupsUsedFirst(ctx.topLevel, successors)) {
    for (const s of group) {
      const own = chainStepCost + (s.decl ? expressionTreeDepth(s.decl) : 0);
      let below = 0;
      let via: PlanSymbol | undefined;
      if (group.length === 1)
        for (const t of successors(s)) {
          const c = cost.get(t) ?? 0;
          if (t !== s && c > below) {
            below = c;
            via = t;
          }
        }
      cost.set(s, own + below);
      if (via) next.set(s, via);
      if (!worst || (cost.get(s) as number) > (cost.get(worst) as number)) worst = s;
    }
  }
  if (!worst?.nameRange || (cost.get(worst) as number) <= maxChainCost) return;
  const chain: PlanSymbol[] = [worst];
  for (let s = next.get(worst); s; s = next.get(s)) chain.push(s);
  ctx.report('AT2011', messages.chainTooDeep(chain, maxChainCost), worst.nameRange);
}
