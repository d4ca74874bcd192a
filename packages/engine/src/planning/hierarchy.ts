/**
 * The sales hierarchy quotas are planned through: one root (the company), managers, and reps at
 * the leaves. Built from a flat list of nodes, whatever its order; every structural problem
 * (missing or repeated ids, unknown parents, cycles, several roots) is reported, not thrown.
 */
import { compareText, cycleFrom } from '../compare-text.js';
import { quoteAny } from '../text/quoted.js';
import type { PlanningProblems } from './problems.js';

/** One node of the hierarchy as given: a company, region, team, manager or rep. */
export interface HierarchyNode {
  /** Unique id (a payee id for people). */
  id: string;
  /** The id of the node above; empty, `null` or absent for the root. */
  parent?: string | null | undefined;
  /** The name shown in tables; the id when absent. */
  name?: string | undefined;
  /** What the node is (`company`, `region`, `team`, `manager`, `rep`): a key for over-assignment. */
  role?: string | undefined;
  /**
   * A manager who carries a quota of their own besides their team's (a player-coach): their own
   * book takes a share of the team's total like one more member. Leaves always carry a quota.
   */
  ownQuota?: boolean | undefined;
}

/** A node placed in the tree. */
export interface TreeNode {
  id: string;
  name: string;
  role: string | undefined;
  parent: TreeNode | undefined;
  /** Depth below the root: the root is level 0, its children level 1. */
  level: number;
  /** The nodes below, by id. */
  children: TreeNode[];
  /** True when the node carries a quota of its own: every leaf, and managers with `ownQuota`. */
  carries: boolean;
}

/** A valid hierarchy: its root and every node, parents before children (children by id). */
export interface Tree {
  root: TreeNode;
  /** Depth-first, parents before children, siblings by id. */
  order: TreeNode[];
  byId: ReadonlyMap<string, TreeNode>;
}

const clean = (text: string | null | undefined): string => (typeof text === 'string' ? text.trim() : '');

/** Builds the tree of `nodes`; `undefined` (with the problems recorded) when it is not one tree. */
export function buildTree(nodes: readonly HierarchyNode[], problems: PlanningProblems): Tree | undefined {
  if (!Array.isArray(nodes)) throw new TypeError('hierarchy must be an array of nodes');
  const given = new Map<string, HierarchyNode>();
  const repeated = new Set<string>();
  for (const node of nodes) {
    const id = clean(node?.id);
    if (id === '') {
      const name = clean(node?.name);
      problems.error(
        'missing-id',
        undefined,
        `a node${name ? ` named ${quoteAny(name)}` : ''} has no id`,
        name ? { name } : {},
      );
    } else if (given.has(id)) repeated.add(id);
    else given.set(id, node);
  }
  for (const id of [...repeated].sort(compareText)) {
    problems.error('duplicate-node', id, `the id ${id} is used by more than one node`);
  }

  const ids = [...given.keys()].sort(compareText);
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of ids) {
    const parent = clean(given.get(id)?.parent);
    if (parent === '') roots.push(id);
    else if (!given.has(parent))
      problems.error('unknown-parent', id, `the parent of ${id} is ${parent}, which is not in the hierarchy`);
    else {
      const list = childrenOf.get(parent);
      if (list) list.push(id);
      else childrenOf.set(parent, [id]);
    }
  }
  reportCycles(ids, given, roots, childrenOf, problems);
  if (ids.length === 0) problems.error('no-root', undefined, 'the hierarchy has no nodes');
  else if (roots.length === 0)
    problems.error('no-root', undefined, 'no node is the root (every node has a parent)');
  for (const extra of roots.slice(1)) {
    problems.error(
      'two-roots',
      extra,
      `${extra} has no parent, but ${roots[0]} is the root already: a hierarchy has one root ` +
        '(give them a common parent, such as the company)',
    );
  }
  const rootId = roots[0];
  if (problems.failed || rootId === undefined) return undefined;
  return place(rootId, given, childrenOf);
}

/** Reports each cycle once, at its smallest id, with the path around it. */
function reportCycles(
  ids: readonly string[],
  given: ReadonlyMap<string, HierarchyNode>,
  roots: readonly string[],
  childrenOf: ReadonlyMap<string, string[]>,
  problems: PlanningProblems,
): void {
  const reached = new Set<string>(roots);
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const child of childrenOf.get(id) ?? []) {
      reached.add(child);
      stack.push(child);
    }
  }
  const seen = new Set<string>(reached);
  for (const start of ids) {
    if (seen.has(start)) continue;
    // Walk up from an unreached node: the walk either stops at an unknown parent or loops.
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id: string | undefined = start;
    while (id !== undefined && !seen.has(id) && given.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      seen.add(id);
      const parent = clean(given.get(id)?.parent);
      id = parent === '' ? undefined : parent;
    }
    const at = id === undefined ? undefined : onPath.get(id);
    if (at === undefined) continue;
    const loop = path.slice(at);
    const cycle = cycleFrom(loop);
    const first = cycle[0] as string;
    problems.error(
      'cycle',
      first,
      loop.length === 1
        ? `${first} is its own parent`
        : `the parents go round in a cycle: ${cycle.join(' -> ')} (each is the child of the next)`,
    );
  }
}

/** Creates the tree nodes below the root, depth-first. */
function place(
  rootId: string,
  given: ReadonlyMap<string, HierarchyNode>,
  childrenOf: ReadonlyMap<string, string[]>,
): Tree {
  const byId = new Map<string, TreeNode>();
  const order: TreeNode[] = [];
  const make = (id: string, parent: TreeNode | undefined): TreeNode => {
    const input = given.get(id) as HierarchyNode;
    const role = clean(input.role);
    const kids = childrenOf.get(id);
    const node: TreeNode = {
      id,
      name: clean(input.name) || id,
      role: role === '' ? undefined : role,
      parent,
      level: parent ? parent.level + 1 : 0,
      children: [],
      carries: kids === undefined || input.ownQuota === true,
    };
    byId.set(id, node);
    return node;
  };
  const root = make(rootId, undefined);
  // Iterative, so that a deep hierarchy cannot overflow the call stack.
  const stack: TreeNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    order.push(node);
    for (const id of childrenOf.get(node.id) ?? []) node.children.push(make(id, node));
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
  }
  return { root, order, byId };
}
