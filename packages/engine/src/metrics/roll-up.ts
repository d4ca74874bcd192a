/**
 * `rollUp(plan, data, results)`: every metric of the plan for every team of the hierarchy (rep ->
 * team -> region -> company), in every period of the results. A team's value is the metric
 * recomputed as if the team were one payee holding the records of everyone in it (see
 * {@link RuleSet} for the rules): ratios are recomputed from their rolled-up numerator and
 * denominator at each level, never averaged.
 */
import { formatType, type Plan, type Type } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import type { Dataset } from '../data/dataset.js';
import { managerOn, type PayeeData } from '../data/model.js';
import { recordsByOwner, validate } from '../data/validate.js';
import { Program } from '../evaluate/program.js';
import { Run } from '../evaluate/run.js';
import { compare, isDec, toResult, type Value } from '../evaluate/value.js';
import { dataHash, planHash } from '../results/hash.js';
import type { Results, ResultValue } from '../results/results.js';
import type { Period } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import { hierarchyOf } from './hierarchy.js';
import { type Part, type RollUpMethod, RuleBook, RuleSet } from './rule.js';
import { TeamContext } from './template.js';

/** How a metric rolls up, as shown to people. */
export interface RollUpRule {
  /** The metric's name. */
  metric: string;
  label?: string;
  /**
   * `sum`: the members' values add up (counts, sums, credits, quotas); `min` / `max`: the
   * smallest or largest member value; `recomputed`: the metric's formula applied to the
   * rolled-up parts (ratios, averages, differences); `same`: a value common to every payee (a
   * share of the period elapsed); `none`: no team value, see `reason`.
   */
  method: RollUpMethod;
  /** The parts combined across members, in plan words: `count(deals where stage = "Lost")`, `credit bookings`. */
  parts: string[];
  /** Why there is no team value (method `none`). */
  reason?: string;
}

/** One metric of a team in a period. */
export interface TeamMetric {
  name: string;
  label?: string;
  /** The type as written in the language: `Percent`, `Money (USD)`, `Integer`... */
  type: string;
  /** Percent values are ratios; `null`: no value (see the rule's reason when the metric has none for teams). */
  value: ResultValue;
}

/** The metrics of one team in one period. */
export interface TeamMetrics {
  /** The head of the team: the payee id of the manager. */
  team: string;
  /** The head's name. */
  teamName: string;
  period: string;
  /** Depth of the head below the top of the hierarchy (the top is 0). */
  level: number;
  /** The head's direct reports, by id. */
  reports: string[];
  /** How many payees the team counts: the head and everyone below them. */
  size: number;
  /** In the plan's order. */
  metrics: TeamMetric[];
}

/** The metrics of every team, with the rule each metric follows. */
export interface RollUp {
  meta: { plan: Results['meta']['plan']; periods: string[]; asOf: string; currency: string };
  /** One per metric, in the plan's order, as they apply in the last period. */
  rules: RollUpRule[];
  /** Sorted by team (head id), then period. */
  teams: TeamMetrics[];
  /**
   * Payees in or below a cycle of managers (see {@link hierarchyOf}) on the last day of any of the
   * periods, by id: they are in no team in those periods.
   */
  unplaced: string[];
}

/** The value of each part for one payee (or team) in one period. */
type Values = Value[];

/** Adds a member's (or a sub-team's) parts into a team's. */
function combine(parts: readonly Part[], into: Values, from: Values): void {
  for (let i = 0; i < parts.length; i++) {
    const a = into[i] ?? null;
    const b = from[i] ?? null;
    const how = (parts[i] as Part).combine;
    if (how === 'add') {
      // A member without a value (a quota missing from the data) leaves the team without one.
      into[i] = isDec(a) && isDec(b) ? a.plus(b) : null;
    } else if (b !== null) {
      const order = a === null ? undefined : compare(b, a);
      if (a === null || (order !== undefined && (how === 'min' ? order < 0 : order > 0))) into[i] = b;
    }
  }
}

/**
 * Every metric of `plan` for every team of the hierarchy in `data.payees` (each payee's
 * `manager`), in the periods of `results`, which must be the results of `calculate(plan, data,
 * ...)`. A team is a manager and everyone below them: their own records count in it too. Each
 * period has the hierarchy of its last day: a payee's manager is the one in force that day (their
 * changes of manager in `data.attributeChanges`), and the payee's whole period counts in that team.
 *
 * Pure and deterministic. The data is validated again exactly as `calculate` validates it (in
 * lenient mode the rows `calculate` rejected are left out here too); results with errors (strict
 * mode) give no teams. Throws a `TypeError` when `results` were calculated for another plan or
 * over other data (their `meta.dataHash` is not the hash of `data`).
 */
