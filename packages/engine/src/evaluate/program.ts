/**
 * A plan compiled for evaluation, independent of any data: every definition (let, measure,
 * metric, quota, credit, earning) numbered, its versions compiled into closures, its tables
 * compiled, and what depends on what. Built once per plan; a calculation only reads it.
 */
import type { Element, IrExpr, Plan, Range, RefKind } from '@attain/dsl';
import { type CompiledCredit, compileCredit, ownerOnly } from '../credit/compile-credit.js';
import { type CompiledTerritories, compileTerritories } from '../credit/territory.js';
import { lastDayOnPlanBefore } from '../data/earlier-periods.js';
import { type PayeeData, type SourceSchema, sourceSchema } from '../data/model.js';
import { type CompiledEarning, compileEarning, earningOutcome } from '../earn/earning.js';
import { type CompiledQuota, compileQuota, quotaValue } from '../quota/quota.js';
import type { RuleRef } from '../results/results.js';
import { Tables } from '../tables/tables.js';
import { FiscalCalendar, type Period } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';
import { type CompileEnv, compile, type Fn } from './compile.js';
import type { Ctx } from './context.js';
import type { Value } from './value.js';
import { spanOf, type Version, versionIn } from './versions.js';
import { noUses, type Uses, uses } from './walk.js';

/** The kinds of definition evaluated per payee and period. */
export type DefKind = 'let' | 'measure' | 'metric' | 'quota' | 'credit' | 'earning';

const DEF_KINDS: ReadonlySet<string> = new Set<DefKind>([
  'let',
  'measure',
  'metric',
  'quota',
  'credit',
  'earning',
]);

/** A definition of the plan. */
export interface Def {
  id: number;
  kind: DefKind;
  name: string;
  /** Shared by every trace of this definition. */
  rule: RuleRef;
  range: Range;
  /** The first version's element (label, doc, type...). */
  element: Element;
  uses: Uses;
  compute: (ctx: Ctx) => Value;
}

/** A compiled signal. */
export interface CompiledSignal {
  signal: Plan['signals'][number];
  condition: Fn;
  schema: SourceSchema | undefined;
}

/** A plan ready to evaluate. */
export class Program implements CompileEnv {
  readonly plan: Plan;
  readonly calendar: FiscalCalendar;
  readonly currency: string;
  /** The plan's effective dates as day numbers. */
  readonly start: number;
  readonly end: number;
  readonly schemas = new Map<string, SourceSchema>();
  readonly defs: Def[] = [];
  readonly tables: Tables;
  readonly values = new Map<number, Version<Fn>[]>();
  readonly credits = new Map<number, Version<CompiledCredit>[]>();
  readonly quotas = new Map<number, Version<CompiledQuota>[]>();
  readonly earnings = new Map<number, Version<CompiledEarning>[]>();
  readonly signals: CompiledSignal[];
  readonly territories: CompiledTerritories | undefined;
  private readonly ids = new Map<string, number>();
  private readonly tableUses = new Map<string, Uses>();
  private readonly dependentsCache = new Map<number, Uint8Array>();

  /**
   * True when every credit reaches only its records' owners (`to owner`, no split): no payee's
   * statement reads another payee's records, so records can be made payee by payee.
   */
  get ownerLocal(): boolean {
    for (const versions of this.credits.values())
      for (const v of versions) if (!ownerOnly(v.value)) return false;
    return true;
  }

  /** The sources without a key field: results name their records by row number (and the data hash numbers them). */
  keylessSources(): Set<string> {
    return new Set([...this.schemas.values()].filter((s) => s.key === undefined).map((s) => s.name));
  }

  /**
   * True when the payee is on the plan for at least one day of the period: within the plan's
   * effective dates and one of the payee's plan assignments. A statement is made only for such
   * periods, and only they count as paid earlier in the year.
   */
  onPlan(payee: PayeeData, period: Period): boolean {
    const from = Math.max(period.start, this.start);
    const to = Math.min(period.end, this.end);
    if (from > to) return false;
    if (!payee.onPlan) return true;
    return payee.onPlan.some((s) => s.from <= to && s.to >= from);
  }

  /**
   * The day whose attribute values a period reads for the payee (`Dataset.attributeChanges`): the
   * last day of the period on which the payee is on the plan (the period's end, or the day they
   * leave the plan or the plan ends, if earlier); the period's end when they are not on it then.
   */
  attributeDay(payee: PayeeData, period: Period): number {
    const last = lastDayOnPlanBefore(this, payee, period.end + 1);
    return last !== undefined && last >= period.start ? last : period.end;
  }

  constructor(plan: Plan) {
    this.plan = plan;
    this.calendar = new FiscalCalendar(plan.header.fiscalYearStart);
    this.currency = plan.header.currency;
    this.start = parseDate(plan.header.effective.from) as number;
    this.end = parseDate(plan.header.effective.to) as number;
    for (const source of plan.sources) this.schemas.set(source.name, sourceSchema(source));
    const groups: [DefKind, readonly Element[]][] = [
      ['let', plan.lets],
      ['measure', plan.measures],
      ['metric', plan.metrics],
      ['quota', plan.quotas],
      ['credit', plan.credits],
      ['earning', plan.earnings],
    ];
    for (const [kind, elements] of groups) for (const element of elements) this.declare(kind, element);
    this.tables = new Tables(plan, this);
    this.indexTableUses();
    for (const [kind, elements] of groups) for (const element of elements) this.addVersion(kind, element);
    this.signals = plan.signals.map((signal) => {
      const schema = signal.on === undefined ? undefined : this.schemas.get(signal.on);
      const scopes = signal.on === undefined ? [] : [{ source: signal.on, entries: false }];
      return { signal, schema, condition: compile(signal.condition, this, scopes) };
    });
    this.territories = plan.territories ? compileTerritories(plan.territories, this) : undefined;
  }

