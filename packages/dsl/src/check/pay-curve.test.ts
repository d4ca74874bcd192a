import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, textAt } from './test-plans.js';

function curve(points: string, on = 'attainment'): ReturnType<typeof checkDecls> {
  return checkDecls(`  pay curve pc on ${on} {\n${points}\n  }`);
}

describe('pay curves', () => {
  it('accepts ascending points', () => {
    expect(curve('    0% : 0%\n    50% : 25%\n    100% : 100%\n    150% : 200%').diagnostics).toEqual([]);
    expect(curve('    0 : 0%\n    100000 USD : 100%', 'bookings').diagnostics).toEqual([]);
  });

  it('reports points out of order, pointing at the point before (AT4010)', () => {
    const result = curve('    0% : 0%\n    100% : 100%\n    50% : 25%');
    const d = expectOne(result, 'AT4010', '50% : 25%');
    expect(d.message).toBe('The points of pc must go up: 50% comes after 100%');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['100% : 100%']);
    expectOne(curve('    0% : 0%\n    0% : 10%'), 'AT4010', '0% : 10%');
  });

  it('needs points in the unit of what it is on (AT4006)', () => {
    expectOne(curve('    0% : 0%\n    100 USD : 100%'), 'AT4006', '100 USD');
  });

  it('needs points (AT4007)', () => {
    expectOne(curve(''), 'AT4007', 'pc');
  });

  it('needs at least two points, as AT4007 says (review finding 11)', () => {
    // Before: one point compiled, a curve that is the same value everywhere.
    const d = expectOne(curve('    100% : 100%'), 'AT4007', 'pc');
    expect(d.message).toBe(
      'Pay curve pc has only one point, so it is the same value everywhere: add at least two, such as `0%: 0%` and `100%: 100%`',
    );
  });
});
