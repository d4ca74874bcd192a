/**
 * `parse(text)`: plan text to AST and syntax diagnostics (AT1xxx). Never throws: every mistake is
 * reported and the tree holds everything that could be read.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { File } from './ast.js';
import { FileBuilder } from './build-ast.js';
import { limitExpressionDepth } from './depth.js';
import { lex } from './lexer.js';
import { limitNesting } from './nesting.js';
import { afterLexicalErrors, recognitionDiagnostics } from './parse-errors.js';
import { parseTokens, planParser } from './parser.js';
import { LineIndex } from './positions.js';
import { diagnostic, quote } from './report.js';
import { checkStructure } from './structure.js';
import { Plan } from './tokens.js';

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
      // Over the first line, so that an editor shows it (a zero-width range at 0:0 is invisible).
      diagnostics: [diagnostic('AT1001', `This file cannot be read because ${reason}`, firstLine(index))],
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
  const builder = new FileBuilder(lexed.comments, limited.tokens, index);
  const cst = parseTokens(limited.tokens, builder.partRead, (offset) => index.position(offset).line);
  const shadowed = afterLexicalErrors(lexed.diagnostics, limited.tokens, text.length);
  for (const offset of limited.afterCuts) shadowed.add(offset);
  diagnostics.push(...recognitionDiagnostics(planParser.errors, limited.tokens, index, shadowed));
  const file = builder.file(cst);
  diagnostics.push(...limitExpressionDepth(file));
  const noPlanRange = before.length > 0 ? tokensRange(before.slice(0, 1), index) : index.range(0, 0);
  diagnostics.push(...checkStructure(file, noPlanRange));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { file, diagnostics };
}

/** The first line of the text without its line break (the whole text when it has one line). */
function firstLine(index: LineIndex): Range {
  return index.range(0, index.offsetAt(0, Number.MAX_SAFE_INTEGER));
}

function tokensRange(tokens: IToken[], index: LineIndex): Range {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return index.range(0, 0);
  return index.range(first.startOffset, last.startOffset + last.image.length);
}
