/**
 * Rename: changes a declared name and every reference to it, after checking that the new name is
 * a valid name, is free in its scope, and changes the meaning of no other name (checked by
 * analysing the renamed text: a bare use must not become a field, nor a field a declaration).
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { keywords, softKeywords, typeNames } from '../syntax/tokens.js';
import { Analysis, analysisOf, type Occurrence } from './analysis.js';
import type { RenameResult, TextEdit } from './types.js';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The range of the name at `offset` if it can be renamed (for an editor's rename box). */
export function prepareRename(text: string, offset: number): Range | undefined {
  const occurrence = analysisOf(text).occurrenceAt(offset);
  return occurrence?.symbol.decl === undefined ? undefined : occurrence.name.range;
}

/** The edits that rename the name at `offset` to `newName`, or why that cannot be done. */
export function rename(text: string, offset: number, newName: string): RenameResult {
  const analysis = analysisOf(text);
  const occurrence = analysis.occurrenceAt(offset);
  if (occurrence === undefined) return { error: 'Place the cursor on a name to rename it.' };
  const { symbol } = occurrence;
  if (symbol.decl === undefined) {
    return { error: `\`${symbol.name}\` is built into the language and cannot be renamed.` };
  }
  const invalid = invalidName(newName);
  if (invalid !== undefined) return { error: invalid };
  if (newName === symbol.name) return { changes: [] };
  const taken = takenBy(analysis, symbol, newName);
  if (taken !== undefined) return { error: taken };
  const occurrences = analysis.occurrencesOf(symbol);
  const changes: TextEdit[] = occurrences.map((o) => ({ range: o.name.range, newText: newName }));
  if (!keepsMeaning(analysis, occurrences, changes, newName)) {
    return {
      error: `Renaming \`${symbol.name}\` to \`${newName}\` would change what other names in the plan refer to.`,
    };
  }
  return { changes };
}

function invalidName(name: string): string | undefined {
  if (!identifier.test(name)) {
    return `\`${name}\` is not a valid name: use letters, digits and \`_\`, starting with a letter or \`_\`.`;
  }
  if ((keywords.has(name) && !softKeywords.has(name)) || typeNames.has(name)) {
    return `\`${name}\` is a keyword of the plan language and cannot be used as a name.`;
  }
  return undefined;
}

function takenBy(analysis: Analysis, symbol: PlanSymbol, name: string): string | undefined {
  const { binding } = analysis;
  if (symbol.kind === 'field') {
    const parent = symbol.parent;
    if (parent !== undefined && binding.fieldsOf(parent)?.has(name))
      return `\`${parent.name}\` already has a field \`${name}\`.`;
    return undefined;
  }
  if (symbol.kind === 'payee-attribute') {
    return binding.payeeAttributes.has(name) ? `Payees already have an attribute \`${name}\`.` : undefined;
  }
  return binding.declarations.has(name) ? `\`${name}\` is already defined in this plan.` : undefined;
}

/**
 * Analyses the renamed text: every renamed occurrence must still denote the renamed symbol, and
 * nothing else may have come to denote it. (A fresh analysis: the cached one stays for `text`.)
 */
function keepsMeaning(
  before: Analysis,
  occurrences: readonly Occurrence[],
  changes: readonly TextEdit[],
  newName: string,
): boolean {
  const after = new Analysis(applyEdits(before.text, changes));
  if (syntaxErrors(after) > syntaxErrors(before)) return false;
  const shift = newName.length - (occurrences[0]?.name.text.length ?? 0);
  // Occurrences are in text order, so the i-th has moved by i times the change in length.
  const moved = occurrences.map((o, i) => o.name.range.start.offset + i * shift);
  const declarationIndex = occurrences.findIndex((o) => o.declaration);
  const target = after.occurrenceAt(moved[declarationIndex] ?? -1);
  if (target === undefined) return false;
  const renamed = after.occurrencesOf(target.symbol);
  return renamed.length === moved.length && renamed.every((o, i) => o.name.range.start.offset === moved[i]);
}

const syntaxErrors = (analysis: Analysis): number =>
  analysis.diagnostics.filter((d) => d.code.startsWith('AT1')).length;

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.range.start.offset) + edit.newText;
    at = edit.range.end.offset;
  }
  return result + text.slice(at);
}
