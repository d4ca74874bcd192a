/** Document symbols and folding ranges. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDocumentSymbols } from './document-symbols.js';
import { getFoldingRanges } from './folding.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

describe('getDocumentSymbols', () => {
  const [plan, ...others] = getDocumentSymbols(fixture);

  it('has the plan as its root with the version as detail', () => {
    expect(others).toEqual([]);
    expect(plan).toMatchObject({ name: 'Enterprise AE', kind: 'module', detail: '2026.1' });
  });

  it('lists every declaration in order with its kind', () => {
    expect(plan?.children.map((c) => [c.name, c.kind, c.detail])).toEqual([
      ['deals', 'struct', 'source'],
      ['payee', 'struct', 'payee attributes'],
      ['bookings_quota', 'variable', 'quota'],
      ['bookings', 'variable', 'credit "Bookings"'],
      ['attainment', 'variable', 'measure'],
      ['ytd_bookings', 'variable', 'measure'],
      ['target_incentive', 'constant', 'let'],
      ['commission_rates', 'class', 'rate table'],
      ['new_business', 'event', 'commission "New business commission"'],
      ['multi_year', 'event', 'spiff "Multi-year SPIFF"'],
      ['ramp_draw', 'event', 'draw "Ramp draw"'],
      ['cancellations', 'event', 'clawback'],
      ['year_end', 'event', 'holdback'],
    ]);
  });

  it('puts fields under their source and attributes under the payee', () => {
    const [deals, payee] = plan?.children ?? [];
    expect(deals?.children.map((f) => [f.name, f.detail])).toContainEqual(['amount', 'Money']);
    expect(deals?.children).toHaveLength(7);
    expect(payee?.children.map((f) => f.name)).toEqual(['ote', 'base', 'hire_date', 'annual_quota']);
  });

  it('selects the name inside the whole declaration', () => {
    for (const symbol of plan?.children ?? []) {
      expect(symbol.selectionRange.start.offset).toBeGreaterThanOrEqual(symbol.range.start.offset);
      expect(symbol.selectionRange.end.offset).toBeLessThanOrEqual(symbol.range.end.offset);
    }
    const credit = plan?.children[3];
    expect(fixture.slice(credit?.selectionRange.start.offset, credit?.selectionRange.end.offset)).toBe(
      'bookings',
    );
    expect(credit?.range.start.line).toBe(31);
    expect(credit?.range.end.line).toBe(34);
  });

  it('lists territories under their block', () => {
    const text = fixture.replace(
      '  holdback',
      '  source accounts { id: Text key, region: Text }\n  territories on accounts by priority {\n    territory west "West" {\n      where region = "West"\n    }\n  }\n  holdback',
    );
    const block = getDocumentSymbols(text)[0]?.children.find((c) => c.kind === 'namespace');
    expect(block?.name).toBe('territories on accounts');
    expect(block?.children.map((t) => [t.name, t.detail])).toEqual([['west', 'territory "West"']]);
  });

  it('gives no symbols for a file without a plan', () => {
    expect(getDocumentSymbols('# nothing here\n')).toEqual([]);
  });
});

describe('getFoldingRanges', () => {
  it('folds the plan, blocks and multi-line declarations, keeping closing braces visible', () => {
    expect(getFoldingRanges(fixture)).toEqual([
      { startLine: 2, endLine: 57 },
      { startLine: 9, endLine: 16 },
      { startLine: 19, endLine: 23 },
      { startLine: 26, endLine: 29 },
      { startLine: 31, endLine: 33 },
      { startLine: 40, endLine: 43 },
      { startLine: 47, endLine: 49 },
      { startLine: 51, endLine: 53 },
    ]);
  });

  it('folds runs of line comments and multi-line doc comments', () => {
    const text = `# one\n# two\n# three\nplan "P" {\n  /**\n   * Doc.\n   */\n  let x = 1 # trailing\n  # alone\n}\n`;
    const comments = getFoldingRanges(text).filter((r) => r.kind === 'comment');
    expect(comments).toEqual([
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 4, endLine: 6, kind: 'comment' },
    ]);
  });
});
