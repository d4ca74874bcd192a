/**
 * Records grouped by period (through the source's dated field) and by owner, in the stable
 * record order, built once per source on first use.
 */
import { compareRecs, type Rec } from '../data/model.js';
import type { ValidData } from '../data/validate.js';
import type { FiscalCalendar, Period, PeriodKind } from '../time/calendar.js';

interface SourceIndex {
  /** Records by period ordinal, then by owner (each list in the stable order). */
  byOwner: Map<number, Map<string, Rec[]>>;
  /** Records without an owner, by period ordinal (in the stable order). */
  unowned: Map<number, Rec[]>;
  /** Every record of a period in the stable order, merged on first use. */
  byPeriod: Map<number, Rec[]>;
}

const NONE: readonly Rec[] = [];

/**
 * Finds the records of a source in a period, of everyone or of one owner. Records are grouped
 * by period and owner first and each owner's list sorted on its own (a statement reads one
 * owner's records); the whole period's list is sorted only if something asks for it.
 */
export class RecordIndex {
  private readonly sources = new Map<string, SourceIndex>();

  constructor(
    private readonly data: ValidData,
    private readonly calendar: FiscalCalendar,
    private readonly kind: PeriodKind,
  ) {}

  private index(source: string): SourceIndex {
    const cached = this.sources.get(source);
    if (cached) return cached;
    const byOwner = new Map<number, Map<string, Rec[]>>();
    const unowned = new Map<number, Rec[]>();
    let period: Period | undefined;
    for (const rec of this.data.records.get(source) ?? []) {
      if (rec.day === undefined) continue;
      if (!period || rec.day < period.start || rec.day > period.end)
        period = this.calendar.containing(this.kind, rec.day);
      const ordinal = period.ordinal;
      let list: Rec[] | undefined;
      if (rec.owner === undefined) {
        list = unowned.get(ordinal);
        if (!list) {
          list = [];
          unowned.set(ordinal, list);
        }
      } else {
        let owners = byOwner.get(ordinal);
        if (!owners) {
          owners = new Map();
          byOwner.set(ordinal, owners);
        }
        list = owners.get(rec.owner);
        if (!list) {
          list = [];
          owners.set(rec.owner, list);
        }
      }
      list.push(rec);
    }
    for (const owners of byOwner.values()) for (const list of owners.values()) list.sort(compareRecs);
    for (const list of unowned.values()) list.sort(compareRecs);
    const index = { byOwner, unowned, byPeriod: new Map<number, Rec[]>() };
    this.sources.set(source, index);
    return index;
  }

  /** Builds the index of `source` now (see `Run.prepare`). */
  prepare(source: string): void {
    this.index(source);
  }

  /** Forgets the records of `owner` in the period `ordinal` of every source (their statements are done). */
  dropOwner(owner: string, ordinal: number): void {
    for (const index of this.sources.values()) {
      index.byOwner.get(ordinal)?.delete(owner);
      index.byPeriod.delete(ordinal);
    }
  }

  /** Every record of `source` dated in `period`, in the stable order. */
  inPeriod(source: string, period: Period): readonly Rec[] {
    const index = this.index(source);
    let list = index.byPeriod.get(period.ordinal);
    if (!list) {
      list = [...(index.unowned.get(period.ordinal) ?? NONE)];
      for (const own of index.byOwner.get(period.ordinal)?.values() ?? [])
        for (const rec of own) list.push(rec);
      list.sort(compareRecs);
      index.byPeriod.set(period.ordinal, list);
    }
    return list;
  }

  /** The records of `source` owned by `owner` and dated in `period`, in the stable order. */
  ofOwner(source: string, period: Period, owner: string): readonly Rec[] {
    return this.index(source).byOwner.get(period.ordinal)?.get(owner) ?? NONE;
  }

  /** The records of `source` dated in `period` whose owner is not in `except`, in no particular order. */
  notOwnedBy(source: string, period: Period, except: ReadonlySet<string>): Rec[] {
    const index = this.index(source);
    const rest = [...(index.unowned.get(period.ordinal) ?? NONE)];
    for (const [owner, own] of index.byOwner.get(period.ordinal) ?? [])
      if (!except.has(owner)) for (const rec of own) rest.push(rec);
    return rest;
  }
}
