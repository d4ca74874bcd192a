/**
 * A tiny seeded pseudo-random generator (mulberry32) for breaking ties in the territory
 * balancing routine: the same seed always gives the same choices, on every machine. Never
 * `Math.random`, so that a proposal can be reproduced from its seed.
 */

import { quoteAny } from '../text/quoted.js';

/** Picks among equally good choices, reproducibly. */
export class SeededRandom {
  private state: number;

  /** `seed` is a whole number from 0 to 2^32 - 1. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      throw new RangeError(`seed must be a whole number from 0 to 4294967295, not ${quoteAny(seed)}`);
    this.state = seed >>> 0;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from 0 to `n - 1` (`n` at least 1). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
