/**
 * Find references: every place the name under the cursor is used, optionally with its
 * declarations. Occurrences are indexed by symbol once per text, so a request is one lookup.
 */
import { analysisOf } from './analysis.js';
import type { Location } from './types.js';

/** Options of {@link getReferences}. */
export interface ReferenceOptions {
  /** Include the declaring names (default true). */
  includeDeclaration?: boolean;
}

/** The uses (and, by default, declarations) of the name at `offset`, in text order. */
export function getReferences(text: string, offset: number, options: ReferenceOptions = {}): Location[] {
  const analysis = analysisOf(text);
  const occurrence = analysis.occurrenceAt(offset);
  if (occurrence === undefined) return [];
  const includeDeclaration = options.includeDeclaration ?? true;
  return analysis
    .occurrencesOf(occurrence.symbol)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ range: o.name.range }));
}
