/**
 * Helpers to compare trees and plans whose source positions legitimately differ, such as a plan
 * before and after formatting.
 */

/**
 * A deep copy of `value` without source positions: `range` properties and any other property
 * whose value is a range (`{ start, end }` positions with line, character and offset) are left out.
 */
export function stripRanges<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'range' || item === undefined || isRange(item)) continue;
    result[key] = strip(item);
  }
  return result;
}

function isPosition(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return typeof p.line === 'number' && typeof p.character === 'number';
}

function isRange(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return isPosition(r.start) && isPosition(r.end);
}
