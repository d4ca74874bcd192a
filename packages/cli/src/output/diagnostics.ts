/**
 * Diagnostics as terminal text, in the `file:line:col: severity CODE: message` form that editors
 * and CI annotations recognise (1-based line and column, as tsc prints them).
 */
import type { Diagnostic } from '@attain/dsl';
import { plural } from './plural.js';
import type { Style } from './style.js';

type Position = Diagnostic['range']['start'];

/** `file:line:col` with a 1-based line and column. */
export function location(file: string, position: Position): string {
  return `${file}:${position.line + 1}:${position.character + 1}`;
}

function severityWord(severity: Diagnostic['severity'], style: Style): string {
  switch (severity) {
    case 'error':
      return style.red(style.bold('error'));
    case 'warning':
      return style.yellow(style.bold('warning'));
    case 'info':
      return style.cyan(style.bold('info'));
  }
}

/**
 * One diagnostic as text: its own line, then one indented line per related location. Every line
 * starts with `indent` and ends with a newline.
 */
export function formatDiagnostic(file: string, diagnostic: Diagnostic, style: Style, indent = ''): string {
  const head =
    `${indent}${style.bold(location(file, diagnostic.range.start))}: ` +
    `${severityWord(diagnostic.severity, style)} ${style.dim(diagnostic.code)}: ${diagnostic.message}\n`;
  const related = (diagnostic.related ?? []).map(
    (info) => `${indent}    ${style.dim(location(file, info.range.start))}: ${info.message}\n`,
  );
  return head + related.join('');
}

/** Diagnostics in reading order (by start position); diagnostics at one position keep their order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** How many diagnostics of each severity. */
export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { errors: 0, warnings: 0, infos: 0 };
}

/** Adds the diagnostics' severities to `into` and returns it. */
export function countDiagnostics(diagnostics: readonly Diagnostic[], into: Tally = emptyTally()): Tally {
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') into.errors++;
    else if (diagnostic.severity === 'warning') into.warnings++;
    else into.infos++;
  }
  return into;
}

/** `0 errors, 1 warning` (infos are mentioned only when there are some). */
export function describeTally(tally: Tally): string {
  const parts = [plural(tally.errors, 'error'), plural(tally.warnings, 'warning')];
  if (tally.infos > 0) parts.push(plural(tally.infos, 'info message'));
  return parts.join(', ');
}
