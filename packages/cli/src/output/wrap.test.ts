import { describe, expect, it } from 'vitest';
import { wrapList } from './wrap.js';

describe('wrapList', () => {
  it('keeps a short list on one line', () => {
    expect(wrapList(['1 source', '2 credits'], 10, '    ')).toBe('1 source, 2 credits');
  });

  it('breaks before an item that would pass the width, indenting later lines', () => {
    expect(wrapList(['aaaa', 'bbbb', 'cccc'], 2, '  ', 14)).toBe('aaaa, bbbb,\n  cccc');
  });

  it('never leaves a line empty when one item is wider than the width', () => {
    expect(wrapList(['a-very-long-item', 'b'], 0, '', 5)).toBe('a-very-long-item,\nb');
  });
});
