/**
 * Helpers for the syntax tests: parse a snippet inside a minimal plan, compare trees without
 * ranges, and walk every range of a tree.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { Declaration, Expr, PlanItem } from './ast.js';
import { type ParseResult, parse } from './parse.js';

/** The three required settings, so snippets parse without AT1101. */
export const requiredHeader = 'currency USD\nperiod quarter\neffective 2026-01-01 to 2026-12-31\n';

/** Parses `body` as the items of a plan that already has the required settings. */
export function parseBody(body: string): ParseResult {
  return parse(`plan "Test" {\n${requiredHeader}${body}\n}\n`);
}

/** The declarations of a parsed body (header settings left out). */
export function declarations(result: ParseResult): Declaration[] {
  const settings = new Set([
    'CurrencySetting',
    'PeriodSetting',
    'FiscalYearSetting',
    'EffectiveSetting',
    'RoundingSetting',
  ]);
  return (result.file.plan?.items ?? []).filter(
    (item: PlanItem): item is Declaration => !settings.has(item.kind),
  );
}

/** Parses one expression (as the value of a measure) and returns it with the diagnostics. */
export function parseExpr(text: string): { expr: Expr | undefined; result: ParseResult } {
  const result = parseBody(`measure probe = ${text}`);
  const measure = declarations(result).find((d) => d.kind === 'Measure');
  return { expr: measure?.kind === 'Measure' ? measure.value : undefined, result };
}

/** A deep copy without `range` properties and without undefined values, for comparing shapes. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'range' || inner === undefined) continue;
    copy[key] = shape(inner);
  }
  return copy;
}

/** Every `range` found anywhere in a tree. */
export function allRanges(value: unknown, found: Range[] = []): Range[] {
  if (Array.isArray(value)) {
    for (const item of value) allRanges(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'range') found.push(inner as Range);
      else allRanges(inner, found);
    }
  }
  return found;
}

/** A Name node shape. */
export function name(text: string) {
  return { kind: 'Name', text };
}

/** A NameRef shape. */
export function ref(text: string) {
  return { kind: 'NameRef', name: name(text) };
}

/**
 * Nodes whose range is not inside the range of the node holding them, as readable paths (empty
 * when every child lies within its parent).
 */
export function rangeNestingViolations(
  value: unknown,
  parent?: Range,
  path = 'file',
  found: string[] = [],
): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      rangeNestingViolations(item, parent, `${path}[${i}]`, found);
    });
    return found;
  }
  if (value === null || typeof value !== 'object') return found;
  const range = (value as { range?: Range }).range;
  let holder = parent;
  if (range !== undefined) {
    if (
      parent !== undefined &&
      (range.start.offset < parent.start.offset || range.end.offset > parent.end.offset)
    ) {
      found.push(
        `${path} ${range.start.offset}-${range.end.offset} outside ${parent.start.offset}-${parent.end.offset}`,
      );
    }
    holder = range;
  }
  for (const [key, inner] of Object.entries(value)) {
    // Comments belong to the file, not to the plan they may follow.
    if (key !== 'range' && key !== 'comments') rangeNestingViolations(inner, holder, `${path}.${key}`, found);
  }
  return found;
}
