/**
 * A small document model for the formatter, in the style of Wadler's "prettier printer": the
 * printers build a tree of text, groups and line breaks, and {@link render} decides which groups
 * fit on one line.
 *
 * Comments never influence whether a group breaks: their width counts as zero, and a line comment
 * simply ends its line where it stands ({@link lineComment}). Comments therefore stay between the
 * same tokens, and formatting formatted text changes nothing.
 */

/** A document: text, a sequence of documents, or a layout command. */
export type Doc = string | readonly Doc[] | DocCommand;

/** Layout commands. */
export type DocCommand =
  | { readonly kind: 'group'; readonly contents: Doc }
  | { readonly kind: 'indent'; readonly width: number; readonly contents: Doc }
  | { readonly kind: 'line'; readonly soft: boolean }
  | { readonly kind: 'hardline' }
  | { readonly kind: 'freshLine' }
  | { readonly kind: 'breakAfter' }
  | { readonly kind: 'lineComment'; readonly text: string; readonly side: CommentSide }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'inlineComment'; readonly text: string; readonly side: CommentSide }
  | { readonly kind: 'node'; readonly node: object; readonly contents: Doc };

/**
 * Whether a comment precedes the code it belongs to (if it ends up alone on a line, that code
 * starts the next line at the comment's indentation) or follows it (the code after it continues
 * the statement, with the statement's continuation indentation).
 */
export type CommentSide = 'leading' | 'trailing';

/** Prints `contents` on one line when it fits, otherwise breaks each of its own lines. */
export function group(contents: Doc): Doc {
  return { kind: 'group', contents };
}

/** Lines broken inside `contents` start `width` columns further right. */
export function indent(contents: Doc, width = 2): Doc {
  return { kind: 'indent', width, contents };
}

/** A space, or a line break when the enclosing group breaks. */
export const line: Doc = { kind: 'line', soft: false };

/** Nothing, or a line break when the enclosing group breaks. */
export const softline: Doc = { kind: 'line', soft: true };

/** Always a line break. */
export const hardline: Doc = { kind: 'hardline' };

/** A line break unless the current line is still empty. */
export const freshLine: Doc = { kind: 'freshLine' };

/** The next text starts on a new line (a line comment needs the rest of its line). */
export const breakAfter: Doc = { kind: 'breakAfter' };

/** A `#` comment after code: a space, the comment, and the next text on a new line. */
export function lineComment(text: string, side: CommentSide): Doc {
  return { kind: 'lineComment', text, side };
}

/** Comment text printed in place; it does not count towards the line width. */
export function commentText(text: string): Doc {
  return { kind: 'comment', text };
}

/**
 * A `/* ... *\/` comment between tokens of one line; if the line is already over (after a line
 * comment) it gets a line of its own.
 */
export function inlineComment(text: string, side: CommentSide): Doc {
  return { kind: 'inlineComment', text, side };
}

/**
 * The printed form of a syntax node: `contents` as it is, marked so that comments written
 * between the keywords of the node around it can find where its children were printed.
 */
export function nodeDoc(node: object, contents: Doc): Doc {
  return { kind: 'node', node, contents };
}

/** `docs` with `separator` between each two. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) parts.push(separator);
    parts.push(doc);
  });
  return parts;
}
