/**
 * Versioned definitions: two declarations of one name with `effective` ranges are two versions,
 * and each period uses the version in force on its last day (or, failing that, the latest
 * version that starts within the period).
 */
import type { Element } from '@attain/dsl';
import type { DaySpan } from '../data/model.js';
import type { Period } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';

/** One version of a definition with its compiled form. */
export interface Version<T> {
  /** When it applies; `undefined`: always. */
  span: DaySpan | undefined;
  value: T;
}

/** The span of an element's `effective` range. */
export function spanOf(element: Element): DaySpan | undefined {
  if (!element.effective) return undefined;
  const from = parseDate(element.effective.from);
  const to = parseDate(element.effective.to);
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** The version in force in a period, or `undefined` when none is. */
export function versionIn<T>(versions: readonly Version<T>[], period: Period): T | undefined {
  if (versions.length === 1 && (versions[0] as Version<T>).span === undefined)
    return (versions[0] as Version<T>).value;
  let best: Version<T> | undefined;
  for (const v of versions) {
    if (!v.span) return v.value;
    if (v.span.from <= period.end && v.span.to >= period.end) return v.value;
    if (
      v.span.from <= period.end &&
      v.span.to >= period.start &&
      (!best || (best.span as DaySpan).from < v.span.from)
    )
      best = v;
  }
  return best?.value;
}
