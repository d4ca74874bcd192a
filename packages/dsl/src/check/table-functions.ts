/**
 * The functions that read tables: `tiered(amount, rate_table)`, `rate(rate_table)`,
 * `lookup(lookup_table, key, ...)` and `curve(pay_curve)`. A table of the wrong kind is AT4012.
 */
import type { CallArg, CallExpr, LookupTableDecl, PayCurveDecl, RateTableDecl } from '../syntax/ast.js';
import { arity } from './arity.js';
import { unparen } from './collections.js';
import { type CheckContext, report } from './context.js';
import { typeExpr } from './expressions.js';
import { lookupColumnKinds, lookupValueType } from './lookup-table.js';
import { arithmetic } from './operators.js';
import { rateTableRateType } from './rate-table.js';
import { formatType, isNumeric, isQuantity, T, type Type } from './types.js';

type TableKind = 'rate-table' | 'lookup-table' | 'pay-curve';
interface TableDecls {
  'rate-table': RateTableDecl;
  'lookup-table': LookupTableDecl;
  'pay-curve': PayCurveDecl;
}

const WORDS: Record<TableKind, string> = {
  'rate-table': 'rate table',
  'lookup-table': 'lookup table',
  'pay-curve': 'pay curve',
};
const USE: Record<TableKind, string> = {
  'rate-table': 'tiered(amount, TABLE) or rate(TABLE)',
  'lookup-table': 'lookup(TABLE, key)',
  'pay-curve': 'curve(TABLE)',
};

/** Resolves a table argument; reports AT4012 for a table of another kind, AT3006 for anything else. */
function tableArg<K extends TableKind>(
  ctx: CheckContext,
  fn: string,
  arg: CallArg | undefined,
  kind: K,
): TableDecls[K] | undefined {
  if (!arg) return undefined;
  const value = unparen(arg.value);
  if (value.kind !== 'NameRef') {
    if (typeExpr(ctx, arg.value).kind !== 'Unknown') {
      report(ctx, 'AT3006', arg.value.range, `${fn} needs the name of a ${WORDS[kind]} here`);
    }
    return undefined;
  }
  const symbol = ctx.binding.symbolAt(value.name);
  if (!symbol) return undefined;
  if (symbol.kind === kind) return symbol.decl as TableDecls[K] | undefined;
  const other = symbol.kind as TableKind;
  if (other in WORDS) {
    report(
      ctx,
      'AT4012',
      arg.value.range,
      `${symbol.name} is a ${WORDS[other]}, so ${fn} cannot use it: use ${USE[other].replaceAll('TABLE', symbol.name)}`,
    );
  } else {
    report(
      ctx,
      'AT3006',
      arg.value.range,
      `${fn} needs the name of a ${WORDS[kind]}, but ${symbol.name} is a ${symbol.kind.replace('-', ' ')}`,
    );
  }
  return undefined;
}

/** `tiered(amount, rate_table)`: the amount times the table's rates. */
function typeTiered(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 2, 2, 'tiered(amount, rate_table)')) return T.Unknown;
  const [amountArg, tableArgument] = call.args as [CallArg, CallArg];
  const amount = typeExpr(ctx, amountArg.value);
  const table = tableArg(ctx, 'tiered', tableArgument, 'rate-table');
  if (!isQuantity(amount)) {
    report(
      ctx,
      'AT3006',
      amountArg.value.range,
      `tiered pays an amount through a rate table, but this is ${formatType(amount)}`,
    );
    return T.Unknown;
  }
  if (!table) return T.Unknown;
  const rate = rateTableRateType(ctx, table);
  const result = arithmetic('*', amount, rate);
  if (result.ok) return result.type;
  report(ctx, 'AT3006', call.range, `tiered multiplies the amount by the rate: ${result.message}`);
  return T.Unknown;
}

/** `rate(rate_table)`: the rate of the reached tier. */
function typeRate(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 1, 1, 'rate(rate_table)')) return T.Unknown;
  const table = tableArg(ctx, 'rate', call.args[0], 'rate-table');
  return table ? rateTableRateType(ctx, table) : T.Unknown;
}

/** `lookup(table, key, ...)`: one key per `by` column, of the column's kind. */
function typeLookup(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 1, Number.POSITIVE_INFINITY, 'lookup(lookup_table, key, ...)')) return T.Unknown;
  const [tableArgument, ...keys] = call.args as [CallArg, ...CallArg[]];
  const table = tableArg(ctx, 'lookup', tableArgument, 'lookup-table');
  const keyTypes = keys.map((key) => typeExpr(ctx, key.value));
  if (!table) return T.Unknown;
  if (keys.length !== table.by.length) {
    const columns = table.by.map((n) => n.text).join(', ');
    report(
      ctx,
      'AT3005',
      call.range,
      `${table.name?.text ?? 'This table'} is looked up by ${table.by.length} ${table.by.length === 1 ? 'key' : 'keys'} (${columns}), but ${keys.length} ${keys.length === 1 ? 'is' : 'are'} given`,
    );
    return lookupValueType(ctx, table);
  }
  const columns = lookupColumnKinds(table);
  keys.forEach((key, i) => {
    const type = keyTypes[i] ?? T.Unknown;
    const column = columns[i];
    const fits =
      type.kind === 'Unknown' ||
      (column === 'Text' && type.kind === 'Text') ||
      (column === 'Number' && isNumeric(type)) ||
      (column === undefined && (type.kind === 'Text' || isNumeric(type)));
    if (!fits) {
      const expected = column === undefined ? 'Text or a number' : column === 'Text' ? 'Text' : 'a number';
      report(
        ctx,
        'AT3006',
        key.value.range,
        `The key for ${table.by[i]?.text ?? 'this column'} must be ${expected}, but this is ${formatType(type)}`,
      );
    }
  });
  return lookupValueType(ctx, table);
}

/** `curve(pay_curve)`: a percentage of the target incentive. */
function typeCurve(ctx: CheckContext, call: CallExpr): Type {
  if (!arity(ctx, call, 1, 1, 'curve(pay_curve)')) return T.Unknown;
  return tableArg(ctx, 'curve', call.args[0], 'pay-curve') ? T.Percent : T.Unknown;
}

/** Types a call of a table function (`tiered`, `rate`, `lookup`, `curve`). */
export function typeTableCall(ctx: CheckContext, call: CallExpr): Type {
  switch (call.callee.text) {
    case 'tiered':
      return typeTiered(ctx, call);
    case 'rate':
      return typeRate(ctx, call);
    case 'lookup':
      return typeLookup(ctx, call);
    default:
      return typeCurve(ctx, call);
  }
}
