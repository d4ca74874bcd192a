/**
 * Prints comments where {@link attachComments} put them, between the same tokens as in the source:
 * a comment that had its own line keeps its own line (above or below its node), a comment after
 * code stays after that code and a `#` comment ends its line. At most one of the blank lines the
 * author wrote around a comment is kept. Keeps track of what was printed so the formatter can
 * prove that no comment was lost.
 */
import type { Comment, File } from '../syntax/ast.js';
import { type Attachments, attachComments, isDoc, maskComments, type SyntaxNode } from './attach.js';
import {
  breakAfter,
  type CommentSide,
  commentText,
  type Doc,
  freshLine,
  hardline,
  indent,
  inlineComment,
  lineComment,
} from './doc.js';

/** The comments of one file and the source they came from, shared by the printers. */
export class CommentContext {
  private readonly attachments: Attachments;
  private readonly masked: string;
  private readonly printed = new Set<Comment>();

  constructor(
    readonly text: string,
    private readonly file: File,
  ) {
    this.masked = maskComments(text, file.comments);
    this.attachments = attachComments(file, text, this.masked);
  }

  /** `doc` (the printed `node`) with the node's leading and trailing comments around it. */
  wrap(node: SyntaxNode, doc: Doc): Doc {
    const { leading, trailing, dangling } = this.attachments;
    const split = this.splitKeywords(node, doc, dangling.get(node) ?? []);
    // A comment inside a node without children that is not a run of keywords goes before it (so a
    // doc comment still documents what it did), or, for a line comment, at the end of its line.
    const inside = split === undefined ? (dangling.get(node) ?? []) : [];
    if (split !== undefined) doc = split;
    const before = [...(leading.get(node) ?? []), ...inside.filter((c) => !c.text.startsWith('#'))];
    const after = [...inside.filter((c) => c.text.startsWith('#')), ...(trailing.get(node) ?? [])].sort(
      byStart,
    );
    if (before.length === 0 && after.length === 0) return doc;
    return [this.printLeading(node, before), doc, this.printTrailing(node, after)];
  }

  /** Comments written on the line of a block's `{`, to print right after it. */
  braceComments(block: SyntaxNode): Doc {
    return (this.attachments.brace.get(block) ?? []).map((comment) => this.afterCode(comment));
  }

  /** Doc and block comments written just before a block's `{`. */
  beforeBrace(block: SyntaxNode): Doc {
    return (this.attachments.beforeBrace.get(block) ?? []).map((comment) =>
      this.attachments.ownLine.has(comment)
        ? [freshLine, commentText(this.use(comment)), breakAfter]
        : inlineComment(this.use(comment), 'trailing'),
    );
  }

  /** Comments at the end of a block (after its items, or in an empty block), each on its own line. */
  danglingInBlock(block: SyntaxNode): Doc[] {
    const comments = this.attachments.dangling.get(block) ?? [];
    this.attachments.dangling.delete(block);
    return comments.map((comment) => [
      this.blankLineBefore(start(comment)) ? hardline : '',
      commentText(this.use(comment)),
      breakAfter,
    ]);
  }

  /**
   * True when the author left a blank line between `previous` and `next` (two items of one list),
   * counting from the end of the last comment that trails `previous` to the first comment that
   * leads `next`.
   */
  blankLineBetween(previous: SyntaxNode, next: SyntaxNode): boolean {
    const trailing = this.attachments.trailing.get(previous) ?? [];
    const leading = this.attachments.leading.get(next) ?? [];
    const from = Math.max(
      end(previous),
      ...trailing.filter((c) => !this.attachments.ownLine.has(c)).map(end),
    );
    const to = Math.min(start(next), ...leading.map(start));
    return this.hasBlankLine(from, to);
  }

  /** Comments that were attached but never printed (a printer bug if not empty). */
  unprinted(): Comment[] {
    return this.file.comments.filter((comment) => !this.printed.has(comment));
  }

