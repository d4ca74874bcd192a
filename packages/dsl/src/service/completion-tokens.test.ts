import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lex } from '../syntax/lexer.js';
import { LineIndex } from '../syntax/positions.js';
import { analysisOf } from './analysis.js';
import { completionInputs, relex } from './completion-tokens.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');
const fullLex = (text: string) => ({ text, ...lex(text, new LineIndex(text)) });
const shape = (tokens: { image: string; startOffset: number; tokenType: { name: string } }[]) =>
  tokens.map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);

/** The fixture with one edit, and a cursor at or after the edit. */
const edit = fc
  .tuple(fc.nat(fixture.length), fc.nat(20), fc.string({ maxLength: 12 }), fc.nat(400))
  .map(([at, cut, paste, ahead]) => {
    const text = fixture.slice(0, at) + paste + fixture.slice(Math.min(fixture.length, at + cut));
    return { text, offset: Math.min(text.length, at + paste.length + ahead) };
  });

describe('relex', () => {
  test.prop([edit])(
    'gives the tokens a full lex gives, at least to the end of the cursor line',
    ({ text, offset }) => {
      const end = (t: { startOffset: number; image: string }) => t.startOffset + t.image.length;
      const relexed = relex(fullLex(fixture), text, offset);
      const lastEnd = Math.max(0, ...relexed.tokens.map(end));
      const full = fullLex(text).tokens;
      expect(shape(relexed.tokens)).toEqual(shape(full.filter((t) => end(t) <= lastEnd)));
      const lineEnd = text.indexOf('\n', offset);
      const onCursorLine = full.filter((t) => end(t) <= (lineEnd < 0 ? text.length : lineEnd));
      expect(relexed.tokens.length).toBeGreaterThanOrEqual(onCursorLine.length);
    },
  );

  it('keeps the tokens before the edit without lexing them again', () => {
    const base = fullLex(fixture);
    const text = `${fixture.slice(0, -2)}  measure x = deals.\n}\n`;
    const relexed = relex(base, text, text.length - 3);
    expect(relexed.tokens[0]).toBe(base.tokens[0]);
    expect(relexed.tokens.slice(-3).map((t) => t.image)).toEqual(['=', 'deals', '.']);
  });
});

describe('completionInputs', () => {
  it('reuses the last analysis for a small edit and analyses a different text afresh', () => {
    const analysis = analysisOf(fixture);
    const edited = `${fixture} `;
    expect(completionInputs(edited, 3)).toMatchObject({ analysis, fresh: false });
    const other = 'plan "Other" {\n}\n'.repeat(300);
    const inputs = completionInputs(other, 3);
    expect(inputs.fresh).toBe(true);
    expect(inputs.analysis.text).toBe(other);
  });
});
