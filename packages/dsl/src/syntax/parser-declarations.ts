/**
 * Grammar rules for declarations that define data and measures: sources, payee attributes,
 * definitions, quotas, credits and tables (grammar.md, "Declarations"). Earnings and the other
 * declarations follow in `parser-payouts.ts`.
 */
import { tokenMatcher } from 'chevrotain';
import { ExpressionParser } from './parser-expressions.js';
import * as t from './tokens.js';

export class DeclarationParser extends ExpressionParser {
  /** A declaration's name and optional label. */
  protected nameAndLabel(): void {
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.OPTION9(() => this.CONSUME9(t.TextLiteral, { LABEL: 'label' }));
  }

  /**
   * A field starts with a name followed by `:`. Reserved words are allowed as field names when
   * the `:` follows, so a missing `}` before the next declaration is still noticed; so are the
   * declaration keywords that may name a field (`payee: Payee`), but not `payee {`.
   */
  private fieldStarts(): boolean {
    const first = this.LA(1);
    const colonFollows = this.LA(2).tokenType === t.Colon;
    if (t.declarationStarts.has(first.tokenType)) return colonFollows;
    return tokenMatcher(first, t.Name) || (tokenMatcher(first, t.Word) && colonFollows);
  }

  /** A whole row of any table follows (where a row's value was expected on the next line). */
  private rowAhead = (): boolean => this.tierShape() || this.pointShape() || this.lookupRowShape();

  /** A whole field follows: a name and `:`. */
  private fieldShape = (): boolean => tokenMatcher(this.LA(1), t.Word) && this.LA(2).tokenType === t.Colon;

  /** A whole tier follows: a bound and `to` or `and`. */
  private tierShape = (): boolean =>
    this.boundThen(1, (next) => next.tokenType === t.To || next.tokenType === t.And);

  /** A whole curve point follows: a bound and `:`. */
  private pointShape = (): boolean => this.boundThen(1, (next) => next.tokenType === t.Colon);

  /** A whole lookup row follows: `otherwise` or a key, then `,` or `:`. */
  private lookupRowShape = (): boolean => {
    const first = this.LA(1);
    const next = this.LA(2).tokenType;
    if (first.tokenType === t.Otherwise) return next === t.Colon;
    const key = [t.TextLiteral, t.NumberLiteral, t.Star].some((type) => tokenMatcher(first, type));
    return key && (next === t.Comma || next === t.Colon);
  };

  // ---- sources and payee attributes ----

  source = this.RULE('source', () => {
    this.CONSUME(t.Source);
    this.nameAndLabel();
    this.fieldBlock();
  });

  payeeSchema = this.RULE('payeeSchema', () => {
    this.CONSUME(t.Payee);
    this.fieldBlock();
  });

  private fieldBlock(): void {
    this.CONSUME(t.LCurly);
    this.rows(this.field, this.fieldShape, () => this.fieldStarts());
    this.CONSUME(t.RCurly);
  }

