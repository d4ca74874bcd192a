import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from './json-text.js';

/** The pieces `writeJson` emits for `value`. */
function piecesOf(value: unknown, indent = ''): string[] {
  const pieces: string[] = [];
  writeJson(value, indent, (text) => pieces.push(text));
  return pieces;
}

/** What writeJson must write: JSON.stringify's text, its lines after the first indented. */
function expected(value: unknown, indent = ''): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/** A statement-like value: a long array of lines nested four deep, as in a large run. */
function statementWithLines(count: number): unknown {
  const lines = Array.from({ length: count }, (_, i) => ({
    id: `commission:D${i}`,
    amount: `${i}.00`,
    trace: { rule: { kind: 'earning', name: 'commission' }, inputs: [{ name: 'rate', value: '0.08' }] },
  }));
  return { payee: 'ae-1', earnings: [{ id: 'commission', lines }], payout: '1.00' };
}

describe('writeJson', () => {
  it('writes a small nested value as JSON.stringify(value, null, 2) does, indented', () => {
    const value = { a: 1, b: [true, null, 'x'], c: {}, d: [], e: { f: [{ g: 'h' }] } };
    expect(piecesOf(value, '    ').join('')).toBe(
      '{\n' +
        '      "a": 1,\n' +
        '      "b": [\n' +
        '        true,\n' +
        '        null,\n' +
        '        "x"\n' +
        '      ],\n' +
        '      "c": {},\n' +
        '      "d": [],\n' +
        '      "e": {\n' +
        '        "f": [\n' +
        '          {\n' +
        '            "g": "h"\n' +
        '          }\n' +
        '        ]\n' +
        '      }\n' +
        '    }',
    );
  });

  it('leaves undefined out of objects and writes it as null in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, () => 1], c: 2 };
    expect(piecesOf(value).join('')).toBe('{\n  "b": [\n    null,\n    null\n  ],\n  "c": 2\n}');
  });

  it('is JSON.stringify(value, null, 2) byte for byte, for any JSON data and indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(6), (value, width) => {
        const indent = ' '.repeat(width);
        expect(piecesOf(value, indent).join('')).toBe(expected(value, indent));
      }),
    );
  });

  it('is JSON.stringify(value, null, 2) byte for byte for other values too (dates, maps, holes, boxes)', () => {
    const values = fc.anything({
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(values, (value) => {
        fc.pre(JSON.stringify(value) !== undefined);
        expect(piecesOf(value, '  ').join('')).toBe(expected(value, '  '));
      }),
    );
  });

  it('writes a statement of 10,000 lines in small pieces', () => {
    const value = statementWithLines(10_000);
    const pieces = piecesOf(value, '    ');
    expect(pieces.join('')).toBe(expected(value, '    '));
    // Written whole it is one string of about 3 MB; batches of 32 lines are about 10 KB.
    expect(expected(value, '    ').length).toBeGreaterThan(3_000_000);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(16_000);
  });

  it('refuses a value that has no JSON text', () => {
    expect(() => piecesOf(undefined)).toThrow(TypeError);
  });
});
