/**
 * Well-typed expressions for generated plans. Each generator returns the text with its precedence
 * level, so that parents add the parentheses the grammar needs (and now and then some it does not
 * need, for the formatter to remove). Levels follow the grammar: `if` 0, `or` 1, `and` 2, `not` 3,
 * comparisons 4, `+ -` 5, `* /` 6, unary minus 7, member 8, primaries 9.
 */
import {
  dateLiteral,
  decimalLiteral,
  integerLiteral,
  moneyLiteral,
  percentLiteral,
  textLiteral,
} from './literals.js';
import { chance, pick, type Random } from './random.js';
import { emptyScope, fieldsOf, namesOf, type Scope, type SourceModel, type ValueType } from './scope.js';

/** Expression text and its precedence level. */
export interface GenExpr {
  text: string;
  level: number;
}

type Production = () => GenExpr;

const atom = (text: string): GenExpr => ({ text, level: 9 });

/** Generates expressions of a requested type within a scope. */
export class ExpressionGenerator {
  constructor(
    private readonly random: Random,
    private readonly scope: Scope,
  ) {}

  /** An expression of `type`, nested at most `depth` levels. */
  generate(type: ValueType, depth: number): string {
    return this.gen(type, depth).text;
  }

  /**
   * A generator for expressions about one record of `record`: its fields, the payee's attributes
   * (unless `withPayee` is false: credit and territory rules are read without a payee, AT5008)
   * and literals (no aggregates and no plan-level definitions). Without `withPeriod` (territory
   * rules, AT5010) they do not read the current period either.
   */
  inRecord(record: SourceModel, withPayee = true, withPeriod = true): ExpressionGenerator {
    const { currency, year } = this.scope;
    const payee = withPayee ? this.scope.payee : new Map<ValueType, string[]>();
    const scope = { ...emptyScope(currency, year), payee, record };
    return new ExpressionGenerator(this.random, withPeriod ? scope : { ...scope, noPeriod: true });
  }

  gen(type: ValueType, depth: number): GenExpr {
    const leaves = this.leaves(type);
    const composites = depth > 0 ? this.composites(type, depth - 1) : [];
    const choices = composites.length > 0 && chance(this.random, 0.6) ? composites : leaves;
    return pick(this.random, choices)();
  }

  private leaves(type: ValueType): Production[] {
    const r = this.random;
    const s = this.scope;
    const names = [...namesOf(s.values, type)].map((n) => () => atom(n));
    const payee = [...namesOf(s.payee, type)].map((n) => () => ({ text: `payee.${n}`, level: 8 }));
    const fields = s.record ? fieldsOf(s.record, type).map((n) => () => atom(n)) : [];
    const literal: Record<ValueType, Production> = {
      Money: () => atom(moneyLiteral(r, s.currency)),
      Percent: () => atom(percentLiteral(r, 0, 150)),
      Number: () => atom(decimalLiteral(r)),
      Integer: () => atom(integerLiteral(r, 0, 120)),
      Boolean: () => atom(chance(r, 0.5) ? 'true' : 'false'),
      Date: () => atom(dateLiteral(r, s.year)),
      Text: () => atom(textLiteral(r)),
    };
    const extra: Production[] = [];
    if (type === 'Date' && !s.noPeriod)
      extra.push(() => ({ text: `period.${pick(r, ['start', 'end'])}`, level: 8 }));
    return [literal[type], ...names, ...payee, ...fields, ...fields, ...extra];
  }

  private composites(type: ValueType, depth: number): Production[] {
    switch (type) {
      case 'Money':
        return this.money(depth);
      case 'Percent':
        return this.percent(depth);
      case 'Number':
        return [
          () =>
            this.binary(
              pick(this.random, ['+', '-', '*']),
              this.gen('Number', depth),
              this.gen('Number', depth),
            ),
          () => this.binary('/', this.gen('Percent', depth), atom(percentLiteral(this.random, 1, 100))),
        ];
      case 'Integer':
        return this.integer(depth);
      case 'Boolean':
        return this.boolean(depth);
      case 'Date':
        return [
          () =>
            this.call(pick(this.random, ['add_days', 'add_months']), [
              this.gen('Date', depth),
              atom(integerLiteral(this.random, 1, 90)),
            ]),
          ...(this.scope.noPeriod
            ? []
            : [() => this.call(pick(this.random, ['start_of', 'end_of']), [atom('period')])]),
          () => this.ifThenElse('Date', depth),
        ];
      case 'Text':
        return [() => this.ifThenElse('Text', depth)];
    }
  }

  private money(depth: number): Production[] {
    const r = this.random;
    const s = this.scope;
    const g = (t: ValueType) => this.gen(t, depth);
    const list: Production[] = [
      () => this.binary(pick(r, ['+', '-']), g('Money'), g('Money')),
      () =>
        chance(r, 0.5)
          ? this.binary('*', g('Money'), g('Percent'))
          : this.binary('*', g('Percent'), g('Money')),
      () => this.binary(pick(r, ['*', '/']), g('Money'), atom(integerLiteral(r, 1, 12))),
      () => this.call(pick(r, ['min', 'max']), [g('Money'), g('Money')]),
      () => {
        // Limits through min and max, so that literal limits are never reversed (AT3303).
        const [low, high] = [g('Money'), g('Money')];
        return this.call('clamp', [g('Money'), this.call('min', [low, high]), this.call('max', [low, high])]);
      },
      () => this.call('round', [g('Money'), atom(String(r.int(0, 2)))]),
      () => this.call('abs', [g('Money')]),
      () => this.negate(g('Money')),
      () => this.ifThenElse('Money', depth),
    ];
    if (s.record === undefined) {
      const withMoney = s.sources.filter((source) => fieldsOf(source, 'Money').length > 0);
      if (withMoney.length > 0)
        list.push(() =>
          this.aggregate(pick(r, ['sum', 'avg', 'min', 'max']), pick(r, withMoney), 'Money', depth),
        );
      if (s.rateTables.length > 0)
        list.push(() => this.call('tiered', [g('Money'), atom(pick(r, s.rateTables))]));
      if (s.toDate.length > 0) list.push(() => this.call('ytd', [atom(pick(r, s.toDate))]));
    }
    return list;
  }

