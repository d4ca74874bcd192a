/**
 * Records grouped by period (through the source's dated field) and by owner, in the stable
 * record order. For a source validated owner by owner (`ValidData.owned`), a payee's records are
 * made when their statement first asks and forgotten when it is done.
 */
import { compareRecs, type Rec } from '../data/model.js';
import type { OwnedRows } from '../data/records.js';
import type { ValidData } from '../data/validate.js';
import type { FiscalCalendar, Period, PeriodKind } from '../time/calendar.js';

interface SourceIndex {
  /** Records by period ordinal, then by owner (each list in the stable order). */
  byOwner: Map<number, Map<string, Rec[]>>;
  /** Records without an owner, by period ordinal (in the stable order). */
  unowned: Map<number, Rec[]>;
  /** Every record of a period in the stable order, merged on first use. */
  byPeriod: Map<number, Rec[]>;
  /** The rows of a source validated owner by owner, and the records made of them so far. */
  owned: { rows: OwnedRows; made: Map<string, Map<number, Rec[]>> } | undefined;
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

  /** Records grouped by period ordinal (then by `key`, when given), each list sorted. */
  private group<K>(recs: Iterable<Rec>, key: (rec: Rec) => K | undefined): Map<number, Map<K, Rec[]>> {
    const groups = new Map<number, Map<K, Rec[]>>();
    let period: Period | undefined;
    for (const rec of recs) {
      if (rec.day === undefined) continue;
      const k = key(rec);
      if (k === undefined) continue;
      if (!period || rec.day < period.start || rec.day > period.end)
        period = this.calendar.containing(this.kind, rec.day);
      let inPeriod = groups.get(period.ordinal);
      if (!inPeriod) {
        inPeriod = new Map();
        groups.set(period.ordinal, inPeriod);
      }
      const list = inPeriod.get(k);
      if (list) list.push(rec);
      else inPeriod.set(k, [rec]);
    }
    for (const inPeriod of groups.values()) for (const list of inPeriod.values()) list.sort(compareRecs);
    return groups;
  }

  private index(source: string): SourceIndex {
    const cached = this.sources.get(source);
    if (cached) return cached;
    const rows = this.data.owned.get(source);
    const all = rows ? rows.unowned : (this.data.records.get(source) ?? []);
    const unowned = new Map<number, Rec[]>();
    for (const [ordinal, one] of this.group(all, (rec) => (rec.owner === undefined ? true : undefined)))
      unowned.set(ordinal, one.get(true) as Rec[]);
    const index: SourceIndex = {
      byOwner: rows ? new Map() : this.group(all, (rec) => rec.owner),
      unowned,
      byPeriod: new Map(),
      owned: rows ? { rows, made: new Map() } : undefined,
    };
    this.sources.set(source, index);
    return index;
  }

  /** An owner's records of a source validated owner by owner, by period, made on first use. */
  private made(owned: NonNullable<SourceIndex['owned']>, owner: string): Map<number, Rec[]> {
    let byPeriod = owned.made.get(owner);
    if (!byPeriod) {
      byPeriod = new Map();
      for (const [ordinal, one] of this.group(owned.rows.recordsOf(owner), () => true))
        byPeriod.set(ordinal, one.get(true) as Rec[]);
      owned.made.set(owner, byPeriod);
    }
    return byPeriod;
  }

  /** Forgets the records made for `owner` in sources validated owner by owner (made again if asked). */
  forget(owner: string): void {
    for (const index of this.sources.values()) {
      if (!index.owned) continue;
      index.owned.made.delete(owner);
      index.byPeriod.clear();
    }
  }

  /** Every record of `source` dated in `period`, in the stable order. */
  inPeriod(source: string, period: Period): readonly Rec[] {
    const index = this.index(source);
    let list = index.byPeriod.get(period.ordinal);
    if (!list) {
      list = [...(index.unowned.get(period.ordinal) ?? NONE)];
      for (const own of this.owners(index, period)) for (const rec of own) list.push(rec);
      list.sort(compareRecs);
      index.byPeriod.set(period.ordinal, list);
    }
    return list;
  }

  /** Each owner's records of a period, for every owner. */
  private *owners(
    index: SourceIndex,
    period: Period,
    except?: ReadonlySet<string>,
  ): Iterable<readonly Rec[]> {
    if (index.owned) {
      for (const owner of index.owned.rows.owners()) {
        if (except?.has(owner)) continue;
        const list = this.made(index.owned, owner).get(period.ordinal);
        if (list) yield list;
      }
      return;
    }
    for (const [owner, own] of index.byOwner.get(period.ordinal) ?? []) if (!except?.has(owner)) yield own;
  }

  /** The records of `source` owned by `owner` and dated in `period`, in the stable order. */
  ofOwner(source: string, period: Period, owner: string): readonly Rec[] {
    const index = this.index(source);
    if (index.owned) return this.made(index.owned, owner).get(period.ordinal) ?? NONE;
    return index.byOwner.get(period.ordinal)?.get(owner) ?? NONE;
  }

  /** The records of `source` dated in `period` that have no owner (every record of a source without an owner field). */
  unowned(source: string, period: Period): readonly Rec[] {
    return this.index(source).unowned.get(period.ordinal) ?? NONE;
  }

  /** The records of `source` dated in `period` whose owner is not in `except`, in no particular order. */
  notOwnedBy(source: string, period: Period, except: ReadonlySet<string>): Rec[] {
    const index = this.index(source);
    const rest = [...(index.unowned.get(period.ordinal) ?? NONE)];
    for (const own of this.owners(index, period, except)) for (const rec of own) rest.push(rec);
    return rest;
  }
}
