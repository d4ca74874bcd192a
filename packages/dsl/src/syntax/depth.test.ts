import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { format } from '../format/format.js';
import { getCompletions, getHover, getReferences } from '../index.js';
import { maxExpressionDepth, maxExpressionTerms } from './depth.js';
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
    // A flat sum used to be rejected as "more than 256 operators deep" from 257 terms on (review
    // finding 12); now the limit of a run of operators is 1,000 terms.
    for (const terms of [maxExpressionTerms + 1, 5_000, 20_000]) {
      const text = plan(sum(terms));
      const start = text.indexOf('1 + 1');
      const { diagnostics, plan: compiled } = compile(text);
      expect(compiled).toBeUndefined();
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.code, d.range.start.offset, d.range.end.offset])).toEqual([
        ['AT1001', start, start + sum(terms).length],
      ]);
      expect(errors[0]?.message).toBe(
        'This expression is too long: more than 1,000 terms in a row; split it into smaller definitions with `let`',
      );
      const at = text.indexOf('measure y') + 'measure y = '.length;
      expect(getHover(text, at)).toBeDefined();
      expect(() => getCompletions(text, at)).not.toThrow();
      expect(() => getReferences(text, at)).not.toThrow();
      expect(() => format(text)).not.toThrow();
    }
  });

  it('a flat run of 1,000 terms compiles and formats', () => {
    // Before: anything above 256 terms was an error. 1,000 ones make 1,000; `-` runs too.
    expect(maxExpressionTerms).toBe(1_000);
    for (const text of [
      plan(sum(1_000)),
      plan(`1000${' - 1'.repeat(999)}`),
      plan(`1${' * 1'.repeat(999)}`),
    ]) {
      expect(parse(text).diagnostics).toEqual([]);
      const { plan: compiled, diagnostics } = compile(text);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(compiled).toBeDefined();
      const formatted = format(text).text ?? '';
      expect(format(formatted).text).toBe(formatted);
    }
  });

  it('a run of one precedence counts as one level of nesting; nesting deeper than 256 is reported', () => {
    // 300 `not`s are 301 levels: too deep, although far fewer than 1,000 terms.
    const text = plan(`${'not '.repeat(300)}true`);
    const errors = compile(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([
      `This expression is more than ${maxExpressionDepth} levels deep (operators, calls or brackets inside one another): split it into smaller definitions with \`let\``,
    ]);
    // 200 `-` signs around a run of 4 terms: 202 levels, fine.
    const nested = plan(`${'-'.repeat(200)}(1 + 1 + 1 + 1)`);
    expect(compile(nested).diagnostics.filter((d) => d.code === 'AT1001')).toEqual([]);
  });

  it('leaves an expression at the limit alone', () => {
    // n terms make n - 1 nested additions plus the innermost number: n levels.
    const text = plan(sum(maxExpressionTerms));
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
