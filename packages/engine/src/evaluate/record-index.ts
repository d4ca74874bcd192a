/**
 * Records grouped by period (through the source's dated field) and by owner, in the stable
 * record order, built once per source on first use.
 */
import { compareRecs, type Rec } from '../data/model.js';
import type { ValidData } from '../data/validate.js';
import type { FiscalCalendar, Period, PeriodKind } from '../time/calendar.js';

interface SourceIndex {
  byPeriod: Map<number, Rec[]>;
  byOwner: Map<number, Map<string, Rec[]>>;
}

const NONE: readonly Rec[] = [];

/** Finds the records of a source in a period, of everyone or of one owner. */
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
    const byPeriod = new Map<number, Rec[]>();
    for (const rec of this.data.records.get(source) ?? []) {
      if (rec.day === undefined) continue;
      const ordinal = this.calendar.containing(this.kind, rec.day).ordinal;
      const list = byPeriod.get(ordinal);
      if (list) list.push(rec);
      else byPeriod.set(ordinal, [rec]);
    }
    const byOwner = new Map<number, Map<string, Rec[]>>();
    for (const [ordinal, list] of byPeriod) {
      list.sort(compareRecs);
      const owners = new Map<string, Rec[]>();
      for (const rec of list) {
        if (rec.owner === undefined) continue;
        const own = owners.get(rec.owner);
        if (own) own.push(rec);
        else owners.set(rec.owner, [rec]);
      }
      byOwner.set(ordinal, owners);
    }
    const index = { byPeriod, byOwner };
    this.sources.set(source, index);
    return index;
  }

  /** Every record of `source` dated in `period`, in the stable order. */
  inPeriod(source: string, period: Period): readonly Rec[] {
    return this.index(source).byPeriod.get(period.ordinal) ?? NONE;
  }

  /** The records of `source` owned by `owner` and dated in `period`, in the stable order. */
  ofOwner(source: string, period: Period, owner: string): readonly Rec[] {
    return this.index(source).byOwner.get(period.ordinal)?.get(owner) ?? NONE;
  }
}
