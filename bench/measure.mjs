/**
 * Timing helpers: run a function until warm, then time repeated runs and take the median, which
 * is steadier than the mean when the garbage collector or the OS interrupts one run.
 */
import { performance } from 'node:perf_hooks';

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
