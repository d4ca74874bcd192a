import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';

const plan = planOf(
  quarterly(`payee { rate: Percent }
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, kicker: Percent optional }
  credit bookings from deals { to owner }
  commission c = bookings * payee.rate
  bonus k = max(deals.kicker) * 1_000 USD`),
);

const ratioWarnings = (results: ReturnType<typeof run>) =>
  results.warnings.filter((w) => w.code === 'percent-as-ratio').map((w) => w.message);

describe('percent-as-ratio', () => {
  it('names Percent values above 1 written without %, and still reads them as written', () => {
    const results = run(
      plan,
      {
        payees: [payee('a', { rate: '12' }), payee('b', { rate: '12%' }), payee('c', { rate: 0.5 })],
        records: {
          deals: rows(
            { id: 'D1', owner: 'a', amount: '1000', close_date: '2026-02-01', kicker: '1.5' },
            { id: 'D2', owner: 'b', amount: '1000', close_date: '2026-02-01', kicker: '150%' },
            { id: 'D3', owner: 'c', amount: '1000', close_date: '2026-02-01', kicker: '1' },
            { id: 'D4', owner: 'a', amount: '1000', close_date: '2026-02-02', kicker: 3 },
          ),
        },
      },
      ['2026-Q1'],
    );
    // In the results' order of warnings (by message).
    expect(ratioWarnings(results)).toEqual([
      // D1's 1.5 and D4's JSON number 3; D2's 150% and D3's 1 (100%) are not named.
      'deals.kicker has 2 values above 1 written without % (rows 1 and 4), read as ratios: 1.5 is 150%, not 1.5%. ' +
        'Write 1.5% (or 0.015) for 1.5 percent; a ratio above 1 written with % (150%) is not warned about',
      // Payee a (row 1) wrote 12: 1,200%. b wrote 12% and c 0.5: not named.
      'payees.rate has a value above 1 written without % (row 1), read as a ratio: 12 is 1,200%, not 12%. ' +
        'Write 12% (or 0.12) for 12 percent; a ratio above 1 written with % (1,200%) is not warned about',
    ]);
    // Read as written: a's commission is 2 x 1,000 x 1,200% = 24,000.00.
    const a = results.statements.find((s) => s.payee === 'a');
    expect(a?.earnings.find((e) => e.name === 'c')?.amount).toBe('24000.00');
  });

  it('says nothing when every Percent value is written with % or is at most 1', () => {
    const results = run(
      plan,
      {
        payees: [payee('a', { rate: '0.12' }), payee('b', { rate: '100%' })],
        records: {
          deals: rows({ id: 'D1', owner: 'a', amount: '1000', close_date: '2026-02-01', kicker: '' }),
        },
      },
      ['2026-Q1'],
    );
    expect(ratioWarnings(results)).toEqual([]);
  });

  it('names the first five rows and how many more', () => {
    const payees = Array.from({ length: 8 }, (_, i) => payee(`p${i + 1}`, { rate: '5' }));
    const results = run(plan, { payees }, ['2026-Q1']);
    expect(ratioWarnings(results)[0]).toContain(
      'has 8 values above 1 written without % (rows 1, 2, 3, 4, 5 and 3 more)',
    );
  });
});
