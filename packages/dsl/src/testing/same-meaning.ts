/**
 * Syntax trees compared for meaning: positions, comments and redundant parentheses do not count,
 * and header settings are compared in their canonical order (they may be written anywhere).
 */
import type { File } from '../syntax/ast.js';
import { stripRanges } from './strip-ranges.js';

const headerOrder = [
  'CurrencySetting',
  'PeriodSetting',
  'FiscalYearSetting',
  'EffectiveSetting',
  'RoundingSetting',
];

/** The tree of `file` reduced to what affects its meaning, for deep equality. */
export function meaningOf(file: File): unknown {
  const plan = file.plan;
  const items = plan?.items ?? [];
  const headers = items
    .filter((item) => headerOrder.includes(item.kind))
    .sort((a, b) => headerOrder.indexOf(a.kind) - headerOrder.indexOf(b.kind));
  const declarations = items.filter((item) => !headerOrder.includes(item.kind));
  const reordered = plan === undefined ? undefined : { ...plan, items: [...headers, ...declarations] };
  return unparen(stripRanges({ ...file, comments: [], plan: reordered }));
}

function unparen(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unparen);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (node.kind === 'Paren') return unparen(node.inner);
  return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, unparen(item)]));
}
