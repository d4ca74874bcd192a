/**
 * Performance tracking at scale: the metrics and signals of examples/sales-team/plan.attain over
 * a generated sales organisation (default 1,000,000 opportunities with 5 stage-history rows each,
 * 5,000,000 in all; BENCH_OPPS, BENCH_REPS, BENCH_ACTIVITIES, BENCH_SEED, BENCH_RUNS and
 * BENCH_WARMUP_OPPS change it), for 2026-Q1 and 2026-Q2 as of 15 May 2026.
 *
 * Where the time goes: `calculate` is timed on three versions of the plan over the same data,
 * the plan without its metrics and signals (reading and validating the rows, crediting, the
 * commission), with its metrics, and whole (metrics and signals), then `rollUp` of the whole
 * plan's results up the hierarchy. Each runs in one child process (BENCH_HEAP_MIB of heap,
 * default 12,288) that builds the records in memory from the seed, warms up on a smaller set, then
 * times BENCH_RUNS runs (default 3) and reports the median; the peak RSS is the child's. Uses the
 * built dist of the packages (run `pnpm build` first). Prints figures; asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { money, random } from '../examples/generate/kit.mjs';
import { importPackage, median, timeRuns } from './measure.mjs';
import { fixed, table } from './table.mjs';

const root = new URL('../', import.meta.url);
const planPath = 'examples/sales-team/plan.attain';
const periods = ['2026-Q1', '2026-Q2'];
const asOf = '2026-05-15';
const historyPerOpportunity = 5;

const log = (text) => process.stderr.write(`bench: ${text}\n`);
const logRun = (label, runs) => (i, ms) => log(`  ${label} run ${i + 1}/${runs}: ${fixed(ms / 1000, 2)} s`);
const mib = (kilobytes) => kilobytes / 1024;

/** Settings from the environment. */
function settings(env = process.env) {
  const number = (name, fallback) => {
    const value = env[name] === undefined ? fallback : Number(env[name].replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
    return value;
  };
  const opportunities = number('BENCH_OPPS', 1_000_000);
  return {
    opportunities,
    reps: Math.max(1, number('BENCH_REPS', Math.ceil(opportunities / 200))),
    activities: number('BENCH_ACTIVITIES', Math.ceil(opportunities / 2)),
    seed: number('BENCH_SEED', 1),
    runs: Math.max(1, number('BENCH_RUNS', 3)),
    warmup: number('BENCH_WARMUP_OPPS', Math.min(50_000, Math.ceil(opportunities / 10))),
    heapMiB: number('BENCH_HEAP_MIB', 12_288),
  };
}

/** Days from 2025-07-01 to 2026-06-30 as `YYYY-MM-DD`. */
const days = [];
for (let d = Date.parse('2025-07-01T00:00:00Z'); d <= Date.parse('2026-06-30T00:00:00Z'); d += 86_400_000)
  days.push(new Date(d).toISOString().slice(0, 10));
const firstOf2026 = days.indexOf('2026-01-01');
const snapshot = days.indexOf(asOf);

/**
 * The organisation and its CRM, in the engine's `Dataset` shape (every value a string, as read
 * from CSV): reps in teams of eight under managers, managers in regions of eight under region
 * heads, one VP; opportunities closing (or expected to close) in the first half of 2026, each
 * with five stage changes; calls, emails and meetings; two forecast calls per rep and quarter.
 */
function generate({ opportunities, reps, activities, seed }) {
  const rng = random(seed);
  const payees = [{ id: 'vp', name: 'VP', attributes: { annual_quota: '0' } }];
  const managers = Math.max(1, Math.ceil(reps / 8));
  const regions = Math.max(1, Math.ceil(managers / 8));
  for (let r = 0; r < regions; r++)
    payees.push({ id: `rgn-${r}`, name: `Region ${r}`, manager: 'vp', attributes: { annual_quota: '0' } });
  for (let m = 0; m < managers; m++) {
    const manager = `mgr-${m}`;
    payees.push({
      id: manager,
      name: `Manager ${m}`,
      manager: `rgn-${m % regions}`,
      attributes: { annual_quota: '0' },
    });
  }
  const repIds = [];
  for (let n = 0; n < reps; n++) {
    const id = `rep-${n}`;
    repIds.push(id);
    payees.push({
      id,
      name: `Rep ${n}`,
      manager: `mgr-${n % managers}`,
      attributes: { annual_quota: String(rng.int(8, 16) * 100_000) },
    });
  }
  const records = { opportunities: [], stage_history: [], activities: [], forecasts: [] };
  let history = 0;
  for (let i = 0; i < opportunities; i++) {
    const owner = repIds[rng.int(0, reps - 1)];
    const id = `OP-${i}`;
    const close = rng.int(firstOf2026, days.length - 1);
    const created = Math.max(0, close - rng.int(20, 180));
    const won = rng.chance(0.35);
    const closed = close <= snapshot && (won || rng.chance(0.6));
    const stage = closed
      ? won
        ? 'Closed Won'
        : 'Closed Lost'
      : rng.pick(['Qualification', 'Proposal', 'Negotiation']);
    // Five stage changes from creation: the funnel, with one step back for deals still open.
    const path = closed
      ? ['Discovery', 'Qualification', 'Proposal', 'Negotiation', stage]
      : ['Discovery', 'Qualification', 'Proposal', 'Qualification', stage];
    const last = closed ? close : Math.min(close, snapshot);
    const span = Math.max(0, last - created);
    let previous = '';
    let entered = created;
    path.forEach((step, k) => {
      entered = created + Math.floor((span * k) / (historyPerOpportunity - 1));
      records.stage_history.push({
        row: ++history,
        values: {
          id: `SH-${history}`,
          opportunity: id,
          owner,
          from_stage: previous,
          stage: step,
          entered_on: days[entered],
        },
      });
      previous = step;
    });
    records.opportunities.push({
      row: i + 1,
      values: {
        id,
        owner,
        account: `Account ${rng.int(1, 5000)}`,
        amount: money(rng.chance(0.1) ? rng.int(100, 200) * 100_000 : rng.int(10, 60) * 100_000),
        created_on: days[created],
        close_date: days[close],
        stage,
        is_closed: closed ? 'true' : 'false',
        stage_entered_on: days[entered],
        close_date_pushes: String(rng.pick([0, 0, 0, 1, 1, 2, 3])),
        days_to_close: closed ? String(close - created) : '',
      },
    });
  }
  for (let i = 0; i < activities; i++) {
    records.activities.push({
      row: i + 1,
      values: {
        id: `AC-${i}`,
        owner: repIds[rng.int(0, reps - 1)],
        kind: rng.chance(0.15) ? 'Meeting' : rng.chance(0.6) ? 'Call' : 'Email',
        logged_on: days[rng.int(firstOf2026, snapshot)],
      },
    });
  }
  let forecast = 0;
  for (const [submitted, share] of [
    ['2026-02-11', 0.22],
    ['2026-05-13', 0.24],
  ]) {
    for (const rep of payees.slice(1 + regions + managers)) {
      const quota = Number(rep.attributes.annual_quota) * share;
      for (const [category, factor] of [
        ['Commit', 0.8],
        ['Best Case', 1.1],
      ]) {
        forecast++;
        records.forecasts.push({
          row: forecast,
          values: {
            id: `FC-${forecast}`,
            owner: rep.id,
            submitted_on: submitted,
            category,
            amount: money(Math.round(quota * factor) * 100),
          },
        });
      }
    }
  }
  return { payees, records };
}

/** The number of input rows of a dataset. */
const rowsOf = (data) => Object.values(data.records).reduce((n, list) => n + list.length, data.payees.length);

/** The plan in three versions: without metrics and signals, with metrics only, whole. */
function planVersions(text) {
  const tracking = text.indexOf('  # ---- Performance tracking');
  const signals = text.indexOf('  signal ');
  if (tracking < 0 || signals < 0) throw new Error(`${planPath} no longer has the sections this bench cuts`);
  return {
    'no metrics or signals': `${text.slice(0, tracking)}}\n`,
    metrics: `${text.slice(0, signals)}}\n`,
    'metrics and signals': text,
  };
}

/** The child process: builds the data, times every step, prints one JSON line. */
async function child(config) {
  const { compile } = await importPackage('dsl');
  const { calculate, rollUp } = await importPackage('engine');
  const startedAt = performance.now();
  const full = generate(config);
  const generateMs = performance.now() - startedAt;
  log(`generated ${fixed(rowsOf(full), 0)} rows in ${fixed(generateMs / 1000, 1)} s`);
  const scale = config.warmup / config.opportunities;
  const warm = generate({
    opportunities: config.warmup,
    reps: Math.max(1, Math.ceil(config.reps * scale)),
    activities: Math.ceil(config.activities * scale),
    seed: config.seed + 1,
  });
  const options = { periods, mode: 'strict', asOf };
  const steps = [];
  let results;
  let plan;
  for (const [name, text] of Object.entries(planVersions(await readFile(new URL(planPath, root), 'utf8')))) {
    plan = compile(text).plan;
    if (!plan) throw new Error(`the "${name}" version of the plan does not compile`);
    const current = plan;
    const timed = timeRuns(
      config.runs,
      warm,
      full,
      (d) => calculate(current, d, options),
      logRun(`calculate, ${name}:`, config.runs),
    );
    if (timed.result.errors.length > 0)
      throw new Error(`data errors: ${JSON.stringify(timed.result.errors.slice(0, 3))}`);
    steps.push({ name: `calculate, ${name}`, times: timed.times });
    results = timed.result;
  }
  const warmResults = calculate(plan, warm, options);
  const rolled = timeRuns(
    config.runs,
    { data: warm, results: warmResults },
    { data: full, results },
    (x) => rollUp(plan, x.data, x.results),
    logRun('rollUp:', config.runs),
  );
  steps.push({ name: 'rollUp of the whole plan', times: rolled.times });
  let signals = 0;
  let flagged = 0;
  for (const s of results.statements) {
    signals += s.signals.length;
    for (const raised of s.signals) flagged += raised.records?.length ?? 0;
  }
  const report = {
    rows: rowsOf(full),
    history: full.records.stage_history.length,
    payees: full.payees.length,
    generateMs,
    steps,
    statements: results.statements.length,
    metrics: results.statements.reduce((n, s) => n + s.metrics.length, 0),
    signals,
    flagged,
    teams: rolled.result.teams.length,
    maxRssMiB: mib(process.resourceUsage().maxRSS),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Runs the child and resolves to its report. */
function runChild(config) {
  return new Promise((resolve, reject) => {
    const args = [
      `--max-old-space-size=${config.heapMiB}`,
      '--expose-gc',
      fileURLToPath(import.meta.url),
      '--child',
    ];
    const proc = spawn(process.execPath, args, {
      cwd: fileURLToPath(root),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out = [];
    proc.stdout.on('data', (chunk) => out.push(chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`the benchmark process exited ${code}`));
      else resolve(JSON.parse(Buffer.concat(out).toString()));
    });
  });
}

async function main() {
  const config = settings();
  console.log(
    `Attain metrics benchmark: the sales-team plan's KPIs and signals over ${fixed(config.opportunities, 0)} opportunities, ` +
      `${fixed(config.opportunities * historyPerOpportunity, 0)} stage-history rows, ${fixed(config.activities, 0)} activities ` +
      `and ${fixed(config.reps, 0)} reps; ${periods.join(' and ')} as of ${asOf}`,
  );
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, one process (seed ${config.seed})\n`,
  );
  const report = await runChild(config);
  const rate = (ms, count) => fixed((count / ms) * 1000, 0);
  const rows = report.steps.map((step) => {
    const ms = median(step.times);
    return [
      `${step.name} (median of ${step.times.length})`,
      `${fixed(ms / 1000, 2)} s`,
      rate(ms, report.rows),
      rate(ms, config.opportunities),
    ];
  });
  console.log(table(['what', 'time', 'rows/s', 'opportunities/s'], rows));
  const ms = (i) => median(report.steps[i].times);
  console.log(
    `\nWhere the time goes (medians): validating, hashing and crediting the rows and paying the ` +
      `commission ${fixed(ms(0) / 1000, 2)} s; metrics +${fixed((ms(1) - ms(0)) / 1000, 2)} s (indexing ` +
      `the stage history, activities and forecasts by period and owner, then the aggregates); ` +
      `signals +${fixed((ms(2) - ms(1)) / 1000, 2)} s; roll-up ${fixed(ms(3) / 1000, 2)} s (it validates ` +
      'and indexes the rows again)',
  );
  console.log(
    `Output: ${fixed(report.statements, 0)} statements with ${fixed(report.metrics, 0)} metric values, ` +
      `${fixed(report.signals, 0)} signals raised on ${fixed(report.flagged, 0)} records, ${fixed(report.teams, 0)} team roll-ups`,
  );
  console.log(
    `Input: ${fixed(report.rows, 0)} rows (${fixed(report.payees, 0)} payees), generated in ${fixed(report.generateMs / 1000, 1)} s; ` +
      `peak RSS of the process ${fixed(report.maxRssMiB, 0)} MiB`,
  );
}

if (process.argv.includes('--child')) await child(settings());
else await main();
