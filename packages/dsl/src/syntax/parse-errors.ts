/**
 * Turns Chevrotain's recognition errors into syntax diagnostics: AT1001 when the text does not
 * fit, AT1002 when something is missing. One mistake is reported once, and not at all when a
 * lexical diagnostic (an unknown character, unterminated text) already explains it.
 */
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { isKnownCurrency } from '../check/currencies.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { isRealToken } from './build-context.js';
import { firstTokenFrom, tokenRange } from './lexer.js';
import {
  decodeExpectation,
  describeToken,
  describeTokenType,
  missingMessage,
  unexpectedMessage,
} from './parse-messages.js';
import type { MissingTokenError } from './parser.js';
import { isCurrencyCode } from './parser-expressions.js';
import type { LineIndex } from './positions.js';
import { diagnostic, quote } from './report.js';
import { declarationStarts, NumberLiteral, PercentLiteral, RCurly } from './tokens.js';

/**
 * Offsets of the tokens right after an unknown character or unterminated text or comment, and of
 * a word written as a percentage (`fifty%`) and the token after it. The parser usually stumbles
 * there too; the lexical diagnostic already names the mistake.
 */
export function afterLexicalErrors(lexical: Diagnostic[], tokens: IToken[], end: number): Set<number> {
  const offsets = new Set<number>();
  for (const d of lexical) {
    if (d.code === 'AT1006') {
      // `fifty%`, a word then `%` (not `5O%`, one number token): the parser stumbles on the word
      // (`fifty% to 100%` in a rate table), or after the `%`.
      const word = firstTokenFrom(tokens, d.range.start.offset);
      if (word === undefined || word.tokenType === NumberLiteral || word.tokenType === PercentLiteral)
        continue;
      offsets.add(word.startOffset);
    } else if (d.code !== 'AT1003' && d.code !== 'AT1004') continue;
    offsets.add(firstTokenFrom(tokens, d.range.end.offset)?.startOffset ?? end);
  }
  return offsets;
}