  defId(kind: RefKind, name: string): number | undefined {
    return DEF_KINDS.has(kind) ? this.ids.get(`${kind}:${name}`) : undefined;
  }

  private declare(kind: DefKind, element: Element): void {
    const key = `${kind}:${element.name}`;
    if (this.ids.has(key)) return;
    const id = this.defs.length;
    this.ids.set(key, id);
    const rule: RuleRef = { kind, name: element.name };
    if (element.label !== undefined) rule.label = element.label;
    const def: Def = {
      id,
      kind,
      name: element.name,
      rule,
      range: element.range,
      element,
      uses: noUses(),
      compute: () => null,
    };
    this.defs.push(def);
  }

  private addVersion(kind: DefKind, element: Element): void {
    const def = this.defs[this.defId(kind, element.name) as number] as Def;
    const span = spanOf(element);
    const push = <T>(map: Map<number, Version<T>[]>, value: T): Version<T>[] => {
      const list = map.get(def.id) ?? [];
      list.push({ span, value });
      map.set(def.id, list);
      return list;
    };
    const track = (...exprs: (IrExpr | undefined)[]) => {
      for (const e of exprs) uses(e, def.uses);
    };
    switch (kind) {
      case 'let':
      case 'measure':
      case 'metric': {
        const value = (element as Plan['lets'][number]).value;
        track(value);
        const versions = push(this.values, compile(value, this));
        def.compute = (ctx) => {
          const fn = versionIn(versions, ctx.period);
          if (fn) return fn(ctx, undefined);
          ctx.warn('no-version', def, `no version of ${def.name} is in force in ${ctx.period.label}`);
          return null;
        };
        break;
      }
      case 'quota': {
        const quota = element as Plan['quotas'][number];
        track(quota.base, quota.ramp?.from, quota.relief);
        const versions = push(this.quotas, compileQuota(quota, def, this));
        def.compute = (ctx) => {
          const q = versionIn(versions, ctx.period);
          if (q) return quotaValue(ctx, q);
          ctx.warn('no-version', def, `no version of ${def.name} is in force in ${ctx.period.label}`);
          return null;
        };
        break;
      }
      case 'credit': {
        const credit = element as Plan['credits'][number];
        push(this.credits, compileCredit(credit, def, this));
        def.compute = (ctx) => ctx.creditTotal(def.id);
        break;
      }
      case 'earning': {
        const earning = element as Plan['earnings'][number];
        track(earning.value, earning.gate, earning.cap, earning.floor);
        const versions = push(this.earnings, compileEarning(earning, def, this));
        def.compute = (ctx) => {
          const e = versionIn(versions, ctx.period);
          return e ? earningOutcome(ctx, e).amount : null;
        };
        break;
      }
    }
  }

  private indexTableUses(): void {
    for (const t of this.plan.rateTables) {
      const u = this.tableUses.get(t.name) ?? noUses();
      uses(t.on, u);
      for (const tier of t.tiers) uses(tier.rate, u);
      this.tableUses.set(t.name, u);
    }
    for (const t of this.plan.lookupTables) {
      const u = this.tableUses.get(t.name) ?? noUses();
      for (const row of t.rows) uses(row.value, u);
      uses(t.otherwise, u);
      this.tableUses.set(t.name, u);
    }
    for (const c of this.plan.payCurves) {
      const u = this.tableUses.get(c.name) ?? noUses();
      uses(c.on, u);
      this.tableUses.set(c.name, u);
    }
  }

  /** For each definition, 1 when its value depends on the credit `creditId` (directly or not). */
  dependents(creditId: number): Uint8Array {
    const cached = this.dependentsCache.get(creditId);
    if (cached) return cached;
    const credit = this.defs[creditId] as Def;
    const state = new Uint8Array(this.defs.length); // 0 unknown, 1 depends, 2 does not, 3 visiting
    const tableState = new Map<string, boolean>();
    const visitUses = (u: Uses, seen: Set<string>): boolean => {
      if (u.credits.has(credit.name)) return true;
      for (const ref of u.refs) {
        const [kind, name] = ref.split(':') as [RefKind, string];
        const id = this.defId(kind, name);
        if (id !== undefined && visit(id)) return true;
      }
      for (const table of u.tables) {
        if (seen.has(table)) continue;
        seen.add(table);
        let result = tableState.get(table);
        if (result === undefined) {
          const tu = this.tableUses.get(table);
          result = tu ? visitUses(tu, seen) : false;
          tableState.set(table, result);
        }
        if (result) return true;
      }
      return false;
    };
    const visit = (id: number): boolean => {
      const s = state[id];
      if (s === 1) return true;
      if (s === 2 || s === 3) return false;
      state[id] = 3;
      const result = id === creditId || visitUses((this.defs[id] as Def).uses, new Set());
      state[id] = result ? 1 : 2;
      return result;
    };
    for (const def of this.defs) visit(def.id);
    const result = new Uint8Array(this.defs.length);
    for (let i = 0; i < result.length; i++) result[i] = state[i] === 1 ? 1 : 0;
    this.dependentsCache.set(creditId, result);
    return result;
  }
}
