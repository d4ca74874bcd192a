/**
 * The results of earlier runs (`Dataset.previous`) checked as far as a run reads them: the
 * statements' payee, period and dates, the earnings and their lines (what was paid on each record,
 * at what rate), the adjustment lines and the balances carried. Amounts are read by one reader,
 * {@link readAmount}, in the check and in the run alike. They come from a file, like any data, so an
 * unreadable amount is a data error that names the statement and the field, never a throw.
 *
 * Unlike a bad record, a bad statement cannot be left out: a closed period missing from the earlier
 * results would be paid again. `calculate` therefore stops on these errors in both modes.
 *
 * They must also be results of this plan's kind: statements in another currency, or of periods the
 * plan's fiscal calendar does not read as its own (months for a quarterly plan, quarters of
 * another fiscal year), would be read as if they were this plan's amounts and periods, so they are
 * errors too. Results of a plan of another name are only a warning: plans are renamed between runs.
 */
import type { Plan } from '@attain/dsl';
import type { Dec } from '../decimal.js';
import { canonicalJson, MAX_DEPTH } from '../results/hash.js';
import type { CalculationWarning, Results, Statement } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import type { Dataset, RawValue } from './dataset.js';
import type { PayeeTable } from './payees.js';
import { dataError, type Problems, type RowAt, valueError } from './problems.js';
import { isObject, readDecimal } from './values.js';

/** The source name of errors in `previous`; the row is the statement's position (1-based). */
export const PREVIOUS = 'previous';

type Json = Record<string, unknown>;

const textOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads an amount of a statement (a decimal text: `"1200.50"`, `" 100"`, `"1e3"`): the one reader
 * of amounts in results. {@link checkPrevious} accepts an amount of the earlier results exactly
 * when this reads it, and the run reads them through it (`amountOf` in payout/money.ts), so
 * whatever the check lets through is read, never thrown on. `undefined` for anything else (a
 * number, an empty or malformed text, a value beyond the numbers data may hold).
 */
export function readAmount(value: unknown): Dec | undefined {
  return typeof value === 'string' ? readDecimal(value) : undefined;
}

/** Checks one statement's fields, reporting each problem at `at`. */
class StatementCheck {
  constructor(
    private readonly at: RowAt,
    private readonly problems: Problems,
  ) {}

  shape(field: string, what: string): void {
    this.problems.add(this.at, dataError(this.at, 'bad-type', field, `${field} ${what}`));
  }

  text(value: Json, name: string, field = name): string | undefined {
    const text = value[name];
    if (typeof text === 'string' && text.trim() !== '') return text;
    this.shape(
      field,
      text === undefined ? 'is missing' : typeof text === 'string' ? 'is blank' : 'is not a text',
    );
    return undefined;
  }

  amount(value: unknown, field: string): void {
    if (readAmount(value) !== undefined) return;
    if (value === undefined) this.shape(field, 'is missing');
    // The value itself, never `String(value)`: an object is named as one, not as "[object Object]".
    else
      this.problems.add(
        this.at,
        valueError(this.at, 'bad-number', field, value as RawValue, 'is not an amount'),
      );
  }

  belowZero(value: unknown, field: string): void {
    this.problems.add(
      this.at,
      valueError(
        this.at,
        'bad-number',
        field,
        value as RawValue,
        'is below zero (what a draw leaves owed or a holdback keeps back never is)',
      ),
    );
  }

  date(value: Json, name: string): void {
    const text = value[name];
    if (typeof text === 'string' && parseDate(text) !== undefined) return;
    if (text === undefined) this.shape(name, 'is missing');
    else
      this.problems.add(
        this.at,
        valueError(this.at, 'bad-date', name, text as RawValue, 'is not a date (write it as YYYY-MM-DD)'),
      );
  }

  object(value: Json, name: string, field: string): Json | undefined {
    const object = value[name];
    if (isObject(object)) return object;
    this.shape(field, object === undefined ? 'is missing' : 'is not an object');
    return undefined;
  }

  list(value: Json, name: string, field: string, each: (item: Json, field: string) => void): void {
    const list = value[name];
    if (!Array.isArray(list)) {
      this.shape(field, list === undefined ? 'is missing' : 'is not a list');
      return;
    }
    // Every place, holes too (`forEach` would skip them).
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      const at = `${field}[${i}]`;
      if (isObject(item)) each(item, at);
      else this.shape(at, item === undefined ? 'is empty' : 'is not an object');
    }
  }
}

