/**
 * A mistake in one row of a table or field block (a tier, a lookup row, a curve point, a field) is
 * one error on that row; the rows after it are read as written. The plans are the example plans
 * with one row changed, as a comp admin would mistype it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const examples = join(import.meta.dirname, '..', '..', '..', '..', 'examples');
const example = (name: string): string => readFileSync(join(examples, name, 'plan.attain'), 'utf8');
const enterpriseAe = example('enterprise-ae');
const csmRenewals = example('csm-renewals');
const channelPartner = example('channel-partner');

/** The plan with `row` written as `typo` (the row must be in the plan). */
function mistype(plan: string, row: string, typo: string): string {
  expect(plan).toContain(row);
  return plan.replace(row, typo);
}

/** `code line: message` of every diagnostic (lines from 1). */
function found(source: string): string[] {
  return compile(source).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`);
}

describe('rate table rows', () => {
  // In enterprise-ae the tiers are on lines 73 to 76:
  //   0% to 50%: 8% / 50% to 100%: 17% / 100% to 150%: 22% # accelerator / 150% and up: 25%
  const tier2 = '    50% to 100%: 17%';

  it('reports `50% t0 100%` once, on its row', () => {
    // Before: AT1001 at `t0` and at `:` (line 74), a false AT4004 "tier 4 starts at 17%" and an
    // AT1001 on the correct row 75. The hint wording is the next commit's; here: one error.
    const d = found(mistype(enterpriseAe, tier2, '    50% t0 100%: 17%'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatch(/^AT1001 74: /);
  });

  it('reports a missing rate once, not the next row as its rate', () => {
    // Before: the next row's `100%` was read as the rate, then `to`, `:` and `150%` were errors
    // and AT4004 "tier 4 starts at 22%" was reported on line 75.
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%:'))).toEqual([
      'AT1002 74: Missing a rate like `5%` after `:`',
    ]);
  });

  it('reports a missing colon, and a word where the colon goes, once', () => {
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100% 17%'))).toEqual([
      'AT1002 74: Missing `:` after `100%`',
    ]);
    // Before: "Missing `:` after `100%`" and "Expected a tier ... but found `:`" on one row.
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100% USD: 17%'))).toEqual([
      'AT1001 74: Expected `:` but found `USD`',
    ]);
  });

  it('reports a `,` written for the colon once, not the next row', () => {
    // Before: three errors, AT1002 "Missing `:` after `100%`" and AT1001 "Expected a rate like
    // `5%` but found `,`" on line 74, then `17%` was read as a tier running on into line 75:
    // AT1001 "Expected `to` and an upper bound, or `and up` but found `100%`" on the correct row.
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%, 17%'))).toEqual([
      'AT1001 74: Expected `:` but found `,`',
    ]);
    // A curve point too (csm-renewals, line 78). Before: three errors on the row, the last
    // "Missing `:` after `25%`" (`25%` read as a point of its own).
    expect(found(mistype(csmRenewals, '    85%: 25%', '    85%, 25%'))).toEqual([
      'AT1001 78: Expected `:` but found `,`',
    ]);
  });

  it('reports an extra token at the end of a row once, not as a tier of its own', () => {
    // Before: `5%` was read as tier 3, AT4004 "tier 3 starts at 5%" and an AT1001 on line 75.
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%: 17% 5%'))).toEqual([
      'AT1001 74: Expected a tier like `0% to 50%: 2%` or `}` but found `5%`',
    ]);
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%: 17% x'))).toEqual([
      'AT1001 74: Expected a tier like `0% to 50%: 2%` or `}` but found `x`',
    ]);
  });

  it('does not continue a rate ending in an operator onto the next row', () => {
    // Before: `17% *` took the next row's `100%` as its operand, and the error was reported on
    // the correct row 75: "Expected a tier like `0% to 50%: 2%` or `}` but found `to`".
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%: 17% *'))).toEqual([
      'AT1001 74: Expected a tier like `0% to 50%: 2%` or `}` but found `*`',
    ]);
    // A rate may still go on over lines when the next line does not start a row.
    expect(found(mistype(enterpriseAe, tier2, '    50% to 100%: 17% *\n      1'))).toEqual([]);
  });

  it('reports two mistyped rows with one error each', () => {
    // Before: six diagnostics, among them a false AT4004 and an error on the correct line 75.
    const source = mistype(
      mistype(enterpriseAe, tier2, '    50% t0 100%: 17%'),
      '    150% and up: 25%',
      '    150% and upp: 25%',
    );
    const d = found(source);
    expect(d.map((line) => line.slice(0, 10))).toEqual(['AT1001 74:', 'AT1001 76:']);
    expect(d[1]).toBe('AT1001 76: Expected `up` but found `upp`');
  });

  it('still reads tiers written on one line', () => {
    const plan = mistype(
      enterpriseAe,
      '    0% to 50%: 8%\n    50% to 100%: 17%\n',
      '    0% to 50%: 8%, 50% to 100%: 17%\n',
    );
    expect(found(plan)).toEqual([]);
    const noComma = mistype(enterpriseAe, '    0% to 50%: 8%\n    50%', '    0% to 50%: 8% 50%');
    expect(found(noComma)).toEqual([]);
  });
});

describe('pay curve points', () => {
  // In csm-renewals the points are on lines 77 to 82: 80%: 0% / 85%: 25% / 90%: 60% / ...
  const point = '    85%: 25%';

  it('reports a missing value once, not the next point as its value', () => {
    // Before: eight errors, two on each of the lines 79 to 82.
    expect(found(mistype(csmRenewals, point, '    85%:'))).toEqual([
      'AT1002 78: Missing a percentage like `10%` after `:`',
    ]);
  });

  it('reports a missing colon and a typo in another point once each', () => {
    // Before: seven errors, on lines 78, 80, 81 and 82.
    const source = mistype(mistype(csmRenewals, point, '    85% 25%'), '    95%: 100%', '    95%: 100');
    expect(found(source)).toEqual([
      'AT1002 78: Missing `:` after `85%`',
      'AT1001 80: Expected a percentage like `10%` but found `100`',
    ]);
  });
});

describe('lookup table rows', () => {
  // In channel-partner the rows are on lines 81 to 86; line 82 is `"Platform", "EMEA": 7%`.
  const row = '    "Platform", "EMEA": 7%';

  it('reports a missing value once, not the next row as its value', () => {
    // Before: the next row's `"Platform"` was read as the value: a false AT3001 (Text among
    // percentages) and a false AT4008 (a row of one key) on line 83.
    expect(found(mistype(channelPartner, row, '    "Platform", "EMEA":'))).toEqual([
      'AT1002 82: Missing a value like `5%` after `:`',
    ]);
  });

  it('reports a missing `,` between keys once', () => {
    // Before: "Missing `:` after `"Platform"`" and "Expected a row ... but found `:`".
    expect(found(mistype(channelPartner, row, '    "Platform" "EMEA": 7%'))).toEqual([
      'AT1001 82: Expected `,` and another key, or `:` but found `"EMEA"`',
    ]);
  });

  it('does not read the rest of a mistyped row as a row', () => {
    // Before: also AT4008 "This row of partner_rates has 1 key" for `"EMEA": 7%`.
    expect(found(mistype(channelPartner, row, '    Platform, "EMEA": 7%'))).toEqual([
      'AT1001 82: Expected a row like `"EMEA": 5%` or `}` but found `Platform`',
    ]);
  });
});

describe('source fields', () => {
  it('reports a stray word after a field on its line, and reads the next field', () => {
    // Before: "Expected `:` but found `amount`" on line 20, the field `amount` was lost and a
    // false AT2003 said that deals has no field named amount.
    expect(found(mistype(enterpriseAe, '    account: Text\n', '    account: Text keyy\n'))).toEqual([
      'AT1001 19: Expected a field like `amount: Money` or `}` but found `keyy`',
    ]);
  });

  it('reports a mistyped type once', () => {
    // Before: also "Expected `:` but found `amount`" (line 20) and the false AT2003.
    expect(found(mistype(enterpriseAe, '    account: Text\n', '    account: Txet\n'))).toEqual([
      'AT1001 19: Expected a type such as Money, Date or Text but found `Txet`',
    ]);
  });
});
