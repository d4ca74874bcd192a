import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from './json-syntax.js';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'a "," before "}" (JSON allows no comma after the last item)'],
    ['[\n  1,\n  2,\n]', 4, 1, 'a "," before "]" (JSON allows no comma after the last item)'],
    ['[\n  1,\n  oops\n]', 3, 3, 'found "oops", which is not JSON (a text is written in double quotes)'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name, found "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," before the next value, found "\\"b\\""'],
    ['{"a": 1', 1, 8, 'expected "}" to close the object, found the end of the file'],
    ['', 1, 1, 'expected a value, found the end of the file'],
    ['{"a": 1} // done', 1, 10, 'JSON has no comments, found "// done"'],
    ["{'a': 1}", 1, 2, 'found "\'a\'", which is not JSON (a text is written in double quotes)'],
  ])('places the first mistake of %j at line %i, column %i', (text, line, column, message) => {
    expect(jsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('finds nothing wrong in JSON that JSON.parse reads', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonSyntaxError(text)).toBeUndefined();
      }),
    );
  });

  it('places a mistake in the text whenever JSON.parse rejects a damaged JSON text', () => {
    const damaged = fc
      .tuple(
        fc.json({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\t', '{', '[', '\n'),
      )
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        // Replace one character (or add one at the end).
        return `${text.slice(0, i)}${insert}${text.slice(i + 1)}`;
      });
    fc.assert(
      fc.property(damaged, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = jsonSyntaxError(text);
        if (valid) return;
        expect(error).toBeDefined();
        const lines = text.split('\n');
        expect(error?.line).toBeLessThanOrEqual(lines.length);
        expect(error?.column).toBeLessThanOrEqual((lines[(error?.line ?? 1) - 1]?.length ?? 0) + 1);
      }),
      { numRuns: 500 },
    );
  });
});
