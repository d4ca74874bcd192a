/**
 * Validation of effective-dated payee attributes (`Dataset.attributeChanges`): each change names a
 * payee, an attribute the plan's `payee { ... }` block declares (or `manager`), the day it takes
 * effect, and a value read with the attribute's declared type exactly as a payee's `attributes`
 * are (a manager: a payee id, as in payees). The changes kept are attached to their payees
 * (`PayeeData.changes`, `PayeeData.managerChanges`), where every read finds the value in force
 * (`attributeOn`, `managerOn`).
 */
import type { Field, Plan } from '@attain/dsl';
import type { Value } from '../evaluate/value.js';
import type { CalculationWarning } from '../results/results.js';
import { meant } from '../text/meant.js';
import { quoteAny } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import type { AttributeChange, RawValue } from './dataset.js';
import { emptyRow } from './dense.js';
import type { ManagerFrom, PayeeData } from './model.js';
import { managerId, type PayeeTable, readAttribute, Unreadable } from './payees.js';
import { dataError, type Problems, type RowAt, valueError } from './problems.js';
import { requireDate, requirePayee, requireText } from './sections.js';
import { rowOf } from './values.js';

/** The attribute of a change of manager: not declared by the plan, read as a payee id. */
const MANAGER = 'manager';

/** The part of the dataset, as data errors name it. */
export const ATTRIBUTE_CHANGES = 'attributeChanges';

/** What a payee has besides attributes: named in the error for a change of one of them. */
const NOT_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: 'a payee id is not an attribute',
  name: 'a payee name is not dated: write it in payees',
};

/** A change read without errors so far. */
interface Read {
  at: RowAt;
  payee: string;
  attribute: string;
  from: number;
  value: Value;
}

/** A change of manager read without errors so far. */
interface ManagerRead {
  at: RowAt;
  payee: string;
  from: number;
  manager: string | undefined;
}

/**
 * Validates the changes and attaches those kept to their payees in `payees.byId`. Errors (each a
 * row of `attributeChanges`): a payee who is not among the payees or whose row has errors
 * (`unknown-payee`), an attribute the plan does not declare (`unknown-attribute`), a missing or
 * bad `from` (`missing-field`, `bad-date`), a value that does not read as the attribute's type
 * (the type's code, as in payees; an empty value is no value, allowed only for an `optional`
 * attribute), and two changes of one payee and attribute on the same day (`duplicate-key`, every
 * copy: nothing says which is right).
 *
 * A change of `manager` takes a payee id (empty: no manager from then on). A manager who is not
 * among the payees, or whose row has errors, is no error of the change's row, as in payees: the
 * link is dropped for that span (no manager from that day until the payee's next change of
 * manager), with an `unknown-manager` warning in `payees.warnings`.
 */
export function validateAttributeChanges(
  plan: Plan,
  list: readonly AttributeChange[],
  payees: PayeeTable,
  calendar: FiscalCalendar,
  problems: Problems,
): void {
  if (list.length === 0) return;
  const declared = new Map<string, Field>(plan.payee.map((f) => [f.name, f]));
  const rowsByKey = new Map<string, Keyed>();
  const read: Read[] = [];
  const managers: ManagerRead[] = [];
  list.forEach((entry, i) => {
    if (emptyRow(entry, { source: ATTRIBUTE_CHANGES, row: i + 1 }, problems)) return;
    const c: Partial<AttributeChange> = entry !== null && typeof entry === 'object' ? entry : {};
    const at: RowAt = { source: ATTRIBUTE_CHANGES, row: rowOf(c, i) };
    const payee = requirePayee(at, c.payee, payees, problems);
    const attribute = requireText(at, 'attribute', c.attribute, problems);
    if (attribute === MANAGER && !declared.has(MANAGER)) {
      const from = requireDate(at, 'from', c.from, problems);
      if (payee === undefined || from === undefined) return;
      keyed(rowsByKey, payee, MANAGER, from, at.row);
      const manager = managerId(c.value, at, 'value', problems);
      if (problems.has(at.source, at.row)) return;
      managers.push({ at, payee, from, manager });
      return;
    }
    const field = attribute === undefined ? undefined : declared.get(attribute);
    if (attribute !== undefined && field === undefined)
      problems.add(
        at,
        valueError(at, 'unknown-attribute', 'attribute', attribute, notDeclared(plan, attribute)),
      );
    const from = requireDate(at, 'from', c.from, problems);
    let value: Value | undefined;
    if (field !== undefined) {
      const raw = c.value as RawValue | undefined;
      const got = readAttribute(field, raw, at, calendar, plan.header.currency);
      if (got instanceof Unreadable) {
        // The reason is a payee's (`ote is "abc", which is not an amount`); the cell is `value`.
        const reason =
          got.error.code === 'missing-field'
            ? `${got.error.reason}: only an optional attribute can be left without a value from a date`
            : got.error.reason;
        problems.add(at, { ...got.error, field: 'value', reason });
      } else value = got;
    }
    if (payee === undefined || field === undefined || from === undefined) return;
    keyed(rowsByKey, payee, field.name, from, at.row);
    if (value !== undefined) read.push({ at, payee, attribute: field.name, from, value });
  });
  for (const { payee, attribute, from, rows } of rowsByKey.values()) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => a - b); // named in row order, whatever the order of the input
    for (const row of rows) {
      const at: RowAt = { source: ATTRIBUTE_CHANGES, row };
      const others = rows.filter((r) => r !== row).join(', ');
      const what = `the ${attribute} of ${payee} from ${formatDate(from)} is also given in row ${others}`;
      problems.add(at, dataError(at, 'duplicate-key', 'from', what));
    }
  }
  for (const change of read) {
    if (problems.has(ATTRIBUTE_CHANGES, change.at.row)) continue;
    const data = payees.byId.get(change.payee);
    if (!data) continue;
    data.changes ??= new Map();
    const changes = data.changes.get(change.attribute) ?? [];
    changes.push({ from: change.from, value: change.value, row: change.at.row });
    data.changes.set(change.attribute, changes);
  }
  // By day (one change per payee, attribute and day is kept), whatever the order of the input.
  for (const data of payees.byId.values())
    for (const changes of data.changes?.values() ?? []) changes.sort(byDay);
  attachManagers(managers, payees, problems);
}