/** Converts parser errors to AT1001 (unexpected text) and AT1002 (something missing). */
export function recognitionDiagnostics(
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
    const result =
      currencyInCapitals(error, tokens, index) ??
      spreadsheetOperator(error, tokens, index) ??
      thousandsComma(error, tokens, index) ??
      tierWithoutTo(error, tokens, index) ??
      recognitionDiagnostic(error, endOfInput, index);
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
  if (error.missingValue !== undefined) {
    const range = previous !== undefined ? tokenRange(previous, index) : endOfInput;
    return diagnostic('AT1002', missingMessage(error.missingValue, previous), range);
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

/**
 * `100 usd`: a known currency code written in small letters after a number reads as a name that
 * does not fit there. The message says what was meant instead of what the parser expected.
 */
function currencyInCapitals(
  error: MissingTokenError,
  tokens: readonly IToken[],
  index: LineIndex,
): Diagnostic | undefined {
  const stray = strayToken(error, tokens);
  if (stray === undefined || error.missing !== undefined) return undefined;
  const { found, before: number } = stray;
  const code = found.image.toUpperCase();
  if (!/^[a-z]{3}$/i.test(found.image) || code === found.image || !isKnownCurrency(code)) return undefined;
  if (number === undefined || number.tokenType !== NumberLiteral) return undefined;
  const message = `Currency codes are written in capitals: write \`${number.image} ${code}\`, not \`${number.image} ${found.image}\``;
  return diagnostic('AT1001', message, tokenRange(found, index));
}

/** Operators of spreadsheets and programming languages, and how a plan writes them. */
const operatorFixes: Record<string, string> = {
  '==': '`==` is written `=` in a plan: `stage = "Closed Won"`',
  '<>': '`<>` is written `!=` in a plan ("not equal")',
  '=>': '`=>` is written `>=` in a plan',
  '=<': '`=<` is written `<=` in a plan',
};

/**
 * `a == b`, `a <> b`, `a => b`: the second symbol is where the parser stumbles. The message says
 * how the plan writes the operator instead of what the parser expected.
 */
function spreadsheetOperator(
  error: MissingTokenError,
  tokens: readonly IToken[],
  index: LineIndex,
): Diagnostic | undefined {
  const stray = strayToken(error, tokens);
  if (stray === undefined || error.missing !== undefined) return undefined;
  const { found, before } = stray;
  if (before === undefined || !adjacent(before, found)) return undefined;
  const message = operatorFixes[before.image + found.image];
  if (message === undefined) return undefined;
  return diagnostic(
    'AT1001',
    message,
    index.range(before.startOffset, found.startOffset + found.image.length),
  );
}

/**
 * `1,000 USD`: a comma between digit groups, where the parser does not expect a list. The message
 * says how a plan separates digit groups.
 */
function thousandsComma(
  error: MissingTokenError,
  tokens: readonly IToken[],
  index: LineIndex,
): Diagnostic | undefined {
  const stray = strayToken(error, tokens);
  if (stray === undefined || stray.found.image !== ',') return undefined;
  const { before: first, at } = stray;
  if (first?.tokenType !== NumberLiteral) return undefined;
  // `1,000,000`: the number and every `,ddd` group right after it.
  const groups = [first];
  for (let i = at; ; i += 2) {
    const [comma, group] = [tokens[i], tokens[i + 1]];
    const last = groups[groups.length - 1] as IToken;
    if (comma?.image !== ',' || group === undefined || !adjacent(last, comma) || !adjacent(comma, group))
      break;
    if (group.tokenType !== NumberLiteral || !/^\d{3}(?:\.\d+)?$/.test(group.image)) break;
    groups.push(group);
  }
  const end = groups[groups.length - 1] as IToken;
  if (groups.length < 2) return undefined;
  const written = groups.map((g) => g.image).join(',');
  const meant = groups.map((g) => g.image).join('_');
  const message = `Digit groups are separated with \`_\`, not \`,\` (which separates lists): write \`${meant}\`, not \`${written}\``;
  return diagnostic('AT1001', message, index.range(first.startOffset, end.startOffset + end.image.length));
}

/**
 * `50%-100%: 17%` or `50% t0 100%: 17%`: a tier whose bounds are joined by something other than
 * `to`. The message says to write `to` between them (`50% to 100%`), over the bounds and what
 * joins them, instead of "Expected `to` and an upper bound, or `and up` but found `-`".
 */
function tierWithoutTo(
  error: MissingTokenError,
  tokens: readonly IToken[],
  index: LineIndex,
): Diagnostic | undefined {
  const stack = error.context?.ruleStack;
  if (error.missing !== undefined || stack?.[stack.length - 1] !== 'tier') return undefined;
  const stray = strayToken(error, tokens);
  if (stray === undefined || stray.before === undefined) return undefined;
  const { found, at } = stray;
  const lower = boundEndingAt(tokens, at - 1);
  const upper = boundStartingAt(tokens, at + 1);
  if (lower === undefined || upper === undefined) return undefined;
  const dash = found.image === '-';
  if (!dash && !/^[a-z]\w*$/i.test(found.image)) return undefined;
  const meant = `${lower.text} to ${upper.text}`;
  const written = `${lower.text}${spaceBetween(lower.last, found)}${found.image}${spaceBetween(found, upper.first)}${upper.text}`;
  const message = dash
    ? `Write \`to\` between the bounds of a tier: \`${meant}\`, not \`${written}\``
    : `Expected \`to\` between the bounds of a tier but found ${quote(found.image)}: write \`${meant}\``;
  const end = upper.last.startOffset + upper.last.image.length;
  return diagnostic('AT1001', message, index.range(lower.first.startOffset, end));
}

interface WrittenBound {
  text: string;
  first: IToken;
  last: IToken;
}

/** The bound (`50%`, `10000`, `10000 USD`) whose last token is `tokens[i]`. */
function boundEndingAt(tokens: readonly IToken[], i: number): WrittenBound | undefined {
  const last = tokens[i];
  if (last === undefined) return undefined;
  if (isBoundNumber(last)) return { text: last.image, first: last, last };
  const number = tokens[i - 1];
  if (!isCurrencyCode(last) || number?.tokenType !== NumberLiteral) return undefined;
  return { text: `${number.image} ${last.image}`, first: number, last };
}

/** The bound (`100%`, `20000`, `20000 USD`) that starts at `tokens[i]`. */
function boundStartingAt(tokens: readonly IToken[], i: number): WrittenBound | undefined {
  const first = tokens[i];
  if (first === undefined || !isBoundNumber(first)) return undefined;
  const currency = tokens[i + 1];
  if (first.tokenType === NumberLiteral && currency !== undefined && isCurrencyCode(currency)) {
    return { text: `${first.image} ${currency.image}`, first, last: currency };
  }
  return { text: first.image, first, last: first };
}

function isBoundNumber(token: IToken): boolean {
  return token.tokenType === PercentLiteral || token.tokenType === NumberLiteral;
}

/** The spaces between two tokens on one line, as written. */
function spaceBetween(a: IToken, b: IToken): string {
  return ' '.repeat(Math.max(0, b.startOffset - (a.startOffset + a.image.length)));
}

/**
 * The token the parser stumbled on, when it is one of the text (not the end of it), with its place
 * among `tokens` and the token before it: what the messages above read to say what was meant.
 */
function strayToken(
  error: MissingTokenError,
  tokens: readonly IToken[],
): { found: IToken; at: number; before: IToken | undefined } | undefined {
  const found = error.token;
  if (!isRealToken(found) || found.tokenType === EOF) return undefined;
  const at = tokens.indexOf(found);
  return { found, at, before: at > 0 ? tokens[at - 1] : undefined };
}

/** True when `b` starts right where `a` ends. */
function adjacent(a: IToken, b: IToken): boolean {
  return a.startOffset + a.image.length === b.startOffset;
}

/** Tokens that end what came before: finding one where something was expected means it is missing. */
function isTerminator(token: IToken): boolean {
  return token.tokenType === RCurly || declarationStarts.has(token.tokenType);
}
