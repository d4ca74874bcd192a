/**
 * Prints comments where {@link attachComments} put them, between the same tokens as in the source:
 * a comment that had its own line keeps its own line (above or below its node), a comment after
 * code stays after that code and a `#` comment ends its line. At most one of the blank lines the
 * author wrote around a comment is kept. Keeps track of what was printed so the formatter can
 * prove that no comment was lost.
 */
import type { Comment, File } from '../syntax/ast.js';
import { type Attachments, attachComments, isDoc, maskComments, type SyntaxNode } from './attach.js';
import { breakAfter, commentText, type Doc, freshLine, hardline, inlineComment, lineComment } from './doc.js';

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
    const before = leading.get(node);
    const after = [...(dangling.get(node) ?? []), ...(trailing.get(node) ?? [])].sort(byStart);
    if (before === undefined && after.length === 0) return doc;
    return [this.printLeading(node, before ?? []), doc, this.printTrailing(node, after)];
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

  /** Comments inside an empty block, each on its own line. */
  danglingInBlock(block: SyntaxNode): Doc[] {
    const comments = this.attachments.dangling.get(block) ?? [];
    this.attachments.dangling.delete(block);
    return comments.map((comment) => [commentText(this.use(comment)), breakAfter]);
  }

  /**
   * True when the author left a blank line between `previous` and `next` (two items of one list),
   * counting from the end of the last comment that trails `previous` to the first comment that
   * leads `next`.
   */
  blankLineBetween(previous: SyntaxNode, next: SyntaxNode): boolean {
    const trailing = this.attachments.trailing.get(previous) ?? [];
    const leading = this.attachments.leading.get(next) ?? [];
    const from = Math.max(end(previous), ...trailing.filter((c) => !this.attachments.ownLine.has(c)).map(end));
    const to = Math.min(start(next), ...leading.map(start));
    return this.hasBlankLine(from, to);
  }

  /** Comments that were attached but never printed (a printer bug if not empty). */
  unprinted(): Comment[] {
    return this.file.comments.filter((comment) => !this.printed.has(comment));
  }

  private printLeading(node: SyntaxNode, comments: readonly Comment[]): Doc {
    return comments.map((comment, i) => {
      // A doc comment goes on its own line above what it documents.
      if (!this.attachments.ownLine.has(comment) && !isDoc(comment)) {
        return comment.text.startsWith('#') ? this.afterCode(comment) : inlineComment(this.use(comment), 'leading');
      }
      const next = comments[i + 1];
      const blank = this.hasBlankLine(end(comment), next === undefined ? start(node) : start(next));
      return [freshLine, commentText(this.use(comment)), blank ? [hardline, hardline] : breakAfter];
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
  private afterCode(comment: Comment): Doc {
    const text = this.use(comment);
    return text.startsWith('#') ? lineComment(text) : inlineComment(text, 'trailing');
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

const start = (node: SyntaxNode | Comment): number => node.range.start.offset;
const end = (node: SyntaxNode | Comment): number => node.range.end.offset;
const byStart = (a: Comment, b: Comment): number => start(a) - start(b);
