/**
 * Top-down quota allocation: the company target flows down the hierarchy, each manager's number
 * split among the nodes below by weight, over-assigned where a level asks for it, and rounded so
 * that the parts add up exactly to what they split (largest remainder).
 */

import { compareText } from '../compare-text.js';
import { readDecimal } from '../data/values.js';
import { Dec, decText, ONE, sumOf, ZERO } from '../decimal.js';
import { allocate } from '../round/allocate.js';
import { fixed } from '../round/round.js';
import { quoteAny } from '../text/quoted.js';
import { buildTree, type HierarchyNode, type TreeNode } from './hierarchy.js';
import { type OverAssignment, readOverAssignment } from './over-assignment.js';
import { type PlanningProblem, PlanningProblems } from './problems.js';
import { checkDecimals } from './read.js';
import { checkBasis, type WeightBasis, type Weights, type WeightValue, weigh } from './weights.js';

/** What {@link allocateQuotas} splits, and how. */
export interface AllocateQuotasInput {
  /** The company target: a non-negative decimal (`"12000000"`). */
  target: string;
  /** The nodes of the hierarchy, in any order. */
  hierarchy: readonly HierarchyNode[];
  /** `equal` (each quota carrier counts 1), or by the `history` or `potential` in `values`. */
  weights: WeightBasis;
  /** The history or potential of each quota carrier (for `history` and `potential`). */
  values?: readonly WeightValue[];
  /** Over-assignment per level (`"1"`) or role (`"rep"`), e.g. `{ rep: '10%' }`. */
  overAssignment?: OverAssignment;
  /** Decimal places of every quota (default 2). */
  decimals?: number;
}

/** One node's quota. */
export interface AllocatedQuota {
  id: string;
  name: string;
  role?: string;
  /** The parent's id; absent for the root. */
  parent?: string;
  /** Depth below the root (the root is 0). */
  level: number;
  /** The node's quota, with exactly `decimals` places. */
  quota: string;
  /** The weight of the node's subtree (its quota carriers' values summed; their count for `equal`). */
  weight: string;
  /** The node's share of its parent's number before over-assignment, a ratio (`"0.25"`); `"1"` for the root. */
  share: string;
  /** The over-assignment applied to the node, a ratio (`"0.1"` is 10%). */
  overAssignment: string;
  /** A manager carrying a quota of their own: that quota, part of `assigned`. */
  own?: string;
  /** A manager: the quotas handed down (children's plus `own`), which add up to exactly this. */
  assigned?: string;
  /** True when the weights below this node were all zero, so its split fell back to equal weights. */
  equalFallback?: true;
  /** The ids of the nodes below, by id. */
  children: string[];
}

/** The result of {@link allocateQuotas}. */
export interface QuotaAllocation {
  /** The target as read. */
  target: string;
  weights: WeightBasis;
  decimals: number;
  /** Every node, parents before children (depth-first, siblings by id); empty when there are errors. */
  nodes: AllocatedQuota[];
  /** Errors (nothing is allocated) and warnings, by node id. */
  problems: PlanningProblem[];
}

/** One part of a manager's split: a child's subtree, or the manager's own book. */
interface Part {
  node: TreeNode;
  own: boolean;
  weight: Dec;
  factor: Dec;
}

/**
 * Allocates a company target top-down through a hierarchy. The root's quota is the target
 * (plus the root's over-assignment, if any), rounded to `decimals`. Each manager's quota `Q` is
 * split among its children (and its own book, if it carries one) in proportion to their weights
 * `w`: part i gets `Q × (1 + over_i) × w_i / Σw`, and the parts are rounded by largest remainder so
 * that they add up exactly to the manager's `assigned` amount, `Σ Q × (1 + over_i) × w_i / Σw`
 * rounded half up. When every weight of a split is zero, the split uses equal weights (counts of
 * quota carriers) and says so. Problems come back as data; nothing is allocated while any is an
 * error. Throws only on API misuse (no input object, an unknown weight basis, bad `decimals`).
 */
export function allocateQuotas(input: AllocateQuotasInput): QuotaAllocation {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(
      `input must be an object such as { target, hierarchy, weights: 'equal' }, not ${quoteAny(input)}`,
    );
  }
  const decimals = checkDecimals(input.decimals ?? 2);
  const basis = checkBasis(input.weights);
  const problems = new PlanningProblems();
  const target = readDecimal(input.target);
  if (target === undefined) {
    problems.error('bad-target', undefined, `the target ${quoteAny(input.target)} is not an amount`);
  } else if (target.isNegative()) {
    problems.error('bad-target', undefined, `the target ${target.toString()} is negative`);
  }
  const result = (nodes: AllocatedQuota[]): QuotaAllocation => ({
    target: target === undefined ? String(input.target) : decText(target),
    weights: basis,
    decimals,
    nodes,
    problems: problems.sorted(),
  });

  const tree = buildTree(input.hierarchy, problems);
  if (!tree || target === undefined) return result([]);
  const weights = weigh(tree, basis, input.values, problems);
  const overOf = readOverAssignment(tree, input.overAssignment, problems);
  if (problems.failed) return result([]);

  const split = new Map<string, Split>();
  const rootOver = overOf(tree.root);
  split.set(tree.root.id, { quota: target.times(ONE.plus(rootOver)).toDecimalPlaces(decimals), share: ONE });
  for (const node of tree.order) {
    if (node.children.length > 0) splitBelow(node, split, weights, overOf, basis, decimals, problems);
  }
  const nodes = tree.order.map((node): AllocatedQuota => {
    const { quota, share, own, assigned, equalFallback } = split.get(node.id) as Split;
    return {
      id: node.id,
      name: node.name,
      ...(node.role !== undefined && { role: node.role }),
      ...(node.parent && { parent: node.parent.id }),
      level: node.level,
      quota: fixed(quota, decimals),
      ...(own && { own: fixed(own, decimals) }),
      ...(assigned && { assigned: fixed(assigned, decimals) }),
      weight: decText(weights.subtree.get(node.id) as Dec),
      share: decText(share),
      overAssignment: decText(overOf(node)),
      ...(equalFallback && { equalFallback }),
      children: node.children.map((child) => child.id),
    };
  });
  return result(nodes);
}

