/**
 * Territory planning, step one: every account of a design's accounts source goes to exactly one
 * territory, or to the unassigned list with the reason (no territory names it and no rule
 * matches, or the record itself is invalid). The rules are the ones crediting uses
 * ({@link placeAccount}), read as crediting reads them ({@link placementContext}): accounts are
 * placed for the period containing one date, and payees covering each territory read on that date.
 */
import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import {
  type CompiledTerritories,
  type CompiledTerritory,
  type Coverage,
  candidatesFor,
  coverageOn,
  coversOf,
  matches,
  type Placement,
  placeAccount,
  placementContext,
} from '../credit/territory.js';
import type { DataRecord, FxRate, Payee, TerritoryAssignment } from '../data/dataset.js';
import type { Rec } from '../data/model.js';
import { validate } from '../data/validate.js';
import { rowOf } from '../data/values.js';
import { Dec } from '../decimal.js';
import type { Ctx } from '../evaluate/context.js';
import { Program } from '../evaluate/program.js';
import { Run } from '../evaluate/run.js';
import { toResult } from '../evaluate/value.js';
import type { CalculationWarning, DataError, DataErrorCode, ResultValue } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import { formatDate, notADate, parseDate } from '../time/dates.js';

/** Options of {@link assignAccounts}. */
export interface AssignOptions {
  /**
   * The day (`YYYY-MM-DD`) covering payees are read on; accounts are placed for the plan's period
   * containing it, as crediting places them for a record dated in that period (see
   * `placementPeriod`): a rule's `today` is that period's last day and a `convert(...)` without a
   * date takes the rate of that day. It must be a day of the plan's effective dates (a
   * `RangeError` otherwise). Default: the first day of the plan's effective dates.
   */
  asOf?: string;
  /**
   * Payees: needed when the accounts source has `Payee` fields. When given, only these payees
   * cover territories (as in a calculation); without them, every payee the plan assigns does.
   */
  payees?: Payee[];
  /** Payees assigned to territories from data, on top of the plan's `assign` clauses (needs `payees`). */
  territoryAssignments?: TerritoryAssignment[];
  /**
   * FX rates, as in a calculation's dataset: needed when a rule or score converts money
   * (`convert(potential, USD)` reads the rate of the last day of the as-of date's period).
   */
  fx?: FxRate[];
}

/** A field of the accounts source, with its declared type. */
export interface AccountField {
  name: string;
  /** `Number`, `Integer`, `Percent`, `Money`, `Date`, `Period`, `Text`, `Boolean` or `Payee`. */
  type: string;
}

/** An account placed in a territory. */
export interface AssignedAccount {
  /** The account's key; `#<row>` when the source declares no key field. */
  account: string;
  row: number;
  /** The account's `name` field, when the source has one. */
  name?: string;
  territory: string;
  /** True when the territory names the account (`named "..."`): it is never moved by rules. */
  named: boolean;
  /**
   * The other territories that had as good a claim, in plan order, when a tie decided the
   * placement (the territory written first won): with `by priority`, those whose rules all hold
   * with the same priority; with `by score`, those whose rules hold with the same highest score;
   * for a named account, the others naming it. Absent when there was no tie.
   */
  tiedWith?: string[];
  /** Payees covering the territory as primary on the as-of date, by id. */
  primary: string[];
  /** Payees covering the territory as overlay on the as-of date, by id. */
  overlay: string[];
  /** The account's values as text (decimals exact, dates `YYYY-MM-DD`), by field name. */
  values: Record<string, ResultValue>;
}

/** Why an account is in no territory. */
export type UnassignedReason = 'no-rule-matched' | 'no-score' | 'invalid-record';

/** One thing wrong with an invalid account record. */
export interface AccountError {
  field?: string;
  code: DataErrorCode;
  reason: string;
}

/** An account in no territory. */
export interface UnassignedAccount {
  account: string;
  row: number;
  name?: string;
  /**
   * `no-rule-matched`: no territory names it and no territory's rules all hold; `no-score`
   * (`by score`): some rules hold but none of those territories gives it a score; `invalid-record`:
   * the record does not fit the source's schema (see `errors`).
   */
  reason: UnassignedReason;
  /** The reason in a sentence. */
  message: string;
  /** What is wrong with an invalid record (empty otherwise). */
  errors: AccountError[];
  /** The values of a valid record, as in {@link AssignedAccount.values}. */
  values?: Record<string, ResultValue>;
}

/** A territory of the design with its payees on the as-of date. */
export interface TerritorySummary {
  name: string;
  label?: string;
  /** How many accounts it holds. */
  accounts: number;
  /** False for a territory without `where` rules: it holds only the accounts it names. */
  rules: boolean;
  primary: string[];
  overlay: string[];
}

