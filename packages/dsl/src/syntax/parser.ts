/**
 * The Chevrotain parser of plan files: the file, the plan block and its header settings, on top of
 * the declaration and expression rules.
 *
 * One instance is built when the module loads (grammar recording and analysis happen once) and is
 * reused for every parse: set `input`, call `file()`, read `errors`. Error recovery is on, so the
 * parser always returns a (possibly partial) CST; declarations have no terminator, and after a
 * mistake the parser resynchronises at the next declaration keyword or closing brace.
 */
import {
  type CstNode,
  CstParser,
  EOF,
  type IRecognitionException,
  type IToken,
  type TokenType,
  tokenMatcher,
} from 'chevrotain';
import { PayoutParser } from './parser-payouts.js';
import * as t from './tokens.js';

/** A recognition error for which the parser assumed a missing token (reported as AT1002). */
export interface MissingTokenError extends IRecognitionException {
  /** The token type the parser assumed was there. */
  missing?: TokenType;
  previousToken?: IToken;
  /** What a row lacks after its `:` (`a rate like \`5%\``), when nothing was written there. */
  missingValue?: string;
}

export class PlanParser extends PayoutParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.OPTION(() => this.SUBRULE(this.planDecl));
  });

  planDecl = this.RULE('planDecl', () => {
    this.CONSUME(t.Plan);
    this.CONSUME(t.TextLiteral, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(t.Version);
      this.CONSUME1(t.TextLiteral, { LABEL: 'version' });
    });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.partDone(this.SUBRULE(this.planItem)));
    this.CONSUME(t.RCurly);
  });

  planItem = this.RULE('planItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.currencySetting) },
      { ALT: () => this.SUBRULE(this.periodSetting) },
      { ALT: () => this.SUBRULE(this.fiscalYearSetting) },
      { ALT: () => this.SUBRULE(this.effectiveSetting) },
      { ALT: () => this.SUBRULE(this.roundingSetting) },
      { ALT: () => this.SUBRULE(this.source) },
      { ALT: () => this.SUBRULE(this.payeeSchema) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.measure) },
      { ALT: () => this.SUBRULE(this.quota) },
      { ALT: () => this.SUBRULE(this.credit) },
      { ALT: () => this.SUBRULE(this.rateTable) },
      { ALT: () => this.SUBRULE(this.lookupTable) },
      { ALT: () => this.SUBRULE(this.payCurve) },
      { ALT: () => this.SUBRULE(this.earning) },
      { ALT: () => this.SUBRULE(this.draw) },
      { ALT: () => this.SUBRULE(this.guarantee) },
      { ALT: () => this.SUBRULE(this.holdback) },
      { ALT: () => this.SUBRULE(this.clawback) },
      { ALT: () => this.SUBRULE(this.adjustment) },
      { ALT: () => this.SUBRULE(this.territories) },
      { ALT: () => this.SUBRULE(this.metric) },
      { ALT: () => this.SUBRULE(this.signal) },
    ]);
  });

  // ---- header settings ----

  currencySetting = this.RULE('currencySetting', () => {
    this.CONSUME(t.Currency);
    this.CONSUME(t.Name, { LABEL: 'currency' });
  });

  periodSetting = this.RULE('periodSetting', () => {
    this.CONSUME(t.Period);
    this.OR([
      { ALT: () => this.CONSUME(t.Month, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(t.Quarter, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(t.Half, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(t.Year, { LABEL: 'kind' }) },
    ]);
  });

  fiscalYearSetting = this.RULE('fiscalYearSetting', () => {
    this.CONSUME(t.Fiscal);
    this.CONSUME(t.Year);
    this.CONSUME(t.Starts);
    this.CONSUME(t.Name, { LABEL: 'month' });
  });

  effectiveSetting = this.RULE('effectiveSetting', () => {
    this.CONSUME(t.Effective);
    this.SUBRULE(this.dateRange);
  });

  roundingSetting = this.RULE('roundingSetting', () => {
    this.CONSUME(t.Rounding);
    this.SUBRULE(this.roundingMode);
    this.CONSUME(t.To);
    this.CONSUME(t.NumberLiteral, { LABEL: 'decimals' });
    this.CONSUME(t.Decimals);
    this.CONSUME(t.At);
    this.OR([
      { ALT: () => this.CONSUME(t.Line, { LABEL: 'point' }) },
      { ALT: () => this.CONSUME(t.EarningKw, { LABEL: 'point' }) },
      { ALT: () => this.CONSUME(t.Payout, { LABEL: 'point' }) },
    ]);
  });

  roundingMode = this.RULE('roundingMode', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Half, { LABEL: 'half' });
          this.OR1([
            { ALT: () => this.CONSUME(t.Up, { LABEL: 'direction' }) },
            { ALT: () => this.CONSUME(t.Even, { LABEL: 'direction' }) },
          ]);
        },
      },
      { ALT: () => this.CONSUME(t.Down, { LABEL: 'direction' }) },
      { ALT: () => this.CONSUME1(t.Up, { LABEL: 'direction' }) },
    ]);
  });

  /** Remembers which token was assumed, so the error is reported as "missing" (AT1002). */
  protected override getTokenToInsert(tokType: TokenType): IToken {
    const inserted = super.getTokenToInsert(tokType);
    const last = this.errors[this.errors.length - 1] as MissingTokenError | undefined;
    if (last !== undefined) last.missing = tokType;
    return inserted;
  }

  /**
   * A block's `{` a few words further on: `credit c from deals where stage is "Won" {` or
   * `payee attributes {`. The words before it are skipped and the block is read, as Chevrotain
   * does for one extra word; otherwise its fields, recipients or tiers would be lost and reported
   * as missing.
   */
  protected canRecoverWithSingleTokenDeletion(expected: TokenType): boolean {
    return (
      this.wordsBeforeBlock(expected) > 0 || chevrotain.canRecoverWithSingleTokenDeletion.call(this, expected)
    );
  }

  /**
   * A row's `:` is not assumed missing when one follows later on the row's line: in
   * `"Platform" "EMEA": 7%` or `50% to 100% USD: 17%` the word before it is the mistake. Assuming
   * the `:` read `"EMEA"` as the row's value and reported the real `:` as a second mistake.
   */
  override canTokenTypeBeInsertedInRecovery(type: TokenType): boolean {
    if (type !== t.Colon) return true;
    const row = this.rowLine();
    if (row === undefined) return true;
    // `50% to 100%, 17%`: the `,` stands for the `:`. Assuming a `:` before it read an empty rate,
    // then `17%` as a row of its own that ran on into the next line: three errors, one of them on
    // the correct row after it.
    const after = this.LA(2);
    if (
      this.LA(1).tokenType === t.Comma &&
      after.tokenType !== EOF &&
      after.tokenType !== t.RCurly &&
      this.lineOf(after.startOffset) === row
    )
      return false;
    for (let k = 1; ; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF || token.tokenType === t.RCurly || this.lineOf(token.startOffset) !== row) {
        return true;
      }
      if (token.tokenType === t.Colon) return false;
    }
  }

  protected tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken {
    const unquoted = this.unquotedPlanText(expected);
    if (unquoted > 0) {
      // `plan Enterprise AE {` or `version 2026.1 {`: the words stand for the text, so the plan
      // is read on instead of being lost (with every setting reported missing).
      for (let i = 0; i < unquoted; i++) this.SKIP_TOKEN();
      return chevrotain.getTokenToInsert.call(this, expected);
    }
    const words = this.wordsBeforeBlock(expected);
    if (words === 0) return chevrotain.tryInRuleRecovery.call(this, expected, follows);
    for (let i = 1; i < words; i++) this.SKIP_TOKEN();
    const block = this.SKIP_TOKEN();
    chevrotain.consumeToken.call(this);
    return block;
  }

  /**
   * How many words or numbers stand for a plan's name or version written without quotes, before
   * `version` or `{`: 2 in `plan Enterprise AE {`; 0 when that is not the mistake.
   */
  private unquotedPlanText(expected: TokenType): number {
    const before = this.LA(0).tokenType;
    if (expected !== t.TextLiteral || (before !== t.Plan && before !== t.Version)) return 0;
    for (let k = 1; k <= 8; k++) {
      const token = this.LA(k);
      const type = token.tokenType;
      if (k > 1 && (type === t.LCurly || (before === t.Plan && type === t.Version))) return k - 1;
      if (!tokenMatcher(token, t.Word) && type !== t.NumberLiteral) return 0;
    }
    return 0;
  }

  /** How many tokens come before the `{` expected here, when it follows soon; 0 otherwise. */
  private wordsBeforeBlock(expected: TokenType): number {
    if (expected !== t.LCurly) return 0;
    for (let k = 1; k <= 12; k++) {
      const type = this.LA(k).tokenType;
      if (type === t.LCurly) return k - 1;
      if (type === EOF || type === t.RCurly || t.declarationStarts.has(type)) return 0;
    }
    return 0;
  }

  /**
   * Where to go on after a mistake: the first token that can follow one of the rules being read,
   * as in Chevrotain, except that a `{ ... }` block skipped on the way is skipped whole. Without
   * this, in `credit c from deals where stage is "Won" { to owner }` the `}` of the credit's block
   * was taken for the end of the plan, and every later declaration was reported as "after the end
   * of the plan".
   */
  protected findReSyncTokenType(): TokenType {
    const follows = chevrotain.flattenFollowSet.call(this);
    const row = this.rowLine();
    let depth = 0;
    for (let k = 1; ; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF) return EOF;
      const found = this.resyncPoint(token, depth, row)
        ? follows.find((type) => tokenMatcher(token, type))
        : undefined;
      if (found !== undefined) return found;
      depth = depthAfter(token, depth);
    }
  }

  /** Skips to the token {@link findReSyncTokenType} chose, stepping over `{ ... }` blocks the same way. */
  protected reSyncTo(type: TokenType): IToken[] {
    // As in Chevrotain: the tokens skipped after the first (which the error is about), not the
    // one gone on from.
    const skipped: IToken[] = [];
    const row = this.rowLine();
    let depth = 0;
    let token = this.LA(1);
    while (token.tokenType !== EOF && !(this.resyncPoint(token, depth, row) && tokenMatcher(token, type))) {
      depth = depthAfter(token, depth);
      token = this.SKIP_TOKEN();
      if (token.tokenType !== EOF) skipped.push(token);
    }
    return skipped.slice(0, -1);
  }

  /**
   * Where the parser may go on after a mistake. Within a row (a tier, lookup row, curve point or
   * field: `row` is its line), only on a later line or at the block's `}`: rows are written one a
   * line, so the rest of the mistyped row is skipped. Before, in `50%-100%: 17%` the parser went
   * on at `100%` and then at `17%`, reading them as tiers of their own: three errors on the row,
   * a false "out of order" error for the tier at 17%, and one on the correct row after it.
   */
  private resyncPoint(token: IToken, depth: number, row: number | undefined): boolean {
    if (!resyncPoint(token, depth)) return false;
    if (row === undefined) return true;
    return depth === 0 && (token.tokenType === t.RCurly || this.lineOf(token.startOffset) > row);
  }

  /** The line where the row being read starts; undefined when no row is being read. */
  private rowLine(): number | undefined {
    const start = this.rowStart;
    const stack = (this as unknown as { CST_STACK: CstNode[] }).CST_STACK;
    if (start === undefined || !stack.some((node) => rowRules.has(node.name))) return undefined;
    return this.lineOf(start.startOffset);
  }
}

