/**
 * Timing helpers: run a function until warm, then time repeated runs and take the median, which
 * is steadier than the mean when the garbage collector or the OS interrupts one run.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);

/** Median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times `run` and returns `{ median, runs }` in milliseconds. Warms up for at least `warmupMs`
 * (and 3 runs), then measures at least `minRuns` runs and keeps going until `minMs` have passed,
 * stopping at `maxRuns`.
 */
export function time(run, { warmupMs = 300, minRuns = 15, minMs = 1000, maxRuns = 500 } = {}) {
  globalThis.gc?.();
  const warmupEnd = performance.now() + warmupMs;
  for (let i = 0; i < 3 || performance.now() < warmupEnd; i++) run();

  const samples = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < minMs)) {
    const before = performance.now();
    run();
    samples.push(performance.now() - before);
  }
  return { median: median(samples), runs: samples.length };
}

/**
 * Imports an entry (`.` or a subpath such as `./testing`) of a workspace package (`dsl`, `engine`)
 * through its package.json `exports` (the built `import` target).
 */
export async function importPackage(dir, subpath = '.') {
  const base = new URL(`packages/${dir}/`, root);
  const manifest = JSON.parse(await readFile(new URL('package.json', base), 'utf8'));
  const entry = manifest.exports?.[subpath];
  const target = typeof entry === 'string' ? entry : (entry?.import ?? entry?.default);
  if (target === undefined) throw new Error(`${manifest.name} has no ${subpath} export`);
  const name = `${manifest.name}${subpath.slice(1)}`;
  try {
    return await import(new URL(target, base).href);
  } catch (error) {
    throw new Error(`cannot load ${name} from ${target}; run pnpm build first`, { cause: error });
  }
}

/**
 * Times `run(full)` `runs` times, each after a full collection (with --expose-gc), after one
 * warm-up call on `warmup`; `onRun(i, ms)` hears of each run. Returns `{ times, result }`, the
 * result of the last run.
 */
export function timeRuns(runs, warmup, full, run, onRun = () => {}) {
  run(warmup);
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    result = undefined;
    globalThis.gc?.();
    const start = performance.now();
    result = run(full);
    times.push(performance.now() - start);
    onRun(i, times[i]);
  }
  return { times, result };
}
