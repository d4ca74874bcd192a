/**
 * A table whose rows did not all parse is not checked row against row: the rows that were read
 * are not the rows that were written, so "out of order", "gap", "no open top tier", "no
 * `otherwise` row" or "only one point" would describe the half-read text. The syntax error is the
 * one diagnostic; once it is fixed the table is checked in full.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const examples = join(import.meta.dirname, '..', '..', '..', '..', 'examples');
const example = (name: string): string => readFileSync(join(examples, name, 'plan.attain'), 'utf8');

function found(plan: string, row: string, typo: string): string[] {
  expect(plan).toContain(row);
  return compile(plan.replace(row, typo)).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`);
}

/** `code line` of every diagnostic but AT2006 (the tables below are not used by an earning). */
function codes(source: string): string[] {
  return compile(source)
    .diagnostics.filter((d) => d.code !== 'AT2006')
    .map((d) => `${d.code} ${d.range.start.line + 1}`);
}

const plan = (table: string): string => `plan "Example" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  payee {
    quota: Money
  }
  measure attainment = ratio(100 USD, payee.quota)
${table}
}
`;

describe('tables with a row that did not parse', () => {
  it('reports no gap where a tier could not be read', () => {
    // `fifty% to 100%: 17%` is skipped whole (line 74): tiers 0-50% and 100-150% are left, and
    // before, AT4002 "Tiers 1 and 2 leave a gap between 50% and 100%" was reported on line 75.
    const d = found(example('enterprise-ae'), '    50% to 100%: 17%', '    fifty% to 100%: 17%');
    // One error over `fifty%` (before: AT1001 on the word and AT1004 on the `%` after it).
    expect(d).toEqual(['AT1006 74']);
  });

  it('reports no overlap with a tier half read', () => {
    // `50% and 100%: 17%` is read as far as `50% and` (line 74), a tier with no upper bound: before,
    // AT4003 "Tiers 2 and 3 overlap: tier 2 has no upper bound" was reported on line 75.
    const d = found(example('enterprise-ae'), '    50% to 100%: 17%', '    50% and 100%: 17%');
    expect(d).toEqual(['AT1001 74']);
  });

  it('does not call a table with its one tier mistyped empty', () => {
    // Before: also AT4007 "Rate table r has no tiers" (line 10).
    const source = plan('  rate table r on attainment marginal {\n    from 0%: 5%\n  }');
    expect(codes(source)).toEqual(['AT1001 11']);
  });

  it('does not ask for an `otherwise` row when that row was mistyped', () => {
    // `otherwize: 4%` is skipped (line 86); before, AT4011 "partner_rates has no `otherwise` row"
    // was also reported on the table's name (line 80).
    const d = found(example('channel-partner'), '    otherwise: 4%', '    otherwize: 4%');
    expect(d).toEqual(['AT1001 86']);
  });

  it('does not count the points of a curve with a point mistyped', () => {
    // Before: also AT4007 "Pay curve c has only one point" (line 10).
    const source = plan('  pay curve c on attainment {\n    0%: 0%\n    at 100%: 100%\n  }');
    expect(codes(source)).toEqual(['AT1001 12']);
  });

  it('still checks a table without syntax errors in full', () => {
    // The same tiers written correctly but with a gap: AT4002 on the second tier (line 12).
    const source = plan(
      '  rate table r on attainment marginal {\n    0% to 50%: 5%\n    60% and up: 7%\n  }',
    );
    expect(codes(source)).toEqual(['AT4002 12']);
  });
});
