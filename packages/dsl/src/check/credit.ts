/**
 * Crediting checks: a credit reads a dated source (AT5005), credits money, has a recipient
 * (AT5004) that is a Payee field (AT5002), shares of the non-overlay recipients sum to exactly
 * 100% (AT5001), a split source has `payee` and `share` fields (AT5003), and territory credit
 * needs territories (AT5103).
 */
import Decimal from 'decimal.js';
import type { RelatedInformation } from '../diagnostics/diagnostic.js';
import type { CreditClause, CreditDecl, Name, Recipient } from '../syntax/ast.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { checkCount } from './counts.js';
import { toDecimal } from './decimal.js';
import { expectType, typeCondition } from './expressions.js';
import type { SourceInfo } from './schema.js';
import { currenciesDiffer, formatType, money } from './types.js';

type CreditTo = Extract<CreditClause, { kind: 'CreditTo' }>;
type CreditSplit = Extract<CreditClause, { kind: 'CreditSplit' }>;

/** Checks one credit declaration. */
export function checkCredit(ctx: CheckContext, credit: CreditDecl): void {
  const name = credit.name?.text ?? 'this credit';
  const source = credit.source ? ctx.schema.sources.get(credit.source.text) : undefined;
  if (source && credit.source && !source.dated) {
    report(
      ctx,
      'AT5005',
      credit.source.range,
      `Credit ${name} reads ${source.name}, which has no dated field: mark the Date field that places each record in a period as \`dated\``,
    );
  }
  if (credit.where) typeCondition(ctx, credit.where, 'after `where`');
  checkAmount(ctx, credit, name, source);
  const tos = credit.clauses.filter((c): c is CreditTo => c.kind === 'CreditTo');
  const splits = credit.clauses.filter((c): c is CreditSplit => c.kind === 'CreditSplit');
  if (tos.length === 0 && splits.length === 0) {
    report(
      ctx,
      'AT5004',
      credit.name?.range ?? credit.range,
      `Credit ${name} credits nobody: add \`to owner\` (a Payee field of the source) or \`split by ...\``,
    );
  }
  for (const to of tos) if (to.recipient) checkRecipient(ctx, to.recipient, name, source);
  if (splits.length === 0) checkShares(ctx, tos, name, credit);
  for (const split of splits) checkSplit(ctx, split, name, source);
}

function checkAmount(
  ctx: CheckContext,
  credit: CreditDecl,
  name: string,
  source: SourceInfo | undefined,
): void {
  const expected = money(ctx.settings.currency);
  const amount = credit.clauses.find((c) => c.kind === 'CreditAmount');
  if (amount) {
    if (amount.value) expectType(ctx, amount.value, expected, 'AT3001', `The amount credited by ${name}`);
    return;
  }
  if (!source) return;
  const field = source.fields.get('amount');
  if (!field) {
    report(
      ctx,
      'AT2003',
      credit.name?.range ?? credit.range,
      `Credit ${name} has no \`amount\` clause and ${source.name} has no field named amount: add \`amount <expression>\` to say what is credited`,
    );
  } else if (field.type.kind === 'Money' && currenciesDiffer(field.type, expected)) {
    report(
      ctx,
      'AT3002',
      credit.name?.range ?? credit.range,
      `Credit ${name} credits ${source.name}.amount, which is ${formatType(field.type)}, but credit is in ${formatType(expected)}: add \`amount convert(amount, ${expected.currency})\``,
    );
  } else if (field.type.kind !== 'Money' && field.type.kind !== 'Unknown') {
    report(
      ctx,
      'AT3001',
      credit.name?.range ?? credit.range,
      `Credit ${name} credits ${source.name}.amount, which is ${formatType(field.type)}, not money: add \`amount <expression>\``,
    );
  }
}

/** The source field a recipient names, reporting AT5002 unless it is a Payee field. */
function payeeField(
  ctx: CheckContext,
  field: Name | undefined,
  name: string,
  source: SourceInfo | undefined,
): void {
  if (!field || !source) return;
  const info = source.fields.get(field.text);
  if (!info) {
    reportOnce(ctx, 'AT2003', field.range, `${source.name} has no field ${field.text}`);
    return;
  }
  if (info.type.kind !== 'Payee' && info.type.kind !== 'Unknown') {
    report(
      ctx,
      'AT5002',
      field.range,
      `Credit ${name} can only credit a Payee field of ${source.name}, but ${field.text} is ${formatType(info.type)}`,
    );
  }
}

function checkRecipient(
  ctx: CheckContext,
  recipient: Recipient,
  name: string,
  source: SourceInfo | undefined,
): void {
  switch (recipient.kind) {
    case 'FieldRecipient':
      payeeField(ctx, recipient.field, name, source);
      break;
    case 'ManagersRecipient': {
      payeeField(ctx, recipient.of, name, source);
      checkCount(ctx, recipient.levels, 'The number of manager levels');
      break;
    }
    case 'TerritoryRecipient':
      if (!ctx.schema.territories) {
        report(
          ctx,
          'AT5103',
          recipient.range,
          `Credit ${name} credits by territory, but the plan declares no territories: add a \`territories on ... by priority { ... }\` block`,
        );
      }
      if (recipient.account && source && !source.fields.has(recipient.account.text)) {
        reportOnce(
          ctx,
          'AT2003',
          recipient.account.range,
          `${source.name} has no field ${recipient.account.text}`,
        );
      }
      break;
  }
}

/** AT5001: shares of the recipients that are not overlays must sum to exactly 100%. */
function checkShares(ctx: CheckContext, tos: readonly CreditTo[], name: string, credit: CreditDecl): void {
  const counted = tos.filter((to) => !to.overlay);
  if (counted.length === 0) return;
  let total = new Decimal(0);
  const related: RelatedInformation[] = [];
  for (const to of counted) {
    const share = (to.share ? toDecimal(to.share.value) : undefined) ?? new Decimal(100);
    total = total.plus(share);
    related.push({
      message: to.share ? `${to.share.value}% here` : '100% here (no share written)',
      range: to.share?.range ?? to.range,
    });
  }
  if (total.eq(100)) return;
  report(
    ctx,
    'AT5001',
    credit.name?.range ?? credit.range,
    `The shares of credit ${name} add up to ${total.toString()}%, not 100%; mark recipients who get credit on top \`as overlay\``,
    related,
  );
}

function checkSplit(
  ctx: CheckContext,
  split: CreditSplit,
  name: string,
  source: SourceInfo | undefined,
): void {
  const splitSource = split.source ? ctx.schema.sources.get(split.source.text) : undefined;
  if (!split.source || !splitSource) return;
  const missing: string[] = [];
  const payee = splitSource.fields.get('payee');
  const share = splitSource.fields.get('share');
  if (payee?.type.kind !== 'Payee') missing.push('payee: Payee');
  if (share?.type.kind !== 'Percent') missing.push('share: Percent');
  if (missing.length > 0) {
    report(
      ctx,
      'AT5003',
      split.source.range,
      `Credit ${name} splits by ${splitSource.name}, which needs the field${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}`,
    );
  }
  if (split.on && !splitSource.fields.has(split.on.text)) {
    reportOnce(ctx, 'AT2003', split.on.range, `${splitSource.name} has no field ${split.on.text}`);
  }
  if (source && source.keys.length === 0) {
    report(
      ctx,
      'AT5003',
      split.range,
      `Credit ${name} splits ${source.name} records by ${splitSource.name}.${split.on?.text ?? '...'}, so ${source.name} needs a \`key\` field to match it against`,
    );
  }
}
