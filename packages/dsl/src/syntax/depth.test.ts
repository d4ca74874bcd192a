import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { format } from '../format/format.js';
import { getCompletions, getHover, getReferences } from '../index.js';
import { maxExpressionDepth } from './depth.js';
import { parse } from './parse.js';

const plan = (expr: string) => `plan "Deep" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  measure x = ${expr}
  measure y = x + 1
}`;
const sum = (terms: number) => Array.from({ length: terms }, () => '1').join(' + ');

describe('expressions too deep for the tree walks', () => {
  it('are reported over the expression and left out, whatever their length, and nothing throws', () => {
    for (const terms of [maxExpressionDepth + 1, 5_000, 20_000]) {
      const text = plan(sum(terms));
      const start = text.indexOf('1 + 1');
      const { diagnostics, plan: compiled } = compile(text);
      expect(compiled).toBeUndefined();
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.code, d.range.start.offset, d.range.end.offset])).toEqual([
        ['AT1001', start, start + sum(terms).length],
      ]);
      expect(errors[0]?.message).toBe(
        `This expression is more than ${maxExpressionDepth} operators or calls deep: split it into smaller definitions with \`let\``,
      );
      const at = text.indexOf('measure y') + 'measure y = '.length;
      expect(getHover(text, at)).toBeDefined();
      expect(() => getCompletions(text, at)).not.toThrow();
      expect(() => getReferences(text, at)).not.toThrow();
      expect(() => format(text)).not.toThrow();
    }
  });

  it('leaves an expression at the limit alone', () => {
    // n terms make n - 1 nested additions plus the innermost number: n levels.
    const text = plan(sum(maxExpressionDepth));
    expect(parse(text).diagnostics).toEqual([]);
    // (A warning that y is never used is all the checker says.)
    expect(compile(text).plan).toBeDefined();
  });

  it('reports a chain of prefixes too deep even to parse over a visible range, not at 0:0', () => {
    for (const chain of ['not '.repeat(30_000), '-'.repeat(30_000), 'if true then '.repeat(10_000)]) {
      const text = plan(`${chain}1`);
      const { diagnostics } = compile(text);
      const error = diagnostics.find((d) => d.code === 'AT1001');
      expect(error).toBeDefined();
      expect((error?.range.end.offset ?? 0) - (error?.range.start.offset ?? 0)).toBeGreaterThan(0);
    }
  });
});
