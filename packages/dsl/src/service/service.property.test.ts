/**
 * Every service function accepts any offset in any text: it never throws, and every range it
 * returns lies inside the text.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { Range } from '../diagnostics/diagnostic.js';
import { getCompletions } from './completion.js';
import { getDefinition } from './definition.js';
import { getDiagnostics } from './diagnostics.js';
import { getDocumentSymbols } from './document-symbols.js';
import { getFoldingRanges } from './folding.js';
import { getHover } from './hover.js';
import { getReferences } from './references.js';
import { rename } from './rename.js';
import { getSemanticTokens } from './semantic-tokens.js';
import type { DocumentSymbol } from './types.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

function expectInside(text: string, range: Range): void {
  expect(range.start.offset).toBeGreaterThanOrEqual(0);
  expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
  expect(range.end.offset).toBeLessThanOrEqual(text.length);
}

function expectSymbolsInside(text: string, symbols: readonly DocumentSymbol[]): void {
  for (const symbol of symbols) {
    expectInside(text, symbol.range);
    expectInside(text, symbol.selectionRange);
    expectSymbolsInside(text, symbol.children);
  }
}

/** Runs every offset-based service function at `offset` and checks the ranges. */
function exerciseAt(text: string, offset: number): void {
  getCompletions(text, offset);
  const hover = getHover(text, offset);
  if (hover !== undefined) expectInside(text, hover.range);
  for (const location of getDefinition(text, offset)) expectInside(text, location.range);
  for (const location of getReferences(text, offset)) expectInside(text, location.range);
  const renamed = rename(text, offset, 'renamed_name');
  if ('changes' in renamed) for (const change of renamed.changes) expectInside(text, change.range);
}

/** Runs every whole-text service function and checks the ranges. */
function exerciseText(text: string): void {
  for (const diagnostic of getDiagnostics(text)) expectInside(text, diagnostic.range);
  expectSymbolsInside(text, getDocumentSymbols(text));
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const fold of getFoldingRanges(text)) {
    expect(fold.startLine).toBeLessThan(fold.endLine);
    expect(fold.endLine).toBeLessThan(lineCount);
  }
  const { data } = getSemanticTokens(text);
  expect(data.length % 5).toBe(0);
  expect(data.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
}

test.prop([fc.integer({ min: 0, max: fixture.length })], { numRuns: 300 })(
  'no service function throws at any offset of the Enterprise AE plan',
  (offset) => {
    exerciseAt(fixture, offset);
  },
);

test('no service function throws on the Enterprise AE plan as a whole', () => {
  exerciseText(fixture);
});

/** The fixture cut short or with a slice removed, as while typing, and a cursor in it. */
const editedPlan = fc
  .tuple(
    fc.nat(fixture.length),
    fc.nat(60),
    fc.constantFrom('', 'deals.', 'payee.', 'count(bookings where te', '{', '"', '/**'),
  )
  .chain(([at, cut, paste]) => {
    const text = fixture.slice(0, at) + paste + fixture.slice(Math.min(fixture.length, at + cut));
    return fc.tuple(fc.constant(text), fc.integer({ min: -2, max: text.length + 2 }));
  });

test.prop([editedPlan], { numRuns: 150 })(
  'no service function throws on a plan being edited',
  ([text, offset]) => {
    exerciseText(text);
    exerciseAt(text, offset);
  },
);

test.prop([fc.string({ maxLength: 120 }), fc.integer({ min: 0, max: 120 })], { numRuns: 100 })(
  'no service function throws on arbitrary text',
  (text, offset) => {
    exerciseText(text);
    exerciseAt(text, Math.min(offset, text.length));
  },
);
