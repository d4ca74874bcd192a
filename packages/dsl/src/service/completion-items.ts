/**
 * The completion items themselves: names with their signature and documentation, keywords,
 * functions and currency codes, each label proposed once.
 */
import type { PlanSymbol, SymbolKind } from '../bind/binding.js';
import { periodBuiltins } from '../bind/builtins.js';
import { kindWord } from '../bind/messages.js';
import { builtinFunctions } from '../check/builtins.js';
import { knownCurrencies } from '../check/currencies.js';
import type { Analysis } from './analysis.js';
import { documentationOf, signatureOf } from './describe.js';
import type { CompletionItem, CompletionItemKind } from './types.js';

const symbolItemKinds: Record<SymbolKind, CompletionItemKind> = {
  source: 'struct',
  field: 'field',
  'payee-attribute': 'property',
  let: 'variable',
  measure: 'variable',
  quota: 'variable',
  credit: 'variable',
  'rate-table': 'class',
  'lookup-table': 'class',
  'pay-curve': 'class',
  earning: 'event',
  draw: 'event',
  guarantee: 'event',
  holdback: 'event',
  clawback: 'event',
  adjustment: 'event',
  territory: 'module',
  metric: 'variable',
  signal: 'event',
  function: 'function',
};

/** Collects the items of one completion request. */
export class Proposals {
  readonly items: CompletionItem[] = [];
  private readonly labels = new Set<string>();

  constructor(private readonly analysis: Analysis) {}

  /** The fields of a source or credit. */
  fields(owner: PlanSymbol | undefined): void {
    if (owner === undefined) return;
    for (const field of this.analysis.binding.fieldsOf(owner)?.values() ?? []) this.symbolItem(field);
  }

  /** Every payee attribute. */
  attributes(): void {
    for (const attribute of this.analysis.binding.payeeAttributes.values()) this.symbolItem(attribute);
  }

  /** The top-level declarations that pass `filter` (one item per versioned name). */
  declarations(filter: (symbol: PlanSymbol) => boolean): void {
    for (const [, versions] of this.analysis.binding.declarations) {
      const symbol = versions[0];
      if (symbol !== undefined && filter(symbol)) this.symbolItem(symbol);
    }
  }

  /** Currency codes, the plan currency first; `needsSpace` when the cursor touches a number. */
  currencies(needsSpace: boolean): void {
    const planCurrency = this.planCurrency();
    const codes = planCurrency === undefined ? knownCurrencies() : [planCurrency, ...knownCurrencies()];
    for (const code of codes) {
      const item: CompletionItem = {
        label: code,
        kind: 'unit',
        detail: code === planCurrency ? 'plan currency' : 'currency',
      };
      if (needsSpace) item.insertText = ` ${code}`;
      this.add(item);
    }
  }

  private planCurrency(): string | undefined {
    for (const item of this.analysis.file.plan?.items ?? []) {
      if (item.kind === 'CurrencySetting' && item.currency !== undefined) return item.currency.text;
    }
    return undefined;
  }

  /** The fields of the current period. */
  periodFields(): void {
    for (const p of periodBuiltins)
      this.add({ label: p.name, kind: 'field', detail: p.type, documentation: p.doc });
  }

  /** Every built-in function with its signature. */
  functions(): void {
    for (const f of builtinFunctions)
      this.add({ label: f.name, kind: 'function', detail: f.signature, documentation: f.doc });
  }

  private symbolItem(symbol: PlanSymbol): void {
    const item: CompletionItem = {
      label: symbol.name,
      kind: symbolItemKinds[symbol.kind],
      detail: signatureOf(this.analysis, symbol),
    };
    const doc = documentationOf(symbol);
    if (doc !== undefined) item.documentation = doc;
    else item.documentation = kindWord(symbol);
    this.add(item);
  }

  /** Keywords, as written. */
  keywords(words: readonly string[]): void {
    for (const word of words) this.add({ label: word, kind: 'keyword' });
  }

  /** Adds an item unless its label is already proposed. */
  add(item: CompletionItem): void {
    if (this.labels.has(item.label)) return;
    this.labels.add(item.label);
    this.items.push(item);
  }
}
