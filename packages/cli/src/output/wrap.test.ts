import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapList, wrapWords } from './wrap.js';

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

describe('wrapWords', () => {
  it('breaks at the last space that keeps the line within the width', () => {
    expect(wrapWords('Payout is 2,777.00 USD: earned 2,230.00 USD', '  ', 26)).toBe(
      '  Payout is 2,777.00 USD:\n  earned 2,230.00 USD',
    );
  });

  it('keeps a word wider than a line whole on a line of its own', () => {
    expect(wrapWords('a adjustment:holdback:commission_reserve b', '', 10)).toBe(
      'a\nadjustment:holdback:commission_reserve\nb',
    );
  });

  const words = fc.array(fc.stringMatching(/^[a-z0-9,.:%]{1,14}$/), { minLength: 1, maxLength: 40 });
  it('keeps every word in order, indents every line, and passes the width only with a lone word', () => {
    fc.assert(
      fc.property(
        words,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 10, max: 120 }),
        (list, n, width) => {
          const indent = ' '.repeat(n);
          const lines = wrapWords(list.join(' '), indent, width).split('\n');
          expect(lines.flatMap((l) => l.trim().split(' '))).toEqual(list);
          for (const line of lines) {
            expect(line.startsWith(indent)).toBe(true);
            if (line.length > width) expect(line.trim()).not.toContain(' ');
          }
        },
      ),
    );
  });
});
