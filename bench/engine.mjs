/**
 * `pnpm bench`, part two: how fast the engine calculates the enterprise-ae example over a large
 * generated quarter (default 1,000 payees and 1,000,000 deals; BENCH_PAYEES, BENCH_DEALS,
 * BENCH_SEED, BENCH_RUNS and BENCH_WARMUP_DEALS change it), against a hand-written decimal.js loop
 * and DuckDB SQL computing the same payouts, and `attain run` end to end from the CSV files. It
 * also times the least work (engine-floor.mjs): a program that does only what this plan over this
 * data needs, the floor under any general engine's time.
 *
 * The engine, the hand loop and the least work each run in a child process that builds the same records in memory
 * (so each one's peak memory is its own), warms up on a smaller set, then times BENCH_RUNS runs and
 * reports the median. Payouts of the three must agree to the cent for every payee. Uses the built
 * dist of the packages (`pnpm bench` builds first). Prints figures and ratios; asserts nothing
 * about time.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate, settings, writeCsv } from './engine-data.mjs';
import { floorPayouts } from './engine-floor.mjs';
import { handPayouts } from './engine-hand.mjs';
import { sqlPayouts } from './engine-sql.mjs';
import { importPackage, median, timeRuns } from './measure.mjs';
import { fixed, table } from './table.mjs';

const root = new URL('../', import.meta.url);
const planPath = 'examples/enterprise-ae/plan.attain';
const period = '2026-Q1';
const goals = { dealsPerSecond: 500_000, handRatio: 2, runRatio: 2, memoryMiB: 1024 };
const nodeFlags = ['--expose-gc'];

const mib = (kilobytes) => kilobytes / 1024;
const log = (text) => process.stderr.write(`bench: ${text}\n`);
const logRun = (runs) => (i, ms) => log(`  run ${i + 1}/${runs}: ${fixed(ms / 1000, 2)} s`);

/** The child processes: `--child engine`, `--child hand` or `--child floor`, printing one JSON line. */
async function child(kind, config) {
  const full = generate(config);
  const warmupDeals = Number(
    process.env.BENCH_WARMUP_DEALS ?? Math.min(50_000, Math.ceil(config.deals / 10)),
  );
  const warmup = generate({
    payees: Math.max(1, Math.ceil(config.payees / 10)),
    deals: warmupDeals,
    seed: config.seed + 1,
  });
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  let report;
  if (kind === 'engine') {
    const { compile } = await importPackage('dsl');
    const { calculate } = await importPackage('engine');
    const { plan } = compile(await readFile(new URL(planPath, root), 'utf8'));
    const dataset = (data) => ({ payees: data.payees, records: { deals: data.deals, quota_relief: [] } });
    const options = { periods: [period], mode: 'strict' };
    const { times, result } = timeRuns(
      runs,
      dataset(warmup),
      dataset(full),
      (d) => calculate(plan, d, options),
      logRun(runs),
    );
    if (result.errors.length > 0)
      throw new Error(`data errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const payouts = {};
    let commission = 0n;
    let earned = 0n;
    let lines = 0;
    let traced = 0;
    for (const s of result.statements) {
      payouts[s.payee] = s.payout;
      earned += cents(s.earned);
      for (const e of s.earnings) {
        if (e.id === 'new_business') commission += cents(e.amount);
        lines += e.lines.length;
        traced += e.lines.filter((line) => line.trace !== undefined).length;
      }
    }
    report = { times, payouts, commission: text(commission), earned: text(earned), lines, traced };
  } else {
    const run = kind === 'hand' ? handPayouts : floorPayouts;
    const { times, result } = timeRuns(runs, warmup, full, run, logRun(runs));
    report = { times, payouts: Object.fromEntries(result.payouts), commission: result.commission };
  }
  report.maxRssMiB = mib(process.resourceUsage().maxRSS);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function cents(value) {
  const [whole, fraction = ''] = value.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
}

function text(value) {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** `"1234567.50"` -> `1,234,567.50`, on the text (money never goes through a float here). */
function grouped(amount) {
  return amount.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** Runs a command, capturing stdout (or sending it to a file); resolves to `{ stdout, stderr, ms }`. */
function runProcess(command, args, { stdoutFile } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const out = [];
    const err = [];
    const proc = spawn(command, args, { cwd: fileURLToPath(root), stdio: ['ignore', 'pipe', 'pipe'] });
    let sink;
    if (stdoutFile) {
      const stream = createWriteStream(stdoutFile);
      proc.stdout.pipe(stream);
      sink = new Promise((done) => stream.on('finish', done));
    } else proc.stdout.on('data', (chunk) => out.push(chunk));
    proc.stderr.on('data', (chunk) => {
      err.push(chunk);
      if (command === process.execPath) process.stderr.write(chunk);
    });
    proc.on('error', reject);
    proc.on('close', async (code) => {
      await sink;
      const ms = performance.now() - start;
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}`));
      else resolve({ stdout: Buffer.concat(out).toString(), stderr, ms });
    });
  });
}

