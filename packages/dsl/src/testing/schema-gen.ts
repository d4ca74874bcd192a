/**
 * Generates the plan header settings and the data schema: transaction sources (with key, owner,
 * dated and amount fields and a random choice of others), a split source, an account source and
 * the payee attributes.
 */

import { monthNames } from '../syntax/months.js';
import type { GenDecl, PeriodKind, PlanState } from './plan-model.js';
import { chance, pick, type Random } from './random.js';
import { addName, type FieldModel, type SourceModel, type ValueType } from './scope.js';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Header settings: currency, period, effective dates, sometimes fiscal year and rounding. */
export function generateHeaders(
  random: Random,
  currency: string,
  period: PeriodKind,
  year: number,
): GenDecl[] {
  const fiscalMonth = chance(random, 0.3) ? random.int(1, 12) : 1;
  const start = new Date(Date.UTC(year, fiscalMonth - 1, 1));
  const end = new Date(Date.UTC(year + 1, fiscalMonth - 1, 0));
  const headers: GenDecl[] = [
    { kind: 'CurrencySetting', lines: [`currency ${currency}`] },
    { kind: 'PeriodSetting', lines: [`period ${period}`] },
    { kind: 'EffectiveSetting', lines: [`effective ${isoDate(start)} to ${isoDate(end)}`] },
  ];
  if (fiscalMonth !== 1 || chance(random, 0.2)) {
    headers.push({ kind: 'FiscalYearSetting', lines: [`fiscal year starts ${monthNames[fiscalMonth - 1]}`] });
  }
  if (chance(random, 0.4)) {
    const mode = pick(random, ['half up', 'half even', 'down', 'up']);
    const point = pick(random, ['line', 'earning', 'payout']);
    headers.push({
      kind: 'RoundingSetting',
      lines: [`rounding ${mode} to ${random.int(0, 4)} decimals at ${point}`],
    });
  }
  return headers;
}

const sourceNames = ['deals', 'bookings', 'invoices', 'orders', 'renewals', 'opportunities'];
const ownerNames = ['owner', 'rep', 'seller'];
const dateNames = ['close_date', 'booked_on', 'invoice_date', 'signed_on'];

const optionalFields: readonly FieldModel[] = [
  { name: 'stage', type: 'Text' },
  { name: 'region', type: 'Text' },
  { name: 'product', type: 'Text' },
  { name: 'account', type: 'Text' },
  { name: 'term_months', type: 'Integer' },
  { name: 'discount', type: 'Percent' },
  { name: 'quantity', type: 'Number' },
  { name: 'is_new', type: 'Boolean' },
  { name: 'margin', type: 'Money' },
  { name: 'partner', type: 'Payee' },
];

function typeText(type: ValueType | 'Payee'): string {
  return type;
}

/** A source of transactions with key, owner, dated and amount fields. */
export function generateTransactionSource(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, sourceNames));
  const owner = pick(r, ownerNames);
  const dated = pick(r, dateNames);
  const lines = [`  id: Text key`, `  ${owner}: Payee owner`, `  ${dated}: Date dated`];
  const converted = chance(r, 0.3) ? ` converted on ${dated}` : '';
  lines.push(`  amount: Money${converted}`);
  const fields: FieldModel[] = [
    { name: 'id', type: 'Text' },
    { name: owner, type: 'Payee' },
    { name: dated, type: 'Date' },
    { name: 'amount', type: 'Money' },
  ];
  for (const field of optionalFields) {
    if (!chance(r, 0.55)) continue;
    fields.push(field);
    lines.push(`  ${field.name}: ${typeText(field.type)}`);
  }
  if (chance(r, 0.5)) {
    fields.push({ name: 'cancelled_on', type: 'Date' });
    lines.push('  cancelled_on: Date optional');
  }
  const source: SourceModel = { name, fields, owner, dated };
  state.transactions.push(source);
  state.scope.sources.push(source);
  const label = chance(r, 0.4) ? ` "${name.replace('_', ' ')} records"` : '';
  return { kind: 'Source', lines: [`source ${name}${label} {`, ...lines, '}'] };
}

/** A source of credit splits: `payee: Payee` and `share: Percent` per transaction. */
export function generateSplitSource(state: PlanState): GenDecl {
  const name = state.fresh('deal_splits');
  state.splitSource = {
    name,
    owner: 'payee',
    dated: 'split_date',
    fields: [
      { name: 'id', type: 'Text' },
      { name: 'deal_id', type: 'Text' },
      { name: 'payee', type: 'Payee' },
      { name: 'share', type: 'Percent' },
      { name: 'split_date', type: 'Date' },
    ],
  };
  return {
    kind: 'Source',
    lines: [
      `source ${name} {`,
      '  id: Text key',
      '  deal_id: Text',
      '  payee: Payee owner',
      '  share: Percent',
      '  split_date: Date dated',
      '}',
    ],
  };
}

/** A source of accounts for territories. */
export function generateAccountSource(state: PlanState): GenDecl {
  const name = state.fresh('accounts');
  state.accounts = {
    name,
    owner: '',
    dated: '',
    fields: [
      { name: 'id', type: 'Text' },
      { name: 'region', type: 'Text' },
      { name: 'industry', type: 'Text' },
      { name: 'employees', type: 'Integer' },
      { name: 'revenue', type: 'Money' },
    ],
  };
  return {
    kind: 'Source',
    lines: [
      `source ${name} "Accounts" {`,
      '  id: Text key',
      '  region: Text',
      '  industry: Text',
      '  employees: Integer',
      '  revenue: Money',
      '}',
    ],
  };
}

const payeeExtras: readonly FieldModel[] = [
  { name: 'region', type: 'Text' },
  { name: 'level', type: 'Integer' },
  { name: 'bonus_target', type: 'Money' },
  { name: 'split_rate', type: 'Percent' },
  { name: 'start_date', type: 'Date' },
];

/** The payee attributes: OTE, base, hire date and annual quota, and some others. */
export function generatePayee(state: PlanState): GenDecl {
  const r = state.random;
  const fields: FieldModel[] = [
    { name: 'ote', type: 'Money' },
    { name: 'base', type: 'Money' },
    { name: 'hire_date', type: 'Date' },
    { name: 'annual_quota', type: 'Money' },
    ...payeeExtras.filter(() => chance(r, 0.5)),
  ];
  addName(state.scope.payee, 'Text', 'id');
  addName(state.scope.payee, 'Text', 'name');
  for (const field of fields) addName(state.scope.payee, field.type as ValueType, field.name);
  return { kind: 'Payee', lines: ['payee {', ...fields.map((f) => `  ${f.name}: ${f.type}`), '}'] };
}
