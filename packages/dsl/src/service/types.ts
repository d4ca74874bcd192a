/**
 * Plain data shapes of the language service, modelled on the Language Server Protocol so that
 * both a Monaco adapter and an LSP server can pass them on with a thin mapping. Ranges are the
 * language's own {@link Range} (0-based line and UTF-16 character, plus offset).
 */
import type { Range } from '../diagnostics/diagnostic.js';

/** What a completion proposes; the names are LSP's (and Monaco's) completion item kinds, lower-cased. */
export type CompletionItemKind =
  | 'keyword'
  | 'function'
  | 'field'
  | 'property'
  | 'variable'
  | 'class'
  | 'struct'
  | 'module'
  | 'event'
  | 'enumMember'
  | 'unit';

/** One completion proposal. */
export interface CompletionItem {
  label: string;
  kind: CompletionItemKind;
  /** A short line next to the label: a signature, a type, the kind of declaration. */
  detail?: string;
  /** Markdown shown beside the list (doc comment or built-in documentation). */
  documentation?: string;
  /** Text to insert when it differs from `label`. */
  insertText?: string;
}

/** Hover information for the name under the cursor. */
export interface Hover {
  /** Markdown. */
  contents: string;
  /** The range of the hovered name. */
  range: Range;
}

/** A place in a document. `uri` is absent for the document the request was about. */
export interface Location {
  uri?: string;
  range: Range;
}

/** Kinds of outline entries; the names are LSP's symbol kinds, lower-cased. */
export type DocumentSymbolKind =
  | 'file'
  | 'module'
  | 'namespace'
  | 'class'
  | 'field'
  | 'property'
  | 'function'
  | 'variable'
  | 'constant'
  | 'struct'
  | 'event'
  | 'enum'
  | 'enumMember';

/** One entry of the document outline. */
export interface DocumentSymbol {
  name: string;
  /** The declaration kind in the plan's words ("rate table", "commission") or a label. */
  detail?: string;
  kind: DocumentSymbolKind;
  /** The whole declaration. */
  range: Range;
  /** The declaring name (what an editor selects and reveals). */
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** Semantic tokens in the LSP relative encoding: five integers per token. */
export interface SemanticTokens {
  /** `deltaLine, deltaStartCharacter, length, tokenType, tokenModifiers` for each token. */
  data: number[];
}

/** The token types and modifiers that `SemanticTokens.data` indexes into. */
export interface SemanticTokensLegend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

/** A range of lines an editor may fold; both lines are 0-based and inclusive. */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** One replacement in the document. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** The edits of a rename, or why it cannot be done. */
export type RenameResult = { changes: TextEdit[] } | { error: string };
