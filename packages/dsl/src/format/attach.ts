/**
 * Attaches every comment of a file to the syntax node it belongs to, so the printers can put it
 * back between the same tokens:
 *
 * - a comment on its own line leads the next node when nothing but space separates them, and
 *   otherwise trails the node before it;
 * - a comment after code on its line trails the node before it when they touch, and otherwise
 *   leads the next node (so it stays after the keywords between them);
 * - inside a `{ ... }` block, comments after the `{` belong to the block's items (a doc comment
 *   to the item after it), a comment on the line of the `{` stays there, and so does a comment
 *   just before the `{`; own-line comments after the last item end the block, and so do the
 *   comments written after them on their line;
 * - a comment with a keyword or symbol of the node on both sides (`rounding # r down to 2`,
 *   `assign "x" as # c primary`) belongs to that node, and is printed between the same keywords.
 *
 * The search descends to the deepest node that contains the comment and chooses among that node's
 * children, as Prettier does.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { Comment, File } from '../syntax/ast.js';

/** Any syntax node: an object with a source range. */
export interface SyntaxNode {
  readonly range: Range;
}

/** Where each comment goes. */
export interface Attachments {
  readonly leading: Map<SyntaxNode, Comment[]>;
  readonly trailing: Map<SyntaxNode, Comment[]>;
  /**
   * Comments of a node with no child to attach to, and own-line comments after the last item of a
   * block (printed at the end of the block).
   */
  readonly dangling: Map<SyntaxNode, Comment[]>;
  /** Comments on the line of a block's `{`, printed after it. */
  readonly brace: Map<SyntaxNode, Comment[]>;
  /** Comments written just before a block's `{`, printed there. */
  readonly beforeBrace: Map<SyntaxNode, Comment[]>;
  /**
   * Comments between keywords or symbols of a node (not touching any of its children), printed
   * between the same keywords.
   */
  readonly among: Map<SyntaxNode, Comment[]>;
  /** Comments with only whitespace before them on their line. */
  readonly ownLine: Set<Comment>;
}

/** The property that holds the items of each kind of `{ ... }` block. */
const blockBodies: Readonly<Record<string, string>> = {
  Plan: 'items',
  Source: 'fields',
  Payee: 'fields',
  Credit: 'clauses',
  RateTable: 'tiers',
  LookupTable: 'rows',
  PayCurve: 'points',
  Territories: 'territories',
  Territory: 'clauses',
};

/** The items of a `{ ... }` block node, or undefined when the node is not a block. */
export function blockItems(node: SyntaxNode): readonly SyntaxNode[] | undefined {
  const kind = (node as { kind?: unknown }).kind;
  const key = typeof kind === 'string' ? blockBodies[kind] : undefined;
  if (key === undefined) return undefined;
  const items = (node as unknown as Record<string, unknown>)[key];
  return Array.isArray(items) ? (items as SyntaxNode[]) : undefined;
}

/** The child nodes of `node` in source order (comments and doc texts are not children). */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'comments') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children.sort((a, b) => start(a) - start(b));
}

function isNode(value: unknown): value is SyntaxNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { range?: unknown }).range === 'object'
  );
}

const start = (node: SyntaxNode | Comment): number => node.range.start.offset;
const end = (node: SyntaxNode | Comment): number => node.range.end.offset;

/** Attaches the comments of `file`; `masked` is the source with comment characters masked out. */
export function attachComments(file: File, text: string, masked: string): Attachments {
  const result: Attachments = {
    leading: new Map(),
    trailing: new Map(),
    dangling: new Map(),
    brace: new Map(),
    beforeBrace: new Map(),
    among: new Map(),
    ownLine: new Set(),
  };
  const cache = new Map<SyntaxNode, SyntaxNode[]>();
  const children = (node: SyntaxNode): SyntaxNode[] => {
    let list = cache.get(node);
    if (list === undefined) {
      list = childNodes(node);
      cache.set(node, list);
    }
    return list;
  };
  for (const comment of file.comments) {
    if (isOwnLine(text, start(comment))) result.ownLine.add(comment);
    attachOne(comment, file, masked, result, children);
  }
  return result;
}

