/**
 * The token types of the plan language (see docs/reference/grammar.md, "Lexical structure").
 *
 * Keywords are reserved where the grammar uses them. Some keywords are also common field names
 * (`amount`, `owner`, `share`, `date`...): these "soft" keywords carry the {@link Name} category so
 * the parser accepts them wherever a name is expected. Every word token carries {@link Word}, which
 * member access (`deals.rate`) and field declarations accept.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Category: anything that may be used as a name (identifiers and soft keywords). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
/** Category: every word (identifiers and all keywords). */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
/** Category: text literals, terminated or not (an unterminated one is reported by the lexer). */
export const TextLiteral = createToken({ name: 'TextLiteral', pattern: Lexer.NA });
/** Category: `+` and `-` between terms. */
export const AdditiveOp = createToken({ name: 'AdditiveOp', pattern: Lexer.NA });
/** Category: `*` and `/` between factors. */
export const MultiplicativeOp = createToken({ name: 'MultiplicativeOp', pattern: Lexer.NA });
/** Category: comparison operators. */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA });
/** Category: `earning`, `commission`, `bonus`, `spiff`, `milestone`, `mbo`. */
export const EarningKindToken = createToken({ name: 'EarningKind', pattern: Lexer.NA });
/** Category: keywords that also name built-in functions (`rate(t)`, `lookup(t, k)`, `curve(c)`). */
export const FunctionKeyword = createToken({ name: 'FunctionKeyword', pattern: Lexer.NA });
/** Category: the type names other than `Money` (which may take a currency). */
export const SimpleTypeName = createToken({ name: 'SimpleTypeName', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name, Word],
});

/** Keyword token types by their text. */
export const keywords = new Map<string, TokenType>();
/** Keywords that may also be used as names. */
export const softKeywords = new Set<string>();

function keyword(text: string, soft = false, category?: TokenType): TokenType {
  const categories = soft ? [Name, Word] : [Word];
  if (category !== undefined) categories.push(category);
  const token = createToken({
    name: keywordTokenName(text),
    pattern: new RegExp(text),
    longer_alt: Identifier,
    categories,
  });
  keywords.set(text, token);
  if (soft) softKeywords.add(text);
  return token;
}

