/**
 * A guard against nesting so deep that the recursive parser (and every tree walk after it) would
 * exhaust the stack: brackets deeper than {@link maxNesting} are reported and left out. The parser
 * then finds an empty bracket where the cut was; that error is the cut's, and not reported again.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './positions.js';
import { diagnostic } from './report.js';
import { LBracket, LParen, RBracket, RParen } from './tokens.js';

/** Deepest nesting of `(` and `[` that a plan may use. */
export const maxNesting = 64;

/** The tokens left after {@link limitNesting}, its diagnostics, and where the parser meets each cut. */
export interface LimitedNesting {
  tokens: IToken[];
  /** One AT1001 per cut. */
  diagnostics: Diagnostic[];
  /**
   * The offset of the first token kept after each cut (the text's length when none is): a
   * recognition error found there is caused by the cut, which its AT1001 already reports.
   */
  afterCuts: number[];
}

/** The tokens without the parts nested deeper than {@link maxNesting}, and one AT1001 per cut. */
export function limitNesting(tokens: IToken[], index: LineIndex): LimitedNesting {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    depth = Math.max(0, depth + nestingChange(token));
    deepest = Math.max(deepest, depth);
  }
  if (deepest <= maxNesting) return { tokens, diagnostics: [], afterCuts: [] };

  const kept: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const afterCuts: number[] = [];
  depth = 0;
  let cutStart: IToken | undefined;
  let cutEnd: IToken | undefined;
  for (const token of tokens) {
    const change = nestingChange(token);
    const next = Math.max(0, depth + change);
    const inside = Math.max(depth, next) > maxNesting;
    if (inside) {
      cutStart ??= token;
      cutEnd = token;
    } else {
      if (cutStart !== undefined && cutEnd !== undefined) {
        diagnostics.push(tooDeep(cutStart, cutEnd, index));
        afterCuts.push(token.startOffset);
      }
      cutStart = undefined;
      kept.push(token);
    }
    depth = next;
  }
  if (cutStart !== undefined && cutEnd !== undefined) {
    diagnostics.push(tooDeep(cutStart, cutEnd, index));
    afterCuts.push(index.length);
  }
  return { tokens: kept, diagnostics, afterCuts };
}

function nestingChange(token: IToken): number {
  const type = token.tokenType;
  if (type === LParen || type === LBracket) return 1;
  if (type === RParen || type === RBracket) return -1;
  return 0;
}

function tooDeep(first: IToken, last: IToken, index: LineIndex): Diagnostic {
  return diagnostic(
    'AT1001',
    `Parentheses and brackets are nested more than ${maxNesting} deep here: split the expression with \`let\``,
    index.range(first.startOffset, last.startOffset + last.image.length),
  );
}
