import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyList, keyHash } from './key-list.js';

function repeatedOf(keys: readonly string[], capacity = keys.length): string[] {
  const list = new KeyList(capacity);
  for (const k of keys) list.add(k);
  return list.repeated();
}

describe('KeyList', () => {
  it('finds the keys used more than once, in the order first added (hand-checked)', () => {
    // D2 is used three times, '' twice, D1 and D3 once.
    expect(repeatedOf(['D1', 'D2', '', 'D2', 'D3', '', 'D2'])).toEqual(['D2', '']);
    expect(repeatedOf(['D1', 'D2', 'D3'])).toEqual([]);
    expect(repeatedOf([])).toEqual([]);
  });

  it('grows past its capacity', () => {
    // Room for 16, given 40: keys 0-19 twice each.
    const keys = Array.from({ length: 40 }, (_, i) => `K${i % 20}`);
    expect(repeatedOf(keys, 1)).toEqual(Array.from({ length: 20 }, (_, i) => `K${i}`));
  });

  it('agrees with a Map on any sequence of keys, colliding ones included', () => {
    // Short keys over a tiny alphabet share hashes' low bits, and sometimes whole hashes.
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('a', 'b', 'ab', 'ba', 'é', '\u0000'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), (keys) => {
        const counts = new Map<string, number>();
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
        const expected = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
        expect(repeatedOf(keys)).toEqual(expected);
      }),
    );
  });

  it('tells keys with the same hash apart', () => {
    // Two keys with one hash, found by a search over random keys (about 10 such pairs are
    // expected among 400,000 keys of 32-bit hashes).
    const [a, b] = ['K12lfnyy', 'K15osnsr'];
    expect(keyHash(a)).toBe(keyHash(b));
    const list = new KeyList(4);
    list.add(a);
    list.add(b);
    expect(list.repeated()).toEqual([]);
    list.add(b);
    expect(list.repeated()).toEqual([b]);
  });

  it('finds every repeat among a hundred thousand keys', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `D${i}`);
    for (let i = 0; i < 100_000; i += 997) keys.push(`D${i}`);
    const expected = Array.from({ length: Math.ceil(100_000 / 997) }, (_, j) => `D${j * 997}`);
    expect(repeatedOf(keys)).toEqual(expected);
  });
});