/**
 * Checks `data.previous` against `plan`, adding each problem to `problems` under {@link PREVIOUS}.
 * Returns the warnings about them (results of a plan of another name).
 */
export function checkPrevious(
  plan: Plan,
  data: Dataset,
  calendar: FiscalCalendar,
  problems: Problems,
): CalculationWarning[] {
  const previous: unknown = data.previous;
  // `null`, as for any optional part of the dataset, is no earlier results.
  if (previous === undefined || previous === null) return [];
  const whole: RowAt = { source: PREVIOUS, row: 1 };
  if (!isObject(previous) || !Array.isArray(previous.statements)) {
    problems.add(
      whole,
      dataError(whole, 'bad-type', 'statements', 'is not the results of a run (it has no statements list)'),
    );
    return [];
  }
  const meta = isObject(previous.meta) ? previous.meta : {};
  const { currency, period: kind, name } = plan.header;
  const unreadable = unreadableIn(previous);
  if (unreadable !== undefined) {
    const { path, why } = unreadable;
    problems.add(
      whole,
      dataError(whole, 'bad-type', path, `${path} ${why}: earlier results are data, read as JSON`),
    );
    return [];
  }
  // Array.from, not forEach: a hole in the list (a sparse array from JavaScript) is a statement too.
  Array.from(previous.statements as unknown[]).forEach((statement: unknown, i) => {
    const at: RowAt = { source: PREVIOUS, row: i + 1 };
    const check = new StatementCheck(at, problems);
    if (!isObject(statement)) {
      problems.add(at, dataError(at, 'bad-type', undefined, 'the statement is not an object'));
      return;
    }
    const payee = check.text(statement, 'payee');
    const period = check.text(statement, 'period');
    if (payee !== undefined && period !== undefined) at.key = `${payee} ${period}`;
    const parsed = period === undefined ? undefined : calendar.parse(period);
    if (period !== undefined && !parsed)
      problems.add(at, valueError(at, 'bad-period', 'period', period, 'is not a period of the plan'));
    else if (period !== undefined && parsed && parsed.kind !== kind)
      problems.add(
        at,
        valueError(
          at,
          'bad-period',
          'period',
          period,
          `is a ${parsed.kind}, not a ${kind} (the plan's period)`,
        ),
      );
    check.date(statement, 'start');
    check.date(statement, 'end');
    const start = typeof statement.start === 'string' ? parseDate(statement.start) : undefined;
    const end = typeof statement.end === 'string' ? parseDate(statement.end) : undefined;
    if (
      period !== undefined &&
      parsed?.kind === kind &&
      start !== undefined &&
      end !== undefined &&
      (start !== parsed.start || end !== parsed.end)
    ) {
      const why = `runs from ${formatDate(start)} to ${formatDate(end)} in the earlier results, but from ${formatDate(parsed.start)} to ${formatDate(parsed.end)} in this plan (another fiscal calendar)`;
      problems.add(at, valueError(at, 'bad-period', 'period', period, why));
    }
    // A statement names its currency; results made by hand may give it once, in `meta`.
    const money = statement.currency !== undefined ? statement.currency : textOr(meta.currency);
    if (typeof money === 'string' && money !== currency)
      problems.add(
        at,
        valueError(at, 'currency-mismatch', 'currency', money, `is not the plan currency (${currency})`),
      );
    else if (money !== undefined && typeof money !== 'string') check.shape('currency', 'is not a text');
    check.list(statement, 'earnings', 'earnings', (earning, field) => {
      check.text(earning, 'name', `${field}.name`);
      check.text(earning, 'id', `${field}.id`);
      check.amount(earning.amount, `${field}.amount`);
      const trace = check.object(earning, 'trace', `${field}.trace`);
      // A run reads the inputs of an earning's trace (what a `paid year to date` amount paid).
      if (trace !== undefined && trace.inputs !== undefined && !Array.isArray(trace.inputs))
        check.shape(`${field}.trace.inputs`, 'is not a list');
      check.list(earning, 'lines', `${field}.lines`, (line, lineField) => {
        check.amount(line.amount, `${lineField}.amount`);
        // A clawback names the rate a line was paid at, as a percentage when its tier's rate is one.
        if (line.rate !== undefined) check.amount(line.rate, `${lineField}.rate`);
        if (line.trace !== undefined && !isObject(line.trace))
          check.shape(`${lineField}.trace`, 'is not an object');
        if (line.record !== undefined && !(isObject(line.record) && typeof line.record.source === 'string'))
          check.shape(`${lineField}.record`, 'is not a record reference');
      });
    });
    check.list(statement, 'adjustments', 'adjustments', (adjustment, field) => {
      check.text(adjustment, 'kind', `${field}.kind`);
      check.text(adjustment, 'id', `${field}.id`);
      check.amount(adjustment.amount, `${field}.amount`);
      const trace = check.object(adjustment, 'trace', `${field}.trace`);
      if (trace !== undefined && trace.inputs !== undefined && !Array.isArray(trace.inputs))
        check.shape(`${field}.trace.inputs`, 'is not a list');
    });
    const balances = check.object(statement, 'balances', 'balances');
    for (const [name, value] of Object.entries(balances ?? {})) {
      check.amount(value, `balances.${name}`);
      // What a draw leaves owed and a holdback keeps back is never below zero: a balance that is
      // would be carried, recovered or released the wrong way.
      if (readAmount(value)?.isNegative() === true && !readAmount(value)?.isZero())
        check.belowZero(value, `balances.${name}`);
    }
  });
  const other = isObject(meta.plan) ? meta.plan.name : undefined;
  if (typeof other !== 'string' || other === name) return [];
  const message = `the earlier results (previous) are of plan ${quoteAny(other)}, not "${name}": they are read as this plan's, as after a rename (if ${quoteAny(other)} is another plan, leave its results out)`;
  return [{ code: 'previous-plan', message }];
}

