import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse } from '../syntax/parse.js';
import { bind } from './bind.js';
import {
  closest,
  editDistance,
  SuggestionBudget,
  SuggestionCache,
  suggest,
  suggestionThreshold,
} from './suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('bookings', 'bookngs')).toBe(1);
    expect(editDistance('bookings', 'bookingss')).toBe(1);
    expect(editDistance('attainment', 'attaiment')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('amount', 'amuont')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 8 });
  test.prop([word, word])('is symmetric and bounded by the longer length', (a, b) => {
    expect(editDistance(a, b)).toBe(editDistance(b, a));
    expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    expect(editDistance(a, b) === 0).toBe(a === b);
  });

  test.prop([word, word, word])('a common suffix never adds edits', (a, b, suffix) => {
    expect(editDistance(a + suffix, b + suffix)).toBeLessThanOrEqual(editDistance(a, b));
  });

  test.prop([word, word, fc.nat({ max: 8 })])(
    'with a limit, is exact up to the limit and above it otherwise',
    (a, b, limit) => {
      const exact = editDistance(a, b);
      const bounded = editDistance(a, b, limit);
      if (exact <= limit) expect(bounded).toBe(exact);
      else expect(bounded).toBeGreaterThan(limit);
    },
  );

  test.prop([fc.string({ minLength: 2, maxLength: 10 }), fc.nat()])(
    'swapping two neighbours is one edit',
    (a, at) => {
      const i = at % (a.length - 1);
      const swapped = a.slice(0, i) + a.charAt(i + 1) + a.charAt(i) + a.slice(i + 2);
      expect(editDistance(a, swapped)).toBe(a === swapped ? 0 : 1);
    },
  );
});

describe('suggest', () => {
  it('suggests the closest name within a third of its length', () => {
    expect(suggest('bookngs', ['bookings', 'deals', 'attainment'])).toBe('bookings');
    expect(suggest('atainment', ['bookings', 'attainment'])).toBe('attainment');
  });

  it('suggests nothing when every name is too far', () => {
    expect(suggest('xyz', ['bookings', 'deals'])).toBeUndefined();
    expect(suggest('deals', ['bookings'])).toBeUndefined();
  });

  it('allows one edit for short names', () => {
    expect(suggestionThreshold('ab')).toBe(1);
    expect(suggest('od', ['id', 'name'])).toBe('id');
  });

  it('breaks ties alphabetically', () => {
    expect(suggest('cat', ['hat', 'bat'])).toBe('bat');
  });

  test.prop([fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 6 })])(
    'a suggestion is always a candidate within the threshold',
    (name, candidates) => {
      const suggestion = suggest(name, candidates);
      if (suggestion === undefined) return;
      expect(candidates).toContain(suggestion);
      expect(suggestion).not.toBe(name);
      expect(editDistance(name, suggestion)).toBeLessThanOrEqual(suggestionThreshold(name));
    },
  );
});

describe('SuggestionCache', () => {
  it('gives the same suggestions as searching the candidates each time', () => {
    const names = ['bookings', 'bookings_quota', 'attainment', 'deals'];
    const cache = new SuggestionCache(names);
    for (const name of ['bookngs', 'bookngs', 'atainment', 'xyz', 'deal']) {
      expect(cache.closest(name)).toEqual(closest(name, names));
    }
    expect(cache.closest('bookngs')).toEqual({ name: 'bookings', distance: 1 });
  });

  test.prop([fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 })])(
    'the closest candidate does not depend on the order of the candidates',
    (name, candidates) => {
      expect(closest(name, candidates)).toEqual(closest(name, [...candidates].reverse()));
      expect(new SuggestionCache(candidates).closest(name)?.name).toBe(suggest(name, candidates));
    },
  );
});

describe('SuggestionBudget (review finding 13: "did you mean" grew with the square of the plan)', () => {
  it('charges each comparison the product of the two lengths, and stops the search once spent', () => {
    // 'bookngs' (7) against each 8-letter candidate costs 56: a budget of 100 pays for one.
    const budget = new SuggestionBudget(100);
    expect(closest('bookngs', ['deals_xx', 'bookings'], budget)).toBeUndefined();
    expect(budget.spent).toBe(true);
    expect(closest('bookngs', ['bookings'], budget)).toBeUndefined();
    expect(closest('bookngs', ['bookings'], new SuggestionBudget(56))).toEqual({
      name: 'bookings',
      distance: 1,
    });
  });

  it('bounds the work of binding a plan with thousands of distinct misspelled names', () => {
    // Each of n lets uses a misspelling of another let's name: without a budget, each of the n
    // unknown names is compared with all n names (n² comparisons of ~14 × 15 characters).
    const n = 3000;
    const lets = Array.from({ length: n }, (_, i) => `  let name_number_${i} = name_numbr_${(i + 1) % n}`);
    const text = `plan "P" {\n  currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31\n${lets.join('\n')}\n}\n`;
    const parsed = parse(text);
    const started = performance.now();
    const unknown = bind(parsed.file).diagnostics.filter((d) => d.code === 'AT2001');
    const elapsed = performance.now() - started;
    expect(unknown).toHaveLength(n);
    // The first ones still get their suggestion; the budget (about 0.1 s of work) keeps the whole
    // bind fast, where 3000 × 3000 comparisons took over 10 s.
    expect(unknown[0]?.message).toContain('name_number_1');
    expect(elapsed).toBeLessThan(5000);
  });
});
