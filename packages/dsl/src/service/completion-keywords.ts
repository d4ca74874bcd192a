/**
 * The keywords completion proposes at each position: what may start a declaration, and the
 * clauses each kind of declaration may continue with. Multi-word keywords are proposed whole.
 */
import { monthNames } from '../syntax/months.js';

/** Keywords that start a declaration inside the plan's braces. */
export const declarationKeywords: readonly string[] = [
  'source',
  'payee',
  'let',
  'measure',
  'quota',
  'credit',
  'rate table',
  'lookup table',
  'pay curve',
  'earning',
  'commission',
  'bonus',
  'spiff',
  'milestone',
  'mbo',
  'draw',
  'guarantee',
  'holdback',
  'clawback',
  'adjustment',
  'territories',
  'metric',
  'signal',
];

/** Plan header settings. */
export const headerKeywords: readonly string[] = [
  'currency',
  'period',
  'fiscal year starts',
  'effective',
  'rounding',
];

const earningClauses = [
  'per line',
  'per period',
  'when',
  'cap',
  'floor',
  'during',
  'once',
  'paid year to date',
  'effective',
];

/** Clauses that may follow a complete part of a declaration, by the declaration's first keyword. */
export const clauseKeywords: Readonly<Record<string, readonly string[]>> = {
  let: ['effective'],
  measure: ['effective'],
  quota: ['seasonality', 'ramp', 'prorate by calendar days', 'relief', 'effective'],
  credit: ['where'],
  rate: ['marginal', 'retroactive', 'hybrid at', 'effective'],
  earning: earningClauses,
  commission: earningClauses,
  bonus: earningClauses,
  spiff: earningClauses,
  milestone: earningClauses,
  mbo: earningClauses,
  draw: ['recoverable', 'non-recoverable', 'for', 'true up at year end'],
  guarantee: ['for', 'from'],
  holdback: ['of', 'until'],
  clawback: ['cancelled on', 'within', 'days', 'at original rate'],
  signal: ['on', 'when', 'message'],
  territories: ['by priority', 'by score'],
};

/** Clauses inside a block, by the block's owner. */
export const blockKeywords: Readonly<Record<string, readonly string[]>> = {
  credit: ['amount', 'to', 'split by'],
  territories: ['territory'],
  territory: ['where', 'named', 'priority', 'score', 'assign'],
};

/** Clauses of a credit block that may follow a recipient (`to owner share 50% as overlay`). */
export const recipientKeywords: readonly string[] = ['share', 'as overlay'];

/** Keywords that may start an expression. */
export const expressionKeywords: readonly string[] = [
  'if',
  'not',
  'payee',
  'period',
  'today',
  'true',
  'false',
];

/** Keywords that may continue a complete expression. */
export const continuationKeywords: readonly string[] = ['and', 'or', 'in', 'not in'];

/** Field modifiers in a source or payee schema. */
export const fieldModifiers: readonly string[] = ['key', 'owner', 'dated', 'optional', 'converted on'];

/** Type names of fields and declared types. */
export const typeKeywords: readonly string[] = [
  'Number',
  'Integer',
  'Percent',
  'Money',
  'Date',
  'Period',
  'Text',
  'Boolean',
  'Payee',
];

/** What follows a keyword that is always followed by the same words. */
export const followingKeywords: Readonly<Record<string, readonly string[]>> = {
  rate: ['table'],
  lookup: ['table'],
  pay: ['curve'],
  per: ['line', 'period'],
  split: ['by'],
  paid: ['year to date'],
  prorate: ['by calendar days'],
  hybrid: ['at'],
  cancelled: ['on'],
  fiscal: ['year starts'],
  starts: monthNames,
  rounding: ['half up', 'half even', 'down', 'up'],
};

/** Words that follow a number in a particular clause (`for 2 periods`, `within 90 days`). */
export const unitAfter: Readonly<Record<string, string>> = {
  for: 'periods',
  within: 'days',
  to: 'levels',
};

/** Tokens after which an expression starts. */
export const expressionStarters = new Set([
  '=',
  '(',
  ',',
  '[',
  '+',
  '-',
  '*',
  '/',
  '<',
  '<=',
  '>',
  '>=',
  '!=',
  'and',
  'or',
  'not',
  'if',
  'then',
  'else',
  'in',
  'where',
  'when',
  'cap',
  'floor',
  'relief',
  'until',
  'score',
]);
