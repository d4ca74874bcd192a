/**
 * Accelerators: pay above quota at a higher rate than at quota.
 *
 * An accelerator tier is a tier of a rate table on a percentage (an attainment) that starts at or
 * above 100% and whose rate is higher than the base rate: the rate of the table's last tier
 * starting below 100% (the rate paid just below quota), or 0 when every tier starts at 100% or
 * above (below a first tier nothing is paid). Rates are read from the plan when they are written
 * as numbers; when either rate is computed, a tier starting at or above 100% counts as an
 * accelerator. A versioned table counts a tier when any of its versions does.
 *
 * A payee earns an accelerator when one of their earning lines with a positive amount (hypothetical
 * records left out) was priced in an accelerator tier: the tier its trace names, or any band of a
 * marginal line that crossed several.
 */
import type { Plan, RateTable } from '@attain/dsl';
import { Dec, ONE, ZERO } from '../decimal.js';
import type { Statement, TierApplied } from '../results/results.js';

/** The accelerator tiers of a plan: 1-based tier indexes by rate table name. */
export type AcceleratorTiers = ReadonlyMap<string, ReadonlySet<number>>;

/** The rate of a tier when the plan writes it as a number. */
function literalRate(table: RateTable, index: number): Dec | undefined {
  const rate = table.tiers[index]?.rate;
  return rate?.op === 'literal' && typeof rate.value === 'string' ? new Dec(rate.value) : undefined;
}

/** The 1-based indexes of a table's accelerator tiers. */
function tableAccelerators(table: RateTable): number[] {
  if (table.on.type.kind !== 'Percent') return [];
  const starts = table.tiers.map((t) => new Dec(t.from));
  let baseIndex = -1;
  for (const [i, from] of starts.entries()) if (from.lt(ONE)) baseIndex = i;
  const base = baseIndex < 0 ? ZERO : literalRate(table, baseIndex);
  const indexes: number[] = [];
  for (const [i, from] of starts.entries()) {
    if (from.lt(ONE)) continue;
    const rate = literalRate(table, i);
    if (base === undefined || rate === undefined || rate.gt(base)) indexes.push(i + 1);
  }
  return indexes;
}

/** The accelerator tiers of every rate table of the plan. */
export function acceleratorTiers(plan: Plan): AcceleratorTiers {
  const tiers = new Map<string, Set<number>>();
  for (const table of plan.rateTables) {
    const set = tiers.get(table.name) ?? new Set<number>();
    for (const index of tableAccelerators(table)) set.add(index);
    tiers.set(table.name, set);
  }
  return tiers;
}

/** True when a line of the statement with a positive amount was priced in an accelerator tier. */
export function earnsAccelerator(statement: Statement, accelerators: AcceleratorTiers): boolean {
  const isAccelerator = (tier: TierApplied | undefined) =>
    tier !== undefined && accelerators.get(tier.table)?.has(tier.index) === true;
  for (const earning of statement.earnings) {
    for (const line of earning.lines) {
      if (line.estimate) continue;
      const accelerated = isAccelerator(line.trace.tier) || line.trace.bands?.some(isAccelerator) === true;
      if (accelerated && new Dec(line.amount).gt(0)) return true;
    }
  }
  return false;
}