export function rollUp(plan: Plan, data: Dataset, results: Results): RollUp {
  if (results?.meta?.plan?.hash !== planHash(plan))
    throw new TypeError('results must be the results of calculate() for the same plan');
  const meta = results.meta;
  const program = new Program(plan);
  // Hashed as `calculate` hashes it: the records of sources without a key are numbered by row.
  if (meta.dataHash !== dataHash(data, program.keylessSources()))
    throw new TypeError(
      'results must be the results of calculate() over the same data: the data hash differs ' +
        '(the data changed since the results were calculated, or they come from another dataset)',
    );
  const periods = meta.periods.flatMap((label) => program.calendar.parse(label) ?? []);
  const rollUpMeta = { plan: meta.plan, periods: meta.periods, asOf: meta.asOf, currency: meta.currency };
  // Validated as `calculate` validated it: only payees on the plan in these periods need its attributes.
  const { valid, problems } = validate(plan, data, program.calendar, {
    byOwner: recordsByOwner.enabled && program.ownerLocal,
    calculated: { periods, onPlan: (payee, period) => program.onPlan(payee, period) },
  });
  const asOf = parseDate(meta.asOf) ?? program.end;
  const run = new Run(program, valid, asOf, valid.previous);
  const book = new RuleBook(program);
  const ruleSets = periods.map((p) => new RuleSet(book, p, run.context(null, p, false)));
  const last = ruleSets[ruleSets.length - 1];
  const labels = new Map(plan.metrics.map((m) => [m.name, m]));
  const rules: RollUpRule[] = (last?.rules ?? []).map((r) => {
    const rule: RollUpRule = {
      metric: r.name,
      method: r.method,
      parts: r.parts.map((i) => last?.parts[i]?.text ?? ''),
    };
    const label = labels.get(r.name)?.label;
    if (label !== undefined) rule.label = label;
    if (r.reason !== undefined) rule.reason = r.reason;
    return rule;
  });
  if (meta.mode === 'strict' && problems.size > 0)
    return { meta: rollUpMeta, rules, teams: [], unplaced: [] };

  // The hierarchy of each period: each payee's manager in force on the period's last day (their
  // changes of manager in `attributeChanges`); one hierarchy for all when no manager changes.
  const payees = [...valid.payees.byId.values()];
  const undated = payees.every((p) => p.managerChanges === undefined) ? hierarchyOf(payees) : undefined;
  const hierarchies = periods.map(
    (period) => undated ?? hierarchyOf(payees.map((p) => ({ id: p.id, manager: managerOn(p, period.end) }))),
  );
  const placed = new Set<string>();
  for (const hierarchy of hierarchies) for (const place of hierarchy.order) placed.add(place.id);
  // Each payee's parts in each period, payee by payee like `calculate` (a payee's contexts and
  // credits are released once all their periods are done).
  const own = new Map<string, Values[]>();
  for (const id of placed) {
    const payee = valid.payees.byId.get(id) as PayeeData;
    own.set(
      id,
      periods.map((period, i) => {
        const ctx = run.context(payee, period, false);
        return (ruleSets[i] as RuleSet).parts.map((part) => part.fn(ctx, undefined));
      }),
    );
    run.release(id);
  }

  // Each metric's name, label and type, as its first declaration gives them (the same in every period).
  const shapes = (last?.rules ?? []).map((rule): Shape => {
    const element = plan.metrics.find((m) => m.name === rule.name);
    const type: Type = element?.type ?? { kind: 'Unknown' };
    return { name: rule.name, label: element?.label, type, typeText: formatType(type) };
  });
  const teams: TeamMetrics[] = [];
  periods.forEach((period, i) => {
    const set = ruleSets[i] as RuleSet;
    const hierarchy = hierarchies[i] as (typeof hierarchies)[number];
    const ctx = new TeamContext(run, period);
    const rolled = new Map<string, Values>();
    const sizes = new Map<string, number>();
    // Reports come after their manager in `order`: walking it backwards rolls every team up
    // from teams already rolled up.
    for (let k = hierarchy.order.length - 1; k >= 0; k--) {
      const place = hierarchy.order[k] as (typeof hierarchy.order)[number];
      const values = [...((own.get(place.id) as Values[])[i] as Values)];
      let size = 1;
      for (const report of place.reports) {
        combine(set.parts, values, rolled.get(report) as Values);
        size += sizes.get(report) ?? 1;
      }
      rolled.set(place.id, values);
      sizes.set(place.id, size);
      if (place.reports.length === 0) continue;
      const payee = valid.payees.byId.get(place.id) as PayeeData;
      teams.push({
        team: place.id,
        teamName: payee.name,
        period: period.label,
        level: place.level,
        reports: place.reports,
        size,
        metrics: set.rules.map((rule, m) =>
          teamMetric(shapes[m] as Shape, rule.formula?.(values, ctx) ?? null),
        ),
      });
    }
  });
  teams.sort((a, b) => compareText(a.team, b.team) || byPeriod(periods, a.period, b.period));
  const unplaced = new Set<string>();
  for (const hierarchy of hierarchies) for (const id of hierarchy.unplaced) unplaced.add(id);
  return { meta: rollUpMeta, rules, teams, unplaced: [...unplaced].sort(compareText) };
}

function byPeriod(periods: readonly Period[], a: string, b: string): number {
  return periods.findIndex((p) => p.label === a) - periods.findIndex((p) => p.label === b);
}

/** A metric as teams show it: its name, label and type. */
interface Shape {
  name: string;
  label: string | undefined;
  type: Type;
  typeText: string;
}

function teamMetric(shape: Shape, value: Value): TeamMetric {
  const metric: TeamMetric = { name: shape.name, type: shape.typeText, value: toResult(value, shape.type) };
  if (shape.label !== undefined) metric.label = shape.label;
  return metric;
}
