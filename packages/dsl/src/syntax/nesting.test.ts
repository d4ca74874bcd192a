import { describe, expect, it } from 'vitest';
import { maxNesting } from './nesting.js';
import type { ParseResult } from './parse.js';
import { declarations, parseBody, requiredHeader } from './test-support.js';

const tooDeep = `Parentheses and brackets are nested more than ${maxNesting} deep here: split the expression with \`let\``;

/** Every diagnostic as code, message and the text it covers in `plan "Test" { ... body ... }`. */
const listed = (body: string, result: ParseResult): [string, string, string][] => {
  const source = `plan "Test" {\n${requiredHeader}${body}\n}\n`;
  return result.diagnostics.map((d) => [
    d.code,
    d.message,
    source.slice(d.range.start.offset, d.range.end.offset),
  ]);
};

describe('nesting limit', () => {
  it('accepts nesting up to the limit without diagnostics', () => {
    const depth = maxNesting;
    const result = parseBody(`measure x = ${'('.repeat(depth)}1${')'.repeat(depth)}`);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports nesting beyond the limit once, covering the part left out, and keeps later declarations', () => {
    const deep = `${'('.repeat(maxNesting + 3)}1${')'.repeat(maxNesting + 3)}`;
    const body = `measure x = ${deep}\nmeasure y = 2`;
    const result = parseBody(body);
    expect(listed(body, result)).toEqual([['AT1001', tooDeep, '(((1)))']]);
    expect(declarations(result).map((d) => d.kind)).toEqual(['Measure', 'Measure']);
  });

  it('reports one level too deep once, with no error at the bracket after the cut', () => {
    const depth = maxNesting + 1;
    const body = `measure x = ${'('.repeat(depth)}1${')'.repeat(depth)} + 2`;
    expect(listed(body, parseBody(body))).toEqual([['AT1001', tooDeep, '(1)']]);
  });

  it('reports each cut once, in calls and lists too', () => {
    // In a call and in a list, the call's `(` and the list's `[` count as one level each.
    const deep = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
    const body = [
      `measure x = ${deep(maxNesting + 1)}`,
      `measure y = max(${deep(maxNesting)}, 1)`,
      `measure z = count(deals where region in [${deep(maxNesting - 1)}])`,
    ].join('\n');
    expect(listed(body, parseBody(body))).toEqual([
      ['AT1001', tooDeep, '(1)'],
      ['AT1001', tooDeep, '(1)'],
      ['AT1001', tooDeep, '(1)'],
    ]);
  });

  it('still reports a real mistake after the nesting', () => {
    const body = `measure x = ${'('.repeat(maxNesting + 1)}1${')'.repeat(maxNesting + 1)} +\nmeasure y = 2`;
    expect(listed(body, parseBody(body))).toEqual([
      ['AT1001', tooDeep, '(1)'],
      ['AT1002', 'Missing a value such as a number, a name or `(` after `+`', '+'],
    ]);
  });
});
