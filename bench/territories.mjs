/**
 * How fast territory planning runs: assigning 100,000 generated accounts to a design of 500
 * territories (5 regions x 10 industries x 10 size bands, each a rule with its own priority, plus
 * named accounts), then the balance of the design and a rebalancing proposal under each fairness
 * measure. BENCH_ACCOUNTS, BENCH_TERRITORY_RUNS, BENCH_MOVES and BENCH_SEED change it. Uses the
 * built dist of the packages (run `pnpm build` first). Each figure is the median of several runs
 * after a warm-up run; prints figures, asserts nothing about time.
 */
import { performance } from 'node:perf_hooks';
import { random } from '../examples/generate/kit.mjs';
import { importPackage, median } from './measure.mjs';
import { fixed, table } from './table.mjs';

const accountCount = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const runs = Number(process.env.BENCH_TERRITORY_RUNS ?? 5);
const maxMoves = Number(process.env.BENCH_MOVES ?? 200);
const seed = Number(process.env.BENCH_SEED ?? 1);

const regions = ['AMER', 'EMEA', 'APAC', 'LATAM', 'MEA'];
const industries = [
  'Technology',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Public Sector',
  'Energy',
  'Media',
  'Education',
  'Transport',
];
/** Lower bounds of the 10 size bands (employees); the last band is open-ended. */
const bands = [0, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000];
const namedPerTerritory = 10;
const namedTerritories = 20;

const accountId = (i) => `A${String(i).padStart(6, '0')}`;

/** The plan text: 500 territories, the first 20 also naming 10 accounts each. */
function planText() {
  const territories = [];
  let priority = 0;
  for (const region of regions) {
    for (const industry of industries) {
      for (const [b, low] of bands.entries()) {
        const high = bands[b + 1];
        const size = high === undefined ? `employees >= ${low}` : `employees in ${low} to ${high - 1}`;
        const n = priority++;
        const named =
          n < namedTerritories
            ? `\n      named ${Array.from({ length: namedPerTerritory }, (_, k) => `"${accountId(n * 997 + k * 31)}"`).join(', ')}`
            : '';
        territories.push(`    territory t${n} {
      where region = "${region}" and industry = "${industry}" and ${size}${named}
      priority ${n + 1}
      assign "rep-${n}" as primary
    }`);
      }
    }
  }
  return `plan "Bench territories" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source accounts {
    id: Text key
    name: Text
    region: Text
    industry: Text
    employees: Integer
    revenue_potential: Money
  }

  territories on accounts by priority {
${territories.join('\n')}
  }
}
`;
}

/** 100,000 accounts (CSV-like text values), in a seeded random order of ids. */
function accountRecords() {
  const next = random(seed).next;
  const pick = (list) => list[Math.floor(next() * list.length)];
  const records = [];
  for (let i = 0; i < accountCount; i++) {
    const employees = Math.floor(10 ** (1 + next() * 4.5));
    const cents = Math.floor(next() * 100_000_000) + Math.floor(employees * 100 * next() * 50);
    records.push({
      row: i + 1,
      values: {
        id: accountId(i),
        name: `Account ${i}`,
        region: pick(regions),
        industry: pick(industries),
        employees: String(employees),
        revenue_potential: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      },
    });
  }
  return records;
}

/** Runs `fn` once to warm up, then `runs` times; the median in ms and the last result. */
function measure(fn) {
  fn();
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const { compile } = await importPackage('dsl');
const engine = await importPackage('engine');
const text = planText();
const compiled = compile(text);
if (!compiled.plan) throw new Error('the generated territory plan does not compile');
const plan = compiled.plan;
const records = accountRecords();
process.stderr.write(
  `bench: ${fixed(accountCount, 0)} accounts, ${plan.territories.territories.length} territories, ${runs} runs each\n`,
);

const assign = measure(() => engine.assignAccounts(plan, records));
const assignment = assign.result;
const balanceOptions = { potential: 'revenue_potential' };
const balance = measure(() => engine.territoryBalance(assignment, balanceOptions));
const rows = [
  [
    'assign accounts',
    `${fixed(assign.ms, 0)} ms`,
    `${fixed(accountCount / (assign.ms / 1000), 0)} accounts/s`,
    `${fixed(assignment.accounts.length, 0)} placed, ${fixed(assignment.unassigned.length, 0)} unassigned`,
  ],
  [
    'balance (potential)',
    `${fixed(balance.ms, 0)} ms`,
    `${fixed(accountCount / (balance.ms / 1000), 0)} accounts/s`,
    `CV ${Number(balance.result.fairness.cv.value).toFixed(4)}`,
  ],
];
for (const measureName of ['cv', 'max-min-ratio', 'gini']) {
  for (const keepGeography of [undefined, 'region']) {
    const options = { ...balanceOptions, measure: measureName, seed, maxMoves, keepGeography };
    const proposal = measure(() => engine.rebalance(assignment, options));
    const pick = (b) =>
      measureName === 'cv'
        ? b.fairness.cv
        : measureName === 'gini'
          ? b.fairness.gini
          : b.fairness.maxMinRatio;
    const moves = proposal.result.moves.length;
    rows.push([
      `rebalance ${measureName}${keepGeography ? ' by region' : ''}`,
      `${fixed(proposal.ms, 0)} ms`,
      `${fixed(moves / (proposal.ms / 1000), 0)} moves/s`,
      `${moves} moves: ${Number(pick(proposal.result.before).value).toFixed(4)} -> ${Number(pick(proposal.result.after).value).toFixed(4)}`,
    ]);
  }
}
console.log(
  `Territory planning: ${fixed(accountCount, 0)} accounts, 500 territories (median of ${runs} runs)\n`,
);
console.log(table(['step', 'median', 'rate', 'result'], rows));
