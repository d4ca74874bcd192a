import { describe, expect, it } from 'vitest';
import { lex, unescapeText } from './lexer.js';
import { LineIndex } from './positions.js';

function lexText(text: string) {
  return lex(text, new LineIndex(text));
}

function kinds(text: string): string[] {
  return lexText(text).tokens.map((token) => `${token.tokenType.name} ${token.image}`);
}

describe('lex', () => {
  it('reads keywords, and words that only start with one as identifiers', () => {
    expect(kinds('period periodic periods in info index')).toEqual([
      'KwPeriod period',
      'Identifier periodic',
      'KwPeriods periods',
      'KwIn in',
      'KwInfo info',
      'Identifier index',
    ]);
  });

  it('reads type names only as whole words', () => {
    expect(kinds('Money Moneys Text')).toEqual(['TypeMoney Money', 'Identifier Moneys', 'TypeText Text']);
  });

  it('reads numbers with separators, percentages, dates and period literals', () => {
    expect(kinds('250_000 0.5 24.5% 2026-01-31 2026-Q1 2026-H2 2026-03 FY2026 FY2026x')).toEqual([
      'NumberLiteral 250_000',
      'NumberLiteral 0.5',
      'PercentLiteral 24.5%',
      'DateLiteral 2026-01-31',
      'PeriodLiteral 2026-Q1',
      'PeriodLiteral 2026-H2',
      'PeriodLiteral 2026-03',
      'FiscalYearLiteral FY2026',
      'Identifier FY2026x',
    ]);
  });

  it('reads `non-recoverable` as three tokens', () => {
    expect(kinds('non-recoverable')).toEqual(['KwNon non', 'Minus -', 'KwRecoverable recoverable']);
  });

  it('reads two-character operators before one-character ones', () => {
    expect(kinds('<= >= != < > = + - * / . , : ( ) [ ] { }').map((k) => k.split(' ')[0])).toEqual([
      'LessEquals',
      'GreaterEquals',
      'NotEquals',
      'Less',
      'Greater',
      'Equals',
      'Plus',
      'Minus',
      'Star',
      'Slash',
      'Dot',
      'Comma',
      'Colon',
      'LParen',
      'RParen',
      'LBracket',
      'RBracket',
      'LCurly',
      'RCurly',
    ]);
  });

  it('keeps comments apart from the tokens, in order', () => {
    const result = lexText('# line\n/** doc */ x /* block */ y');
    expect(result.comments.map((c) => c.image)).toEqual(['# line', '/** doc */', '/* block */']);
    expect(result.tokens.map((t) => t.image)).toEqual(['x', 'y']);
    expect(result.diagnostics).toEqual([]);
  });

  it('sets end offsets on tokens', () => {
    const [token] = lexText('  abc').tokens;
    expect(token?.startOffset).toBe(2);
    expect(token?.endOffset).toBe(4);
  });
});

