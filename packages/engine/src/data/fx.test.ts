import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { parseDate } from '../time/dates.js';
import type { FxRate } from './dataset.js';
import { FxTable } from './fx.js';

const day = (text: string) => parseDate(text) as number;

const plan = planOf(
  quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money converted on close_date, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 100% per line`),
);

/** The credited amount of each deal (100 EUR each), in USD. */
function converted(fx: FxRate[], ...dates: string[]) {
  const deals = rows(
    ...dates.map((close_date, i) => ({ id: `D${i + 1}`, owner: 'rep', amount: '100 EUR', close_date })),
  );
  return run(plan, { payees: [payee('rep')], fx, records: { deals } }, ['2026-Q1']);
}

describe('FX rates', () => {
  it('use the latest rate on or before the date, whichever way it is written', () => {
    const table = new FxTable();
    table.add('EUR', 'USD', day('2026-01-01'), new Dec('1.10'));
    table.add('USD', 'EUR', day('2026-03-01'), new Dec('0.5'));
    table.seal();
    // Before March only the direct rate is dated: 1.10.
    expect(table.rate('EUR', 'USD', day('2026-02-15'))?.toString()).toBe('1.1');
    // From March 1 the newer inverse rate replaces it: 1 / 0.5 = 2 (and USD to EUR reads 0.5).
    expect(table.rate('EUR', 'USD', day('2026-03-15'))?.toString()).toBe('2');
    expect(table.rate('USD', 'EUR', day('2026-03-15'))?.toString()).toBe('0.5');
    // And in January USD to EUR reads the direct rate inverted: 1 / 1.10.
    expect(table.rate('USD', 'EUR', day('2026-01-15'))?.toFixed(6)).toBe('0.909091');
  });

  it('prefer the rate written in the pair direction when both are dated the same day', () => {
    const results = converted(
      [
        { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.10' },
        { from: 'USD', to: 'EUR', date: '2026-03-01', rate: '0.5' },
        { from: 'EUR', to: 'USD', date: '2026-03-20', rate: '1.25' },
        { from: 'USD', to: 'EUR', date: '2026-03-20', rate: '0.25' },
      ],
      '2026-02-15',
      '2026-03-15',
      '2026-03-25',
    );
    // D1: 100 x 1.10 = 110; D2: 100 / 0.5 = 200 (the March 1 inverse rate is newer than January's);
    // D3: 100 x 1.25 = 125 (both directions dated March 20: the EUR to USD one).
    expect(results.errors).toEqual([]);
    expect(results.statements[0]?.credits[0]?.lines.map((l) => l.amount)).toEqual(['110', '200', '125']);
  });

  it('reject a rate converting a currency into itself at anything but 1', () => {
    const fx = [
      { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.10' },
      { from: 'EUR', to: 'eur', date: '2026-01-01', rate: '7' },
      { from: 'USD', to: 'USD', date: '2026-01-01', rate: '1.000' },
    ];
    const strict = converted(fx, '2026-02-15');
    expect(strict.errors).toEqual([
      {
        source: 'fx',
        row: 2,
        field: 'rate',
        code: 'bad-fx-rate',
        reason: 'fx row 2: rate is "7", which converts EUR to itself (1 EUR is always worth 1 EUR)',
      },
    ]);
    expect(strict.statements).toEqual([]);
    const relaxed = run(
      plan,
      {
        payees: [payee('rep')],
        fx,
        records: { deals: rows({ id: 'D1', owner: 'rep', amount: '100 EUR', close_date: '2026-02-15' }) },
      },
      ['2026-Q1'],
      { mode: 'lenient' },
    );
    expect(relaxed.rejected.map((r) => [r.source, r.row])).toEqual([['fx', 2]]);
    // The rest is used: 100 EUR x 1.10 = 110 USD.
    expect(relaxed.statements[0]?.credits[0]?.total).toBe('110');
  });
});
