/**
 * Resolution phase: walks every declaration and resolves the names it uses — sources after
 * `from`, `on`, `split by` and in clawbacks (AT2007, AT2008), fields of sources (AT2003), the
 * earning a holdback holds back (AT2008), and every expression with the right row scope.
 */
import type {
  ClawbackDecl,
  CreditDecl,
  Declaration,
  FieldDecl,
  File,
  HoldbackDecl,
  Name,
  PayeeDecl,
  PlanItem,
  SignalDecl,
  TerritoriesDecl,
} from '../syntax/ast.js';
import type { PlanSymbol, SymbolKind } from './binding.js';
import type { BindContext } from './context.js';
import { messages } from './messages.js';
import { ExprResolver } from './resolve-expr.js';
import { declareCreditFields } from './scopes.js';
import { SuggestionCache, suggest } from './suggest.js';

/** Resolves the names used by every declaration of the file. */
export function resolveAll(file: File, ctx: BindContext): void {
  const resolver = new DeclarationResolver(ctx);
  const items = file.plan?.items ?? [];
  // Credit fields come from the credit's source; any expression may read them, so they go first.
  for (const item of items) if (item.kind === 'Credit') resolver.creditSource(item);
  for (const item of items) resolver.item(item);
}

const isDeclaration = (item: PlanItem): item is Exclude<Declaration, PayeeDecl> =>
  !item.kind.endsWith('Setting');

class DeclarationResolver {
  private readonly exprs: ExprResolver;
  /** The source each credit reads, when its `from` names one. */
  private readonly creditSources = new Map<CreditDecl, PlanSymbol | undefined>();
  /** Suggestions for unknown sources and earnings, by the kind of name expected. */
  private readonly suggestionsByKind = new Map<SymbolKind, SuggestionCache>();

  constructor(private readonly ctx: BindContext) {
    this.exprs = new ExprResolver(ctx);
  }

  /** Resolves a credit's `from` and gives the credit its fields. */
  creditSource(decl: CreditDecl): void {
    const symbol = this.symbolOf(decl.name);
    this.ctx.owner = symbol;
    const source = this.sourceName(decl.source);
    this.creditSources.set(decl, source);
    if (symbol !== undefined) declareCreditFields(this.ctx, symbol, source);
    this.ctx.owner = undefined;
  }

  /** Resolves one plan item, with its declared symbol as the owner of what it uses. */
  item(item: PlanItem): void {
    if (item.kind === 'Payee') {
      this.convertedOn(
        item.fields,
        (name) => this.ctx.payeeAttributes.get(name.text),
        (name, candidates) =>
          this.ctx.report(
            'AT2010',
            messages.unknownAttribute(name.text, suggest(name.text, candidates, this.ctx.suggestionBudget)),
            name.range,
          ),
      );
      return;
    }
    if (!isDeclaration(item)) return;
    this.ctx.owner = 'name' in item ? this.symbolOf(item.name) : undefined;
    this.resolve(item);
    this.ctx.owner = undefined;
  }

  private resolve(decl: Exclude<Declaration, PayeeDecl>): void {
    const { exprs } = this;
    switch (decl.kind) {
      case 'Source': {
        const source = this.ctx.owner;
        const fields = source === undefined ? undefined : this.ctx.fields.get(source);
        this.convertedOn(
          decl.fields,
          (name) => fields?.get(name.text),
          (name, candidates) =>
            this.ctx.report(
              'AT2003',
              messages.unknownField(
                source?.name ?? 'source',
                name.text,
                suggest(name.text, candidates, this.ctx.suggestionBudget),
              ),
              name.range,
            ),
        );
        return;
      }
      case 'Let':
      case 'Measure':
      case 'Metric':
        exprs.expr(decl.value, undefined);
        return;
      case 'Quota':
        exprs.expr(decl.base, undefined);
        for (const clause of decl.clauses) {
          if (clause.kind === 'Ramp') exprs.expr(clause.from, undefined);
          else if (clause.kind === 'Relief') exprs.expr(clause.value, undefined);
        }
        return;
      case 'Credit':
        this.credit(decl);
        return;
      case 'RateTable':
        exprs.expr(decl.on, undefined);
        for (const tier of decl.tiers) exprs.expr(tier.rate, undefined);
        return;
      case 'LookupTable':
        // The `by` names label the key columns; they are not references.
        for (const row of decl.rows) exprs.expr(row.value, undefined);
        return;
      case 'PayCurve':
        exprs.expr(decl.on, undefined);
        return;
      case 'Earning':
        exprs.expr(decl.value, undefined);
        for (const clause of decl.clauses) {
          if (clause.kind === 'Gate') exprs.expr(clause.condition, undefined);
          else if (clause.kind === 'Cap' || clause.kind === 'Floor') exprs.expr(clause.value, undefined);
        }
        return;
      case 'Draw':
        exprs.expr(decl.amount, undefined);
        return;
      case 'Guarantee':
        exprs.expr(decl.amount, undefined);
        exprs.expr(decl.from, undefined);
        return;
      case 'Holdback':
        this.holdback(decl);
        return;
      case 'Clawback':
        this.clawback(decl);
        return;
      case 'Adjustment':
        return;
      case 'Territories':
        this.territories(decl);
        return;
      case 'Signal':
        this.signal(decl);
        return;
    }
  }