/** The rows of the changes of one payee and attribute on one day (more than one: `duplicate-key`). */
interface Keyed {
  payee: string;
  attribute: string;
  from: number;
  rows: number[];
}

/** Notes the row of a change under its payee, attribute and day, for `duplicate-key`. */
function keyed(rowsByKey: Map<string, Keyed>, payee: string, attribute: string, from: number, row: number) {
  const key = `${payee}\u0000${attribute}\u0000${from}`;
  const known = rowsByKey.get(key);
  if (known) known.rows.push(row);
  else rowsByKey.set(key, { payee, attribute, from, rows: [row] });
}

/**
 * Attaches the changes of manager kept to their payees, by day; a manager who is not among the
 * payees (or whose row has errors) is dropped for their span, with an `unknown-manager` warning.
 */
function attachManagers(list: readonly ManagerRead[], payees: PayeeTable, problems: Problems): void {
  const touched = new Set<PayeeData>();
  for (const change of list) {
    if (problems.has(ATTRIBUTE_CHANGES, change.at.row)) continue;
    const data = payees.byId.get(change.payee);
    if (!data) continue;
    data.managerChanges ??= [];
    data.managerChanges.push({ from: change.from, manager: change.manager, row: change.at.row });
    touched.add(data);
  }
  const warnings: { row: number; warning: CalculationWarning }[] = [];
  for (const data of touched) {
    const changes = data.managerChanges as ManagerFrom[];
    changes.sort(byDay);
    changes.forEach((change, i) => {
      const manager = change.manager;
      if (manager === undefined || payees.byId.has(manager)) return;
      change.manager = undefined;
      const why = payees.rowOf.has(manager)
        ? `who has errors in payees row ${payees.rowOf.get(manager)}`
        : 'who is not among the payees';
      const next = changes[i + 1];
      const span = next
        ? `from ${formatDate(change.from)} until ${formatDate(next.from)}, their next change of manager`
        : `from ${formatDate(change.from)}`;
      const id = data.id;
      warnings.push({
        row: change.row,
        warning: {
          code: 'unknown-manager',
          payee: id,
          message: `${ATTRIBUTE_CHANGES} row ${change.row}: manager is ${quoteAny(manager)}, ${why}: ${id} is calculated without a manager ${span}: nobody above ${id} gets roll-up credit through ${id} then, and ${id}'s manager has no value`,
        },
      });
    });
  }
  warnings.sort((a, b) => a.row - b.row);
  payees.warnings.push(...warnings.map((w) => w.warning));
}

function byDay(a: { from: number; row: number }, b: { from: number; row: number }): number {
  return a.from - b.from || a.row - b.row;
}

/** Why `attribute` cannot change: completes `attribute is "x", which …`. */
function notDeclared(plan: Plan, attribute: string): string {
  const names = plan.payee.map((f) => f.name);
  const them = names.length === 0 ? 'it declares none' : `its attributes: ${names.join(', ')}`;
  // `Manager` for `manager`, which no plan declares but a change may name.
  const likely = meant(attribute, plan.payee.some((f) => f.name === MANAGER) ? names : [...names, MANAGER]);
  const hint = likely === undefined ? '' : `did you mean ${likely}? `;
  // Own names only: `constructor` or `__proto__` must not find what every object inherits.
  const why = Object.hasOwn(NOT_ATTRIBUTES, attribute) ? NOT_ATTRIBUTES[attribute] : undefined;
  const also = why === undefined ? '' : `; ${why}`;
  return `is not an attribute of the payee block of plan "${plan.header.name}" (${hint}${them})${also}`;
}
