/**
 * Validation of the other parts of a dataset: its outline (each part where and of the shape
 * `calculate` reads it), FX rates, quotas from data, territory assignments and manual adjustments.
 */
import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import { type Dec, decText } from '../decimal.js';
import type { CalculationWarning, DataError, DataErrorCode } from '../results/results.js';
import { meant } from '../text/meant.js';
import { quote, quoteAny } from '../text/quoted.js';
import type { FiscalCalendar, Period } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import type { FxRate, ManualAdjustment, QuotaValue, RawValue, TerritoryAssignment } from './dataset.js';
import { emptyRow } from './dense.js';
import { FxTable } from './fx.js';
import type { DaySpan, PayeeData } from './model.js';
import type { PayeeTable } from './payees.js';
import { dataError, otherNumbers, type Problems, type RowAt, valueError } from './problems.js';
import { checkRowNumbers } from './row-numbers.js';
import {
  Bad,
  isCurrencyCode,
  isMissing,
  isObject,
  notText,
  readDecimal,
  readMoney,
  rowOf,
  unreadNumber,
} from './values.js';

/** The parts of a dataset that are lists of rows, with what their rows are (for messages). */
const LISTS = {
  payees: 'a list of payees ([{ "id", "name", "attributes" }, …])',
  fx: 'a list of FX rates ([{ "from", "to", "date", "rate" }, …])',
  quotas: 'a list of quotas ([{ "payee", "quota", "period", "amount" }, …])',
  territoryAssignments: 'a list of territory assignments ([{ "payee", "territory", "role" }, …])',
  adjustments: 'a list of manual adjustments ([{ "id", "payee", "period", "amount", "reason" }, …])',
  attributeChanges: 'a list of attribute changes ([{ "payee", "attribute", "value", "from" }, …])',
} as const;

/** Every part of a dataset `calculate` reads (`previous` is checked by `checkPrevious`). */
const PARTS = [
  'payees',
  'records',
  'fx',
  'quotas',
  'territoryAssignments',
  'adjustments',
  'attributeChanges',
  'previous',
];

/**
 * The source a part of the dataset named `name` was probably meant to be under `records`: `name`
 * itself when it is a source (`deals` at the top of the dataset is `records.deals`, even when a
 * source `Deals` exists too), else a source that differs from it only in capitals, spaces, `_`,
 * `-` or `.` (the first in plan order), else none.
 */
function meantSource(name: string, sources: readonly string[]): string | undefined {
  return sources.includes(name) ? name : meant(name, sources);
}

/** `its 3 rows are`, `its 1 row is`, `it is` (not a list, or an empty one): what is not read. */
function rowsOf(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'it is';
  return value.length === 1 ? 'its 1 row is' : `its ${value.length} rows are`;
}

/**
 * Where a whole part of the dataset is: it has no row (`DataError.row` and `RejectedRecord.row`
 * are left out).
 */
function wholePart(source: string): RowAt {
  return { source } as RowAt;
}

/** An error about a whole part of the dataset (no row): `what` is the whole reason. */
function partError(
  problems: Problems,
  source: string,
  code: DataErrorCode,
  field: string | undefined,
  what: string,
): void {
  const error: DataError = { source, code, reason: what };
  if (field !== undefined) error.field = field;
  problems.add(wholePart(source), error);
}

/** True when `object` has nothing under `name` (`null` is nothing too). */
const absent = (object: Record<string, unknown>, name: string): boolean =>
  object[name] === undefined || object[name] === null;

/**
 * Checks the outline of `data` for `plan`: each part where `calculate` reads it and of the shape it
 * reads. A part that is missing (`payees`, `records`) or not of its shape (`fx: "x"`,
 * `records.deals = {}`) is an error with no row (nothing of it is read); so is a part or a list of
 * records under a name that is not read but differs from a missing one only in capitals, spaces,
 * `_`, `-` or `.` (`records.Deals` for `deals`, `territory_assignments`): its rows are lost. Any
 * other name nothing reads is an `unread-part` warning. `null` is an absent optional part; a
 * source of the plan without its list has no records.
 */
