import { describe, expect, test } from 'vitest';
import { stripRanges } from './strip-ranges.js';

const range = { start: { line: 0, character: 1, offset: 1 }, end: { line: 0, character: 4, offset: 4 } };

describe('stripRanges', () => {
  test('drops `range` properties and any property holding a range, at any depth', () => {
    const value = {
      kind: 'Let',
      range,
      name: 'x',
      nested: [{ nameRange: range, value: '1' }],
      at: { line: 1 },
    };
    expect(stripRanges(value)).toEqual({ kind: 'Let', name: 'x', nested: [{ value: '1' }], at: { line: 1 } });
  });

  test('leaves the input unchanged and keeps scalars and undefined alone', () => {
    const value = { range, list: [1, 'a', null] };
    stripRanges(value);
    expect(value.range).toBe(range);
    expect(stripRanges(value)).toEqual({ list: [1, 'a', null] });
    expect(stripRanges(undefined)).toBeUndefined();
    expect(stripRanges('text')).toBe('text');
  });
});
