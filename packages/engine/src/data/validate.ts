/**
 * Validates a whole dataset against a plan: payees first (records refer to them), then FX rates
 * (conversions need them), the records of every declared source, split shares, quotas,
 * territory assignments and manual adjustments.
 */

import type { Plan } from '@attain/dsl';
import { type Dec, ONE, sumOf } from '../decimal.js';
import type { CalculationWarning, Results } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import type { FiscalCalendar } from '../time/calendar.js';
import type { Dataset } from './dataset.js';
import { denseData } from './dense.js';
import { checkSelfRates, type FxTable } from './fx.js';
import { type Rec, type SourceSchema, sourceSchema } from './model.js';
import { type PayeeTable, validatePayees } from './payees.js';
import { percentRatioWarnings } from './percent-ratios.js';
import { checkPrevious, distinctStatements, PREVIOUS, previousOfOthers, unreadableIn } from './previous.js';
import { dataError, Problems } from './problems.js';
import { OwnedRows, validateRecords } from './records.js';
import {
  type Adjustment,
  type Assignment,
  adjustmentsOutsidePlan,
  type CalculatedPeriods,
  checkDataset,
  unknownEarningWarnings,
  validateAdjustments,
  validateAssignments,
  validateFx,
  validateQuotas,
} from './sections.js';
import { asList, Bad, isMissing, readerFor, rowOf } from './values.js';

/** The dataset after validation: only rows without errors. */
export interface ValidData {
  payees: PayeeTable;
  schemas: Map<string, SourceSchema>;
  /** Valid records of each declared source (empty for the sources in {@link owned}). */
  records: Map<string, Rec[]>;
  /** Sources validated owner by owner: their records are made when a payee's statement asks. */
  owned: Map<string, OwnedRows>;
  fx: FxTable;
  /** Quotas from data by `payee|quota|period`. */
  quotas: Map<string, Dec>;
  assignments: Assignment[];
  adjustments: Adjustment[];
  /** True when some valid record is hypothetical. */
  hypothetical: boolean;
  /**
   * The rows of the territory design's accounts source left out for their errors (lenient mode),
   * by account key and by `name`: crediting says why a reference to one is in no territory.
   */
  rejectedAccounts?: Map<string, number>;
  /** Warnings about the data as a whole (earlier results of a plan of another name). */
  warnings: CalculationWarning[];
  /** The earlier results with each statement once (see `distinctStatements`). */
  previous: Results | undefined;
}

/**
 * Test instrumentation, not exported by the package: `enabled: false` makes `calculate` validate
 * every source whole; `used` counts the sources validated owner by owner.
 */
export const recordsByOwner = { enabled: true, used: 0 };

/** How to validate. */
export interface ValidateOptions {
  /**
   * Validate the records of every source with an owner field now, but make them into records
   * owner by owner, when asked (see {@link OwnedRows}). Only for a plan whose every credit reaches
   * just its records' owners (`Program.ownerLocal`), calculated payee by payee.
   */
  byOwner?: boolean;
  /**
   * The periods the run calculates: a manual adjustment of one of them needs a statement to go on,
   * and only a payee on the plan in one of them must have the plan's attributes.
   */
  calculated?: CalculatedPeriods;
}

