/**
 * The result of name resolution: every symbol a plan declares, and for every identifier
 * occurrence the symbol it refers to. The checker, the Plan lowering and the language service
 * (hover, go to definition, references, rename, completion) all read this one structure.
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type {
  CallExpr,
  Declaration,
  FieldDecl,
  Name,
  PayeeRef,
  TerritoryDecl,
  TypeName,
} from '../syntax/ast.js';

/** What kind of thing a name denotes, in the domain's words. */
export type SymbolKind =
  | 'source'
  | 'field'
  | 'payee-attribute'
  | 'let'
  | 'measure'
  | 'quota'
  | 'credit'
  | 'rate-table'
  | 'lookup-table'
  | 'pay-curve'
  | 'earning'
  | 'draw'
  | 'guarantee'
  | 'holdback'
  | 'clawback'
  | 'adjustment'
  | 'territory'
  | 'metric'
  | 'signal'
  | 'function';

/** A declared (or built-in) named thing. */
export interface PlanSymbol {
  /** Unique within one binding; stable for the same text. */
  id: number;
  name: string;
  kind: SymbolKind;
  /** The declaring node; absent for built-ins (payee `id`, `name`, `manager`, functions, credit `credited`). */
  decl?: Declaration | FieldDecl | TerritoryDecl;
  /** Range of the declaring name; absent for built-ins. */
  nameRange?: Range;
  /** Doc comment text (without markers), or the built-in's documentation. */
  doc?: string;
  /** For fields: the source (or payee schema) symbol they belong to. */
  parent?: PlanSymbol;
  /** For built-in fields and attributes (`credited`, payee `id`/`name`/`manager`, `period.start`/`end`): their type. */
  type?: TypeName;
}

/** One identifier occurrence resolved to its symbol. */
export interface Reference {
  name: Name;
  symbol: PlanSymbol;
}

/** Name resolution of one plan file. */
export interface Binding {
  symbols: PlanSymbol[];
  /** Top-level declarations by name (more than one for versioned definitions). */
  declarations: Map<string, PlanSymbol[]>;
  /** Every resolved identifier occurrence (declaring names are not references). */
  references: Reference[];
  /** The symbol a Name node refers to, or that it declares. */
  symbolAt(name: Name): PlanSymbol | undefined;
  /** For each top-level symbol, the top-level symbols its definition uses (for cycles and ordering). */
  dependencies: Map<PlanSymbol, PlanSymbol[]>;
  /** AT2xxx diagnostics: unknown names with "did you mean", duplicates, cycles, unused definitions. */
  diagnostics: Diagnostic[];
  /** The fields of a source, or of a credit (its source's fields plus `credited` and `quota_credited`); undefined for other symbols. */
  fieldsOf(symbol: PlanSymbol): ReadonlyMap<string, PlanSymbol> | undefined;
  /** Payee attributes by name: the built-in `id`, `name`, `manager` and those of the `payee { }` block. */
  payeeAttributes: ReadonlyMap<string, PlanSymbol>;
  /** The row source (source or credit) of an aggregate call, whose fields its arguments may name bare. */
  rowSourceOf(call: CallExpr): PlanSymbol | undefined;
  /**
   * The record's field `payee` that `payee` names in a rule without a current payee (a credit's
   * `where` and `amount`, a territory's `where` and `score`, over a source with such a field);
   * undefined where `payee` is the current payee.
   */
  payeeFieldAt(ref: PayeeRef): PlanSymbol | undefined;
}
