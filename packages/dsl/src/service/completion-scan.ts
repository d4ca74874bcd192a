/**
 * The context of a completion request, read from the tokens before the cursor rather than from
 * the syntax tree: while a plan is being typed the tree around the cursor is often incomplete,
 * but the tokens are all there. One forward pass finds the declaration being written, the open
 * braces and parentheses, and the tokens just before the cursor.
 */
import type { IToken } from 'chevrotain';
import { declarationKeywords, headerKeywords } from './completion-keywords.js';

/** The keywords that start a declaration or header setting (two-word ones by their first word). */
const declarationWords = new Set(
  [...declarationKeywords, ...headerKeywords].map((keyword) => keyword.split(' ')[0] ?? keyword),
);

/** Declarations that take an `effective` range as their own last clause. */
const effectiveClause = new Set([
  'let',
  'measure',
  'quota',
  'rate',
  'earning',
  'commission',
  'bonus',
  'spiff',
  'milestone',
  'mbo',
]);

/** An open `{`, with the declaration keyword that owns it (`plan`, `credit`, `territory`...). */
export interface OpenBlock {
  owner: string;
  /** Index of the owner's keyword token. */
  ownerIndex: number;
}

/** What the tokens before the cursor say about where the cursor is. */
export interface CompletionScan {
  /** Every code token of the text (comments apart). */
  tokens: readonly IToken[];
  /** The cursor. */
  offset: number;
  /** Number of tokens before the cursor (the partly typed word excluded). */
  count: number;
  /** The partly typed word at the cursor, if any. */
  word: IToken | undefined;
  /** The keyword of the declaration or setting the cursor is in (first word: `rate` for rate tables). */
  declaration: string | undefined;
  /** Index of that keyword's token. */
  declarationIndex: number;
  /** Open braces, outermost first. */
  blocks: OpenBlock[];
  /** Indexes of open `(` in the current declaration, outermost first. */
  parens: number[];
}

/** Whether a token is a word (a name or keyword), not a literal or symbol. */
export const isWord = (token: IToken | undefined): boolean =>
  token !== undefined && /^[A-Za-z_]/.test(token.image) && token.tokenType.name !== 'FiscalYearLiteral';

/** Reads the tokens before `offset`. `tokens` are the text's code tokens in order. */
export function scanBefore(tokens: readonly IToken[], offset: number): CompletionScan {
  let count = 0;
  let word: IToken | undefined;
  for (const token of tokens) {
    const end = token.startOffset + token.image.length;
    if (end > offset) {
      if (token.startOffset < offset && isWord(token)) word = token;
      break;
    }
    if (end === offset && isWord(token)) {
      word = token;
      break;
    }
    count++;
  }
  const scan: CompletionScan = {
    tokens,
    offset,
    count,
    word,
    declaration: undefined,
    declarationIndex: -1,
    blocks: [],
    parens: [],
  };
  for (let i = 0; i < count; i++) step(scan, i);
  return scan;
}

function step(scan: CompletionScan, i: number): void {
  const token = scan.tokens[i] as IToken;
  const image = token.image;
  const depth = scan.blocks.length;
  if (image === '{') {
    scan.blocks.push({ owner: scan.declaration ?? 'plan', ownerIndex: scan.declarationIndex });
    scan.parens = [];
  } else if (image === '}') {
    // The declaration whose block closed stays current: clauses such as `effective` may follow.
    const closed = scan.blocks.pop();
    if (closed !== undefined) startDeclaration(scan, closed.owner, closed.ownerIndex);
  } else if (image === '(') {
    scan.parens.push(i);
  } else if (image === ')') {
    scan.parens.pop();
  } else if (depth === 0 && image === 'plan') {
    startDeclaration(scan, 'plan', i);
  } else if (depth === 1 && startsDeclaration(scan, i)) {
    startDeclaration(scan, image, i);
  } else if (depth === 2 && image === 'territory' && scan.blocks[1]?.owner === 'territories') {
    startDeclaration(scan, image, i);
  }
}

function startDeclaration(scan: CompletionScan, keyword: string, index: number): void {
  scan.declaration = keyword;
  scan.declarationIndex = index;
  scan.parens = [];
}

/** Whether the keyword at `i` (inside the plan's braces) starts a declaration rather than an expression. */
function startsDeclaration(scan: CompletionScan, i: number): boolean {
  const image = (scan.tokens[i] as IToken).image;
  if (!declarationWords.has(image) || (scan.tokens[i - 1]?.image ?? '') === '.') return false;
  const next = scan.tokens[i + 1]?.image;
  switch (image) {
    case 'period':
      return next === undefined || ['month', 'quarter', 'half', 'year'].includes(next);
    case 'payee':
      return next === undefined || next === '{';
    case 'rate':
    case 'lookup':
      return next === undefined || next === 'table';
    case 'pay':
      return next === undefined || next === 'curve';
    case 'effective':
      // `effective` after a versioned definition is that definition's clause.
      return !effectiveClause.has(scan.declaration ?? '');
    default:
      return true;
  }
}

/** The token `back` positions before the cursor (1 = the one just before), the typed word excluded. */
export function before(scan: CompletionScan, back: number): IToken | undefined {
  return scan.tokens[scan.count - back];
}

/** The name token right after the keyword(s) that start the current declaration. */
export function declarationNameToken(scan: CompletionScan): IToken | undefined {
  const start = scan.declarationIndex;
  if (start < 0) return undefined;
  const keyword = scan.tokens[start]?.image;
  const skip = keyword === 'rate' || keyword === 'lookup' || keyword === 'pay' ? 2 : 1;
  const token = scan.tokens[start + skip];
  return isWord(token) && start + skip < scan.count ? token : undefined;
}

/** The word right after the last `keyword` in the current declaration (before the cursor). */
export function wordAfter(
  scan: CompletionScan,
  keyword: string,
  from = scan.declarationIndex,
): IToken | undefined {
  for (let i = scan.count - 1; i > from && i >= 0; i--) {
    if (scan.tokens[i]?.image === keyword) {
      const next = scan.tokens[i + 1];
      return isWord(next) && i + 1 < scan.count ? next : undefined;
    }
  }
  return undefined;
}

/** Whether `keyword` appears in the current declaration before the cursor. */
export function seen(scan: CompletionScan, keyword: string): boolean {
  for (let i = scan.count - 1; i > scan.declarationIndex && i >= 0; i--)
    if (scan.tokens[i]?.image === keyword) return true;
  return false;
}

/** Tokens whose end belongs to them: a cursor at the end of a line comment is still in it. */
const openEnded = new Set(['LineComment', 'UnterminatedComment', 'UnterminatedText']);

/** Whether the offset is inside a comment or a text literal, where nothing is proposed. */
export function insideCommentOrText(
  lexed: { tokens: readonly IToken[]; comments: readonly IToken[] },
  offset: number,
): boolean {
  const inside = (token: IToken | undefined) => {
    if (token === undefined) return false;
    const end = token.startOffset + token.image.length;
    return offset < end || (offset === end && openEnded.has(token.tokenType.name));
  };
  const text = lastStartingBefore(lexed.tokens, offset);
  const isText = text?.tokenType.name === 'Text' || text?.tokenType.name === 'UnterminatedText';
  return inside(lastStartingBefore(lexed.comments, offset)) || (isText && inside(text));
}

/** The last of the sorted `tokens` that starts before `offset` (binary search). */
function lastStartingBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid] as IToken).startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return tokens[low - 1];
}
