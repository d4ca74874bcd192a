/**
 * The formatter: one canonical layout for plan text, with no options (like gofmt).
 *
 * Two-space indentation; one declaration (and one field, tier, row or clause) per line; header
 * settings first; declarations in the order written; a blank line between declarations of
 * different kinds; single spaces around operators and only the parentheses precedence needs;
 * expressions longer than 100 columns broken after an operator. Every comment is kept next to the
 * code it was written at. Formatting is idempotent and never changes what a plan means.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { File } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { CommentContext } from './comments.js';
import { printFile } from './plan.js';
import { render } from './render.js';

/** The outcome of {@link format}. */
export interface FormatResult {
  /** The formatted text; absent when the source has syntax errors. */
  text?: string;
  /** The parser's diagnostics (the syntax errors when `text` is absent). */
  diagnostics: Diagnostic[];
}

/** True for the error diagnostics that stop formatting: the syntax family, AT1xxx. */
function isSyntaxError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && diagnostic.code.startsWith('AT1');
}

/**
 * Formats plan text. Returns the text in the canonical layout, or no text and the syntax
 * diagnostics when the source does not parse. Never throws.
 */
export function format(source: string): FormatResult {
  let parsed: { file: File; diagnostics: Diagnostic[] };
  try {
    parsed = parse(source);
  } catch {
    return { text: undefined, diagnostics: [] };
  }
  const { file, diagnostics } = parsed;
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
  if (lost.length > 0) throw new Error(`comment not printed: ${lost[0]?.text}`);
  return `${text.trimEnd()}\n`;
}
