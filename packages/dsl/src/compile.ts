/**
 * The front door of the language: `compile(source)` parses, binds and checks a plan and, when no
 * error was found, lowers it to the typed `Plan` the engine runs. `analyze(source)` does the same
 * work without lowering and keeps every intermediate result for the language service.
 */
import { bind } from './bind/bind.js';
import type { Binding } from './bind/binding.js';
import { check, type TypeTable } from './check/check.js';
import type { CheckContext } from './check/context.js';
import { T } from './check/types.js';
import { type Diagnostic, isSyntaxError } from './diagnostics/diagnostic.js';
import { lower } from './plan/lower.js';
import type { Plan } from './plan/plan.js';
import type { File } from './syntax/ast.js';
import { parse } from './syntax/parse.js';

/** Options of {@link compile}. */
export interface CompileOptions {
  /** Where the source comes from (a file path or URI); recorded in the Plan for traces. */
  uri?: string;
}

/** What {@link compile} gives: the Plan exactly when no diagnostic is an error. */
export interface CompileResult {
  plan?: Plan;
  /** Every diagnostic of every phase, sorted by position. */
  diagnostics: Diagnostic[];
}

/** Everything known about a source after checking, for the language service. */
export interface Analysis {
  /** The syntax tree (with error recovery: present even when the text has syntax errors). */
  file: File;
  /** What each name refers to. */
  binding: Binding;
  /** The type of any expression node or symbol. */
  types: TypeTable;
  /** Every diagnostic of every phase, sorted by position. */
  diagnostics: Diagnostic[];
}

interface FullAnalysis extends Analysis {
  context?: CheckContext;
}

const byPosition = (a: Diagnostic, b: Diagnostic): number =>
  a.range.start.offset - b.range.start.offset ||
  a.range.end.offset - b.range.end.offset ||
  a.code.localeCompare(b.code);

/** Nothing but spaces on one line. */
const sameLineSpace = /^[ \t]*$/;

/** The families a syntax error can make meaningless: names (AT2), types (AT3) and tables (AT4). */
const CASCADING = /^AT[234]/;

/**
 * Leaves out the name, type and table diagnostics that a syntax error makes meaningless: those
 * whose range overlaps a syntax error's, or ends right before one on the same line (only spaces
 * between), as `bonus b = 100` is "not Money" only because `usd` in `100 usd` could not be read.
 * They would describe the half-read text, not the plan; once the syntax error is fixed, the plan
 * is checked again and any that still apply are reported. Other families (dates, crediting,
 * earnings...) and anything on another line are always kept.
 */
export function withoutCascades(diagnostics: readonly Diagnostic[], source: string): Diagnostic[] {
  const syntax = diagnostics.filter(isSyntaxError);
  if (syntax.length === 0) return [...diagnostics];
  const hides = (d: Diagnostic, s: Diagnostic): boolean => {
    const [from, to] = [d.range.start.offset, d.range.end.offset];
    const [sFrom, sTo] = [s.range.start.offset, s.range.end.offset];
    // A missing token (AT1002) is reported over the token before it, which was read: it hides
    // what starts there (`rate` read as a table), not an expression that merely ends with it.
    if (s.code === 'AT1002' && from < sFrom) return false;
    if (from < sTo && sFrom < to) return true;
    // An empty range (the end of the file) hides what it is inside of or touches.
    if ((from === to || sFrom === sTo) && from <= sTo && sFrom <= to) return true;
    return to <= sFrom && sameLineSpace.test(source.slice(to, sFrom));
  };
  return diagnostics.filter((d) => !CASCADING.test(d.code) || !syntax.some((s) => hides(d, s)));
}

/** Reported instead of throwing if a phase fails on some input: a bug, never the user's mistake. */
function internalError(phase: string, error: unknown): Diagnostic {
  const at = { line: 0, character: 0, offset: 0 };
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'AT1001',
    severity: 'error',
    message: `This plan cannot be ${phase} because of an internal error (${reason}); please report it`,
    range: { start: at, end: at },
  };
}

function analyzeFully(source: string): FullAnalysis {
  const parsed = parse(source);
  const binding = bind(parsed.file);
  const earlier = [...parsed.diagnostics, ...binding.diagnostics];
  try {
    const checked = check(parsed.file, binding, earlier);
    const diagnostics = withoutCascades([...earlier, ...checked.diagnostics], source).sort(byPosition);
    return { file: parsed.file, binding, types: checked.types, diagnostics, context: checked.context };
  } catch (error) {
    const diagnostics = withoutCascades([...earlier, internalError('checked', error)], source).sort(
      byPosition,
    );
    const unknown: TypeTable = { typeOf: () => T.Unknown, typeOfSymbol: () => T.Unknown };
    return { file: parsed.file, binding, types: unknown, diagnostics };
  }
}

/**
 * Parses, binds and checks `source`, keeping the tree, the names and the types. Never throws on
 * any input.
 */
export function analyze(source: string): Analysis {
  const { context: _context, ...analysis } = analyzeFully(source);
  return analysis;
}

/**
 * Compiles plan text: parse, bind, check and lower. `plan` is present exactly when no diagnostic
 * has error severity. Never throws on any input.
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const analysis = analyzeFully(source);
  const { diagnostics, context } = analysis;
  if (!context || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  try {
    return { plan: lower(context, options.uri), diagnostics };
  } catch (error) {
    return { diagnostics: [internalError('compiled', error), ...diagnostics] };
  }
}