function attachOne(
  comment: Comment,
  root: SyntaxNode,
  masked: string,
  out: Attachments,
  children: (node: SyntaxNode) => SyntaxNode[],
): void {
  let enclosing = root;
  for (;;) {
    const inside = children(enclosing).find(
      (child) => start(child) < start(comment) && end(comment) <= end(child),
    );
    if (inside === undefined) break;
    enclosing = inside;
  }
  const kids = children(enclosing);
  const items = blockItems(enclosing);
  if (items !== undefined) attachInBlock(comment, enclosing, kids, items, masked, out);
  else attachAmong(comment, enclosing, kids, masked, out, kids);
}

function attachInBlock(
  comment: Comment,
  block: SyntaxNode,
  children: readonly SyntaxNode[],
  items: readonly SyntaxNode[],
  masked: string,
  out: Attachments,
): void {
  const itemSet = new Set(items);
  const others = children.filter((child) => !itemSet.has(child));
  const open = openBrace(block, others, items, masked);
  const close = open === undefined ? undefined : closeBrace(open, items, masked);
  if (open === undefined || close === undefined) {
    attachAmong(comment, block, children, masked, out, children);
    return;
  }
  const at = start(comment);
  if (at > close) {
    attachAmong(
      comment,
      block,
      others.filter((child) => start(child) > close),
      masked,
      out,
      children,
    );
    return;
  }
  const head = others.filter((child) => start(child) < open);
  if (at < open && (head.some((child) => start(child) >= at) || !onlySpace(masked, end(comment), open))) {
    attachAmong(comment, block, head, masked, out, children);
    return;
  }
  if (at < open) {
    // A comment keeps its place before the `{` (a doc comment documents the next token; after a
    // line comment, the `{` starts the next line).
    add(out.beforeBrace, block, comment);
    return;
  }
  const before = items.filter((item) => end(item) <= at);
  const after = items.find((item) => start(item) >= at);
  const previous = before[before.length - 1];
  // Once a comment after the last item ends the block, the later ones do too: a comment written
  // after it on its line stays after it, rather than going up to the last item or the `{`.
  const from = previous === undefined ? open : end(previous);
  const ending = (out.dangling.get(block) ?? []).some((c) => start(c) > from && start(c) < at);
  if (after === undefined && ending) {
    add(out.dangling, block, comment);
    return;
  }
  // Once a comment of the gap leads the next item (a doc comment), the later ones do too, so a
  // comment written after a doc comment on its line stays after it.
  const tied = after !== undefined && out.leading.has(after);
  const lineEnded = (out.brace.get(block) ?? []).some((c) => c.text.startsWith('#'));
  if (before.length === 0 && !tied && !lineEnded && !out.ownLine.has(comment) && !isDoc(comment)) {
    add(out.brace, block, comment);
    return;
  }
  // A doc comment documents the next item, even when written at the end of the line before it.
  if (
    previous !== undefined &&
    !tied &&
    !out.ownLine.has(comment) &&
    !(isDoc(comment) && after !== undefined)
  ) {
    add(out.trailing, previous, comment);
  } else if (after !== undefined) add(out.leading, after, comment);
  // Own-line comments after the last item stay at the end of the block, whatever the order of
  // the items when printed (header settings move to the top).
  else add(out.dangling, block, comment);
}

