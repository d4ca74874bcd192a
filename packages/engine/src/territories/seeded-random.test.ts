import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('gives the mulberry32 sequence of its seed', () => {
    // The same numbers as examples/generate/kit.mjs's random(42) and random(0).
    const random = new SeededRandom(42);
    expect([random.next(), random.next(), random.next()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
    expect(new SeededRandom(0).next()).toBe(0.26642920868471265);
  });

  it('picks whole numbers below n, the same ones for the same seed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const a = new SeededRandom(seed);
        const b = new SeededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const pick = a.below(n);
          expect(Number.isInteger(pick) && pick >= 0 && pick < n).toBe(true);
          expect(b.below(n)).toBe(pick);
        }
      }),
    );
  });

  it('rejects a seed that is not a whole number from 0 to 2^32 - 1', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN])
      expect(() => new SeededRandom(seed)).toThrow(RangeError);
    // Quoted as data errors quote values: the text "7" is not the number 7.
    expect(() => new SeededRandom('7' as unknown as number)).toThrow(
      new RangeError('seed must be a whole number from 0 to 4294967295, not "7"'),
    );
  });
});
