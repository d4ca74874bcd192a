/**
 * Walking IR trees: the direct children of a node, and the definitions and tables it uses.
 */
import type { IrExpr } from '@attain/dsl';

/** The direct sub-expressions of a node. */
export function children(expr: IrExpr): IrExpr[] {
  switch (expr.op) {
    case 'member':
      return [expr.object];
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'in-range':
      return [expr.value, expr.from, expr.to];
    case 'in-list':
      return [expr.value, ...expr.items];
    case 'in-period':
      return [expr.value];
    case 'if':
      return [expr.condition, expr.ifTrue, expr.ifFalse];
    case 'list':
      return expr.items;
    case 'aggregate':
      return expr.where ? [expr.where] : [];
    case 'to-date':
      return [expr.ref];
    case 'tiered':
      return [expr.amount];
    case 'lookup':
      return expr.keys;
    case 'convert':
      return expr.date ? [expr.value, expr.date] : [expr.value];
    case 'call':
      return expr.args;
    default:
      return [];
  }
}

/** What an expression uses directly (not through the definitions it names). */
export interface Uses {
  /** `kind:name` of definitions named by references and windows. */
  refs: Set<string>;
  /** Credits aggregated over (`count(bookings)`). */
  credits: Set<string>;
  /** Rate tables, lookup tables and pay curves. */
  tables: Set<string>;
  /** Attributes of the current payee (`payee.ote`). */
  attributes?: Set<string>;
  /** For traces: `kind:name` of definitions read through to-date windows, with their windows (`ytd`). */
  windows?: Map<string, Set<string>>;
  /** For traces: `kind:name` of definitions read as they are (not through a window). */
  direct?: Set<string>;
  /**
   * For traces: the aggregates of the period (`count(sourced_pipeline)`) that are part of a larger
   * expression (not the whole of it) and not inside a record's scope, whose values a rep needs.
   */
  aggregates?: IrExpr[];
  /** For traces: the conversions outside a record's scope (`convert(services_fees, USD)`), for their rates. */
  converts?: IrExpr[];
  /** For traces: the lookups outside a record's scope (`lookup(opportunity_rates, payee.level)`), for their rows. */
  lookups?: IrExpr[];
}

/** An empty set of uses. */
export function noUses(): Uses {
  return { refs: new Set(), credits: new Set(), tables: new Set(), attributes: new Set() };
}

/**
 * Collects the definitions, credits and tables an expression uses. `depth`: 0 for the whole
 * expression, more inside it, -1 inside an aggregate (where a record is in scope).
 */
export function uses(expr: IrExpr | undefined, into: Uses = noUses(), depth = 0): Uses {
  if (!expr) return into;
  switch (expr.op) {
    case 'ref':
      into.refs.add(`${expr.kind}:${expr.name}`);
      into.direct ??= new Set();
      into.direct.add(`${expr.kind}:${expr.name}`);
      break;
    case 'to-date': {
      const key = `${expr.ref.kind}:${expr.ref.name}`;
      into.refs.add(key);
      into.windows ??= new Map();
      const windows = into.windows.get(key) ?? new Set<string>();
      windows.add(expr.window);
      into.windows.set(key, windows);
      return into;
    }
    case 'aggregate':
      if (expr.over.kind === 'credit') into.credits.add(expr.over.name);
      if (depth > 0) {
        into.aggregates ??= [];
        into.aggregates.push(expr);
      }
      for (const child of children(expr)) uses(child, into, -1);
      return into;
    case 'convert':
      if (depth >= 0) {
        into.converts ??= [];
        into.converts.push(expr);
      }
      break;
    case 'lookup':
      into.tables.add(expr.table);
      if (depth >= 0) {
        into.lookups ??= [];
        into.lookups.push(expr);
      }
      break;
    case 'tiered':
    case 'rate':
      into.tables.add(expr.table);
      break;
    case 'curve':
      into.tables.add(expr.curve);
      break;
    case 'member':
      if (expr.object.op === 'payee') {
        into.attributes ??= new Set();
        into.attributes.add(expr.member);
      }
      break;
    default:
      break;
  }
  for (const child of children(expr)) uses(child, into, depth < 0 ? -1 : depth + 1);
  return into;
}