export function checkDataset(plan: Plan, data: unknown, problems: Problems): CalculationWarning[] {
  const warnings: CalculationWarning[] = [];
  if (!isObject(data)) {
    partError(
      problems,
      'dataset',
      'bad-type',
      undefined,
      `the dataset is ${quoteAny(data)}, which is not an object of payees and records ({ "payees": [...], "records": { ... } })`,
    );
    return warnings;
  }
  const sources = plan.sources.map((source) => source.name);
  const example = `{ "${sources[0] ?? 'deals'}": [{ "values": { … } }, …] }`;
  for (const [part, what] of Object.entries(LISTS)) {
    const value = data[part];
    if (Array.isArray(value)) continue;
    if (!absent(data, part)) {
      const why = `${part} is ${quoteAny(value)}, which is not ${what}: nothing in it is read`;
      partError(problems, part, 'bad-type', undefined, why);
    } else if (part === 'payees')
      partError(problems, part, 'missing-field', undefined, `payees is missing: write ${what}`);
  }
  const records = data.records;
  if (absent(data, 'records')) {
    const them = sources.length === 0 ? '' : ` (the plan's sources: ${sources.join(', ')})`;
    partError(
      problems,
      'records',
      'missing-field',
      undefined,
      `records is missing: write the records of each source by source name (${example})${them}`,
    );
  } else if (!isObject(records)) {
    partError(
      problems,
      'records',
      'bad-type',
      undefined,
      `records is ${quoteAny(records)}, which is not the records of each source by source name (${example}): nothing in it is read`,
    );
  } else {
    for (const [name, rows] of Object.entries(records)) {
      if (sources.includes(name)) {
        if (!absent(records, name) && !Array.isArray(rows))
          partError(
            problems,
            'records',
            'bad-type',
            name,
            `records.${name} is ${quoteAny(rows)}, which is not a list of rows ([{ "values": { … } }, …]): none of its rows is read`,
          );
        continue;
      }
      const source = meant(name, sources);
      const them = `the plan's sources: ${sources.join(', ') || 'none'}`;
      if (source !== undefined && absent(records, source)) {
        partError(
          problems,
          'records',
          'unknown-part',
          name,
          `records has ${quoteAny(name)}, which is not a source of plan "${plan.header.name}" (did you mean ${source}?): ${rowsOf(rows)} not read, and ${source} has no records`,
        );
        continue;
      }
      const hint = source === undefined ? '' : ` (did you mean ${source}?)`;
      warnings.push({
        code: 'unread-part',
        message: `records has ${quoteAny(name)}, which is not a source of plan "${plan.header.name}"${hint}: ${rowsOf(rows)} not read (${them})`,
      });
    }
  }
  for (const [name, value] of Object.entries(data)) {
    if (PARTS.includes(name)) continue;
    const part = meant(name, PARTS);
    const source = part === undefined && isObject(records) ? meantSource(name, sources) : undefined;
    const lost =
      (part !== undefined && absent(data, part)) ||
      (source !== undefined && isObject(records) && absent(records, source));
    const hint =
      part !== undefined
        ? ` (did you mean ${part}?)`
        : source !== undefined
          ? ` (did you mean records.${source}?)`
          : '';
    const what = `the dataset has ${quoteAny(name)}, which is not a part calculate reads${hint}: ${rowsOf(value)} not read`;
    if (lost) partError(problems, 'dataset', 'unknown-part', name, what);
    else warnings.push({ code: 'unread-part', message: `${what} (the parts read: ${PARTS.join(', ')})` });
  }
  checkRowNumbers(plan, data, problems);
  return warnings;
}

/** A validated territory assignment. */
export interface Assignment {
  payee: string;
  territory: string;
  role: 'primary' | 'overlay';
  from: number | undefined;
  to: number | undefined;
}

/** A validated manual adjustment (applied by the payout stage). */
export interface Adjustment {
  id: string;
  payee: string;
  period: Period;
  amount: Dec;
  currency: string;
  reason: string;
  earning: string | undefined;
  row: number;
}

/** An entry, or an empty one in its place when it is not an object (its fields are then reported missing). */
function objectOr<T extends object>(entry: T): T {
  return entry !== null && typeof entry === 'object' ? entry : ({} as T);
}

const text = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw.trim() !== ''
    ? raw.trim()
    : typeof raw === 'number' && Number.isFinite(raw)
      ? String(raw)
      : undefined;

/**
 * A text that must be given: missing (or blank) is `missing-field`, a value of another kind
 * (`NaN`, `true`, an object) `bad-type`.
 */
