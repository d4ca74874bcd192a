/**
 * Crediting checks: a credit reads a dated source (AT5005), credits money, has a recipient
 * (AT5004) that is a Payee field (AT5002), shares of the non-overlay recipients (a split source
 * counting 100%) sum to exactly 100% (AT5001), a split source has `payee` and `share` fields
 * (AT5003), territory credit needs territories (AT5103), `where` and `amount` do not read the
 * payee, which is not known yet when a record is credited (AT5008), and `amount` and `split by`
 * are written once (AT5009).
 */
import type { RelatedInformation } from '../diagnostics/diagnostic.js';
import type { CreditClause, CreditDecl, Name, Recipient } from '../syntax/ast.js';
import { markEnclosed, recordsOf } from './aggregates.js';
import { type CheckContext, report, reportOnce } from './context.js';
import { checkCount } from './counts.js';
import { Decimal, toDecimal } from './decimal.js';
import { expectType, typeCondition } from './expressions.js';
import { describeUse, type PayeeUse, rejectPayeeUses } from './no-payee.js';
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
  // The credit's `where` and `amount` read one record of its source at a time: `deals.stage`
  // there is that record's field, as `stage` is (as in the `where` of an aggregate over deals).
  const records = source && recordsOf(source);
  if (credit.where) {
    if (records) markEnclosed(ctx, credit.where, records);
    typeCondition(ctx, credit.where, 'after `where`');
    rejectPayeeUses(ctx, credit.where, (use) => whereReadsPayee(name, use, source));
  }
  const amount = credit.clauses.find((c) => c.kind === 'CreditAmount');
  if (records && amount?.value) markEnclosed(ctx, amount.value, records);
  checkAmount(ctx, credit, name, source);
  checkRepeated(ctx, credit, name);
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
  checkShares(ctx, tos, splits[0], name, credit);
  for (const split of splits) checkSplit(ctx, split, name, source);
}

/** Why a credit is worked out without a payee: said the same way in every AT5008 about a credit. */
const noPayeeYet =
  'but a credit is worked out record by record, before it is known whose credit each record is, so there is no payee there';

/** AT5008 for a payee read in a credit's `where`: filter the payee's credit in a measure instead. */
function whereReadsPayee(name: string, use: PayeeUse, source: SourceInfo | undefined): string {
  const attribute = use.attribute;
  const test =
    attribute !== undefined && source?.fields.has(attribute) ? `${attribute} = payee.${attribute}` : '...';
  return `The \`where\` of credit ${name} reads ${describeUse(use)}, ${noPayeeYet}: credit the records without that test and make it in a measure over the credit, where the payee is known, such as sum(${name}.credited where ${test}), or credit by territory`;
}

/** AT5008 for a payee read in a credit's `amount`: apply the payee's part where the credit is used. */
function amountReadsPayee(name: string, use: PayeeUse): string {
  const example =
    use.attribute !== undefined && use.via === undefined ? `, such as ${name} * payee.${use.attribute}` : '';
  return `The \`amount\` of credit ${name} reads ${describeUse(use)}, ${noPayeeYet}: credit the record's own amount and apply the payee's part in the measure or earning that uses ${name}${example}`;
}

/** AT5009: `amount` and `split by` are written at most once in a credit; a second one would be lost. */
function checkRepeated(ctx: CheckContext, credit: CreditDecl, name: string): void {
  const first = new Map<CreditClause['kind'], CreditClause>();
  for (const clause of credit.clauses) {
    if (clause.kind === 'CreditTo') continue;
    const earlier = first.get(clause.kind);
    if (!earlier) {
      first.set(clause.kind, clause);
      continue;
    }
    const written = clause.kind === 'CreditSplit' ? '`split by`' : '`amount`';
    const fix =
      clause.kind === 'CreditSplit'
        ? 'a record takes its recipients and shares from one split source: keep one `split by`, and put the split rows in that source'
        : 'a record is credited one amount: keep one `amount` clause';
    report(ctx, 'AT5009', clause.range, `Credit ${name} has more than one ${written} clause; ${fix}`, [
      { message: `The first ${written} is here`, range: earlier.range },
    ]);
  }
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
    if (amount.value) {
      expectType(ctx, amount.value, expected, 'AT3001', `The amount credited by ${name}`);
      rejectPayeeUses(ctx, amount.value, (use) => amountReadsPayee(name, use));
    }
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

/**
 * AT5001: shares of the recipients that are not overlays must sum to exactly 100%. A split source
 * gives each record 100% through its rows (the engine checks each record's rows add up to 100%),
 * so next to `split by` every other recipient must be an overlay. Not checked when a share could
 * not be read (`share 0.5`): its syntax error says what to write, and any sum would be a guess.
 */
function checkShares(
  ctx: CheckContext,
  tos: readonly CreditTo[],
  split: CreditSplit | undefined,
  name: string,
  credit: CreditDecl,
): void {
  const counted = tos.filter((to) => !to.overlay);
  // A share that could not be read has its own syntax error; without it the sum is unknown.
  if (counted.length === 0 || counted.some((to) => to.unreadShare)) return;
  let total = new Decimal(0);
  const related: RelatedInformation[] = [];
  if (split) {
    total = total.plus(100);
    related.push({ message: '100% here (the split rows of each record)', range: split.range });
  }
  for (const to of counted) {
    const share = (to.share ? toDecimal(to.share.value) : undefined) ?? new Decimal(100);
    total = total.plus(share);
    related.push({
      message: to.share ? `${to.share.value}% here` : '100% here (no share written)',
      range: to.share?.range ?? to.range,
    });
  }
  if (total.eq(100)) return;
  const fix = split
    ? '`split by` already gives each record 100% through its split rows, so mark the other recipients `as overlay`'
    : 'mark recipients who get credit on top `as overlay`';
  report(
    ctx,
    'AT5001',
    credit.name?.range ?? credit.range,
    `The shares of credit ${name} add up to ${total.toString()}%, not 100%; ${fix}`,
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
