/**
 * The source of choices for the plan generators: either a seeded pseudo-random generator (for
 * deterministic benchmark plans) or fast-check's `fc.gen()` (for property tests that shrink).
 */
import fc from 'fast-check';

/** Choices a generator makes. */
export interface Random {
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
}

/** True with probability `p`. */
export function chance(random: Random, p: number): boolean {
  return random.int(0, 999) < p * 1000;
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[random.int(0, items.length - 1)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A seeded generator (mulberry32): the same seed always gives the same choices. */
export class SeededRandom implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  int(min: number, max: number): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(unit * (max - min + 1));
  }
}

/** Choices drawn through fast-check, so a failing plan shrinks towards smaller choices. */
export class FastCheckRandom implements Random {
  constructor(private readonly gen: fc.GeneratorValue) {}

  int(min: number, max: number): number {
    return this.gen(fc.integer, { min, max });
  }
}
