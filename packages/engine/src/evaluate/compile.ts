/**
 * Compiles IR expressions into closures over an evaluation context, once per plan. This is not
 * `eval`: each IR node becomes a small JavaScript function chosen by a switch, so nothing needs
 * `unsafe-eval` and the tree is never walked again while calculating.
 */
import type { IrBinary, IrExpr, IrField, IrMember, RefKind } from '@attain/dsl';
import { attributeOn, managerOn, type Rec, type SourceSchema } from '../data/model.js';
import { Dec } from '../decimal.js';
import { aggregate } from '../measure/aggregate.js';
import { toDate } from '../measure/to-date.js';
import type { FiscalCalendar, Period, PeriodKind } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import type { Ctx, Entry, Row } from './context.js';
import { callFunction } from './functions.js';
import { compare, equals, type Value } from './value.js';

/** A compiled expression: its value in a context, for the current record (if any). */
export type Fn = (ctx: Ctx, row: Row) => Value;

/** What compiling needs to know about the plan. */
export interface CompileEnv {
  currency: string;
  calendar: FiscalCalendar;
  schemas: Map<string, SourceSchema>;
  /** The id of a definition evaluated per payee and period, if `kind`/`name` is one. */
  defId(kind: RefKind, name: string): number | undefined;
}

/**
 * One record scope: fields of `source`, read from records or from credit entries. Over a credit's
 * entries, `credit` is the credit's name: its built-in fields (`credited`, `quota_credited`) name
 * the credit as their source in the IR.
 */
export interface Scope {
  source: string;
  entries: boolean;
  credit?: string;
}

/** The built-in fields of a credit's entries: the amount credited to the payee, and its quota part. */
const CREDITED = 'credited';
const QUOTA_CREDITED = 'quota_credited';

/** The period each to-date window adds up to (`ytd`: the fiscal year). */
export const WINDOWS: Readonly<Record<string, PeriodKind>> = {
  ytd: 'year',
  htd: 'half',
  qtd: 'quarter',
  mtd: 'month',
};

