/**
 * Grammar rules for earnings, payout adjustments, territories and signals
 * (grammar.md, "Earnings", "Payout adjustments", "Territories", "Metrics and signals").
 */
import { DeclarationParser } from './parser-declarations.js';
import * as t from './tokens.js';

export class PayoutParser extends DeclarationParser {
  // ---- earnings ----

  earning = this.RULE('earning', () => {
    this.CONSUME(t.EarningKindToken, { LABEL: 'earningKind' });
    this.nameAndLabel();
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.earningClause));
    this.OPTION(() => this.SUBRULE(this.effectiveClause));
  });

  earningClause = this.RULE('earningClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Per, { LABEL: 'kind' });
          this.OR1([
            { ALT: () => this.CONSUME(t.Line, { LABEL: 'per' }) },
            { ALT: () => this.CONSUME(t.Period, { LABEL: 'per' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.When, { LABEL: 'kind' });
          this.SUBRULE(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Cap, { LABEL: 'kind' });
          this.SUBRULE1(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Floor, { LABEL: 'kind' });
          this.SUBRULE2(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.During, { LABEL: 'kind' });
          this.SUBRULE(this.dateRange);
        },
      },
      { ALT: () => this.CONSUME(t.Once, { LABEL: 'kind' }) },
      {
        ALT: () => {
          this.CONSUME(t.Paid, { LABEL: 'kind' });
          this.CONSUME(t.Year);
          this.CONSUME(t.To);
          this.CONSUME(t.DateKw);
        },
      },
    ]);
  });

  // ---- payout adjustments ----

  draw = this.RULE('draw', () => {
    this.CONSUME(t.Draw);
    this.nameAndLabel();
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.SUBRULE(this.drawKind);
    this.OPTION(() => {
      this.CONSUME(t.For);
      this.CONSUME(t.NumberLiteral, { LABEL: 'periods' });
      this.CONSUME(t.Periods);
    });
    this.OPTION1(() => {
      this.CONSUME(t.True, { LABEL: 'trueUp' });
      this.CONSUME(t.Up);
      this.CONSUME(t.At);
      this.CONSUME(t.Year);
      this.CONSUME(t.End);
    });
  });

  drawKind = this.RULE('drawKind', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Recoverable) },
      {
        ALT: () => {
          this.CONSUME(t.Non, { LABEL: 'non' });
          this.CONSUME(t.Minus);
          this.CONSUME1(t.Recoverable);
        },
      },
    ]);
  });

  guarantee = this.RULE('guarantee', () => {
    this.CONSUME(t.Guarantee);
    this.nameAndLabel();
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.CONSUME(t.For);
    this.CONSUME(t.NumberLiteral, { LABEL: 'periods' });
    this.CONSUME(t.Periods);
    this.OPTION(() => {
      this.CONSUME(t.From);
      this.SUBRULE1(this.expression, { LABEL: 'from' });
    });
  });

  holdback = this.RULE('holdback', () => {
    this.CONSUME(t.Holdback);
    this.nameAndLabel();
    this.CONSUME(t.Equals);
    this.CONSUME(t.PercentLiteral, { LABEL: 'share' });
    this.CONSUME(t.Of);
    this.CONSUME1(t.Name, { LABEL: 'earning' });
    this.OPTION(() => {
      this.CONSUME(t.Until);
      this.SUBRULE(this.expression, { LABEL: 'until' });
    });
  });

  clawback = this.RULE('clawback', () => {
    this.CONSUME(t.Clawback);
    this.nameAndLabel();
    this.CONSUME(t.Equals);
    this.CONSUME1(t.Name, { LABEL: 'source' });
    this.CONSUME(t.Cancelled);
    this.CONSUME(t.On);
    this.CONSUME2(t.Name, { LABEL: 'cancelledOn' });
    this.CONSUME(t.Within);
    this.CONSUME(t.NumberLiteral, { LABEL: 'withinDays' });
    this.CONSUME(t.Days);
    this.CONSUME(t.At);
    this.CONSUME(t.Original);
    this.CONSUME(t.Rate);
  });

  adjustment = this.RULE('adjustment', () => {
    this.CONSUME(t.Adjustment);
    this.nameAndLabel();
    this.CONSUME(t.From);
    this.CONSUME(t.Data);
  });

  // ---- territories ----

  territories = this.RULE('territories', () => {
    this.CONSUME(t.Territories);
    this.CONSUME(t.On);
    this.CONSUME(t.Name, { LABEL: 'source' });
    this.CONSUME(t.By);
    this.OR([
      { ALT: () => this.CONSUME(t.Priority, { LABEL: 'by' }) },
      { ALT: () => this.CONSUME(t.Score, { LABEL: 'by' }) },
    ]);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.partDone(this.SUBRULE(this.territory)));
    this.CONSUME(t.RCurly);
  });

  territory = this.RULE('territory', () => {
    this.CONSUME(t.TerritoryKw);
    this.nameAndLabel();
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.territoryClause));
    this.CONSUME(t.RCurly);
  });

  territoryClause = this.RULE('territoryClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Where, { LABEL: 'kind' });
          this.SUBRULE(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Named, { LABEL: 'kind' });
          this.AT_LEAST_ONE_SEP({
            SEP: t.Comma,
            DEF: () => this.CONSUME(t.TextLiteral, { LABEL: 'account' }),
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Priority, { LABEL: 'kind' });
          this.CONSUME(t.NumberLiteral, { LABEL: 'priority' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Score, { LABEL: 'kind' });
          this.SUBRULE1(this.expression, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Assign, { LABEL: 'kind' });
          this.CONSUME1(t.TextLiteral, { LABEL: 'payee' });
          this.CONSUME(t.As);
          this.OR1([
            { ALT: () => this.CONSUME(t.Primary, { LABEL: 'role' }) },
            { ALT: () => this.CONSUME(t.Overlay, { LABEL: 'role' }) },
          ]);
          this.OPTION(() => {
            this.CONSUME(t.From);
            this.CONSUME(t.DateLiteral, { LABEL: 'from' });
          });
          this.OPTION1(() => {
            this.CONSUME(t.To);
            this.CONSUME1(t.DateLiteral, { LABEL: 'to' });
          });
        },
      },
    ]);
  });

  // ---- signals ----

  signal = this.RULE('signal', () => {
    this.CONSUME(t.Signal);
    this.nameAndLabel();
    this.SUBRULE(this.severity);
    this.OPTION(() => {
      this.CONSUME(t.On);
      this.CONSUME1(t.Name, { LABEL: 'on' });
    });
    this.CONSUME(t.When);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.CONSUME(t.Message);
    this.CONSUME1(t.TextLiteral, { LABEL: 'message' });
  });

  severity = this.RULE('severity', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Info, { LABEL: 'severity' }) },
      { ALT: () => this.CONSUME(t.Warning, { LABEL: 'severity' }) },
      { ALT: () => this.CONSUME(t.Critical, { LABEL: 'severity' }) },
    ]);
  });
}
