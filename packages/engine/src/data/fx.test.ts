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

  it('convert a record dated between two rates at the latest before, and reject one before any', () => {
    // Rates of Jan 1 (1.0912345678901) and Feb 15 (1.2); nothing on Feb 14.
    // D1 (Feb 14): 100 EUR x 1.0912345678901 = 109.12345678901 USD -> 109.12 at the line.
    // D2 (Feb 15): 100 x 1.2 = 120 -> 120.00. D3 (Dec 31, 2025): no rate on or before it: an error.
    const results = run(
      plan,
      {
        payees: [payee('rep')],
        fx: [
          { from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.0912345678901' },
          { from: 'EUR', to: 'USD', date: '2026-02-15', rate: '1.2' },
        ],
        records: {
          deals: rows(
            { id: 'D1', owner: 'rep', amount: '100 EUR', close_date: '2026-02-14' },
            { id: 'D2', owner: 'rep', amount: '100 EUR', close_date: '2026-02-15' },
            { id: 'D3', owner: 'rep', amount: '100 EUR', close_date: '2025-12-31' },
          ),
        },
      },
      ['2026-Q1'],
      { mode: 'lenient' },
    );
    expect(results.rejected.map((r) => r.errors.map((e) => e.reason))).toEqual([
      [
        'deals row 3: amount is "100 EUR", which is in EUR, and there is no FX rate from EUR to USD on or before 2025-12-31',
      ],
    ]);
    const s = results.statements[0];
    expect(s?.credits[0]?.lines.map((l) => l.amount)).toEqual(['109.12345678901', '120']);
    // 109.12 + 120.00 = 229.12.
    expect(s?.earnings[0]?.lines.map((l) => l.amount)).toEqual(['109.12', '120.00']);
    expect(s?.earned).toBe('229.12');
  });

  it('read a rate of many decimals exactly, and say why one of too many digits is not read', () => {
    // 100 EUR x 1.0912345678901234567 = 109.12345678901234567 USD, every digit kept; x 100% per
    // line, rounded half up at the line: 109.12.
    const good = converted(
      [{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: '1.0912345678901234567' }],
      '2026-02-15',
    );
    expect(good.statements[0]?.credits[0]?.lines[0]?.amount).toBe('109.12345678901234567');
    expect(good.statements[0]?.earned).toBe('109.12');
    // 1/0.9 written out to 60 digits is a number, but past the 50 significant digits a plan reads:
    // the error says so, not that it is not a number.
    const long = `1.${'1'.repeat(59)}`;
    const bad = converted([{ from: 'EUR', to: 'USD', date: '2026-01-01', rate: long }], '2026-02-15');
    expect(bad.errors.find((e) => e.source === 'fx')?.reason).toBe(
      `fx row 1: rate is "${long}", which is beyond the numbers a plan reads (below 10^31 and, other than zero, at least 10^-30 in size, with at most 50 significant digits)`,
    );
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

describe('conversion at an inverse rate', () => {
  // A rate file written from the plan currency's side (1 USD is 0.9 EUR) converts EUR to USD by
  // dividing by 0.9. Multiplying by 1 / 0.9 (1.1111…, cut at 50 digits) instead gives 50.4999…9
  // for 45.45 EUR, and a cent less wherever a half cent is rounded.
  const fx = [{ from: 'USD', to: 'EUR', date: '2026-01-01', rate: '0.9' }];
  const p = planOf(
    quarterly(
      `source deals { id: Text key, owner: Payee owner, amount: Money converted on close_date, close_date: Date dated }
  source fees { id: Text key, owner: Payee owner, fee: Money(EUR), paid_on: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 1% per line
  bonus b = convert(sum(fees.fee), USD) * 1%
  adjustment manual "Manual" from data`,
    ),
  );

  it('divides by the rate of the other direction, exactly', () => {
    const table = new FxTable();
    table.add('USD', 'EUR', day('2026-01-01'), new Dec('0.9'));
    table.seal();
    // 45.45 EUR / 0.9 = 50.50 USD exactly; 100 USD x 0.9 = 90 EUR.
    expect(table.convert(new Dec('45.45'), 'EUR', 'USD', day('2026-02-01'))?.toString()).toBe('50.5');
    expect(table.convert(new Dec('100'), 'USD', 'EUR', day('2026-02-01'))?.toString()).toBe('90');
    expect(table.convert(new Dec('7'), 'EUR', 'EUR', day('2025-01-01'))?.toString()).toBe('7');
    expect(table.convert(new Dec('7'), 'EUR', 'USD', day('2025-12-31'))).toBeUndefined();
  });

  it('converted on, convert() and manual adjustments pay the half cent', () => {
    const results = run(
      p,
      {
        payees: [payee('rep')],
        fx,
        records: {
          deals: rows({ id: 'D1', owner: 'rep', amount: '45.45 EUR', close_date: '2026-01-14' }),
          fees: rows({ id: 'F1', owner: 'rep', fee: '45.45', paid_on: '2026-02-10' }),
        },
        adjustments: [
          {
            id: 'A1',
            payee: 'rep',
            period: '2026-Q1',
            amount: '4.5045',
            currency: 'EUR',
            reason: 'Missed deal',
          },
        ],
      },
      ['2026-Q1'],
    );
    const s = results.statements[0];
    // Credit: 45.45 EUR / 0.9 = 50.5 USD, exactly.
    expect(s?.credits[0]?.lines.map((l) => l.amount)).toEqual(['50.5']);
    // c: 50.5 x 1% = 0.505 -> 0.51 (half up at the line), not 0.50 from 50.4999…9.
    expect(s?.earnings.find((e) => e.name === 'c')?.amount).toBe('0.51');
    // b: convert(45.45 EUR, USD) at the rate of 31 March = 50.5 USD; x 1% = 0.505 -> 0.51.
    expect(s?.earnings.find((e) => e.name === 'b')?.amount).toBe('0.51');
    // A1: 4.5045 EUR / 0.9 = 5.005 USD -> 5.01.
    expect(s?.adjustments.map((a) => a.amount)).toEqual(['5.01']);
    // Its text gives the rate as the division it is, not 1.1111… to 50 digits.
    expect(s?.adjustments[0]?.trace.text).toBe('Missed deal (4.5045 EUR at 1 / 0.9 = 5.01 USD)');
    // Payout: 0.51 + 0.51 + 5.01 = 6.03.
    expect(s?.payout).toBe('6.03');
  });
});