  private percent(depth: number): Production[] {
    const r = this.random;
    const s = this.scope;
    const g = (t: ValueType) => this.gen(t, depth);
    const list: Production[] = [
      () => this.binary('/', g('Money'), g('Money')),
      () => this.call('ratio', [g('Money'), g('Money')]),
      () => this.binary(pick(r, ['+', '-']), g('Percent'), g('Percent')),
      () => this.binary('*', g('Percent'), g('Number')),
      () => this.call(pick(r, ['min', 'max']), [g('Percent'), g('Percent')]),
      () => this.ifThenElse('Percent', depth),
    ];
    if (s.rateTables.length > 0) list.push(() => this.call('rate', [atom(pick(r, s.rateTables))]));
    if (s.curves.length > 0) list.push(() => this.call('curve', [atom(pick(r, s.curves))]));
    for (const table of s.lookups) {
      const keys = table.keys.map((k) => (k === 'Text' ? this.gen('Text', 0) : this.gen('Integer', 0)));
      list.push(() => this.call('lookup', [atom(table.name), ...keys]));
    }
    return list;
  }

  private integer(depth: number): Production[] {
    const r = this.random;
    const s = this.scope;
    const list: Production[] = [
      () => this.binary(pick(r, ['+', '-', '*']), this.gen('Integer', depth), this.gen('Integer', depth)),
      () =>
        this.call(pick(r, ['days_between', 'months_between']), [
          this.gen('Date', depth),
          this.gen('Date', depth),
        ]),
    ];
    if (s.record === undefined && s.sources.length > 0) {
      list.push(() => {
        const source = pick(r, s.sources);
        const where = chance(r, 0.7) ? ` where ${this.inRecord(source).gen('Boolean', depth).text}` : '';
        return atom(`count(${source.name}${where})`);
      });
    }
    return list;
  }

  private boolean(depth: number): Production[] {
    const r = this.random;
    const g = (t: ValueType) => this.gen(t, depth);
    const ordered: ValueType[] = ['Money', 'Percent', 'Integer', 'Date'];
    const list: Production[] = [
      () => {
        const t = pick(r, ordered);
        return this.binary(pick(r, ['=', '!=', '<', '<=', '>', '>=']), g(t), g(t));
      },
      () => this.binary(pick(r, ['=', '!=']), g('Text'), g('Text')),
      () => this.binary(pick(r, ['and', 'or']), g('Boolean'), g('Boolean')),
      () => ({ text: `not ${this.paren(g('Boolean'), 3)}`, level: 3 }),
      () => {
        const t = pick(r, ['Money', 'Percent', 'Integer'] as const);
        const not = chance(r, 0.2) ? 'not in' : 'in';
        // Ends through min and max, so that literal ends are never reversed (AT3303).
        const [a, b] = [g(t), g(t)];
        const [from, to] = [this.call('min', [a, b]), this.call('max', [a, b])];
        return { text: `${this.paren(g(t), 5)} ${not} ${from.text} to ${to.text}`, level: 4 };
      },
      () => {
        const items = [textLiteral(r), textLiteral(r)];
        return { text: `${this.paren(g('Text'), 5)} in [${items.join(', ')}]`, level: 4 };
      },
    ];
    if (!this.scope.noPeriod) list.push(() => ({ text: `${this.paren(g('Date'), 5)} in period`, level: 4 }));
    return list;
  }

  private aggregate(fn: string, source: SourceModel, type: ValueType, depth: number): GenExpr {
    const field = pick(this.random, fieldsOf(source, type));
    const where = chance(this.random, 0.6)
      ? ` where ${this.inRecord(source).gen('Boolean', depth).text}`
      : '';
    return atom(`${fn}(${source.name}.${field}${where})`);
  }

  private ifThenElse(type: ValueType, depth: number): GenExpr {
    const c = this.gen('Boolean', depth).text;
    const t = this.gen(type, depth).text;
    const e = this.gen(type, depth).text;
    return { text: `if ${c} then ${t} else ${e}`, level: 0 };
  }

  private negate(operand: GenExpr): GenExpr {
    const text = this.paren(operand, 7);
    return { text: text.startsWith('-') ? `-(${text})` : `-${text}`, level: 7 };
  }

  private call(fn: string, args: readonly GenExpr[]): GenExpr {
    return atom(`${fn}(${args.map((a) => a.text).join(', ')})`);
  }

  /** `left op right` with the parentheses the operands need at this operator's level. */
  binary(op: string, left: GenExpr, right: GenExpr): GenExpr {
    const level =
      op === 'or' ? 1 : op === 'and' ? 2 : op === '+' || op === '-' ? 5 : op === '*' || op === '/' ? 6 : 4;
    const [leftMin, rightMin] = level === 4 ? [5, 5] : [level, level + 1];
    return { text: `${this.paren(left, leftMin)} ${op} ${this.paren(right, rightMin)}`, level };
  }

  /** The expression's text, in parentheses when its level is below `min` (and sometimes anyway). */
  paren(expr: GenExpr, min: number): string {
    return expr.level < min || chance(this.random, 0.06) ? `(${expr.text})` : expr.text;
  }
}
