/**
 * The weights that split a quota among the nodes below a manager: equal (each quota carrier
 * counts 1), or each carrier's history (prior bookings) or potential, summed over every subtree.
 */
import { readDecimal } from '../data/values.js';
import { type Dec, ONE, ZERO } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import type { Tree } from './hierarchy.js';
import type { PlanningProblems } from './problems.js';
import { readPerNode } from './read.js';

/** How quotas are weighted: `equal` per quota carrier, or by per-node `history` or `potential` values. */
export type WeightBasis = 'equal' | 'history' | 'potential';

/** The history or potential of one quota carrier (a rep, or a manager with a quota of their own). */
export interface WeightValue {
  /** The node's id. */
  id: string;
  /** A non-negative decimal (`"1250000"`). */
  value: string;
}

/** Each node's own weight (quota carriers only) and its subtree's weight (its own plus its children's). */
export interface Weights {
  own: ReadonlyMap<string, Dec>;
  subtree: ReadonlyMap<string, Dec>;
  /** Quota carriers in each subtree: the equal weight, used when a split falls back to equal. */
  carriers: ReadonlyMap<string, number>;
}

const BASES: readonly WeightBasis[] = ['equal', 'history', 'potential'];

/** Checks the weight basis (a programmer's mistake when it is not one of the three). */
export function checkBasis(basis: WeightBasis): WeightBasis {
  if (!BASES.includes(basis)) {
    throw new TypeError(`weights must be one of ${BASES.join(', ')}, not ${quoteAny(basis)}`);
  }
  return basis;
}

/** Reads the values and sums the weights of every subtree. */
export function weigh(
  tree: Tree,
  basis: WeightBasis,
  values: readonly WeightValue[] | undefined,
  problems: PlanningProblems,
): Weights {
  const own = basis === 'equal' ? equalWeights(tree) : readValues(tree, basis, values ?? [], problems);
  const subtree = new Map<string, Dec>();
  const carriers = new Map<string, number>();
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const node = tree.order[i] as (typeof tree.order)[number];
    let weight = own.get(node.id) ?? ZERO;
    let count = node.carries ? 1 : 0;
    for (const child of node.children) {
      weight = weight.plus(subtree.get(child.id) as Dec);
      count += carriers.get(child.id) as number;
    }
    subtree.set(node.id, weight);
    carriers.set(node.id, count);
  }
  return { own, subtree, carriers };
}

function equalWeights(tree: Tree): Map<string, Dec> {
  const own = new Map<string, Dec>();
  for (const node of tree.order) if (node.carries) own.set(node.id, ONE);
  return own;
}

function readValues(
  tree: Tree,
  basis: WeightBasis,
  values: readonly WeightValue[],
  problems: PlanningProblems,
): Map<string, Dec> {
  if (!Array.isArray(values) || values.length === 0) {
    problems.error(
      'missing-weight',
      undefined,
      `weights by ${basis} need a ${basis} value per rep; none was given`,
    );
    return new Map();
  }
  const read = readPerNode(
    {
      entries: values,
      isNode: (id) => tree.byId.has(id),
      carries: (id) => tree.byId.get(id)?.carries === true,
      read: (entry, id) => {
        const value =
          entry.value === undefined || entry.value === null ? undefined : readDecimal(entry.value);
        if (value === undefined) {
          problems.error(
            'bad-weight',
            id,
            `the ${basis} of ${id} is ${quoteAny(entry.value)}, which is not a number`,
          );
        } else if (value.isNegative()) {
          problems.error(
            'negative-weight',
            id,
            `the ${basis} of ${id} is ${value.toString()}: a weight cannot be negative`,
          );
        } else return value;
        return undefined;
      },
      what: `${basis} value`,
      input: 'values',
      unused: `their ${basis} is not used (their team's is the sum of its members')`,
    },
    problems,
  );
  for (const node of tree.order) {
    if (node.carries && !read.given.has(node.id)) {
      problems.error('missing-weight', node.id, `${node.id} carries a quota but has no ${basis} value`);
    }
  }
  return read.values;
}