/** Validates `data`; every problem is in the returned {@link Problems}. */
export function validate(
  plan: Plan,
  input: Dataset,
  calendar: FiscalCalendar,
  options: ValidateOptions = {},
): { valid: ValidData; problems: Problems } {
  const problems = new Problems();
  // Every walk of a list below visits its holes, each reported as an empty row.
  const data = denseData(input);
  const outline = checkDataset(plan, data, problems);
  const payees = validatePayees(
    plan,
    asList(data.payees),
    calendar,
    problems,
    options.calculated,
    asList(data.attributeChanges),
  );
  // First: a row found wrong here is left out of the table by `validateFx`.
  checkSelfRates(asList(data.fx), problems);
  const fx = validateFx(asList(data.fx), problems);
  const env = { payees, fx, calendar, currency: plan.header.currency };
  const schemas = new Map<string, SourceSchema>();
  const records = new Map<string, Rec[]>();
  const owned = new Map<string, OwnedRows>();
  let hypothetical = false;
  for (const source of plan.sources) {
    const schema = sourceSchema(source);
    schemas.set(source.name, schema);
    const rows = asList(data.records?.[source.name]);
    if (options.byOwner && schema.owner !== undefined) {
      // The date fields a clawback reads on this source: those records are needed whoever owns them.
      const kept = plan.clawbacks.filter((c) => c.source === source.name).map((c) => c.cancelledOn);
      const byOwner = new OwnedRows(schema, rows, env, problems, kept);
      recordsByOwner.used++;
      owned.set(source.name, byOwner);
      records.set(source.name, []);
      if (byOwner.hypothetical) hypothetical = true;
      continue;
    }
    const recs = validateRecords(schema, rows, env, problems);
    records.set(source.name, recs);
    if (!hypothetical) hypothetical = recs.some((r) => r.hyp);
  }
  checkSplits(plan, data, schemas, records, problems, calendar);
  const quotas = validateQuotas(plan, asList(data.quotas), payees, calendar, problems);
  const assignments = validateAssignments(plan, asList(data.territoryAssignments), payees, problems);
  const adjustments = validateAdjustments(
    plan,
    asList(data.adjustments),
    payees,
    calendar,
    fx,
    problems,
    options.calculated,
  );
  const warnings = [
    ...outline,
    ...payees.warnings,
    ...misnamedWarnings(plan, payees),
    ...unknownAssigneeWarnings(plan, payees),
    ...percentRatioWarnings(plan, data),
    ...unknownEarningWarnings(plan, adjustments, options.calculated),
    ...adjustmentsOutsidePlan(plan, adjustments),
    ...checkPrevious(plan, data, calendar, problems),
    ...previousOfOthers(data.previous, payees),
  ];
  // Results with a cycle or nested too deep (an error already) are not compared statement by statement.
  const unreadable = problems.inSource(PREVIOUS) && unreadableIn(data.previous) !== undefined;
  const previous = unreadable
    ? (data.previous ?? undefined)
    : distinctStatements(data.previous ?? undefined, problems);
  const accounts = plan.territories?.source;
  const rejectedAccounts =
    accounts === undefined || !problems.inSource(accounts)
      ? undefined
      : rejectedAccountRows(data, schemas.get(accounts), problems, calendar);
  return {
    valid: {
      payees,
      schemas,
      records,
      owned,
      fx,
      quotas,
      assignments,
      adjustments,
      hypothetical,
      ...(rejectedAccounts ? { rejectedAccounts } : {}),
      warnings,
      previous,
    },
    problems,
  };
}

/**
 * The value of field `field` in each rejected row of a source, as validation reads it (trimmed
 * text...): the rows left out for their errors, with the value they were meant to have.
 */
function rejectedValues(
  data: Dataset,
  schema: SourceSchema,
  field: number,
  problems: Problems,
  calendar: FiscalCalendar,
): { value: string; row: number }[] {
  const found: { value: string; row: number }[] = [];
  const f = schema.fields[field];
  if (!f || !problems.inSource(schema.name)) return found;
  const read = readerFor(f.type, calendar);
  const rows = asList(data.records?.[schema.name]);
  for (const [i, input] of rows.entries()) {
    const row = rowOf(input, i);
    if (!problems.has(schema.name, row)) continue;
    const raw = input?.values?.[f.name];
    if (isMissing(raw) || typeof raw === 'object') continue;
    const value = read(raw);
    if (value instanceof Bad || value === null) continue;
    found.push({ value: String(value), row });
  }
  return found;
}

/** The rejected rows of the accounts source by key and by name (the first row of each). */
function rejectedAccountRows(
  data: Dataset,
  schema: SourceSchema | undefined,
  problems: Problems,
  calendar: FiscalCalendar,
): Map<string, number> {
  const byRef = new Map<string, number>();
  if (!schema) return byRef;
  for (const field of [schema.key, schema.index.get('name')]) {
    if (field === undefined) continue;
    for (const { value, row } of rejectedValues(data, schema, field, problems, calendar)) {
      const known = byRef.get(value);
      if (known === undefined || row < known) byRef.set(value, row);
    }
  }
  return byRef;
}

/**
 * The rows of a split source must give each credited record shares adding up to exactly 100%.
 * When they do not, all the rows of that record are errors (and left out in lenient mode). A row
 * without a share is an error of its own; like a row rejected for any other error, it is not
 * counted in the total (and the total's error says so).
 */