/** A node's quota and share, and for a manager how its quota was split. */
interface Split {
  quota: Dec;
  share: Dec;
  own?: Dec;
  assigned?: Dec;
  equalFallback?: true;
}

/** Splits a manager's quota among its parts, recording each child's quota and share. */
function splitBelow(
  node: TreeNode,
  split: Map<string, Split>,
  weights: Weights,
  overOf: (node: TreeNode) => Dec,
  basis: WeightBasis,
  decimals: number,
  problems: PlanningProblems,
): void {
  const mine = split.get(node.id) as Split;
  const amount = mine.quota;
  const parts = partsOf(node, weights, overOf);
  let total = sumOf(parts.map((p) => p.weight));
  if (total.isZero()) {
    for (const part of parts)
      part.weight = new Dec(part.own ? 1 : (weights.carriers.get(part.node.id) as number));
    total = sumOf(parts.map((p) => p.weight));
    mine.equalFallback = true;
    problems.warning(
      'zero-weights',
      node.id,
      `every ${basis} below ${node.id} is zero: its quota is split with equal weights instead`,
    );
  } else {
    for (const part of parts) {
      if (part.weight.isZero()) {
        const who = part.own ? `${node.id}'s own book` : part.node.id;
        problems.warning('zero-weight', part.node.id, `the ${basis} of ${who} is zero, so it gets no quota`);
      }
    }
  }
  // Σ Q × (1 + over) × w divided once by Σw: exact whenever the over-assignments are equal.
  const assigned = sumOf(parts.map((p) => amount.times(p.factor).times(p.weight)))
    .div(total)
    .toDecimalPlaces(decimals);
  const shares = parts.map((p) => p.weight.div(total));
  const rounded = allocate(exactParts(parts, amount, total, decimals), assigned, decimals);
  mine.assigned = assigned;
  for (const [i, part] of parts.entries()) {
    const value = rounded[i] as Dec;
    if (part.own) mine.own = value;
    else split.set(part.node.id, { quota: value, share: shares[i] as Dec });
  }
}

/**
 * The parts `Q × factor_i × w_i / Σw` as {@link allocate} rounds them, with their remainders compared
 * exactly. Each part is the fraction `N_i / Σw` with `N_i = Q × factor_i × w_i` (a product: exact);
 * its floor at `decimals` and remainder `N_i − floor × Σw` are exact too, so two parts tie only when
 * their remainders are equal as fractions. Dividing instead would round each part at the 50th digit
 * and break exact ties by that noise. What is handed to `allocate` is the floor plus a stand-in
 * remainder below one unit that keeps the exact order: `unit × rank / 10^m`, equal ranks for equal
 * remainders, so its ties (the earlier part first) decide between them.
 */
function exactParts(parts: readonly Part[], amount: Dec, total: Dec, decimals: number): Dec[] {
  const unit = ONE.div(new Dec(10).pow(decimals));
  const span = total.times(unit);
  const exact = parts.map((p) => {
    const numerator = amount.times(p.factor).times(p.weight);
    let floor = numerator.div(total).toDecimalPlaces(decimals, Dec.ROUND_FLOOR);
    // The division rounds at the 50th digit: step the floor back inside [0, one unit) if it crossed.
    let rest = numerator.minus(floor.times(total));
    while (rest.isNegative()) {
      floor = floor.minus(unit);
      rest = rest.plus(span);
    }
    while (rest.gte(span)) {
      floor = floor.plus(unit);
      rest = rest.minus(span);
    }
    return { floor, rest };
  });
  const ranks = new Map<string, number>();
  for (const rest of exact.map((e) => e.rest).sort((a, b) => a.comparedTo(b))) {
    const key = rest.toString();
    if (!ranks.has(key)) ranks.set(key, ranks.size);
  }
  const scale = new Dec(10).pow(String(ranks.size).length);
  return exact.map(({ floor, rest }) =>
    floor.plus(unit.times(ranks.get(rest.toString()) as number).div(scale)),
  );
}

/**
 * The parts a manager's quota is split into, by id: its children, and its own book under the
 * manager's id, so that largest-remainder ties go to the earlier id whichever it is.
 */
function partsOf(node: TreeNode, weights: Weights, overOf: (node: TreeNode) => Dec): Part[] {
  const parts: Part[] = node.children.map((child) => ({
    node: child,
    own: false,
    weight: weights.subtree.get(child.id) as Dec,
    factor: ONE.plus(overOf(child)),
  }));
  if (node.carries) parts.push({ node, own: true, weight: weights.own.get(node.id) ?? ZERO, factor: ONE });
  return parts.sort((a, b) => compareText(a.node.id, b.node.id));
}
