/**
 * A small, sound analysis of territory rules. A rule is read as an `or` of `and`s of literal
 * tests on fields (`region = "EMEA"`, `segment in ["SMB", "MM"]`, `tier != 3`); anything else
 * makes the conjunction "incomplete". A conjunction whose literal tests contradict each other can
 * never match, whatever its other tests say; two complete conjunctions overlap exactly when the
 * conjunction of both is satisfiable.
 */
import type { Expr } from '../syntax/ast.js';
import { unparen } from './collections.js';
import type { CheckContext } from './context.js';
import { toDecimal } from './decimal.js';
import { comparable } from './operators.js';
import type { SourceInfo } from './schema.js';

/** The values a field may take in one conjunction. */
interface FieldConstraint {
  /** Allowed values (canonical keys); absent means any value. */
  allowed?: Set<string>;
  excluded: Set<string>;
}

/** One `and` of tests. */
export interface Conjunction {
  fields: Map<string, FieldConstraint>;
  /** False when some test is not a literal test on a field. */
  complete: boolean;
  /** Why the literal tests contradict each other, if they do. */
  contradiction?: string;
}

/** Canonical keys to the literal as written, for messages. */
export type Spellings = Map<string, string>;

const MAX_CONJUNCTIONS = 64;

/** The reader's state: the source whose fields rules test. */
export interface RuleContext {
  ctx: CheckContext;
  source: SourceInfo | undefined;
  spellings: Spellings;
}

function literalKey(expr: Expr, spellings: Spellings): string | undefined {
  const e = unparen(expr);
  let key: string | undefined;
  let written: string;
  switch (e.kind) {
    case 'Text':
      key = `t:${e.value}`;
      written = JSON.stringify(e.value);
      break;
    case 'Number':
      key = `n:${toDecimal(e.value)?.toString() ?? e.value}`;
      written = e.value;
      break;
    case 'Boolean':
      key = `b:${e.value}`;
      written = String(e.value);
      break;
    case 'Date':
      key = `d:${e.value}`;
      written = e.value;
      break;
    default:
      return undefined;
  }
  spellings.set(key, written);
  return key;
}

function fieldName(rc: RuleContext, expr: Expr): string | undefined {
  const e = unparen(expr);
  if (e.kind !== 'NameRef') return undefined;
  const symbol = rc.ctx.binding.symbolAt(e.name);
  if (symbol && symbol.kind !== 'field') return undefined;
  return rc.source?.fields.has(e.name.text) ? e.name.text : undefined;
}

/** Adds a test to a conjunction: the field's values are limited to `allowed`, or `excluded` is ruled out. */
function constrain(
  rc: RuleContext,
  c: Conjunction,
  field: string,
  allowed: string[] | undefined,
  excluded: string[],
): void {
  const current = c.fields.get(field) ?? { excluded: new Set<string>() };
  c.fields.set(field, current);
  for (const x of excluded) current.excluded.add(x);
  const type = rc.source?.fields.get(field)?.type;
  const domain = type?.kind === 'Boolean' ? ['b:true', 'b:false'] : undefined;
  let next = allowed ?? domain;
  if (next && type?.kind === 'Integer') {
    const whole = next.filter((k) => !k.startsWith('n:') || toDecimal(k.slice(2))?.isInteger());
    if (whole.length === 0 && next.length > 0) {
      const values = next.map((k) => rc.spellings.get(k)).join(' or ');
      c.contradiction ??= `${field} is a whole number, so it is never ${values}`;
    }
    next = whole;
  }
  if (next) {
    const before = current.allowed;
    current.allowed = before ? new Set(next.filter((k) => before.has(k))) : new Set(next);
    if (before && current.allowed.size === 0 && allowed) {
      const a = [...before].map((k) => rc.spellings.get(k)).join(' or ');
      const b = allowed.map((k) => rc.spellings.get(k)).join(' or ');
      c.contradiction ??= `${field} cannot be both ${a} and ${b}`;
    }
  }
  if (current.allowed && [...current.allowed].every((k) => current.excluded.has(k))) {
    c.contradiction ??= `every value of ${field} the rule allows is also ruled out`;
  }
}

/** True when the two sides of a test have types that can be compared (else AT3001 was reported). */
function comparableSides(rc: RuleContext, a: Expr, b: Expr): boolean {
  const ta = rc.ctx.types.get(a);
  const tb = rc.ctx.types.get(b);
  return !ta || !tb || comparable(ta, tb);
}

function addTest(rc: RuleContext, c: Conjunction, test: Expr): void {
  const e = unparen(test);
  if (e.kind === 'Boolean') {
    if (!e.value) c.contradiction ??= 'the rule is `false`';
    return;
  }
  if (e.kind === 'Binary' && (e.op === '=' || e.op === '!=')) {
    const [fieldSide, literalSide] = fieldName(rc, e.left) ? [e.left, e.right] : [e.right, e.left];
    const field = fieldName(rc, fieldSide);
    const key = literalKey(literalSide, rc.spellings);
    if (field && key && comparableSides(rc, fieldSide, literalSide)) {
      constrain(rc, c, field, e.op === '=' ? [key] : undefined, e.op === '=' ? [] : [key]);
      return;
    }
  }
  if (e.kind === 'In' && e.target.kind === 'ListTarget') {
    const field = fieldName(rc, e.value);
    const keys = e.target.items.map((item) => literalKey(item, rc.spellings));
    const value = e.value;
    if (
      field &&
      keys.every((k) => k !== undefined) &&
      e.target.items.every((i) => comparableSides(rc, value, i))
    ) {
      const ks = keys as string[];
      if (e.negated) constrain(rc, c, field, undefined, ks);
      else constrain(rc, c, field, ks, []);
      return;
    }
  }
  c.complete = false;
}

function conjunction(rc: RuleContext, tests: readonly Expr[]): Conjunction {
  const c: Conjunction = { fields: new Map(), complete: true };
  const stack = [...tests].reverse();
  while (stack.length > 0) {
    const t = unparen(stack.pop() as Expr);
    if (t.kind === 'Binary' && t.op === 'and') stack.push(t.right, t.left);
    else addTest(rc, c, t);
  }
  return c;
}

/** The disjuncts of an expression: `a or b` gives [a, b]. */
function disjuncts(expr: Expr): Expr[] {
  const e = unparen(expr);
  return e.kind === 'Binary' && e.op === 'or' ? [...disjuncts(e.left), ...disjuncts(e.right)] : [e];
}

/**
 * Reads several conditions that must all hold (the `where` clauses of a territory) as an `or` of
 * conjunctions. Undefined when the rule is too large to analyse.
 */
export function readRule(rc: RuleContext, conditions: readonly Expr[]): Conjunction[] | undefined {
  let products: Expr[][] = [[]];
  for (const condition of conditions) {
    const next: Expr[][] = [];
    for (const partial of products) for (const d of disjuncts(condition)) next.push([...partial, d]);
    if (next.length > MAX_CONJUNCTIONS) return undefined;
    products = next;
  }
  return products.map((tests) => conjunction(rc, tests));
}

/** True when some record satisfies both complete conjunctions. */
export function overlaps(rc: RuleContext, a: Conjunction, b: Conjunction): boolean {
  if (!a.complete || !b.complete || a.contradiction || b.contradiction) return false;
  const merged: Conjunction = { fields: new Map(), complete: true };
  for (const side of [a, b]) {
    for (const [field, fc] of side.fields)
      constrain(rc, merged, field, fc.allowed ? [...fc.allowed] : undefined, [...fc.excluded]);
  }
  return merged.contradiction === undefined;
}
