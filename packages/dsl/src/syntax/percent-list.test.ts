/**
 * A `,` missing between the percentages of a seasonality or ramp is one error; the quota's other
 * clauses are still read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const plan = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'enterprise-ae', 'plan.attain'),
  'utf8',
);

function found(from: string, to: string): string[] {
  expect(plan).toContain(from);
  return compile(plan.replace(from, to)).diagnostics.map(
    (d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`,
  );
}

describe('a missing `,` in a list of percentages', () => {
  it('is one error in a seasonality', () => {
    // Before: the list and the quota ended at `24%`: "Expected a setting, a declaration or the
    // closing `}` of the plan but found `26%`", then the ramp, prorate and relief clauses were
    // skipped up to `payee` in `payee.hire_date` ("Expected `{` but found `.`", line 52) and
    // AT2006 said that quota_relief, used by the lost relief clause, is never used.
    expect(found('seasonality 20%, 24%, 26%, 30%', 'seasonality 20%, 24% 26%, 30%')).toEqual([
      'AT1002 49: Missing `,` after `24%`',
    ]);
  });

  it('is one error in a ramp', () => {
    // Before: "Missing `from` after `50%`", "Expected a setting ... but found `from`",
    // "Expected `{` but found `.`" and the false AT2006.
    expect(found('ramp 25%, 50%, 75%', 'ramp 25%, 50% 75%')).toEqual(['AT1002 52: Missing `,` after `50%`']);
  });
});
