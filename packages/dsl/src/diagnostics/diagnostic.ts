/**
 * Diagnostics are data: a stable code, a severity, a message a comp admin understands, a range,
 * and related locations where another place is involved.
 */

/** A position in a source text: 0-based line and character (UTF-16 code units, as in LSP) and offset. */
export interface Position {
  line: number;
  character: number;
  offset: number;
}

/** A half-open range `[start, end)` in a source text. */
export interface Range {
  start: Position;
  end: Position;
}

/** How serious a diagnostic is: only `error` stops a plan from compiling. */
export type Severity = 'error' | 'warning' | 'info';

/** Another place that a diagnostic refers to ("the overlapping tier is here"). */
export interface RelatedInformation {
  message: string;
  range: Range;
}

/** One finding of the parser or checker. */
export interface Diagnostic {
  /** Stable code, `AT` + 4 digits; the first digit is the family (see {@link DiagnosticFamily}). */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInformation[];
}

/** True for the errors of the syntax family (AT1xxx): the text cannot be read there. */
export function isSyntaxError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && diagnostic.code.startsWith('AT1');
}