async function runChild(kind) {
  const names = { engine: 'calculate (engine)', hand: 'hand-written decimal.js loop', floor: 'least work' };
  log(`${names[kind]}: warm-up, then timed runs`);
  const { stdout } = await runProcess(process.execPath, [
    ...nodeFlags,
    fileURLToPath(import.meta.url),
    '--child',
    kind,
  ]);
  return JSON.parse(stdout);
}

/** `attain run` from the CSV files, timed end to end (process start to exit) with its peak memory. */
async function runCli(dataDir) {
  const output = fileURLToPath(new URL('run.csv', dataDir));
  const args = [...nodeFlags, 'packages/cli/dist/bin.js', 'run', planPath, '--data', fileURLToPath(dataDir)];
  args.push('--period', period, '--format', 'csv', '--strict');
  log('attain run end to end (CSV files in, CSV rows of earning lines, adjustments and payouts out)');
  const timed = existsSync('/usr/bin/time');
  const { stderr, ms } = timed
    ? await runProcess('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, ...args], {
        stdoutFile: output,
      })
    : await runProcess(process.execPath, args, { stdoutFile: output });
  const peak = /peak-rss-kb (\d+)/.exec(stderr);
  // Columns: payee, period, kind, name, line, record, amount, currency, estimate (no cell of this
  // data needs quoting). Earning lines add up to the earnings; payout rows are the payouts.
  let rows = 0;
  let total = 0n;
  const payouts = new Map();
  for (const line of (await readFile(output, 'utf8')).split('\n').slice(1)) {
    if (line === '') continue;
    const cells = line.split(',');
    if (cells[2] === 'earning') {
      rows++;
      total += cents(cells[6]);
    } else if (cells[2] === 'payout') payouts.set(cells[0], cells[6]);
  }
  return { ms, maxRssMiB: peak ? mib(Number(peak[1])) : undefined, rows, earned: text(total), payouts };
}

