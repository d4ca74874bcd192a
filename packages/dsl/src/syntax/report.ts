/**
 * Builds syntax diagnostics with the default severity of their code.
 */
import { type Code, codes } from '../diagnostics/codes.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';

/** A diagnostic of `code` with its default severity. */
export function diagnostic(code: Code, message: string, range: Range): Diagnostic {
  return { code, severity: codes[code].severity, message, range };
}

/** Shows source text in a message: `` `x` ``, shortened when long. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const shown = oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
  return `\`${shown}\``;
}
