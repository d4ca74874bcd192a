/**
 * Source and payee schema checks: at most one `key` per source (AT5101), modifiers that fit their
 * field (AT5102: `owner` on a Payee, `dated` on a Date, `converted on` a Money field, naming a
 * Date field), and known currency codes in `Money(...)` (AT3011).
 */
import type { FieldDecl, PayeeDecl, SourceDecl, TypeRef } from '../syntax/ast.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { isKnownCurrency, unknownCurrencyMessage } from './currencies.js';
import { fieldType } from './schema.js';
import { formatType } from './types.js';

/** Reports an unknown currency in `Money(XXX)`. */
export function checkTypeRef(ctx: CheckContext, ref: TypeRef | undefined): void {
  const currency = ref?.currency;
  if (currency && !isKnownCurrency(currency.text))
    report(ctx, 'AT3011', currency.range, unknownCurrencyMessage(currency.text));
}

/** Checks a source declaration. */
export function checkSource(ctx: CheckContext, source: SourceDecl): void {
  const name = source.name?.text ?? 'this source';
  let firstKey: FieldDecl | undefined;
  for (const field of source.fields) {
    checkTypeRef(ctx, field.type);
    checkModifiers(ctx, field, source);
    for (const modifier of field.modifiers) {
      if (modifier.kind !== 'key') continue;
      if (!firstKey) {
        firstKey = field;
      } else if (firstKey !== field) {
        report(
          ctx,
          'AT5101',
          modifier.range,
          `${name} already has a key (${firstKey.name?.text ?? 'another field'}): a source has at most one key field`,
          [{ message: 'The first key is here', range: firstKey.name?.range ?? firstKey.range }],
        );
      }
    }
  }
}

/** Checks the payee attribute schema. */
export function checkPayeeSchema(ctx: CheckContext, payee: PayeeDecl): void {
  for (const field of payee.fields) {
    checkTypeRef(ctx, field.type);
    checkModifiers(ctx, field, undefined);
  }
}

function checkModifiers(ctx: CheckContext, field: FieldDecl, source: SourceDecl | undefined): void {
  const type = field.type?.name;
  if (!type) return;
  const name = field.name?.text ?? 'this field';
  for (const modifier of field.modifiers) {
    switch (modifier.kind) {
      case 'owner':
        if (type !== 'Payee') {
          report(
            ctx,
            'AT5102',
            modifier.range,
            `\`owner\` marks the Payee field that says whose record it is, but ${name} is ${type}`,
          );
        }
        break;
      case 'dated':
        if (type !== 'Date') {
          report(
            ctx,
            'AT5102',
            modifier.range,
            `\`dated\` marks the Date field that places a record in a period, but ${name} is ${type}`,
          );
        }
        break;
      case 'converted':
        checkConverted(ctx, field, modifier, source);
        break;
    }
  }
}

function checkConverted(
  ctx: CheckContext,
  field: FieldDecl,
  modifier: Extract<FieldDecl['modifiers'][number], { kind: 'converted' }>,
  source: SourceDecl | undefined,
): void {
  const name = field.name?.text ?? 'this field';
  if (field.type?.name !== 'Money') {
    report(
      ctx,
      'AT5102',
      field.type?.range ?? modifier.range,
      `Only money can be \`converted\`, but ${name} is ${field.type?.name}`,
    );
    return;
  }
  const on = modifier.on;
  if (!on) return;
  const dateField = source?.fields.find((f) => f.name?.text === on.text);
  if (!dateField) {
    if (!source) report(ctx, 'AT5102', on.range, 'Payee attributes have no date field to convert on');
    else reportOnce(ctx, 'AT2003', on.range, `${source.name?.text ?? 'This source'} has no field ${on.text}`);
    return;
  }
  const dateType = fieldType(dateField, ctx.settings.currency);
  if (dateType.kind !== 'Date' && dateType.kind !== 'Unknown') {
    report(
      ctx,
      'AT5102',
      on.range,
      `${name} is converted at the FX rate of a date, but ${on.text} is ${formatType(dateType)}`,
    );
  }
}
