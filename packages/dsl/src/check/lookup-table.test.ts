import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, probe, textAt } from './test-plans.js';

function lookupTable(rows: string, by = 'product, region'): ReturnType<typeof checkDecls> {
  return checkDecls(`  lookup table lt by ${by} {\n${rows}\n  }`);
}

describe('lookup tables', () => {
  it('accepts rows with one key per column and an otherwise row', () => {
    const rows = '    "A", "EMEA" : 5%\n    "A", * : 4%\n    *, "APAC" : 3%\n    otherwise : 1%';
    expect(lookupTable(rows).diagnostics).toEqual([]);
  });

  it('needs one key per column (AT4008)', () => {
    const d = expectOne(lookupTable('    "A" : 5%\n    otherwise : 1%'), 'AT4008', '"A" : 5%');
    expect(d.message).toBe('This row of lt has 1 key, but the table is looked up by 2 (product, region)');
  });

  it('reports a repeated row, pointing at the first (AT4009)', () => {
    const result = lookupTable(
      '    "A", "EMEA" : 5%\n    "B", * : 2%\n    "A", "EMEA" : 6%\n    otherwise : 1%',
    );
    const d = expectOne(result, 'AT4009', '"A", "EMEA" : 6%');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['"A", "EMEA" : 5%']);
  });

  it('treats numbers of equal value as the same key', () => {
    expectOne(lookupTable('    1 : 5%\n    1.0 : 6%\n    otherwise : 0%', 'tier'), 'AT4009', '1.0 : 6%');
  });

  it('warns when there is no otherwise row (AT4011)', () => {
    const d = expectOne(lookupTable('    "A", "EMEA" : 5%'), 'AT4011', 'lt');
    expect(d.severity).toBe('warning');
    expect(lookupTable('    "A", "EMEA" : 5%\n    *, * : 1%').diagnostics).toEqual([]);
  });

  it('needs one kind of key per column and one kind of value', () => {
    expectOne(lookupTable('    "A" : 5%\n    3 : 4%\n    otherwise : 1%', 'product'), 'AT3001', '3');
    const values = lookupTable('    "A" : 5%\n    otherwise : 100 USD', 'product');
    const d = expectOne(values, 'AT3001', '100 USD');
    expect(d.related?.map((r) => textAt(values.text, r.range))).toEqual(['"A" : 5%']);
  });
});

describe('lookup calls', () => {
  it('gives the type of the values', () => {
    const result = probe('lookup(product_rates, "A")');
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toBe('Percent');
  });

  it('needs one key per column, of the column’s kind', () => {
    expectOne(probe('lookup(product_rates, "A", "B")'), 'AT3005', 'lookup(product_rates, "A", "B")');
    expectOne(probe('lookup(product_rates, 3)'), 'AT3006', '3');
    expectOne(probe('lookup(rates, "A")'), 'AT4012', 'rates');
  });

  it('reads a pay curve through curve()', () => {
    const result = probe('curve(payout)');
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toBe('Percent');
    expectOne(probe('curve(rates)'), 'AT4012', 'rates');
  });
});
