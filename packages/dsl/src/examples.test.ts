/**
 * The example plans in `examples/` are the plans the documentation walks through: each must
 * compile without a single diagnostic (not even a warning) and already be in the formatter's
 * canonical layout.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { format } from './format/format.js';
import { examplePlans } from './test-support.js';

const plans = examplePlans.map((path) => ({ name: basename(dirname(path)), path }));

/** A diagnostic as one readable line, so a failing test shows what the checker said and where. */
const describeDiagnostic = (d: {
  code: string;
  message: string;
  range: { start: { line: number } };
}): string => `${d.code} line ${d.range.start.line + 1}: ${d.message}`;

describe('example plans', () => {
  it('has the five documented examples', () => {
    expect(plans.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining(['channel-partner', 'csm-renewals', 'enterprise-ae', 'sales-manager', 'sdr']),
    );
  });

  for (const plan of plans) {
    describe(plan.name, () => {
      const text = readFileSync(plan.path, 'utf8');

      it('compiles with no diagnostic at all', () => {
        const result = compile(text, { uri: plan.path });
        expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
        expect(result.plan).toBeDefined();
      });

      it('is in the formatter’s canonical layout', () => {
        const result = format(text);
        expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
        expect(result.text).toBe(text);
      });
    });
  }
});
