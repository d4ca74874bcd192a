/**
 * Grammar rules for expressions and the small shared pieces (types, date ranges, percent lists).
 * The declaration rules extend this class; {@link PlanParser} completes the grammar.
 *
 * Precedence, lowest first: if/then/else, or, and, not, comparison and `in`, + -, * /, unary -,
 * member access. An expression ends at the first token that cannot continue it, which is how
 * declarations and clauses without terminators find their end.
 */
import {
  type CstNode,
  CstParser,
  type IRecognitionException,
  type IToken,
  MismatchedTokenException,
  type ParserMethod,
  type TokenType,
  tokenMatcher,
} from 'chevrotain';
import { describeToken, describeTokenType, parserMessages } from './parse-messages.js';
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

  /** The line an offset is on (set by `parseTokens`: tokens carry only offsets). */
  lineOf: (offset: number) => number = () => 0;

  /**
   * The first token of the row being read: a tier, lookup row, curve point or field. Rows are
   * written one a line, so after a mistake in one the parser goes on at the next line (see
   * `findReSyncTokenType` in parser.ts).
   */
  rowStart: IToken | undefined;

  /** Passes a part just read (a plan item, field, tier, lookup row, curve point, territory) on. */
  protected partDone(node: CstNode): void {
    this.ACTION(() => this.partRead?.(node));
  }

  /**
   * The repeated rows of a table or field block. A row starts on a new line, after the `{` or after
   * a `,`; one that follows another on the same line must look like a whole row (`shape`), so that
   * a stray word or number at the end of a row (`50% to 100%: 17% 5%`) is one mistake on that row,
   * not a row of its own.
   */
  protected rows(
    rule: ParserMethod<[], CstNode>,
    shape: () => boolean,
    gate: () => boolean = () => true,
  ): void {
    this.MANY({
      GATE: () => gate() && this.rowMayStart(shape),
      DEF: () => {
        this.ACTION(() => {
          this.rowStart = this.LA(1);
        });
        this.partDone(this.SUBRULE(rule));
        this.ACTION(() => {
          this.rowEnd = this.LA(0);
        });
      },
    });
  }

  /** The last token of the last row read. */
  private rowEnd: IToken | undefined;

  /**
   * True when a row may start at the next token: on a new line, after the `{`, or right after the
   * row before (after its `,`, or when it looks like a whole row). Not after words skipped on a
   * mistaken row: in `Platform, "EMEA": 7%` no row is read from `"EMEA"`.
   */
  private rowMayStart(shape: () => boolean): boolean {
    const before = this.LA(0);
    if (before.tokenType === t.LCurly || this.lineBreakBefore(1)) return true;
    return before === this.rowEnd && (before.tokenType === t.Comma || shape());
  }

  /** True when a line break comes before the `k`th next token (or there is no token before it). */
  protected lineBreakBefore(k: number): boolean {
    const before = this.LA(k - 1);
    const token = this.LA(k);
    if (Number.isNaN(before.startOffset) || Number.isNaN(token.startOffset)) return true;
    return this.lineOf(token.startOffset) > this.lineOf(before.startOffset + before.image.length);
  }

  /** True when a bound (`50%`, `10000`, `10000 USD`) starts at the `k`th next token, followed by one of `then`. */
  protected boundThen(k: number, then: (type: IToken) => boolean): boolean {
    const first = this.LA(k);
    if (first.tokenType === t.PercentLiteral) return then(this.LA(k + 1));
    if (first.tokenType !== t.NumberLiteral) return false;
    const next = this.LA(k + 1);
    return then(next) || (isCurrencyCode(next) && then(this.LA(k + 2)));
  }

  /**
   * True when the next token is an operator `op` at the end of a row's line and the next line
   * starts another row: `50% to 100%: 17% *` does not take the next row's `100%` as its operand
   * (which left that row's `to 150%: 22%` to be reported as the mistake, on the correct row).
   */
  protected operatorEndsRow(op: TokenType): boolean {
    if (!tokenMatcher(this.LA(1), op) || !this.lineBreakBefore(2) || !this.rowStartsAt(2)) return false;
    const stack = (this as unknown as { CST_STACK: CstNode[] }).CST_STACK;
    return stack.some((node) => valueRows.has(node.name));
  }

  /** True when a whole tier, curve point or lookup row starts at the `k`th next token. */
  protected rowStartsAt(k: number): boolean {
    const afterBound = (next: IToken) =>
      next.tokenType === t.To || next.tokenType === t.And || next.tokenType === t.Colon;
    if (this.boundThen(k, afterBound)) return true;
    const first = this.LA(k);
    const next = this.LA(k + 1).tokenType;
    if (first.tokenType === t.Otherwise) return next === t.Colon;
    const key = [t.TextLiteral, t.NumberLiteral, t.Star].some((type) => tokenMatcher(first, type));
    return key && (next === t.Comma || next === t.Colon);
  }

  /**
   * The value after a row's `:`, unless it is missing: the next line starts another row (`shape`)
   * or the block ends. Without this, `50% to 100%:` took the next row's `100%` for its rate, and
   * the rest of that row was reported as mistakes.
   */
  protected rowValue(value: () => void, what: string, shape: () => boolean): void {
    this.OR9([
      {
        GATE: () => !(this.lineBreakBefore(1) && shape()) && this.LA(1).tokenType !== t.RCurly,
        ALT: value,
      },
      { ALT: () => this.ACTION(() => this.valueMissing(what)) },
    ]);
  }

  /** Reports `type` as missing before the next token (AT1002), and reads on. */
  private tokenMissing(type: TokenType): void {
    const message = JSON.stringify({ expected: describeTokenType(type), found: describeToken(this.LA(1)) });
    const error = new MismatchedTokenException(
      message,
      this.LA(1),
      this.LA(0),
    ) as MismatchedTokenException & {
      missing?: TokenType;
    };
    error.missing = type;
    (this as unknown as { SAVE_ERROR(e: IRecognitionException): void }).SAVE_ERROR(error);
  }

  /** Reports the value of a row as missing (AT1002), or as not fitting (AT1001) when something else is written there. */
  private valueMissing(what: string): void {
    const next = this.LA(1);
    const missing = next.tokenType === t.RCurly || Number.isNaN(next.startOffset) || this.lineBreakBefore(1);
    const message = JSON.stringify({ expected: what, found: describeToken(next) });
    const error = new MismatchedTokenException(message, next, this.LA(0)) as MismatchedTokenException & {
      missingValue?: string;
    };
    if (missing) error.missingValue = what;
    (this as unknown as { SAVE_ERROR(e: IRecognitionException): void }).SAVE_ERROR(error);
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
    this.MANY({
      GATE: () => !this.operatorEndsRow(t.Or),
      DEF: () => {
        this.CONSUME(t.Or, { LABEL: 'operator' });
        this.SUBRULE1(this.andExpression, { LABEL: 'operand' });
      },
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operand' });
    this.MANY({
      GATE: () => !this.operatorEndsRow(t.And),
      DEF: () => {
        this.CONSUME(t.And, { LABEL: 'operator' });
        this.SUBRULE1(this.notExpression, { LABEL: 'operand' });
      },
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
    this.MANY({
      GATE: () => !this.operatorEndsRow(t.AdditiveOp),
      DEF: () => {
        this.CONSUME(t.AdditiveOp, { LABEL: 'operator' });
        this.SUBRULE1(this.multiplicative, { LABEL: 'operand' });
      },
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY({
      // In a lookup row `*` followed by `,` or `:` is a wildcard key, not a multiplication.
      GATE: () =>
        !(this.LA(1).tokenType === t.Star && isKeySeparator(this.LA(2))) &&
        !this.operatorEndsRow(t.MultiplicativeOp),
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

  /**
   * `20%, 24%, 26%, 30%`. A percentage right after another on the same line is read as the next
   * item, with its `,` reported missing: before, `seasonality 20%, 24% 26%, 30%` ended the list
   * (and the quota) at `24%`, and the quota's later clauses were skipped as text that fits nowhere.
   */
  percentList = this.RULE('percentList', () => {
    this.CONSUME(t.PercentLiteral, { LABEL: 'item' });
    this.MANY({
      GATE: () =>
        this.LA(1).tokenType === t.Comma ||
        (this.LA(1).tokenType === t.PercentLiteral && !this.lineBreakBefore(1)),
      DEF: () => {
        this.OPTION(() => this.CONSUME(t.Comma));
        this.ACTION(() => {
          if (this.LA(0).tokenType !== t.Comma) this.tokenMissing(t.Comma);
        });
        this.CONSUME1(t.PercentLiteral, { LABEL: 'item' });
      },
    });
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

/** The rows whose value is an expression. */
const valueRows = new Set(['tier', 'lookupRow', 'curvePoint']);

function isKeySeparator(token: IToken): boolean {
  return tokenMatcher(token, t.Comma) || tokenMatcher(token, t.Colon);
}
