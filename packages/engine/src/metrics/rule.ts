/**
 * Roll-up rules: how a team's value of a metric is obtained from the payees in it, derived from
 * the metric's IR for one period (versioned definitions may differ between periods).
 *
 * A team's value is the metric recomputed as if the team were one payee holding the records of
 * everyone in it. Each part read from records is combined across members, then the metric's own
 * arithmetic runs on the combined parts:
 *
 * - `sum(...)` and `count(...)` over a source, a credit's total, a quota and a to-date window
 *   of one of those add up;
 * - `min(...)` and `max(...)` take the smallest or largest member value;
 * - `avg(x)` is the rolled-up `sum(x)` divided by the rolled-up count of values of `x`;
 * - lets, measures and metrics are expanded into their own expressions, so `ratio(a, b)` and
 *   `a / b` are recomputed from the rolled-up `a` and `b`, never averaged;
 * - values that are the same for every payee (literals, `today`, `period`, lets of those) stay.
 *
 * What cannot be recomputed that way has no team value, with the reason: a payee attribute, an
 * earning, a rate or lookup table, a credit that credits several payees for one record
 * (overlays, managers, territories), an aggregate whose condition reads payee-specific values.
 */
import type { Credit, Definition, Element, IrAggregate, IrExpr, IrRef } from '@attain/dsl';
import { compile, type Fn } from '../evaluate/compile.js';
import type { Ctx } from '../evaluate/context.js';
import type { Program } from '../evaluate/program.js';
import { spanOf, type Version, versionIn } from '../evaluate/versions.js';
import { children } from '../evaluate/walk.js';
import { renderExpr } from '../governance/render-expr.js';
import type { Period } from '../time/calendar.js';
import {
  compileTemplate,
  constantNode,
  mapChildren,
  partOf,
  placeholder,
  type TeamFormula,
} from './template.js';

/** How members' values of a part combine into the team's. */
export type PartCombine = 'add' | 'min' | 'max';

/** A value computed for each payee and combined across a team. */
export interface Part {
  combine: PartCombine;
  /** Evaluated in each member's context. */
  fn: Fn;
  /** In plan words: `count(stage_history where stage = "Proposal")`, `credit bookings`, `ytd(bookings)`. */
  text: string;
}

/** How a team's value of a metric is found. */
export type RollUpMethod = 'sum' | 'min' | 'max' | 'recomputed' | 'same' | 'none';

/** A metric's roll-up rule for one period. */
export interface MetricRule {
  name: string;
  method: RollUpMethod;
  /** Indexes into the rule set's parts. */
  parts: number[];
  /** The metric with its parts as placeholders, compiled; absent when it has no team value. */
  formula?: TeamFormula;
  /** Why the metric has no team value (method `none`). */
  reason?: string;
}

/** Thrown inside the derivation only; becomes a rule's `reason`. */
class NoTeamValue extends Error {}

/** Why a credit's records cannot simply be pooled across a team, or `undefined` when they can. */
function creditProblem(credit: Credit, entries: boolean): string | undefined {
  const shared = credit.recipients.some((to) => to.overlay || to.recipient.kind !== 'field');
  if (shared)
    return `the credit ${credit.name} credits a record to several payees in full (overlay, managers or territory), so a team would count it more than once`;
  if (entries && (credit.split || credit.recipients.length !== 1 || credit.recipients[0]?.share !== '1'))
    return `the credit ${credit.name} splits records between payees, so a team would count a split record once per member`;
  return undefined;
}

/** A definition version in force, with the stable key of where it is written. */
interface Located {
  definition: Definition;
  /** `kind:name#version`: the version's place among the declarations of its name. */
  at: string;
}

/**
 * What the rules of every period share, built once per roll-up: the versions of the plan's
 * definitions and credits by name, and each part compiled once (a part's key names the same
 * expression in every period).
 */
export class RuleBook {
  private readonly definitions = new Map<string, Version<Located>[]>();
  private readonly credits = new Map<string, Version<Credit>[]>();
  private readonly fns = new Map<string, Fn>();

