/**
 * Hover: what the name under the cursor is — its kind, type and documentation.
 */
import { analysisOf } from './analysis.js';
import { hoverMarkdown } from './describe.js';
import type { Hover } from './types.js';

/** Hover information for the name at `offset`, or undefined when there is no name there. */
export function getHover(text: string, offset: number): Hover | undefined {
  const analysis = analysisOf(text);
  const occurrence = analysis.occurrenceAt(offset);
  if (occurrence === undefined) return undefined;
  return { contents: hoverMarkdown(analysis, occurrence.symbol), range: occurrence.name.range };
}
