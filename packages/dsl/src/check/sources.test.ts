import { describe, expect, it } from 'vitest';
import { analyze } from '../compile.js';
import { checkDecls, expectOne, planText, textAt } from './test-plans.js';

describe('source schemas', () => {
  it('allows one key field (AT5101), pointing at the first', () => {
    const result = checkDecls('  source s { a: Text key, b: Integer key, booked: Date dated }');
    const d = expectOne(result, 'AT5101', 'key', { after: result.text.indexOf('b: Integer') });
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['a']);
  });

  it('puts modifiers only on fields they fit (AT5102)', () => {
    expectOne(checkDecls('  source s { who: Text owner }'), 'AT5102', 'owner');
    expectOne(checkDecls('  source s { at: Text dated }'), 'AT5102', 'dated');
    expectOne(checkDecls('  source s { n: Number converted on booked, booked: Date }'), 'AT5102', 'Number');
    const d = expectOne(
      checkDecls('  source s { m: Money converted on label, label: Text }'),
      'AT5102',
      'label',
    );
    expect(d.message).toBe('m is converted at the FX rate of a date, but label is Text');
    expect(
      checkDecls('  source s { m: Money converted on booked, booked: Date dated, who: Payee owner }')
        .diagnostics,
    ).toEqual([]);
  });

  it('knows currency codes (AT3011)', () => {
    expectOne(checkDecls('  source s { m: Money(USS) }'), 'AT3011', 'USS');
    expectOne(checkDecls('  let x = convert(5 EUR, XYZ)'), 'AT3011', 'XYZ');
  });

  it('reports a missing plan currency once, without a mismatch for every amount', () => {
    const text = planText(
      '  let x = 5 USD + 2 EUR\n  bonus b = 3 EUR',
      'period quarter\n  effective 2026-01-01 to 2026-12-31',
    );
    const codes = analyze(text).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c !== 'AT2006')).toEqual(['AT1101', 'AT3002']);
  });

  it('reports an unknown plan currency once, without a mismatch for every amount', () => {
    const text = planText(
      '  let x = 5 USD + 2 USD\n  bonus b = x',
      'currency USX\n  period quarter\n  effective 2026-01-01 to 2026-12-31',
    );
    const diagnostics = analyze(text).diagnostics.filter((d) => d.code !== 'AT2006');
    expect(diagnostics.map((d) => [d.code, textAt(text, d.range)])).toEqual([['AT3011', 'USX']]);
  });
});