  constructor(readonly program: Program) {
    const plan = program.plan;
    const add = <T>(map: Map<string, Version<T>[]>, key: string, element: Element, value: T) => {
      const list = map.get(key) ?? [];
      list.push({ span: spanOf(element), value });
      map.set(key, list);
    };
    for (const [kind, list] of [
      ['let', plan.lets],
      ['measure', plan.measures],
      ['metric', plan.metrics],
    ] as const)
      for (const d of list) {
        const key = `${kind}:${d.name}`;
        add(this.definitions, key, d, {
          definition: d,
          at: `${key}#${this.definitions.get(key)?.length ?? 0}`,
        });
      }
    for (const c of plan.credits) add(this.credits, c.name, c, c);
  }

  /** The version of a let, measure or metric in force in `period`. */
  definition(kind: string, name: string, period: Period): Located | undefined {
    const versions = this.definitions.get(`${kind}:${name}`);
    return versions && versionIn(versions, period);
  }

  /** The version of a credit in force in `period`. */
  credit(name: string, period: Period): Credit | undefined {
    const versions = this.credits.get(name);
    return versions && versionIn(versions, period);
  }

  /**
   * `expr` compiled on first use of `key`: a part's key, or the place `expr` is written (see
   * `RuleSet.rewrite`); either names the same expression in every period.
   */
  fn(key: string, expr: IrExpr): Fn {
    let fn = this.fns.get(key);
    if (!fn) {
      fn = compile(expr, this.program);
      this.fns.set(key, fn);
    }
    return fn;
  }
}

/** The roll-up rules of every metric of a plan in one period, with the parts they share. */
export class RuleSet {
  readonly parts: Part[] = [];
  readonly rules: MetricRule[] = [];
  private readonly partKeys = new Map<string, number>();
  private readonly uniform = new WeakMap<IrExpr, boolean>();
  private readonly program: Program;

  /**
   * @param book what every period's rules share
   * @param period the period the rules are for (it picks versioned definitions)
   * @param shared a context without payee in the period, where values common to all payees are read
   */
  constructor(
    private readonly book: RuleBook,
    private readonly period: Period,
    private readonly shared: Ctx,
  ) {
    this.program = book.program;
    const seen = new Set<string>();
    for (const metric of this.program.plan.metrics) {
      if (seen.has(metric.name)) continue;
      seen.add(metric.name);
      this.rules.push(this.ruleOf(metric.name));
    }
  }

  private definition(kind: string, name: string): Located | undefined {
    return this.book.definition(kind, name, this.period);
  }

  private credit(name: string): Credit | undefined {
    return this.book.credit(name, this.period);
  }

  private ruleOf(name: string): MetricRule {
    const metric = this.definition('metric', name);
    if (!metric) return { name, method: 'none', parts: [], reason: `no version of ${name} is in force` };
    const used = new Set<number>();
    try {
      const template = this.rewrite(metric.definition.value, used, metric.at);
      const parts = [...used].sort((a, b) => a - b);
      const only = partOf(template);
      const method: RollUpMethod =
        only !== undefined
          ? this.parts[only]?.combine === 'add'
            ? 'sum'
            : (this.parts[only]?.combine ?? 'recomputed')
          : parts.length === 0
            ? 'same'
            : 'recomputed';
      return { name, method, parts, formula: compileTemplate(template, this.program) };
    } catch (error) {
      if (!(error instanceof NoTeamValue)) throw error;
      return { name, method: 'none', parts: [], reason: error.message };
    }
  }

  /** True when `expr` has the same value for every payee in the period. */
  private isUniform(expr: IrExpr): boolean {
    const known = this.uniform.get(expr);
    if (known !== undefined) return known;
    let result: boolean;
    switch (expr.op) {
      case 'literal':
      case 'period':
      case 'today':
        result = true;
        break;
      case 'ref': {
        const d =
          expr.kind === 'let' || expr.kind === 'measure' || expr.kind === 'metric'
            ? this.definition(expr.kind, expr.name)
            : undefined;
        result = d !== undefined && this.isUniform(d.definition.value);
        break;
      }
      case 'member':
        result = expr.object.op !== 'payee' && this.isUniform(expr.object);
        break;
      case 'payee':
      case 'field':
      case 'aggregate':
      case 'to-date':
      case 'tiered':
      case 'rate':
      case 'lookup':
      case 'curve':
        result = false;
        break;
      default:
        result = children(expr).every((c) => this.isUniform(c));
    }
    this.uniform.set(expr, result);
    return result;
  }