  /**
   * A node printed as a run of keywords (`prorate by calendar days`) with comments written between
   * its words printed between the same words; undefined when that is not possible.
   */
  private splitKeywords(node: SyntaxNode, doc: Doc, comments: readonly Comment[]): Doc | undefined {
    if (typeof doc === 'object' && 'kind' in doc && doc.kind === 'indent') {
      const inner = this.splitKeywords(node, doc.contents, comments);
      return inner === undefined ? undefined : indent(inner, doc.width);
    }
    const text = plainText(doc);
    if (comments.length === 0 || text === undefined) return undefined;
    const words = text.split(' ');
    const parts: Doc[] = [];
    let used = 0;
    for (const comment of comments) {
      const before = wordCount(this.masked.slice(start(node), start(comment)));
      if (before <= used || before >= words.length) return undefined;
      parts.push(`${used > 0 ? ' ' : ''}${words.slice(used, before).join(' ')}`);
      used = before;
      const commentDoc = this.attachments.ownLine.has(comment)
        ? [freshLine, commentText(this.use(comment)), breakAfter]
        : this.afterCode(comment);
      parts.push(commentDoc);
    }
    parts.push(` ${words.slice(used).join(' ')}`);
    return parts;
  }

  private printLeading(node: SyntaxNode, comments: readonly Comment[]): Doc {
    return comments.map((comment, i) => {
      // A doc comment goes on its own line above what it documents.
      if (!this.attachments.ownLine.has(comment) && !isDoc(comment)) {
        return this.afterCode(comment, 'leading');
      }
      const next = comments[i + 1];
      const blank = this.hasBlankLine(end(comment), next === undefined ? start(node) : start(next));
      return [freshLine, commentText(this.use(comment)), blank ? [hardline, hardline] : hardline];
    });
  }

  private printTrailing(node: SyntaxNode, comments: readonly Comment[]): Doc {
    let previousEnd = end(node);
    return comments.map((comment) => {
      const blank = this.hasBlankLine(previousEnd, start(comment));
      previousEnd = end(comment);
      if (!this.attachments.ownLine.has(comment)) return this.afterCode(comment);
      return [blank ? [hardline, hardline] : freshLine, commentText(this.use(comment)), breakAfter];
    });
  }

  /** A comment written after code on its line: a `#` comment ends the line, others stay inline. */
  private afterCode(comment: Comment, side: CommentSide = 'trailing'): Doc {
    const text = this.use(comment);
    return text.startsWith('#') ? lineComment(text, side) : inlineComment(text, side);
  }

  /** True when a blank line separates `offset` from the code or comment before it. */
  private blankLineBefore(offset: number): boolean {
    let from = offset;
    while (from > 0 && /\s/.test(this.masked.charAt(from - 1))) from--;
    return this.hasBlankLine(from, offset);
  }

  private hasBlankLine(from: number, to: number): boolean {
    if (to <= from) return false;
    return /\n[ \t\f\v\u00a0\ufeff]*\n/.test(this.masked.slice(from, to));
  }

  private use(comment: Comment): string {
    this.printed.add(comment);
    return comment.text.startsWith('#') ? comment.text.trimEnd() : comment.text;
  }
}

/** The text of a document made only of text, or undefined. */
function plainText(doc: Doc): string | undefined {
  if (typeof doc === 'string') return doc;
  if (!Array.isArray(doc)) return undefined;
  let text = '';
  for (const part of doc as readonly Doc[]) {
    const t = plainText(part);
    if (t === undefined) return undefined;
    text += t;
  }
  return text;
}

/** Number of words in a stretch of masked source (masked comments separate words). */
function wordCount(masked: string): number {
  return masked.split(/[\s\0]+/).filter((word) => word !== '').length;
}

const start = (node: SyntaxNode | Comment): number => node.range.start.offset;
const end = (node: SyntaxNode | Comment): number => node.range.end.offset;
const byStart = (a: Comment, b: Comment): number => start(a) - start(b);
