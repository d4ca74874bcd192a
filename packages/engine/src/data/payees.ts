/**
 * Validation of payees: id and name, the declared attributes, the manager, plan assignments.
 */
import type { Field, Plan } from '@attain/dsl';
import type { Value } from '../evaluate/value.js';
import type { CalculationWarning, DataError } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import { validateAttributeChanges } from './attribute-changes.js';
import type { AttributeChange, Payee, PlanAssignment, RawValue } from './dataset.js';
import { emptyRow } from './dense.js';
import type { DaySpan, PayeeData } from './model.js';
import { dataError, otherNumbers, type Problems, type RowAt, valueError } from './problems.js';
import type { CalculatedPeriods } from './sections.js';
import { Bad, idText, isMissing, notText, readerFor, readMoney, rowOf } from './values.js';

/** The section name of payees in errors. */
export const PAYEES = 'payees';

/** What payee validation gives: the payees kept, and every payee row by id (for messages). */
export interface PayeeTable {
  /** Valid payees by id. */
  byId: Map<string, PayeeData>;
  /** The row of every payee id in the input, valid or not. */
  rowOf: Map<string, number>;
  /**
   * Plan assignments naming a plan whose name differs from this plan's only in capitals or spaces
   * (`Enterprise Ae`): a typo, most likely, that leaves the payee off this plan.
   */
  misnamed: { payee: string; row: number; plan: string }[];
  /**
   * Warnings about payees kept: a manager who is not among the payees or whose row has errors
   * (`unknown-manager`: the link is dropped), and an attribute the plan reads of another payee
   * (`payee.manager.ote`, `owner.region`) that is missing or unreadable in the row of a payee not on
   * the plan (`no-value`).
   */
  warnings: CalculationWarning[];
}

/** An attribute of a payee off the plan that could not be read: not an error of their row. */
interface Unread {
  field: string;
  /** The error it would be for a payee on the plan. */
  error: DataError;
}

/**
 * Validates the payees. A payee with an error is recorded in `problems` and left out of `byId`.
 *
 * Only a payee on the plan (in a period of `calculated`; without it, on any day of the plan's
 * dates) must have the attributes the plan declares: for a payee off the plan (a manager on
 * another plan, a co-selling rep) a missing or unreadable attribute has no value and is no error
 * of their row; where the plan reads it of another payee it is a `no-value` warning. A payee whose
 * manager is not among the payees, or whose manager's row has errors, is kept without a manager,
 * with an `unknown-manager` warning: one payee's pay never depends on another payee's row.
 * `changes` (`Dataset.attributeChanges`) are validated against the payees kept and attached to them.
 */
export function validatePayees(
  plan: Plan,
  payees: readonly Payee[],
  calendar: FiscalCalendar,
  problems: Problems,
  calculated?: CalculatedPeriods,
  changes: readonly AttributeChange[] = [],
): PayeeTable {
  const rowOfId = new Map<string, number>();
  const candidates: PayeeData[] = [];
  const unread = new Map<PayeeData, Unread[]>();
  const seen = new Map<string, number[]>();
  const misnamed: PayeeTable['misnamed'] = [];
  // The list is dense (see validate): a hole is visited as an empty row.
  payees.forEach((entry, i) => {
    if (emptyRow(entry, { source: PAYEES, row: i + 1 }, problems)) return;
    if (typeof entry !== 'object') {
      const at: RowAt = { source: PAYEES, row: i + 1 };
      problems.add(at, dataError(at, 'bad-type', undefined, 'the payee is not an object'));
      return;
    }
    const payee = entry;
    const row = rowOf(payee, i);
    const at: RowAt = { source: PAYEES, row, key: idText(payee.id) };
    const read = readPayee(plan, payee, at, calendar, problems, calculated, (written) => {
      if (at.key !== undefined) misnamed.push({ payee: at.key, row, plan: written });
    });
    if (at.key === undefined) return;
    const rows = seen.get(at.key);
    if (rows) rows.push(row);
    else seen.set(at.key, [row]);
    if (!rowOfId.has(at.key)) rowOfId.set(at.key, row);
    if (!read) return;
    candidates.push(read.data);
    if (read.unread.length > 0) unread.set(read.data, read.unread);
  });
  for (const [id, rows] of seen) {
    if (rows.length < 2) continue;
    rows.sort((x, y) => x - y);
    for (const row of rows) {
      const others = otherNumbers(rows, row);
      problems.add(
        { source: PAYEES, row, key: id },
        dataError(
          { source: PAYEES, row, key: id },
          'duplicate-payee',
          'id',
          `id ${quoteAny(id)} is also used in row ${others}`,
        ),
      );
    }
  }
  const byId = new Map<string, PayeeData>();
  for (const p of candidates) if (!problems.has(PAYEES, p.row)) byId.set(p.id, p);
  const warnings: CalculationWarning[] = [];
  // A payee whose manager is unknown or left out keeps their own pay: only the link is dropped.
  for (const p of byId.values()) {
    if (p.manager === undefined || byId.has(p.manager)) continue;
    const manager = p.manager;
    p.manager = undefined;
    const why = rowOfId.has(manager)
      ? `who has errors in payees row ${rowOfId.get(manager)}`
      : 'who is not among the payees';
    warnings.push({
      code: 'unknown-manager',
      payee: p.id,
      message: `payees row ${p.row}: manager is ${quoteAny(manager)}, ${why}: ${p.id} is calculated without a manager: nobody above ${p.id} gets roll-up credit through ${p.id}, and ${p.id}'s manager has no value`,
    });
  }
  const table: PayeeTable = { byId, rowOf: rowOfId, misnamed, warnings };
  // Before the warnings about attributes with no value: a change may give one from a date on.
  validateAttributeChanges(plan, changes, table, calendar, problems);
  warnings.push(...unreadWarnings(plan, byId, unread, calculated !== undefined));
  return table;
}

