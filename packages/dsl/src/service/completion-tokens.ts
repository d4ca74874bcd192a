/**
 * Tokens and names for completion without a full analysis on every keystroke. Parsing and
 * checking a long plan takes far longer than completion may, so while the text differs from the
 * last analysed one only by a small edit, completion reads the names of that last analysis (a
 * name being typed is not declared yet anyway) and re-lexes only from the edit to the cursor's line.
 */
import type { IToken } from 'chevrotain';
import { lex } from '../syntax/lexer.js';
import { LineIndex } from '../syntax/positions.js';
import { type Analysis, analysisOf, latestAnalysis } from './analysis.js';

/** The tokens of a text, possibly only up to the end of a cursor's line. */
export interface Lexed {
  text: string;
  tokens: IToken[];
  comments: IToken[];
}

/** How much two texts may differ for the older one's names to serve the newer one. */
const smallEdit = 2_000;

let lastLexed: Lexed | undefined;

/** The names and tokens that completion at `offset` in `text` reads. */
export function completionInputs(
  text: string,
  offset: number,
): { analysis: Analysis; lexed: Lexed; fresh: boolean } {
  const latest = latestAnalysis();
  if (latest?.text === text || latest === undefined || !isSmallEdit(latest.text, text)) {
    const analysis = analysisOf(text);
    return { analysis, lexed: { text, ...analysis.tokens }, fresh: true };
  }
  const base =
    lastLexed !== undefined && isSmallEdit(lastLexed.text, text)
      ? lastLexed
      : { text: latest.text, ...latest.tokens };
  lastLexed = relex(base, text, offset);
  return { analysis: latest, lexed: lastLexed, fresh: false };
}

function isSmallEdit(before: string, after: string): boolean {
  if (Math.abs(before.length - after.length) > smallEdit) return false;
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, prefix);
  return Math.min(before.length, after.length) - prefix - suffix <= smallEdit;
}

/** Compared a block at a time: comparing slices is much faster than comparing characters. */
const block = 512;

/** The length of the longest common prefix. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix that does not overlap a common prefix of `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (
    i + block <= n &&
    a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)
  ) {
    i += block;
  }
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The tokens of `text` up to the end of the line at `offset`: those of `base` that end before the
 * first change (with an unchanged character after them, so they cannot have grown), then the
 * lexer's tokens from there. The lexer has no modes, so lexing may restart at any token boundary.
 */
export function relex(base: Lexed, text: string, offset: number): Lexed {
  const changed = commonPrefix(base.text, text);
  const kept = (tokens: IToken[]) => tokens.slice(0, countEndingBefore(tokens, changed));
  const tokens = kept(base.tokens);
  const comments = kept(base.comments);
  const from = Math.max(endOf(tokens[tokens.length - 1]), endOf(comments[comments.length - 1]));
  const lineEnd = text.indexOf('\n', Math.max(offset, from));
  const to = lineEnd < 0 ? text.length : lineEnd;
  const slice = text.slice(from, to);
  const lexed = lex(slice, new LineIndex(slice));
  const shift = (token: IToken): IToken => ({ ...token, startOffset: token.startOffset + from });
  // `kept` made fresh arrays: append to them rather than copy every token of a long plan again.
  for (const token of lexed.tokens) tokens.push(shift(token));
  for (const comment of lexed.comments) comments.push(shift(comment));
  return { text, tokens, comments };
}

const endOf = (token: IToken | undefined): number =>
  token === undefined ? 0 : token.startOffset + token.image.length;

/** How many of the sorted `tokens` end strictly before `offset` (binary search). */
function countEndingBefore(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (endOf(tokens[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