export function requireText(at: RowAt, field: string, raw: unknown, problems: Problems): string | undefined {
  const value = text(raw);
  if (value !== undefined) return value;
  const why = notText(raw);
  problems.add(
    at,
    why === undefined
      ? dataError(at, 'missing-field', field, `${field} is missing`)
      : valueError(at, 'bad-type', field, raw as RawValue, why),
  );
  return undefined;
}

/** A text that may be left out: a value of another kind (`NaN`, `true`, an object) is `bad-type`. */
function optionalText(at: RowAt, field: string, raw: unknown, problems: Problems): string | undefined {
  const why = notText(raw);
  if (why !== undefined) problems.add(at, valueError(at, 'bad-type', field, raw as RawValue, why));
  return text(raw);
}

export function requirePayee(
  at: RowAt,
  raw: unknown,
  payees: PayeeTable,
  problems: Problems,
): string | undefined {
  const id = requireText(at, 'payee', raw, problems);
  if (id === undefined || payees.byId.has(id)) return id;
  const row = payees.rowOf.get(id);
  const why = row === undefined ? 'who is not among the payees' : `who has errors in payees row ${row}`;
  problems.add(at, dataError(at, 'unknown-payee', 'payee', `payee is ${quote(id)}, ${why}`));
  return undefined;
}

function requireAmount(
  at: RowAt,
  field: string,
  raw: RawValue | undefined,
  problems: Problems,
): Dec | undefined {
  if (isMissing(raw)) {
    problems.add(at, dataError(at, 'missing-field', field, `${field} is missing`));
    return undefined;
  }
  const value = readDecimal(raw);
  if (!value)
    problems.add(
      at,
      valueError(at, 'bad-number', field, raw, unreadNumber(raw as string | number | boolean)),
    );
  return value;
}

function optionalDate(at: RowAt, field: string, raw: unknown, problems: Problems): number | undefined | null {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const day = typeof raw === 'string' ? parseDate(raw.trim()) : undefined;
  if (day === undefined) {
    problems.add(
      at,
      valueError(at, 'bad-date', field, raw as RawValue, 'is not a date (write it as YYYY-MM-DD)'),
    );
    return null;
  }
  return day;
}

/** A date that must be given: missing (or blank) is `missing-field`, anything but a date `bad-date`. */
export function requireDate(at: RowAt, field: string, raw: unknown, problems: Problems): number | undefined {
  if (isMissing(raw as RawValue | undefined)) {
    problems.add(at, dataError(at, 'missing-field', field, `${field} is missing`));
    return undefined;
  }
  return optionalDate(at, field, raw, problems) ?? undefined;
}

function requirePeriod(
  at: RowAt,
  raw: unknown,
  plan: Plan,
  calendar: FiscalCalendar,
  problems: Problems,
): Period | undefined {
  const label = requireText(at, 'period', raw, problems);
  if (label === undefined) return undefined;
  const period = calendar.parse(label);
  if (period?.kind === plan.header.period) return period;
  problems.add(
    at,
    valueError(at, 'bad-period', 'period', label, `is not a ${plan.header.period} (the plan's period)`),
  );
  return undefined;
}

/** Validates FX rates into a table. Rates repeated for one pair and date are all left out. */
export function validateFx(rates: readonly FxRate[], problems: Problems): FxTable {
  const table = new FxTable();
  const byPairDay = new Map<string, number[]>();
  const good: { at: RowAt; from: string; to: string; day: number; rate: Dec }[] = [];
  rates.forEach((entry, i) => {
    if (emptyRow(entry, { source: 'fx', row: i + 1 }, problems)) return;
    const r = objectOr(entry);
    const at: RowAt = { source: 'fx', row: rowOf(r, i) };
    const from = text(r.from)?.toUpperCase();
    const to = text(r.to)?.toUpperCase();
    for (const [field, code] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (code === undefined || !isCurrencyCode(code))
        problems.add(
          at,
          valueError(
            at,
            'unknown-currency',
            field,
            (r as unknown as Record<string, RawValue>)[field] ?? null,
            'is not a currency code',
          ),
        );
    }
    const day = optionalDate(at, 'date', r.date, problems);
    if (day === undefined) problems.add(at, dataError(at, 'missing-field', 'date', 'date is missing'));
    const rate = requireAmount(at, 'rate', r.rate, problems);
    if (rate && (!rate.isPositive() || rate.isZero())) {
      problems.add(at, valueError(at, 'bad-fx-rate', 'rate', r.rate, 'is not a positive rate'));
    }
    if (problems.has('fx', at.row) || !from || !to || typeof day !== 'number' || !rate) return;
    const id = `${from}>${to}@${day}`;
    byPairDay.set(id, [...(byPairDay.get(id) ?? []), at.row]);
    good.push({ at, from, to, day, rate });
  });
  for (const g of good) {
    const rows = byPairDay.get(`${g.from}>${g.to}@${g.day}`) ?? [];
    if (rows.length > 1) {
      const others = rows
        .filter((r) => r !== g.at.row)
        .sort((x, y) => x - y)
        .join(', ');
      problems.add(
        g.at,
        dataError(
          g.at,
          'duplicate-key',
          'date',
          `the ${g.from} to ${g.to} rate of ${formatDate(g.day)} is also given in row ${others}`,
        ),
      );
      continue;
    }
    table.add(g.from, g.to, g.day, g.rate);
  }
  table.seal();
  return table;
}

