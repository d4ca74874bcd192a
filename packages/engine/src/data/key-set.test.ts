import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.js';

describe('KeySet', () => {
  it('says whether a key is new (hand-checked)', () => {
    const set = new KeySet(4);
    expect(set.add('D1')).toBe(true);
    expect(set.add('D2')).toBe(true);
    expect(set.add('D1')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
    expect(set.size).toBe(3);
  });

  it('agrees with a Set on any sequence of keys, colliding ones included', () => {
    // Short keys over a tiny alphabet collide in the table (and sometimes in the hash).
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('a', 'b', 'ab', 'ba', 'é', '\u0000'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), (keys) => {
        const set = new KeySet(keys.length);
        const expected = new Set<string>();
        for (const k of keys) {
          const fresh = !expected.has(k);
          expected.add(k);
          expect(set.add(k)).toBe(fresh);
        }
        expect(set.size).toBe(expected.size);
      }),
    );
  });

  it('holds as many keys as it was made for', () => {
    const set = new KeySet(100_000);
    for (let i = 0; i < 100_000; i++) expect(set.add(`D${i}`)).toBe(true);
    for (let i = 0; i < 100_000; i += 997) expect(set.add(`D${i}`)).toBe(false);
    expect(set.size).toBe(100_000);
  });
});
