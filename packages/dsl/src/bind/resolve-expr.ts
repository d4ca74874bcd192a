/**
 * Resolution of names inside expressions. A bare name is looked up in the row scopes first (the
 * fields of the records being read: a credit's source, an aggregate's row source, a signal's or
 * territories' source), innermost first, then among the plan's top-level declarations.
 *
 * `payee` is the current payee, except in the rules worked out without one (a credit's `where`
 * and `amount`, a territory's `where` and `score`): there it is the record's field `payee` when
 * the source has one, like any other field name.
 */

import { builtinFunction } from '../check/builtins.js';
import type { CallExpr, Expr, MemberExpr, Name, NameRef, PayeeRef } from '../syntax/ast.js';
import type { PlanSymbol } from './binding.js';
import type { BindContext } from './context.js';
import { callHint, messages } from './messages.js';
import { closer, closest, SuggestionCache, suggest } from './suggest.js';

/** The fields of the records an expression is evaluated against. */
export interface RowScope {
  /** The source or credit whose records are in scope. */
  symbol: PlanSymbol | undefined;
  fields: ReadonlyMap<string, PlanSymbol>;
  /**
   * False when the row source did not resolve (its fields are unknown): unknown bare names are
   * then not reported, since the real mistake has already been reported on the source.
   */
  complete: boolean;
  outer: RowScope | undefined;
  /**
   * True for the rules worked out without a current payee (a credit's `where` and `amount`, a
   * territory's `where` and `score`): `payee` there names the record's field `payee`, if any.
   */
  noPayee?: boolean;
}

/** Resolves the names of expressions against the declarations of one plan. */
export class ExprResolver {
  /** Names already chosen as an aggregate's row source: they denote the source, never a field. */
  private readonly rowSources = new Set<Name>();
  /** "Did you mean" among the top-level names (declared before any name is resolved). */
  private readonly topLevelSuggestions: SuggestionCache;

  constructor(private readonly ctx: BindContext) {
    this.topLevelSuggestions = new SuggestionCache([...ctx.declarations.keys()], ctx.suggestionBudget);
  }

  /**
   * The row scope of a source or credit (an incomplete scope when `symbol` is undefined); `noPayee`
   * for the rules worked out without a current payee.
   */
  rowScope(symbol: PlanSymbol | undefined, outer: RowScope | undefined, noPayee = false): RowScope {
    const fields = symbol === undefined ? undefined : this.ctx.fields.get(symbol);
    const complete =
      symbol !== undefined &&
      fields !== undefined &&
      (symbol.kind !== 'credit' || this.ctx.creditSources.has(symbol));
    return { symbol, fields: fields ?? new Map(), complete, outer, ...(noPayee ? { noPayee } : {}) };
  }

  /** Resolves every name in `expr`. */
  expr(expr: Expr | undefined, row: RowScope | undefined): void {
    if (expr === undefined) return;
    switch (expr.kind) {
      case 'NameRef':
        this.bareName(expr.name, row);
        return;
      case 'Member':
        this.member(expr, row);
        return;
      case 'Call':
        this.call(expr, row);
        return;
      case 'Unary':
        this.expr(expr.operand, row);
        return;
      case 'Binary':
        this.expr(expr.left, row);
        this.expr(expr.right, row);
        return;
      case 'In':
        this.expr(expr.value, row);
        if (expr.target.kind === 'RangeTarget') {
          this.expr(expr.target.from, row);
          this.expr(expr.target.to, row);
        } else if (expr.target.kind === 'ListTarget') {
          for (const item of expr.target.items) this.expr(item, row);
        }
        return;
      case 'If':
        this.expr(expr.condition, row);
        this.expr(expr.then, row);
        this.expr(expr.else, row);
        return;
      case 'List':
        for (const item of expr.items) this.expr(item, row);
        return;
      case 'Paren':
        this.expr(expr.inner, row);
        return;
      case 'PayeeRef':
        this.payeeField(expr, row);
        return;
      default:
        // Literals, `period`, `today` and missing expressions contain no names.
        return;
    }
  }

