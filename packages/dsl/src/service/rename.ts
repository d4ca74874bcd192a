/**
 * Rename: changes a declared name and every reference to it, after checking that the new name is
 * a valid name, is free in its scope, changes the meaning of no other name (checked by analysing
 * the renamed text: a bare use must not become a field, nor a field a declaration), and breaks
 * nothing that reads a name implicitly (a credit reads its source's `amount` field by default, a
 * split source needs `payee` and `share`): the renamed plan may have no more diagnostics of any code than the original.
 */
import type { PlanSymbol } from '../bind/binding.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
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
  const after = new Analysis(applyEdits(text, changes));
  if (!keepsMeaning(analysis, after, occurrences, newName)) {
    return {
      error: `Renaming \`${symbol.name}\` to \`${newName}\` would change what other names in the plan refer to.`,
    };
  }
  const broken = newError(analysis, after);
  if (broken !== undefined) {
    return {
      error: `Renaming \`${symbol.name}\` to \`${newName}\` would break the plan: ${broken.message}.`,
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
 * Checks the analysis of the renamed text: every renamed occurrence must still denote the renamed
 * symbol, and nothing else may have come to denote it. (A fresh analysis: the cached one stays for
 * the original text.)
 */
function keepsMeaning(
  before: Analysis,
  after: Analysis,
  occurrences: readonly Occurrence[],
  newName: string,
): boolean {
  if (countOf(after, syntax) > countOf(before, syntax)) return false;
  const shift = newName.length - (occurrences[0]?.name.text.length ?? 0);
  // Occurrences are in text order, so the i-th has moved by i times the change in length.
  const moved = occurrences.map((o, i) => o.name.range.start.offset + i * shift);
  const declarationIndex = occurrences.findIndex((o) => o.declaration);
  const target = after.occurrenceAt(moved[declarationIndex] ?? -1);
  if (target === undefined) return false;
  const renamed = after.occurrencesOf(target.symbol);
  return renamed.length === moved.length && renamed.every((o, i) => o.name.range.start.offset === moved[i]);
}

const syntax = (code: string): boolean => code.startsWith('AT1');

const countOf = (analysis: Analysis, matches: (code: string) => boolean): number =>
  analysis.diagnostics.filter((d) => matches(d.code)).length;

/**
 * The first diagnostic of the renamed text whose code occurs more often than before the rename (a
 * rename that broke an implicit reference, such as the `amount` field a credit reads by default).
 */
function newError(before: Analysis, after: Analysis): Diagnostic | undefined {
  const counts = new Map<string, number>();
  for (const d of before.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  // Each diagnostic of the renamed text uses up one of the same code from before.
  return after.diagnostics.find((d) => {
    const left = counts.get(d.code) ?? 0;
    counts.set(d.code, left - 1);
    return left <= 0;
  });
}

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
