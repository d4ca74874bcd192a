/**
 * A small, sound analysis of territory rules. A rule is read as an `or` of `and`s of literal
 * tests on fields (`region = "EMEA"`, `segment in ["SMB", "MM"]`, `tier != 3`) and comparisons of
 * a field with a literal of an ordered type (`size >= 500`, `500 <= size`, `size in 10 to 20`,
 * `signed < 2026-07-01`), read as an interval of the field's values; anything else makes the
 * conjunction "incomplete". A conjunction whose understood tests contradict each other can never
 * match, whatever its other tests say; two complete conjunctions overlap exactly when the
 * conjunction of both is satisfiable.
 *
 * Values are exact: numbers, percentages (as ratios) and amounts are decimals, dates are days.
 * Integer fields and dates take whole values only (`n > 3 and n < 4` is empty); Number, Percent and
 * Money fields are read as any decimal, as the engine reads them.
 */
import type { Expr } from '../syntax/ast.js';
import { unparen } from './collections.js';
import type { CheckContext } from './context.js';
import { isCalendarDate } from './dates.js';
import { type Decimal, percentRatio, toDecimal } from './decimal.js';
import { comparable } from './operators.js';
import type { SourceInfo } from './schema.js';

/** One end of an interval of values. */
interface Bound {
  value: Decimal;
  /** True for `<` and `>`: the end itself is left out. */
  strict: boolean;
  /** The test in words, for messages (`more than 500`). */
  written: string;
  /** What the value is measured in (see {@link orderedValue}). */
  unit: string;
}

/** The values a field may take in one conjunction. */
interface FieldConstraint {
  /** Allowed values (canonical keys); absent means any value. */
  allowed?: Set<string>;
  excluded: Set<string>;
  /** The interval the value lies in; absent ends are open (and the value may be empty then). */
  lower?: Bound;
  upper?: Bound;
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

/** A literal's canonical key: its kind (with a currency) and exact value; undefined for other expressions. */
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
    case 'Percent': {
      const ratio = percentRatio(e.value);
      if (ratio === undefined) return undefined;
      key = `p:${ratio}`;
      written = `${e.value}%`;
      break;
    }
    case 'Money': {
      const amount = toDecimal(e.value);
      if (!amount) return undefined;
      key = `m:${e.currency.text}:${amount.toString()}`;
      written = `${e.value} ${e.currency.text}`;
      break;
    }
    case 'Unary': {
      // A negative number, percentage or amount: `-5`, `-2%`, `-100 USD`.
      const operand = unparen(e.operand);
      if (e.op !== '-' || !['Number', 'Percent', 'Money'].includes(operand.kind)) return undefined;
      const inner = literalKey(operand, spellings);
      const parsed = inner === undefined ? undefined : orderedValue(inner);
      if (!inner || !parsed) return undefined;
      key = `${parsed.unit}:${parsed.value.neg().toString()}`;
      written = `-${spellings.get(inner)}`;
      break;
    }
    case 'Boolean':
      key = `b:${e.value}`;
      written = String(e.value);
      break;
    case 'Date':
      if (dayOf(e.value) === undefined) return undefined;
      key = `d:${e.value}`;
      written = e.value;
      break;
    default:
      return undefined;
  }
  spellings.set(key, written);
  return key;
}