/**
 * Where earlier results cannot be read as JSON, and why: the path of the first object found inside
 * itself (`statements[0].trace.self`, `contains itself (a cycle)`) or nested deeper than
 * {@link MAX_DEPTH}; `undefined` when there is none. Walked with a stack of its own: however deep
 * the results, this neither recurses nor loops. Every run with earlier results walks them, so a
 * path is spelt only for the value it names.
 */
export function unreadableIn(value: unknown): { path: string; why: string } | undefined {
  const open = new Set<object>();
  const stack: Visit[] = [{ value }];
  while (stack.length > 0) {
    const top = stack.pop() as Visit;
    const v = top.value;
    if (v === null || typeof v !== 'object') continue;
    if (top.leave) {
      open.delete(v);
      continue;
    }
    if (open.has(v)) return { path: pathOf(top), why: 'contains itself (a cycle)' };
    if (open.size >= MAX_DEPTH)
      return { path: pathOf(top), why: `is nested more than ${MAX_DEPTH} levels deep` };
    open.add(v);
    stack.push({ value: v, leave: true });
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ value: v[i], parent: top, key: i });
    else for (const key of Object.keys(v)) stack.push({ value: (v as Json)[key], parent: top, key });
  }
  return undefined;
}

/** A value met by {@link unreadableIn}: where it is (its parent and its key there), or the exit from one. */
interface Visit {
  value: unknown;
  parent?: Visit;
  key?: string | number;
  leave?: true;
}

/** The path of a visited value: `statements[0].trace`, or `(the results)` for the whole. */
function pathOf(visit: Visit): string {
  const parts: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) parts.push(step(at.key));
  const path = parts.reverse().join('');
  return path === '' ? '(the results)' : path.replace(/^\./, '');
}

/** One step of a path: `[0]` into a list, `.name` into an object. */
function step(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `.${key}`;
}

/**
 * Earlier results with each statement once. Results of several runs merged together hold the same
 * closed statement more than once (every run returns the closed periods it recalculated, as they
 * were reported); such copies are the same statement, and counting them twice would count its
 * corrections twice. Copies are the same when they agree on every part both have (amounts by
 * their value) and any part only one has is one a run fills in when a statement lacks it
 * ({@link sameStatement}): the copy a recalculation returned is marked `reported: true`, and a
 * statement made by hand comes back from a run with its name, credits, traces, `earned` and
 * `payout` filled in. They are kept as one statement with every part of each, the same whatever
 * their order. Two different statements of one payee and period are an error: nothing says which
 * was paid.
 */
