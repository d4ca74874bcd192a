import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { checkDecls, expectOne, planText, textAt } from './test-plans.js';

describe('lets, measures and metrics (AT3007)', () => {
  it('accepts a value of the declared type', () => {
    expect(
      checkDecls('let x: Money = payee.ote / 4\n  metric m: Number = 3\n  measure p: Percent = 0')
        .diagnostics,
    ).toEqual([]);
  });

  it('reports a value that does not match the declared type, pointing at the declaration', () => {
    const result = checkDecls('  measure share: Money = attainment * 2');
    const d = expectOne(result, 'AT3007', 'attainment * 2');
    expect(d.message).toBe('share is declared as Money (USD), but its value is Percent');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['Money']);
  });

  it('reports a declared currency that differs from the value’s', () => {
    expectOne(checkDecls('  let x: Money(EUR) = payee.ote'), 'AT3007', 'payee.ote');
  });

  it('reports an unknown currency in a declared type (AT3011)', () => {
    expectOne(checkDecls('  let x: Money(EURO) = 5 EUR'), 'AT3011', 'EURO');
  });

  it('uses the declared type where the name is used, so one mistake is reported once', () => {
    const result = checkDecls('  let x: Money = 5%\n  let y = x + payee.ote');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT3007']);
  });

  it('types a long chain of lets, each using the next, without deep recursion', () => {
    // Before: about 900 such lets overflowed the checker's stack ("internal error", AT1001).
    const chain = (n: number) => {
      const lets = Array.from({ length: n }, (_, i) => `  let l${i} = l${i + 1} + 1 USD`).join('\n');
      return compile(planText(`${lets}\n  let l${n} = 1 USD\n  bonus b = l0`));
    };
    // 550 lets (each 3 + 2 levels: 2,750 in all) are within what a calculation can chain
    // (AT2011): a plan, in dependency order.
    const result = chain(550);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.lets).toHaveLength(551);
    expect(result.plan?.order[0]).toEqual({ kind: 'let', name: 'l550' });
    // 5,000 are typed too, with no internal error: the only problem is the chain's length.
    expect(chain(5000).diagnostics.map((d) => d.code)).toEqual(['AT2011']);
  });

  it('types a chain that runs through rate tables and lookup tables', () => {
    const n = 3000;
    const steps = Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? `  let l${i} = rate(t${i}) + 1%\n  rate table t${i} on attainment marginal {\n    0% and up : l${i + 1}\n  }`
        : `  let l${i} = lookup(k${i}, "A") + 1%\n  lookup table k${i} by x {\n    "A" : l${i + 1}\n    otherwise : 0%\n  }`,
    ).join('\n');
    const result = checkDecls(`${steps}\n  let l${n} = 1%\n  bonus b = bookings * l0`);
    // Typed without an internal error; the only problem is the chain's length (AT2011).
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT2011']);
  });

  it('ends a cycle in Unknown without a type error', () => {
    const result = checkDecls('  let a = b + 1\n  let b = a * payee.ote');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT2005']);
  });
});

describe('earnings (AT3008, AT5007)', () => {
  it('must be money in the plan currency', () => {
    const result = checkDecls('  bonus b = attainment * 2');
    const d = expectOne(result, 'AT3008', 'attainment * 2');
    expect(d.message).toBe('Earning b pays money, so it must be Money (USD), but this is Percent');
  });

  it('reports an earning in another currency as AT3008 too', () => {
    expectOne(checkDecls('  bonus b = 100 EUR'), 'AT3008', '100 EUR');
  });

  it('accepts a literal zero as money', () => {
    expect(checkDecls('  bonus b = 0').diagnostics).toEqual([]);
  });

  it('checks gates, caps and floors', () => {
    const base = '  bonus b = 100 USD';
    expectOne(checkDecls(`${base} when payee.ote`), 'AT3004', 'payee.ote');
    expectOne(checkDecls(`${base} cap 50%`), 'AT3001', '50%');
    expectOne(checkDecls(`${base} floor 10 EUR`), 'AT3002', '10 EUR');
    expect(checkDecls(`${base} when attainment >= 50% cap 2 * payee.ote floor 0`).diagnostics).toEqual([]);
  });

  it('pays per line only through a credit, directly or through measures', () => {
    expect(checkDecls('  commission c = tiered(bookings, rates) per line').diagnostics).toEqual([]);
    expect(
      checkDecls('  let base_rate = bookings * 2%\n  commission c = base_rate per line').diagnostics,
    ).toEqual([]);
    const result = checkDecls('  commission c = payee.ote * 2% per line');
    const d = expectOne(result, 'AT5007', 'per line');
    expect(d.message).toContain('per line');
  });
});

