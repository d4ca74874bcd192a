import { describe, expect, it } from 'vitest';
import { maxNesting } from './nesting.js';
import { declarations, parseBody, requiredHeader } from './test-support.js';

describe('nesting limit', () => {
  it('accepts nesting up to the limit without diagnostics', () => {
    const depth = maxNesting;
    const result = parseBody(`measure x = ${'('.repeat(depth)}1${')'.repeat(depth)}`);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports nesting beyond the limit, covering the part left out, and keeps later declarations', () => {
    const deep = `${'('.repeat(maxNesting + 3)}1${')'.repeat(maxNesting + 3)}`;
    const body = `measure x = ${deep}\nmeasure y = 2`;
    const source = `plan "Test" {\n${requiredHeader}${body}\n}\n`;
    const result = parseBody(body);
    const first = result.diagnostics[0];
    expect(first?.code).toBe('AT1001');
    expect(first && source.slice(first.range.start.offset, first.range.end.offset)).toBe('(((1)))');
    expect(declarations(result).map((d) => d.kind)).toEqual(['Measure', 'Measure']);
  });
});
