/**
 * `diffPlans(a, b, data?, options?)`: what changed between two versions of a plan, in the plan's
 * own words (which rates, tiers, caps and dates), and, over the same data, how each payee's
 * payout changes.
 */
import type { Plan } from '@attain/dsl';
import { calculate } from '../calculate.js';
import { compareOptionalText, compareText } from '../compare-text.js';
import type { Dataset } from '../data/dataset.js';
import type { CalculateOptions } from '../data/options.js';
import type { DataError, RejectedRecord, Results, Statement } from '../results/results.js';
import { type Amount, amountOf, amountText, minus, NO_AMOUNT, sumAmounts } from '../scenarios/amounts.js';
import {
  type ElementFacts,
  type Fields,
  type PartFacts,
  type PlanElementKind,
  planFacts,
} from './plan-facts.js';

export type { PlanElementKind } from './plan-facts.js';

/** The plan element a change is about. */
export interface PlanElementRef {
  kind: PlanElementKind;
  /** The element's name (`commission_rates`); `plan` for the header, `payee` for the attributes. */
  name: string;
  /** For a versioned definition: the 1-based version, by effective date (only when one side has several). */
  version?: number;
}

/**
 * One semantic change from plan `a` to plan `b`. An element added or removed as a whole has no
 * `field` and its whole text in `after` or `before`; a field or part added or removed names it
 * in `field`; a changed field has both texts.
 */
export interface PlanChange {
  kind: 'added' | 'removed' | 'changed';
  element: PlanElementRef;
  /** `cap`, `mode`, `tiers[50%].rate`, `to[owner].share`, `fields[amount].type`... */
  field?: string;
  /** The text in plan `a` (absent when added). */
  before?: string;
  /** The text in plan `b` (absent when removed). */
  after?: string;
}

/** A payee's payout in one period under both plans. */
export interface PayoutDifference {
  payee: string;
  period: string;
  /** The payout under plan `a`; `null` when `a` gives no statement. */
  a: string | null;
  /** The payout under plan `b`; `null` when `b` gives no statement. */
  b: string | null;
  /** `b − a`, a missing statement counting as 0. */
  delta: string;
}

/** Data problems of one side's calculation (strict mode errors leave no statements to compare). */
export interface SideProblems {
  errors: DataError[];
  rejected: RejectedRecord[];
}

/** The payout difference of two plans over the same data. */
export interface PayoutComparison {
  /** Every payee and period with a statement under either plan, by payee id, then period start. */
  rows: PayoutDifference[];
  /** The sums of `a`, `b` and `delta` over the rows. */
  total: { a: string; b: string; delta: string };
  a: SideProblems;
  b: SideProblems;
}

/** What {@link diffPlans} returns. */
export interface PlanDiff {
  changes: PlanChange[];
  /** Present when data and options were given. */
  payouts?: PayoutComparison;
}

const KIND_ORDER: readonly PlanElementKind[] = [
  'plan',
  'source',
  'payee',
  'let',
  'measure',
  'quota',
  'credit',
  'rate-table',
  'lookup-table',
  'pay-curve',
  'earning',
  'draw',
  'guarantee',
  'holdback',
  'clawback',
  'adjustment',
  'territories',
  'territory',
  'metric',
  'signal',
];

function summaryOf(fields: Fields, parts: readonly PartFacts[]): string {
  return [...fields.map(([k, v]) => `${k}: ${v}`), ...parts.map((p) => `${p.key}: ${p.summary}`)].join('; ');
}

/** Changes between two lists of named texts, in `a`'s order, then the names only `b` has. */
function diffFields(element: PlanElementRef, a: Fields, b: Fields, prefix: string, out: PlanChange[]): void {
  const inB = new Map(b);
  const inA = new Map(a);
  for (const [name, before] of a) {
    const after = inB.get(name);
    const field = prefix + name;
    if (after === undefined) out.push({ kind: 'removed', element, field, before });
    else if (after !== before) out.push({ kind: 'changed', element, field, before, after });
  }
  for (const [name, after] of b)
    if (!inA.has(name)) out.push({ kind: 'added', element, field: prefix + name, after });
}

function diffElement(element: PlanElementRef, a: ElementFacts, b: ElementFacts, out: PlanChange[]): void {
  diffFields(element, a.fields, b.fields, '', out);
  const inB = new Map(b.parts.map((p) => [p.key, p]));
  const inA = new Map(a.parts.map((p) => [p.key, p]));
  for (const part of a.parts) {
    const other = inB.get(part.key);
    if (other) diffFields(element, part.fields, other.fields, `${part.key}.`, out);
    else out.push({ kind: 'removed', element, field: part.key, before: part.summary });
  }
  for (const part of b.parts)
    if (!inA.has(part.key)) out.push({ kind: 'added', element, field: part.key, after: part.summary });
}