/** A payee as read, with the attributes left unread because the payee is off the plan. */
interface ReadPayee {
  data: PayeeData;
  unread: Unread[];
}

function readPayee(
  plan: Plan,
  payee: Payee,
  at: RowAt,
  calendar: FiscalCalendar,
  problems: Problems,
  calculated: CalculatedPeriods | undefined,
  misnamed: (written: string) => void,
): ReadPayee | undefined {
  if (at.key === undefined) problems.add(at, textError(at, 'id', payee.id, 'is not an id (a text)'));
  const name = typeof payee.name === 'string' ? payee.name.trim() : '';
  if (name === '') problems.add(at, textError(at, 'name', payee.name));
  const manager = managerId(payee.manager, at, 'manager', problems);
  const onPlan = assignments(plan, payee, at, problems, misnamed);
  const attrs = new Map<string, Value>();
  const data: PayeeData = { id: at.key ?? '', name, manager, row: at.row, attrs, onPlan };
  const required = isOnPlan(plan, data, calculated);
  const attributes = payee.attributes ?? {};
  const unread: Unread[] = [];
  for (const field of plan.payee) {
    const read = readAttribute(field, attributes[field.name], at, calendar, plan.header.currency);
    if (read instanceof Unreadable) {
      if (required) problems.add(at, read.error);
      else unread.push({ field: field.name, error: read.error });
      attrs.set(field.name, null);
    } else attrs.set(field.name, read);
  }
  if (at.key === undefined || problems.has(at.source, at.row)) return undefined;
  return { data, unread };
}

/**
 * The error of a text that is missing or blank (`missing-field`) or of another kind (`bad-type`:
 * `NaN`, `true`, an object); `why` completes "name is NaN, which …".
 */
function textError(at: RowAt, field: string, raw: unknown, why = notText(raw) ?? 'is not a text'): DataError {
  return isMissing(raw as RawValue | undefined)
    ? dataError(at, 'missing-field', field, `${field} is missing`)
    : valueError(at, 'bad-type', field, raw as RawValue, why);
}

/**
 * A manager's id as written (a text or a finite number; `undefined` when there is none); a value
 * of another kind (`NaN`, `true`, an object) is a `bad-type` error of the row, never taken as the
 * id "NaN".
 */
export function managerId(raw: unknown, at: RowAt, field: string, problems: Problems): string | undefined {
  if (isMissing(raw as RawValue | undefined)) return undefined;
  const why = notText(raw);
  if (why !== undefined) {
    problems.add(at, valueError(at, 'bad-type', field, raw as RawValue, why));
    return undefined;
  }
  return idText(raw);
}

/**
 * True when the payee must have the plan's attributes: on the plan in a calculated period, or,
 * without `calculated`, on any day of the plan's dates. A payee whose assignments are not a list
 * is taken as on the plan (their row is an error anyway, and every error of it is named).
 */