/**
 * The amount of a manual adjustment, a plain number: one written with its currency (`"250 EUR"`,
 * as record fields may be) is an error that says where the currency goes.
 */
function adjustmentAmount(at: RowAt, raw: RawValue | undefined, problems: Problems): Dec | undefined {
  const money = typeof raw === 'string' ? readMoney(raw) : undefined;
  if (!money || money instanceof Bad || money.currency === undefined)
    return requireAmount(at, 'amount', raw, problems);
  const where = `the currency goes in currency ("amount": "${decText(money.amount)}", "currency": "${money.currency}")`;
  problems.add(at, valueError(at, 'bad-number', 'amount', raw as RawValue, `is not a number: ${where}`));
  return undefined;
}

/** Validates quotas from data, by `payee|quota|period`. */
export function validateQuotas(
  plan: Plan,
  quotas: readonly QuotaValue[],
  payees: PayeeTable,
  calendar: FiscalCalendar,
  problems: Problems,
): Map<string, Dec> {
  const fromData = new Set(plan.quotas.filter((q) => q.fromData).map((q) => q.name));
  const result = new Map<string, Dec>();
  const rowsById = new Map<string, number[]>();
  const good: { at: RowAt; id: string; amount: Dec }[] = [];
  quotas.forEach((entry, i) => {
    if (emptyRow(entry, { source: 'quotas', row: i + 1 }, problems)) return;
    const q = objectOr(entry);
    const at: RowAt = { source: 'quotas', row: rowOf(q, i) };
    const payee = requirePayee(at, q.payee, payees, problems);
    const quota = requireText(at, 'quota', q.quota, problems);
    if (quota !== undefined && !fromData.has(quota)) {
      problems.add(
        at,
        valueError(at, 'unknown-quota', 'quota', quota, 'is not a quota the plan reads from data'),
      );
    }
    const period = requirePeriod(at, q.period, plan, calendar, problems);
    const amount = requireAmount(at, 'amount', q.amount, problems);
    // A quota is never below zero (a computed one is raised to 0): a negative amount is a typo, and
    // would make attainment negative.
    if (amount?.isNegative())
      problems.add(
        at,
        valueError(
          at,
          'bad-number',
          'amount',
          q.amount as RawValue,
          'is below zero (a quota is never below zero)',
        ),
      );
    if (problems.has('quotas', at.row) || !payee || !quota || !period || !amount) return;
    const id = `${payee}|${quota}|${period.label}`;
    rowsById.set(id, [...(rowsById.get(id) ?? []), at.row]);
    good.push({ at, id, amount });
  });
  for (const g of good) {
    const rows = rowsById.get(g.id) ?? [];
    if (rows.length > 1) {
      const others = rows
        .filter((x) => x !== g.at.row)
        .sort((x, y) => x - y)
        .join(', ');
      problems.add(
        g.at,
        dataError(
          g.at,
          'duplicate-key',
          'quota',
          `the same payee, quota and period are also given in row ${others}`,
        ),
      );
    } else result.set(g.id, g.amount);
  }
  return result;
}