  private credit(decl: CreditDecl): void {
    const source = this.creditSources.get(decl);
    const row = this.exprs.rowScope(source, undefined, true);
    this.exprs.expr(decl.where, row);
    for (const clause of decl.clauses) {
      switch (clause.kind) {
        case 'CreditAmount':
          this.exprs.expr(clause.value, row);
          break;
        case 'CreditTo': {
          const recipient = clause.recipient;
          if (recipient === undefined) break;
          if (recipient.kind === 'FieldRecipient') this.fieldOf(source, recipient.field);
          else if (recipient.kind === 'TerritoryRecipient') this.fieldOf(source, recipient.account);
          else this.fieldOf(source, recipient.of);
          break;
        }
        case 'CreditSplit':
          this.fieldOf(this.sourceName(clause.source), clause.on);
          break;
      }
    }
  }

  private holdback(decl: HoldbackDecl): void {
    const name = decl.earning;
    if (name !== undefined && name.text !== '') {
      const target = this.ctx.lookupTop(name.text);
      if (target === undefined) {
        this.ctx.report(
          'AT2001',
          messages.unknownEarning(name.text, this.suggestOfKind(name.text, 'earning')),
          name.range,
        );
      } else {
        this.ctx.reference(name, target);
        if (target.kind !== 'earning') this.wrongKind(name, target, 'earning');
      }
    }
    this.exprs.expr(decl.until, undefined);
  }

  private clawback(decl: ClawbackDecl): void {
    this.fieldOf(this.sourceName(decl.source), decl.cancelledOn);
  }

  private territories(decl: TerritoriesDecl): void {
    const source = this.sourceName(decl.source);
    const row = this.exprs.rowScope(source, undefined, true);
    for (const territory of decl.territories) {
      const symbol = this.symbolOf(territory.name);
      this.ctx.owner = symbol;
      if (symbol !== undefined && source !== undefined && decl.source !== undefined) {
        this.ctx.addDependency(symbol, source, decl.source);
      }
      for (const clause of territory.clauses) {
        if (clause.kind === 'TerritoryWhere') this.exprs.expr(clause.condition, row);
        else if (clause.kind === 'TerritoryScore') this.exprs.expr(clause.score, row);
      }
    }
  }

  private signal(decl: SignalDecl): void {
    const row = decl.on === undefined ? undefined : this.exprs.rowScope(this.sourceName(decl.on), undefined);
    this.exprs.expr(decl.condition, row);
  }

  /** A name that must denote a source: AT2007 when unknown, AT2008 when it is another kind. */
  private sourceName(name: Name | undefined): PlanSymbol | undefined {
    if (name === undefined || name.text === '') return undefined;
    const symbol = this.ctx.lookupTop(name.text);
    if (symbol === undefined) {
      this.ctx.report(
        'AT2007',
        messages.unknownSource(name.text, this.suggestOfKind(name.text, 'source')),
        name.range,
      );
      return undefined;
    }
    this.ctx.reference(name, symbol);
    if (symbol.kind === 'source') return symbol;
    this.wrongKind(name, symbol, 'source');
    return undefined;
  }

  /** "Did you mean" among the top-level declarations of one kind. */
  private suggestOfKind(name: string, kind: SymbolKind): string | undefined {
    let cache = this.suggestionsByKind.get(kind);
    if (cache === undefined) {
      cache = new SuggestionCache(
        this.ctx.topLevel.filter((s) => s.kind === kind).map((s) => s.name),
        this.ctx.suggestionBudget,
      );
      this.suggestionsByKind.set(kind, cache);
    }
    return cache.closest(name)?.name;
  }

  private wrongKind(name: Name, symbol: PlanSymbol, expected: string): void {
    const related =
      symbol.nameRange === undefined
        ? []
        : [{ message: messages.declaredHere(symbol), range: symbol.nameRange }];
    this.ctx.report('AT2008', messages.wrongKind(symbol, expected), name.range, related);
  }

  /** A field of a known source (AT2003 when it has none of that name). */
  private fieldOf(source: PlanSymbol | undefined, name: Name | undefined): void {
    if (source === undefined || name === undefined || name.text === '') return;
    this.exprs.recordField(source, name);
  }

  /** `converted on f` names a field of the same schema; it is not a use of the schema. */
  private convertedOn(
    fields: readonly FieldDecl[],
    lookup: (name: Name) => PlanSymbol | undefined,
    unknown: (name: Name, candidates: string[]) => void,
  ): void {
    for (const field of fields) {
      for (const modifier of field.modifiers) {
        if (modifier.kind !== 'converted' || modifier.on === undefined || modifier.on.text === '') continue;
        const target = lookup(modifier.on);
        if (target !== undefined) this.ctx.link(modifier.on, target);
        else
          unknown(
            modifier.on,
            fields.flatMap((f) => (f.name === undefined ? [] : [f.name.text])),
          );
      }
    }
  }

  private symbolOf(name: Name | undefined): PlanSymbol | undefined {
    return name === undefined ? undefined : this.ctx.nameSymbols.get(name);
  }
}
