/**
 * Generates rate tables (contiguous ascending tiers with an open top tier), lookup tables (distinct
 * rows, wildcards, an `otherwise` row) and pay curves (ascending points).
 */
import { integerLiteral, percentLiteral } from './literals.js';
import type { GenDecl, PlanState } from './plan-model.js';
import { chance, pick } from './random.js';
import { namesOf } from './scope.js';

/** Ascending bounds starting at 0. */
function ascending(state: PlanState, count: number, step: [number, number]): number[] {
  const bounds = [0];
  for (let i = 1; i < count; i++) bounds.push((bounds[i - 1] ?? 0) + state.random.int(step[0], step[1]));
  return bounds;
}

/** A rate table on an attainment (percent bounds) or on a money measure (money bounds). */
export function generateRateTable(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, ['commission_rates', 'bonus_rates', 'accelerators']));
  const onMoney = state.attainments.length === 0 || chance(r, 0.25);
  const on = onMoney ? pick(r, namesOf(state.scope.values, 'Money')) : pick(r, state.attainments);
  const count = r.int(1, 5);
  const bounds = onMoney ? ascending(state, count, [10_000, 90_000]) : ascending(state, count, [10, 60]);
  const bound = (n: number) => (onMoney ? `${integerLiteral(r, n, n)} ${state.currency}` : `${n}%`);
  const tiers = bounds.map((b, i) => {
    const next = bounds[i + 1];
    const range = next === undefined ? `${bound(b)} and up` : `${bound(b)} to ${bound(next)}`;
    return `  ${range}: ${percentLiteral(r, 0, 25)}`;
  });
  const mode = onMoney
    ? pick(r, ['marginal', 'retroactive'])
    : pick(r, ['marginal', 'retroactive', 'hybrid at 100%']);
  const label = chance(r, 0.3) ? ' "Rates"' : '';
  state.scope.rateTables.push(name);
  return { kind: 'RateTable', lines: [`rate table ${name}${label} on ${on} ${mode} {`, ...tiers, '}'] };
}

const products = ['"Widgets"', '"Gadgets"', '"Services"', '"Support"'];
const regions = ['"EMEA"', '"APAC"', '"Americas"'];

/** A lookup table by one or two text columns, or by a number column. */
export function generateLookupTable(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, ['product_rates', 'region_rates', 'level_rates']));
  const shape = r.int(0, 2);
  const rows: string[] = [];
  let by: string;
  let keys: ('Text' | 'Number')[];
  if (shape === 0) {
    by = 'product';
    keys = ['Text'];
    for (const product of products.slice(0, r.int(1, products.length)))
      rows.push(`${product}: ${percentLiteral(r, 0, 20)}`);
  } else if (shape === 1) {
    by = 'product, region';
    keys = ['Text', 'Text'];
    for (const product of products.slice(0, r.int(1, 3))) {
      for (const region of regions.slice(0, r.int(1, 3)))
        rows.push(`${product}, ${region}: ${percentLiteral(r, 0, 20)}`);
    }
    if (chance(r, 0.6)) rows.push(`*, ${pick(r, regions)}: ${percentLiteral(r, 0, 20)}`);
  } else {
    by = 'level';
    keys = ['Number'];
    const levels = r.int(1, 4);
    for (let level = 1; level <= levels; level++) rows.push(`${level}: ${percentLiteral(r, 0, 20)}`);
  }
  if (chance(r, 0.7)) rows.push(`otherwise: ${percentLiteral(r, 0, 10)}`);
  state.scope.lookups.push({ name, keys });
  return {
    kind: 'LookupTable',
    lines: [`lookup table ${name} by ${by} {`, ...rows.map((row) => `  ${row}`), '}'],
  };
}

/** A pay curve on an attainment: ascending points. */
export function generatePayCurve(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, ['bonus_curve', 'payout_curve']));
  const on = pick(r, state.attainments);
  const points = ascending(state, r.int(2, 5), [20, 60]);
  let value = 0;
  const lines = points.map((p) => {
    value += r.int(0, 80);
    return `  ${p}%: ${value}%`;
  });
  state.scope.curves.push(name);
  return { kind: 'PayCurve', lines: [`pay curve ${name} on ${on} {`, ...lines, '}'] };
}
