import { describe, expect, test } from 'vitest';
import {
  breakAfter,
  commentText,
  type Doc,
  freshLine,
  group,
  hardline,
  indent,
  inlineComment,
  line,
  lineComment,
  softline,
} from './doc.js';
import { render } from './render.js';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word);
const chain = (parts: Doc[]) => group(parts.flatMap((p, i) => (i === 0 ? [p] : [' +', line, p])));

describe('render', () => {
  test('a group that fits stays on one line', () => {
    expect(render(chain(words(3)), 40)).toBe('word + word + word');
  });

  test('a group that does not fit breaks every one of its lines', () => {
    expect(render(indent(chain(words(4)), 4), 20)).toBe('word +\n    word +\n    word +\n    word');
  });

  test('a group fits against the text that follows it on the line', () => {
    const doc = [chain(['aaaa', 'bbbb']), ' {'];
    expect(render(doc, 13)).toBe('aaaa + bbbb {');
    expect(render(doc, 12)).toBe('aaaa +\nbbbb {');
  });

  test('nested groups break from the outside in', () => {
    const inner = group(['(', indent([softline, 'x', ',', line, 'y']), softline, ')']);
    expect(render(chain(['first', inner]), 14)).toBe('first + (x, y)');
    expect(render(chain(['first', inner]), 13)).toBe('first +\n(x, y)');
  });

  test('hard lines always break and lines carry no trailing spaces', () => {
    expect(render(['a ', hardline, hardline, 'b  ', hardline, 'c'])).toBe('a\n\nb\nc');
  });

  test('a line comment ends its line: the next text starts a new line', () => {
    expect(render(indent(['a', lineComment('# note', 'trailing'), ' b'], 2))).toBe('a # note\n  b');
    expect(render(['a', lineComment('# note', 'trailing'), hardline, 'b'])).toBe('a # note\nb');
  });

  test('comments do not count towards the width', () => {
    expect(render(group(['a', inlineComment('/* a long comment */', 'trailing'), line, 'b']), 5)).toBe(
      'a /* a long comment */ b',
    );
  });

  test('a fresh line only breaks when the line has text', () => {
    expect(render(['a', freshLine, commentText('# c'), breakAfter, 'b'])).toBe('a\n# c\nb');
    expect(render([freshLine, commentText('# c'), breakAfter, 'b'])).toBe('# c\nb');
  });

  test('continuation lines of a block comment are aligned under its first line', () => {
    expect(render(indent([hardline, commentText('/**\n     * doc\n     */')], 2))).toBe(
      '\n  /**\n   * doc\n   */',
    );
  });
});
