/**
 * How fast quota planning runs: `allocateQuotas` over a generated 5-level hierarchy (company,
 * regions, areas, teams, reps) of 10,000 nodes weighted by history with over-assignment, then
 * `spreadQuota` by month for every rep and `capacityGap` for the whole allocation. BENCH_QUOTA_NODES
 * and BENCH_SEED change the size and the seed. Uses the built dist of @attain/engine (run
 * `pnpm build` first). Prints medians of repeated runs after warm-up; asserts nothing about time.
 */
import { money, random } from '../examples/generate/kit.mjs';
import { importPackage, time } from './measure.mjs';
import { fixed, table } from './table.mjs';

const nodeCount = Number((process.env.BENCH_QUOTA_NODES ?? '10000').replaceAll('_', ''));
const seed = Number(process.env.BENCH_SEED ?? '1');
if (!Number.isInteger(nodeCount) || nodeCount < 400)
  throw new Error('BENCH_QUOTA_NODES must be an integer >= 400');

/**
 * A hierarchy of `count` nodes: 1 company, 6 regions, 36 areas, about 3% of the nodes as teams
 * (at least one per area), and the rest reps spread over the teams at random; every rep has a
 * history and a capacity, and every 50th team lead carries a quota of their own.
 */
function generate(count) {
  const rng = random(seed);
  const hierarchy = [{ id: 'co', role: 'company' }];
  const values = [];
  const capacity = [];
  const regions = Array.from({ length: 6 }, (_, i) => `region-${i}`);
  const areas = Array.from({ length: 36 }, (_, i) => `area-${i}`);
  // Below 1,200 nodes 3% is fewer teams than areas: an area without a team would be a leaf, a quota
  // carrier with no history. 400 nodes (the least accepted) leave 321 reps for the 36 teams.
  const teams = Array.from(
    { length: Math.max(areas.length, Math.round(count * 0.03)) },
    (_, i) => `team-${i}`,
  );
  for (const id of regions) hierarchy.push({ id, parent: 'co', role: 'region' });
  for (const [i, id] of areas.entries())
    hierarchy.push({ id, parent: regions[i % regions.length], role: 'area' });
  for (const [i, id] of teams.entries()) {
    const ownQuota = i % 50 === 0;
    hierarchy.push({ id, parent: rng.pick(areas), role: 'team', ownQuota });
    if (ownQuota) values.push({ id, value: money(rng.int(10_000, 40_000) * 1_000) });
    // Every area gets a team and every team a rep, so that the levels stay five deep.
    if (i < areas.length) hierarchy.at(-1).parent = areas[i];
  }
  const reps = count - hierarchy.length;
  for (let i = 0; i < reps; i++) {
    const id = `rep-${String(i).padStart(5, '0')}`;
    hierarchy.push({ id, parent: i < teams.length ? teams[i] : rng.pick(teams), role: 'rep' });
    values.push({ id, value: money(rng.int(20_000, 200_000) * 1_000 + rng.int(0, 99)) });
    capacity.push({
      id,
      productivity: money(rng.int(50_000, 150_000) * 1_000),
      ramp: `${rng.int(25, 100)}%`,
    });
  }
  return { hierarchy, values, capacity, reps };
}

const engine = await importPackage('engine');
const data = generate(nodeCount);
const input = {
  target: '987654321.99',
  hierarchy: data.hierarchy,
  weights: 'history',
  values: data.values,
  overAssignment: { area: '3%', team: '5%', rep: '10%' },
};
const check = engine.allocateQuotas(input);
const errors = check.problems.filter((p) => p.severity === 'error');
if (errors.length > 0)
  throw new Error(`the generated hierarchy has errors: ${JSON.stringify(errors.slice(0, 3))}`);
const levels = new Set(check.nodes.map((n) => n.level)).size;
const repQuotas = check.nodes.filter((n) => n.role === 'rep').map((n) => n.quota);
const seasonality = ['7%', '7%', '9%', '8%', '8%', '9%', '8%', '8%', '9%', '8%', '8%', '11%'];
const spreadAll = () => {
  for (const annual of repQuotas) engine.spreadQuota(annual, { fiscalYear: 2026, seasonality });
};

console.log('Attain benchmark: quota planning; medians of repeated runs after warm-up');
console.log(`Node ${process.version}, ${process.platform}/${process.arch}; seed ${seed}`);
console.log(`${fixed(data.hierarchy.length, 0)} nodes in ${levels} levels, ${fixed(data.reps, 0)} reps\n`);

const rows = [];
const measure = (name, count, run) => {
  const { median, runs } = time(run, { minRuns: 7, minMs: 1500, maxRuns: 50 });
  rows.push([
    name,
    fixed(count, 0),
    `${fixed(median, 1)} ms`,
    fixed((count / median) * 1000, 0),
    fixed(runs, 0),
  ]);
};
measure('allocateQuotas (history, over-assigned)', data.hierarchy.length, () => engine.allocateQuotas(input));
measure('allocateQuotas (equal)', data.hierarchy.length, () =>
  engine.allocateQuotas({ ...input, weights: 'equal', values: undefined }),
);
measure('spreadQuota by month, every rep', repQuotas.length, spreadAll);
measure('capacityGap', data.hierarchy.length, () => engine.capacityGap(check, data.capacity));
console.log(table(['step', 'payees', 'median', 'payees/s', 'runs'], rows));