function isOnPlan(plan: Plan, payee: PayeeData, calculated: CalculatedPeriods | undefined): boolean {
  if (calculated) return calculated.periods.some((period) => calculated.onPlan(payee, period));
  if (!payee.onPlan) return true;
  const start = parseDate(plan.header.effective.from) as number;
  const end = parseDate(plan.header.effective.to) as number;
  return payee.onPlan.some((s) => s.from <= end && s.to >= start);
}

/** Why an attribute could not be read: the error it is in the row of a payee on the plan. */
export class Unreadable {
  constructor(readonly error: DataError) {}
}

/**
 * Where the plan reads attributes of a payee other than the one calculated: `payee.manager.ote`,
 * `owner.region`. By attribute, the expressions as written, and whether each reads a manager's.
 */
function otherPayeeReads(plan: Plan): Map<string, { text: string; ofManager: boolean }[]> {
  const declared = new Set(plan.payee.map((f) => f.name));
  const reads = new Map<string, { text: string; ofManager: boolean }[]>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const expr = node as {
      op?: unknown;
      member?: unknown;
      object?: { op?: unknown; member?: unknown; type?: { kind?: unknown } };
    };
    if (
      expr.op === 'member' &&
      typeof expr.member === 'string' &&
      declared.has(expr.member) &&
      expr.object?.type?.kind === 'Payee' &&
      expr.object.op !== 'payee'
    ) {
      const list = reads.get(expr.member) ?? [];
      const text = `${written(expr.object)}.${expr.member}`;
      if (!list.some((r) => r.text === text))
        list.push({ text, ofManager: expr.object.op === 'member' && expr.object.member === 'manager' });
      reads.set(expr.member, list);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(plan);
  return reads;
}

/** A payee-valued expression as written: `payee.manager`, `owner`; `…` for anything else. */
function written(expr: unknown): string {
  const e = expr as { op?: unknown; object?: unknown; member?: unknown; field?: unknown; name?: unknown };
  if (e.op === 'payee') return 'payee';
  if (e.op === 'field' && typeof e.field === 'string') return e.field;
  if (e.op === 'ref' && typeof e.name === 'string') return e.name;
  if (e.op === 'member' && typeof e.member === 'string') return `${written(e.object)}.${e.member}`;
  return '…';
}

/**
 * A `no-value` warning per payee off the plan and attribute of theirs the plan reads of another
 * payee (`payee.manager.ote`: only of a payee who is someone's manager) but could not be read.
 */
function unreadWarnings(
  plan: Plan,
  byId: ReadonlyMap<string, PayeeData>,
  unread: ReadonlyMap<PayeeData, Unread[]>,
  calculated: boolean,
): CalculationWarning[] {
  const warnings: CalculationWarning[] = [];
  if (unread.size === 0) return warnings;
  const reads = otherPayeeReads(plan);
  if (reads.size === 0) return warnings;
  const managers = new Set<string>();
  for (const p of byId.values()) {
    if (p.manager !== undefined) managers.add(p.manager);
    for (const change of p.managerChanges ?? [])
      if (change.manager !== undefined) managers.add(change.manager);
  }
  const when = calculated ? ' in the periods calculated' : '';
  for (const [payee, list] of unread) {
    if (byId.get(payee.id) !== payee) continue;
    for (const { field, error } of list) {
      const where = (reads.get(field) ?? []).filter((r) => !r.ofManager || managers.has(payee.id));
      if (where.length === 0) continue;
      warnings.push({
        code: 'no-value',
        payee: payee.id,
        message: `${error.reason}; ${payee.id} is not on plan "${plan.header.name}"${when}, so the row is kept, but where the plan reads ${field} of ${payee.id} (${where.map((r) => r.text).join(', ')}) it has no value${until(payee, field)}`,
      });
    }
  }
  return warnings;
}

/** `before 2026-08-01, …`: when the payee's attribute changes get it a value (none: nothing). */
function until(payee: PayeeData, field: string): string {
  const first = payee.changes?.get(field)?.[0];
  return first === undefined ? '' : ` before ${formatDate(first.from)}, its first change in attributeChanges`;
}

/** Reads one attribute: its value (`null` when an optional one is empty), or why it cannot be read. */
export function readAttribute(
  field: Field,
  raw: RawValue | undefined,
  at: RowAt,
  calendar: FiscalCalendar,
  currency: string,
): Value | Unreadable {
  if (isMissing(raw)) {
    if (!field.optional)
      return new Unreadable(dataError(at, 'missing-field', field.name, `${field.name} is missing`));
    return null;
  }
  if (field.type.kind === 'Money') {
    const money = readMoney(raw);
    if (money instanceof Bad) return new Unreadable(valueError(at, money.code, field.name, raw, money.why));
    const expected = field.type.currency ?? currency;
    if (money.currency !== undefined && money.currency !== expected)
      return new Unreadable(valueError(at, 'currency-mismatch', field.name, raw, `is not in ${expected}`));
    return money.amount;
  }
  const value = readerFor(field.type, calendar)(raw);
  if (value instanceof Bad) return new Unreadable(valueError(at, value.code, field.name, raw, value.why));
  return value;
}

/**
 * The day written in an assignment's `from` or `to`: `undefined` when it has no value (left out,
 * `null` or empty text: the plan's own start or end), `null` after an error naming `plans[i].to`.
 */
function assignmentDay(
  raw: unknown,
  i: number,
  field: 'from' | 'to',
  at: RowAt,
  problems: Problems,
): number | undefined | null {
  if (raw === undefined || isMissing(raw as RawValue)) return undefined;
  const day = typeof raw === 'string' ? parseDate(raw.trim()) : undefined;
  if (day !== undefined) return day;
  const what = `plans[${i}].${field} is ${quoteAny(raw as RawValue)}, which is not a date (write it as YYYY-MM-DD)`;
  problems.add(at, dataError(at, 'bad-date', 'plans', what));
  return null;
}

/** A plan name as compared for a typo: small letters, spaces collapsed. */
function loosely(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The days on this plan, from the assignments naming it; `undefined` when the payee has none
 * listed. `misnamed` hears of each assignment naming this plan but for capitals or spaces.
 */
function assignments(
  plan: Plan,
  payee: Payee,
  at: RowAt,
  problems: Problems,
  misnamed: (written: string) => void,
): DaySpan[] | undefined {
  const plans = payee.plans as unknown;
  if (plans === undefined || plans === null) return undefined;
  // Anything else than a list would leave the payee on the plan all year: an error.
  if (!Array.isArray(plans)) {
    const what = `plans is ${quoteAny(plans)}, which is not a list of plan assignments (write [{ "plan": "${plan.header.name}", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }])`;
    problems.add(at, dataError(at, 'bad-type', 'plans', what));
    return undefined;
  }
  const start = parseDate(plan.header.effective.from) as number;
  const end = parseDate(plan.header.effective.to) as number;
  const spans: DaySpan[] = [];
  for (const [i, entry] of (plans as unknown[]).entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      const what = `plans[${i}] is ${quoteAny(entry)}, which is not a plan assignment ({ "plan", "from", "to" })`;
      problems.add(at, dataError(at, 'bad-type', 'plans', what));
      continue;
    }
    const a = entry as PlanAssignment;
    if (typeof a.plan !== 'string' || a.plan.trim() === '') {
      const missing = a.plan === undefined || a.plan === null || typeof a.plan === 'string';
      const what = missing
        ? `plans[${i}].plan is missing (the name of the plan the payee is assigned to)`
        : `plans[${i}].plan is ${quoteAny(a.plan)}, which is not a plan name`;
      problems.add(at, dataError(at, missing ? 'missing-field' : 'bad-type', 'plans', what));
      continue;
    }
    if (a.plan !== plan.header.name) {
      if (loosely(a.plan) === loosely(plan.header.name)) misnamed(a.plan);
      continue;
    }
    // `null` and empty text are no value, as for any field: an open end, as if left out.
    const from = assignmentDay(a.from, i, 'from', at, problems);
    const to = assignmentDay(a.to, i, 'to', at, problems);
    if (from === null || to === null) continue;
    const first = from ?? start;
    const last = to ?? end;
    if (first <= last) spans.push({ from: first, to: last });
    else if (from !== undefined && to !== undefined)
      problems.add(
        at,
        dataError(
          at,
          'bad-date',
          'plans',
          `plans[${i}].to (${formatDate(to)}) is before plans[${i}].from (${formatDate(from)}): the assignment to ${quoteAny(a.plan)} ends before it starts`,
        ),
      );
    // With one end left open, a reversed span lies wholly outside the plan's dates (a leaver who
    // left before the plan began, a joiner after it ended): no days on this plan, not an error.
  }
  return spans.sort((a, b) => a.from - b.from || a.to - b.to);
}
