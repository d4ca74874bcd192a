/**
 * Semantic tokens: a colour class for every meaningful token — declarations and references by
 * what they denote (sources, fields, measures, tables, earnings...), built-in functions, keywords,
 * literals, strings and comments — in the LSP relative encoding.
 */
import type { IToken } from 'chevrotain';
import type { SymbolKind } from '../bind/binding.js';
import { isCurrencyArgument } from '../bind/resolve-expr.js';
import type {
  CallExpr,
  CurrencySetting,
  FiscalYearSetting,
  LookupTableDecl,
  MoneyLit,
  Name,
  TypeRef,
} from '../syntax/ast.js';
import { keywords, typeNames } from '../syntax/tokens.js';
import { type Analysis, analysisOf } from './analysis.js';
import { walk } from './syntax-walk.js';
import type { SemanticTokens, SemanticTokensLegend } from './types.js';

/** The token types and modifiers of {@link getSemanticTokens}, in index order. */
export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [
    'namespace',
    'type',
    'struct',
    'class',
    'enumMember',
    'event',
    'function',
    'variable',
    'property',
    'parameter',
    'keyword',
    'comment',
    'string',
    'number',
  ],
  tokenModifiers: ['declaration', 'readonly', 'defaultLibrary', 'documentation'],
};

type TokenType = (typeof semanticTokensLegend.tokenTypes)[number];
const typeIndex = new Map(semanticTokensLegend.tokenTypes.map((t, i) => [t, i]));
const modifierBit = new Map(semanticTokensLegend.tokenModifiers.map((m, i) => [m, 1 << i]));

const symbolTokenTypes: Record<SymbolKind, TokenType> = {
  source: 'struct',
  field: 'property',
  'payee-attribute': 'property',
  let: 'variable',
  measure: 'variable',
  quota: 'variable',
  credit: 'variable',
  'rate-table': 'class',
  'lookup-table': 'class',
  'pay-curve': 'class',
  earning: 'event',
  draw: 'event',
  guarantee: 'event',
  holdback: 'event',
  clawback: 'event',
  adjustment: 'event',
  territory: 'namespace',
  metric: 'variable',
  signal: 'event',
  function: 'function',
};

const literalTokens = new Set([
  'NumberLiteral',
  'PercentLiteral',
  'DateLiteral',
  'PeriodLiteral',
  'FiscalYearLiteral',
]);
const stringTokens = new Set(['Text', 'UnterminatedText']);

interface Classified {
  offset: number;
  length: number;
  type: TokenType;
  modifiers: string[];
}

/** Semantic tokens of the whole text. */
export function getSemanticTokens(text: string): SemanticTokens {
  const analysis = analysisOf(text);
  const others = otherNames(analysis);
  const classified: Classified[] = [];
  const { tokens, comments } = analysis.tokens;
  // Both lists are in source order: merge them, each comment before the token that follows it.
  let next = 0;
  const commentsBefore = (offset: number) => {
    for (; next < comments.length && (comments[next] as IToken).startOffset < offset; next++) {
      classified.push(...commentLines(analysis, comments[next] as IToken));
    }
  };
  for (const token of tokens) {
    commentsBefore(token.startOffset);
    const c = classify(analysis, others, token);
    if (c !== undefined) classified.push(c);
  }
  commentsBefore(Number.POSITIVE_INFINITY);
  return { data: encode(analysis, classified) };
}

function classify(analysis: Analysis, others: Map<number, TokenType>, token: IToken): Classified | undefined {
  const at = (type: TokenType, modifiers: string[] = []): Classified => ({
    offset: token.startOffset,
    length: token.image.length,
    type,
    modifiers,
  });
  const name = token.tokenType.name;
  if (literalTokens.has(name)) return at('number');
  if (stringTokens.has(name)) return at('string');
  if (!/^[A-Za-z_]/.test(token.image)) return undefined;
  const occurrence = analysis.occurrenceAt(token.startOffset);
  if (occurrence !== undefined && occurrence.name.range.start.offset === token.startOffset) {
    const { symbol } = occurrence;
    const modifiers: string[] = [];
    if (occurrence.declaration) modifiers.push('declaration');
    if (symbol.kind === 'let') modifiers.push('readonly');
    if (symbol.decl === undefined) modifiers.push('defaultLibrary');
    return at(symbolTokenTypes[symbol.kind], modifiers);
  }
  const other = others.get(token.startOffset);
  if (other !== undefined) return at(other);
  if (typeNames.has(token.image)) return at('type');
  if (keywords.has(token.image)) return at('keyword');
  return undefined;
}

/** Names that denote no symbol: currency codes, month names, the key columns of lookup tables. */
function otherNames(analysis: Analysis): Map<number, TokenType> {
  const names = new Map<number, TokenType>();
  const plan = analysis.file.plan;
  if (plan === undefined) return names;
  const mark = (name: Name | undefined, type: TokenType) => {
    if (name !== undefined) names.set(name.range.start.offset, type);
  };
  walk(plan, (node) => {
    if (node.kind === 'Money') mark((node as MoneyLit).currency, 'enumMember');
    else if (node.kind === 'CurrencySetting') mark((node as CurrencySetting).currency, 'enumMember');
    else if (node.kind === 'TypeRef') mark((node as TypeRef).currency, 'enumMember');
    else if (node.kind === 'FiscalYearSetting') mark((node as FiscalYearSetting).monthName, 'enumMember');
    else if (node.kind === 'LookupTable')
      for (const by of (node as LookupTableDecl).by) mark(by, 'parameter');
    else if (node.kind === 'Call') {
      const call = node as CallExpr;
      const code = call.args[1]?.value;
      if (isCurrencyArgument(call, 1) && code?.kind === 'NameRef') mark(code.name, 'enumMember');
    }
  });
  return names;
}

/** A comment as one token per line (tokens may not span lines). */
function commentLines(analysis: Analysis, token: IToken): Classified[] {
  const modifiers = token.tokenType.name === 'DocComment' ? ['documentation'] : [];
  const lines: Classified[] = [];
  const end = token.startOffset + token.image.length;
  let start = token.startOffset;
  while (start < end) {
    const line = analysis.index.position(start).line;
    const lineEnd = Math.min(end, lineContentEnd(analysis, line));
    if (lineEnd > start) lines.push({ offset: start, length: lineEnd - start, type: 'comment', modifiers });
    const next = analysis.index.offsetAt(line + 1, 0);
    if (next <= start) break;
    start = next;
  }
  return lines;
}

/** The offset just before the line break that ends `line`. */
function lineContentEnd(analysis: Analysis, line: number): number {
  let end = analysis.index.offsetAt(line + 1, 0);
  if (line + 1 >= analysis.index.lineCount) return analysis.text.length;
  while (end > 0 && (analysis.text[end - 1] === '\n' || analysis.text[end - 1] === '\r')) end--;
  return end;
}

function encode(analysis: Analysis, tokens: readonly Classified[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    const { line, character } = analysis.index.position(token.offset);
    const deltaLine = line - previousLine;
    const deltaCharacter = deltaLine === 0 ? character - previousCharacter : character;
    let modifiers = 0;
    for (const m of token.modifiers) modifiers |= modifierBit.get(m) ?? 0;
    data.push(deltaLine, deltaCharacter, token.length, typeIndex.get(token.type) ?? 0, modifiers);
    previousLine = line;
    previousCharacter = character;
  }
  return data;
}
