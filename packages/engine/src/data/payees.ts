/**
 * Validation of payees: id and name, the declared attributes, the manager, plan assignments.
 */
import type { Field, Plan } from '@attain/dsl';
import type { Value } from '../evaluate/value.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import type { Payee, PlanAssignment, RawValue } from './dataset.js';
import type { DaySpan, PayeeData } from './model.js';
import { dataError, type Problems, type RowAt, valueError } from './problems.js';
import { Bad, isMissing, quoteAny, readerFor, readMoney, rowOf } from './values.js';

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
}

/**
 * Validates the payees. A payee with an error, or whose manager has one, is recorded in
 * `problems` and left out of `byId`.
 */
export function validatePayees(
  plan: Plan,
  payees: readonly Payee[],
  calendar: FiscalCalendar,
  problems: Problems,
): PayeeTable {
  const rowOfId = new Map<string, number>();
  const candidates: PayeeData[] = [];
  const seen = new Map<string, number[]>();
  const misnamed: PayeeTable['misnamed'] = [];
  payees.forEach((entry, i) => {
    const payee: Payee =
      entry !== null && typeof entry === 'object' ? entry : ({ id: '', name: '', attributes: {} } as Payee);
    const row = rowOf(payee, i);
    const id = typeof payee.id === 'number' ? String(payee.id) : payee.id;
    const at: RowAt = {
      source: PAYEES,
      row,
      key: typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined,
    };
    const data = readPayee(plan, payee, at, calendar, problems, (written) => {
      if (at.key !== undefined) misnamed.push({ payee: at.key, row, plan: written });
    });
    if (at.key === undefined) return;
    const rows = seen.get(at.key);
    if (rows) rows.push(row);
    else seen.set(at.key, [row]);
    if (!rowOfId.has(at.key)) rowOfId.set(at.key, row);
    if (data) candidates.push(data);
  });
  for (const [id, rows] of seen) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).join(', ');
      problems.add(
        { source: PAYEES, row, key: id },
        dataError(
          { source: PAYEES, row, key: id },
          'duplicate-payee',
          'id',
          `id "${id}" is also used in row ${others}`,
        ),
      );
    }
  }
  const byId = new Map<string, PayeeData>();
  for (const p of candidates) if (!problems.has(PAYEES, p.row)) byId.set(p.id, p);
  // A payee whose manager is unknown or left out is left out too, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of [...byId.values()]) {
      if (p.manager === undefined || byId.has(p.manager)) continue;
      const at: RowAt = { source: PAYEES, row: p.row, key: p.id };
      const why = rowOfId.has(p.manager)
        ? `who has errors in payees row ${rowOfId.get(p.manager)}`
        : 'who is not among the payees';
      problems.add(at, dataError(at, 'unknown-payee', 'manager', `manager is "${p.manager}", ${why}`));
      byId.delete(p.id);
      changed = true;
    }
  }
  return { byId, rowOf: rowOfId, misnamed };
}

function readPayee(
  plan: Plan,
  payee: Payee,
  at: RowAt,
  calendar: FiscalCalendar,
  problems: Problems,
  misnamed: (written: string) => void,
): PayeeData | undefined {
  if (at.key === undefined) problems.add(at, dataError(at, 'missing-field', 'id', 'id is missing'));
  const name = typeof payee.name === 'string' ? payee.name.trim() : '';
  if (name === '') problems.add(at, dataError(at, 'missing-field', 'name', 'name is missing'));
  const attributes = payee.attributes ?? {};
  const attrs = new Map<string, Value>();
  for (const field of plan.payee) {
    const value = readAttribute(field, attributes[field.name], at, calendar, plan.header.currency, problems);
    attrs.set(field.name, value === undefined ? null : value);
  }
  const manager = isMissing(payee.manager) ? undefined : String(payee.manager).trim();
  const onPlan = assignments(plan, payee, at, problems, misnamed);
  if (at.key === undefined || problems.has(at.source, at.row)) return undefined;
  return { id: at.key, name, manager, row: at.row, attrs, onPlan };
}

function readAttribute(
  field: Field,
  raw: RawValue | undefined,
  at: RowAt,
  calendar: FiscalCalendar,
  currency: string,
  problems: Problems,
): Value | undefined {
  if (isMissing(raw)) {
    if (!field.optional)
      problems.add(at, dataError(at, 'missing-field', field.name, `${field.name} is missing`));
    return null;
  }
  if (field.type.kind === 'Money') {
    const money = readMoney(raw);
    if (money instanceof Bad) {
      problems.add(at, valueError(at, money.code, field.name, raw, money.why));
      return undefined;
    }
    const expected = field.type.currency ?? currency;
    if (money.currency !== undefined && money.currency !== expected) {
      problems.add(at, valueError(at, 'currency-mismatch', field.name, raw, `is not in ${expected}`));
      return undefined;
    }
    return money.amount;
  }
  const value = readerFor(field.type, calendar)(raw);
  if (value instanceof Bad) {
    problems.add(at, valueError(at, value.code, field.name, raw, value.why));
    return undefined;
  }
  return value;
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
    const from = a.from === undefined ? start : parseDate(a.from);
    const to = a.to === undefined ? end : parseDate(a.to);
    if (from === undefined)
      problems.add(at, valueError(at, 'bad-date', 'plans', a.from, 'is not a date (write it as YYYY-MM-DD)'));
    if (to === undefined)
      problems.add(at, valueError(at, 'bad-date', 'plans', a.to, 'is not a date (write it as YYYY-MM-DD)'));
    if (from === undefined || to === undefined) continue;
    if (from <= to) spans.push({ from, to });
    else if (a.from !== undefined && a.to !== undefined)
      problems.add(
        at,
        dataError(
          at,
          'bad-date',
          'plans',
          `the assignment to "${a.plan}" ends (${a.to}) before it starts (${a.from})`,
        ),
      );
    // With one end left open, a reversed span lies wholly outside the plan's dates (a leaver who
    // left before the plan began, a joiner after it ended): no days on this plan, not an error.
  }
  return spans.sort((a, b) => a.from - b.from || a.to - b.to);
}