/** Validates territory assignments against the plan's territories. */
export function validateAssignments(
  plan: Plan,
  list: readonly TerritoryAssignment[],
  payees: PayeeTable,
  problems: Problems,
): Assignment[] {
  const names = new Set(plan.territories?.territories.map((t) => t.name) ?? []);
  const result: Assignment[] = [];
  list.forEach((entry, i) => {
    if (emptyRow(entry, { source: 'territoryAssignments', row: i + 1 }, problems)) return;
    const a = objectOr(entry);
    const at: RowAt = { source: 'territoryAssignments', row: rowOf(a, i) };
    const payee = requirePayee(at, a.payee, payees, problems);
    const territory = requireText(at, 'territory', a.territory, problems);
    if (territory !== undefined && !names.has(territory)) {
      problems.add(
        at,
        valueError(at, 'unknown-territory', 'territory', territory, 'is not a territory of the plan'),
      );
    }
    if (a.role !== 'primary' && a.role !== 'overlay') {
      problems.add(
        at,
        valueError(at, 'bad-type', 'role', (a.role as RawValue) ?? null, 'is not primary or overlay'),
      );
    }
    const from = optionalDate(at, 'from', a.from, problems);
    const to = optionalDate(at, 'to', a.to, problems);
    if (typeof from === 'number' && typeof to === 'number' && to < from) {
      const what = `the assignment ends (${formatDate(to)}) before it starts (${formatDate(from)})`;
      problems.add(at, dataError(at, 'bad-date', 'to', what));
    }
    if (problems.has(at.source, at.row) || !payee || !territory || from === null || to === null) return;
    result.push({ payee, territory, role: a.role, from, to });
  });
  return result;
}

/** The periods a run calculates, to check that each manual adjustment of them has a statement to go on. */
export interface CalculatedPeriods {
  periods: readonly Period[];
  /** True when the payee has a statement in the period: on the plan for at least one day of it (`Program.onPlan`). */
  onPlan(payee: PayeeData, period: Period): boolean;
}

/** Why a payee has no statement in a period: the plan's dates, or the payee's assignments to the plan. */
function notOnPlan(plan: Plan, payee: PayeeData, period: Period): string {
  const { from, to } = plan.header.effective;
  const name = `plan "${plan.header.name}"`;
  if (period.end < (parseDate(from) as number) || period.start > (parseDate(to) as number))
    return `${name} is in effect only ${from} to ${to}`;
  if (!payee.onPlan?.length) return `${payee.id} has no assignment to ${name}`;
  const span = (s: DaySpan) =>
    s.from === s.to ? formatDate(s.from) : `${formatDate(s.from)} to ${formatDate(s.to)}`;
  return `${payee.id} is on ${name} only ${payee.onPlan.map(span).join(', ')}`;
}

/**
 * Validates manual adjustments (ids must be unique). With `calculated` and a plan that reads
 * adjustments (`adjustment ... from data`), an adjustment of a calculated period whose payee has
 * no statement in it (not on the plan then) is an error: nothing would pay it. An adjustment of a
 * period the run does not calculate is left for the run that does.
 */
