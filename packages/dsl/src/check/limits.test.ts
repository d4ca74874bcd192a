/**
 * Values the plan text alone shows cannot be right (review finding 2): amounts below zero where
 * only 0 or more means anything (AT3301, AT3302), limits in the wrong order (AT3303), holdbacks
 * keeping back more than the earning (AT3304), division by a literal zero (AT3305); and literals
 * beyond what the engine keeps exactly (AT3306, finding 5).
 */
import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, probe, textAt } from './test-plans.js';

describe('amounts below zero (AT3301, AT3302)', () => {
  it('reports a negative cap: the earning would always take money', () => {
    // Before: `cap -5 USD` compiled, and a period with no bookings paid -5.00.
    const d = expectOne(checkDecls('  bonus b = 500 USD\n    cap -5 USD'), 'AT3301', '-5 USD');
    expect(d.message).toBe(
      'The cap of b is -5 USD, below zero, so b would always take money from the payee: a cap is the most an earning pays, 0 or more',
    );
  });

  it('reads a negated amount in parentheses too', () => {
    expectOne(checkDecls('  bonus b = 500 USD\n    cap -(5 USD)'), 'AT3301', '-(5 USD)');
  });

  it('warns about a negative floor, which may be meant to limit a loss', () => {
    const d = expectOne(checkDecls('  bonus b = 500 USD\n    floor -100 USD'), 'AT3302', '-100 USD');
    expect(d.severity).toBe('warning');
  });

  it('reports a negative draw and a negative guarantee', () => {
    const draw = expectOne(checkDecls('  draw d = -100 USD recoverable'), 'AT3301', '-100 USD');
    expect(draw.message).toBe(
      'Draw d is -100 USD, below zero, so it would never pay anything: its amount is an advance, 0 or more',
    );
    expectOne(checkDecls('  guarantee g = -1000 USD for 3 periods'), 'AT3301', '-1000 USD');
  });

  it('accepts zero and positive amounts, and amounts that are not literals', () => {
    const decls = `  bonus b = 500 USD
    cap 0 USD
    floor 0
  bonus c = 500 USD
    cap payee.ote - 10 USD
    floor -(payee.base)
  draw d = 0 USD recoverable
  guarantee g = 10 USD for 3 periods`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });
});