function attachAmong(
  comment: Comment,
  enclosing: SyntaxNode,
  children: readonly SyntaxNode[],
  masked: string,
  out: Attachments,
  all: readonly SyntaxNode[],
): void {
  const at = start(comment);
  if (betweenKeywords(comment, enclosing, all, masked)) {
    add(out.among, enclosing, comment);
    return;
  }
  let previous: SyntaxNode | undefined;
  let following: SyntaxNode | undefined;
  for (const child of children) {
    if (end(child) <= at) previous = child;
    else if (start(child) >= at) {
      following = child;
      break;
    }
  }
  // A comment sticks to the node it touches: no keyword or symbol between them.
  const touchesPrevious = previous !== undefined && onlySpace(masked, end(previous), at);
  const touchesFollowing = following !== undefined && onlySpace(masked, end(comment), start(following));
  const ownLine = out.ownLine.has(comment);
  let target: [Map<SyntaxNode, Comment[]>, SyntaxNode];
  // Once a comment of a gap leads the next node, the later ones do too, keeping their order.
  const tied = following !== undefined && out.leading.has(following);
  if (following !== undefined && (tied || (ownLine && (touchesFollowing || previous === undefined)))) {
    target = [out.leading, following];
  } else if (previous !== undefined && (ownLine || touchesPrevious || following === undefined)) {
    target = [out.trailing, previous];
  } else if (following !== undefined) {
    target = [out.leading, following];
  } else {
    target = [out.dangling, enclosing];
  }
  add(target[0], target[1], comment);
}

/**
 * True when a keyword or symbol of `node` comes both between the comment and the child before it
 * (or the node's start) and between the comment and the child after it (or the node's end).
 */
function betweenKeywords(
  comment: Comment,
  node: SyntaxNode,
  children: readonly SyntaxNode[],
  masked: string,
): boolean {
  const { previous, next } = neighbours(comment, children);
  const from = previous === undefined ? start(node) : end(previous);
  const to = next === undefined ? end(node) : start(next);
  return !onlySpace(masked, from, start(comment)) && !onlySpace(masked, end(comment), to);
}

/** The last child that ends before `comment` and the first that starts after it. */
export function neighbours(
  comment: Comment,
  children: readonly SyntaxNode[],
): { previous?: SyntaxNode; next?: SyntaxNode } {
  let previous: SyntaxNode | undefined;
  for (const child of children) {
    if (end(child) <= start(comment)) previous = child;
    else if (start(child) >= end(comment)) return { previous, next: child };
  }
  return { previous };
}

/** True when `masked[from, to)` holds nothing but whitespace and (masked) comments. */
function onlySpace(masked: string, from: number, to: number): boolean {
  return /^[\s\0]*$/.test(masked.slice(from, to));
}

function add(map: Map<SyntaxNode, Comment[]>, node: SyntaxNode, comment: Comment): void {
  const list = map.get(node);
  if (list === undefined) map.set(node, [comment]);
  else list.push(comment);
}

/** True for `/** ... *\/` comments, which document the token after them. */
export function isDoc(comment: Comment): boolean {
  return comment.style === 'doc' || comment.text.startsWith('/**');
}

function isOwnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === '\n' || c === '\r') return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff';
}

/** Offset of the `{` of a block: the first one after the parts written before it. */
function openBrace(
  block: SyntaxNode,
  others: readonly SyntaxNode[],
  items: readonly SyntaxNode[],
  masked: string,
): number | undefined {
  const firstItem = items[0];
  const limit = firstItem === undefined ? end(block) : start(firstItem);
  let from = start(block);
  for (const child of others) if (end(child) <= limit) from = Math.max(from, end(child));
  const at = masked.indexOf('{', from);
  return at >= 0 && at < limit ? at : undefined;
}

/** Offset of the `}` that closes the block opened at `open`. */
function closeBrace(open: number, items: readonly SyntaxNode[], masked: string): number | undefined {
  const lastItem = items[items.length - 1];
  const at = masked.indexOf('}', lastItem === undefined ? open + 1 : end(lastItem));
  return at >= 0 ? at : undefined;
}

/**
 * The source with every comment replaced by NUL characters and line breaks normalised to `\n`,
 * so blank lines and braces can be found without looking inside comments.
 */
export function maskComments(text: string, comments: readonly Comment[]): string {
  const chars = text.replace(/\r\n/g, ' \n').replace(/\r/g, '\n').split('');
  for (const comment of comments) {
    for (let i = start(comment); i < end(comment); i++) chars[i] = '\0';
  }
  return chars.join('');
}