export function distinctStatements(previous: Results | undefined, problems: Problems): Results | undefined {
  if (!previous || !Array.isArray(previous.statements)) return previous;
  /** The positions of each payee and period's statements, the first where they are kept. */
  const copies = new Map<string, number[]>();
  const kept: (Statement | string)[] = [];
  previous.statements.forEach((statement, i) => {
    const s: unknown = statement;
    if (!isObject(s) || typeof s.payee !== 'string' || typeof s.period !== 'string') {
      kept.push(statement);
      return;
    }
    const key = `${statement.payee}\u0000${statement.period}`;
    const earlier = copies.get(key);
    if (!earlier) {
      copies.set(key, [i]);
      kept.push(key);
      return;
    }
    const other = earlier.find((j) => !sameStatement(previous.statements[j], statement));
    if (other === undefined) {
      earlier.push(i);
      return;
    }
    const at: RowAt = { source: PREVIOUS, row: i + 1, key: `${statement.payee} ${statement.period}` };
    const why = `is a second statement of ${statement.payee} in ${statement.period}, different from statements[${other}] (row ${other + 1}): nothing says which was paid`;
    const error = dataError(at, 'duplicate-key', 'statements', why);
    error.otherRow = other + 1;
    problems.add(at, error);
  });
  if (kept.length === previous.statements.length) return previous;
  const statements = kept.map((k) => {
    if (typeof k !== 'string') return k;
    const at = copies.get(k) as number[];
    if (at.length === 1) return previous.statements[at[0] as number] as Statement;
    return oneOf(at.map((i) => previous.statements[i] as Statement));
  });
  return { ...previous, statements };
}

/**
 * Where a part of a statement is, for {@link sameStatement}: what a run fills in there when a
 * statement lacks it (`recalc/reported.ts`), and which of its parts are amounts.
 */
type Place =
  | 'statement'
  | 'earning'
  | 'line'
  | 'adjustment'
  | 'recalculation'
  | 'trace'
  | 'recalculation-trace'
  | 'balances'
  /** Credits, measures, quotas, metrics, signals: shown, never read by a run. */
  | 'shown'
  | 'exact';

/** The parts of a statement a run fills in when it lacks them, none of them read for money. */
const FILLED = new Set([
  'reported',
  'payeeName',
  'currency',
  'credits',
  'measures',
  'quotas',
  'metrics',
  'signals',
  'earned',
  'payout',
  'estimatedPayout',
  'trace',
]);
const SHOWN = new Set(['credits', 'measures', 'quotas', 'metrics', 'signals']);
const STATEMENT_AMOUNTS = new Set(['earned', 'payout', 'estimatedPayout']);
const TRACE_FILLED = new Set(['rule', 'range', 'inputs']);

/**
 * Whether part `name` (`value`) at `place` may be missing from another copy of the statement: a
 * part a run fills in that way, or that a run fills in with this very value (an earning's zero
 * `estimate`, a line's trace without a tier, which a clawback reads for the rate's unit, a
 * recalculation line's empty inputs, which name its changes on records).
 */
function filled(place: Place, name: string, value: unknown): boolean {
  switch (place) {
    case 'statement':
      return FILLED.has(name);
    case 'earning':
      return name === 'kind' || (name === 'estimate' && readAmount(value)?.isZero() === true);
    case 'line':
      return name === 'id' || (name === 'trace' && !(isObject(value) && value.tier !== undefined));
    case 'adjustment':
    case 'recalculation':
      return name === 'name';
    case 'trace':
      return TRACE_FILLED.has(name);
    case 'recalculation-trace':
      return (
        name === 'rule' ||
        name === 'range' ||
        (name === 'inputs' && Array.isArray(value) && value.length === 0)
      );
    case 'shown':
      return true;
    default:
      return false;
  }
}

/** The place of part `name` of an object at `place` (a list's items are at the list's place). */
function placeOf(place: Place, name: string): Place {
  switch (place) {
    case 'statement':
      if (name === 'earnings') return 'earning';
      // Estimated corrections of closed periods are lines as adjustments are (never paid).
      if (name === 'adjustments' || name === 'estimatedAdjustments') return 'adjustment';
      if (name === 'balances') return 'balances';
      if (name === 'trace') return 'trace';
      return SHOWN.has(name) ? 'shown' : 'exact';
    case 'earning':
      return name === 'lines' ? 'line' : name === 'trace' ? 'trace' : 'exact';
    case 'line':
    case 'adjustment':
      return name === 'trace' ? 'trace' : 'exact';
    case 'recalculation':
      return name === 'trace' ? 'recalculation-trace' : 'exact';
    case 'shown':
      return 'shown';
    default:
      return 'exact';
  }
}

/** Whether part `name` of an object at `place` is an amount, compared by its value. */
function isAmount(place: Place, name: string): boolean {
  switch (place) {
    case 'statement':
      return STATEMENT_AMOUNTS.has(name);
    case 'earning':
      return name === 'amount' || name === 'estimate';
    case 'line':
      return name === 'amount' || name === 'rate';
    case 'adjustment':
    case 'recalculation':
      return name === 'amount';
    case 'balances':
      return true;
    default:
      return false;
  }
}