  /** The first thing in a record condition that differs between payees, in words. */
  private payeeSpecific(expr: IrExpr): string | undefined {
    switch (expr.op) {
      case 'field':
      case 'literal':
      case 'period':
      case 'today':
        return undefined;
      case 'payee':
        return 'payee';
      case 'ref':
        return this.isUniform(expr) ? undefined : `${expr.kind} ${expr.name}`;
      case 'member':
        return expr.object.op === 'payee' ? `payee.${expr.member}` : this.payeeSpecific(expr.object);
      case 'aggregate':
        return 'another aggregate';
      case 'to-date':
        return `${expr.window}(${expr.ref.name})`;
      case 'tiered':
      case 'rate':
      case 'lookup':
        return `the table ${expr.table}`;
      case 'curve':
        return `the pay curve ${expr.curve}`;
      default:
        for (const c of children(expr)) {
          const found = this.payeeSpecific(c);
          if (found !== undefined) return found;
        }
        return undefined;
    }
  }

  /**
   * The placeholder of a part (created on first use, shared by every metric using it), noted in
   * `used`. `key` names the part in every period: `credit:bookings`, `quota:q`, `ytd:credit:bookings`,
   * or for an aggregate the place it is written (see {@link rewrite}).
   */
  private part(key: string, combine: PartCombine, expr: IrExpr, text: string, used: Set<number>): IrExpr {
    let index = this.partKeys.get(key);
    if (index === undefined) {
      index = this.parts.length;
      this.parts.push({ combine, fn: this.book.fn(key, expr), text });
      this.partKeys.set(key, index);
    }
    used.add(index);
    return placeholder(index, expr.type, expr.range);
  }

  /**
   * The template of `expr`, written at `at`: the key of the definition version it is in and the
   * path of child positions down to it (`metric:win_rate#0/0/1`). An aggregate's part is keyed by
   * that place, so the same aggregate reached twice (a let used by two metrics) is one part, and
   * two aggregates written alike in two places are two.
   */
  private rewrite(expr: IrExpr, used: Set<number>, at: string): IrExpr {
    if (this.isUniform(expr))
      return constantNode(this.book.fn(at, expr)(this.shared, undefined), expr.type, expr.range);
    switch (expr.op) {
      case 'aggregate':
        return this.aggregate(expr, used, at);
      case 'ref':
        return this.reference(expr, used);
      case 'to-date': {
        const why = this.notAdditive(expr.ref);
        if (why !== undefined)
          throw new NoTeamValue(
            `${expr.window}(${expr.ref.name}) adds up ${expr.ref.name} over periods, but ${why}`,
          );
        return this.part(
          `${expr.window}:${expr.ref.kind}:${expr.ref.name}`,
          'add',
          expr,
          renderExpr(expr),
          used,
        );
      }
      case 'payee':
        throw new NoTeamValue('it reads the payee, and a team is not a payee');
      case 'member':
        if (expr.object.op === 'payee')
          throw new NoTeamValue(
            `it reads payee.${expr.member}, an attribute of each payee that a team does not have`,
          );
        break;
      case 'tiered':
      case 'rate':
      case 'lookup':
        throw new NoTeamValue(`it applies the table ${expr.table} to each payee's own values`);
      case 'curve':
        throw new NoTeamValue(`it applies the pay curve ${expr.curve} to each payee's own values`);
      default:
        break;
    }
    let position = 0;
    return mapChildren(expr, (child) => this.rewrite(child, used, `${at}/${position++}`));
  }

