import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import type { Statement } from '../results/results.js';
import type { HoldbackTerm } from './terms.js';
import {
  earning,
  envOf,
  holdbackOf,
  linesOf,
  payAll,
  payoutGap,
  quarter,
  rounding,
  statementOf,
} from './test-support.js';

const reserve = holdbackOf('commission_reserve', '0.1', 'c');
const hold = (release = false, h = reserve): { holdbacks: HoldbackTerm[] } => ({
  holdbacks: [{ holdback: h, release, why: release ? 'release date 2026-12-31' : '' }],
});
const q = (n: 1 | 2 | 3 | 4, c: string, other = '0.00') =>
  statementOf(quarter(n), [earning('c', c), earning('bonus', other)]);

describe('holdbacks', () => {
  it('keep a share of the earning each period and release the balance in the release period', () => {
    // 10% of c, released in Q4.
    // Q1: 10% x 1234.55 = 123.455 -> 123.46 (half up); balance 123.46; payout 1234.55 - 123.46 = 1111.09.
    // Q2: c is 0 -> nothing kept; balance 123.46; payout 0 (the bonus of 50.00 is not held: 50.00).
    // Q3: 10% x 2000.00 = 200.00; balance 323.46; payout 1800.00.
    // Q4: release: nothing kept from 1000.00, the 323.46 is paid; payout 1323.46; balance 0.
    const paid = payAll(
      [q(1, '1234.55'), q(2, '0.00', '50.00'), q(3, '2000.00'), q(4, '1000.00')],
      [hold(), hold(), hold(), hold(true)],
    );
    expect(paid.map(linesOf)).toEqual([
      [['holdback:commission_reserve', '-123.46']],
      [],
      [['holdback:commission_reserve', '-200.00']],
      [['holdback-release:commission_reserve', '323.46']],
    ]);
    expect(paid.map((s) => s.payout)).toEqual(['1111.09', '50.00', '1800.00', '1323.46']);
    expect(paid.map((s) => s.balances['holdback:commission_reserve'])).toEqual([
      '123.46',
      '123.46',
      '323.46',
      '0.00',
    ]);
    const release = paid[3]?.adjustments[0];
    expect(release?.kind).toBe('holdback-release');
    expect(release?.trace.text).toBe('releases the 323.46 USD held back: release date 2026-12-31');
    // Q3 keeps back 200.00, and 123.46 + 200.00 = 323.46 is then held.
    expect(paid[2]?.adjustments[0]?.trace.text).toBe('keeps back 200.00 USD of c; 323.46 USD now held');
    expect(paid[0]?.adjustments[0]?.trace.inputs).toEqual([
      { name: 'c', value: '1234.55', unit: 'USD' },
      { name: 'share', value: '0.1', unit: '%' },
      { name: 'balance before', value: '0.00', unit: 'USD' },
    ]);
  });

  it('work as a rolling reserve with a condition: kept while it fails, released whenever it holds', () => {
    const h = holdbackOf('multi_year_reserve', '0.5', 'c');
    // Q1 fails: keep 50% x 1000 = 500 (balance 500). Q2 holds: release 500, keep nothing of 800 -> payout 1300.
    // Q3 fails: keep 300 of 600 (balance 300). Q4 fails: keep 100 of 200 (balance 400).
    const paid = payAll(
      [q(1, '1000.00'), q(2, '800.00'), q(3, '600.00'), q(4, '200.00')],
      [hold(false, h), hold(true, h), hold(false, h), hold(false, h)],
    );
    expect(paid.map(linesOf)).toEqual([
      [['holdback:multi_year_reserve', '-500.00']],
      [['holdback-release:multi_year_reserve', '500.00']],
      [['holdback:multi_year_reserve', '-300.00']],
      [['holdback:multi_year_reserve', '-100.00']],
    ]);
    expect(paid.map((s) => s.payout)).toEqual(['500.00', '1300.00', '300.00', '100.00']);
    expect(paid[3]?.balances).toEqual({ 'holdback:multi_year_reserve': '400.00' });
  });

  it('keep nothing of a negative earning or an earning the statement does not have', () => {
    const paid = payAll(
      [q(1, '-300.00')],
      [{ holdbacks: [...hold().holdbacks, ...hold(false, holdbackOf('x', '0.2', 'missing')).holdbacks] }],
    );
    expect(linesOf(paid[0] as Statement)).toEqual([]);
    expect(paid[0]?.balances).toEqual({ 'holdback:commission_reserve': '0.00', 'holdback:x': '0.00' });
  });

  it('round the share at the declared mode, or keep it exact at payout', () => {
    // 10% x 1234.55 = 123.455: down -> 123.45; at payout the line is -123.455 and the payout
    // 1234.55 - 123.455 = 1111.095 -> half up 1111.10.
    const [down] = payAll([q(1, '1234.55')], [hold()], [], envOf(rounding('line', 'down')));
    expect(linesOf(down as Statement)).toEqual([['holdback:commission_reserve', '-123.45']]);
    const [exact] = payAll([q(1, '1234.55')], [hold()], [], envOf(rounding('payout')));
    expect(exact?.adjustments[0]?.amount).toBe('-123.455');
    expect(exact?.balances).toEqual({ 'holdback:commission_reserve': '123.455' });
    expect(exact?.payout).toBe('1111.10');
    // The text shows the exact line with every decimal it has (not 123.46), grouped, with the currency.
    expect(exact?.adjustments[0]?.trace.text).toBe('keeps back 123.455 USD of c; 123.455 USD now held');
    // A plan paying whole dollars still shows amounts with at least 2 decimals, like its explanations:
    // 10% x 1234.55 = 123.455 -> 123 (half up to 0 decimals at line).
    const [whole] = payAll([q(1, '1234.55')], [hold()], [], envOf(rounding('line', 'half-up', 0)));
    expect(whole?.adjustments[0]?.trace.text).toBe('keeps back 123.00 USD of c; 123.00 USD now held');
  });
});

const cents = fc.integer({ min: -50_000, max: 5_000_000 }).map((n) => new Dec(n).div(100).toFixed(2));

describe('holdback properties', () => {
  test.prop([
    fc.array(cents, { minLength: 1, maxLength: 8 }),
    fc.nat(),
    fc.constantFrom('0.1', '0.15', '0.333', '0.5'),
    fc.constantFrom<'line' | 'earning' | 'payout'>('line', 'earning', 'payout'),
  ])('by the release period the released total equals the total kept back', (earned, at, share, point) => {
    const releaseAt = at % earned.length;
    const h = holdbackOf('h', share, 'c');
    const statements = earned.map((c, i) =>
      statementOf({ period: `P${i}`, start: `2026-03-${String(i + 10)}`, end: `2026-03-${String(i + 10)}` }, [
        earning('c', c),
      ]),
    );
    const paid = payAll(
      statements,
      earned.map((_, i) => hold(i >= releaseAt, h)),
      [],
      envOf(rounding(point)),
    );
    let held = new Dec(0);
    let released = new Dec(0);
    paid.forEach((p, i) => {
      for (const a of p.adjustments) {
        if (a.kind === 'holdback') held = held.minus(a.amount);
        if (a.kind === 'holdback-release') released = released.plus(a.amount);
      }
      const balance = new Dec(p.balances['holdback:h'] ?? '0');
      expect(balance.isNegative()).toBe(false);
      expect(balance.eq(held.minus(released))).toBe(true);
      if (i >= releaseAt) {
        expect(released.eq(held)).toBe(true);
        expect(balance.isZero()).toBe(true);
      }
      if (point !== 'payout') expect(payoutGap(p).isZero()).toBe(true);
    });
  });
});