  /** A bare name: a field of a row in scope, else a top-level declaration. */
  bareName(name: Name, row: RowScope | undefined): PlanSymbol | undefined {
    if (name.text === '') return undefined;
    if (!this.rowSources.has(name)) {
      for (let scope = row; scope !== undefined; scope = scope.outer) {
        const field = scope.fields.get(name.text);
        if (field !== undefined) {
          this.ctx.reference(name, field);
          return field;
        }
      }
    }
    const top = this.ctx.lookupTop(name.text);
    if (top !== undefined) {
      this.ctx.reference(name, top);
      return top;
    }
    if (!allComplete(row)) return undefined;
    let suggestion = this.topLevelSuggestions.closest(name.text);
    for (let scope = row; scope !== undefined; scope = scope.outer) {
      suggestion = closer(suggestion, closest(name.text, scope.fields.keys(), this.ctx.suggestionBudget));
    }
    this.ctx.report(
      'AT2001',
      messages.unknownName(name.text, suggestion?.name, row?.symbol?.name),
      name.range,
    );
    return undefined;
  }

  /** `object.member`: a field of a source or credit, a payee attribute or a field of the period. */
  member(expr: MemberExpr, row: RowScope | undefined): PlanSymbol | undefined {
    const { object, member } = expr;
    let owner: PlanSymbol | undefined;
    if (object.kind === 'PayeeRef') {
      owner = this.payeeField(object, row);
      if (owner === undefined) return member === undefined ? undefined : this.payeeAttribute(member);
    } else if (object.kind === 'PeriodRef')
      return member === undefined ? undefined : this.periodField(member);
    else if (object.kind === 'NameRef') owner = this.bareName(object.name, row);
    else if (object.kind === 'Member') owner = this.member(object, row);
    else {
      this.expr(object, row);
      if (member !== undefined && object.kind !== 'Missing') {
        this.ctx.report('AT2003', messages.noFieldsHere(member.text), member.range);
      }
      return undefined;
    }
    if (owner === undefined || member === undefined || member.text === '') return undefined;
    if (owner.kind === 'source' || owner.kind === 'credit') return this.recordField(owner, member);
    if (this.isPayee(owner)) return this.payeeAttribute(member);
    this.ctx.report('AT2003', messages.noFields(owner), member.range);
    return undefined;
  }

  /**
   * In a rule without a current payee, the record's field `payee` that `payee` names there (when
   * the source has one): recorded as a use of the field, at the keyword.
   */
  private payeeField(ref: PayeeRef, row: RowScope | undefined): PlanSymbol | undefined {
    const field = row?.noPayee ? row.fields.get('payee') : undefined;
    if (field === undefined) return undefined;
    this.ctx.payeeFields.set(ref, field);
    this.ctx.reference({ kind: 'Name', text: 'payee', range: ref.range }, field);
    return field;
  }

  /** A field of the records of a source or credit, reported (AT2003) when unknown. */
  recordField(owner: PlanSymbol, name: Name): PlanSymbol | undefined {
    const scope = this.rowScope(owner, undefined);
    const field = scope.fields.get(name.text);
    if (field !== undefined) {
      this.ctx.reference(name, field);
      return field;
    }
    if (scope.complete) {
      const suggestion = suggest(name.text, scope.fields.keys(), this.ctx.suggestionBudget);
      this.ctx.report('AT2003', messages.unknownField(owner.name, name.text, suggestion), name.range);
    }
    return undefined;
  }

  /** A payee attribute, reported (AT2010) when neither built in nor declared. */
  payeeAttribute(name: Name): PlanSymbol | undefined {
    if (name.text === '') return undefined;
    const attribute = this.ctx.payeeAttributes.get(name.text);
    if (attribute !== undefined) {
      this.ctx.reference(name, attribute);
      return attribute;
    }
    const suggestion = suggest(name.text, this.ctx.payeeAttributes.keys(), this.ctx.suggestionBudget);
    this.ctx.report('AT2010', messages.unknownAttribute(name.text, suggestion), name.range);
    return undefined;
  }

  private periodField(name: Name): PlanSymbol | undefined {
    if (name.text === '') return undefined;
    const field = this.ctx.periodFields.get(name.text);
    if (field !== undefined) {
      this.ctx.reference(name, field);
      return field;
    }
    const suggestion = suggest(name.text, this.ctx.periodFields.keys(), this.ctx.suggestionBudget);
    this.ctx.report('AT2003', messages.unknownPeriodField(name.text, suggestion), name.range);
    return undefined;
  }

