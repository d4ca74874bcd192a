import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSemanticTokens, semanticTokensLegend } from './semantic-tokens.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

interface Decoded {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Turns the relative encoding back into absolute tokens. */
function decode(text: string): Decoded[] {
  const lines = text.split('\n');
  const { data } = getSemanticTokens(text);
  const tokens: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaCharacter, length, type, modifiers] = data.slice(i, i + 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
    tokens.push({
      line,
      character,
      text: (lines[line] ?? '').slice(character, character + length),
      type: semanticTokensLegend.tokenTypes[type] ?? '?',
      modifiers: semanticTokensLegend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

describe('getSemanticTokens', () => {
  const tokens = decode(fixture);
  const on = (line: number, text: string) => tokens.find((t) => t.line === line && t.text === text);

  it('encodes five integers per token in order', () => {
    const { data } = getSemanticTokens(fixture);
    expect(data.length % 5).toBe(0);
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1] as Decoded, tokens[i] as Decoded];
      expect(b.line > a.line || (b.line === a.line && b.character >= a.character + a.text.length)).toBe(true);
    }
  });

  it('classifies declarations and references by what they denote', () => {
    expect(on(9, 'deals')).toMatchObject({ type: 'struct', modifiers: ['declaration'] });
    expect(on(31, 'deals')).toMatchObject({ type: 'struct', modifiers: [] });
    expect(on(36, 'attainment')).toMatchObject({ type: 'variable', modifiers: ['declaration'] });
    expect(on(38, 'target_incentive')).toMatchObject({
      type: 'variable',
      modifiers: ['declaration', 'readonly'],
    });
    expect(on(40, 'commission_rates')).toMatchObject({ type: 'class' });
    expect(on(57, 'new_business')).toMatchObject({ type: 'event' });
  });

  it('classifies fields, attributes and functions', () => {
    expect(on(12, 'amount')).toMatchObject({ type: 'property', modifiers: ['declaration'] });
    expect(on(32, 'amount')).toBeDefined();
    expect(tokens.filter((t) => t.line === 32).map((t) => t.type)).toEqual(['keyword', 'property']);
    expect(on(38, 'ote')).toMatchObject({ type: 'property' });
    expect(on(47, 'tiered')).toMatchObject({ type: 'function', modifiers: ['defaultLibrary'] });
  });

  it('classifies keywords, types, literals, texts and comments', () => {
    expect(on(36, 'measure')).toMatchObject({ type: 'keyword' });
    expect(on(12, 'Money')).toMatchObject({ type: 'type' });
    expect(on(41, '50%')).toMatchObject({ type: 'number' });
    expect(on(6, '2026-01-01')).toMatchObject({ type: 'number' });
    expect(on(31, '"Closed Won"')).toMatchObject({ type: 'string' });
    expect(on(0, '# Enterprise AE plan, FY2026')).toMatchObject({ type: 'comment', modifiers: [] });
    expect(on(1, '/** Plan for enterprise account executives. */')).toMatchObject({
      type: 'comment',
      modifiers: ['documentation'],
    });
    expect(on(3, 'USD')).toMatchObject({ type: 'enumMember' });
    expect(on(51, 'USD')).toMatchObject({ type: 'enumMember' });
  });

  it('classifies the currency of `convert` as a currency code', () => {
    const text = fixture.replace('* 500 USD', '* convert(500 USD, EUR)');
    expect(decode(text).find((t) => t.text === 'EUR')).toMatchObject({ type: 'enumMember', modifiers: [] });
  });

  it('splits a multi-line comment into one token per line', () => {
    const text = '/** First\n  second */\nplan "P" {\n}\n';
    expect(
      decode(text)
        .filter((t) => t.type === 'comment')
        .map((t) => [t.line, t.text]),
    ).toEqual([
      [0, '/** First'],
      [1, '  second */'],
    ]);
  });
});
