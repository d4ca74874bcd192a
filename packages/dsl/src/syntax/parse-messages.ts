/**
 * Plain-words messages for syntax errors ("Expected a tier like `0% to 50%: 2%` but found `}`"),
 * plugged into Chevrotain as its error message provider. Message texts live here, apart from the
 * grammar.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, Lexer, type TokenType } from 'chevrotain';
import { quote } from './report.js';
import * as t from './tokens.js';

const tokenDescriptions = new Map<TokenType, string>([
  [t.Name, 'a name'],
  [t.Word, 'a name'],
  [t.Identifier, 'a name'],
  [t.TextLiteral, 'a text in double quotes'],
  [t.Text, 'a text in double quotes'],
  [t.NumberLiteral, 'a number'],
  [t.PercentLiteral, 'a percentage like `10%`'],
  [t.DateLiteral, 'a date like `2026-01-01`'],
  [t.PeriodLiteral, 'a period like `2026-Q1`'],
  [t.AdditiveOp, '`+` or `-`'],
  [t.MultiplicativeOp, '`*` or `/`'],
  [t.CompareOp, 'a comparison like `=` or `>=`'],
  [t.LCurly, '`{`'],
  [t.RCurly, '`}`'],
  [t.LParen, '`(`'],
  [t.RParen, '`)`'],
  [t.LBracket, '`[`'],
  [t.RBracket, '`]`'],
  [t.Comma, '`,`'],
  [t.Colon, '`:`'],
  [t.Dot, '`.`'],
  [t.EarningKindToken, 'an earning kind like `commission`'],
  [t.SimpleTypeName, 'a type such as Money, Date or Text'],
  [t.FunctionKeyword, 'a call of `rate`, `lookup` or `curve`'],
  [t.FiscalYearLiteral, 'a fiscal year like `FY2026`'],
  [t.UnterminatedText, 'a text in double quotes'],
  [t.SingleQuotedText, 'a text in double quotes'],
  [t.DocComment, 'a doc comment'],
  [t.BlockComment, 'a comment'],
  [t.UnterminatedComment, 'a comment'],
  [t.LineComment, 'a comment'],
  [t.Whitespace, 'a space'],
]);

/**
 * What a rule expects when none of its alternatives fits the next token. Rules whose alternatives
 * are clear from their first tokens ("`line` or `period`") are described from those instead.
 */
const ruleExpectations: Record<string, string> = {
  expression: 'a value such as a number, a name or `(`',
  notExpression: 'a value such as a number, a name or `(`',
  unary: 'a value such as a number, a name or `(`',
  primary: 'a value such as a number, a name or `(`',
  inTarget: 'a range like `1 to 5`, a list like `["A", "B"]` or `period`',
  typeRef: 'a type such as Money, Date or Text',
  recipient: 'a payee field, `territory of` or `managers of`',
  tier: '`to` and an upper bound, or `and up`',
  bound: 'a bound like `50%`, `10000` or `10000 USD`',
  lookupKey: 'a key: a text in quotes, a number or `*`',
  drawKind: '`recoverable` or `non-recoverable`',
  severity: 'a severity: info, warning or critical',
  periodSetting: 'a period: month, quarter, half or year',
  roundingMode: 'a rounding mode: half up, half even, down or up',
};

/** What a block rule expects before its closing brace. */
const blockContents: Record<string, string> = {
  planDecl: 'a setting, a declaration or the closing `}` of the plan',
  source: 'a field like `amount: Money` or `}`',
  payeeSchema: 'a field like `hire_date: Date` or `}`',
  credit: '`amount`, `to`, `split by` or `}`',
  rateTable: 'a tier like `0% to 50%: 2%` or `}`',
  lookupTable: 'a row like `"EMEA": 5%` or `}`',
  payCurve: 'a point like `100%: 100%` or `}`',
  territories: 'a territory or `}`',
  territory: '`where`, `named`, `priority`, `score`, `assign` or `}`',
};

/** Describes a token type in plain words: `` `measure` ``, "a name", "a number". */
export function describeTokenType(type: TokenType): string {
  if (type === EOF) return 'the end of the file';
  const known = tokenDescriptions.get(type);
  if (known !== undefined) return known;
  // Keywords and symbols: their text, when the pattern is a plain text. Never an internal name or
  // a pattern (a category's pattern is Chevrotain's `NOT_APPLICABLE`).
  const pattern = type.PATTERN;
  if (pattern instanceof RegExp && pattern.source !== Lexer.NA.source) {
    const text = pattern.source.replace(/\\/g, '');
    if (new RegExp(`^(?:${pattern.source})$`).test(text)) return `\`${text}\``;
  }
  return 'something else';
}

/** Describes a token found in the text. */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    return 'the end of the file';
  }
  return quote(token.image);
}

function describeExpected(types: TokenType[]): string {
  const unique = [...new Set(types.map(describeTokenType))];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  const shown = unique.slice(0, 5);
  const last = shown.pop();
  return `${shown.join(', ')} or ${last}`;
}

/**
 * What a recognition error expected and found. Chevrotain only keeps a message string per error,
 * so the provider below encodes this as JSON and {@link decodeExpectation} reads it back; the
 * final wording depends on whether the text is wrong (AT1001) or incomplete (AT1002).
 */
export interface Expectation {
  expected: string;
  found: string;
  /** The single token expected, when there was one (`}` where a block could also go on). */
  token?: string;
}

function encode(expected: string, found: IToken | undefined, token?: string): string {
  return JSON.stringify({ expected, found: describeToken(found), token } satisfies Expectation);
}

/** Reads back what {@link parserMessages} encoded; undefined for any other message. */
export function decodeExpectation(message: string): Expectation | undefined {
  try {
    const value: unknown = JSON.parse(message);
    if (typeof value !== 'object' || value === null) return undefined;
    const { expected, found, token } = value as Record<string, unknown>;
    if (typeof expected !== 'string' || typeof found !== 'string') return undefined;
    return typeof token === 'string' ? { expected, found, token } : { expected, found };
  } catch {
    return undefined;
  }
}

/** The encoded expectations Chevrotain stores as error messages. */
export const parserMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (ruleName === 'lookupRow' && expected === t.Colon) {
      // After a key: another key (`"Platform", "EMEA": 7%`) or the value.
      return encode('`,` and another key, or `:`', actual, describeTokenType(expected));
    }
    const block = expected === t.RCurly ? blockContents[ruleName] : undefined;
    return encode(block ?? describeTokenType(expected), actual, describeTokenType(expected));
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return encode('the end of the file after the plan', firstRedundant);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected =
      ruleExpectations[ruleName] ??
      describeExpected(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0] ?? EOF)));
    return encode(expected, actual[0]);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const expected =
      ruleExpectations[ruleName] ?? describeExpected(expectedIterationPaths.map((path) => path[0] ?? EOF));
    return encode(expected, actual[0]);
  },
};

/** AT1001: the text does not fit. */
export function unexpectedMessage({ expected, found }: Expectation): string {
  return `Expected ${expected} but found ${found}`;
}

/** AT1002: something is missing after `previous`. */
export function missingMessage(expected: string, previous: IToken | undefined): string {
  if (previous === undefined || Number.isNaN(previous.startOffset)) return `Missing ${expected}`;
  return `Missing ${expected} after ${describeToken(previous)}`;
}
