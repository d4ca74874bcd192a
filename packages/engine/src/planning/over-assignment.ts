/**
 * Over-assignment: the quotas handed down to a level add up to more than the number above them
 * (reps carry 110% of their manager's number), so that the company still makes its target when
 * some miss theirs. Given per level (`"2"`: two levels below the root) or per role (`"rep"`);
 * a role's entry wins over its level's.
 */

import { compareText } from '../compare-text.js';
import { Dec, ZERO } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import type { Tree, TreeNode } from './hierarchy.js';
import type { PlanningProblems } from './problems.js';
import { readRatio } from './read.js';

/** Over-assignment by level (`"1"`, `"2"`) or role (`"rep"`): a percentage (`"10%"`) or a ratio (`"0.1"`). */
export type OverAssignment = Readonly<Record<string, string>>;

/** The over-assignment of each node, as a ratio added to 1 (0.1 for 10%). */
export type OverAssignmentOf = (node: TreeNode) => Dec;

const MINUS_ONE = new Dec(-1);

/** Reads the over-assignment entries, reporting bad values and entries that match no node. */
export function readOverAssignment(
  tree: Tree,
  entries: OverAssignment | undefined,
  problems: PlanningProblems,
): OverAssignmentOf {
  const byKey = new Map<string, Dec>();
  const keys = Object.keys(entries ?? {}).sort(compareText);
  for (const key of keys) {
    const raw = (entries as OverAssignment)[key];
    const ratio = raw === undefined ? undefined : readRatio(raw);
    if (ratio === undefined || ratio.lt(MINUS_ONE)) {
      problems.error(
        'bad-over-assignment',
        undefined,
        `the over-assignment of ${key} is ${quoteAny(raw)}; write a percentage such as 10% (at least -100%)`,
      );
    } else byKey.set(key.trim(), ratio);
  }
  const used = new Set<string>();
  const of = (node: TreeNode): Dec => {
    const byRole = node.role === undefined ? undefined : byKey.get(node.role);
    if (byRole !== undefined) {
      used.add(node.role as string);
      return byRole;
    }
    const level = String(node.level);
    const byLevel = byKey.get(level);
    if (byLevel === undefined) return ZERO;
    used.add(level);
    return byLevel;
  };
  for (const node of tree.order) of(node);
  for (const key of [...byKey.keys()].sort(compareText)) {
    if (!used.has(key)) {
      problems.warning(
        'unused-over-assignment',
        undefined,
        `the over-assignment of ${key} applies to no node: no node has that role or level`,
      );
    }
  }
  return of;
}