describe('lexical diagnostics', () => {
  it('AT1004: an unknown character, with its range', () => {
    const { diagnostics, tokens } = lexText('a @ b');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('AT1004');
    expect(diagnostics[0]?.range.start.offset).toBe(2);
    expect(diagnostics[0]?.range.end.offset).toBe(3);
    expect(tokens.map((t) => t.image)).toEqual(['a', 'b']);
  });

  it('AT1004: single quotes get a hint about double quotes', () => {
    const [d] = lexText("'Won'").diagnostics;
    expect(d?.code).toBe('AT1004');
    expect(d?.message).toContain('double quotes');
  });

  it('AT1004: curly quotes pasted from a word processor are read as text, with a hint', () => {
    // Before: "Unknown character `“`", "Expected `{` but found `Won`" and "Unknown character `”`".
    const curly = lexText('stage = \u201CClosed Won\u201D {');
    expect(curly.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'AT1004',
        'Text is written in straight double quotes, not curly ones (as a word processor types them): write `"Closed Won"`',
      ],
    ]);
    expect(curly.tokens.map((t) => t.image)).toEqual(['stage', '=', '\u201CClosed Won\u201D', '{']);
    expect(unescapeText('\u201CClosed Won\u201D')).toBe('Closed Won');
    // Curly single quotes, and a curly opening quote closed by a straight one.
    expect(lexText('\u2018Won\u2019').diagnostics[0]?.message).toContain('write `"Won"`');
    expect(lexText('\u201CWon" {').tokens.map((t) => t.image)).toEqual(['\u201CWon"', '{']);
    // A straight opening quote closed by a curly one: the text runs on, and the message says why.
    expect(lexText('"Won\u201D {').diagnostics[0]?.message).toBe(
      'This text is never closed: end it with a straight `"`, not a curly `”`, on the same line',
    );
    // Curly quotes inside a text are text.
    expect(lexText('"Rep\u2019s \u201Cbest\u201D"').diagnostics).toEqual([]);
  });

  it('AT1004: a `%` written apart from its number says where it goes', () => {
    // Before: "Unknown character `%`: it has no meaning in a plan".
    expect(lexText('100% and up: 12 %').diagnostics.map((d) => d.message)).toEqual([
      'Write `%` right after the number, with no space: `12%`',
    ]);
    expect(lexText('a % b').diagnostics[0]?.message).toBe(
      'Unknown character `%`: it has no meaning in a plan',
    );
  });

  it('AT1006: a word written with `%` is one invalid number over both', () => {
    // Before: "Unknown character `%`" on the `%` alone (and the parser's error on the word).
    const fifty = lexText('fifty% to 100%');
    expect(
      fifty.diagnostics.map((d) => [d.code, d.message, d.range.start.offset, d.range.end.offset]),
    ).toEqual([
      ['AT1006', '`fifty%` is not a number: write a percentage with digits, as in `50%`', 0, 6], // `fifty%`
    ]);
    // With a space between, the `%` is no part of the word; a number with letters is one token.
    expect(lexText('fifty % x').diagnostics.map((d) => d.code)).toEqual(['AT1004']);
    expect(lexText('5O% x').diagnostics.map((d) => d.message)).toEqual([
      '`5O` is not a number: a number has only digits',
    ]);
  });

  it('AT1004: invisible characters are shown by their code points (review finding 10)', () => {
    // Before: the zero-width space and the NUL were printed as they are, invisible in the message.
    expect(lexText('a\u200Bb').diagnostics[0]?.message).toBe(
      'Unknown character U+200B: it has no meaning in a plan',
    );
    expect(lexText('a \u0000 b').diagnostics[0]?.message).toBe(
      'Unknown character U+0000: it has no meaning in a plan',
    );
    expect(lexText('a\u2003b').diagnostics[0]?.message).toBe(
      'This kind of space (U+2003) is not allowed in a plan: use ordinary spaces',
    );
    expect(lexText('a @ b').diagnostics[0]?.message).toBe(
      'Unknown character `@`: it has no meaning in a plan',
    );
  });

  it('AT1003: text not closed on its line', () => {
    const { diagnostics, tokens } = lexText('"Closed Won\nx');
    expect(diagnostics.map((d) => d.code)).toEqual(['AT1003']);
    expect(diagnostics[0]?.range.start.offset).toBe(0);
    expect(diagnostics[0]?.range.end.offset).toBe(11);
    expect(tokens.map((t) => t.image)).toEqual(['"Closed Won', 'x']);
  });

  it('AT1003: a block comment never closed', () => {
    const { diagnostics } = lexText('x /* open');
    expect(diagnostics.map((d) => [d.code, d.range.start.offset, d.range.end.offset])).toEqual([
      ['AT1003', 2, 9],
    ]);
  });

  it('AT1005: a date with month 13 and a day 32, a quarter 5', () => {
    const { diagnostics } = lexText('2026-13-01 2026-01-32 2026-Q5 2026-H3 2026-00');
    expect(diagnostics.map((d) => [d.code, d.range.start.offset])).toEqual([
      ['AT1005', 0],
      ['AT1005', 11],
      ['AT1005', 22],
      ['AT1005', 30],
      ['AT1005', 38],
    ]);
  });

  it('AT1005 is not reported for 2026-02-30 (calendar validity is the checker’s AT6004)', () => {
    expect(lexText('2026-02-30').diagnostics).toEqual([]);
  });

  it('AT1006: misplaced separators and letters in numbers', () => {
    const { diagnostics } = lexText('1__000 1_ 12abc 500USD 5_%');
    expect(diagnostics.map((d) => d.code)).toEqual(['AT1006', 'AT1006', 'AT1006', 'AT1006', 'AT1006']);
    expect(diagnostics[3]?.message).toContain('`500 USD`');
  });

  it('AT1001: an unknown escape in text', () => {
    const { diagnostics } = lexText('"a\\tb" "ok \\\\t"');
    expect(diagnostics.map((d) => [d.code, d.range.start.offset])).toEqual([['AT1001', 0]]);
  });
});

describe('unescapeText', () => {
  it('removes quotes and resolves escapes', () => {
    expect(unescapeText('"say \\"hi\\"\\\\n\\n"')).toBe('say "hi"\\n\n');
  });

  it('reads unterminated text to its end', () => {
    expect(unescapeText('"abc')).toBe('abc');
    expect(unescapeText('"abc\\"')).toBe('abc"');
    expect(unescapeText('"')).toBe('');
  });
});