/** Where every account of a territory design goes. */
export interface AccountAssignment {
  plan: { name: string; version?: string };
  /** The accounts source (`territories on <source>`). */
  source: string;
  by: 'priority' | 'score';
  asOf: string;
  fields: AccountField[];
  /** Every territory of the design, in plan order. */
  territories: TerritorySummary[];
  /** Placed accounts, by account then row. */
  accounts: AssignedAccount[];
  /** Accounts in no territory, by account then row. */
  unassigned: UnassignedAccount[];
  /** Errors in `payees`, `territoryAssignments` and `fx` (those rows are left out). */
  problems: DataError[];
  /** Warnings from evaluating rules and scores (a division by zero...), labelled with the as-of date's period. */
  warnings: CalculationWarning[];
}

const byAccount = (a: { account: string; row: number }, b: { account: string; row: number }): number =>
  compareText(a.account, b.account) || a.row - b.row;

/** The design and day the rules run on. */
interface Setting {
  design: CompiledTerritories;
  ctx: Ctx;
}

function nameOf(setting: Setting, rec: Rec): string | undefined {
  const field = setting.design.nameField;
  const name = field === undefined ? undefined : rec.v[field];
  return typeof name === 'string' ? name : undefined;
}

/** `{ name }` when there is a name, to spread into an entry. */
const withName = (name: string | undefined): { name?: string } => (name === undefined ? {} : { name });

function valuesOf(rec: Rec): Record<string, ResultValue> {
  const values: Record<string, ResultValue> = {};
  for (const [i, field] of rec.schema.fields.entries())
    values[field.name] = toResult(rec.v[i] ?? null, field.type);
  return values;
}

/** Why a valid account went nowhere. */
function unplaced(
  setting: Setting,
  rec: Rec,
  account: string,
): { reason: UnassignedReason; message: string } {
  const { design, ctx } = setting;
  if (design.design.by === 'score') {
    const matched = design.territories.filter((t) => t.where.length > 0 && matches(t, ctx, rec));
    if (matched.length > 0) {
      const names = matched.map((t) => t.territory.name).join(', ');
      return {
        reason: 'no-score',
        message: `${account} matches the rules of ${names}, but no score gives it a value`,
      };
    }
  }
  return {
    reason: 'no-rule-matched',
    message: `no territory names ${account} and no territory's rules all hold for it`,
  };
}

const priorityOf = (t: CompiledTerritory): number => t.territory.priority ?? Number.MAX_SAFE_INTEGER;

/**
 * The territories other than the chosen one with as good a claim on the account (see
 * {@link AssignedAccount.tiedWith}), in plan order. Reading their rules and scores is only for
 * this report: the warnings it raises are left out, so the warnings are those of crediting, which
 * stops at the first territory.
 */
function tiesOf(setting: Setting, rec: Rec, placement: Placement, run: Run): string[] {
  const { design, ctx } = setting;
  const chosen = placement.territory;
  let tied: CompiledTerritory[];
  if (placement.named) {
    const name = nameOf(setting, rec);
    tied = design.territories.filter(
      (t) =>
        t !== chosen &&
        ((rec.key !== undefined && t.named.has(rec.key)) || (name !== undefined && t.named.has(name))),
    );
  } else {
    const before = new Set(run.warnings.keys());
    const others = candidatesFor(design.candidates, rec).filter((t) => t !== chosen);
    if (design.design.by !== 'score') {
      const priority = priorityOf(chosen);
      tied = others.filter((t) => priorityOf(t) === priority && matches(t, ctx, rec));
    } else {
      const best = chosen.score?.(ctx, rec);
      tied = others.filter((t) => {
        if (!(best instanceof Dec) || !matches(t, ctx, rec)) return false;
        const score = t.score?.(ctx, rec);
        return score instanceof Dec && score.eq(best);
      });
    }
    for (const key of [...run.warnings.keys()]) if (!before.has(key)) run.warnings.delete(key);
  }
  return tied.sort((a, b) => a.order - b.order).map((t) => t.territory.name);
}

/**
 * The as-of day: a date inside the plan's effective dates. A day outside them has no period of the
 * plan to place accounts for (nor payees on the plan), so it is wrong use, not an empty result.
 */
function parseAsOf(plan: Plan, program: Program, asOf: string | undefined): number {
  const text = asOf ?? plan.header.effective.from;
  const day = typeof text === 'string' ? parseDate(text) : undefined;
  if (day === undefined) throw new RangeError(`options.asOf ${notADate(text)}`);
  if (day < program.start || day > program.end)
    throw new RangeError(
      `options.asOf is ${formatDate(day)}, outside the effective dates of plan ${quoteAny(plan.header.name)} ` +
        `(${formatDate(program.start)} to ${formatDate(program.end)}): accounts are placed for a period of the plan`,
    );
  return day;
}

/**
 * Assigns every account record to one territory of the plan's `territories` block, or lists it
 * as unassigned with the reason. The rules are those of crediting: a territory naming the
 * account (by key or `name`) first, then the lowest `priority` (or highest `score`) among the
 * territories whose rules all hold, the earlier in the plan on a tie; an account placed by a tie
 * names the territories it tied with (`tiedWith`).
 *
 * Pure and deterministic: the same plan, accounts and options give the same result whatever the
 * order of the records (give each its `row`). Never throws on bad data: an invalid record is
 * listed as unassigned with its errors. Throws a `RangeError` when the plan has no `territories`
 * block, or `asOf` is not a date or is outside the plan's effective dates.
 */