/**
 * Whether two statements of one payee and period are the same: they agree on every part both
 * have, amounts by their value (`"900"` and `"900.00"`), lists item by item; and a part only one
 * has is one a run fills in when a statement lacks it (see {@link filled}). So a statement made by
 * hand and the same statement as a run returned it, completed, are the same; two statements that
 * pay, carry or name anything differently are not.
 */
export function sameStatement(a: unknown, b: unknown): boolean {
  return sameParts(a, b, 'statement');
}

function sameParts(a: unknown, b: unknown, place: Place): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameParts(item, b[i], place));
  }
  if (!isObject(a) || !isObject(b)) return a === b;
  const at = place === 'adjustment' && a.kind === 'recalculation' ? 'recalculation' : place;
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    if (x === undefined || y === undefined) {
      if (x !== y && !filled(at, name, x ?? y)) return false;
    } else if (isAmount(at, name)) {
      const p = readAmount(x);
      const q = readAmount(y);
      if (x !== y && !(p !== undefined && q !== undefined && p.eq(q))) return false;
    } else if (!sameParts(x, y, placeOf(at, name))) return false;
  }
  return true;
}

/**
 * One statement of copies that are all the same ({@link sameStatement}): every part of each, a
 * part all have taken from the copy with the most parts (then the first by its JSON text), so
 * that the order of the copies changes nothing.
 */
function oneOf(statements: readonly Statement[]): Statement {
  const ordered = statements
    .map((s) => ({ s, parts: partsIn(s), text: canonicalJson(s) }))
    .sort((x, y) => y.parts - x.parts || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  let one: unknown = (ordered[0] as { s: Statement }).s;
  for (const { s } of ordered.slice(1)) one = withParts(one, s);
  return one as Statement;
}

/** How many values `value` holds, its own parts' included. */
function partsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + partsIn(v), 1);
  if (isObject(value)) return Object.values(value).reduce((n: number, v) => n + partsIn(v), 1);
  return 1;
}

/** `value` with the parts of `other` it lacks (a copy where it gains any). */
function withParts(value: unknown, other: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(other)) {
    const items = value.map((v, i) => withParts(v, other[i]));
    return items.every((v, i) => v === value[i]) ? value : items;
  }
  if (!isObject(value) || !isObject(other)) return value;
  let copy: Json | undefined;
  for (const [name, part] of Object.entries(other)) {
    const mine = value[name];
    const merged = mine === undefined ? part : withParts(mine, part);
    if (merged === mine) continue;
    copy ??= { ...value };
    copy[name] = merged;
  }
  return copy ?? value;
}

/**
 * Warnings about statements of the earlier results whose payee the data does not have, or has
 * only with errors (lenient mode): no statement of this run is theirs, so what their latest
 * statement carries (a draw owed, money held back) is neither recovered nor paid out. One per
 * payee, in payee order.
 */
export function previousOfOthers(previous: unknown, payees: PayeeTable): CalculationWarning[] {
  if (!isObject(previous) || !Array.isArray(previous.statements)) return [];
  const latest = new Map<string, Record<string, unknown>>();
  for (const s of Array.from(previous.statements as unknown[])) {
    if (!isObject(s) || typeof s.payee !== 'string' || payees.byId.has(s.payee)) continue;
    const before = latest.get(s.payee);
    if (!before || String(s.end ?? '') > String(before.end ?? '')) latest.set(s.payee, s);
  }
  return [...latest]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([payee, s]) => {
      const row = payees.rowOf.get(payee);
      const who = row === undefined ? 'who is not among the payees' : `who has errors in payees row ${row}`;
      const balances = isObject(s.balances) ? Object.entries(s.balances) : [];
      const held = balances.filter(([, v]) => typeof v === 'string' && readDecimal(v)?.isZero() === false);
      const period = typeof s.period === 'string' ? s.period : 'their latest statement';
      const what =
        held.length === 0
          ? 'this run calculates nothing for them'
          : `the balances of ${period} (${held.map(([k, v]) => `${k} ${v}`).join(', ')}) are neither recovered nor paid out by this run`;
      return {
        payee,
        code: 'unknown-previous-payee',
        message: `the earlier results (previous) hold statements of ${payee}, ${who}: ${what}`,
      };
    });
}
