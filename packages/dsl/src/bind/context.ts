/**
 * The mutable state of one `bind` run: the symbols declared so far, resolved names, the
 * dependency graph and the diagnostics. The phases (scopes, resolution, cycles, unused) share it.
 */
import { type Code, codes } from '../diagnostics/codes.js';
import type { Diagnostic, Range, RelatedInformation } from '../diagnostics/diagnostic.js';
import type { CallExpr, Name, PayeeRef } from '../syntax/ast.js';
import type { PlanSymbol, Reference, SymbolKind } from './binding.js';
import { SuggestionBudget } from './suggest.js';

/** Kinds whose symbols are top-level declarations (nodes of the dependency graph). */
const fieldLikeKinds: ReadonlySet<SymbolKind> = new Set(['field', 'payee-attribute', 'function']);

export class BindContext {
  readonly symbols: PlanSymbol[] = [];
  /** Top-level declarations by name; erroneous duplicates are left out. */
  readonly declarations = new Map<string, PlanSymbol[]>();
  /** Every top-level symbol in source order, duplicates included. */
  readonly topLevel: PlanSymbol[] = [];
  readonly references: Reference[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** The symbol each Name node declares or refers to. */
  readonly nameSymbols = new Map<Name, PlanSymbol>();
  readonly dependencies = new Map<PlanSymbol, PlanSymbol[]>();
  /** For each dependency edge, the first name in the user's definition that creates it. */
  readonly dependencySites = new Map<PlanSymbol, Map<PlanSymbol, Name>>();
  /** Top-level names referenced from outside their own definition. */
  readonly used = new Set<string>();
  /** Fields of each source and credit, by name. */
  readonly fields = new Map<PlanSymbol, Map<string, PlanSymbol>>();
  /** The source each credit reads (absent when its `from` did not resolve to a source). */
  readonly creditSources = new Map<PlanSymbol, PlanSymbol>();
  readonly payeeAttributes = new Map<string, PlanSymbol>();
  readonly periodFields = new Map<string, PlanSymbol>();
  readonly functions = new Map<string, PlanSymbol>();
  /** The row source of each aggregate call that has one. */
  readonly rowSources = new Map<CallExpr, PlanSymbol>();
  /** `payee` written in a rule without a current payee, where it names the record's field `payee`. */
  readonly payeeFields = new Map<PayeeRef, PlanSymbol>();
  /** The work "did you mean" suggestions may still do for this plan. */
  readonly suggestionBudget = new SuggestionBudget();
  /** The top-level declaration whose definition is being resolved. */
  owner: PlanSymbol | undefined;

  /** Creates a symbol and registers it in `symbols`. */
  newSymbol(init: Omit<PlanSymbol, 'id'>): PlanSymbol {
    const symbol: PlanSymbol = { id: this.symbols.length, ...init };
    this.symbols.push(symbol);
    return symbol;
  }

  /** The symbol a bare top-level name denotes (the first version of a versioned definition). */
  lookupTop(name: string): PlanSymbol | undefined {
    return this.declarations.get(name)?.[0];
  }

  /** Records that `name` refers to `symbol`, without counting it as a use or a dependency. */
  link(name: Name, symbol: PlanSymbol): void {
    this.nameSymbols.set(name, symbol);
    this.references.push({ name, symbol });
  }

  /** Records that `name` refers to `symbol`, and the dependency of the current owner on it. */
  reference(name: Name, symbol: PlanSymbol): void {
    this.link(name, symbol);
    const target = topLevelOf(symbol);
    if (target === undefined) return;
    if (target !== this.owner) this.used.add(target.name);
    if (this.owner === undefined) return;
    // A versioned definition's value in a period is the version effective then, so a use of
    // its name depends on every version: a cycle through a later version is a cycle too.
    const versions = this.declarations.get(target.name);
    for (const version of versions?.includes(target) ? versions : [target]) {
      this.addDependency(this.owner, version, name);
    }
  }

  /** Adds the edge `from -> to` to the dependency graph (once), remembering where it arises. */
  addDependency(from: PlanSymbol, to: PlanSymbol, site: Name): void {
    let sites = this.dependencySites.get(from);
    if (sites === undefined) {
      sites = new Map();
      this.dependencySites.set(from, sites);
    }
    if (sites.has(to)) return;
    sites.set(to, site);
    this.dependencies.get(from)?.push(to);
  }

  /** Adds a diagnostic with the code's default severity. */
  report(code: Code, message: string, range: Range, related?: RelatedInformation[]): void {
    const diagnostic: Diagnostic = { code, severity: codes[code].severity, message, range };
    if (related !== undefined && related.length > 0) diagnostic.related = related;
    this.diagnostics.push(diagnostic);
  }
}

/** The top-level declaration a symbol belongs to: itself, or the source/credit owning a field. */
export function topLevelOf(symbol: PlanSymbol): PlanSymbol | undefined {
  if (!fieldLikeKinds.has(symbol.kind)) return symbol;
  if (symbol.kind === 'field' && symbol.parent !== undefined) return symbol.parent;
  return undefined;
}
