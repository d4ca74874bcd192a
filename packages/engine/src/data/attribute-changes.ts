/**
 * Validation of effective-dated payee attributes (`Dataset.attributeChanges`): each change names a
 * payee, an attribute the plan's `payee { ... }` block declares, the day it takes effect, and a
 * value read with the attribute's declared type exactly as a payee's `attributes` are. The
 * changes kept are attached to their payees (`PayeeData.changes`), where every read of an
 * attribute finds the value in force (`attributeOn`).
 */
import type { Field, Plan } from '@attain/dsl';
import type { Value } from '../evaluate/value.js';
import { meant } from '../text/meant.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import type { AttributeChange, RawValue } from './dataset.js';
import type { AttributeValueFrom } from './model.js';
import { type PayeeTable, readAttribute, Unreadable } from './payees.js';
import { dataError, type Problems, type RowAt, valueError } from './problems.js';
import { requirePayee, requireText } from './sections.js';
import { rowOf } from './values.js';

/** The part of the dataset, as data errors name it. */
export const ATTRIBUTE_CHANGES = 'attributeChanges';

/** What a payee has besides attributes: named in the error for a change of one of them. */
const NOT_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: 'a payee id is not an attribute',
  name: 'a payee name is not dated: write it in payees',
  manager: 'a manager is not dated: write it in payees',
};

/** A change read without errors so far. */
interface Read {
  at: RowAt;
  payee: string;
  attribute: string;
  from: number;
  value: Value;
}

/**
 * Validates the changes and attaches those kept to their payees in `payees.byId`. Errors (each a
 * row of `attributeChanges`): a payee who is not among the payees or whose row has errors
 * (`unknown-payee`), an attribute the plan does not declare (`unknown-attribute`), a missing or
 * bad `from` (`missing-field`, `bad-date`), a value that does not read as the attribute's type
 * (the type's code, as in payees; an empty value is no value, allowed only for an `optional`
 * attribute), and two changes of one payee and attribute on the same day (`duplicate-key`, every
 * copy: nothing says which is right).
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
  const rowsByKey = new Map<string, number[]>();
  const read: Read[] = [];
  list.forEach((entry, i) => {
    const c: Partial<AttributeChange> = entry !== null && typeof entry === 'object' ? entry : {};
    const at: RowAt = { source: ATTRIBUTE_CHANGES, row: rowOf(c, i) };
    const payee = requirePayee(at, c.payee, payees, problems);
    const attribute = requireText(at, 'attribute', c.attribute, problems);
    const field = attribute === undefined ? undefined : declared.get(attribute);
    if (attribute !== undefined && field === undefined)
      problems.add(
        at,
        valueError(at, 'unknown-attribute', 'attribute', attribute, notDeclared(plan, attribute)),
      );
    const from = requireDay(at, c.from, problems);
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
    const key = `${payee}\u0000${field.name}\u0000${from}`;
    const rows = rowsByKey.get(key);
    if (rows) rows.push(at.row);
    else rowsByKey.set(key, [at.row]);
    if (value !== undefined) read.push({ at, payee, attribute: field.name, from, value });
  });
  for (const [key, rows] of rowsByKey) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => a - b); // named in row order, whatever the order of the input
    const [payee, attribute, day] = key.split('\u0000') as [string, string, string];
    for (const row of rows) {
      const at: RowAt = { source: ATTRIBUTE_CHANGES, row };
      const others = rows.filter((r) => r !== row).join(', ');
      const what = `the ${attribute} of ${payee} from ${formatDate(Number(day))} is also given in row ${others}`;
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
}

function byDay(a: AttributeValueFrom, b: AttributeValueFrom): number {
  return a.from - b.from || a.row - b.row;
}

/** Why `attribute` cannot change: completes `attribute is "x", which …`. */
function notDeclared(plan: Plan, attribute: string): string {
  const names = plan.payee.map((f) => f.name);
  const them = names.length === 0 ? 'it declares none' : `its attributes: ${names.join(', ')}`;
  const likely = meant(attribute, names);
  const hint = likely === undefined ? '' : `did you mean ${likely}? `;
  const why = NOT_ATTRIBUTES[attribute];
  const also = why === undefined ? '' : `; ${why}`;
  return `is not an attribute of the payee block of plan "${plan.header.name}" (${hint}${them})${also}`;
}

/** The day of a change's `from`: a missing one or one that is not a date is an error. */
function requireDay(at: RowAt, raw: unknown, problems: Problems): number | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    problems.add(at, dataError(at, 'missing-field', 'from', 'from is missing'));
    return undefined;
  }
  const day = typeof raw === 'string' ? parseDate(raw.trim()) : undefined;
  if (day === undefined)
    problems.add(
      at,
      valueError(at, 'bad-date', 'from', raw as RawValue, 'is not a date (write it as YYYY-MM-DD)'),
    );
  return day;
}