function checkSplits(
  plan: Plan,
  data: Dataset,
  schemas: Map<string, SourceSchema>,
  records: Map<string, Rec[]>,
  problems: Problems,
  calendar: FiscalCalendar,
): void {
  const checked = new Set<string>();
  for (const credit of plan.credits) {
    const split = credit.split;
    if (!split || checked.has(`${split.source}|${split.on}`)) continue;
    checked.add(`${split.source}|${split.on}`);
    const schema = schemas.get(split.source);
    const on = schema?.index.get(split.on);
    const share = schema?.index.get('share');
    if (!schema || on === undefined || share === undefined) continue;
    const groups = new Map<string, Rec[]>();
    for (const rec of records.get(split.source) ?? []) {
      const target = rec.v[on];
      if (target === null || target === undefined) continue;
      const id = String(target);
      const group = groups.get(id);
      if (group) group.push(rec);
      else groups.set(id, [rec]);
    }
    // The rows rejected before this check, by the record they split: found when a total is wrong.
    let rejected: Map<string, number[]> | undefined;
    const rejectedOf = (id: string): number[] => {
      if (!rejected) {
        rejected = new Map();
        for (const { value, row } of rejectedValues(data, schema, on, problems, calendar)) {
          const list = rejected.get(value);
          if (list) list.push(row);
          else rejected.set(value, [row]);
        }
      }
      return rejected.get(id) ?? [];
    };
    let bad = false;
    for (const [id, group] of groups) {
      const left = rejectedOf(id).slice();
      const counted: Rec[] = [];
      // Each share is a part of the record: from 0% to 100% (a negative share would credit a
      // payee below nothing and another above the whole).
      for (const rec of group) {
        const part = rec.v[share] as Dec | null;
        const at = { source: split.source, row: rec.row, key: rec.key };
        if (part === null) {
          bad = true;
          left.push(rec.row);
          const what = `share is missing: the row must give its payee's share of ${quoteAny(id)}`;
          problems.add(at, dataError(at, 'missing-field', 'share', what));
          continue;
        }
        counted.push(rec);
        if (!part.isNegative() && part.lte(ONE)) continue;
        bad = true;
        const what = `share is ${part.times(100).toString()}%, which is not between 0% and 100%`;
        problems.add(at, dataError(at, 'split-shares', 'share', what));
      }
      if (counted.length === 0) continue;
      const total = sumOf(counted.map((r) => r.v[share] as Dec));
      if (total.eq(ONE)) continue;
      bad = true;
      const rows = counted.map((r) => r.row).sort((a, b) => a - b);
      left.sort((a, b) => a - b);
      const others =
        left.length === 0
          ? ''
          : left.length === 1
            ? `; row ${left[0]} is left out for its own errors, so its share is not counted`
            : `; rows ${left.join(', ')} are left out for their own errors, so their shares are not counted`;
      for (const rec of counted) {
        const at = { source: split.source, row: rec.row, key: rec.key };
        const what = `the shares of ${quoteAny(id)} add up to ${total.times(100).toString()}%, not 100% (rows ${rows.join(', ')}${others})`;
        problems.add(at, dataError(at, 'split-shares', 'share', what));
      }
    }
    if (bad)
      records.set(
        split.source,
        (records.get(split.source) ?? []).filter((r) => !problems.has(split.source, r.row)),
      );
  }
}

/**
 * An `unknown-assignee` warning per `assign` clause of the plan's territories naming a payee the
 * data does not have (or whose row was rejected): the assignment covers nothing.
 */
function unknownAssigneeWarnings(plan: Plan, payees: PayeeTable): CalculationWarning[] {
  const warnings: CalculationWarning[] = [];
  for (const territory of plan.territories?.territories ?? []) {
    for (const a of territory.assignments) {
      if (payees.byId.has(a.payee)) continue;
      const row = payees.rowOf.get(a.payee);
      const who =
        row === undefined
          ? `${a.payee}, who is not among the payees`
          : `${a.payee}, whose row (payees row ${row}) was rejected`;
      warnings.push({
        code: 'unknown-assignee',
        range: a.range,
        message: `territory ${territory.name} is assigned to ${who}: the assignment is ignored, so ${a.payee} is credited nothing through ${territory.name}`,
      });
    }
  }
  return warnings;
}

/** A `misnamed-plan` warning per plan assignment whose plan name is this plan's but for capitals or spaces. */
function misnamedWarnings(plan: Plan, payees: PayeeTable): CalculationWarning[] {
  const name = plan.header.name;
  return payees.misnamed.map(({ payee, row, plan: written }) => ({
    code: 'misnamed-plan' as const,
    payee,
    message: `payees row ${row}: ${payee} is assigned to plan ${quoteAny(written)}, not "${name}": the names differ only in capitals or spaces, so ${payee} is not on this plan (correct the name if it is a typo)`,
  }));
}