/** Elements by kind and name; the versions of a name ordered by effective date. */
function grouped(facts: readonly ElementFacts[]): Map<string, ElementFacts[]> {
  const groups = new Map<string, ElementFacts[]>();
  for (const f of facts) {
    const key = `${f.kind}\u0000${f.name}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  for (const list of groups.values())
    list.sort((x, y) => compareOptionalText(x.effective?.from, y.effective?.from));
  return groups;
}

function semanticChanges(a: Plan, b: Plan): PlanChange[] {
  const groupsA = grouped(planFacts(a));
  const groupsB = grouped(planFacts(b));
  const keys = [...new Set([...groupsA.keys(), ...groupsB.keys()])].sort((x, y) => {
    const [kx = '', nx = ''] = x.split('\u0000');
    const [ky = '', ny = ''] = y.split('\u0000');
    const order = KIND_ORDER.indexOf(kx as PlanElementKind) - KIND_ORDER.indexOf(ky as PlanElementKind);
    return order || compareText(nx, ny);
  });
  const changes: PlanChange[] = [];
  for (const key of keys) {
    const left = groupsA.get(key) ?? [];
    const right = groupsB.get(key) ?? [];
    const count = Math.max(left.length, right.length);
    for (let i = 0; i < count; i++) {
      const x = left[i];
      const y = right[i];
      const some = (x ?? y) as ElementFacts;
      const element: PlanElementRef = { kind: some.kind, name: some.name };
      if (count > 1) element.version = i + 1;
      if (x && y) diffElement(element, x, y, changes);
      else if (x) changes.push({ kind: 'removed', element, before: summaryOf(x.fields, x.parts) });
      else if (y) changes.push({ kind: 'added', element, after: summaryOf(y.fields, y.parts) });
    }
  }
  return changes;
}

/**
 * Each side's payouts: the statements its run pays. A statement returned as reported (`reported:
 * true`, a closed period of a recalculation over `data.previous`) was paid by an earlier run, under
 * whatever plan that run had, and is the same on both sides: it is left out of the rows and the
 * totals (each plan's corrections of it are `recalculation` lines of the current period's payout).
 */
function comparePayouts(a: Results, b: Results): PayoutComparison {
  const rows = new Map<string, { statement: Statement; a?: string; b?: string }>();
  const keyOf = (s: Statement) => `${s.payee}\u0000${s.period}`;
  const paid = (statements: readonly Statement[]) => statements.filter((s) => s.reported !== true);
  for (const s of paid(a.statements)) rows.set(keyOf(s), { statement: s, a: s.payout });
  for (const s of paid(b.statements)) {
    const row = rows.get(keyOf(s));
    if (row) row.b = s.payout;
    else rows.set(keyOf(s), { statement: s, b: s.payout });
  }
  const ordered = [...rows.values()].sort(
    (x, y) =>
      compareText(x.statement.payee, y.statement.payee) ||
      compareText(x.statement.start, y.statement.start) ||
      compareText(x.statement.period, y.statement.period),
  );
  const totals: { a: Amount[]; b: Amount[]; delta: Amount[] } = { a: [], b: [], delta: [] };
  const result: PayoutDifference[] = ordered.map((row) => {
    const x = row.a === undefined ? NO_AMOUNT : amountOf(row.a);
    const y = row.b === undefined ? NO_AMOUNT : amountOf(row.b);
    const delta = minus(y, x);
    totals.a.push(x);
    totals.b.push(y);
    totals.delta.push(delta);
    return {
      payee: row.statement.payee,
      period: row.statement.period,
      a: row.a ?? null,
      b: row.b ?? null,
      delta: amountText(delta),
    };
  });
  return {
    rows: result,
    total: {
      a: amountText(sumAmounts(totals.a)),
      b: amountText(sumAmounts(totals.b)),
      delta: amountText(sumAmounts(totals.delta)),
    },
    a: { errors: a.errors, rejected: a.rejected },
    b: { errors: b.errors, rejected: b.rejected },
  };
}

/**
 * The semantic difference between two checked plans (`compile(text).plan`): every element added,
 * removed or changed, field by field, with the before and after written as plan text. Rate tables
 * compare their `on`, mode and tiers (matched by lower bound: `tiers[50%].rate`, `tiers[50%].to`);
 * earnings their kind, value, `per`, gate (`when`), cap, floor, `during`, `once` and `paid year to
 * date`; quotas their base, seasonality, ramp, proration and relief; credits their source,
 * `where`, amount, split and recipients (`to[owner].share`); the header its currency, period,
 * fiscal year, effective dates and rounding; and likewise sources, payee attributes, lets,
 * measures, metrics, lookup tables, pay curves, draws, guarantees, holdbacks, clawbacks,
 * adjustments, territories and signals. Versions of a definition are paired in order of their
 * effective dates. Source ranges, comments and layout are ignored: a reformatted plan has no
 * changes. `diffPlans(a, a)` is empty, and `diffPlans(b, a)` is `diffPlans(a, b)` mirrored.
 *
 * Changes are ordered by kind of element (header, sources, payee, lets, measures, quotas,
 * credits, tables, earnings, payout elements, territories, metrics, signals), then name, then
 * version; within an element, fields in a fixed order, then parts.
 *
 * With `data` and `options`, both plans are calculated on the same data and `payouts` lists each
 * payee's payout per period under `a` and `b` and the difference: what each plan's run pays, so a
 * closed period returned as reported (with `data.previous`) is not listed.
 */
export function diffPlans(a: Plan, b: Plan, data?: Dataset, options?: CalculateOptions): PlanDiff {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object')
    throw new TypeError('diffPlans needs two checked plans');
  if ((data === undefined) !== (options === undefined))
    throw new TypeError('diffPlans needs both data and options to compare payouts, or neither');
  const diff: PlanDiff = { changes: semanticChanges(a, b) };
  if (data !== undefined && options !== undefined)
    diff.payouts = comparePayouts(calculate(a, data, options), calculate(b, data, options));
  return diff;
}
