/**
 * Splits plan text into tokens and reports lexical mistakes (AT1003 to AT1006).
 *
 * The lexer never stops at a mistake: unknown characters are skipped, and malformed literals
 * are still returned as tokens of their kind so the parser can go on.
 */
import { type IToken, Lexer, type TokenType } from 'chevrotain';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './positions.js';
import { diagnostic, quote } from './report.js';
import {
  allTokens,
  commentGroup,
  DateLiteral,
  NumberLiteral,
  PercentLiteral,
  PeriodLiteral,
  SingleQuotedText,
  Text,
  UnterminatedComment,
  UnterminatedText,
} from './tokens.js';

/** The tokens of one text. */
export interface LexResult {
  /** Tokens the parser reads, comments excluded. */
  tokens: IToken[];
  /** Comments in source order. */
  comments: IToken[];
  diagnostics: Diagnostic[];
}

const lexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** Splits `text` into tokens; positions in diagnostics come from `index`. */
export function lex(text: string, index: LineIndex): LexResult {
  const result = lexer.tokenize(text);
  // Offset-only tracking leaves `endOffset` unset; the parser's node locations need it.
  for (const token of result.tokens) token.endOffset = token.startOffset + token.image.length - 1;
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const start = error.offset;
    const end = start + Math.max(1, error.length);
    const word = text.slice(start, end) === '%' ? wordBefore(result.tokens, start) : undefined;
    if (word !== undefined) {
      // `fifty%`: a number written in words (or a name) with a percent sign. One error over both,
      // an invalid number, rather than "Unknown character `%`" (the parser's error on the word is
      // left out: see `afterLexicalErrors`).
      // `to100%`: a word run into a number.
      const joined = /^([A-Za-z_]+)(\d[\d_.]*)$/.exec(word.image);
      const message = joined
        ? `Write a space between ${quote(joined[1] as string)} and the number: \`${joined[1]} ${joined[2]}%\``
        : `${quote(`${word.image}%`)} is not a number: write a percentage with digits, as in \`50%\``;
      diagnostics.push(diagnostic('AT1006', message, index.range(word.startOffset, end)));
      continue;
    }
    diagnostics.push(
      diagnostic(
        'AT1004',
        unknownCharacterMessage(text.slice(start, end), text.slice(Math.max(0, start - 60), start)),
        index.range(start, end),
      ),
    );
  }
  for (const token of result.tokens) {
    const problem = literalProblem(token);
    if (problem !== undefined) {
      diagnostics.push(diagnostic(problem.code, problem.message, tokenRange(token, index)));
    }
  }
  const comments = result.groups[commentGroup] ?? [];
  for (const comment of comments) {
    if (comment.tokenType === UnterminatedComment) {
      diagnostics.push(
        diagnostic('AT1003', 'This comment is never closed: end it with `*/`', tokenRange(comment, index)),
      );
    }
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens: result.tokens, comments, diagnostics };
}

/**
 * The word (a name or keyword, not a number) that ends right where `offset` starts, with no space
 * between: `fifty` in `fifty%`.
 */
function wordBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  const next = firstTokenFrom(tokens, offset);
  const at = next === undefined ? tokens.length : tokens.indexOf(next);
  const word = tokens[at - 1];
  if (word === undefined || word.startOffset + word.image.length !== offset) return undefined;
  return /^[A-Za-z_]\w*$/.test(word.image) ? word : undefined;
}

/** The range a token covers. */
export function tokenRange(token: IToken, index: LineIndex): Range {
  return index.range(token.startOffset, token.startOffset + token.image.length);
}

/** `before`: the text just before the characters (a few dozen characters are enough). */
function unknownCharacterMessage(chars: string, before: string): string {
  // `12 %`: the percent sign belongs right after its number.
  const number = chars === '%' ? /(\d[\d_.]*)\s+$/.exec(before) : null;
  if (number !== null) return `Write \`%\` right after the number, with no space: \`${number[1]}%\``;
  if (chars.startsWith("'")) return 'Text is written in double quotes: use `"` instead of `\'`';
  if (chars === '!') return '`!` is not an operator here: write `!=` for "not equal" or `not` to negate';
  if (chars === '&' || chars === '&&') return `${quote(chars)} is not an operator: write \`and\``;
  if (chars === '|' || chars === '||') return `${quote(chars)} is not an operator: write \`or\``;
  if (/^[\s]+$/u.test(chars)) {
    return `This kind of space (${showCharacters(chars)}) is not allowed in a plan: use ordinary spaces`;
  }
  const noun = [...chars].length === 1 ? 'character' : 'characters';
  return `Unknown ${noun} ${showCharacters(chars)}: it has no meaning in a plan`;
}

/** Control, format and separator characters: they print as nothing, or as a plain space. */
const invisible = /^[\p{C}\p{Z}]$/u;

/**
 * Characters for a message: quoted as they are, or, when one of them is invisible (a zero-width
 * space, a NUL), each by its code point, like `U+200B`, so the reader can find it.
 */
