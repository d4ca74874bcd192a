/**
 * Where a JSON text goes wrong, as a person fixing it by hand needs to know: the line and column,
 * and what was expected there. `JSON.parse` says where only for some mistakes (Node 20 quotes the
 * text around an unexpected token instead), so a text it rejects is read again by jsonc-parser
 * (VS Code's JSON scanner), strictly: no comments, no trailing commas.
 */
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

/** A JSON syntax error: 1-based line and column (in UTF-16 code units, as editors count). */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

/** What is wrong at the place of each kind of error, by jsonc-parser's name for it. */
const EXPECTED: Readonly<Record<string, string>> = {
  InvalidNumberFormat: 'a number is written wrongly',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," before the next value',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'expected the end of the file after the value',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'a text in double quotes does not end on its line',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'a backslash in a text starts an escape: write \\\\ for a backslash',
  InvalidCharacter: 'a tab or other control character in a text must be escaped (\\t)',
};

/** The 1-based line and column of `offset` in `text`. */
function place(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** What stands at the error, quoted, cut to 20 characters; the end of the file says so. */
function found(text: string, error: ParseError): string {
  if (error.offset >= text.length) return 'the end of the file';
  const at = text.slice(error.offset, error.offset + Math.max(1, error.length)).split('\n')[0] ?? '';
  return JSON.stringify(at.length > 20 ? `${at.slice(0, 20)}…` : at);
}

/**
 * The first syntax error of `text`, or `undefined` when jsonc-parser finds none (`JSON.parse`
 * is then the judge: its message is all there is).
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const before = text.slice(0, first.offset).trimEnd();
  const closing = text[first.offset] === '}' || text[first.offset] === ']';
  // `[1, 2,]` and `{"a": 1,}`: the commonest hand edit, with a message of its own.
  const message =
    closing && before.endsWith(',')
      ? `a "," before "${text[first.offset]}" (JSON allows no comma after the last item)`
      : printParseErrorCode(first.error) === 'InvalidSymbol'
        ? `found ${found(text, first)}, which is not JSON (a text is written in double quotes)`
        : `${EXPECTED[printParseErrorCode(first.error)] ?? 'this is not JSON'}, found ${found(text, first)}`;
  return { ...place(text, first.offset), message };
}
