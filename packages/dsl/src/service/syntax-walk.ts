/**
 * Generic walks over the syntax tree for the service: the child nodes of any node, and the chain
 * of nodes that contain an offset. Any object with a `range` is a node, so the walks follow the
 * tree's shape without a case per node kind.
 */
import type { Range } from '../diagnostics/diagnostic.js';

/** Anything in the tree that has a range: nodes, clauses, modifiers, names. */
export interface SyntaxNode {
  kind?: string;
  range: Range;
}

const isNode = (value: unknown): value is SyntaxNode =>
  typeof value === 'object' && value !== null && 'range' in value && !Array.isArray(value);

/** The direct children of a node, in source order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  // A node's own `range` is no node (it has no range), so every property can be looked at.
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Calls `visit` on every node below `root` (and on `root`), parents before children. */
export function walk(root: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as SyntaxNode);
  }
}

/**
 * The nodes containing `offset`, outermost first. A node contains the offsets from its start to
 * its end inclusive, so a cursor right after `deals` is still in it.
 */
export function pathAt(root: SyntaxNode, offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  let node: SyntaxNode | undefined = root;
  while (node !== undefined) {
    path.push(node);
    let next: SyntaxNode | undefined;
    for (const child of childrenOf(node)) {
      if (child.range.start.offset <= offset && offset <= child.range.end.offset) next = child;
    }
    node = next;
  }
  return path;
}
