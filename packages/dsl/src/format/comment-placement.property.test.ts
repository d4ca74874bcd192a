/**
 * Property: comments inserted between any two tokens of the example plans (which are already in
 * the canonical layout) stay between the same tokens when formatted, and formatting is
 * idempotent. The token sequence with the comments interleaved is compared before and after.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lex } from '../syntax/lexer.js';
import { parse } from '../syntax/parse.js';
import { LineIndex } from '../syntax/positions.js';
import { examplePlans } from '../test-support.js';
import { formatFile } from './format.js';

const plans = examplePlans.map((path) => readFileSync(path, 'utf8'));

/** What may be written between two tokens; `N` is replaced by a number unique in the text. */
const insertions = [
  ' # cN\n',
  '\n# cN\n',
  ' /* cN */ ',
  '\n/* cN */\n',
  ' /** cN */ ',
  '\n/** cN */\n',
  ' /** cN */ # dN\n',
  '\n\n# cN\n\n',
  ' /* cN */ # dN\n',
  '\n/* cN */ # dN\n',
  '\n/* cN */ /* dN */\n',
] as const;

/** The text's tokens and single-line comments in source order, comments marked by their text. */
function tokensAndComments(text: string): string[] {
  const { tokens, comments } = lex(text, new LineIndex(text));
  return [...tokens, ...comments]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => (comments.includes(t) ? `comment:${t.image.trimEnd()}` : t.image));
}

const commentsOf = (sequence: readonly string[]): string[] =>
  sequence.filter((s) => s.startsWith('comment:'));

/** The stretches of `a` and `b` around the first place where they differ (all of them when equal). */
function firstDifference(a: readonly string[], b: readonly string[]): [string[], string[]] {
  const at = Math.max(a.length, b.length);
  const from = Array.from({ length: at }, (_, i) => i).find((i) => a[i] !== b[i]);
  if (from === undefined) return [[...a], [...b]];
  const stretch = (s: readonly string[]) => s.slice(Math.max(0, from - 6), from + 6);
  return [stretch(a), stretch(b)];
}

/** Formats `text` without the safety net of `format` (a lost comment throws). */
function formatStrict(text: string): string {
  const { file, diagnostics } = parse(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return formatFile(file, text);
}

/** `plan` with `insertions[choice]` written after the token at each chosen index. */
function withComments(plan: string, at: ReadonlyMap<number, number>): string {
  const { tokens } = lex(plan, new LineIndex(plan));
  let out = '';
  let from = 0;
  let n = 0;
  tokens.forEach((token, i) => {
    const end = token.startOffset + token.image.length;
    out += plan.slice(from, end);
    from = end;
    const choice = at.get(i);
    if (choice !== undefined && i < tokens.length - 1) {
      n++;
      out += (insertions[choice] as string).replaceAll('N', String(n));
    }
  });
  return out + plan.slice(from);
}

const planWithComments = fc.nat({ max: plans.length - 1 }).chain((p) => {
  const plan = plans[p] as string;
  const count = lex(plan, new LineIndex(plan)).tokens.length;
  return fc
    .array(fc.tuple(fc.nat({ max: count - 1 }), fc.nat({ max: insertions.length - 1 })), {
      minLength: 1,
      maxLength: 25,
    })
    .map((choices) => withComments(plan, new Map(choices)));
});

describe('format keeps comments in place', () => {
  test('the examples plans are available', () => {
    expect(plans.length).toBeGreaterThanOrEqual(5);
  });

  test.prop([planWithComments], { numRuns: 400 })(
    'comments between random tokens of the example plans stay between the same tokens; format is idempotent',
    (text) => {
      const once = formatStrict(text);
      expect(formatStrict(once)).toBe(once);
      const before = tokensAndComments(text);
      const after = tokensAndComments(once);
      expect(commentsOf(after)).toEqual(commentsOf(before));
      const [got, wanted] = firstDifference(after, before);
      expect(got).toEqual(wanted);
    },
    120_000,
  );
});