export function showCharacters(chars: string): string {
  const list = [...chars];
  if (!list.some((c) => invisible.test(c))) return quote(chars);
  const shown = list
    .slice(0, 5)
    .map((c) => (invisible.test(c) ? codePoint(c) : quote(c)))
    .join(' ');
  return list.length > 5 ? `${shown} ...` : shown;
}

/** `U+200B` for a zero-width space. */
function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

interface LiteralProblem {
  code: 'AT1001' | 'AT1003' | 'AT1004' | 'AT1005' | 'AT1006';
  message: string;
}

const validNumber = /^\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/;
const numberWithCurrency = /^[\d_.]*\d([A-Z]{3})$/;

const problemsByType = new Map<TokenType, (image: string) => LiteralProblem | undefined>([
  [NumberLiteral, numberProblem],
  [PercentLiteral, (image) => numberProblem(image.slice(0, -1))],
  [DateLiteral, dateProblem],
  [PeriodLiteral, periodProblem],
  [Text, textProblem],
  [
    UnterminatedText,
    (image) => ({
      code: 'AT1003',
      message: /[\u201C\u201D]/.test(image)
        ? 'This text is never closed: end it with a straight `"`, not a curly `”`, on the same line'
        : 'This text is never closed: end it with `"` on the same line',
    }),
  ],
  [
    SingleQuotedText,
    (image) => ({
      code: 'AT1004',
      message: image.startsWith("'")
        ? `Text is written in double quotes: write \`"${image.slice(1, -1)}"\``
        : `Text is written in straight double quotes, not curly ones (as a word processor types them): write \`"${image.slice(1, -1)}"\``,
    }),
  ],
]);

function literalProblem(token: IToken): LiteralProblem | undefined {
  return problemsByType.get(token.tokenType)?.(token.image);
}

function numberProblem(image: string): LiteralProblem | undefined {
  if (validNumber.test(image)) return undefined;
  const money = numberWithCurrency.exec(image);
  if (money !== null) {
    const amount = image.slice(0, -3);
    return {
      code: 'AT1006',
      message: `Write a space between the amount and the currency: \`${amount} ${money[1]}\``,
    };
  }
  if (/[A-Za-z]/.test(image)) {
    return { code: 'AT1006', message: `${quote(image)} is not a number: a number has only digits` };
  }
  return {
    code: 'AT1006',
    message: `${quote(image)} is not a valid number: \`_\` may only separate digits, as in \`250_000\``,
  };
}

function dateProblem(image: string): LiteralProblem | undefined {
  const month = Number(image.slice(5, 7));
  const day = Number(image.slice(8, 10));
  if (month < 1 || month > 12) {
    return { code: 'AT1005', message: `${quote(image)} is not a valid date: the month must be 01 to 12` };
  }
  if (day < 1 || day > 31) {
    return { code: 'AT1005', message: `${quote(image)} is not a valid date: the day must be 01 to 31` };
  }
  return undefined;
}

function periodProblem(image: string): LiteralProblem | undefined {
  const part = image.slice(5);
  const kind = part.charAt(0);
  if (kind === 'Q') {
    const n = Number(part.slice(1));
    if (n < 1 || n > 4) {
      return { code: 'AT1005', message: `${quote(image)} is not a valid quarter: write Q1 to Q4` };
    }
  } else if (kind === 'H') {
    const n = Number(part.slice(1));
    if (n < 1 || n > 2) {
      return { code: 'AT1005', message: `${quote(image)} is not a valid half year: write H1 or H2` };
    }
  } else {
    const month = Number(part);
    if (month < 1 || month > 12) {
      return { code: 'AT1005', message: `${quote(image)} is not a valid month: the month must be 01 to 12` };
    }
  }
  return undefined;
}

function textProblem(image: string): LiteralProblem | undefined {
  const bad = unknownEscape(image);
  if (bad === undefined) return undefined;
  return {
    code: 'AT1001',
    message: `Unknown escape \`\\${bad}\` in text: write \`\\"\` for a quote, \`\\\\\` for a backslash or \`\\n\` for a new line`,
  };
}

function unknownEscape(image: string): string | undefined {
  for (let i = 1; i < image.length - 1; i++) {
    if (image.charAt(i) !== '\\') continue;
    const next = image.charAt(i + 1);
    if (next !== '"' && next !== '\\' && next !== 'n') return next;
    i++;
  }
  return undefined;
}

/** The first token starting at or after `offset` (tokens are in source order). */
export function firstTokenFrom(tokens: readonly IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid] as IToken).startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return tokens[low];
}

/** The value of a text literal: quotes removed and escapes resolved. */
export function unescapeText(image: string): string {
  // `'Won'` or `“Won”` (reported): the text between the quotes.
  if (!image.startsWith('"')) return image.slice(1, -1);
  const closed = image.length >= 2 && image.endsWith('"') && !isEscapedQuote(image);
  const body = image.slice(1, closed ? -1 : undefined);
  return body.replace(/\\(.)?/g, (_match, c: string | undefined) => {
    if (c === 'n') return '\n';
    return c ?? '';
  });
}

function isEscapedQuote(image: string): boolean {
  // `"abc\"` is unterminated: its last quote is escaped. Count the backslashes before it.
  let slashes = 0;
  for (let i = image.length - 2; i >= 1 && image.charAt(i) === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
