/**
 * The language service on every example plan: at the start, middle and end of every token no
 * function throws, every name resolves, and hover finds something for every name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examplePlans } from '../test-support.js';
import { analysisOf } from './analysis.js';
import { getCompletions } from './completion.js';
import { getDefinition } from './definition.js';
import { getDocumentSymbols } from './document-symbols.js';
import { getFoldingRanges } from './folding.js';
import { getHover } from './hover.js';
import { getReferences } from './references.js';
import { getSemanticTokens } from './semantic-tokens.js';

const plans = examplePlans;

describe.each(plans)('%s', (path) => {
  const text = readFileSync(path, 'utf8');

  it('resolves every name and hovers over each', () => {
    const analysis = analysisOf(text);
    expect(analysis.diagnostics.filter((d) => d.code.startsWith('AT2'))).toEqual([]);
    for (const occurrence of analysis.occurrences) {
      const at = occurrence.name.range.start.offset;
      expect(getHover(text, at)?.contents, occurrence.name.text).toContain(occurrence.name.text);
      if (occurrence.symbol.decl !== undefined) expect(getDefinition(text, at).length).toBeGreaterThan(0);
      expect(getReferences(text, at).length).toBeGreaterThan(0);
    }
  });

  it('completes at every token without throwing', () => {
    for (const token of analysisOf(text).tokens.tokens) {
      for (const at of [token.startOffset, token.startOffset + token.image.length]) getCompletions(text, at);
    }
    expect(getDocumentSymbols(text)[0]?.children.length).toBeGreaterThan(0);
    expect(getFoldingRanges(text).length).toBeGreaterThan(0);
    expect(getSemanticTokens(text).data.length).toBeGreaterThan(0);
  });
});
