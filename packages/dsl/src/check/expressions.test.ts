import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, probe, textAt } from './test-plans.js';

describe('expression types', () => {
  const typed: [string, string][] = [
    ['500 USD + 250 USD', 'Money (USD)'],
    ['payee.ote - payee.base', 'Money (USD)'],
    ['payee.ote * 10%', 'Money (USD)'],
    ['10% * payee.ote', 'Money (USD)'],
    ['payee.ote * 2', 'Money (USD)'],
    ['2.5 * payee.ote', 'Money (USD)'],
    ['payee.ote / 4', 'Money (USD)'],
    ['payee.ote / 50%', 'Money (USD)'],
    ['payee.ote / payee.base', 'Percent'],
    ['100 EUR + 5 EUR', 'Money (EUR)'],
    ['-payee.ote', 'Money (USD)'],
    ['10% + 5%', 'Percent'],
    ['10% * 50%', 'Percent'],
    ['1 + 2', 'Integer'],
    ['2 * 3 - 1', 'Integer'],
    ['1 / 2', 'Number'],
    ['1.5 + 2', 'Number'],
    ['attainment >= 50%', 'Boolean'],
    ['payee.ote > 0', 'Boolean'],
    ['attainment > 0', 'Boolean'],
    ['payee.ote + 0', 'Money (USD)'],
    ['0 - payee.ote', 'Money (USD)'],
    ['if attainment > 100% then payee.ote else 0', 'Money (USD)'],
    ['if attainment > 100% then (0) else 5%', 'Percent'],
    ['if true then 1 else 2.5', 'Number'],
    ['not (attainment > 50%) or false', 'Boolean'],
    ['today in 2026-01-01 to 2026-12-31', 'Boolean'],
    ['payee.hire_date in period', 'Boolean'],
    ['payee.region not in ["EMEA", "APAC"]', 'Boolean'],
    ['payee', 'Payee'],
    ['payee.manager', 'Payee'],
    ['payee.manager.ote', 'Money (USD)'],
    ['payee.name', 'Text'],
    ['period', 'Period'],
    ['period.end', 'Date'],
    ['today', 'Date'],
    ['2026-Q1', 'Period'],
    ['"text"', 'Text'],
    ['bookings', 'Money (USD)'],
    ['attainment', 'Percent'],
    ['q', 'Money (USD)'],
    ['comm', 'Money (USD)'],
  ];
  it.each(typed)('%s is %s', (expr, type) => {
    const result = probe(expr);
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toBe(type);
  });
});

describe('type errors', () => {
  const errors: [string, string, string][] = [
    ['payee.ote + 10%', 'AT3003', 'payee.ote + 10%'],
    ['payee.ote + 1', 'AT3003', 'payee.ote + 1'],
    ['payee.ote - 10% * 2', 'AT3003', 'payee.ote - 10% * 2'],
    ['payee.ote + 100 EUR', 'AT3002', 'payee.ote + 100 EUR'],
    ['payee.ote / 100 EUR', 'AT3002', 'payee.ote / 100 EUR'],
    ['payee.ote * payee.base', 'AT3003', 'payee.ote * payee.base'],
    ['1 / payee.ote', 'AT3003', '1 / payee.ote'],
    ['attainment > 0.5', 'AT3001', 'attainment > 0.5'],
    ['payee.ote > 100 EUR', 'AT3002', 'payee.ote > 100 EUR'],
    ['"a" < "b"', 'AT3003', '"a" < "b"'],
    ['payee.ote and true', 'AT3004', 'payee.ote'],
    ['not payee.ote', 'AT3004', 'payee.ote'],
    ['if payee.ote then 1 else 2', 'AT3004', 'payee.ote'],
    ['-"x"', 'AT3003', '-"x"'],
    ['payee.hire_date + 1', 'AT3003', 'payee.hire_date + 1'],
    ['payee.region in period', 'AT3001', 'payee.region'],
    ['payee.region in ["EMEA", 3]', 'AT3001', '3'],
    ['attainment in 50% to 1', 'AT3001', '1'],
    ['100 XYZ', 'AT3011', 'XYZ'],
    ['deals', 'AT3009', 'deals'],
    ['rates', 'AT4012', 'rates'],
  ];
  it.each(errors)('%s is %s', (expr, code, snippet) => {
    const result = probe(expr);
    const d = expectOne(result, code as never, snippet);
    expect(result.diagnostics).toHaveLength(1);
    expect(d.message.length).toBeGreaterThan(10);
  });

  it('explains an if whose branches disagree, pointing at both', () => {
    const result = probe('if attainment > 50% then payee.ote else 10%');
    const d = expectOne(result, 'AT3101', '10%');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['payee.ote']);
    expect(d.message).toContain('Money (USD)');
    expect(d.message).toContain('Percent');
  });

  it('reports a field of a source outside an aggregate once', () => {
    const result = probe('deals.amount * 2');
    expectOne(result, 'AT3009', 'deals.amount');
    expect(result.diagnostics).toHaveLength(1);
  });

  it('never reports a second error for an expression that already has one', () => {
    expect(probe('(payee.ote + 10%) * 2 + 5% > 3 and true').diagnostics.map((d) => d.code)).toEqual([
      'AT3003',
    ]);
    expect(probe('if payee.nope > 1 then payee.nope else 5%').diagnostics.map((d) => d.code)).toEqual([
      'AT2010',
      'AT2010',
    ]);
    expect(probe('payee.ote.size + 1').diagnostics.map((d) => d.code)).toEqual(['AT2003']);
    expect(probe('sum(deals.nope) * 2 + 5%').diagnostics.map((d) => d.code)).toEqual(['AT2003']);
  });

  it('keeps the currency of the plan for Money without a currency', () => {
    const result = probe('payee.ote', '').type;
    expect(result).toBe('Money (USD)');
  });
});

describe('a percentage compared with a number written as a literal', () => {
  const message = (expr: string) =>
    checkDecls(`  bonus b = if ${expr} then 100 USD else 0 USD`).diagnostics.find((d) => d.code === 'AT3001')
      ?.message;

  it('says what to write for that number', () => {
    // 100 is most likely 100% without its %: as a ratio it would be 100 x 100% = 10000%.
    expect(message('attainment >= 100')).toBe(
      'Cannot compare Percent with Integer: write the number as a percentage, `100%` (the number 100 is 10000%)',
    );
    // 0.5 is a ratio: 0.5 x 100% = 50%.
    expect(message('0.5 < attainment')).toBe(
      'Cannot compare Number with Percent: write the number as a percentage, `50%` (the number 0.5 is 50%)',
    );
    expect(message('attainment > 1_000')).toContain('`1000%` (the number 1000 is 100000%)');
  });

  it('keeps the general advice for a number that is not a literal', () => {
    expect(message('attainment >= payee.ote / payee.base * 2')).toBeUndefined();
    expect(message('attainment >= count(deals)')).toBe(
      'Cannot compare Percent with Integer: write the number as a percentage, for example 50% rather than 0.5',
    );
  });
});
