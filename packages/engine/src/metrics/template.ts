/**
 * Templates of team values: a metric's IR with each part computed per payee (an aggregate, a
 * credit, a quota) replaced by a placeholder. Filling the placeholders with a team's rolled-up
 * parts gives an ordinary IR expression that the engine's own compiler evaluates, so a team value
 * follows exactly the arithmetic of a payee's value (units, `ratio`, `null`, division by zero).
 */
import type { IrExpr, Range, RefKind, Type } from '@attain/dsl';
import { Dec, decText } from '../decimal.js';
import type { CompileEnv } from '../evaluate/compile.js';
import type { Value } from '../evaluate/value.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';

/** The kind of the reference nodes that stand for a part or for "no value" in a template. */
const HOLE_KIND: RefKind = 'let';
/** Part placeholders are named `#<index>`, which no plan name can be. */
const PART_PREFIX = '#';
const NONE_NAME = '#none';

/** A placeholder for part `index` (its type and range are those of the part). */
export function placeholder(index: number, type: Type, range: Range): IrExpr {
  return { op: 'ref', kind: HOLE_KIND, name: `${PART_PREFIX}${index}`, type, range };
}

/** The part a node stands for, when it is a placeholder. */
export function partOf(expr: IrExpr): number | undefined {
  if (expr.op !== 'ref' || expr.kind !== HOLE_KIND || !expr.name.startsWith(PART_PREFIX)) return undefined;
  const index = Number(expr.name.slice(PART_PREFIX.length));
  return Number.isInteger(index) ? index : undefined;
}

/**
 * A compile environment that knows no definition: every reference left in a filled template
 * (only the "no value" node) compiles to `null`.
 */
export function templateEnv(env: CompileEnv): CompileEnv {
  return { currency: env.currency, calendar: env.calendar, schemas: env.schemas, defId: () => undefined };
}

const NUMERIC = new Set(['Number', 'Integer', 'Percent', 'Money']);

/** A node holding `value` (of the type `type`); `null` becomes a node with no value. */
export function constantNode(value: Value, type: Type, range: Range): IrExpr {
  if (value === null) return { op: 'ref', kind: HOLE_KIND, name: NONE_NAME, type, range };
  if (value instanceof Dec) {
    const numeric: Type = NUMERIC.has(type.kind) ? type : { kind: 'Number' };
    return { op: 'literal', value: decText(value), type: numeric, range };
  }
  if (typeof value === 'number')
    return { op: 'literal', value: formatDate(value), type: { kind: 'Date' }, range };
  if (typeof value === 'string' || typeof value === 'boolean') return { op: 'literal', value, type, range };
  if (Array.isArray(value)) {
    const of = type.kind === 'List' ? type.of : type;
    return { op: 'list', items: value.map((v) => constantNode(v, of, range)), type, range };
  }
  return { op: 'literal', value: (value as Period).label, type: { kind: 'Period' }, range };
}

/** A copy of `expr` with each direct child replaced by `f(child)` (aggregates keep their `where`). */
export function mapChildren(expr: IrExpr, f: (child: IrExpr) => IrExpr): IrExpr {
  switch (expr.op) {
    case 'member':
      return { ...expr, object: f(expr.object) };
    case 'unary':
      return { ...expr, operand: f(expr.operand) };
    case 'binary':
      return { ...expr, left: f(expr.left), right: f(expr.right) };
    case 'in-range':
      return { ...expr, value: f(expr.value), from: f(expr.from), to: f(expr.to) };
    case 'in-list':
      return { ...expr, value: f(expr.value), items: expr.items.map(f) };
    case 'in-period':
      return { ...expr, value: f(expr.value) };
    case 'if':
      return { ...expr, condition: f(expr.condition), ifTrue: f(expr.ifTrue), ifFalse: f(expr.ifFalse) };
    case 'list':
      return { ...expr, items: expr.items.map(f) };
    case 'convert':
      return expr.date
        ? { ...expr, value: f(expr.value), date: f(expr.date) }
        : { ...expr, value: f(expr.value) };
    case 'call':
      return { ...expr, args: expr.args.map(f) };
    case 'tiered':
      return { ...expr, amount: f(expr.amount) };
    case 'lookup':
      return { ...expr, keys: expr.keys.map(f) };
    default:
      return expr;
  }
}

/** The template with each placeholder replaced by the team's value of its part. */
export function fill(template: IrExpr, parts: readonly Value[]): IrExpr {
  const index = partOf(template);
  if (index !== undefined) return constantNode(parts[index] ?? null, template.type, template.range);
  return mapChildren(template, (child) => fill(child, parts));
}
