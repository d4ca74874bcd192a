/**
 * The formatter: one canonical layout for plan text, with no options (like gofmt).
 *
 * - two-space indentation; one declaration, field, tier, lookup row, curve point or clause per
 *   line; earning and quota clauses (and `effective`) on indented lines under their declaration;
 * - header settings first, in the order currency, period, fiscal year, effective, rounding;
 *   declarations in the order written (moving them would move their comments);
 * - a blank line between declarations of different kinds, and at most one of the blank lines the
 *   author wrote between declarations of the same kind (or around comments);
 * - single spaces around operators, only the parentheses that precedence needs, and expressions
 *   that do not fit in 100 columns broken after an operator with a four-column continuation indent;
 * - numbers keep their digits; `_` separators are regrouped in thousands when the author used them
 *   and left out when not; money is `500 USD`; text is re-escaped;
 * - every comment stays between the same tokens: own-line comments above what they precede,
 *   same-line comments at the end of their line, doc comments before what they document.
 *
 * Formatting is idempotent and never changes what a plan means.
 */
import { type Diagnostic, isSyntaxError } from '../diagnostics/diagnostic.js';
import type { File } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { CommentContext } from './comments.js';
import { printFile } from './plan.js';
import { render } from './render.js';
import { Unformattable } from './unformattable.js';

/** The outcome of {@link format}. */
export interface FormatResult {
  /** The formatted text; absent when the source has syntax errors. */
  text?: string;
  /** The parser's diagnostics (the syntax errors when `text` is absent). */
  diagnostics: Diagnostic[];
}

/**
 * Formats plan text. Returns the text in the canonical layout, or no text and the syntax
 * diagnostics when the source does not parse. Never throws.
 */
export function format(source: string): FormatResult {
  const { file, diagnostics } = parse(source);
  if (diagnostics.some(isSyntaxError)) return { diagnostics: diagnostics.filter(isSyntaxError) };
  try {
    return { text: formatFile(file, source), diagnostics };
  } catch {
    // A tree the printers cannot reproduce exactly is left as the author wrote it.
    return { text: source, diagnostics };
  }
}

/**
 * Prints a parsed file without a syntax error. Throws when a part of the tree is missing or a
 * comment could not be placed; {@link format} catches that and keeps the source unchanged.
 */
export function formatFile(file: File, source: string): string {
  const ctx = new CommentContext(source, file);
  const text = render(printFile(ctx, file));
  const lost = ctx.unprinted();
  if (lost.length > 0) throw new Unformattable(`comment not printed: ${lost[0]?.text}`);
  return `${text.trimEnd()}\n`;
}
