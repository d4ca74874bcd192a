/**
 * A guard against expressions so deep that the tree walks after parsing (binding, checking,
 * lowering, formatting, the language services, the engine's evaluation) would exhaust the stack.
 * Two limits: an expression may nest operators, calls and brackets at most
 * {@link maxExpressionDepth} levels inside one another, where a run of operators of one
 * precedence (`1 + 2 - 3 + …`, `a and b and …`) counts as one level; and, as such a run still
 * makes a tree one level deeper per operator, an expression's tree may be at most
 * {@link maxExpressionTerms} levels deep: a flat sum of 1,000 terms is fine. A deeper expression
 * is reported and replaced by a missing expression. The walk here is iterative, so it is safe at
 * any depth.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { File, MissingExpr } from './ast.js';
import { diagnostic } from './report.js';

/**
 * Deepest nesting of operators, calls, members and brackets a plan may use; a run of operators of
 * one precedence counts as one level.
 */
export const maxExpressionDepth = 256;

/**
 * Deepest expression tree, counting every operator of a run: the checker and the engine evaluate
 * trees about twice as deep before running out of stack.
 */
export const maxExpressionTerms = 1_000;

/** Operators that chain to the left, by precedence: `a + b - c` is `(a + b) - c`. */
const chainLevel: Readonly<Record<string, number>> = { or: 1, and: 2, '+': 5, '-': 5, '*': 6, '/': 6 };

/** The kinds of the nodes an expression is made of. */
const EXPRESSION = new Set([
  'Number',
  'Percent',
  'Money',
  'Date',
  'PeriodLit',
  'Text',
  'Boolean',
  'NameRef',
  'PayeeRef',
  'PeriodRef',
  'TodayRef',
  'Member',
  'Arg',
  'Call',
  'Unary',
  'Binary',
  'In',
  'RangeTarget',
  'ListTarget',
  'PeriodTarget',
  'If',
  'List',
  'Paren',
  'Missing',
]);

type Node = { kind?: unknown; range?: Diagnostic['range'] } & Record<string, unknown>;

/** Where a node sits: the object and key holding it (and its position when in a list). */
interface Slot {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

interface Visit {
  node: Node;
  slot: Slot | undefined;
  /** The outermost expression node above (or this one), and this node's depth below it. */
  root: { node: Node; slot: Slot | undefined } | undefined;
  /** Levels of the tree above this node inside its expression. */
  depth: number;
  /** Levels of nesting above this node, a run of operators of one precedence counting once. */
  nesting: number;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).kind === 'string';

/** True when `child`, under `key` of `parent`, continues its run: the left operand of `a + b` that is itself `… + …` or `… - …`. */
function continuesRun(parent: Node, key: string, child: Node): boolean {
  return (
    parent.kind === 'Binary' &&
    key === 'left' &&
    child.kind === 'Binary' &&
    chainLevel[parent.op as string] !== undefined &&
    chainLevel[parent.op as string] === chainLevel[child.op as string]
  );
}

/**
 * The deepest expression tree under `root` (a declaration, say): every operator of a run counts,
 * as evaluating the tree recurses once per level. Iterative, like the guard.
 */
export function expressionTreeDepth(root: object): number {
  let deepest = 0;
  const stack: { node: Node; depth: number }[] = [{ node: root as Node, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    const level = EXPRESSION.has(node.kind as string) ? depth + 1 : 0;
    if (level > deepest) deepest = level;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      for (const child of Array.isArray(value) ? value : [value])
        if (isNode(child)) stack.push({ node: child, depth: level });
    }
  }
  return deepest;
}

/**
 * Replaces every expression deeper than {@link maxExpressionDepth} in `file` by a missing
 * expression, and returns one AT1001 per expression replaced.
 */
export function limitExpressionDepth(file: File): Diagnostic[] {
  const tooDeep = new Map<Node, { slot: Slot | undefined; why: 'nesting' | 'terms' }>();
  const stack: Visit[] = [
    { node: file as unknown as Node, slot: undefined, root: undefined, depth: 0, nesting: 0 },
  ];
  while (stack.length > 0) {
    const { node, slot, root, depth, nesting } = stack.pop() as Visit;
    const inExpression = EXPRESSION.has(node.kind as string);
    const own = inExpression ? (root ?? { node, slot }) : undefined;
    const level = inExpression ? (root ? depth + 1 : 1) : 0;
    const nested = inExpression ? (root ? nesting : 1) : 0;
    if (own && (level > maxExpressionTerms || nested > maxExpressionDepth)) {
      if (!tooDeep.has(own.node)) {
        tooDeep.set(own.node, { slot: own.slot, why: nested > maxExpressionDepth ? 'nesting' : 'terms' });
      }
      continue;
    }
    if (own && tooDeep.has(own.node)) continue;
    const push = (child: Node, childSlot: Slot, key: string) => {
      const continues = continuesRun(node, key, child);
      stack.push({
        node: child,
        slot: childSlot,
        root: own,
        depth: level,
        nesting: inExpression ? (continues ? nested : nested + 1) : 0,
      });
    };
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isNode(item)) push(item, { holder: value, key: i }, key);
        });
      } else if (isNode(value)) {
        push(value, { holder: node, key }, key);
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const [node, { slot, why }] of tooDeep) {
    const range = node.range as Diagnostic['range'];
    if (slot) {
      const missing: MissingExpr = { kind: 'Missing', range };
      (slot.holder as Record<string | number, unknown>)[slot.key] = missing;
    }
    const message =
      why === 'nesting'
        ? `This expression is more than ${maxExpressionDepth} levels deep (operators, calls or brackets inside one another): split it into smaller definitions with \`let\``
        : `This expression is too long: more than ${maxExpressionTerms.toLocaleString('en-US')} terms in a row; split it into smaller definitions with \`let\``;
    diagnostics.push(diagnostic('AT1001', message, range));
  }
  return diagnostics;
}
