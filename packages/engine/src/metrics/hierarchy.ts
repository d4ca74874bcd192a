/**
 * The reporting hierarchy metrics roll up along: each payee's `manager`. A team is a payee who
 * manages someone, together with everyone below them (direct and indirect reports); its head's
 * own records count in it too. Built from the validated payees, whatever their order.
 */
import type { PayeeData } from '../data/model.js';

/** A payee placed in the hierarchy. */
export interface HierarchyPlace {
  id: string;
  /** Depth below the top: a payee without a manager is level 0. */
  level: number;
  /** Direct reports, by id. */
  reports: string[];
}

/** The hierarchy of a set of payees. */
export interface Hierarchy {
  /** Every placed payee, reports after their manager (depth first, siblings by id). */
  order: HierarchyPlace[];
  byId: ReadonlyMap<string, HierarchyPlace>;
  /** Payees whose chain of managers loops back on itself: they are in no team. */
  unplaced: string[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Places `payees` under their managers. A payee whose manager is not among `payees` is at the
 * top. Payees whose chain of managers is a cycle (A manages B manages A) cannot be placed: they
 * and everyone under them are listed in `unplaced`.
 */
export function hierarchyOf(payees: Iterable<PayeeData>): Hierarchy {
  const ids = new Set<string>();
  const all: PayeeData[] = [];
  for (const p of payees) {
    ids.add(p.id);
    all.push(p);
  }
  const reports = new Map<string, string[]>();
  const tops: string[] = [];
  for (const p of all) {
    if (p.manager === undefined || !ids.has(p.manager)) {
      tops.push(p.id);
      continue;
    }
    const list = reports.get(p.manager);
    if (list) list.push(p.id);
    else reports.set(p.manager, [p.id]);
  }
  for (const list of reports.values()) list.sort(byText);
  tops.sort(byText);
  const order: HierarchyPlace[] = [];
  const byId = new Map<string, HierarchyPlace>();
  const stack: [string, number][] = tops.map((id) => [id, 0] as [string, number]).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [id, level] = next;
    const place: HierarchyPlace = { id, level, reports: reports.get(id) ?? [] };
    order.push(place);
    byId.set(id, place);
    for (let i = place.reports.length - 1; i >= 0; i--) stack.push([place.reports[i] as string, level + 1]);
  }
  const unplaced = all
    .map((p) => p.id)
    .filter((id) => !byId.has(id))
    .sort(byText);
  return { order, byId, unplaced };
}
