/**
 * Teams by day: the reporting hierarchy of raw payees as their changes of manager
 * (`Dataset.attributeChanges` rows of `manager`) make it, day by day, so that what a manager may
 * see follows the manager in force on each day, as roll-up credit does.
 */
import { compareText } from '../compare-text.js';
import type { AttributeChange, Payee } from '../data/dataset.js';
import { asList, idText, notText } from '../data/values.js';
import { type Hierarchy, hierarchyOf } from '../metrics/hierarchy.js';
import { parseDate } from '../time/dates.js';

/** Days from `start` to `end` (`YYYY-MM-DD`, both inclusive), like a statement's. */
export interface DaysOf {
  start: string;
  end: string;
}

/** A change of manager the engine keeps: from `from` (a day number) on, `manager`. */
interface ManagerChange {
  payee: string;
  from: number;
  manager: string | undefined;
}

/**
 * The changes of manager among `list` that the engine keeps: a row naming a payee of `ids`, the
 * attribute `manager`, and a `from` that is a date. A row that is not (a data error of the engine's)
 * is left out, and so are two changes of one payee on one day (both are `duplicate-key` errors).
 * An empty value is no manager from that day on.
 */
function managerChanges(list: readonly AttributeChange[], ids: ReadonlySet<string>): ManagerChange[] {
  const byKey = new Map<string, ManagerChange[]>();
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object') continue;
    if (idText(entry.attribute) !== 'manager') continue;
    const payee = idText(entry.payee);
    const from = typeof entry.from === 'string' ? parseDate(entry.from.trim()) : undefined;
    if (payee === undefined || !ids.has(payee) || from === undefined) continue;
    // A value of another kind (`NaN`, an object, a list) is an error of the engine's: left out.
    if (notText(entry.value) !== undefined) continue;
    const manager = idText(entry.value);
    const key = `${payee}\u0000${from}`;
    const same = byKey.get(key);
    if (same) same.push({ payee, from, manager });
    else byKey.set(key, [{ payee, from, manager }]);
  }
  return [...byKey.values()].flatMap((same) => (same.length === 1 ? same : []));
}

/**
 * The hierarchy of raw `payees` on each day. Before the first change of manager (and without
 * changes, on every day) it is their `manager` fields; from each day a change is dated, the payee
 * reports to the manager it names until their next change. The days between two change dates
 * (a stretch) share one hierarchy: a span within one stretch reads it ({@link hierarchyOf}, built on
 * first use), a span over several walks the changes stretch by stretch.
 */
export class DatedTeams {
  private readonly lines: { id: string; manager: string | undefined }[];
  private readonly changes: ManagerChange[];
  /** The distinct days changes take effect, in order: stretch `i` starts on `days[i - 1]`. */
  private readonly days: number[];
  private readonly built = new Map<number, Hierarchy>();
  private readonly ids: ReadonlySet<string>;
  /** The indexes in `lines` of each id (more than one only in a raw list that repeats an id). */
  private readonly linesOf = new Map<string, number[]>();

  constructor(payees: readonly Payee[], attributeChanges: readonly AttributeChange[] = []) {
    // Raw payees, read as the engine reads them: an id or a manager is trimmed text or a finite
    // number (`7` is "7"); an entry without an id names no one, a manager of another kind (`NaN`,
    // an object: an error of the engine's) no manager. `payees` that are not a list name no one.
    this.lines = asList(payees).flatMap((p) => {
      const id = p !== null && typeof p === 'object' ? idText(p.id) : undefined;
      return id === undefined ? [] : [{ id, manager: idText(p.manager) }];
    });
    const ids = new Set(this.lines.map((p) => p.id));
    this.ids = ids;
    this.lines.forEach((line, i) => {
      const list = this.linesOf.get(line.id);
      if (list) list.push(i);
      else this.linesOf.set(line.id, [i]);
    });
    this.changes = managerChanges(Array.isArray(attributeChanges) ? attributeChanges : [], ids).sort(
      (a, b) => a.from - b.from,
    );
    this.days = [...new Set(this.changes.map((c) => c.from))];
  }

