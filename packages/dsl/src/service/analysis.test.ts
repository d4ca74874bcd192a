import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisOf } from './analysis.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

describe('analysisOf', () => {
  it('reuses the analysis of an unchanged text', () => {
    const first = analysisOf(fixture);
    expect(analysisOf(fixture)).toBe(first);
    expect(analysisOf(`${fixture}\n`)).not.toBe(first);
  });

  it('finds the name under an offset, from its start to its end', () => {
    const analysis = analysisOf(fixture);
    const start = fixture.indexOf('measure attainment') + 'measure '.length;
    expect(analysis.occurrenceAt(start - 1)).toBeUndefined();
    for (const offset of [start, start + 5, start + 'attainment'.length]) {
      expect(analysis.occurrenceAt(offset)?.symbol.name).toBe('attainment');
    }
    expect(analysis.occurrenceAt(start)?.declaration).toBe(true);
  });

  it('indexes the occurrences of each symbol in text order', () => {
    const analysis = analysisOf(fixture);
    const symbol = analysis.binding.declarations.get('attainment')?.[0];
    const offsets =
      symbol === undefined ? [] : analysis.occurrencesOf(symbol).map((o) => o.name.range.start.offset);
    expect(offsets).toHaveLength(3);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
