import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clampOffset, LineIndex, rangeContains, rangeFromOffsets } from './positions.js';

describe('LineIndex', () => {
  it('splits lines on \\n, \\r\\n and a lone \\r', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    expect(index.lineCount).toBe(4);
    expect(index.position(0)).toEqual({ line: 0, character: 0, offset: 0 });
    expect(index.position(2)).toEqual({ line: 0, character: 2, offset: 2 });
    expect(index.position(3)).toEqual({ line: 1, character: 0, offset: 3 });
    expect(index.position(7)).toEqual({ line: 2, character: 0, offset: 7 });
    expect(index.position(10)).toEqual({ line: 3, character: 0, offset: 10 });
    expect(index.position(11)).toEqual({ line: 3, character: 1, offset: 11 });
  });

  it('counts characters in UTF-16 code units', () => {
    const index = new LineIndex('€😀x');
    expect(index.position(3)).toEqual({ line: 0, character: 3, offset: 3 });
  });

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.position(-4)).toEqual({ line: 0, character: 0, offset: 0 });
    expect(index.position(99)).toEqual({ line: 1, character: 2, offset: 5 });
    expect(index.position(Number.NaN)).toEqual({ line: 1, character: 2, offset: 5 });
  });

  it('finds the offset of a line and character, clamped to the line', () => {
    const index = new LineIndex('ab\ncd\r\nef');
    expect(index.offsetAt(1, 1)).toBe(4);
    // Line 1 is `cd` at offsets 3-4 and ends at 5, before its `\r\n`.
    expect(index.offsetAt(1, 40)).toBe(5);
    expect(index.offsetAt(1, 2)).toBe(5);
    expect(index.offsetAt(0, 3)).toBe(2);
    expect(index.offsetAt(2, 2)).toBe(9);
    expect(index.offsetAt(7, 0)).toBe(9);
    expect(index.offsetAt(-1, 0)).toBe(0);
  });

  it('makes ordered ranges from offsets', () => {
    const index = new LineIndex('ab\ncd');
    const range = rangeFromOffsets(index, 1, 4);
    expect(range.start).toEqual({ line: 0, character: 1, offset: 1 });
    expect(range.end).toEqual({ line: 1, character: 1, offset: 4 });
    expect(rangeFromOffsets(index, 4, 1).end.offset).toBe(4);
  });

  it('orders offsets given end first', () => {
    const index = new LineIndex('abc\ndef\nghi');
    // range(10, 5) is range(5, 10): `ef\ngh`, from line 1 character 1 (offset 5) to line 2
    // character 2 (offset 10), not an empty range at 10.
    expect(index.range(10, 5)).toEqual({
      start: { line: 1, character: 1, offset: 5 },
      end: { line: 2, character: 2, offset: 10 },
    });
    // range(2, 1) is `b`: offsets 1 to 2 on line 0.
    expect(index.range(2, 1)).toEqual(index.range(1, 2));
    expect(index.range(2, 1).start.offset).toBe(1);
    // rangeFromOffsets(ix, 6, 2) is `c\nde`: offset 2 (line 0 character 2) to 6 (line 1 character 2).
    expect(rangeFromOffsets(index, 6, 2)).toEqual({
      start: { line: 0, character: 2, offset: 2 },
      end: { line: 1, character: 2, offset: 6 },
    });
    // Both ends are clamped first: 100 becomes 11 (the length), -3 becomes 0.
    expect(index.range(100, -3)).toEqual(index.range(0, 11));
  });
});

describe('rangeContains', () => {
  const index = new LineIndex('hello world');
  const range = rangeFromOffsets(index, 6, 11);
  it('includes both ends, so a cursor right after a word is on it', () => {
    expect(rangeContains(range, 6)).toBe(true);
    expect(rangeContains(range, 11)).toBe(true);
    expect(rangeContains(range, 5)).toBe(false);
  });
});

describe('clampOffset', () => {
  it('maps NaN to the end and clamps into [0, length]', () => {
    expect(clampOffset(Number.NaN, 7)).toBe(7);
    expect(clampOffset(-1, 7)).toBe(0);
    expect(clampOffset(9, 7)).toBe(7);
    expect(clampOffset(3, 7)).toBe(3);
  });
});

it('never splits a CRLF line break', () => {
  const index = new LineIndex('ab\r\ncd');
  // `ab` is offsets 0-1; 2 is before `\r\n`, 3 would be between `\r` and `\n`.
  expect(index.offsetAt(0, 3)).toBe(2);
  expect(index.offsetAt(0, 2)).toBe(2);
  expect(index.offsetAt(1, 0)).toBe(4);
  expect(new LineIndex('ab\rcd').offsetAt(0, 9)).toBe(2);
});

/** True when `offset` lies between the `\r` and the `\n` of a CRLF line break (not a place for a cursor). */
const insideCrlf = (text: string, offset: number): boolean =>
  text[offset - 1] === '\r' && text[offset] === '\n';

test.prop([fc.string({ unit: 'binary' }), fc.nat()])('position and offsetAt are inverse', (text, n) => {
  const index = new LineIndex(text);
  const offset = text.length === 0 ? 0 : n % (text.length + 1);
  fc.pre(!insideCrlf(text, offset));
  const position = index.position(offset);
  expect(index.offsetAt(position.line, position.character)).toBe(offset);
});

const lineBreakText = fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n') });

test.prop([lineBreakText, fc.integer({ min: -2, max: 20 }), fc.integer({ min: -2, max: 20 })])(
  'offsetAt stays on its line, before its line break',
  (text, line, character) => {
    const index = new LineIndex(text);
    const offset = index.offsetAt(line, character);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(text.length);
    expect(insideCrlf(text, offset)).toBe(false);
    if (line >= 0 && line < index.lineCount) {
      expect(index.position(offset).line).toBe(line);
      // The content of a line holds no line break: from its start to the offset there is none.
      expect(text.slice(index.offsetAt(line, 0), offset)).not.toMatch(/[\r\n]/);
    }
  },
);

test.prop([lineBreakText, fc.integer({ min: -3, max: 30 }), fc.integer({ min: -3, max: 30 })])(
  'range(a, b) is range(b, a), with its start at or before its end',
  (text, a, b) => {
    const index = new LineIndex(text);
    const range = index.range(a, b);
    expect(index.range(b, a)).toEqual(range);
    expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
    // Clamped into [0, length]: the ends are the smaller and larger clamped offset.
    expect(range.start.offset).toBe(Math.min(clampOffset(a, text.length), clampOffset(b, text.length)));
    expect(range.end.offset).toBe(Math.max(clampOffset(a, text.length), clampOffset(b, text.length)));
  },
);
