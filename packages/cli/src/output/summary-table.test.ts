import type { Results } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { summaryLines } from './summary-table.js';

/** Results with only what the summary reads. */
function results(statements: { payee: string; earned: string; adjustments: string[]; payout: string }[]) {
  return {
    meta: { periods: ['2026-Q1'], currency: 'USD' },
    statements: statements.map((s) => ({
      payeeName: s.payee.toUpperCase(),
      attainment: '1',
      ...s,
      adjustments: s.adjustments.map((amount) => ({ amount })),
    })),
  } as unknown as Results;
}

describe('summaryLines', () => {
  it('keeps the decimals a plan has not rounded: earned plus adjustments is what the payout rounds', () => {
    // A plan rounding half to even at payout: 85,153.125 + 882.00 = 86,035.125 -> 86,035.12.
    // Shown to 2 places, the earning would read 85,153.13 and the line would not add up.
    const lines = summaryLines(
      results([
        { payee: 'mgr-04', earned: '85153.125', adjustments: ['882'], payout: '86035.12' },
        { payee: 'mgr-05', earned: '100', adjustments: [], payout: '100' },
      ]),
    );
    expect(lines).toEqual([
      'payee   name    attainment      earned  adjustments     payout',
      'mgr-04  MGR-04        100%  85,153.125       882.00  86,035.12',
      'mgr-05  MGR-05        100%      100.00         0.00     100.00',
      'total                       85,253.125       882.00  86,135.12 USD',
    ]);
  });
});
