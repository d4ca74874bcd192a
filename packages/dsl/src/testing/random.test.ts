import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SeededRandom } from './random.js';

describe('SeededRandom', () => {
  test.prop([fc.integer(), fc.integer({ min: -50, max: 50 }), fc.nat(100)])(
    'gives the same integers in range for the same seed',
    (seed, min, width) => {
      const a = new SeededRandom(seed);
      const b = new SeededRandom(seed);
      for (let i = 0; i < 20; i++) {
        const n = a.int(min, min + width);
        expect(n).toBe(b.int(min, min + width));
        expect(n).toBeGreaterThanOrEqual(min);
        expect(n).toBeLessThanOrEqual(min + width);
        expect(Number.isInteger(n)).toBe(true);
      }
    },
  );

  test('reaches both ends of a small range', () => {
    const random = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 200 }, () => random.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