/** The methods of Chevrotain's recovery the parser uses or overrides (not in its typings). */
interface Recovery {
  flattenFollowSet(): TokenType[];
  canRecoverWithSingleTokenDeletion(expected: TokenType): boolean;
  tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
  consumeToken(): void;
  getTokenToInsert(type: TokenType): IToken;
}

/** Chevrotain's own recovery methods, which the parser's overrides fall back on. */
const chevrotain = CstParser.prototype as unknown as Recovery;

/** The rules that read one row of a block: rows are written one a line. */
const rowRules = new Set(['tier', 'lookupRow', 'curvePoint', 'field']);

/** A `}` that closes a block skipped during recovery is no place to go on from. */
function resyncPoint(token: IToken, depth: number): boolean {
  return depth === 0 || token.tokenType !== t.RCurly;
}

function depthAfter(token: IToken, depth: number): number {
  if (token.tokenType === t.LCurly) return depth + 1;
  if (token.tokenType === t.RCurly && depth > 0) return depth - 1;
  return depth;
}

/** The one parser instance, shared by every parse. */
export const planParser = new PlanParser();

/**
 * Parses `tokens` into a CST; recognition errors are left in `planParser.errors`. While the parse
 * goes on, `partRead` is called with each repeated part the parser finishes: a plan item, a field,
 * a tier, a lookup row, a curve point or a territory (a part it gives up on halfway is not
 * passed). It may empty the part's node. `lineOf` gives the line of an offset: rows of tables and
 * field blocks are written one a line, which error recovery relies on.
 */
export function parseTokens(
  tokens: IToken[],
  partRead?: (node: CstNode) => void,
  lineOf: (offset: number) => number = () => 0,
): CstNode {
  planParser.input = tokens;
  planParser.partRead = partRead;
  planParser.lineOf = lineOf;
  planParser.rowStart = undefined;
  try {
    return planParser.file();
  } finally {
    planParser.partRead = undefined;
    planParser.rowStart = undefined;
  }
}
