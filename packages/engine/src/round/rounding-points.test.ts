import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const at = (rounding: string) =>
  planOf(
    quarterly(
      `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 1% per line`,
      rounding,
    ),
  );

const deals = rows(
  ...['D1', 'D2', 'D3'].map((id, i) => ({
    id,
    owner: 'rep',
    amount: '333.335',
    close_date: `2026-01-1${i}`,
  })),
);
const statementAt = (rounding: string) =>
  statement(run(at(rounding), { payees: [payee('rep')], records: { deals } }, ['2026-Q1']), 'rep', '2026-Q1');

describe('rounding at the declared point', () => {
  it('at line: each line is rounded and the earning is their sum', () => {
    // 333.335 x 1% = 3.33335 -> 3.33 on each line; 3 x 3.33 = 9.99.
    const s = statementAt('rounding half up to 2 decimals at line');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.33', '3.33', '3.33']);
    expect(s.earnings[0]?.amount).toBe('9.99');
    expect(s.payout).toBe('9.99');
  });
  it('at line: an earning that is not its value rounded says it is the sum of rounded lines', () => {
    // Value 3 x 3.33335 = 10.00005, which would round to 10.00; the lines pay 3 x 3.33 = 9.99.
    const s = statementAt('rounding half up to 2 decimals at line');
    expect(s.earnings[0]?.trace.text).toBe('the sum of its 3 lines, each rounded half up to 2 decimals');
    // At the earning the amount is the value rounded: nothing to add.
    expect(statementAt('rounding half up to 2 decimals at earning').earnings[0]?.trace.text).toBeUndefined();
  });
  it('at earning: the total is rounded and lines get the remainder by largest remainder', () => {
    // 3 x 3.33335 = 10.00005 -> 10.00; lines 3.33 each leave one cent, given to the first (equal remainders).
    const s = statementAt('rounding half up to 2 decimals at earning');
    expect(s.earnings[0]?.amount).toBe('10.00');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.34', '3.33', '3.33']);
  });
  it('at earning: a line moved off its own rounding says why', () => {
    // 3.33335 rounds to 3.33 on its own; D1 pays 3.34 to make the lines add up to 10.00 (equal
    // remainders: the earlier line). The others pay their own rounding and say nothing more.
    const s = statementAt('rounding half up to 2 decimals at earning');
    expect(s.earnings[0]?.lines.map((l) => l.trace.text)).toEqual([
      'rounded up from 3.33335 USD so that the lines of c add up to its 10.00 USD (largest remainder)',
      undefined,
      undefined,
    ]);
  });
  it('at payout: everything exact until the payout', () => {
    const s = statementAt('rounding half even to 2 decimals at payout');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['3.33335', '3.33335', '3.33335']);
    expect(s.earnings[0]?.amount).toBe('10.00005');
    expect(s.payout).toBe('10.00');
  });
  it('round down and up', () => {
    expect(statementAt('rounding down to 2 decimals at line').earnings[0]?.amount).toBe('9.99');
    // Up at line: 3.33335 -> 3.34 each, 10.02; up at payout: 10.00005 -> 10.01.
    expect(statementAt('rounding up to 2 decimals at line').earnings[0]?.amount).toBe('10.02');
    expect(statementAt('rounding up to 2 decimals at payout').payout).toBe('10.01');
    expect(statementAt('rounding up to 0 decimals at payout').payout).toBe('11');
  });
  it('default: half up to 2 decimals at each line', () => {
    expect(statementAt('').earnings[0]?.amount).toBe('9.99');
  });
});

