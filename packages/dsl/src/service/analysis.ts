/**
 * One analysed text, shared by every service request. The editor asks for diagnostics, semantic
 * tokens, folding and completion on the same text after each keystroke, so the last analysis is
 * kept (a one-entry cache keyed by the text) and its indexes are built once.
 */
import type { IToken } from 'chevrotain';
import type { Binding, PlanSymbol } from '../bind/binding.js';
import type { TypeTable } from '../check/check.js';
import { formatType } from '../check/types.js';
import { analyze } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { File, Name } from '../syntax/ast.js';
import { lex } from '../syntax/lexer.js';
import { LineIndex } from '../syntax/positions.js';

/** A name in the text: a declaration's own name or a resolved reference. */
export interface Occurrence {
  name: Name;
  symbol: PlanSymbol;
  declaration: boolean;
}

/** Everything the service functions read about one text. */
export class Analysis {
  readonly index: LineIndex;
  readonly file: File;
  readonly binding: Binding;
  /** Every diagnostic of every phase (syntax, names, types...), sorted by position. */
  readonly diagnostics: Diagnostic[];
  private readonly types: TypeTable;
  /** Every occurrence of a name, sorted by position. */
  readonly occurrences: Occurrence[];
  private tokenCache: { tokens: IToken[]; comments: IToken[] } | undefined;
  private byGroupCache: Map<string, Occurrence[]> | undefined;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    const analysed = analyze(text);
    this.file = analysed.file;
    this.binding = analysed.binding;
    this.diagnostics = analysed.diagnostics;
    this.types = analysed.types;
    this.occurrences = collectOccurrences(this.binding);
  }

  /** The type of a symbol's value as the checker infers it, in plan words (`Money (USD)`). */
  typeOf(symbol: PlanSymbol): string | undefined {
    const type = this.types.typeOfSymbol(symbol);
    return type.kind === 'Unknown' ? undefined : formatType(type);
  }

  /** The lexer's tokens (comments apart), computed on first use. */
  get tokens(): { tokens: IToken[]; comments: IToken[] } {
    this.tokenCache ??= lex(this.text, this.index);
    return this.tokenCache;
  }

  /** The name occurrence under the offset (a cursor right after a name is on it). */
  occurrenceAt(offset: number): Occurrence | undefined {
    const list = this.occurrences;
    let low = 0;
    let high = list.length - 1;
    let found: Occurrence | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const occurrence = list[mid] as Occurrence;
      if (occurrence.name.range.start.offset <= offset) {
        found = occurrence;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found !== undefined && offset <= found.name.range.end.offset ? found : undefined;
  }

  /**
   * The symbols that stand for the same thing as `symbol`: all versions of a versioned
   * definition (`effective` ranges), otherwise the symbol alone.
   */
  group(symbol: PlanSymbol): readonly PlanSymbol[] {
    const versions = this.binding.declarations.get(symbol.name);
    return versions?.includes(symbol) ? versions : [symbol];
  }

  /** Every occurrence (declarations and references) of the symbol's group, in text order. */
  occurrencesOf(symbol: PlanSymbol): readonly Occurrence[] {
    this.byGroupCache ??= this.indexOccurrences();
    return this.byGroupCache.get(groupKey(this, symbol)) ?? [];
  }

  private indexOccurrences(): Map<string, Occurrence[]> {
    const byGroup = new Map<string, Occurrence[]>();
    for (const occurrence of this.occurrences) {
      const key = groupKey(this, occurrence.symbol);
      const list = byGroup.get(key);
      if (list === undefined) byGroup.set(key, [occurrence]);
      else list.push(occurrence);
    }
    return byGroup;
  }
}

/** Versions share the id of their first version; other symbols key by their own id. */
const groupKey = (analysis: Analysis, symbol: PlanSymbol): string =>
  String(analysis.group(symbol)[0]?.id ?? symbol.id);

function collectOccurrences(binding: Binding): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const symbol of binding.symbols) {
    const decl = symbol.decl;
    if (decl === undefined || !('name' in decl) || decl.name === undefined) continue;
    occurrences.push({ name: decl.name, symbol, declaration: true });
  }
  for (const { name, symbol } of binding.references) occurrences.push({ name, symbol, declaration: false });
  return occurrences.sort((a, b) => a.name.range.start.offset - b.name.range.start.offset);
}

let last: Analysis | undefined;

/** The analysis of `text`, reusing the previous one when the text is unchanged. */
export function analysisOf(text: string): Analysis {
  if (last?.text !== text) last = new Analysis(text);
  return last;
}

/** The most recent analysis, whatever text it was for. */
export function latestAnalysis(): Analysis | undefined {
  return last;
}
