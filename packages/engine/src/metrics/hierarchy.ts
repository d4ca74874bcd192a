/**
 * The reporting hierarchy: each payee's `manager`. This is the one walk of manager chains in the
 * engine's metrics and governance: roll-ups ({@link hierarchyOf} in `rollUp`) and what a manager
 * may see (`visiblePayees`) both read it, so they agree on who is in whose team.
 *
 * A team is a payee who manages someone, together with everyone below them (direct and indirect
 * reports). The walk starts from the top (payees without a manager, or whose manager is not among
 * the payees) and goes down, visiting each payee once, so it always ends.
 *
 * **Cycles.** When following managers from a payee never reaches the top (A manages B, B manages
 * A; or a payee manages themself), the payee is *unplaced*: the members of the cycle and everyone
 * below them are in no team, head no team, and give no one visibility of anyone. They are listed
 * in `unplaced` so that callers which report problems (`rollUp`) can say so.
 */
import { compareText } from '../compare-text.js';

/** A payee as the hierarchy reads it: an id and, optionally, the id of their manager. */
export interface ReportingLine {
  id: string;
  /** Anything but a payee id (absent, `null`, an unknown id) puts the payee at the top. */
  manager?: string | null | undefined;
}

/** A payee placed in the hierarchy. */
export interface HierarchyPlace {
  id: string;
  /** Depth below the top: a payee without a manager is level 0. */
  level: number;
  /** Direct reports placed under this payee, by id. */
  reports: string[];
}

/** The hierarchy of a set of payees. */
export interface Hierarchy {
  /** Every placed payee, reports after their manager (depth first, siblings by id). */
  order: HierarchyPlace[];
  byId: ReadonlyMap<string, HierarchyPlace>;
  /** Payees whose chain of managers loops back on itself, and everyone below them, by id: in no team. */
  unplaced: string[];
  /**
   * The payee `id` and everyone below them, by id; only `[id]` for an unplaced payee (a cycle
   * grants nothing) and `[]` for an id that is not among the payees.
   */
  team(id: string): string[];
}

/**
 * Places `lines` under their managers, whatever their order. Each entry links its payee to its
 * manager: should a raw list name one id twice with two managers, the payee is below both (and
 * placed once, under the first reached).
 */
export function hierarchyOf(lines: Iterable<ReportingLine>): Hierarchy {
  const ids = new Set<string>();
  const links: ReportingLine[] = [];
  for (const line of lines) {
    ids.add(line.id);
    links.push(line);
  }
  const below = new Map<string, Set<string>>();
  const managed = new Set<string>();
  for (const { id, manager } of links) {
    if (typeof manager !== 'string' || !ids.has(manager)) continue;
    managed.add(id);
    const set = below.get(manager);
    if (set) set.add(id);
    else below.set(manager, new Set([id]));
  }
  const reportsOf = new Map<string, string[]>();
  for (const [manager, set] of below) reportsOf.set(manager, [...set].sort(compareText));
  const tops = [...ids].filter((id) => !managed.has(id)).sort(compareText);

  const order: HierarchyPlace[] = [];
  const byId = new Map<string, HierarchyPlace>();
  // Depth first: siblings are popped in id order, so each manager's `reports` come out sorted.
  const stack = tops.map((id): [string, HierarchyPlace | undefined] => [id, undefined]).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [id, manager] = next;
    if (byId.has(id)) continue;
    const place: HierarchyPlace = { id, level: manager ? manager.level + 1 : 0, reports: [] };
    manager?.reports.push(id);
    order.push(place);
    byId.set(id, place);
    const reports = reportsOf.get(id) ?? [];
    for (let i = reports.length - 1; i >= 0; i--) stack.push([reports[i] as string, place]);
  }
  const unplaced = [...ids].filter((id) => !byId.has(id)).sort(compareText);

  function team(id: string): string[] {
    if (!byId.has(id)) return ids.has(id) ? [id] : [];
    const seen = new Set<string>([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop())
      for (const report of reportsOf.get(next) ?? [])
        if (!seen.has(report)) {
          seen.add(report);
          queue.push(report);
        }
    return [...seen].sort(compareText);
  }

  return { order, byId, unplaced, team };
}