export function assignAccounts(
  plan: Plan,
  accounts: readonly DataRecord[],
  options: AssignOptions = {},
): AccountAssignment {
  if (!plan.territories) throw new RangeError(`plan ${quoteAny(plan.header.name)} has no territories block`);
  const program = new Program(plan);
  const day = parseAsOf(plan, program, options.asOf);
  const design = program.territories as CompiledTerritories;
  const source = design.design.source;
  const list: DataRecord[] = Array.isArray(accounts) ? accounts.slice() : [];
  const { valid, problems } = validate(
    plan,
    {
      payees: options.payees ?? [],
      records: { [source]: list },
      fx: options.fx ?? [],
      territoryAssignments: options.territoryAssignments ?? [],
    },
    program.calendar,
    // No period is calculated: placing accounts needs the payees, not the attributes their pay reads.
    { calculated: { periods: [], onPlan: () => false } },
  );
  const run = new Run(program, valid, day);
  const setting: Setting = {
    design,
    ctx: placementContext(run, day),
  };
  const payees = valid.payees.byId;
  const known = options.payees === undefined ? () => true : (id: string) => payees.has(id);
  const covers = coversOf(design, valid.assignments);
  const coverage = new Map<string, { primary: string[]; overlay: string[] }>();
  for (const t of design.territories) {
    const on: Coverage[] = coverageOn(covers.get(t.territory.name) ?? [], day, known);
    coverage.set(t.territory.name, {
      primary: on.filter((c) => c.role === 'primary').map((c) => c.payee),
      overlay: on.filter((c) => c.role === 'overlay').map((c) => c.payee),
    });
  }

  const counts = new Map<string, number>();
  const placed: AssignedAccount[] = [];
  const unassigned: UnassignedAccount[] = [];
  for (const rec of valid.records.get(source) ?? []) {
    const account = rec.key ?? `#${rec.row}`;
    const name = nameOf(setting, rec);
    const placement = placeAccount(design, setting.ctx, rec);
    if (!placement) {
      unassigned.push({
        account,
        row: rec.row,
        ...withName(name),
        ...unplaced(setting, rec, account),
        errors: [],
        values: valuesOf(rec),
      });
      continue;
    }
    const territory = placement.territory.territory.name;
    const covered = coverage.get(territory) ?? { primary: [], overlay: [] };
    const tiedWith = tiesOf(setting, rec, placement, run);
    placed.push({
      account,
      row: rec.row,
      ...withName(name),
      territory,
      named: placement.named,
      ...(tiedWith.length > 0 ? { tiedWith } : {}),
      primary: covered.primary,
      overlay: covered.overlay,
      values: valuesOf(rec),
    });
    counts.set(territory, (counts.get(territory) ?? 0) + 1);
  }

  // The name of an invalid record, as written, to recognise it in the unassigned list.
  const rawNames = new Map<number, unknown>();
  if (design.nameField !== undefined)
    for (const [i, r] of list.entries()) rawNames.set(rowOf(r, i), r?.values?.name);
  const otherProblems: DataError[] = [];
  for (const rejected of problems.rejected()) {
    if (rejected.source !== source) {
      otherProblems.push(...rejected.errors);
      continue;
    }
    const row = rejected.row ?? 0;
    const errors = rejected.errors.map(
      (e): AccountError => ({
        ...(e.field === undefined ? {} : { field: e.field }),
        code: e.code,
        reason: e.reason,
      }),
    );
    const rawName = rawNames.get(row);
    unassigned.push({
      account: rejected.key ?? `#${row}`,
      row,
      ...withName(typeof rawName === 'string' && rawName.trim() !== '' ? rawName.trim() : undefined),
      reason: 'invalid-record',
      message: errors.map((e) => e.reason).join('; '),
      errors,
    });
  }

  const result: AccountAssignment = {
    plan: { name: plan.header.name },
    source,
    by: design.design.by,
    asOf: formatDate(day),
    fields:
      plan.sources.find((s) => s.name === source)?.fields.map((f) => ({ name: f.name, type: f.type.kind })) ??
      [],
    territories: design.territories.map(
      (t): TerritorySummary => ({
        name: t.territory.name,
        ...(t.territory.label === undefined ? {} : { label: t.territory.label }),
        accounts: counts.get(t.territory.name) ?? 0,
        rules: t.where.length > 0,
        ...(coverage.get(t.territory.name) ?? { primary: [], overlay: [] }),
      }),
    ),
    accounts: placed.sort(byAccount),
    unassigned: unassigned.sort(byAccount),
    problems: otherProblems,
    warnings: [...run.warnings.values()].sort((a, b) => compareText(a.message, b.message)),
  };
  if (plan.header.version !== undefined) result.plan.version = plan.header.version;
  return result;
}
