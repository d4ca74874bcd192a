/**
 * A TextMate grammar of the plan language, for highlighters that read them: Shiki (VitePress and
 * other documentation sites), VS Code and the editors that share its grammars, GitHub-style
 * renderers. It is made from the lexer's own tables (keywords, soft keywords, type names), the
 * built-in functions and the currency codes, so it cannot fall behind the language.
 *
 * A grammar sees text, not the syntax tree: it colours by the shape of a token and the words
 * around it. Where the plan's meaning matters (is `amount` a field or the `amount` of a split?),
 * an editor should layer {@link getSemanticTokens} over it.
 */
import { builtinFunctions } from '../check/builtins.js';
import { knownCurrencies } from '../check/currencies.js';
import { keywords, softKeywords, typeNames } from '../syntax/tokens.js';
import { declarationKeywords } from './completion-keywords.js';

/** A rule of a TextMate grammar (the subset this grammar uses). */
export interface TextMateRule {
  include?: string;
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  endCaptures?: Record<string, { name: string }>;
  patterns?: TextMateRule[];
}

/** A TextMate grammar, in the JSON shape Shiki's `LanguageRegistration` and VS Code read. */
export interface TextMateGrammar {
  /** The language id: `attain` (a fenced code block written ```` ```attain ````). */
  name: string;
  displayName: string;
  scopeName: string;
  fileTypes: string[];
  patterns: TextMateRule[];
  repository: Record<string, TextMateRule>;
}

/**
 * Keywords that declare something, followed by the name they declare: those that start a
 * declaration (completion's list; `payee {` and `territories on accounts` name nothing, the
 * two-word ones are matched whole) and `territory` inside `territories`.
 */
const DECLARING = [
  ...declarationKeywords.filter((k) => !k.includes(' ') && k !== 'payee' && k !== 'territories'),
  'territory',
];
/** Word operators and the literal keywords, scoped apart from the other keywords. */
const OPERATORS = ['and', 'or', 'not', 'in'];
const CONSTANTS = ['true', 'false', 'today'];

const words = (list: Iterable<string>) =>
  [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');

function grammar(): TextMateGrammar {
  const special = new Set([...OPERATORS, ...CONSTANTS]);
  const hard = [...keywords.keys()].filter((k) => !softKeywords.has(k) && !special.has(k));
  const soft = [...softKeywords];
  return {
    name: 'attain',
    displayName: 'Attain',
    scopeName: 'source.attain',
    fileTypes: ['attain'],
    patterns: [
      { include: '#comments' },
      { include: '#declarations' },
      { include: '#literals' },
      { include: '#names' },
      { include: '#operators' },
    ],
    repository: {
      comments: {
        patterns: [
          {
            name: 'comment.block.documentation.attain',
            begin: '/\\*\\*(?!/)',
            end: '\\*/',
          },
          { name: 'comment.block.attain', begin: '/\\*', end: '\\*/' },
          { name: 'comment.line.number-sign.attain', match: '#.*$' },
        ],
      },
      declarations: {
        patterns: [
          {
            // `rate table commission_rates`, `lookup table regions`, `pay curve bonus_curve`
            match: '\\b(rate|lookup)\\s+(table)\\s+([A-Za-z_][A-Za-z0-9_]*)',
            captures: {
              '1': { name: 'keyword.other.attain' },
              '2': { name: 'keyword.other.attain' },
              '3': { name: 'entity.name.type.table.attain' },
            },
          },
          {
            match: '\\b(pay)\\s+(curve)\\s+([A-Za-z_][A-Za-z0-9_]*)',
            captures: {
              '1': { name: 'keyword.other.attain' },
              '2': { name: 'keyword.other.attain' },
              '3': { name: 'entity.name.type.table.attain' },
            },
          },
          {
            // At the start of a line only: `quota` and `credit` are also words inside rules.
            match: `^\\s*(${words(DECLARING)})\\s+([A-Za-z_][A-Za-z0-9_]*)`,
            captures: {
              '1': { name: 'keyword.other.declaration.attain' },
              '2': { name: 'entity.name.function.attain' },
            },
          },
        ],
      },
      literals: {
        patterns: [
          {
            name: 'string.quoted.double.attain',
            begin: '"',
            end: '"|$',
            patterns: [{ name: 'constant.character.escape.attain', match: '\\\\.' }],
          },
          // Before numbers: a date or a period starts like one.
          { name: 'constant.numeric.date.attain', match: '\\b\\d{4}-\\d{2}-\\d{2}\\b' },
          { name: 'constant.numeric.period.attain', match: '\\b\\d{4}-(?:[QH]\\d|\\d{2})\\b' },
          { name: 'constant.numeric.period.attain', match: '\\bFY\\d{4}\\b' },
          { name: 'constant.numeric.percent.attain', match: '\\b\\d[\\d_]*(?:\\.\\d[\\d_]*)?%' },
          { name: 'constant.numeric.attain', match: '\\b\\d[\\d_]*(?:\\.\\d[\\d_]*)?\\b' },
          { name: 'constant.language.attain', match: `\\b(?:${words(CONSTANTS)})\\b` },
          { name: 'support.constant.currency.attain', match: `\\b(?:${knownCurrencies().join('|')})\\b` },
        ],
      },
      names: {
        patterns: [
          { name: 'support.type.attain', match: `\\b(?:${words(typeNames.keys())})\\b` },
          {
            // A built-in function where it is called: `sum(`, `tiered (`.
            match: `\\b(${words(builtinFunctions.map((f) => f.name))})\\s*(?=\\()`,
            captures: { '1': { name: 'support.function.attain' } },
          },
          { name: 'keyword.operator.word.attain', match: `\\b(?:${words(OPERATORS)})\\b` },
          { name: 'keyword.other.attain', match: `\\b(?:${words(hard)})\\b` },
          {
            // A soft keyword is a setting word, unless it is a name: after a dot (`deals.amount`)
            // or declared before a colon (`amount: Money`).
            name: 'keyword.other.setting.attain',
            match: `(?<![.\\w])(?:${words(soft)})\\b(?!\\s*:)`,
          },
          { name: 'variable.other.attain', match: '\\b[A-Za-z_][A-Za-z0-9_]*\\b' },
        ],
      },
      operators: {
        patterns: [
          { name: 'keyword.operator.comparison.attain', match: '!=|<=|>=|=|<|>' },
          { name: 'keyword.operator.arithmetic.attain', match: '[-+*/]' },
          { name: 'punctuation.separator.attain', match: '[,:]' },
          { name: 'punctuation.section.braces.attain', match: '[{}]' },
          { name: 'punctuation.section.parens.attain', match: '[()]' },
          { name: 'punctuation.section.brackets.attain', match: '[\\[\\]]' },
          { name: 'punctuation.accessor.attain', match: '\\.' },
        ],
      },
    },
  };
}

/**
 * The TextMate grammar of the plan language, scope `source.attain`. Give it to Shiki as a
 * language (`langs: [textMateGrammar]`, or VitePress's `markdown.languages`) or save it as JSON
 * for an editor (`attain.tmLanguage.json`).
 */
export const textMateGrammar: TextMateGrammar = grammar();