/** Compiles `expr`; `scopes` are the record scopes around it, innermost last. */
export function compile(expr: IrExpr, env: CompileEnv, scopes: readonly Scope[] = []): Fn {
  const c = (e: IrExpr, s: readonly Scope[] = scopes): Fn => compile(e, env, s);
  switch (expr.op) {
    case 'literal':
      return constant(literal(expr.value, expr.type.kind, env.calendar));
    case 'ref': {
      const id = env.defId(expr.kind, expr.name);
      if (id === undefined) return expr.kind === 'signal' ? (ctx) => ctx.signalRaised(expr.name) : () => null;
      return (ctx) => ctx.get(id);
    }
    case 'field':
      return field(expr, env, scopes);
    case 'payee':
      return (ctx) => ctx.payee?.id ?? null;
    case 'period':
      return (ctx) => ctx.period;
    case 'today':
      return (ctx) => ctx.today ?? ctx.run.asOf;
    case 'member':
      return member(expr, c(expr.object));
    case 'unary': {
      const operand = c(expr.operand);
      if (expr.operator === 'not') return (ctx, row) => operand(ctx, row) !== true;
      return (ctx, row) => {
        const v = operand(ctx, row);
        return v instanceof Dec ? v.neg() : null;
      };
    }
    case 'binary':
      return binary(expr, c(expr.left), c(expr.right));
    case 'in-range': {
      const [value, from, to] = [c(expr.value), c(expr.from), c(expr.to)];
      const negated = expr.negated;
      return (ctx, row) => {
        const v = value(ctx, row);
        const lo = compare(v, from(ctx, row));
        const hi = compare(v, to(ctx, row));
        if (lo === undefined || hi === undefined) return false;
        return lo >= 0 && hi <= 0 ? !negated : negated;
      };
    }
    case 'in-list': {
      const value = c(expr.value);
      const items = expr.items.map((i) => c(i));
      const negated = expr.negated;
      return (ctx, row) => {
        const v = value(ctx, row);
        if (v === null) return false;
        for (const item of items) if (equals(v, item(ctx, row))) return !negated;
        return negated;
      };
    }
    case 'in-period': {
      const value = c(expr.value);
      const negated = expr.negated;
      return (ctx, row) => {
        const v = value(ctx, row);
        if (typeof v !== 'number') return false;
        return v >= ctx.period.start && v <= ctx.period.end ? !negated : negated;
      };
    }
    case 'if': {
      const [condition, then, otherwise] = [c(expr.condition), c(expr.ifTrue), c(expr.ifFalse)];
      return (ctx, row) => (condition(ctx, row) === true ? then(ctx, row) : otherwise(ctx, row));
    }
    case 'list': {
      const items = expr.items.map((i) => c(i));
      return (ctx, row) => items.map((i) => i(ctx, row));
    }
    case 'aggregate': {
      const scope: Scope =
        expr.over.kind === 'credit'
          ? { source: expr.source, entries: true, credit: expr.over.name }
          : { source: expr.source, entries: false };
      const nested: Scope[] = [...scopes, scope];
      const where = expr.where ? compile(expr.where, env, nested) : undefined;
      const value =
        expr.field === undefined
          ? undefined
          : field(
              { op: 'field', type: expr.type, range: expr.range, source: expr.source, field: expr.field },
              env,
              nested,
            );
      const credit = expr.over.kind === 'credit' ? env.defId('credit', expr.over.name) : undefined;
      return aggregate(expr, { where, value, credit, nested: scopes.length > 0 });
    }
    case 'to-date': {
      const id = env.defId(expr.ref.kind, expr.ref.name);
      const window = WINDOWS[expr.window] as PeriodKind;
      if (id === undefined) return () => null;
      return (ctx) => toDate(ctx, window, id);
    }
    case 'tiered': {
      const amount = c(expr.amount);
      return (ctx, row) => ctx.run.tables.tiered(ctx, expr.table, amount(ctx, row));
    }
    case 'rate':
      return (ctx) => ctx.run.tables.rate(ctx, expr.table);
    case 'lookup': {
      const keys = expr.keys.map((k) => c(k));
      return (ctx, row) =>
        ctx.run.tables.lookup(
          ctx,
          expr.table,
          keys.map((k) => k(ctx, row)),
        );
    }
    case 'curve':
      return (ctx) => ctx.run.tables.curve(ctx, expr.curve);
    case 'convert': {
      const value = c(expr.value);
      const date = expr.date ? c(expr.date) : undefined;
      const from =
        expr.value.type.kind === 'Money' ? (expr.value.type.currency ?? env.currency) : env.currency;
      const to = expr.currency;
      return (ctx, row) => {
        const v = value(ctx, row);
        if (!(v instanceof Dec)) return null;
        const day = date ? date(ctx, row) : ctx.period.end;
        if (typeof day !== 'number') return null;
        return ctx.fxConvert(v, from, to, day, expr) ?? null;
      };
    }
    case 'call': {
      const args = expr.args.map((a) => c(a));
      const fn = expr.fn;
      return (ctx, row) =>
        callFunction(
          fn,
          args.map((a) => a(ctx, row)),
        );
    }
  }
}

function constant(value: Value): Fn {
  return () => value;
}

/** The value of a literal of a type. */
export function literal(value: string | boolean, kind: string, calendar: FiscalCalendar): Value {
  if (typeof value === 'boolean') return value;
  switch (kind) {
    case 'Number':
    case 'Integer':
    case 'Percent':
    case 'Money':
      return new Dec(value);
    case 'Date':
      return parseDate(value) ?? null;
    case 'Period':
      return calendar.parse(value) ?? null;
    default:
      return value;
  }
}

/**
 * A field of the record in the innermost scope of its source. The built-in `credited` and
 * `quota_credited` name the credit as their source (`count(bookings where credited > 0)`), the
 * other fields the source (`bookings.credited`, the aggregated field, names the source too); over
 * a credit's entries both are the entry's amounts, never a source field of the same name.
 */
