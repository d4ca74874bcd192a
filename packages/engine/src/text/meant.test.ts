import { describe, expect, it } from 'vitest';
import { meant } from './meant.js';

describe('meant', () => {
  it('finds the candidate that differs only in capitals, spaces, _, - or .', () => {
    expect(meant('Deals', ['payees', 'deals'])).toBe('deals');
    expect(meant('deal-splits', new Set(['deals', 'deal_splits']))).toBe('deal_splits');
    expect(meant('Adjustments.CSV', ['adjustments.csv'])).toBe('adjustments.csv');
    expect(meant('territory assignments', ['territoryAssignments'])).toBe('territoryAssignments');
  });

  it('is undefined for a name among the candidates, or close to none', () => {
    expect(meant('deals', ['Deals', 'deals'])).toBeUndefined();
    expect(meant('deal', ['deals'])).toBeUndefined();
    // The first close candidate, in the order given.
    expect(meant('DEALS', ['de_als', 'deals'])).toBe('de_als');
  });
});
