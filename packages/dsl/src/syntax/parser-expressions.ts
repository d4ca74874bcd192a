/**
 * Grammar rules for expressions and the small shared pieces (types, date ranges, percent lists).
 * The declaration rules extend this class; {@link PlanParser} completes the grammar.
 *
 * Precedence, lowest first: if/then/else, or, and, not, comparison and `in`, + -, * /, unary -,
 * member access. An expression ends at the first token that cannot continue it, which is how
 * declarations and clauses without terminators find their end.
 */
import { type CstNode, CstParser, type IToken, tokenMatcher } from 'chevrotain';
import { parserMessages } from './parse-messages.js';
import * as t from './tokens.js';

/** True when `token` is an identifier of exactly three upper-case letters (`USD`). */
export function isCurrencyCode(token: IToken): boolean {
  return token.tokenType === t.Identifier && /^[A-Z]{3}$/.test(token.image);
}

export class ExpressionParser extends CstParser {
  /** Told of each repeated part as soon as it is read (see `parseTokens` in parser.ts). */
  partRead: ((node: CstNode) => void) | undefined;

  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 3,
      errorMessageProvider: parserMessages,
    });
  }

  /** Passes a part just read (a plan item, field, tier, lookup row, curve point, territory) on. */
  protected partDone(node: CstNode): void {
    this.ACTION(() => this.partRead?.(node));
  }

  /** A money literal's currency: an upper-case three-letter identifier right after the number. */
  protected currencyFollows(): boolean {
    return isCurrencyCode(this.LA(1));
  }

  /** True when the next tokens read like the start of a declaration (`measure x`, `payee {`). */
  protected declarationFollows(): boolean {
    const first = this.LA(1);
    if (!t.declarationStarts.has(first.tokenType)) return false;
    const second = this.LA(2);
    return (
      tokenMatcher(second, t.Name) ||
      tokenMatcher(second, t.TextLiteral) ||
      second.tokenType === t.LCurly ||
      second.tokenType === t.DateLiteral ||
      second.tokenType === t.Table ||
      second.tokenType === t.Curve
    );
  }

  expression = this.RULE('expression', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.ifExpression) }, { ALT: () => this.SUBRULE(this.orExpression) }]);
  });

  ifExpression = this.RULE('ifExpression', () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(t.Then);
    this.SUBRULE1(this.expression, { LABEL: 'then' });
    this.CONSUME(t.Else);
    this.SUBRULE2(this.expression, { LABEL: 'else' });
  });

  orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(t.Or, { LABEL: 'operator' });
      this.SUBRULE1(this.andExpression, { LABEL: 'operand' });
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(t.And, { LABEL: 'operator' });
      this.SUBRULE1(this.notExpression, { LABEL: 'operand' });
    });
  });

  notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Not);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(t.CompareOp, { LABEL: 'operator' });
            this.SUBRULE1(this.additive, { LABEL: 'right' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.In);
            this.SUBRULE(this.inTarget);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Not, { LABEL: 'negated' });
            this.CONSUME1(t.In);
            this.SUBRULE1(this.inTarget);
          },
        },
      ]);
    });
  });

  inTarget = this.RULE('inTarget', () => {
    this.OR({
      // `in period` is the current period, never the start of a range over `period`.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.LBracket);
            this.AT_LEAST_ONE_SEP({
              SEP: t.Comma,
              DEF: () => this.SUBRULE(this.expression, { LABEL: 'item' }),
            });
            this.CONSUME(t.RBracket);
          },
        },
        { ALT: () => this.CONSUME(t.Period, { LABEL: 'period' }) },
        {
          ALT: () => {
            this.SUBRULE(this.additive, { LABEL: 'from' });
            this.CONSUME(t.To);
            this.SUBRULE1(this.additive, { LABEL: 'to' });
          },
        },
      ],
    });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(t.AdditiveOp, { LABEL: 'operator' });
      this.SUBRULE1(this.multiplicative, { LABEL: 'operand' });
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY({
      // In a lookup row `*` followed by `,` or `:` is a wildcard key, not a multiplication.
      GATE: () => !(this.LA(1).tokenType === t.Star && isKeySeparator(this.LA(2))),
      DEF: () => {
        this.CONSUME(t.MultiplicativeOp, { LABEL: 'operator' });
        this.SUBRULE1(this.unary, { LABEL: 'operand' });
      },
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.memberSuffix));
  });

  memberSuffix = this.RULE('memberSuffix', () => {
    this.CONSUME(t.Dot);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(t.Name, { LABEL: 'member' }) },
        // Any word may name a field (`deals.period`), unless it starts the next declaration.
        { GATE: () => !this.declarationFollows(), ALT: () => this.CONSUME(t.Word, { LABEL: 'member' }) },
      ],
    });
  });

  primary = this.RULE('primary', () => {
    this.OR({
      // `payee` is a soft keyword: as an expression it is the current payee, not a name.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.NumberLiteral);
            this.OPTION({
              GATE: () => this.currencyFollows(),
              DEF: () => this.CONSUME(t.Identifier, { LABEL: 'currency' }),
            });
          },
        },
        { ALT: () => this.CONSUME(t.PercentLiteral) },
        { ALT: () => this.CONSUME(t.DateLiteral) },
        { ALT: () => this.CONSUME(t.PeriodLiteral) },
        { ALT: () => this.CONSUME(t.FiscalYearLiteral) },
        { ALT: () => this.CONSUME(t.TextLiteral) },
        { ALT: () => this.CONSUME(t.True) },
        { ALT: () => this.CONSUME(t.False) },
        { ALT: () => this.CONSUME(t.Period) },
        { ALT: () => this.CONSUME(t.Today) },
        // `payee {` after a missing value starts the payee schema, not an expression.
        { GATE: () => !this.declarationFollows(), ALT: () => this.CONSUME(t.Payee) },
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(t.RParen);
          },
        },
        { GATE: () => !this.declarationFollows(), ALT: () => this.SUBRULE(this.reference) },
      ],
    });
  });

  /** A name, or a call `name(args)`; `rate(t)`, `lookup(t, k)` and `curve(c)` are calls despite their keywords. */
  reference = this.RULE('reference', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'name' }) },
      {
        GATE: () => this.LA(2).tokenType === t.LParen,
        ALT: () => this.CONSUME(t.FunctionKeyword, { LABEL: 'name' }),
      },
    ]);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.argument) });
      this.CONSUME(t.RParen);
    });
  });

  argument = this.RULE('argument', () => {
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.OPTION(() => {
      this.CONSUME(t.Where);
      this.SUBRULE1(this.expression, { LABEL: 'where' });
    });
  });

  // ---- shared pieces ----

  typeRef = this.RULE('typeRef', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.TypeMoney, { LABEL: 'type' });
          this.OPTION(() => {
            this.CONSUME(t.LParen);
            this.CONSUME(t.Name, { LABEL: 'currency' });
            this.CONSUME(t.RParen);
          });
        },
      },
      { ALT: () => this.CONSUME(t.SimpleTypeName, { LABEL: 'type' }) },
    ]);
  });

  dateRange = this.RULE('dateRange', () => {
    this.CONSUME(t.DateLiteral, { LABEL: 'from' });
    this.CONSUME(t.To);
    this.CONSUME1(t.DateLiteral, { LABEL: 'to' });
  });

  effectiveClause = this.RULE('effectiveClause', () => {
    this.CONSUME(t.Effective);
    this.SUBRULE(this.dateRange);
  });

  percentList = this.RULE('percentList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.PercentLiteral, { LABEL: 'item' }) });
  });

  /** A tier or curve bound: a percent, a number, or money. */
  bound = this.RULE('bound', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.PercentLiteral) },
      {
        ALT: () => {
          this.CONSUME(t.NumberLiteral);
          this.OPTION({
            GATE: () => this.currencyFollows(),
            DEF: () => this.CONSUME(t.Identifier, { LABEL: 'currency' }),
          });
        },
      },
    ]);
  });
}

function isKeySeparator(token: IToken): boolean {
  return tokenMatcher(token, t.Comma) || tokenMatcher(token, t.Colon);
}