export function validateAdjustments(
  plan: Plan,
  list: readonly ManualAdjustment[],
  payees: PayeeTable,
  calendar: FiscalCalendar,
  fx: FxTable,
  problems: Problems,
  calculated?: CalculatedPeriods,
): Adjustment[] {
  const runs = new Set(calculated?.periods.map((p) => p.ordinal));
  const result: Adjustment[] = [];
  const rowsById = new Map<string, number[]>();
  list.forEach((entry, i) => {
    if (emptyRow(entry, { source: 'adjustments', row: i + 1 }, problems)) return;
    const a = objectOr(entry);
    const at: RowAt = { source: 'adjustments', row: rowOf(a, i) };
    const id = requireText(at, 'id', a.id, problems);
    if (id !== undefined) {
      at.key = id;
      rowsById.set(id, [...(rowsById.get(id) ?? []), at.row]);
    }
    const payee = requirePayee(at, a.payee, payees, problems);
    const period = requirePeriod(at, a.period, plan, calendar, problems);
    const amount = adjustmentAmount(at, a.amount, problems);
    const currency =
      optionalText(at, 'currency', a.currency, problems)?.toUpperCase() ?? plan.header.currency;
    // A currency of another kind (`NaN`, an object) is reported by `optionalText`, never taken as
    // the plan's.
    const ofAnotherKind = notText(a.currency) !== undefined;
    if (!ofAnotherKind && (!isCurrencyCode(currency) || !fx.hasPair(currency, plan.header.currency))) {
      problems.add(
        at,
        valueError(
          at,
          'unknown-currency',
          'currency',
          a.currency ?? null,
          `has no FX rate to ${plan.header.currency}`,
        ),
      );
    }
    const reason = requireText(at, 'reason', a.reason, problems);
    const earning = optionalText(at, 'earning', a.earning, problems);
    if (problems.has(at.source, at.row) || !id || !payee || !period || !amount || !reason) return;
    const data = payees.byId.get(payee);
    const read = plan.adjustments.length > 0;
    if (read && data && calculated && runs.has(period.ordinal) && !calculated.onPlan(data, period)) {
      const why = `period is "${period.label}", but ${notOnPlan(plan, data, period)}, so ${payee} has no statement in ${period.label} to pay the adjustment on`;
      problems.add(at, dataError(at, 'off-plan', 'period', why));
      return;
    }
    result.push({ id, payee, period, amount, currency, reason, earning, row: at.row });
  });
  for (const [id, rows] of rowsById) {
    if (rows.length < 2) continue;
    rows.sort((x, y) => x - y);
    for (const row of rows) {
      const at: RowAt = { source: 'adjustments', row, key: id };
      problems.add(
        at,
        dataError(
          at,
          'duplicate-key',
          'id',
          `id ${quoteAny(id)} is also used in row ${otherNumbers(rows, row)}`,
        ),
      );
    }
  }
  const kept = result
    .filter((a) => !problems.has('adjustments', a.row))
    .sort((a, b) => compareText(a.id, b.id));
  return kept;
}

/**
 * An `off-plan` warning for each manual adjustment whose period lies outside the plan's effective
 * dates (`2025-Q1` in the adjustments of a plan of 2026): no run of this plan calculates that
 * period, so nothing would ever pay it, and it would be left out without a word. It belongs to
 * the data of the plan in force then. None when the plan reads no adjustments.
 */
export function adjustmentsOutsidePlan(plan: Plan, adjustments: readonly Adjustment[]): CalculationWarning[] {
  if (plan.adjustments.length === 0) return [];
  const { from, to } = plan.header.effective;
  const start = parseDate(from);
  const end = parseDate(to);
  if (start === undefined || end === undefined) return [];
  return adjustments
    .filter((a) => a.period.end < start || a.period.start > end)
    .map((a) => ({
      code: 'off-plan' as const,
      payee: a.payee,
      period: a.period.label,
      message: `adjustments row ${a.row}: adjustment ${a.id} is for ${a.period.label}, outside the effective dates of plan "${plan.header.name}" (${from} to ${to}): no run of this plan calculates ${a.period.label}, so it is not paid (give it to the plan in force then)`,
    }));
}

/**
 * An `unknown-earning` warning for each adjustment whose `earning` is none of the plan's earnings
 * (`"nope"`, `"Comission"`): it is paid all the same (the earning is only reported), but the report
 * would file it under an earning that does not exist. None when the plan reads no adjustments (the
 * `adjustments-not-read` warning says so), nor, with `calculated`, for an adjustment of a period
 * the run does not calculate: this run pays nothing of it (the run that calculates it warns).
 */
export function unknownEarningWarnings(
  plan: Plan,
  adjustments: readonly Adjustment[],
  calculated?: CalculatedPeriods,
): CalculationWarning[] {
  if (plan.adjustments.length === 0) return [];
  const runs = calculated && new Set(calculated.periods.map((p) => p.ordinal));
  const names = plan.earnings.map((e) => e.name);
  const known = new Set(names);
  const list = names.length === 0 ? 'the plan has no earnings' : `its earnings: ${names.join(', ')}`;
  return adjustments
    .filter((a) => a.earning !== undefined && !known.has(a.earning))
    .filter((a) => runs === undefined || runs.has(a.period.ordinal))
    .map((a) => {
      const written = a.earning as string;
      const likely = meant(written, names);
      const hint = likely === undefined ? '' : `, did you mean "${likely}"?`;
      return {
        code: 'unknown-earning' as const,
        payee: a.payee,
        period: a.period.label,
        message: `adjustments row ${a.row}: earning is ${quote(written)}, which is not an earning of plan "${plan.header.name}" (${list}${hint}); adjustment ${a.id} is paid all the same, and reported under ${quote(written)}`,
      };
    });
}
