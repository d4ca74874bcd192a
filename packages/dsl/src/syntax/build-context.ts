/**
 * Shared helpers for turning the CST into AST nodes: reading CST children, ranges from tokens and
 * nodes, literal nodes, and doc comments by the offset of the token they precede.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Range } from '../diagnostics/diagnostic.js';
import type { DateLit, Name, NumberLit, PercentLit, TextLit } from './ast.js';
import { tokenRange, unescapeText } from './lexer.js';
import type { LineIndex } from './positions.js';

/** True for tokens that are really in the text (not assumed by error recovery). */
export function isRealToken(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);
}

function isNode(element: CstElement): element is CstNode {
  return (element as CstNode).children !== undefined;
}

/** The first child node under `key`. */
export function child(node: CstNode | undefined, key: string): CstNode | undefined {
  const element = node?.children[key]?.[0];
  return element !== undefined && isNode(element) ? element : undefined;
}

/** All child nodes under `key`. */
export function childNodes(node: CstNode | undefined, key: string): CstNode[] {
  const elements = node?.children[key];
  if (elements === undefined) return [];
  return elements.filter(isNode);
}

/** The first real token under `key`. */
export function token(node: CstNode | undefined, key: string): IToken | undefined {
  const elements = node?.children[key];
  if (elements === undefined) return undefined;
  for (const element of elements) {
    if (!isNode(element) && isRealToken(element)) return element;
  }
  return undefined;
}

/** All real tokens under `key`. */
export function tokens(node: CstNode | undefined, key: string): IToken[] {
  const elements = node?.children[key];
  if (elements === undefined) return [];
  return elements.filter((element): element is IToken => !isNode(element) && isRealToken(element));
}

/** True when `key` has any child (a real token or a node). */
export function has(node: CstNode | undefined, key: string): boolean {
  return token(node, key) !== undefined || child(node, key) !== undefined;
}

/** Converts CST pieces into AST nodes with ranges. */
export class BuildContext {
  /** Parts built as soon as the parser read them, by their CST node (see `FileBuilder`). */
  private readonly early = new Map<CstNode, unknown>();

  constructor(
    readonly index: LineIndex,
    /** Doc comment texts by the start offset of the token they document. */
    private readonly docs: Map<number, string>,
  ) {}

  /** Keeps the AST of a part built as soon as the parser read it. */
  keepEarly(node: CstNode, built: unknown): void {
    this.early.set(node, built);
  }

  /** The AST of a repeated part: the one built early, else the one `build` makes now. */
  part<T>(node: CstNode, build: () => T): T {
    // A part is built by the same builder early or late, so what was kept is a `T`.
    return this.early.has(node) ? (this.early.get(node) as T) : build();
  }

  /** The range of a token. */
  tokenRange(token: IToken): Range {
    return tokenRange(token, this.index);
  }

  /** The start offset of a node, or `fallback` when it holds no real token. */
  start(node: CstNode | undefined, fallback: number): number {
    const offset = node?.location?.startOffset;
    return offset === undefined || Number.isNaN(offset) ? fallback : offset;
  }

  /** The end offset (exclusive) of a node, or `fallback` when it holds no real token. */
  end(node: CstNode | undefined, fallback: number): number {
    const offset = node?.location?.endOffset;
    return offset === undefined || Number.isNaN(offset) ? fallback : offset + 1;
  }

  /** The range of a node; an empty node gets an empty range at `fallback`. */
  nodeRange(node: CstNode | undefined, fallback: number): Range {
    const start = this.start(node, fallback);
    return this.index.range(start, this.end(node, start));
  }

  /** The offset right after the token under `key`, or `fallback`: where a missing part after it goes. */
  after(node: CstNode | undefined, key: string, fallback: number): number {
    const found = token(node, key);
    return found === undefined ? fallback : found.startOffset + found.image.length;
  }

  /** The range from the start of `from` to the end of `to`. */
  span(from: Range, to: Range): Range {
    return this.index.range(from.start.offset, Math.max(from.end.offset, to.end.offset));
  }

  /** The doc comment that precedes the node starting at `offset`. */
  docAt(offset: number): string | undefined {
    return this.docs.get(offset);
  }

  name(token: IToken | undefined): Name | undefined {
    if (token === undefined) return undefined;
    return { kind: 'Name', text: token.image, range: this.tokenRange(token) };
  }

  text(token: IToken | undefined): TextLit | undefined {
    if (token === undefined) return undefined;
    return { kind: 'Text', value: unescapeText(token.image), range: this.tokenRange(token) };
  }

  number(token: IToken | undefined): NumberLit | undefined {
    if (token === undefined) return undefined;
    const value = canonicalNumber(token.image);
    return { kind: 'Number', value, integer: !value.includes('.'), range: this.tokenRange(token) };
  }

  percent(token: IToken | undefined): PercentLit | undefined {
    if (token === undefined) return undefined;
    return {
      kind: 'Percent',
      value: canonicalNumber(token.image.slice(0, -1)),
      range: this.tokenRange(token),
    };
  }

  date(token: IToken | undefined): DateLit | undefined {
    if (token === undefined) return undefined;
    return { kind: 'Date', value: token.image, range: this.tokenRange(token) };
  }
}

/**
 * The canonical decimal string of a written number: separators removed, no redundant leading
 * zeros (`250_000` -> `250000`, `007.50` -> `7.50`). A malformed number (already reported) keeps
 * only its digits.
 */
export function canonicalNumber(image: string): string {
  const digits = image.replace(/[^\d.]/g, '');
  const [whole = '', fraction] = digits.split('.', 2);
  const trimmed = whole.replace(/^0+(?=\d)/, '') || '0';
  return fraction === undefined || fraction === '' ? trimmed : `${trimmed}.${fraction}`;
}
