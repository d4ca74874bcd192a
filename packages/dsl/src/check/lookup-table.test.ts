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

describe('lookup tables: empty tables and rows that never match (review finding 11)', () => {
  it('reports a table without rows as AT4007, like an empty rate table, and not also AT4011', () => {
    // Before: only the AT4011 warning, although the table can never give a value.
    const result = lookupTable('');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT4007']);
    const d = expectOne(result, 'AT4007', 'lt');
    expect(d.message).toBe(
      'Lookup table lt has no rows, so it never gives a value: add at least one, such as `otherwise: 5%`',
    );
  });

  it('warns about a row an earlier row always matches first (AT4013)', () => {
    const result = lookupTable('    "A", * : 5%\n    "A", "EMEA" : 6%\n    otherwise : 1%');
    const d = expectOne(result, 'AT4013', '"A", "EMEA" : 6%');
    expect(d.message).toBe(
      'The row "A", "EMEA" of lt can never match: the earlier row "A", * matches every key it has, and the first matching row wins; move it above that row or remove it',
    );
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['"A", * : 5%']);
    expectOne(lookupTable('    *, * : 5%\n    "B", * : 6%'), 'AT4013', '"B", * : 6%');
  });

  it('accepts specific rows before catch-all ones, and rows a wildcard does not cover', () => {
    const rows = '    "A", "EMEA" : 6%\n    "A", * : 5%\n    *, "EMEA" : 4%\n    *, * : 1%';
    expect(lookupTable(rows).diagnostics).toEqual([]);
    // `"A", *` does not cover `*, "EMEA"`: "B" in EMEA matches only the second.
    expect(lookupTable('    "A", * : 5%\n    *, "EMEA" : 4%\n    otherwise : 1%').diagnostics).toEqual([]);
  });
});
