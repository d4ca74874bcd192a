/**
 * `@attain/dsl` — the Attain plan language: parse, check, format, and a language service.
 *
 * The whole public API of the package is exported from this file; nothing else is imported by
 * other packages. Every function here is pure (no I/O, no DOM, no `eval`) and never throws on any
 * input text: problems are returned as {@link Diagnostic} data.
 *
 * @packageDocumentation
 */

export { bind } from './bind/bind.js';
export type { Binding, PlanSymbol, Reference, SymbolKind } from './bind/binding.js';
export {
  type BuiltinFunction,
  builtinFunction,
  builtinFunctions,
  type FunctionCategory,
} from './check/builtins.js';
export { type CheckResult, check, type TypeTable } from './check/check.js';
export { isKnownCurrency, knownCurrencies } from './check/currencies.js';
export { formatType, type Type, type TypeKind } from './check/types.js';
// ---- compiling and formatting ----
export { type Analysis, analyze, type CompileOptions, type CompileResult, compile } from './compile.js';
// ---- diagnostics ----
export { type Code, type CodeInfo, codes } from './diagnostics/codes.js';
export type {
  Diagnostic,
  Position,
  Range,
  RelatedInformation,
  Severity,
} from './diagnostics/diagnostic.js';
export { binaryLevel, operandLevels } from './format/expressions.js';
export { type FormatResult, format } from './format/format.js';
export { quoteText } from './format/literals.js';
// ---- the checked plan (input of the engine) ----
export type * from './plan/plan.js';
export { PLAN_FORMAT } from './plan/plan.js';
// ---- language service (used by the Monaco editor and an LSP server) ----
export { getCompletions } from './service/completion.js';
export { getDefinition } from './service/definition.js';
export { getDiagnostics } from './service/diagnostics.js';
export { getDocumentSymbols } from './service/document-symbols.js';
export { getFoldingRanges } from './service/folding.js';
export { getHover } from './service/hover.js';
export { getReferences, type ReferenceOptions } from './service/references.js';
export { applyEdits, prepareRename, rename } from './service/rename.js';
export { getSemanticTokens, semanticTokensLegend } from './service/semantic-tokens.js';
export { type TextMateGrammar, type TextMateRule, textMateGrammar } from './service/textmate.js';
export type {
  CompletionItem,
  CompletionItemKind,
  DocumentSymbol,
  DocumentSymbolKind,
  FoldingRange,
  Hover,
  Location,
  RenameResult,
  SemanticTokens,
  SemanticTokensLegend,
  TextEdit,
} from './service/types.js';
// ---- syntax tree, names and types (for tools built on the language) ----
export type * as ast from './syntax/ast.js';
export { monthNames } from './syntax/months.js';
export { type ParseResult, parse } from './syntax/parse.js';
export { LineIndex, rangeContains, rangeFromOffsets } from './syntax/positions.js';
