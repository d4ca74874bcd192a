/**
 * A guard against expressions so long that the tree walks after parsing (binding, checking,
 * lowering, formatting, the language services) would exhaust the stack: `1 + 1 + … + 1` with
 * thousands of terms parses in a loop but makes a tree thousands of levels deep. An expression
 * deeper than {@link maxExpressionDepth} is reported and replaced by a missing expression. The
 * walk here is iterative, so it is safe at any depth.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { File, MissingExpr } from './ast.js';
import { diagnostic } from './report.js';

/** Deepest expression tree (operators, calls, members, brackets) a plan may use. */
export const maxExpressionDepth = 256;

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
  depth: number;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).kind === 'string';

/**
 * Replaces every expression deeper than {@link maxExpressionDepth} in `file` by a missing
 * expression, and returns one AT1001 per expression replaced.
 */
export function limitExpressionDepth(file: File): Diagnostic[] {
  const tooDeep = new Map<Node, Slot | undefined>();
  const stack: Visit[] = [{ node: file as unknown as Node, slot: undefined, root: undefined, depth: 0 }];
  while (stack.length > 0) {
    const { node, slot, root, depth } = stack.pop() as Visit;
    const inExpression = EXPRESSION.has(node.kind as string);
    const own = inExpression ? (root ?? { node, slot }) : undefined;
    const level = inExpression ? (root ? depth + 1 : 1) : 0;
    if (own && level > maxExpressionDepth) {
      tooDeep.set(own.node, own.slot);
      continue;
    }
    if (own && tooDeep.has(own.node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isNode(item))
            stack.push({ node: item, slot: { holder: value, key: i }, root: own, depth: level });
        });
      } else if (isNode(value)) {
        stack.push({ node: value, slot: { holder: node, key }, root: own, depth: level });
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const [node, slot] of tooDeep) {
    const range = node.range as Diagnostic['range'];
    if (slot) {
      const missing: MissingExpr = { kind: 'Missing', range };
      (slot.holder as Record<string | number, unknown>)[slot.key] = missing;
    }
    diagnostics.push(
      diagnostic(
        'AT1001',
        `This expression is more than ${maxExpressionDepth} operators or calls deep: split it into smaller definitions with \`let\``,
        range,
      ),
    );
  }
  return diagnostics;
}
