/**
 * Counts and decimal places beyond what a Plan carries exactly: the checker reports them (never an
 * internal error while lowering, never a count silently dropped or a default silently used).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { BASE, checkDecls, expectOne, planText } from './test-plans.js';

/** 2^53 + 1: the first whole number a JS number cannot hold (it reads as 2^53). */
const ABOVE_SAFE = '9007199254740993';

describe('counts above 2^53 - 1 (AT3001)', () => {
  it('reports the days of a clawback', () => {
    const d = expectOne(
      checkDecls(`  clawback c = deals cancelled on close_date within ${ABOVE_SAFE} days at original rate`),
      'AT3001',
      ABOVE_SAFE,
    );
    expect(d.message).toBe(`The number of days must be at most 9007199254740991, not ${ABOVE_SAFE}`);
  });

  it('reports the periods of a draw and of a guarantee', () => {
    expectOne(checkDecls(`  draw d = 5 USD recoverable for ${ABOVE_SAFE} periods`), 'AT3001', ABOVE_SAFE);
    expectOne(
      checkDecls('  guarantee g = 1000 USD for 100_000_000_000_000_000_000 periods from payee.hire_date'),
      'AT3001',
      '100_000_000_000_000_000_000',
    );
  });

  it('reports manager levels and a territory priority', () => {
    const d = expectOne(
      checkDecls(`  credit c2 from deals { to managers of owner up to ${ABOVE_SAFE} levels }`),
      'AT3001',
      ABOVE_SAFE,
    );
    expect(d.message).toBe(
      `The number of manager levels must be at most 9007199254740991, not ${ABOVE_SAFE}`,
    );
    const territories = `  source accounts { id: Text key, region: Text }
  territories on accounts by priority { territory t { where region = "EMEA" priority ${ABOVE_SAFE} } }`;
    expectOne(checkDecls(territories), 'AT3001', ABOVE_SAFE);
  });

  it('accepts the largest exact count, and lowers it unchanged', () => {
    const body = `${BASE}\n  draw d = 5 USD recoverable for 9007199254740991 periods`;
    const result = compile(planText(body));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.plan?.draws[0]?.periods).toBe(9007199254740991);
  });
});

describe('rounding decimal places in the header (AT3006)', () => {
  const withRounding = (decimals: string): string =>
    planText(
      '  bonus b = 10 USD',
      `currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31\n  rounding half up to ${decimals} decimals at line`,
    );

  for (const decimals of ['2.5', '51', '9999999999', '99999999999999999999']) {
    it(`reports ${decimals} decimals, with no Plan`, () => {
      const text = withRounding(decimals);
      const result = compile(text);
      expect(result.plan).toBeUndefined();
      const found = result.diagnostics.filter((d) => d.code === 'AT3006');
      expect(found.map((d) => d.message)).toEqual([
        `Rounding keeps a whole number of decimal places from 0 to 50, not ${decimals}`,
      ]);
      const start = text.indexOf(`to ${decimals} decimals`) + 3;
      expect(found[0]?.range.start.offset).toBe(start);
      expect(found[0]?.range.end.offset).toBe(start + decimals.length);
    });
  }

  it('accepts 0 and 50 decimals, and lowers them as written', () => {
    expect(compile(withRounding('0')).plan?.header.rounding.decimals).toBe(0);
    expect(compile(withRounding('50')).plan?.header.rounding.decimals).toBe(50);
  });
});
