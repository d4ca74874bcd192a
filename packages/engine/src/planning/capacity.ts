/**
 * Bottom-up capacity: what the sales force can produce (each rep's productivity × their ramp),
 * summed up the hierarchy and set against the quotas allocated top-down. The gap is what the
 * quotas ask beyond that capacity.
 */

import { readDecimal } from '../data/values.js';
import { Dec, ONE, sumOf, ZERO } from '../decimal.js';
import { fixed } from '../round/round.js';
import { quoteAny } from '../text/quoted.js';
import type { AllocatedQuota, QuotaAllocation } from './allocate-quotas.js';
import { type PlanningProblem, PlanningProblems } from './problems.js';
import { readPerNode, readRatio } from './read.js';

/** What one quota carrier can produce in the year. */
export interface RepCapacity {
  /** The node's id. */
  id: string;
  /** What a fully ramped rep in this seat produces (`"1100000"`). */
  productivity: string;
  /** The share of the year's productivity this rep reaches after ramping (`"75%"`; default 100%). */
  ramp?: string;
}

/** Quota against capacity for one node. */
export interface CapacityRow {
  id: string;
  name: string;
  level: number;
  /** The node's allocated quota. */
  quota: string;
  /** The capacity of the node's quota carriers, each rounded to the allocation's decimals, summed. */
  capacity: string;
  /** `quota − capacity`: positive when the quota asks more than the team can produce. */
  gap: string;
  /** `gap / quota`, a ratio rounded to 4 places (`"0.0525"` is 5.25%); `null` when the quota is zero. */
  gapPercent: string | null;
  /** Quota carriers counted in `capacity`. */
  payees: number;
}

/** The result of {@link capacityGap}. */
export interface CapacityGap {
  /** One row per node, in the allocation's order. */
  nodes: CapacityRow[];
  /** The root's row: the company target against the whole sales force. */
  total: CapacityRow | undefined;
  problems: PlanningProblem[];
}

/**
 * Compares an allocation with the capacity of its quota carriers (leaves, and managers carrying a
 * quota of their own): each carrier's capacity is `productivity × ramp`, rounded half up to the
 * allocation's decimals; a node's capacity is the sum over its subtree. A carrier without a
 * capacity counts as zero, with a warning.
 */
export function capacityGap(allocation: QuotaAllocation, capacity: readonly RepCapacity[]): CapacityGap {
  if (typeof allocation !== 'object' || allocation === null || !Array.isArray(allocation.nodes)) {
    throw new TypeError(`allocation must be what allocateQuotas returns, not ${quoteAny(allocation)}`);
  }
  const problems = new PlanningProblems();
  const byId = new Map<string, AllocatedQuota>(allocation.nodes.map((n) => [n.id, n]));
  const carriers = new Set(
    allocation.nodes.filter((n) => n.children.length === 0 || n.own !== undefined).map((n) => n.id),
  );
  const own = readCapacities(capacity, byId, carriers, allocation.decimals, problems);
  if (problems.failed) return { nodes: [], total: undefined, problems: problems.sorted() };

  const subtree = new Map<string, { capacity: Dec; payees: number }>();
  for (let i = allocation.nodes.length - 1; i >= 0; i--) {
    const node = allocation.nodes[i] as AllocatedQuota;
    const mine = carriers.has(node.id);
    if (mine && !own.has(node.id)) {
      problems.warning(
        'missing-capacity',
        node.id,
        `${node.id} carries a quota but has no capacity: counted as 0`,
      );
    }
    const below = node.children.map((id) => subtree.get(id) as { capacity: Dec; payees: number });
    subtree.set(node.id, {
      capacity: sumOf([own.get(node.id) ?? ZERO, ...below.map((b) => b.capacity)]),
      payees: (mine ? 1 : 0) + below.reduce((n, b) => n + b.payees, 0),
    });
  }
  const nodes = allocation.nodes.map((node) => {
    const { capacity: total, payees } = subtree.get(node.id) as { capacity: Dec; payees: number };
    const quota = new Dec(node.quota);
    const gap = quota.minus(total);
    return {
      id: node.id,
      name: node.name,
      level: node.level,
      quota: node.quota,
      capacity: fixed(total, allocation.decimals),
      gap: fixed(gap, allocation.decimals),
      gapPercent: quota.isZero() ? null : fixed(gap.div(quota), 4),
      payees,
    };
  });
  return { nodes, total: nodes[0], problems: problems.sorted() };
}

function readCapacities(
  capacity: readonly RepCapacity[],
  byId: ReadonlyMap<string, AllocatedQuota>,
  carriers: ReadonlySet<string>,
  decimals: number,
  problems: PlanningProblems,
): Map<string, Dec> {
  if (!Array.isArray(capacity)) throw new TypeError('capacity must be an array');
  return readPerNode(
    {
      entries: capacity,
      isNode: (id) => byId.has(id),
      carries: (id) => carriers.has(id),
      read: (entry, id) => {
        const productivity = readDecimal(entry.productivity);
        // From JavaScript a ramp may be no text at all (a BigInt): a bad ramp, never a throw of trim().
        const noRamp =
          entry.ramp === undefined || (typeof entry.ramp === 'string' && entry.ramp.trim() === '');
        const ramp = noRamp ? ONE : readRatio(entry.ramp);
        // Both cells are checked, so that one run reports every bad one.
        const badProductivity = productivity === undefined || productivity.isNegative();
        const badRamp = ramp === undefined || ramp.isNegative() || ramp.gt(1);
        if (badProductivity)
          problems.error(
            'bad-capacity',
            id,
            `the productivity of ${id} is ${quoteAny(entry.productivity)}, not an amount of at least 0`,
            { input: 'capacity', fields: ['productivity'] },
          );
        if (badRamp)
          problems.error(
            'bad-capacity',
            id,
            `the ramp of ${id} is ${quoteAny(entry.ramp)}, not a percentage from 0% to 100%`,
            { input: 'capacity', fields: ['ramp'] },
          );
        if (badProductivity || badRamp) return undefined;
        return productivity.times(ramp).toDecimalPlaces(decimals);
      },
      what: 'capacity',
      input: 'capacity',
      unused: 'their capacity is not used',
    },
    problems,
  ).values;
}