function keywordTokenName(text: string): string {
  return `Kw${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

// ---- plan and header settings ----
export const Plan = keyword('plan');
export const Version = keyword('version');
export const Currency = keyword('currency');
export const Period = keyword('period');
export const Fiscal = keyword('fiscal');
export const Year = keyword('year', true);
export const Starts = keyword('starts', true);
export const Effective = keyword('effective');
export const Rounding = keyword('rounding');
export const Decimals = keyword('decimals', true);
export const Month = keyword('month', true);
export const Quarter = keyword('quarter', true);
export const Half = keyword('half', true);
export const Up = keyword('up', true);
export const Even = keyword('even', true);
export const Down = keyword('down', true);
export const Line = keyword('line', true);
export const Payout = keyword('payout', true);

// ---- declarations ----
export const Source = keyword('source');
export const Payee = keyword('payee', true);
export const Let = keyword('let');
export const Measure = keyword('measure');
export const Quota = keyword('quota');
export const CreditKw = keyword('credit');
export const Rate = keyword('rate', false, FunctionKeyword);
export const Table = keyword('table');
export const Lookup = keyword('lookup', false, FunctionKeyword);
export const Pay = keyword('pay');
export const Curve = keyword('curve', false, FunctionKeyword);
export const EarningKw = keyword('earning', false, EarningKindToken);
export const Commission = keyword('commission', false, EarningKindToken);
export const Bonus = keyword('bonus', false, EarningKindToken);
export const Spiff = keyword('spiff', false, EarningKindToken);
export const Milestone = keyword('milestone', false, EarningKindToken);
export const Mbo = keyword('mbo', false, EarningKindToken);
export const Draw = keyword('draw');
export const Guarantee = keyword('guarantee');
export const Holdback = keyword('holdback');
export const Clawback = keyword('clawback');
export const Adjustment = keyword('adjustment');
export const Territories = keyword('territories');
export const TerritoryKw = keyword('territory');
export const Metric = keyword('metric');
export const Signal = keyword('signal');

// ---- clauses ----
export const Key = keyword('key', true);
export const Owner = keyword('owner', true);
export const Dated = keyword('dated', true);
export const Optional = keyword('optional', true);
export const Converted = keyword('converted', true);
export const From = keyword('from');
export const Data = keyword('data', true);
export const Seasonality = keyword('seasonality');
export const Ramp = keyword('ramp');
export const Starting = keyword('starting', true);
export const Next = keyword('next', true);
export const After = keyword('after', true);
export const Day = keyword('day', true);
export const Prorate = keyword('prorate');
export const Calendar = keyword('calendar', true);
export const Days = keyword('days', true);
export const Relief = keyword('relief');
export const Where = keyword('where');
export const Amount = keyword('amount', true);
export const Share = keyword('share', true);
export const As = keyword('as');
export const Overlay = keyword('overlay', true);
export const Split = keyword('split');
export const Managers = keyword('managers');
export const Levels = keyword('levels', true);
export const Marginal = keyword('marginal');
export const Retroactive = keyword('retroactive');
export const Hybrid = keyword('hybrid');
export const Otherwise = keyword('otherwise');
export const Per = keyword('per');
export const When = keyword('when');
export const Cap = keyword('cap');
export const Floor = keyword('floor');
export const During = keyword('during');
export const Once = keyword('once');
export const Paid = keyword('paid');
export const DateKw = keyword('date', true);
export const Recoverable = keyword('recoverable');
export const Non = keyword('non');
export const For = keyword('for');
export const Periods = keyword('periods', true);
export const End = keyword('end', true);
export const Until = keyword('until');
export const Cancelled = keyword('cancelled', true);
export const Within = keyword('within', true);
export const Original = keyword('original', true);
export const Named = keyword('named', true);
export const Priority = keyword('priority', true);
export const Score = keyword('score', true);
export const Assign = keyword('assign', true);
export const Primary = keyword('primary', true);
export const Info = keyword('info', true);
export const Warning = keyword('warning', true);
export const Critical = keyword('critical', true);
export const Message = keyword('message', true);
export const To = keyword('to');
export const At = keyword('at');
export const On = keyword('on');
export const By = keyword('by');
export const Of = keyword('of');

// ---- expressions ----
export const If = keyword('if');
export const Then = keyword('then');
export const Else = keyword('else');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const True = keyword('true');
export const False = keyword('false');
export const Today = keyword('today');

// ---- type names ----
export const typeNames = new Map<string, TokenType>();
function typeName(text: string): TokenType {
  const token = createToken({
    name: `Type${text}`,
    pattern: new RegExp(text),
    longer_alt: Identifier,
    categories: text === 'Money' ? [Word] : [Word, SimpleTypeName],
  });
  typeNames.set(text, token);
  return token;
}
export const TypeNumber = typeName('Number');
export const TypeInteger = typeName('Integer');
export const TypePercent = typeName('Percent');
export const TypeMoney = typeName('Money');
export const TypeDate = typeName('Date');
export const TypePeriod = typeName('Period');
export const TypeText = typeName('Text');
export const TypeBoolean = typeName('Boolean');
export const TypePayee = typeName('Payee');

// ---- literals ----
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/ });
export const PeriodLiteral = createToken({ name: 'PeriodLiteral', pattern: /\d{4}-(?:[QH]\d|\d{2})/ });
export const FiscalYearLiteral = createToken({
  name: 'FiscalYearLiteral',
  pattern: /FY\d{4}/,
  longer_alt: Identifier,
});
/** A number followed by `%`; letters or misplaced `_` inside are reported as AT1006 by the lexer. */
export const PercentLiteral = createToken({ name: 'PercentLiteral', pattern: /\d[\w]*(?:\.[\w]+)?%/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d[\w]*(?:\.[\w]+)?/ });
export const Text = createToken({
  name: 'Text',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [TextLiteral],
});
export const UnterminatedText = createToken({
  name: 'UnterminatedText',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [TextLiteral],
});

/**
 * `'Won'`, or `“Won”` and `‘Won’` in the curly quotes a word processor types: reported (text takes
 * straight double quotes) but read as text so the parser goes on.
 */
export const SingleQuotedText = createToken({
  name: 'SingleQuotedText',
  pattern:
    /'[^'\r\n]*'|[\u201C\u201D\u201E][^\u201C\u201D\u201E"\r\n]*[\u201C\u201D"]|[\u2018\u2019][^\u2018\u2019\r\n]*[\u2018\u2019']/,
  categories: [TextLiteral],
});

// ---- comments (kept in a group for the formatter) ----
export const commentGroup = 'comments';
export const DocComment = createToken({
  name: 'DocComment',
  pattern: /\/\*\*(?!\/)[\s\S]*?\*\//,
  group: commentGroup,
  line_breaks: true,
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: commentGroup,
  line_breaks: true,
});
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  group: commentGroup,
  line_breaks: true,
});
export const LineComment = createToken({ name: 'LineComment', pattern: /#[^\r\n]*/, group: commentGroup });
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// ---- symbols ----
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=/, categories: [CompareOp] });
export const LessEquals = createToken({ name: 'LessEquals', pattern: /<=/, categories: [CompareOp] });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: />=/, categories: [CompareOp] });
export const Equals = createToken({ name: 'Equals', pattern: /=/, categories: [CompareOp] });
export const Less = createToken({ name: 'Less', pattern: /</, categories: [CompareOp] });
export const Greater = createToken({ name: 'Greater', pattern: />/, categories: [CompareOp] });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [AdditiveOp] });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [AdditiveOp] });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [MultiplicativeOp] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [MultiplicativeOp] });

/** Every token type, in lexing order (first match wins, so longer forms come first). */
export const allTokens: TokenType[] = [
  Whitespace,
  DocComment,
  BlockComment,
  UnterminatedComment,
  LineComment,
  Text,
  UnterminatedText,
  SingleQuotedText,
  DateLiteral,
  PeriodLiteral,
  PercentLiteral,
  NumberLiteral,
  FiscalYearLiteral,
  // Longer keywords first: `info` must be tried before `in`, `periods` before `period`.
  ...[...keywords.values(), ...typeNames.values()].sort(
    (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
  ),
  Identifier,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Dot,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Equals,
  Less,
  Greater,
  Plus,
  Minus,
  Star,
  Slash,
  Name,
  Word,
  TextLiteral,
  AdditiveOp,
  MultiplicativeOp,
  CompareOp,
  EarningKindToken,
  SimpleTypeName,
  FunctionKeyword,
];

/** Keywords that start a declaration or a header setting: the parser resynchronises at these. */
export const declarationStarts: ReadonlySet<TokenType> = new Set([
  Currency,
  Period,
  Fiscal,
  Effective,
  Rounding,
  Source,
  Payee,
  Let,
  Measure,
  Quota,
  CreditKw,
  Rate,
  Lookup,
  Pay,
  EarningKw,
  Commission,
  Bonus,
  Spiff,
  Milestone,
  Mbo,
  Draw,
  Guarantee,
  Holdback,
  Clawback,
  Adjustment,
  Territories,
  Metric,
  Signal,
]);
