import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Range } from '../diagnostics/diagnostic.js';
import { type ParseResult, parse } from './parse.js';
import { LineIndex } from './positions.js';
import { allRanges, rangeNestingViolations } from './test-support.js';

const fixture = readFileSync(new URL('./fixtures/ae.attain', import.meta.url), 'utf8');

/** The fixture cut into words, symbols and the whitespace between them. */
const pieces = fixture.match(/\s+|"[^"\n]*"|[A-Za-z_0-9.%-]+|./g) ?? [];

const vocabulary = [
  'plan',
  'measure',
  'credit',
  'rate',
  'table',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  '.',
  '=',
  '*',
  '-',
  'where',
  'to',
  'and up',
  'not',
  'in',
  'if',
  'then',
  '500 USD',
  '12%',
  '2026-01-01',
  '"text',
  '/*',
  '#',
  '€',
  '\n',
];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'swap'; at: number; with: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...vocabulary) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(mutations: Mutation[]): string {
  const result = [...pieces];
  for (const m of mutations) {
    const at = m.at % (result.length + 1);
    if (m.kind === 'delete') result.splice(at, 1);
    else if (m.kind === 'insert') result.splice(at, 0, ` ${m.piece} `);
    else {
      const other = m.with % Math.max(1, result.length);
      const a = result[at];
      const b = result[other];
      if (a !== undefined && b !== undefined) {
        result[at] = b;
        result[other] = a;
      }
    }
  }
  return result.join('');
}

/** What is wrong with a range: outside the text, reversed, or line/character not matching its offsets. */
function rangeProblem(range: Range, text: string, index: LineIndex): string | undefined {
  const { start, end } = range;
  if (start.offset < 0 || end.offset > text.length) return `outside the text: ${start.offset}-${end.offset}`;
  if (start.offset > end.offset) return `reversed: ${start.offset}-${end.offset}`;
  for (const position of [start, end]) {
    const expected = index.position(position.offset);
    if (expected.line !== position.line || expected.character !== position.character) {
      return `wrong line/character at ${position.offset}`;
    }
  }
  return undefined;
}

function expectWellFormed(text: string, result: ParseResult): void {
  const index = new LineIndex(text);
  expect(result.file.kind).toBe('File');
  const ranges = [
    ...result.diagnostics.flatMap((d) => [d.range, ...(d.related ?? []).map((r) => r.range)]),
    ...allRanges(result.file),
  ];
  expect(ranges.flatMap((range) => rangeProblem(range, text, index) ?? [])).toEqual([]);
}

describe('parse never throws and keeps every range inside the source', () => {
  test.prop([fc.string()])('on arbitrary strings', (text) => {
    expectWellFormed(text, parse(text));
  });

  test.prop([fc.string({ unit: 'grapheme' })])('on arbitrary grapheme strings', (text) => {
    expectWellFormed(text, parse(text));
  });

  test.prop([fc.string({ unit: 'binary' })])('on arbitrary full-unicode strings', (text) => {
    expectWellFormed(text, parse(text));
  });

  test.prop([fc.array(fc.constantFrom(...vocabulary, ...pieces), { maxLength: 60 })])(
    'on sequences of plan words',
    (words) => {
      const text = words.join(' ');
      expectWellFormed(text, parse(text));
    },
  );

  test.prop([fc.array(mutation, { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
    'on the fixture plan with pieces deleted, inserted or swapped',
    (mutations) => {
      const text = mutate(mutations);
      expectWellFormed(text, parse(text));
    },
  );

  test.prop([fc.nat({ max: fixture.length })], { numRuns: 200 })(
    'on every prefix of the fixture plan',
    (cut) => {
      const text = fixture.slice(0, cut);
      expectWellFormed(text, parse(text));
    },
  );
});

describe('every node lies inside the node that holds it', () => {
  it('in the fixture plan', () => {
    expect(rangeNestingViolations(parse(fixture).file)).toEqual([]);
  });

  test.prop([fc.array(mutation, { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
    'in the fixture plan with pieces deleted, inserted or swapped',
    (mutations) => {
      expect(rangeNestingViolations(parse(mutate(mutations)).file)).toEqual([]);
    },
  );
});

describe('parse on extreme input', () => {
  it('reports deep nesting instead of throwing', () => {
    const text = `plan "P" { measure x = ${'('.repeat(20_000)}1 }`;
    const result = parse(text);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expectWellFormed(text, result);
  });

  it('handles long flat expressions: read in a loop, then reported as too long for the later phases', () => {
    const text = `plan "P" { measure x = ${Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' + ')} }`;
    const result = parse(text);
    // Three missing header settings, and the expression (see depth.test.ts).
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1101', 'AT1101', 'AT1101', 'AT1001']);
    expect(result.diagnostics[3]?.message).toMatch(
      /^This expression is too long: more than [\d,]+ terms in a row/,
    );
  });
});

test.prop([fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 100 })(
  'parsing is deterministic: the same text gives the same result',
  (mutations) => {
    const text = mutate(mutations);
    expect(parse(text)).toEqual(parse(text));
  },
);
