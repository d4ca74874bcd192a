import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { allocate } from './allocate.js';
import { fixed, roundTo } from './round.js';

const d = (s: string | number) => new Dec(s);

describe('rounding modes', () => {
  it('round half up, half even, down and up', () => {
    expect(fixed(roundTo(d('2.345'), 2, 'half-up'), 2)).toBe('2.35');
    expect(fixed(roundTo(d('-2.345'), 2, 'half-up'), 2)).toBe('-2.35');
    expect(fixed(roundTo(d('2.345'), 2, 'half-even'), 2)).toBe('2.34');
    expect(fixed(roundTo(d('2.355'), 2, 'half-even'), 2)).toBe('2.36');
    expect(fixed(roundTo(d('2.349'), 2, 'down'), 2)).toBe('2.34');
    expect(fixed(roundTo(d('-2.349'), 2, 'down'), 2)).toBe('-2.34');
    expect(fixed(roundTo(d('2.341'), 2, 'up'), 2)).toBe('2.35');
    expect(fixed(roundTo(d('1234.5'), 0, 'up'), 0)).toBe('1235');
  });
  it('never prints a negative zero', () => {
    expect(fixed(d('-0.001'), 2)).toBe('0.00');
  });
});

describe('largest remainder allocation', () => {
  it('gives the missing cents to the largest remainders', () => {
    // Thirds of 100.00: 33.333.. each; floors 33.33 x 3 = 99.99; one cent to the first (ties: earliest).
    const third = d(100).div(3);
    expect(allocate([third, third, third], d('100.00'), 2).map((x) => fixed(x, 2))).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
    // Thirds as per-line differences of 100, 200 and 300 divided by 3 at 50 digits: the second is
    // 33.33…334, one unit of the 50th digit above the others. That is division noise, not money:
    // the three tie, and the cent goes to the first.
    const second = d(200).div(3).minus(third);
    expect(second.gt(third)).toBe(true);
    expect(
      allocate([third, second, d(100).minus(d(200).div(3))], d('100.00'), 2).map((x) => fixed(x, 2)),
    ).toEqual(['33.34', '33.33', '33.33']);
    // 10.005 + 20.007 + 30.001 = 60.013, rounded total 60.01: floors 10.00 + 20.00 + 30.00 = 60.00;
    // one cent to the largest remainder (0.007 of the second part).
    expect(allocate([d('10.005'), d('20.007'), d('30.001')], d('60.01'), 2).map((x) => fixed(x, 2))).toEqual([
      '10.00',
      '20.01',
      '30.00',
    ]);
  });
  test.prop([
    fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
    fc.constantFrom(0, 1, 2),
    fc.constantFrom('half-up', 'half-even', 'down', 'up') as fc.Arbitrary<
      'half-up' | 'half-even' | 'down' | 'up'
    >,
  ])('rounded lines sum exactly to their rounded total', (milli, decimals, mode) => {
    const parts = milli.map((m) => d(m).div(1000));
    const total = roundTo(Dec.sum(...parts), decimals, mode);
    const lines = allocate(parts, total, decimals);
    expect(Dec.sum(...lines).eq(total)).toBe(true);
    for (const [i, line] of lines.entries()) {
      expect(line.decimalPlaces()).toBeLessThanOrEqual(decimals);
      // Each line moves less than one unit from its exact value.
      expect(
        line
          .minus(parts[i] as Dec)
          .abs()
          .lt(d(1).div(d(10).pow(decimals))),
      ).toBe(true);
    }
  });
  test.prop([
    fc
      .array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
      .chain((milli) =>
        fc.tuple(fc.constant(milli), fc.shuffledSubarray(milli, { minLength: milli.length })),
      ),
    fc.constantFrom(0, 1, 2),
    fc.constantFrom('half-up', 'half-even', 'down', 'up') as fc.Arbitrary<
      'half-up' | 'half-even' | 'down' | 'up'
    >,
  ])(
    'which remainders get a unit does not depend on the order of the parts',
    ([milli, shuffled], decimals, mode) => {
      // Each part (thousandths, negatives as clawback lines) as its remainder over the rounded-down
      // part and the units it is allocated above that, compared as a sorted list: the same in any
      // order. Only parts whose remainders tie exactly may trade the unit (the earlier one gets it:
      // the engine gives lines in a fixed order, by date then id, so its results do not move).
      const unit = d(1).div(d(10).pow(decimals));
      const given = (list: number[]) => {
        const parts = list.map((m) => d(m).div(1000));
        const total = roundTo(Dec.sum(...parts), decimals, mode);
        return allocate(parts, total, decimals)
          .map((line, i) => {
            const floor = (parts[i] as Dec).toDecimalPlaces(decimals, Dec.ROUND_FLOOR);
            return `${(parts[i] as Dec).minus(floor).toFixed(3)} ${line.minus(floor).div(unit).toFixed(0)}`;
          })
          .sort();
      };
      expect(given(shuffled)).toEqual(given(milli));
    },
  );
  it('allocates around a clawback line: floors, then the cents by largest remainder', () => {
    // Lines 33.3333…, 33.3366…, -33.3366… (a clawback), 33.3333… (100, 100.01, -100.01 and 100
    // over 3): exact sum 66.6666… -> 66.67. Floors 33.33 + 33.33 - 33.34 + 33.33 = 66.65, two cents
    // missing. Remainders 0.00333…, 0.00666…, 0.00333… (-33.3366… - -33.34), 0.00333…: the
    // first cent to the second line (largest), the other to the first of the three ties.
    const parts = ['100', '100.01', '-100.01', '100'].map((x) => d(x).div(3));
    const total = roundTo(Dec.sum(...parts), 2, 'half-up');
    expect(fixed(total, 2)).toBe('66.67');
    expect(allocate(parts, total, 2).map((x) => fixed(x, 2))).toEqual(['33.34', '33.34', '-33.34', '33.33']);
  });
});
