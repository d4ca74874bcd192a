/** A census of what a plan declares: "2 sources, 1 payee schema, 1 quota, 3 earnings". */
import type { parse } from '@attain/dsl';
import { plural } from './plural.js';

type PlanFile = ReturnType<typeof parse>['file'];
type PlanItem = NonNullable<PlanFile['plan']>['items'][number];

/** Declaration categories in the order of the grammar, with their singular and plural names. */
const categories = [
  ['Source', 'source', 'sources'],
  ['Payee', 'payee schema', 'payee schemas'],
  ['Let', 'let', 'lets'],
  ['Quota', 'quota', 'quotas'],
  ['Credit', 'credit', 'credits'],
  ['Measure', 'measure', 'measures'],
  ['RateTable', 'rate table', 'rate tables'],
  ['LookupTable', 'lookup table', 'lookup tables'],
  ['PayCurve', 'pay curve', 'pay curves'],
  ['earning', 'earning', 'earnings'],
  ['commission', 'commission', 'commissions'],
  ['bonus', 'bonus', 'bonuses'],
  ['spiff', 'SPIFF', 'SPIFFs'],
  ['milestone', 'milestone', 'milestones'],
  ['mbo', 'MBO', 'MBOs'],
  ['Draw', 'draw', 'draws'],
  ['Guarantee', 'guarantee', 'guarantees'],
  ['Holdback', 'holdback', 'holdbacks'],
  ['Clawback', 'clawback', 'clawbacks'],
  ['Adjustment', 'adjustment', 'adjustments'],
  ['Territory', 'territory', 'territories'],
  ['Metric', 'metric', 'metrics'],
  ['Signal', 'signal', 'signals'],
] as const;

/** How many of each kind of declaration; header settings are not counted. */
export function countDeclarations(file: PlanFile): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, n = 1): void => {
    counts.set(key, (counts.get(key) ?? 0) + n);
  };
  for (const item of file.plan?.items ?? ([] as PlanItem[])) {
    if (item.kind === 'Earning') add(item.earningKind);
    else if (item.kind === 'Territories') add('Territory', item.territories.length);
    else if (!item.kind.endsWith('Setting')) add(item.kind);
  }
  return counts;
}

/** The census as phrases, e.g. ["2 sources", "1 quota", "1 commission"], in the grammar's order. */
export function describeDeclarations(file: PlanFile): string[] {
  const counts = countDeclarations(file);
  const parts: string[] = [];
  for (const [key, singular, pluralForm] of categories) {
    const count = counts.get(key) ?? 0;
    if (count > 0) parts.push(plural(count, singular, pluralForm));
  }
  return parts;
}