/** The day number of a `YYYY-MM-DD` date, or undefined when it is no date. */
function dayOf(date: string): number | undefined {
  if (!isCalendarDate(date)) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

/**
 * The place of a key's value in its order: the unit values of it compare within (`n` numbers, `p`
 * percentages, `m:USD` amounts, `d` days) and the exact value; undefined for keys without order.
 */
function orderedValue(key: string): { unit: string; value: Decimal } | undefined {
  const cut = key.lastIndexOf(':');
  const unit = key.slice(0, cut);
  const rest = key.slice(cut + 1);
  if (unit === 'd') {
    const day = dayOf(rest);
    return day === undefined ? undefined : { unit, value: toDecimal(String(day)) as Decimal };
  }
  if (unit !== 'n' && unit !== 'p' && !unit.startsWith('m:')) return undefined;
  const value = toDecimal(rest);
  return value ? { unit, value } : undefined;
}

function fieldName(rc: RuleContext, expr: Expr): string | undefined {
  const e = unparen(expr);
  // `accounts.region`, the field written with its source, is the field itself.
  if (e.kind === 'Member') {
    const object = unparen(e.object);
    const member = e.member?.text;
    if (object.kind !== 'NameRef' || object.name.text !== rc.source?.name || member === undefined)
      return undefined;
    return rc.source.fields.has(member) ? member : undefined;
  }
  if (e.kind !== 'NameRef') return undefined;
  const symbol = rc.ctx.binding.symbolAt(e.name);
  if (symbol && symbol.kind !== 'field') return undefined;
  return rc.source?.fields.has(e.name.text) ? e.name.text : undefined;
}

/** One test on a field, or a whole constraint of another conjunction. */
interface Test {
  /** The field's values are limited to these (absent: any value). */
  allowed?: string[];
  /** These values are ruled out. */
  excluded: string[];
  lower?: Bound;
  upper?: Bound;
}

/** True when the field takes whole values only (Integer) or days (Date): open ends move inwards. */
function discrete(rc: RuleContext, field: string): 'Integer' | 'Date' | undefined {
  const kind = rc.source?.fields.get(field)?.type.kind;
  return kind === 'Integer' || kind === 'Date' ? kind : undefined;
}

/** True when `value` is on the allowed side of a lower bound. */
const above = (value: Decimal, lower: Bound | undefined): boolean =>
  !lower || (lower.strict ? value.gt(lower.value) : value.gte(lower.value));

/** True when `value` is on the allowed side of an upper bound. */
const below = (value: Decimal, upper: Bound | undefined): boolean =>
  !upper || (upper.strict ? value.lt(upper.value) : value.lte(upper.value));

/** The tighter of two lower (`sign` 1) or upper (`sign` -1) bounds. */
function tighter(a: Bound | undefined, b: Bound | undefined, sign: 1 | -1): Bound | undefined {
  if (!a || !b) return a ?? b;
  const c = a.value.cmp(b.value) * sign;
  if (c !== 0) return c > 0 ? a : b;
  return b.strict && !a.strict ? b : a;
}

/**
 * Adds a test to a conjunction and records the first contradiction. Bounds compare with values of
 * one unit; a field compared with values of two (a type error reported elsewhere) makes the
 * conjunction incomplete.
 */
function constrain(rc: RuleContext, c: Conjunction, field: string, test: Test): void {
  const { allowed, excluded } = test;
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
  if (test.lower || test.upper || current.lower || current.upper) bound(rc, c, field, current, test);
  if (current.allowed && [...current.allowed].every((k) => current.excluded.has(k))) {
    c.contradiction ??= `every value of ${field} the rule allows is also ruled out`;
  }
}

/** The interval part of {@link constrain}: narrows the bounds, then checks them against the values. */
function bound(rc: RuleContext, c: Conjunction, field: string, current: FieldConstraint, test: Test): void {
  const units = new Set<string>();
  const values = (keys: Iterable<string>) =>
    [...keys].map((k) => {
      const v = orderedValue(k);
      units.add(v?.unit ?? '?');
      return { key: k, value: v?.value };
    });
  const allowed = values(current.allowed ?? []);
  const excluded = values(current.excluded);
  for (const b of [current.lower, current.upper, test.lower, test.upper]) if (b) units.add(b.unit);
  if (units.size > 1 || units.has('?')) {
    c.complete = false;
    return;
  }
  const lower = tighter(current.lower, test.lower, 1);
  const upper = tighter(current.upper, test.upper, -1);
  current.lower = lower;
  current.upper = upper;
  if (lower && upper) {
    const c0 = lower.value.cmp(upper.value);
    if (c0 > 0 || (c0 === 0 && (lower.strict || upper.strict))) {
      c.contradiction ??= `${field} cannot be both ${lower.written} and ${upper.written}`;
      return;
    }
  }
  const whole = discrete(rc, field);
  // The whole values within the bounds, for Integer and Date fields.
  let lo: Decimal | undefined;
  let hi: Decimal | undefined;
  if (whole) {
    if (lower) lo = lower.strict ? lower.value.floor().plus(1) : lower.value.ceil();
    if (upper) hi = upper.strict ? upper.value.ceil().minus(1) : upper.value.floor();
    if (lo && hi && lo.gt(hi)) {
      const what = whole === 'Integer' ? 'a whole number' : 'a date';
      c.contradiction ??= `${field} is ${what}, so it is never both ${lower?.written} and ${upper?.written}`;
      return;
    }
  }
  if (current.allowed) {
    const kept = allowed.filter((x) => x.value && above(x.value, lower) && below(x.value, upper));
    if (kept.length === 0 && allowed.length > 0) {
      const a = allowed.map((x) => rc.spellings.get(x.key)).join(' or ');
      // The bounds that leave some value out, in words: `more than 5`, or `at least 1 and less than 3`.
      const outside = [
        ...(allowed.some((x) => x.value && !above(x.value, lower)) && lower ? [lower.written] : []),
        ...(allowed.some((x) => x.value && !below(x.value, upper)) && upper ? [upper.written] : []),
      ];
      c.contradiction ??= `${field} cannot be both ${a} and ${outside.join(' and ')}`;
    }
    current.allowed = new Set(kept.map((x) => x.key));
    return;
  }
  // No list of values: the bounds hold infinitely many unless both ends are set and close.
  const out = new Set(excluded.flatMap((x) => (x.value ? [x.value.toString()] : [])));
  let points: Decimal[] | undefined;
  if (!whole && lower && upper && lower.value.eq(upper.value)) points = [lower.value];
  else if (lo && hi?.minus(lo).lt(out.size)) {
    points = [];
    for (let v = lo; v.lte(hi); v = v.plus(1)) points.push(v);
  }
  if (points?.every((p) => out.has(p.toString()))) {
    c.contradiction ??= `every value of ${field} the rule allows is also ruled out`;
  }
}

/** True when the two sides of a test have types that can be compared (else AT3001 was reported). */
function comparableSides(rc: RuleContext, a: Expr, b: Expr): boolean {
  const ta = rc.ctx.types.get(a);
  const tb = rc.ctx.types.get(b);
  return !ta || !tb || comparable(ta, tb);
}

type Order = '<' | '<=' | '>' | '>=';

/** `500 <= size` is `size >= 500`. */
const FLIPPED: Record<Order, Order> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** A test `field op literal` in words: `more than 500`, `on or before 2026-06-30`. */
function words(op: Order, written: string, unit: string): string {
  const date = unit === 'd';
  switch (op) {
    case '<':
      return `${date ? 'before' : 'less than'} ${written}`;
    case '<=':
      return `${date ? 'on or before' : 'at most'} ${written}`;
    case '>':
      return `${date ? 'after' : 'more than'} ${written}`;
    case '>=':
      return `${date ? 'on or after' : 'at least'} ${written}`;
  }
}

/** The bound of `field op literal`, or undefined when the literal has no order. */
function boundOf(rc: RuleContext, op: Order, key: string): Test | undefined {
  const v = orderedValue(key);
  if (!v) return undefined;
  const b: Bound = {
    value: v.value,
    strict: op === '<' || op === '>',
    written: words(op, rc.spellings.get(key) ?? key, v.unit),
    unit: v.unit,
  };
  return op === '<' || op === '<=' ? { excluded: [], upper: b } : { excluded: [], lower: b };
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
      constrain(rc, c, field, e.op === '=' ? { allowed: [key], excluded: [] } : { excluded: [key] });
      return;
    }
  }
  if (e.kind === 'Binary' && (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=')) {
    const onLeft = fieldName(rc, e.left) !== undefined;
    const [fieldSide, literalSide, op] = onLeft ? [e.left, e.right, e.op] : [e.right, e.left, FLIPPED[e.op]];
    const field = fieldName(rc, fieldSide);
    const key = literalKey(literalSide, rc.spellings);
    const b = key === undefined ? undefined : boundOf(rc, op, key);
    if (field && b && comparableSides(rc, fieldSide, literalSide)) {
      constrain(rc, c, field, b);
      return;
    }
  }
  if (e.kind === 'In' && e.target.kind === 'RangeTarget' && !e.negated) {
    // `x in lo to hi` is `x >= lo and x <= hi`.
    const field = fieldName(rc, e.value);
    const { from, to } = e.target;
    const lo = literalKey(from, rc.spellings);
    const hi = literalKey(to, rc.spellings);
    const lower = lo === undefined ? undefined : boundOf(rc, '>=', lo);
    const upper = hi === undefined ? undefined : boundOf(rc, '<=', hi);
    if (field && lower && upper && comparableSides(rc, e.value, from) && comparableSides(rc, e.value, to)) {
      constrain(rc, c, field, { excluded: [], lower: lower.lower, upper: upper.upper });
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
      if (e.negated) constrain(rc, c, field, { excluded: ks });
      else constrain(rc, c, field, { allowed: ks, excluded: [] });
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
      constrain(rc, merged, field, {
        ...(fc.allowed ? { allowed: [...fc.allowed] } : {}),
        excluded: [...fc.excluded],
        ...(fc.lower ? { lower: fc.lower } : {}),
        ...(fc.upper ? { upper: fc.upper } : {}),
      });
  }
  return merged.complete && merged.contradiction === undefined;
}
