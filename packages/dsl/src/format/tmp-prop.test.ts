import { test, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../syntax/parse.js';
import { formatFile } from './format.js';
import { validPlanArbitrary } from '../testing/arbitrary.js';
import { meaningOf } from '../testing/same-meaning.js';
test('prop', () => {
  fc.assert(
    fc.property(validPlanArbitrary({ maxDeclarations: 8 }), (text) => {
      const p = parse(text);
      expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const once = formatFile(p.file, text);
      const p2 = parse(once);
      expect(p2.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(meaningOf(p2.file)).toEqual(meaningOf(p.file));
      const twice = formatFile(p2.file, once);
      expect(twice).toEqual(once);
      expect(p2.file.comments.map((c) => c.text.trimEnd()).sort()).toEqual(p.file.comments.map((c) => c.text.trimEnd()).sort());
    }),
    { numRuns: 300, seed: 2 },
  );
});