describe('quotas (AT3201, AT3202, AT3203)', () => {
  it('accepts a full quota', () => {
    const quota = `  quota full = payee.annual_quota
    seasonality 19%, 24.5%, 28%, 28.5%
    ramp 25%, 50%, 100% from payee.hire_date starting next month after day 15
    prorate by calendar days
    relief 1000 USD`;
    expect(checkDecls(quota).diagnostics).toEqual([]);
  });

  it('must be money', () => {
    expectOne(checkDecls('  quota bad = 50%'), 'AT3202', '50%');
    expectOne(checkDecls('  quota bad = payee.ote relief 5'), 'AT3202', '5');
  });

  it('needs one seasonality share per period, summing to 100%', () => {
    const count = checkDecls('  quota s = payee.ote seasonality 50%, 50%');
    const d = expectOne(count, 'AT3201', 'seasonality 50%, 50%');
    expect(d.message).toBe(
      'The plan is paid by quarter, so the seasonality of s needs 4 shares, one per quarter, but has 2',
    );
    const sum = checkDecls('  quota s = payee.ote seasonality 25%, 25%, 25%, 24.9%');
    expect(expectOne(sum, 'AT3201', 'seasonality 25%, 25%, 25%, 24.9%').message).toBe(
      'The seasonality shares of s add up to 99.9%, not 100%',
    );
  });

  // Added with 20 significant digits (decimal.js's default), 25.0000000000000000000001 × 3 +
  // 24.9999999999999999999998 = 99.9999999999999999999999... was rounded up to 100.
  it('adds seasonality shares exactly beyond 20 significant digits', () => {
    const shares =
      'seasonality 25.0000000000000000000001%, 25.0000000000000000000001%, 25.0000000000000000000001%, 24.9999999999999999999998%';
    const off = checkDecls(`  quota s = payee.ote ${shares}`);
    expect(expectOne(off, 'AT3201', shares).message).toBe(
      'The seasonality shares of s add up to 100.0000000000000000000001%, not 100%',
    );
  });

  it('caps ramp steps at 100% and starts a ramp from a date', () => {
    expectOne(checkDecls('  quota r = payee.ote ramp 50%, 120% from payee.hire_date'), 'AT3203', '120%');
    expectOne(checkDecls('  quota r = payee.ote ramp 50% from payee.region'), 'AT3001', 'payee.region');
  });
});

describe('payout adjustments', () => {
  it('accepts draws, guarantees, holdbacks and clawbacks of the right types', () => {
    const decls = `  draw d = 3000 USD recoverable for 2 periods
  guarantee g = 1000 USD for 3 periods from payee.hire_date
  holdback h = 10% of comm until attainment >= 100%
  commission per_deal = bookings * 1% per line
  clawback c = deals cancelled on close_date within 90 days at original rate`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('warns about a clawback on a source no per-line earning pays lines on (AT5106)', () => {
    // comm (in the base plan) is paid per period: no line on any deal, nothing to take back.
    const checked = checkDecls(
      '  clawback c = deals cancelled on close_date within 90 days at original rate',
    );
    expectOne(checked, 'AT5106', 'deals');
    expect(checked.diagnostics[0]?.message).toBe(
      'A clawback takes back the lines an earning paid on a cancelled record, but no `per line` earning pays lines on the records of deals, so it never takes anything back',
    );
  });

  it('reports wrong types', () => {
    expectOne(checkDecls('  draw d = 30% recoverable'), 'AT3001', '30%');
    expectOne(checkDecls('  guarantee g = 1000 USD for 3 periods from 5'), 'AT3001', '5');
    expectOne(checkDecls('  holdback h = 10% of comm until payee.ote'), 'AT3001', 'payee.ote');
    expectOne(checkDecls('  holdback h = 150% of comm'), 'AT3001', '150%');
    expectOne(
      checkDecls('  clawback c = deals cancelled on stage within 90 days at original rate'),
      'AT3001',
      'stage',
    );
    expectOne(checkDecls('  draw d = 5 USD recoverable for 0 periods'), 'AT3001', '0');
  });
});