  /** True when `id` is the id of one of the payees. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * `id` and everyone below them on some day of `during` (any day when absent, or when its start
   * or end is not a date): the union of their teams of those days. A day on which `id` is in or
   * below a cycle of managers adds only `id`; an id not among the payees has no team (`[]`).
   */
  team(id: string, during?: DaysOf): string[] {
    const start = during === undefined ? undefined : parseDate(String(during.start));
    const end = during === undefined ? undefined : parseDate(String(during.end));
    const dated = start !== undefined && end !== undefined && start <= end;
    const first = dated ? this.stretchOf(start) : 0;
    const last = dated ? this.stretchOf(end) : this.days.length;
    if (first === last) return this.hierarchy(first).team(id);
    if (!this.ids.has(id)) return [];
    return [...this.walk(id, first, last)].sort(compareText);
  }

  /**
   * The union of `id`'s teams in stretches `first` to `last`, following the changes stretch by
   * stretch (a hierarchy per stretch would sort every payee for each of up to 366 stretches a
   * year): `id` is placed when a walk up its managers reaches the top (a payee none of whose
   * managers is a payee), and then their team is everyone below them.
   */
  private walk(id: string, first: number, last: number): Set<string> {
    const ids = this.ids;
    const managerOf = this.lines.map((l) => l.manager);
    const down = new Map<string, Map<string, number>>();
    const link = (i: number, by: number) => {
      const manager = managerOf[i];
      if (manager === undefined || !ids.has(manager)) return;
      const report = (this.lines[i] as { id: string }).id;
      let reports = down.get(manager);
      if (!reports) {
        reports = new Map();
        down.set(manager, reports);
      }
      const count = (reports.get(report) ?? 0) + by;
      if (count === 0) reports.delete(report);
      else reports.set(report, count);
    };
    for (let i = 0; i < managerOf.length; i++) link(i, 1);
    let next = 0;
    const applyUntil = (day: number) => {
      for (
        let change = this.changes[next];
        change !== undefined && change.from <= day;
        change = this.changes[++next]
      )
        for (const i of this.linesOf.get(change.payee) ?? []) {
          link(i, -1);
          managerOf[i] = change.manager;
          link(i, 1);
        }
    };
    const placed = (): boolean => {
      const visited = new Set<string>([id]);
      const stack = [id];
      for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        let top = true;
        for (const i of this.linesOf.get(node) ?? []) {
          const manager = managerOf[i];
          if (manager === undefined || !ids.has(manager)) continue;
          top = false;
          if (!visited.has(manager)) {
            visited.add(manager);
            stack.push(manager);
          }
        }
        if (top) return true;
      }
      return false;
    };
    const seen = new Set<string>([id]);
    for (let stretch = first; stretch <= last; stretch++) {
      if (stretch > 0) applyUntil(this.days[stretch - 1] as number);
      if (!placed()) continue;
      const below = new Set<string>([id]);
      const queue = [id];
      for (let node = queue.pop(); node !== undefined; node = queue.pop())
        for (const report of down.get(node)?.keys() ?? [])
          if (!below.has(report)) {
            below.add(report);
            seen.add(report);
            queue.push(report);
          }
    }
    return seen;
  }

  /** The stretch `day` falls in: how many change days are on or before it. */
  private stretchOf(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.days[mid] as number) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The hierarchy of stretch `i`: each payee's manager in force from its first day. */
  private hierarchy(i: number): Hierarchy {
    const known = this.built.get(i);
    if (known) return known;
    let hierarchy: Hierarchy;
    if (i === 0) hierarchy = hierarchyOf(this.lines);
    else {
      const day = this.days[i - 1] as number;
      const now = new Map<string, string | undefined>();
      for (const change of this.changes) {
        if (change.from > day) break;
        now.set(change.payee, change.manager);
      }
      hierarchy = hierarchyOf(
        this.lines.map((p) => (now.has(p.id) ? { id: p.id, manager: now.get(p.id) } : p)),
      );
    }
    this.built.set(i, hierarchy);
    return hierarchy;
  }
}
