/**
 * How a symbol is presented in hover and completion: a one-line signature in plan syntax
 * (`(measure) attainment: Percent`) and its documentation.
 */
import type { PlanSymbol } from '../bind/binding.js';
import { kindWord } from '../bind/messages.js';
import { builtinFunction } from '../check/builtins.js';
import type { TypeRef } from '../syntax/ast.js';
import type { Analysis } from './analysis.js';

/** The symbol's value type in plan words: the checker's, else the declared one. */
export function typeText(analysis: Analysis, symbol: PlanSymbol): string | undefined {
  if (symbol.kind === 'source' || symbol.kind === 'function') return undefined;
  const inferred = analysis.typeOf(symbol);
  if (inferred !== undefined) return inferred;
  if (symbol.type !== undefined) return symbol.type;
  const decl = symbol.decl;
  if (decl?.kind === 'Field' || decl?.kind === 'Let' || decl?.kind === 'Measure' || decl?.kind === 'Metric') {
    return typeRefText(decl.type);
  }
  return undefined;
}

function typeRefText(ref: TypeRef | undefined): string | undefined {
  if (ref?.name === undefined) return undefined;
  return ref.currency === undefined ? ref.name : `${ref.name}(${ref.currency.text})`;
}

/** The name as it is written where it is used: `deals.amount`, `payee.ote`, `period.start`. */
export function qualifiedName(symbol: PlanSymbol): string {
  if (symbol.kind === 'payee-attribute') return `payee.${symbol.name}`;
  if (symbol.kind === 'field') return `${symbol.parent?.name ?? 'period'}.${symbol.name}`;
  return symbol.name;
}

/** One line of plan syntax that says what the symbol is. */
export function signatureOf(analysis: Analysis, symbol: PlanSymbol): string {
  if (symbol.kind === 'function')
    return `(function) ${builtinFunction(symbol.name)?.signature ?? symbol.name}`;
  const type = typeText(analysis, symbol);
  const decl = symbol.decl;
  const label =
    decl !== undefined && 'label' in decl && decl.label !== undefined ? ` "${decl.label.value}"` : '';
  return `(${kindWord(symbol)}) ${qualifiedName(symbol)}${label}${type === undefined ? '' : `: ${type}`}`;
}

/** The symbol's documentation: its doc comment, or the built-in's description. */
export function documentationOf(symbol: PlanSymbol): string | undefined {
  if (symbol.kind === 'function') return builtinFunction(symbol.name)?.doc ?? symbol.doc;
  return symbol.doc;
}

/** Hover text: the signature as a code block, then the documentation. */
export function hoverMarkdown(analysis: Analysis, symbol: PlanSymbol): string {
  const doc = documentationOf(symbol);
  const code = `\`\`\`attain\n${signatureOf(analysis, symbol)}\n\`\`\``;
  return doc === undefined ? code : `${code}\n\n${doc}`;
}
