/**
 * The texts of name-resolution diagnostics, kept apart from the resolution logic. Messages are
 * written for comp admins: they name the plan's own words and say what to do.
 */
import type { PlanSymbol, SymbolKind } from './binding.js';

const kindWords: Record<SymbolKind, string> = {
  source: 'source',
  field: 'field',
  'payee-attribute': 'payee attribute',
  let: 'definition',
  measure: 'measure',
  quota: 'quota',
  credit: 'credit',
  'rate-table': 'rate table',
  'lookup-table': 'lookup table',
  'pay-curve': 'pay curve',
  earning: 'earning',
  draw: 'draw',
  guarantee: 'guarantee',
  holdback: 'holdback',
  clawback: 'clawback',
  adjustment: 'adjustment',
  territory: 'territory',
  metric: 'metric',
  signal: 'signal',
  function: 'function',
};

/** The kind of a symbol in words: "rate table", "commission" (for a `commission` earning). */
export function kindWord(symbol: PlanSymbol): string {
  if (symbol.decl?.kind === 'Earning') return symbol.decl.earningKind;
  return kindWords[symbol.kind];
}

/** A kind word with its article: "a rate table", "an earning". */
export function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;

export const messages = {
  unknownName: (name: string, suggestion: string | undefined, rowSource?: string): string =>
    rowSource === undefined
      ? `There is no \`${name}\` in this plan.${didYouMean(suggestion)}`
      : `There is no \`${name}\` in this plan or among the fields of \`${rowSource}\`.${didYouMean(suggestion)}`,
  duplicate: (name: string, versioned: boolean): string =>
    versioned
      ? `\`${name}\` is defined twice. Give both definitions an \`effective\` range to make them versions of one definition.`
      : `\`${name}\` is defined twice.`,
  duplicateKinds: (name: string, first: PlanSymbol, second: PlanSymbol): string =>
    `\`${name}\` is defined twice, as ${withArticle(kindWord(first))} and as ${withArticle(kindWord(second))}.`,
  firstDefinition: (name: string): string => `\`${name}\` is first defined here`,
  unknownField: (owner: string, field: string, suggestion: string | undefined): string =>
    `\`${owner}\` has no field \`${field}\`.${didYouMean(suggestion)}`,
  unknownPeriodField: (field: string, suggestion: string | undefined): string =>
    `The period has no \`${field}\`; it has \`start\` and \`end\`.${didYouMean(suggestion)}`,
  noFields: (owner: PlanSymbol): string =>
    `\`${owner.name}\` is ${withArticle(kindWord(owner))} and has no fields.`,
  noFieldsHere: (field: string): string =>
    `\`.${field}\` cannot be read here: only sources, credits, payees and the period have fields.`,
  unknownFunction: (name: string, suggestion: string | undefined): string =>
    `There is no function \`${name}\`.${didYouMean(suggestion)}`,
  ifIsNotAFunction: (name: string): string =>
    `There is no function \`${name}\`: a choice is written \`if condition then value else other\`, such as \`if attainment >= 100% then 500 USD else 0 USD\`.`,
  notAFunction: (symbol: PlanSymbol, hint: string | undefined): string =>
    `\`${symbol.name}\` is ${withArticle(kindWord(symbol))}, not a function.${hint === undefined ? '' : ` ${hint}`}`,
  cycle: (path: readonly PlanSymbol[]): string =>
    `\`${path[0]?.name ?? ''}\` depends on itself: ${path.map((s) => s.name).join(' → ')}`,
  cycleStep: (from: string, to: string): string => `\`${from}\` uses \`${to}\` here`,
  chainTooDeep: (chain: readonly PlanSymbol[], limit: number): string => {
    const names = chain.length <= 4 ? chain : [...chain.slice(0, 3), undefined, chain[chain.length - 1]];
    const path = names.map((s) => (s ? `\`${s.name}\`` : '…')).join(' → ');
    return `\`${chain[0]?.name ?? ''}\` is worked out through a chain of ${chain.length.toLocaleString('en-US')} definitions, each used inside the next (${path}): too deep to calculate (each definition counts 3 and each level of its expression 1, every operator of a sum counting, up to ${limit.toLocaleString('en-US')} in all). Compute it in fewer steps, with a sum or a table`;
  },
  unused: (symbol: PlanSymbol): string => `The ${kindWord(symbol)} \`${symbol.name}\` is never used.`,
  unknownSource: (name: string, suggestion: string | undefined): string =>
    `There is no source \`${name}\` in this plan.${didYouMean(suggestion)}`,
  wrongKind: (symbol: PlanSymbol, expected: string): string =>
    `\`${symbol.name}\` is ${withArticle(kindWord(symbol))}, not ${withArticle(expected)}.`,
  unknownEarning: (name: string, suggestion: string | undefined): string =>
    `There is no earning \`${name}\` in this plan.${didYouMean(suggestion)}`,
  declaredHere: (symbol: PlanSymbol): string => `\`${symbol.name}\` is declared here`,
  duplicateField: (field: string, owner: string): string =>
    `The field \`${field}\` is declared twice in ${owner}.`,
  builtinCreditField: (field: string, meaning: string): string =>
    `\`${field}\` is a built-in field of every credit (${meaning}), so a source cannot declare a field of that name: rename it, for example \`${field}_amount\`, and its column in the data.`,
  builtinAttribute: (field: string): string =>
    `\`${field}\` is a built-in payee attribute; it does not need to be declared.`,
  unknownAttribute: (attribute: string, suggestion: string | undefined): string =>
    `Payees have no attribute \`${attribute}\`.${didYouMean(suggestion)} Attributes are declared in the \`payee { }\` block.`,
};

/** How to use a table or curve that was called like a function. */
export function callHint(symbol: PlanSymbol): string | undefined {
  switch (symbol.kind) {
    case 'rate-table':
      return `Use \`tiered(amount, ${symbol.name})\` or \`rate(${symbol.name})\`.`;
    case 'lookup-table':
      return `Use \`lookup(${symbol.name}, key, ...)\`.`;
    case 'pay-curve':
      return `Use \`curve(${symbol.name})\`.`;
    default:
      return undefined;
  }
}