describe('limits in the wrong order (AT3303)', () => {
  it('reports a cap below the floor, pointing at both', () => {
    // Before: `cap 10 USD floor 100 USD` compiled and paid 10.00.
    const result = checkDecls('  bonus b = 500 USD\n    cap 10 USD\n    floor 100 USD');
    const d = expectOne(result, 'AT3303', '10 USD');
    expect(d.message).toBe(
      'The cap of b (10 USD) is below its floor (100 USD): an earning cannot pay at most 10 USD and at least 100 USD',
    );
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['100 USD']);
  });

  it('accepts a cap equal to the floor, and limits in other currencies or not literal', () => {
    const decls = `  bonus b = 500 USD
    cap 100 USD
    floor 100 USD
  bonus c = 500 USD
    cap payee.base
    floor 100 USD`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('reports clamp with its lowest limit above its highest', () => {
    const result = probe('clamp(bookings, 100 USD, 10 USD)');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT3303']);
    const d = expectOne(result, 'AT3303', '100 USD');
    expect(d.message).toBe(
      'clamp(value, lowest, highest) keeps a value between its limits, but the lowest (100 USD) is above the highest (10 USD): swap them',
    );
    expect(probe('clamp(bookings, 10 USD, 100 USD)').diagnostics).toEqual([]);
    expect(probe('clamp(attainment, 0, 150%)').diagnostics).toEqual([]);
  });

  it('reports a range that starts above its end, so nothing is in it', () => {
    const result = probe('attainment in 100% to 50%');
    const d = expectOne(result, 'AT3303', '100%');
    expect(d.message).toBe(
      'This range starts at 100%, above its end at 50%, so no value is in it: write the lower end first',
    );
    expectOne(probe('bookings not in 5000 USD to -(5000 USD)'), 'AT3303', '5000 USD');
    expect(probe('attainment in 50% to 100%').diagnostics).toEqual([]);
    expect(probe('attainment in 50% to 50%').diagnostics).toEqual([]);
  });

  it('reports a date range that ends before it starts as AT6002', () => {
    const d = expectOne(probe('payee.hire_date in 2026-06-30 to 2026-01-01'), 'AT6002', '2026-01-01');
    expect(d.message).toBe('This range ends on 2026-01-01, before it starts on 2026-06-30');
  });
});

describe('holdbacks of one earning above 100% (AT3304)', () => {
  it('reports the holdback that passes 100%, with the earlier ones', () => {
    // Before: two holdbacks of 60% compiled; Q1 paid 500 - 300 - 300 = -100.00.
    const result = checkDecls(
      '  holdback h1 = 60% of comm until 2026-12-31\n  holdback h2 = 60% of comm until 2026-12-31',
    );
    const d = expectOne(result, 'AT3304', '60%', { after: result.text.indexOf('h2') });
    expect(d.message).toBe(
      'The holdbacks of comm keep back 120% of it in all, more than the whole earning, so the payout would go below zero: together they may keep back at most 100%',
    );
    expect(d.related?.map((r) => [r.message, textAt(result.text, r.range)])).toEqual([
      ['h1 keeps back 60%', '60%'],
    ]);
  });

  // With decimal.js's default 20 significant digits, 50.00000000000000000000001% twice added up
  // to 100% (100.00000000000000000000002 rounded): two holdbacks then kept back more than the earning.
  it('adds holdback shares exactly beyond 20 significant digits', () => {
    const result = checkDecls(
      '  holdback h1 = 50.00000000000000000000001% of comm until 2026-12-31\n  holdback h2 = 50.00000000000000000000001% of comm until 2026-12-31',
    );
    const d = expectOne(result, 'AT3304', '50.00000000000000000000001%', {
      after: result.text.indexOf('h2'),
    });
    expect(d.message).toContain('keep back 100.00000000000000000000002% of it in all');
  });

  it('accepts holdbacks of one earning adding up to exactly 100%, and of different earnings', () => {
    const decls = `  bonus b = 100 USD
  holdback h1 = 60% of comm until 2026-12-31
  holdback h2 = 40% of comm until 2026-12-31
  holdback h3 = 60% of b until 2026-12-31`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('adds up many holdbacks of interleaved earnings, each earning on its own, in plan order', () => {
    // 300 holdbacks of 0.5% of comm and 300 of 0.4% of b, alternating. comm passes 100% at its
    // 201st (201 x 0.5 = 100.5; 200 x 0.5 = 100 is not more), b at its 251st (251 x 0.4 = 100.4).
    const lines = ['  bonus b = 100 USD'];
    for (let i = 1; i <= 300; i++)
      lines.push(
        `  holdback hc${i} = 0.5% of comm until 2026-12-31`,
        `  holdback hb${i} = 0.4% of b until 2026-12-31`,
      );
    const result = checkDecls(lines.join('\n'));
    const found = result.diagnostics.filter((d) => d.code === 'AT3304');
    expect(
      found.map((d) => [
        d.message.slice(0, d.message.indexOf(' in all')),
        d.related?.length,
        d.related?.at(-1)?.message,
      ]),
    ).toEqual([
      ['The holdbacks of comm keep back 100.5% of it', 200, 'hc200 keeps back 0.5%'],
      ['The holdbacks of b keep back 100.4% of it', 250, 'hb250 keeps back 0.4%'],
    ]);
    expect(found.map((d) => result.text.slice(d.range.start.offset - 17, d.range.end.offset))).toEqual([
      'holdback hc201 = 0.5%',
      'holdback hb251 = 0.4%',
    ]);
  });

  it('does not add up holdbacks released by conditions, which may exclude each other', () => {
    // Kept back only while their conditions fail: never both at once here, so at most 60%.
    const decls = `  measure attainment = bookings / 100_000 USD
  holdback h1 = 60% of comm until attainment >= 100%
  holdback h2 = 60% of comm until attainment < 100%
  holdback h3 = 40% of comm until 2026-12-31`;
    expect(checkDecls(decls).diagnostics.filter((d) => d.code === 'AT3304')).toEqual([]);
  });

  it('leaves one share above 100% to AT3001 alone', () => {
    const result = checkDecls('  holdback h1 = 150% of comm until 2026-12-31');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT3001']);
  });
});

describe('division by a literal zero (AT3305)', () => {
  it('reports the zero', () => {
    const result = probe('bookings / 0');
    const d = expectOne(result, 'AT3305', '0');
    expect(d.message).toBe('This divides by zero, which has no value: divide by a number other than 0');
    expectOne(probe('bookings / (0.00)'), 'AT3305', '(0.00)');
    expectOne(probe('attainment / 0%'), 'AT3305', '0%');
  });

  it('accepts any other divisor', () => {
    expect(probe('bookings / 4').diagnostics).toEqual([]);
    expect(probe('bookings / q').diagnostics).toEqual([]);
  });
});

describe('literals the engine does not keep exactly (AT3306)', () => {
  it('reports more than 50 significant digits, naming the literal', () => {
    // Before: this 51-digit amount compiled and the engine paid ...789.80, not ...789.75.
    const literal = '1234567890123456789012345678901234567890123456789.75';
    const d = expectOne(checkDecls(`  bonus b = ${literal} USD`), 'AT3306', `${literal} USD`);
    expect(d.message).toBe(
      `${literal} USD has 51 significant digits, but a plan calculates exactly with at most 50: shorten it`,
    );
  });

  it('reports numbers beyond 10^30 either way, as for data', () => {
    const big = `1${'0'.repeat(31)}`;
    const d = expectOne(checkDecls(`  bonus b = ${big} USD`), 'AT3306', `${big} USD`);
    expect(d.message).toBe(
      `${big} USD is too large: a plan calculates with numbers below 10^31, as its data does`,
    );
    const small = `0.${'0'.repeat(30)}1`;
    expectOne(probe(`bookings * ${small}`), 'AT3306', small);
    // A percentage is a ratio: 0.(28 zeros)1% is 10^-31.
    expectOne(probe(`bookings * 0.${'0'.repeat(28)}1%`), 'AT3306', `0.${'0'.repeat(28)}1%`);
  });

  it('accepts 50 significant digits, 10^30, 10^-30 and zeros of any length', () => {
    const fifty = `${'9'.repeat(30)}.${'9'.repeat(20)}`;
    expect(checkDecls(`  bonus b = ${fifty} USD`).diagnostics).toEqual([]);
    expect(probe(`bookings * 1${'0'.repeat(30)}`).diagnostics).toEqual([]);
    expect(probe(`bookings * 0.${'0'.repeat(29)}1`).diagnostics).toEqual([]);
    expect(probe(`bookings * 0.${'0'.repeat(60)}`).diagnostics).toEqual([]);
  });

  it('checks literals outside expressions too: tier bounds, shares, lookup keys', () => {
    const big = `1${'0'.repeat(40)}`;
    const result = checkDecls(
      `  rate table r2 on bookings marginal {\n    0 USD to ${big} USD : 5%\n    ${big} USD and up : 6%\n  }\n  earning e2 = tiered(bookings, r2)`,
    );
    expect(result.diagnostics.filter((d) => d.code === 'AT3306')).toHaveLength(2);
  });
});
