/**
 * Prints the schemas a plan reads: `source` declarations and the `payee` attributes, one field
 * per line as `name: Type modifiers`.
 */
import type { FieldDecl, FieldModifier, PayeeDecl, SourceDecl, TypeRef } from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import type { Doc } from './doc.js';
import { printName } from './expressions.js';
import { block, label, statement } from './layout.js';
import { required } from './unformattable.js';

/** `source name "Label" { fields }`. */
export function printSource(ctx: CommentContext, decl: SourceDecl): Doc {
  return [
    statement(['source ', printName(ctx, decl.name), label(ctx, decl.label)]),
    block(ctx, decl, decl.fields, (field) => statement(printField(ctx, field))),
  ];
}

/** `payee { fields }`. */
export function printPayee(ctx: CommentContext, decl: PayeeDecl): Doc {
  return ['payee', block(ctx, decl, decl.fields, (field) => statement(printField(ctx, field)))];
}

function printField(ctx: CommentContext, field: FieldDecl): Doc {
  return [
    printName(ctx, field.name),
    ': ',
    printTypeRef(ctx, field.type),
    field.modifiers.map((modifier) => [' ', ctx.wrap(modifier, printModifier(ctx, modifier))]),
  ];
}

/** A type name, with the currency of `Money(EUR)`. */
export function printTypeRef(ctx: CommentContext, type: TypeRef | undefined): Doc {
  const t = required(type, 'type');
  const name = required(t.name, 'type name');
  const currency = t.currency === undefined ? '' : ['(', printName(ctx, t.currency), ')'];
  return ctx.wrap(t, [name, currency]);
}

function printModifier(ctx: CommentContext, modifier: FieldModifier): Doc {
  if (modifier.kind === 'converted') return ['converted on ', printName(ctx, modifier.on)];
  return modifier.kind;
}
