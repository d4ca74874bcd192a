/**
 * Templates of team values: a metric's IR with each part computed per payee (an aggregate, a
 * credit, a quota) replaced by a placeholder. A template is compiled once by the engine's own
 * compiler, its placeholders reading a team's rolled-up parts as constants, so a team value
 * follows exactly the arithmetic of a payee's value (units, `ratio`, `null`, division by zero).
 */
import type { IrExpr, Range, RefKind, Type } from '@attain/dsl';
import { Dec, decText } from '../decimal.js';
import { type CompileEnv, compile, literal } from '../evaluate/compile.js';
import { Ctx } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import type { Value } from '../evaluate/value.js';
import type { FiscalCalendar, Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';

/** The kind of the reference nodes that stand for a part or for "no value" in a template. */
const HOLE_KIND: RefKind = 'let';
/** Part placeholders are named `#<index>`, which no plan name can be. */
const PART_PREFIX = '#';
const NONE_NAME = '#none';
/** Placeholders of a compiled template are renamed `#slot<index>`, one slot per occurrence. */
const SLOT_PREFIX = '#slot';

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

/** The kinds of type whose values are decimals. */
export const DECIMAL_KINDS: ReadonlySet<string> = new Set(['Number', 'Integer', 'Percent', 'Money']);

/** A node holding `value` (of the type `type`); `null` becomes a node with no value. */
export function constantNode(value: Value, type: Type, range: Range): IrExpr {
  if (value === null) return { op: 'ref', kind: HOLE_KIND, name: NONE_NAME, type, range };
  if (value instanceof Dec) {
    const numeric: Type = DECIMAL_KINDS.has(type.kind) ? type : { kind: 'Number' };
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

/**
 * The value a constant node compiles to (see {@link constantNode}): what a placeholder filled with
 * a part reads as, exactly as if the node were written in its place.
 */
function constantValue(node: IrExpr, calendar: FiscalCalendar): Value {
  if (node.op === 'literal') return literal(node.value, node.type.kind, calendar);
  if (node.op === 'list') return node.items.map((item) => constantValue(item, calendar));
  return null;
}

/**
 * The context a compiled template runs in: a period's context without payee, whose only
 * definitions are the template's slots, filled with one team's parts before each evaluation.
 */
export class TeamContext extends Ctx {
  /** The values of the slots of the template being evaluated. */
  slots: readonly Value[] = [];

  constructor(run: Run, period: Period) {
    super(run, null, period, false, undefined);
  }

  override get(slot: number): Value {
    return this.slots[slot] ?? null;
  }
}

/** A compiled template: a team's value from the team's parts (indexed as the placeholders are). */
export type TeamFormula = (parts: readonly Value[], ctx: TeamContext) => Value;

interface Slot {
  part: number;
  type: Type;
  range: Range;
}

/** `expr` with each placeholder renamed to a slot of its own, noted in `slots`. */
function withSlots(expr: IrExpr, slots: Slot[]): IrExpr {
  const part = partOf(expr);
  if (part === undefined) return mapChildren(expr, (child) => withSlots(child, slots));
  slots.push({ part, type: expr.type, range: expr.range });
  return {
    op: 'ref',
    kind: HOLE_KIND,
    name: `${SLOT_PREFIX}${slots.length - 1}`,
    type: expr.type,
    range: expr.range,
  };
}

/**
 * Compiles `template` once. Every reference left in it but a slot (only the "no value" node)
 * compiles to `null`; each slot reads the team's part as a constant node holding it would.
 */
export function compileTemplate(template: IrExpr, env: CompileEnv): TeamFormula {
  const slots: Slot[] = [];
  const slotted = withSlots(template, slots);
  const fn = compile(slotted, {
    currency: env.currency,
    calendar: env.calendar,
    schemas: env.schemas,
    defId: (kind, name) =>
      kind === HOLE_KIND && name.startsWith(SLOT_PREFIX) ? Number(name.slice(SLOT_PREFIX.length)) : undefined,
  });
  return (parts, ctx) => {
    ctx.slots = slots.map((s) =>
      constantValue(constantNode(parts[s.part] ?? null, s.type, s.range), env.calendar),
    );
    return fn(ctx, undefined);
  };
}
