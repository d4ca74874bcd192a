/**
 * Document symbols: the outline of a plan — its declarations, with the fields of sources and the
 * payee schema, and the territories of a `territories` block, as children.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { Declaration, FieldDecl, Name, PlanItem, TerritoryDecl } from '../syntax/ast.js';
import { analysisOf } from './analysis.js';
import type { DocumentSymbol, DocumentSymbolKind } from './types.js';

const outlineKinds: Record<Declaration['kind'], DocumentSymbolKind> = {
  Source: 'struct',
  Payee: 'struct',
  Let: 'constant',
  Measure: 'variable',
  Quota: 'variable',
  Credit: 'variable',
  RateTable: 'class',
  LookupTable: 'class',
  PayCurve: 'class',
  Earning: 'event',
  Draw: 'event',
  Guarantee: 'event',
  Holdback: 'event',
  Clawback: 'event',
  Adjustment: 'event',
  Territories: 'namespace',
  Metric: 'variable',
  Signal: 'event',
};

const details: Record<Declaration['kind'], string> = {
  Source: 'source',
  Payee: 'payee attributes',
  Let: 'let',
  Measure: 'measure',
  Quota: 'quota',
  Credit: 'credit',
  RateTable: 'rate table',
  LookupTable: 'lookup table',
  PayCurve: 'pay curve',
  Earning: 'earning',
  Draw: 'draw',
  Guarantee: 'guarantee',
  Holdback: 'holdback',
  Clawback: 'clawback',
  Adjustment: 'adjustment',
  Territories: 'territories',
  Metric: 'metric',
  Signal: 'signal',
};

/** The outline of the plan: one entry for the plan, its declarations as children. */
export function getDocumentSymbols(text: string): DocumentSymbol[] {
  const plan = analysisOf(text).file.plan;
  if (plan === undefined) return [];
  const children = plan.items.flatMap((item) => itemSymbol(item));
  const name = plan.name?.value || 'plan';
  return [entry(name, 'module', plan.range, plan.name?.range, children, plan.version?.value)];
}

function itemSymbol(item: PlanItem): DocumentSymbol[] {
  if (!(item.kind in outlineKinds)) return [];
  const decl = item as Declaration;
  const kind = outlineKinds[decl.kind];
  switch (decl.kind) {
    case 'Source':
      return named(
        decl.name,
        kind,
        decl.range,
        'source',
        decl.fields.flatMap((f) => fieldSymbol(f, 'field')),
      );
    case 'Payee':
      return [
        entry(
          'payee',
          kind,
          decl.range,
          undefined,
          decl.fields.flatMap((f) => fieldSymbol(f, 'property')),
          details.Payee,
        ),
      ];
    case 'Territories': {
      const territories = decl.territories.flatMap((t) => territorySymbol(t));
      const title = decl.source === undefined ? 'territories' : `territories on ${decl.source.text}`;
      return [entry(title, kind, decl.range, decl.source?.range, territories, details.Territories)];
    }
    case 'Earning':
      return named(decl.name, kind, decl.range, labelled(decl.earningKind, decl.label?.value), []);
    default:
      return named(decl.name, kind, decl.range, labelled(details[decl.kind], decl.label?.value), []);
  }
}

const labelled = (kind: string, label: string | undefined): string =>
  label === undefined ? kind : `${kind} "${label}"`;

function fieldSymbol(field: FieldDecl, kind: DocumentSymbolKind): DocumentSymbol[] {
  return named(field.name, kind, field.range, field.type?.name, []);
}

function territorySymbol(territory: TerritoryDecl): DocumentSymbol[] {
  return named(
    territory.name,
    'enumMember',
    territory.range,
    labelled('territory', territory.label?.value),
    [],
  );
}

function named(
  name: Name | undefined,
  kind: DocumentSymbolKind,
  range: Range,
  detail: string | undefined,
  children: DocumentSymbol[],
): DocumentSymbol[] {
  if (name === undefined || name.text === '') return [];
  return [entry(name.text, kind, range, name.range, children, detail)];
}

function entry(
  name: string,
  kind: DocumentSymbolKind,
  range: Range,
  selection: Range | undefined,
  children: DocumentSymbol[],
  detail: string | undefined,
): DocumentSymbol {
  // The selection must lie inside the range; recovered trees do not always guarantee it.
  const inside =
    selection !== undefined &&
    selection.start.offset >= range.start.offset &&
    selection.end.offset <= range.end.offset;
  const symbol: DocumentSymbol = { name, kind, range, selectionRange: inside ? selection : range, children };
  if (detail !== undefined) symbol.detail = detail;
  return symbol;
}
