/**
 * `parse(text)`: plan text to AST and syntax diagnostics (AT1xxx). Never throws: every mistake is
 * reported and the tree holds everything that could be read.
 */
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { File } from './ast.js';
import { buildFile } from './build-ast.js';
import { isRealToken } from './build-context.js';
import { firstTokenFrom, lex } from './lexer.js';
import { limitNesting } from './nesting.js';
import {
  decodeExpectation,
  describeToken,
  describeTokenType,
  missingMessage,
  unexpectedMessage,
} from './parse-messages.js';
import { type MissingTokenError, parseTokens, planParser } from './parser.js';
import { LineIndex } from './positions.js';
import { diagnostic, quote } from './report.js';
import { checkStructure } from './structure.js';
import { declarationStarts, Plan, RCurly } from './tokens.js';

/** The tree of a file and its syntax diagnostics. */
export interface ParseResult {
  file: File;
  diagnostics: Diagnostic[];
}

/** Parses plan text. Never throws; diagnostics are sorted by position. */
export function parse(text: string): ParseResult {
  const index = new LineIndex(text);
  try {
    return parseWith(text, index);
  } catch (error) {
    // Only extreme input gets here (nesting deep enough to exhaust the stack).
    const reason = error instanceof RangeError ? 'it is nested too deeply' : 'of an internal error';
    return {
      file: { kind: 'File', range: index.range(0, text.length), comments: [] },
      diagnostics: [diagnostic('AT1001', `This file cannot be read because ${reason}`, index.range(0, 0))],
    };
  }
}

function parseWith(text: string, index: LineIndex): ParseResult {
  const lexed = lex(text, index);
  const diagnostics = [...lexed.diagnostics];
  const planAt = lexed.tokens.findIndex((token) => token.tokenType === Plan);
  const before = planAt < 0 ? lexed.tokens : lexed.tokens.slice(0, planAt);
  const planTokens = planAt < 0 ? [] : lexed.tokens.slice(planAt);
  if (planAt > 0) {
    const range = tokensRange(before, index);
    diagnostics.push(
      diagnostic(
        'AT1001',
        `Unexpected ${quote(text.slice(range.start.offset, range.end.offset))} before the plan`,
        range,
      ),
    );
  }
  const limited = limitNesting(planTokens, index);
  diagnostics.push(...limited.diagnostics);
  const cst = parseTokens(limited.tokens);
  const shadowed = afterLexicalErrors(lexed.diagnostics, limited.tokens, text.length);
  diagnostics.push(...recognitionDiagnostics(planParser.errors, limited.tokens, index, shadowed));
  const file = buildFile(cst, lexed.comments, limited.tokens, index);
  const noPlanRange = before.length > 0 ? tokensRange(before.slice(0, 1), index) : index.range(0, 0);
  diagnostics.push(...checkStructure(file, noPlanRange));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { file, diagnostics };
}

function tokensRange(tokens: IToken[], index: LineIndex): Range {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return index.range(0, 0);
  return index.range(first.startOffset, last.startOffset + last.image.length);
}

/**
 * Offsets of the tokens right after an unknown character or unterminated text or comment. The
 * parser usually stumbles there too; the lexical diagnostic already names the mistake.
 */
function afterLexicalErrors(lexical: Diagnostic[], tokens: IToken[], end: number): Set<number> {
  const offsets = new Set<number>();
  for (const d of lexical) {
    if (d.code !== 'AT1003' && d.code !== 'AT1004') continue;
    offsets.add(firstTokenFrom(tokens, d.range.end.offset)?.startOffset ?? end);
  }
  return offsets;
}

/** Converts parser errors to AT1001 (unexpected text) and AT1002 (something missing). */
function recognitionDiagnostics(
  errors: IRecognitionException[],
  tokens: IToken[],
  index: LineIndex,
  shadowed: Set<number>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<number>();
  const lastToken = tokens[tokens.length - 1];
  const endOfInput =
    lastToken === undefined ? index.range(index.length, index.length) : tokenRange(lastToken, index);
  for (const error of errors as MissingTokenError[]) {
    const found =
      isRealToken(error.token) && error.token.tokenType !== EOF ? error.token.startOffset : index.length;
    if (shadowed.has(found)) continue;
    const result = recognitionDiagnostic(error, endOfInput, index);
    // One mistake can upset several nested rules at the same place: report it once.
    if (reported.has(result.range.start.offset)) continue;
    reported.add(result.range.start.offset);
    diagnostics.push(result);
  }
  return diagnostics;
}

function recognitionDiagnostic(error: MissingTokenError, endOfInput: Range, index: LineIndex): Diagnostic {
  const found = isRealToken(error.token) && error.token.tokenType !== EOF ? error.token : undefined;
  const previous =
    error.previousToken !== undefined && isRealToken(error.previousToken) ? error.previousToken : undefined;
  const expectation = decodeExpectation(error.message) ?? {
    expected: 'something else',
    found: describeToken(found),
  };
  if (error.name === 'NotAllInputParsedException' && found !== undefined) {
    const message = `Unexpected ${expectation.found} after the end of the plan: a file holds one plan`;
    return diagnostic('AT1001', message, index.range(found.startOffset, endOfInput.end.offset));
  }
  if (error.missing !== undefined || found === undefined || isTerminator(found)) {
    const expected =
      error.missing !== undefined
        ? describeTokenType(error.missing)
        : (expectation.token ?? expectation.expected);
    const range =
      previous !== undefined
        ? tokenRange(previous, index)
        : found !== undefined
          ? tokenRange(found, index)
          : endOfInput;
    return diagnostic('AT1002', missingMessage(expected, previous), range);
  }
  const skipped = (error.resyncedTokens ?? []).filter(isRealToken);
  const last = skipped[skipped.length - 1] ?? found;
  return diagnostic(
    'AT1001',
    unexpectedMessage(expectation),
    index.range(found.startOffset, last.startOffset + last.image.length),
  );
}

/** Tokens that end what came before: finding one where something was expected means it is missing. */
function isTerminator(token: IToken): boolean {
  return token.tokenType === RCurly || declarationStarts.has(token.tokenType);
}

function tokenRange(token: IToken, index: LineIndex): Range {
  return index.range(token.startOffset, token.startOffset + token.image.length);
}