describe('rounding at the earning, whatever the order of the records', () => {
  const byThirds = planOf(
    quarterly(
      `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings / 3 per line`,
      'rounding half up to 2 decimals at earning',
    ),
  );
  const statementOf = (deals: Record<string, string>[]) =>
    statement(
      run(byThirds, { payees: [payee('rep')], records: { deals: rows(...deals) } }, ['2026-Q1']),
      'rep',
      '2026-Q1',
    );

  it('gives the cent of tied remainders to the earlier line, by date then id, not by row', () => {
    // D1 100.04 and D2 100.04 on Feb 1, D3 100.04 on Jan 5: 33.34666… each, exact sum 100.04 ->
    // 100.04; floors 3 x 33.34 = 100.02, two cents to the two earliest of three tied lines: D3
    // (Jan 5), then D1 (Feb 1, first by id). Lines listed D3, D1, D2 = 33.35, 33.35, 33.34.
    const deal = (id: string, close_date: string) => ({ id, owner: 'rep', amount: '100.04', close_date });
    const rowsInOrder = [deal('D1', '2026-02-01'), deal('D2', '2026-02-01'), deal('D3', '2026-01-05')];
    for (const order of [
      rowsInOrder,
      rowsInOrder.slice().reverse(),
      [rowsInOrder[1], rowsInOrder[2], rowsInOrder[0]],
    ]) {
      const s = statementOf(order as Record<string, string>[]);
      expect(s.earnings[0]?.amount).toBe('100.04');
      expect(s.earnings[0]?.lines.map((l) => `${l.id} ${l.amount}`)).toEqual([
        'c:D3 33.35',
        'c:D1 33.35',
        'c:D2 33.34',
      ]);
    }
  });

  test.prop([
    fc
      .array(
        fc.record({
          cents: fc.integer({ min: -50_000, max: 200_000 }),
          day: fc.integer({ min: 1, max: 3 }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((list) =>
        list.map(({ cents, day }, i) => ({
          id: `D${i + 1}`,
          owner: 'rep',
          amount: (cents / 100).toFixed(2),
          close_date: `2026-02-0${day}`,
        })),
      )
      .chain((deals) =>
        fc.tuple(fc.constant(deals), fc.shuffledSubarray(deals, { minLength: deals.length })),
      ),
  ])(
    'lines add up to the rounded earning and do not depend on the order of the rows',
    ([deals, shuffled]) => {
      const a = statementOf(deals);
      const b = statementOf(shuffled);
      // Row numbers move with the rows; the lines, their order and amounts do not.
      const lines = (x: typeof a) =>
        x.earnings.map((e) => [e.amount, ...e.lines.map((l) => `${l.id} ${l.amount}`)]);
      expect(lines(b)).toEqual(lines(a));
      const amounts = a.earnings[0]?.lines.map((l) => new Dec(l.amount)) ?? [];
      // The exact earning, sum of the amounts / 3, rounded half up to cents, is what the lines add up to.
      const exact = Dec.sum(...deals.map((x) => new Dec(x.amount))).div(3);
      expect(Dec.sum(...amounts).toFixed(2)).toBe(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
      expect(a.earnings[0]?.amount).toBe(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
    },
  );
});

describe('plan currencies of 0 and 3 decimals', () => {
  const planIn = (currency: string, rounding: string) =>
    planOf(`plan "Test" version "1" {
  currency ${currency}
  period quarter
  effective 2026-01-01 to 2026-12-31
  ${rounding}
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 3.3333% per line
  adjustment manual "Manual" from data
}`);
  const deals = rows(
    ...['2026-01-14', '2026-02-15', '2026-03-01'].map((close_date, i) => ({
      id: `D${i + 1}`,
      owner: 'rep',
      amount: '1005',
      close_date,
    })),
  );
  const statementIn = (currency: string, rounding: string) => {
    const adjustments = [
      { id: 'A1', payee: 'rep', period: '2026-Q1', amount: '0.4', reason: 'rounding test' },
      { id: 'A2', payee: 'rep', period: '2026-Q1', amount: '10.3', currency: 'EUR', reason: 'EUR fee' },
    ];
    const fx = [{ from: 'EUR', to: currency, date: '2026-01-01', rate: '160.123' }];
    const results = run(
      planIn(currency, rounding),
      { payees: [payee('rep')], records: { deals }, adjustments, fx },
      ['2026-Q1'],
    );
    return statement(results, 'rep', '2026-Q1');
  };

  it('JPY to 0 decimals at the line, at the earning and at the payout', () => {
    // Each line 1005 x 3.3333% = 33.499665. A1 0.4; A2 10.3 EUR x 160.123 = 1649.2669 JPY.
    // At line: 33 x 3 = 99; A1 0; A2 1649; payout 99 + 0 + 1649 = 1748.
    const line = statementIn('JPY', 'rounding half up to 0 decimals at line');
    expect(line.earnings[0]?.lines.map((l) => l.amount)).toEqual(['33', '33', '33']);
    expect([line.earned, ...line.adjustments.map((a) => a.amount), line.payout]).toEqual([
      '99',
      '0',
      '1649',
      '1748',
    ]);
    // At earning: 100.498995 -> 100; floors 33 x 3 = 99, the yen to D1 (equal remainders); payout 1749.
    const earning = statementIn('JPY', 'rounding half up to 0 decimals at earning');
    expect(earning.earnings[0]?.lines.map((l) => l.amount)).toEqual(['34', '33', '33']);
    expect([earning.earned, earning.payout]).toEqual(['100', '1749']);
    // At payout: 100.498995 + 0.4 + 1649.2669 = 1750.165895 -> 1750.
    const payout = statementIn('JPY', 'rounding half up to 0 decimals at payout');
    expect([payout.earned, ...payout.adjustments.map((a) => a.amount), payout.payout]).toEqual([
      '100.498995',
      '0.4',
      '1649.2669',
      '1750',
    ]);
  });

  it('KWD to 3 decimals, half even at the earning', () => {
    // 100.498995 -> 100.499 (995 past the third decimal is above half); floors 33.499 x 3 =
    // 100.497, two fils to D1 and D2 (equal remainders). A1 0.400, A2 1649.2669 -> 1649.267.
    // Payout 100.499 + 0.400 + 1649.267 = 1750.166.
    const s = statementIn('KWD', 'rounding half even to 3 decimals at earning');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['33.500', '33.500', '33.499']);
    expect([s.earned, ...s.adjustments.map((a) => a.amount), s.payout]).toEqual([
      '100.499',
      '0.400',
      '1649.267',
      '1750.166',
    ]);
  });
});