function field(expr: IrField, env: CompileEnv, scopes: readonly Scope[]): Fn {
  let depth = 0;
  for (let i = scopes.length - 1; i >= 0; i--, depth++) {
    const s = scopes[i] as Scope;
    if (s.source === expr.source || s.credit === expr.source) break;
  }
  const scope = scopes[scopes.length - 1 - depth];
  if (!scope) return () => null;
  const index = env.schemas.get(scope.source)?.index.get(expr.field);
  let read: (row: Row) => Value;
  if (!scope.entries) read = (row) => (index === undefined ? null : ((row as Rec).v[index] ?? null));
  else if (expr.field === CREDITED) read = (row) => (row as Entry).amount;
  else if (expr.field === QUOTA_CREDITED) read = (row) => (row as Entry).quota;
  else read = (row) => (index === undefined ? null : ((row as Entry).rec.v[index] ?? null));
  if (depth === 0) return (_ctx, row) => read(row);
  return (ctx) => read(ctx.frames[ctx.frames.length - depth] as Row);
}

function member(expr: IrMember, object: Fn): Fn {
  const name = expr.member;
  if (expr.object.type.kind === 'Period') {
    return (ctx, row) => {
      const p = object(ctx, row) as Period | null;
      if (!p) return null;
      return name === 'start' ? p.start : name === 'end' ? p.end : null;
    };
  }
  return (ctx, row) => {
    const id = object(ctx, row);
    if (typeof id !== 'string') return null;
    const payee = ctx.run.data.payees.byId.get(id);
    if (!payee) return null;
    if (name === 'id') return payee.id;
    if (name === 'name') return payee.name;
    if (name === 'manager') {
      if (payee.managerChanges === undefined) return payee.manager ?? null;
      return managerOn(payee, ctx.attributeDay(payee)) ?? null;
    }
    if (payee.changes === undefined) return payee.attrs.get(name) ?? null;
    return attributeOn(payee, name, () => ctx.attributeDay(payee));
  };
}

function binary(expr: IrBinary, left: Fn, right: Fn): Fn {
  switch (expr.operator) {
    case 'and':
      return (ctx, row) => left(ctx, row) === true && right(ctx, row) === true;
    case 'or':
      return (ctx, row) => left(ctx, row) === true || right(ctx, row) === true;
    case '=':
      return (ctx, row) => equals(left(ctx, row), right(ctx, row));
    case '!=':
      return (ctx, row) => !equals(left(ctx, row), right(ctx, row));
    case '<':
      return ordered(left, right, (c) => c < 0);
    case '<=':
      return ordered(left, right, (c) => c <= 0);
    case '>':
      return ordered(left, right, (c) => c > 0);
    case '>=':
      return ordered(left, right, (c) => c >= 0);
    case '+':
      return arithmetic(left, right, (a, b) => a.plus(b));
    case '-':
      return arithmetic(left, right, (a, b) => a.minus(b));
    case '*':
      return arithmetic(left, right, (a, b) => a.times(b));
    case '/':
      return (ctx, row) => {
        const a = left(ctx, row);
        const b = right(ctx, row);
        if (!(a instanceof Dec) || !(b instanceof Dec)) return null;
        if (b.isZero()) {
          ctx.warn('division-by-zero', expr, 'a division by zero has no value');
          return null;
        }
        return a.div(b);
      };
  }
}

function ordered(left: Fn, right: Fn, test: (c: number) => boolean): Fn {
  return (ctx, row) => {
    const c = compare(left(ctx, row), right(ctx, row));
    return c !== undefined && test(c);
  };
}

function arithmetic(left: Fn, right: Fn, op: (a: Dec, b: Dec) => Dec): Fn {
  return (ctx, row) => {
    const a = left(ctx, row);
    if (!(a instanceof Dec)) return null;
    const b = right(ctx, row);
    return b instanceof Dec ? op(a, b) : null;
  };
}
