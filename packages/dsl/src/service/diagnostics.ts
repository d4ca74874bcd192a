/**
 * Diagnostics for the editor: every finding of every phase (syntax, names, types and units,
 * tables, crediting, dates), sorted by position.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { analysisOf } from './analysis.js';

/** The diagnostics of `text`. */
export function getDiagnostics(text: string): Diagnostic[] {
  return analysisOf(text).diagnostics;
}
