/**
 * Go to definition: where the name under the cursor is declared (every version of a versioned
 * definition). Built-in names have no declaration in the text.
 */
import { analysisOf } from './analysis.js';
import type { Location } from './types.js';

/** The declarations of the name at `offset`; empty when there is none in the text. */
export function getDefinition(text: string, offset: number): Location[] {
  const analysis = analysisOf(text);
  const occurrence = analysis.occurrenceAt(offset);
  if (occurrence === undefined) return [];
  const locations: Location[] = [];
  for (const symbol of analysis.group(occurrence.symbol)) {
    if (symbol.nameRange !== undefined) locations.push({ range: symbol.nameRange });
  }
  return locations;
}
