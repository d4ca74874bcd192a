/**
 * The declared data schema of a plan: each source with its fields (and which field is the key,
 * the owner and the date), and the payee attributes. Built once per check from the tree.
 */
import type { FieldDecl, PayeeDecl, PlanDecl, SourceDecl, TerritoriesDecl, TypeRef } from '../syntax/ast.js';
import { isKnownCurrency } from './currencies.js';
import { money, T, type Type } from './types.js';

/** A field of a source or a payee attribute. */
export interface FieldInfo {
  name: string;
  /** Absent for built-ins (`id`, `name`, `manager`, a credit's `credited`). */
  decl?: FieldDecl;
  type: Type;
}

/** A declared source. */
export interface SourceInfo {
  name: string;
  decl: SourceDecl;
  fields: Map<string, FieldInfo>;
  /** Fields marked `key` (more than one is AT5101). */
  keys: FieldInfo[];
  /** The field marked `owner`, or else a `Payee` field named `owner`. */
  owner?: FieldInfo;
  /** The field marked `dated`. */
  dated?: FieldInfo;
}

/** Sources and payee attributes by name. */
export interface Schema {
  sources: Map<string, SourceInfo>;
  /** Payee attributes, the built-ins first. */
  payee: Map<string, FieldInfo>;
  /** The first `territories` block, if any. */
  territories?: TerritoriesDecl;
}

/** The built-in payee attributes. */
const builtinPayeeAttributes: readonly FieldInfo[] = [
  { name: 'id', type: T.Text },
  { name: 'name', type: T.Text },
  { name: 'manager', type: T.Payee },
];

/** The type a `TypeRef` denotes; `Money` without a currency is in the plan currency. */
export function typeFromRef(ref: TypeRef | undefined, planCurrency: string | undefined): Type {
  if (!ref?.name) return T.Unknown;
  switch (ref.name) {
    case 'Money': {
      if (!ref.currency) return money(planCurrency);
      return isKnownCurrency(ref.currency.text) ? money(ref.currency.text) : money(undefined);
    }
    default:
      return T[ref.name];
  }
}

/** The type of a declared field: a `converted` Money field is in the plan currency once converted. */
export function fieldType(field: FieldDecl, planCurrency: string | undefined): Type {
  if (field.type?.name === 'Money' && field.modifiers.some((m) => m.kind === 'converted'))
    return money(planCurrency);
  return typeFromRef(field.type, planCurrency);
}

function fieldInfo(field: FieldDecl, planCurrency: string | undefined): FieldInfo | undefined {
  if (!field.name) return undefined;
  return { name: field.name.text, decl: field, type: fieldType(field, planCurrency) };
}

function sourceInfo(decl: SourceDecl, planCurrency: string | undefined): SourceInfo | undefined {
  if (!decl.name) return undefined;
  const info: SourceInfo = { name: decl.name.text, decl, fields: new Map(), keys: [] };
  for (const field of decl.fields) {
    const f = fieldInfo(field, planCurrency);
    if (!f) continue;
    if (!info.fields.has(f.name)) info.fields.set(f.name, f);
    for (const modifier of field.modifiers) {
      if (modifier.kind === 'key') info.keys.push(f);
      if (modifier.kind === 'owner') info.owner ??= f;
      if (modifier.kind === 'dated') info.dated ??= f;
    }
  }
  const implicitOwner = info.fields.get('owner');
  if (!info.owner && implicitOwner?.type.kind === 'Payee') info.owner = implicitOwner;
  return info;
}

/** Builds the schema of a plan. */
export function buildSchema(plan: PlanDecl | undefined, planCurrency: string | undefined): Schema {
  const schema: Schema = { sources: new Map(), payee: new Map() };
  for (const builtin of builtinPayeeAttributes) schema.payee.set(builtin.name, builtin);
  const payees: PayeeDecl[] = [];
  for (const item of plan?.items ?? []) {
    if (item.kind === 'Source') {
      const info = sourceInfo(item, planCurrency);
      if (info && !schema.sources.has(info.name)) schema.sources.set(info.name, info);
    } else if (item.kind === 'Payee') {
      payees.push(item);
    } else if (item.kind === 'Territories') {
      schema.territories ??= item;
    }
  }
  for (const field of payees.flatMap((p) => p.fields)) {
    const f = fieldInfo(field, planCurrency);
    if (f && !schema.payee.has(f.name)) schema.payee.set(f.name, f);
  }
  return schema;
}
