/**
 * Prints comments where {@link attachComments} put them, between the same tokens as in the source:
 * a comment that had its own line keeps its own line (above or below its node), a comment after
 * code stays after that code and a `#` comment ends its line. At most one of the blank lines the
 * author wrote around a comment is kept. Keeps track of what was printed so the formatter can
 * prove that no comment was lost.
 */
import type { Comment, File } from '../syntax/ast.js';
import {
  type Attachments,
  attachComments,
  childNodes,
  isDoc,
  maskComments,
  neighbours,
  type SyntaxNode,
} from './attach.js';
import {
  breakAfter,
  type CommentSide,
  commentText,
  type Doc,
  freshLine,
  hardline,
  inlineComment,
  lineComment,
  nodeDoc,
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
    doc = this.placeAmongKeywords(node, doc);
    // A comment dangling in a node (a node without tokens to put it between) goes before it (so a
    // doc comment still documents what it did), or, for a line comment, at the end of its line.
    const inside = dangling.get(node) ?? [];
    const before = [...(leading.get(node) ?? []), ...inside.filter((c) => !c.text.startsWith('#'))];
    const after = [...inside.filter((c) => c.text.startsWith('#')), ...(trailing.get(node) ?? [])].sort(
      byStart,
    );
    if (before.length === 0 && after.length === 0) return nodeDoc(node, doc);
    return nodeDoc(node, [this.printLeading(node, before), doc, this.printTrailing(node, after)]);
  }

  /** Comments written on the line of a block's `{`, to print right after it. */
  braceComments(block: SyntaxNode): Doc {
    return (this.attachments.brace.get(block) ?? []).map((comment) => this.afterCode(comment));
  }

  /** Comments written just before a block's `{`. */
  beforeBrace(block: SyntaxNode): Doc {
    return (this.attachments.beforeBrace.get(block) ?? []).map((comment) =>
      this.attachments.ownLine.has(comment)
        ? [freshLine, commentText(this.use(comment)), breakAfter]
        : this.afterCode(comment),
    );
  }

  /**
   * Comments at the end of a block (after its items, or in an empty block), one line each: a
   * comment on its own line starts one, and those written after it on its line stay after it.
   */
  danglingInBlock(block: SyntaxNode): Doc[] {
    const comments = this.attachments.dangling.get(block) ?? [];
    this.attachments.dangling.delete(block);
    const lines: Doc[][] = [];
    for (const comment of comments) {
      const line = lines[lines.length - 1];
      if (line !== undefined && !this.attachments.ownLine.has(comment)) {
        line.push(' ', commentText(this.use(comment)));
      } else {
        lines.push([this.blankLineBefore(start(comment)) ? hardline : '', commentText(this.use(comment))]);
      }
    }
    return lines.map((line) => [...line, breakAfter]);
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
   * `doc` with the comments written between the keywords and symbols of `node` put back between
   * the same ones: after as many tokens, counted from the child printed before the comment (or
   * from the start of the node), as in the source. When the printed tokens run out first, the
   * comment goes where they end.
   */
  private placeAmongKeywords(node: SyntaxNode, doc: Doc): Doc {
    const comments = this.attachments.among.get(node) ?? [];
    if (comments.length === 0) return doc;
    const kids = childNodes(node);
    // From the last comment back, so comments at the same place keep their order.
    for (const comment of [...comments].sort(byStart).reverse()) {
      const { previous } = neighbours(comment, kids);
      const count = tokenCount(
        this.masked.slice(previous === undefined ? start(node) : end(previous), start(comment)),
      );
      const commentDoc = this.attachments.ownLine.has(comment)
        ? [freshLine, commentText(this.use(comment)), breakAfter]
        : this.afterCode(comment);
      doc = insertAfterTokens(doc, previous, count, commentDoc);
    }
    return doc;
  }

  private printLeading(node: SyntaxNode, comments: readonly Comment[]): Doc {
    return comments.map((comment, i) => {
      const previous = comments[i - 1];
      // A doc comment goes on its own line above what it documents.
      if (!this.attachments.ownLine.has(comment) && !isDoc(comment)) {
        // After a comment on the same line: a space between them.
        const space = previous !== undefined && sameLine(this.masked, end(previous), start(comment));
        return [space ? ' ' : '', this.afterCode(comment, 'leading')];
      }
      const next = comments[i + 1];
      // A comment written after this one on its line stays there.
      if (next !== undefined && !this.attachments.ownLine.has(next) && !isDoc(next)) {
        return [freshLine, commentText(this.use(comment))];
      }
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

/** Keywords, names, numbers and single symbols: the tokens counted to place a comment. */
const tokenPattern = /[\p{L}\p{N}_]+|[^\s\0\p{L}\p{N}_]/gu;

/** Number of tokens in a stretch of masked source (masked comments are not tokens). */
function tokenCount(masked: string): number {
  return masked.match(tokenPattern)?.length ?? 0;
}

/**
 * `doc` with `insert` placed after `count` tokens of its own text (not the text of a child node),
 * counted from the end of the printed child `anchor`, or from the start when there is no anchor.
 * When another child or the end comes first, `insert` goes there.
 */
function insertAfterTokens(doc: Doc, anchor: SyntaxNode | undefined, count: number, insert: Doc): Doc {
  let counting = anchor === undefined;
  let seen = 0;
  let done = false;
  const visit = (d: Doc): Doc => {
    if (done) return d;
    if (typeof d === 'string') {
      if (!counting) return d;
      for (const match of d.matchAll(tokenPattern)) {
        seen++;
        if (seen === count) {
          done = true;
          const at = (match.index ?? 0) + match[0].length;
          return [d.slice(0, at), insert, d.slice(at)];
        }
      }
      return d;
    }
    if (Array.isArray(d)) return (d as readonly Doc[]).map(visit);
    const command = d as Exclude<Doc, string | readonly Doc[]>;
    if (command.kind === 'node') {
      if (command.node === anchor) {
        counting = true;
        return d;
      }
      if (counting) {
        // Another child before the tokens ran out: the comment goes just before it.
        done = true;
        return [insert, d];
      }
      return { ...command, contents: visit(command.contents) };
    }
    if (command.kind === 'group' || command.kind === 'indent') {
      return { ...command, contents: visit(command.contents) };
    }
    return d;
  };
  const result = visit(doc);
  return done ? result : [result, insert];
}

/** True when no line break separates `from` and `to`. */
function sameLine(masked: string, from: number, to: number): boolean {
  return !masked.slice(from, to).includes('\n');
}

const start = (node: SyntaxNode | Comment): number => node.range.start.offset;
const end = (node: SyntaxNode | Comment): number => node.range.end.offset;
const byStart = (a: Comment, b: Comment): number => start(a) - start(b);