  field = this.RULE('field', () => {
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.CONSUME(t.Colon);
    this.SUBRULE(this.typeRef);
    // `key: Text` on the next line is a field, not a `key` modifier of this one.
    this.MANY({ GATE: () => this.LA(2).tokenType !== t.Colon, DEF: () => this.SUBRULE(this.fieldModifier) });
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  fieldModifier = this.RULE('fieldModifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Key, { LABEL: 'modifier' }) },
      { ALT: () => this.CONSUME(t.Owner, { LABEL: 'modifier' }) },
      { ALT: () => this.CONSUME(t.Dated, { LABEL: 'modifier' }) },
      { ALT: () => this.CONSUME(t.Optional, { LABEL: 'modifier' }) },
      {
        ALT: () => {
          this.CONSUME(t.Converted, { LABEL: 'modifier' });
          this.CONSUME(t.On);
          this.CONSUME(t.Name, { LABEL: 'on' });
        },
      },
    ]);
  });

  // ---- definitions ----

  letDecl = this.RULE('letDecl', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.typedValue();
    this.OPTION1(() => this.SUBRULE(this.effectiveClause));
  });

  measure = this.RULE('measure', () => {
    this.CONSUME(t.Measure);
    this.nameAndLabel();
    this.typedValue();
    this.OPTION1(() => this.SUBRULE(this.effectiveClause));
  });

  metric = this.RULE('metric', () => {
    this.CONSUME(t.Metric);
    this.nameAndLabel();
    this.typedValue();
  });

  private typedValue(): void {
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.typeRef);
    });
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  }

  // ---- quotas ----

  quota = this.RULE('quota', () => {
    this.CONSUME(t.Quota);
    this.nameAndLabel();
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.From);
          this.CONSUME(t.Data, { LABEL: 'fromData' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Equals);
          this.SUBRULE(this.expression, { LABEL: 'value' });
          this.MANY(() => this.SUBRULE(this.quotaClause));
        },
      },
    ]);
    this.OPTION(() => this.SUBRULE(this.effectiveClause));
  });

  quotaClause = this.RULE('quotaClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Seasonality, { LABEL: 'kind' });
          this.SUBRULE(this.percentList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Ramp, { LABEL: 'kind' });
          this.SUBRULE1(this.percentList);
          this.CONSUME(t.From);
          this.SUBRULE(this.expression, { LABEL: 'value' });
          this.OPTION(() => {
            this.CONSUME(t.Starting);
            this.CONSUME(t.Next);
            this.CONSUME(t.Month);
            this.CONSUME(t.After);
            this.CONSUME(t.Day);
            this.CONSUME(t.NumberLiteral, { LABEL: 'cutoffDay' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Prorate, { LABEL: 'kind' });
          this.CONSUME(t.By);
          this.CONSUME(t.Calendar);
          this.CONSUME(t.Days);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Relief, { LABEL: 'kind' });
          this.SUBRULE1(this.expression, { LABEL: 'value' });
        },
      },
    ]);
  });

  // ---- crediting ----

  credit = this.RULE('credit', () => {
    this.CONSUME(t.CreditKw);
    this.nameAndLabel();
    this.CONSUME(t.From);
    this.CONSUME1(t.Name, { LABEL: 'source' });
    this.OPTION(() => {
      this.CONSUME(t.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.creditClause));
    this.CONSUME(t.RCurly);
  });

  creditClause = this.RULE('creditClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Amount, { LABEL: 'kind' });
          this.SUBRULE(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.To, { LABEL: 'kind' });
          this.SUBRULE(this.recipient);
          this.OPTION(() => {
            this.CONSUME(t.Share);
            this.CONSUME(t.PercentLiteral, { LABEL: 'share' });
          });
          this.OPTION1(() => {
            this.CONSUME(t.As);
            this.CONSUME(t.Overlay, { LABEL: 'overlay' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Split, { LABEL: 'kind' });
          this.CONSUME(t.By);
          this.CONSUME(t.Name, { LABEL: 'source' });
          this.CONSUME(t.On);
          this.CONSUME1(t.Name, { LABEL: 'on' });
        },
      },
    ]);
  });

  recipient = this.RULE('recipient', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.TerritoryKw, { LABEL: 'kind' });
          this.CONSUME(t.Of);
          this.CONSUME(t.Name, { LABEL: 'of' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Managers, { LABEL: 'kind' });
          this.CONSUME1(t.Of);
          this.CONSUME1(t.Name, { LABEL: 'of' });
          this.OPTION(() => {
            this.CONSUME(t.Up);
            this.CONSUME(t.To);
            this.CONSUME(t.NumberLiteral, { LABEL: 'levels' });
            this.CONSUME(t.Levels);
          });
        },
      },
      { ALT: () => this.CONSUME2(t.Name, { LABEL: 'field' }) },
    ]);
  });

  // ---- tables ----

  rateTable = this.RULE('rateTable', () => {
    this.CONSUME(t.Rate);
    this.CONSUME(t.Table);
    this.nameAndLabel();
    this.CONSUME(t.On);
    this.SUBRULE(this.expression, { LABEL: 'on' });
    this.OPTION(() => this.SUBRULE(this.tableMode));
    this.CONSUME(t.LCurly);
    this.rows(this.tier, this.tierShape);
    this.CONSUME(t.RCurly);
    this.OPTION1(() => this.SUBRULE(this.effectiveClause));
  });

  tableMode = this.RULE('tableMode', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Marginal, { LABEL: 'mode' }) },
      { ALT: () => this.CONSUME(t.Retroactive, { LABEL: 'mode' }) },
      {
        ALT: () => {
          this.CONSUME(t.Hybrid, { LABEL: 'mode' });
          this.CONSUME(t.At);
          this.CONSUME(t.PercentLiteral, { LABEL: 'at' });
        },
      },
    ]);
  });

  tier = this.RULE('tier', () => {
    this.SUBRULE(this.bound, { LABEL: 'from' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.To);
          this.SUBRULE1(this.bound, { LABEL: 'to' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.And, { LABEL: 'open' });
          this.CONSUME(t.Up);
        },
      },
    ]);
    this.CONSUME(t.Colon);
    this.rowValue(() => this.SUBRULE(this.expression, { LABEL: 'rate' }), 'a rate like `5%`', this.rowAhead);
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  lookupTable = this.RULE('lookupTable', () => {
    this.CONSUME(t.Lookup);
    this.CONSUME(t.Table);
    this.nameAndLabel();
    this.CONSUME(t.By);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME1(t.Name, { LABEL: 'by' }) });
    this.CONSUME(t.LCurly);
    this.rows(this.lookupRow, this.lookupRowShape);
    this.CONSUME(t.RCurly);
  });

  lookupRow = this.RULE('lookupRow', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Otherwise, { LABEL: 'otherwise' }) },
      {
        ALT: () =>
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.lookupKey, { LABEL: 'key' }) }),
      },
    ]);
    this.CONSUME(t.Colon);
    this.rowValue(
      () => this.SUBRULE(this.expression, { LABEL: 'value' }),
      'a value like `5%`',
      this.rowAhead,
    );
    this.OPTION(() => this.CONSUME1(t.Comma));
  });

  lookupKey = this.RULE('lookupKey', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.TextLiteral) },
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.Star) },
    ]);
  });

  payCurve = this.RULE('payCurve', () => {
    this.CONSUME(t.Pay);
    this.CONSUME(t.Curve);
    this.nameAndLabel();
    this.CONSUME(t.On);
    this.SUBRULE(this.expression, { LABEL: 'on' });
    this.CONSUME(t.LCurly);
    this.rows(this.curvePoint, this.pointShape);
    this.CONSUME(t.RCurly);
  });

  curvePoint = this.RULE('curvePoint', () => {
    this.SUBRULE(this.bound, { LABEL: 'at' });
    this.CONSUME(t.Colon);
    this.rowValue(
      () => this.CONSUME(t.PercentLiteral, { LABEL: 'value' }),
      'a percentage like `10%`',
      this.rowAhead,
    );
    this.OPTION(() => this.CONSUME(t.Comma));
  });
}
