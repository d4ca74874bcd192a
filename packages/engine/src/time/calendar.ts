/**
 * The fiscal calendar of a plan: months, quarters, halves and fiscal years, and the windows of
 * `ytd`, `htd`, `qtd` and `mtd`. A fiscal year is named by the calendar year it starts in: with
 * `fiscal year starts february`, `FY2026` and `2026-Q1` ... `2026-Q4` run from 2026-02-01 to
 * 2027-01-31. A month label (`2026-03`) is always the calendar month.
 */
import { civil, dayOf, daysInMonth } from './dates.js';

/** The kinds of calculation period. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A calculation period with its dates (day numbers, both ends inclusive). */
export interface Period {
  label: string;
  kind: PeriodKind;
  start: number;
  end: number;
  /** The fiscal year it belongs to (named by the calendar year it starts in). */
  fiscalYear: number;
  /** 0-based position within its fiscal year (Q3 is 2). */
  index: number;
  /** Position in the sequence of all periods of its kind; consecutive periods differ by 1. */
  ordinal: number;
}

/** Months in a period of each kind. */
export const MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

const LABEL = /^(?:(\d{4})-(?:Q([1-4])|H([12])|(\d{2}))|FY(\d{4}))$/;

/** Periods of a fiscal calendar; each period is created once and shared. */
export class FiscalCalendar {
  /** The first month of the fiscal year, 1 = January. */
  readonly startMonth: number;
  private readonly cache = new Map<string, Period>();

  constructor(startMonth: number) {
    this.startMonth = startMonth;
  }

  /** The period of `kind` with this ordinal. */
  byOrdinal(kind: PeriodKind, ordinal: number): Period {
    const cacheKey = `${kind}:${ordinal}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const size = MONTHS[kind];
    const startIndex = ordinal * size + (this.startMonth - 1); // months since year 0, January
    const fiscalOffset = startIndex - (this.startMonth - 1);
    const fiscalYear = Math.floor(fiscalOffset / 12);
    const index = (fiscalOffset - fiscalYear * 12) / size;
    const startYear = Math.floor(startIndex / 12);
    const startMonth = startIndex - startYear * 12 + 1;
    const endIndex = startIndex + size - 1;
    const endYear = Math.floor(endIndex / 12);
    const endMonth = endIndex - endYear * 12 + 1;
    const period: Period = {
      label: labelOf(kind, fiscalYear, index, startYear, startMonth),
      kind,
      start: dayOf(startYear, startMonth, 1),
      end: dayOf(endYear, endMonth, daysInMonth(endYear, endMonth)),
      fiscalYear,
      index,
      ordinal,
    };
    this.cache.set(cacheKey, period);
    return period;
  }

  /** Reads a period label (`2026-Q1`, `2026-H2`, `2026-03`, `FY2026`); `undefined` if it is not one. */
  parse(label: string): Period | undefined {
    const m = LABEL.exec(label.trim());
    if (!m) return undefined;
    const s = this.startMonth - 1;
    if (m[5] !== undefined) return this.byOrdinal('year', Number(m[5]));
    const year = Number(m[1]);
    if (m[2] !== undefined) return this.byOrdinal('quarter', year * 4 + Number(m[2]) - 1);
    if (m[3] !== undefined) return this.byOrdinal('half', year * 2 + Number(m[3]) - 1);
    const month = Number(m[4]);
    if (month < 1 || month > 12) return undefined;
    // A calendar month: its ordinal counts months from January of year 0, shifted by the fiscal start.
    return this.byOrdinal('month', year * 12 + month - 1 - s);
  }

  /** The period of `kind` that contains a day. */
  containing(kind: PeriodKind, day: number): Period {
    const monthIndex = monthIndexOf(day) - (this.startMonth - 1);
    return this.byOrdinal(kind, Math.floor(monthIndex / MONTHS[kind]));
  }

  /**
   * The periods of `kind` from the start of the `window` period containing `current` up to
   * `current` itself (a window no longer than the period is the period alone).
   */
  toDate(current: Period, window: PeriodKind): Period[] {
    if (MONTHS[window] <= MONTHS[current.kind]) return [current];
    const first = this.containing(current.kind, this.containing(window, current.start).start);
    const result: Period[] = [];
    for (let ordinal = first.ordinal; ordinal <= current.ordinal; ordinal++)
      result.push(this.byOrdinal(current.kind, ordinal));
    return result;
  }
}

/** Months since January of year 0 for a day number. */
function monthIndexOf(day: number): number {
  const { year, month } = civil(day);
  return year * 12 + month - 1;
}

function labelOf(
  kind: PeriodKind,
  fiscalYear: number,
  index: number,
  startYear: number,
  startMonth: number,
): string {
  switch (kind) {
    case 'month':
      return `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}`;
    case 'quarter':
      return `${fiscalYear}-Q${index + 1}`;
    case 'half':
      return `${fiscalYear}-H${index + 1}`;
    case 'year':
      return `FY${fiscalYear}`;
  }
}