async function main() {
  const config = settings();
  const dealsText = fixed(config.deals, 0);
  console.log(
    `Attain engine benchmark: the enterprise-ae plan over ${fixed(config.payees, 0)} payees and ${dealsText} deals, ${period}`,
  );
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, one core per process (seed ${config.seed})\n`,
  );

  const dataDir = new URL(`bench/.data/p${config.payees}-d${config.deals}-s${config.seed}/`, root);
  {
    const data = generate(config);
    log(
      (await writeCsv(dataDir, data))
        ? `wrote ${fileURLToPath(dataDir)}`
        : `reusing ${fileURLToPath(dataDir)}`,
    );
  }
  const engine = await runChild('engine');
  const hand = await runChild('hand');
  const floor = await runChild('floor');
  log('DuckDB: load the CSV files, then the payouts in SQL');
  const sql = await sqlPayouts(dataDir);
  const cli = await runCli(dataDir);

  const payees = Object.keys(hand.payouts).sort();
  const mismatches = payees.filter(
    (id) =>
      engine.payouts[id] !== hand.payouts[id] ||
      floor.payouts[id] !== hand.payouts[id] ||
      sql.payouts.get(id) !== hand.payouts[id] ||
      cli.payouts.get(id) !== hand.payouts[id],
  );
  const agree =
    mismatches.length === 0 &&
    Object.keys(engine.payouts).length === payees.length &&
    Object.keys(floor.payouts).length === payees.length &&
    sql.payouts.size === payees.length &&
    cli.payouts.size === payees.length &&
    engine.commission === hand.commission &&
    floor.commission === hand.commission &&
    sql.commission === hand.commission &&
    cli.earned === engine.earned;
  const totalPayout = text(payees.reduce((sum, id) => sum + cents(hand.payouts[id]), 0n));
  console.log(
    `${agree ? 'PASS' : 'FAIL'}: engine, hand-written loop, least work, DuckDB and attain run's payout rows agree to the cent on ${fixed(payees.length, 0)} payouts ` +
      `(total ${grouped(totalPayout)} USD, commission ${grouped(hand.commission)} USD); ` +
      `attain run's ${fixed(cli.rows, 0)} earning lines add up to the engine's earnings`,
  );
  for (const id of mismatches.slice(0, 5)) {
    console.log(
      `  ${id}: engine ${engine.payouts[id]}, hand ${hand.payouts[id]}, least work ${floor.payouts[id]}, SQL ${sql.payouts.get(id)}, attain run ${cli.payouts.get(id)}`,
    );
  }
  if (!agree && mismatches.length === 0) {
    console.log(
      `  commission: engine ${engine.commission}, hand ${hand.commission}, least work ${floor.commission}, SQL ${sql.commission}; ` +
        `earned: engine ${engine.earned}, attain run ${cli.earned}`,
    );
  }
  console.log(
    `Engine output: ${fixed(engine.lines, 0)} earning lines, ${fixed(engine.traced, 0)} with a trace\n`,
  );

  const engineMs = median(engine.times);
  const handMs = median(hand.times);
  const floorMs = median(floor.times);
  const rate = (ms) => fixed((config.deals / ms) * 1000, 0);
  const memory = (value) => (value === undefined ? 'n/a' : `${fixed(value, 0)} MiB`);
  console.log(
    table(
      ['what', 'time', 'deals/s', 'peak RSS'],
      [
        [
          `calculate (median of ${engine.times.length})`,
          `${fixed(engineMs, 0)} ms`,
          rate(engineMs),
          memory(engine.maxRssMiB),
        ],
        [
          `hand-written loop (median of ${hand.times.length})`,
          `${fixed(handMs, 0)} ms`,
          rate(handMs),
          memory(hand.maxRssMiB),
        ],
        [
          `least work, one plan only (median of ${floor.times.length})`,
          `${fixed(floorMs, 0)} ms`,
          rate(floorMs),
          memory(floor.maxRssMiB),
        ],
        ['DuckDB: load CSV', `${fixed(sql.loadMs, 0)} ms`, rate(sql.loadMs), ''],
        ['DuckDB: payouts in SQL (1 thread)', `${fixed(sql.queryMs, 0)} ms`, rate(sql.queryMs), ''],
        ['attain run, end to end', `${fixed(cli.ms, 0)} ms`, rate(cli.ms), memory(cli.maxRssMiB)],
      ],
    ),
  );
  const engineRatio = engineMs / handMs;
  const runRatio = cli.ms / engineMs;
  console.log(
    `\nRatios: calculate / hand loop = ${fixed(engineRatio, 2)}, attain run / calculate = ${fixed(runRatio, 2)}, calculate / DuckDB SQL = ${fixed(engineMs / sql.queryMs, 2)}, calculate / least work = ${fixed(engineMs / floorMs, 2)}`,
  );
  const verdict = (met) => (met ? 'met' : 'MISSED');
  const peak = Math.max(engine.maxRssMiB, cli.maxRssMiB ?? 0);
  console.log('Goals:');
  console.log(
    `  calculate >= ${fixed(goals.dealsPerSecond, 0)} deals/s on one core: ${verdict((config.deals / engineMs) * 1000 >= goals.dealsPerSecond)} (${rate(engineMs)}; the least work for this plan alone: ${rate(floorMs)})`,
  );
  console.log(
    `  calculate <= ${goals.handRatio}x the hand-written loop: ${verdict(engineRatio <= goals.handRatio)} (${fixed(engineRatio, 2)}x)`,
  );
  console.log(
    `  attain run <= ${goals.runRatio}x calculate: ${verdict(runRatio <= goals.runRatio)} (${fixed(runRatio, 2)}x)`,
  );
  console.log(
    `  peak memory < 1 GiB: ${verdict(peak < goals.memoryMiB)} (${fixed(peak, 0)} MiB, the larger of calculate and attain run)`,
  );
  if (!agree) process.exitCode = 1;
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1], settings());
else await main();