  private reference(expr: IrRef, used: Set<number>): IrExpr {
    switch (expr.kind) {
      case 'let':
      case 'measure':
      case 'metric': {
        const d = this.definition(expr.kind, expr.name);
        if (!d) throw new NoTeamValue(`no version of ${expr.name} is in force`);
        return this.rewrite(d.definition.value, used, d.at);
      }
      case 'credit': {
        const credit = this.credit(expr.name);
        const why = credit ? creditProblem(credit, false) : `no version of ${expr.name} is in force`;
        if (why !== undefined) throw new NoTeamValue(why);
        return this.part(`credit:${expr.name}`, 'add', expr, `credit ${expr.name}`, used);
      }
      case 'quota':
        return this.part(`quota:${expr.name}`, 'add', expr, `quota ${expr.name}`, used);
      case 'earning':
        throw new NoTeamValue(
          `it reads the earning ${expr.name}, which is paid to each payee on their own numbers`,
        );
      default:
        throw new NoTeamValue(`it reads the ${expr.kind} ${expr.name}, which belongs to each payee`);
    }
  }

  private aggregate(expr: IrAggregate, used: Set<number>, at: string): IrExpr {
    if (expr.over.kind === 'credit') {
      const credit = this.credit(expr.over.name);
      const why = credit ? creditProblem(credit, true) : `no version of ${expr.over.name} is in force`;
      if (why !== undefined) throw new NoTeamValue(why);
    }
    const specific = expr.where && this.payeeSpecific(expr.where);
    if (specific !== undefined)
      throw new NoTeamValue(
        `${renderExpr(expr)} reads ${specific} in its condition, which differs between payees`,
      );
    switch (expr.fn) {
      case 'sum':
      case 'count':
        return this.part(at, 'add', expr, renderExpr(expr), used);
      case 'min':
      case 'max':
        return this.part(at, expr.fn, expr, renderExpr(expr), used);
      case 'avg': {
        // The average of everyone's values: their sum over their count (values that are empty left out).
        const sum: IrAggregate = { ...expr, fn: 'sum' };
        const count: IrAggregate = { ...expr, fn: 'count', type: { kind: 'Integer' } };
        const left = this.part(`${at}:sum`, 'add', sum, renderExpr(sum), used);
        const right = this.part(`${at}:count`, 'add', count, renderExpr(count), used);
        return { op: 'binary', operator: '/', left, right, type: expr.type, range: expr.range };
      }
    }
  }

  /** Why a definition's team value is not the sum of its members' values, or `undefined` when it is. */
  private notAdditive(ref: IrRef): string | undefined {
    switch (ref.kind) {
      case 'credit': {
        const credit = this.credit(ref.name);
        return credit ? creditProblem(credit, false) : `no version of ${ref.name} is in force`;
      }
      case 'quota':
        return undefined;
      case 'let':
      case 'measure':
      case 'metric': {
        const d = this.definition(ref.kind, ref.name);
        if (d && this.additive(d.definition.value)) return undefined;
        return `${ref.name} is not a sum over records, credits or quotas`;
      }
      default:
        return `${ref.name} is not a sum over records, credits or quotas`;
    }
  }

  /** True when a team's value of `expr` is the sum of its members' values. */
  private additive(expr: IrExpr): boolean {
    switch (expr.op) {
      case 'aggregate':
        return (
          (expr.fn === 'sum' || expr.fn === 'count') &&
          (expr.where === undefined || this.payeeSpecific(expr.where) === undefined) &&
          (expr.over.kind === 'source' ||
            ((c) => c !== undefined && creditProblem(c, true) === undefined)(this.credit(expr.over.name)))
        );
      case 'ref':
        return this.notAdditive(expr) === undefined;
      case 'unary':
        return expr.operator === 'neg' && this.additive(expr.operand);
      case 'binary':
        if (expr.operator === '+' || expr.operator === '-')
          return this.additive(expr.left) && this.additive(expr.right);
        if (expr.operator === '*')
          return (
            (this.additive(expr.left) && this.isUniform(expr.right)) ||
            (this.isUniform(expr.left) && this.additive(expr.right))
          );
        if (expr.operator === '/') return this.additive(expr.left) && this.isUniform(expr.right);
        return false;
      default:
        return false;
    }
  }
}
