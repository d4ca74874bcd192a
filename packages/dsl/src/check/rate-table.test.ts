import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, textAt } from './test-plans.js';

function table(
  tiers: string,
  head = 'on attainment marginal',
  use = 'tiered(bookings, tbl)',
): ReturnType<typeof checkDecls> {
  return checkDecls(`  rate table tbl ${head} {\n${tiers}\n  }\n  bonus uses_tbl = ${use}`);
}

describe('rate tables', () => {
  it('accepts well-formed tables of every mode', () => {
    expect(table('    0% to 50% : 2%\n    50% to 100% : 8%\n    100% and up : 12%').diagnostics).toEqual([]);
    const perTier = table(
      '    0% to 100% : 0\n    100% and up : 500 USD',
      'on attainment retroactive',
      'rate(tbl)',
    );
    expect(perTier.diagnostics).toEqual([]);
    expect(
      table('    0% to 100% : 5%\n    100% and up : 10%', 'on attainment hybrid at 100%').diagnostics,
    ).toEqual([]);
    const money = table('    0 to 50000 USD : 2%\n    50000 USD and up : 3%', 'on bookings retroactive');
    expect(money.diagnostics).toEqual([]);
    expect(table('    1 to 10 : 2%\n    10 and up : 3%', 'on count(deals) marginal').diagnostics).toEqual([]);
  });

  it('warns of a rate above 1 written as a plain number, most likely a percentage (AT4014)', () => {
    const result = table('    0% to 100% : 0.08\n    100% and up : 12');
    const d = expectOne(result, 'AT4014', '12');
    expect(d.severity).toBe('warning');
    // 12 as a ratio is 12 x 100 = 1200%.
    expect(d.message).toBe(
      'The rate of tier 2 of tbl is 12, a plain number: it pays 12 times the amount (1200%); write `12%` if a percentage is meant, or `1200%` to keep it',
    );
    // Every such rate is named; 1.5 reads as 150%, 1_000 as 100000%.
    const codes = (tiers: string) => table(tiers).diagnostics.filter((x) => x.code === 'AT4014');
    expect(codes('    0% to 50% : 5\n    50% to 100% : 8\n    100% and up : 12')).toHaveLength(3);
    expect(codes('    0% to 100% : 1\n    100% and up : 1.5')[0]?.message).toContain('(150%); write `1.5%`');
    expect(codes('    0% and up : 1_000')[0]?.message).toContain(
      'is 1000, a plain number: it pays 1000 times',
    );
    // Ratios of 1 or less, percentages and money are no warning.
    expect(codes('    0% to 100% : 0.08\n    100% and up : 1')).toEqual([]);
    expect(codes('    0% to 100% : 8%\n    100% and up : 1200%')).toEqual([]);
    const money = table(
      '    0% to 100% : 0\n    100% and up : 500 USD',
      'on attainment retroactive',
      'rate(tbl)',
    );
    expect(money.diagnostics).toEqual([]);
  });

  it('needs a mode (AT4001)', () => {
    const d = expectOne(table('    0% and up : 5%', 'on attainment'), 'AT4001', 'tbl');
    expect(d.message).toContain('marginal');
    expect(d.message).toContain('retroactive');
  });

  it('reports a gap between tiers, pointing at both (AT4002)', () => {
    const result = table('    0% to 40% : 1%\n    50% to 100% : 2%\n    100% and up : 3%');
    const d = expectOne(result, 'AT4002', '50% to 100% : 2%');
    expect(d.message).toBe('Tiers 1 and 2 of tbl leave a gap between 40% and 50%, where nothing is paid');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual([
      '0% to 40% : 1%',
      '50% to 100% : 2%',
    ]);
  });

  it('reports overlapping tiers, pointing at both (AT4003)', () => {
    const result = table('    0% to 50% : 1%\n    40% to 100% : 2%\n    100% and up : 3%');
    const d = expectOne(result, 'AT4003', '40% to 100% : 2%');
    expect(d.message).toBe('Tiers 1 and 2 of tbl overlap between 40% and 50%');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual([
      '0% to 50% : 1%',
      '40% to 100% : 2%',
    ]);
  });

  it('reports an open tier that is not the last as an overlap', () => {
    const result = table('    0% and up : 1%\n    50% and up : 2%');
    expectOne(result, 'AT4003', '50% and up : 2%');
  });

  it('reports bounds out of order within a tier and between tiers (AT4004)', () => {
    const inside = table('    50% to 40% : 1%\n    40% and up : 2%');
    expect(expectOne(inside, 'AT4004', '50% to 40% : 1%').message).toBe(
      'Tier 1 of tbl ends at 40%, before it starts at 50%',
    );
    const between = table('    50% to 100% : 1%\n    0% to 50% : 2%\n    100% and up : 3%');
    const d = expectOne(between, 'AT4004', '0% to 50% : 2%');
    expect(d.related).toHaveLength(2);
  });

  it('warns when the top tier is not open (AT4005)', () => {
    const d = expectOne(table('    0% to 100% : 1%\n    100% to 150% : 2%'), 'AT4005', '100% to 150% : 2%');
    expect(d.severity).toBe('warning');
    // The advice is written as the formatter writes a tier: no space before the colon.
    expect(d.message).toBe(
      'The top tier of tbl ends at 150%, so nothing is paid above it; write `150% and up: ...` for an open top tier if that is not intended',
    );
  });

  it('needs bounds in the unit of what the table is on (AT4006)', () => {
    const mixed = table('    0% to 50000 USD : 1%\n    50000 USD and up : 2%');
    expect(mixed.diagnostics.map((d) => [d.code, textAt(mixed.text, d.range)])).toEqual([
      ['AT4006', '50000 USD'],
      ['AT4006', '50000 USD'],
    ]);
    expect(mixed.diagnostics[0]?.message).toBe(
      'The bound 50000 USD of tier 1 is Money (USD), but the table is on Percent: write the bounds as percentages, such as 50%',
    );
    const onMoney = table('    0% to 50% : 1%\n    50% and up : 2%', 'on bookings marginal');
    expect(onMoney.diagnostics.map((d) => d.code)).toEqual(['AT4006', 'AT4006', 'AT4006']);
    const currency = table('    0 to 100 EUR : 1%\n    100 EUR and up : 2%', 'on bookings marginal');
    expect(currency.diagnostics.map((d) => d.code)).toEqual(['AT4006', 'AT4006']);
    expectOne(table('    0 and up : 1 USD', 'on bookings hybrid at 100%'), 'AT4006', 'hybrid at 100%');
  });

  it('reports an empty table (AT4007)', () => {
    const d = expectOne(table(''), 'AT4007', 'tbl');
    // The example tier is written as the formatter writes one: `0% and up: 5%`.
    expect(d.message).toBe('Rate table tbl has no tiers: add at least one, such as `0% and up: 5%`');
  });

  it('needs every tier to pay the same kind of rate', () => {
    const result = table('    0% to 100% : 5%\n    100% and up : 500 USD');
    const d = expectOne(result, 'AT3001', '500 USD');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['0% to 100% : 5%']);
  });

  it('is on a quantity', () => {
    expectOne(table('    0% and up : 1%', 'on payee.region marginal'), 'AT3001', 'payee.region');
  });
});
