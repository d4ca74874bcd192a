/**
 * Validates a whole dataset against a plan: payees first (records refer to them), then FX rates
 * (conversions need them), the records of every declared source, split shares, quotas,
 * territory assignments and manual adjustments.
 */

import type { Plan } from '@attain/dsl';
import { type Dec, ONE, sumOf, ZERO } from '../decimal.js';
import type { CalculationWarning, Results } from '../results/results.js';
import type { FiscalCalendar } from '../time/calendar.js';
import type { Dataset } from './dataset.js';
import { checkSelfRates, type FxTable } from './fx.js';
import { type Rec, type SourceSchema, sourceSchema } from './model.js';
import { type PayeeTable, validatePayees } from './payees.js';
import { checkPrevious, distinctStatements } from './previous.js';
import { dataError, Problems } from './problems.js';
import { OwnedRows, validateRecords } from './records.js';
import {
  type Adjustment,
  type Assignment,
  type CalculatedPeriods,
  validateAdjustments,
  validateAssignments,
  validateFx,
  validateQuotas,
} from './sections.js';
import { asList } from './values.js';

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
  /** The periods the run calculates: a manual adjustment of one of them needs a statement to go on. */
  calculated?: CalculatedPeriods;
}

/** Validates `data`; every problem is in the returned {@link Problems}. */
export function validate(
  plan: Plan,
  data: Dataset,
  calendar: FiscalCalendar,
  options: ValidateOptions = {},
): { valid: ValidData; problems: Problems } {
  const problems = new Problems();
  const payees = validatePayees(plan, asList(data.payees), calendar, problems);
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
  checkSplits(plan, schemas, records, problems);
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
  const warnings = [...misnamedWarnings(plan, payees), ...checkPrevious(plan, data, calendar, problems)];
  const previous = distinctStatements(data.previous, problems);
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
      warnings,
      previous,
    },
    problems,
  };
}

/**
 * The rows of a split source must give each credited record shares adding up to exactly 100%.
 * When they do not, all the rows of that record are errors (and left out in lenient mode).
 */
function checkSplits(
  plan: Plan,
  schemas: Map<string, SourceSchema>,
  records: Map<string, Rec[]>,
  problems: Problems,
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
    let bad = false;
    for (const [id, group] of groups) {
      // Each share is a part of the record: from 0% to 100% (a negative share would credit a
      // payee below nothing and another above the whole).
      for (const rec of group) {
        const part = rec.v[share] as Dec | null;
        if (part === null || (!part.isNegative() && part.lte(ONE))) continue;
        bad = true;
        const at = { source: split.source, row: rec.row, key: rec.key };
        const what = `share is ${part.times(100).toString()}%, which is not between 0% and 100%`;
        problems.add(at, dataError(at, 'split-shares', 'share', what));
      }
      const total = sumOf(group.map((r) => (r.v[share] as Dec | null) ?? ZERO));
      if (total.eq(ONE)) continue;
      bad = true;
      const rows = group.map((r) => r.row).sort((a, b) => a - b);
      for (const rec of group) {
        const at = { source: split.source, row: rec.row, key: rec.key };
        const what = `the shares of "${id}" add up to ${total.times(100).toString()}%, not 100% (rows ${rows.join(', ')})`;
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

/** A `misnamed-plan` warning per plan assignment whose plan name is this plan's but for capitals or spaces. */
function misnamedWarnings(plan: Plan, payees: PayeeTable): CalculationWarning[] {
  const name = plan.header.name;
  return payees.misnamed.map(({ payee, row, plan: written }) => ({
    code: 'misnamed-plan' as const,
    payee,
    message: `payees row ${row}: ${payee} is assigned to plan "${written}", not "${name}": the names differ only in capitals or spaces, so ${payee} is not on this plan (correct the name if it is a typo)`,
  }));
}