  /** Whether a symbol's value is a payee (so it has payee attributes). */
  private isPayee(symbol: PlanSymbol): boolean {
    if (symbol.kind !== 'field' && symbol.kind !== 'payee-attribute') return false;
    if (symbol.type !== undefined) return symbol.type === 'Payee';
    return symbol.decl?.kind === 'Field' && symbol.decl.type?.name === 'Payee';
  }

  private call(call: CallExpr, row: RowScope | undefined): void {
    this.callee(call.callee);
    let inner = row;
    const first = call.args[0];
    if (first !== undefined && isAggregate(call.callee.text)) {
      const source = this.findRowSource(first.value, row);
      const symbol = source === undefined ? undefined : this.ctx.lookupTop(source.name.text);
      if (source !== undefined && symbol !== undefined) {
        this.rowSources.add(source.name);
        this.ctx.rowSources.set(call, symbol);
        inner = this.rowScope(symbol, row);
      }
    }
    call.args.forEach((arg, i) => {
      if (!isCurrencyArgument(call, i)) this.expr(arg.value, inner);
      this.expr(arg.where, inner);
    });
  }

  private callee(name: Name): void {
    if (name.text === '') return;
    const fn = this.ctx.functions.get(name.text);
    if (fn !== undefined) {
      this.ctx.reference(name, fn);
      return;
    }
    const top = this.ctx.lookupTop(name.text);
    if (top?.nameRange !== undefined) {
      this.ctx.report('AT2004', messages.notAFunction(top, callHint(top)), name.range, [
        { message: messages.declaredHere(top), range: top.nameRange },
      ]);
      return;
    }
    // `SUM(...)` or `IF(...)` as in a spreadsheet: functions and keywords are in small letters.
    const lower = name.text.toLowerCase();
    if (lower === 'if') {
      this.ctx.report('AT2004', messages.ifIsNotAFunction(name.text), name.range);
      return;
    }
    const suggestion = this.ctx.functions.has(lower)
      ? lower
      : suggest(name.text, this.ctx.functions.keys(), this.ctx.suggestionBudget);
    this.ctx.report('AT2004', messages.unknownFunction(name.text, suggestion), name.range);
  }

  /**
   * The row source of an aggregate: the first name (in source order) in its first argument that
   * denotes a source or credit. Nested aggregates have their own row source and are skipped.
   */
  private findRowSource(expr: Expr | undefined, row: RowScope | undefined): NameRef | undefined {
    if (expr === undefined) return undefined;
    switch (expr.kind) {
      case 'NameRef': {
        if (shadowedByField(expr.name.text, row)) return undefined;
        const kind = this.ctx.lookupTop(expr.name.text)?.kind;
        return kind === 'source' || kind === 'credit' ? expr : undefined;
      }
      case 'Member':
        return this.findRowSource(expr.object, row);
      case 'Call':
        if (isAggregate(expr.callee.text)) return undefined;
        return this.firstRowSource(
          expr.args.map((a) => a.value),
          row,
        );
      case 'Unary':
        return this.findRowSource(expr.operand, row);
      case 'Binary':
        return this.firstRowSource([expr.left, expr.right], row);
      case 'If':
        return this.firstRowSource([expr.condition, expr.then, expr.else], row);
      case 'Paren':
        return this.findRowSource(expr.inner, row);
      default:
        return undefined;
    }
  }

  private firstRowSource(exprs: readonly Expr[], row: RowScope | undefined): NameRef | undefined {
    for (const e of exprs) {
      const found = this.findRowSource(e, row);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

const allComplete = (row: RowScope | undefined): boolean => {
  for (let scope = row; scope !== undefined; scope = scope.outer) if (!scope.complete) return false;
  return true;
};

const shadowedByField = (name: string, row: RowScope | undefined): boolean => {
  for (let scope = row; scope !== undefined; scope = scope.outer) if (scope.fields.has(name)) return true;
  return false;
};

const isAggregate = (name: string): boolean => builtinFunction(name)?.category === 'aggregate';

/**
 * Whether argument `i` of a call is a currency code (`convert(money, USD)`): a code is not a name,
 * so it is left to the checker to validate.
 */
export function isCurrencyArgument(call: CallExpr, i: number): boolean {
  return call.callee.text === 'convert' && i === 1 && call.args[1]?.value.kind === 'NameRef';
}
