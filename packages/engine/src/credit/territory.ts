/**
 * Territories: each account (a record of the `territories on` source) goes to one territory —
 * a territory naming it (by key or `name` field) first, then among the territories whose `where`
 * rules all hold, the lowest `priority` (or highest `score`), the earlier in the plan on a tie.
 * Payees cover territories through the plan's `assign` clauses and the dataset's territory
 * assignments, each with a role and optional dates.
 */
import type { Territories, Territory } from '@attain/dsl';
import type { SourceSchema } from '../data/model.js';
import { Dec } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Run } from '../evaluate/run.js';
import { parseDate } from '../time/dates.js';

/** A territory with compiled rules. */
interface CompiledTerritory {
  territory: Territory;
  order: number;
  where: Fn[];
  score: Fn | undefined;
  named: Set<string>;
  assignments: Cover[];
}

/** A payee covering a territory. */
interface Cover {
  payee: string;
  role: 'primary' | 'overlay';
  from: number;
  to: number;
}

/** The territory design, compiled. */
export interface CompiledTerritories {
  design: Territories;
  schema: SourceSchema | undefined;
  territories: CompiledTerritory[];
}

/** Compiles the `territories` block. */
export function compileTerritories(design: Territories, env: CompileEnv): CompiledTerritories {
  const scopes = [{ source: design.source, entries: false }];
  return {
    design,
    schema: env.schemas.get(design.source),
    territories: design.territories.map((territory, order) => ({
      territory,
      order,
      where: territory.where.map((w) => compile(w, env, scopes)),
      score: territory.score ? compile(territory.score, env, scopes) : undefined,
      named: new Set(territory.named),
      assignments: territory.assignments.map((a) => ({
        payee: a.payee,
        role: a.role,
        from: a.from === undefined ? Number.MIN_SAFE_INTEGER : (parseDate(a.from) ?? Number.MIN_SAFE_INTEGER),
        to: a.to === undefined ? Number.MAX_SAFE_INTEGER : (parseDate(a.to) ?? Number.MAX_SAFE_INTEGER),
      })),
    })),
  };
}

/** A payee on a territory on a day. */
export interface Coverage {
  payee: string;
  role: 'primary' | 'overlay';
}

/** Accounts to territories, and territories to payees, for one run. */
export class TerritoryMap {
  private readonly accounts = new Map<string, string>();
  private readonly covers = new Map<string, Cover[]>();
  private readonly known: ReadonlyMap<string, unknown>;

  constructor(run: Run) {
    this.known = run.data.payees.byId;
    const design = run.program.territories;
    if (!design) return;
    const ctx = run.recordContext(
      run.program.calendar.containing(run.program.plan.header.period, run.program.start),
    );
    const nameField = design.schema?.index.get('name');
    for (const account of run.data.records.get(design.design.source) ?? []) {
      const name = nameField === undefined ? undefined : account.v[nameField];
      const named = design.territories.find(
        (t) =>
          (account.key !== undefined && t.named.has(account.key)) ||
          (typeof name === 'string' && t.named.has(name)),
      );
      let chosen = named;
      let best: Dec | number | undefined;
      if (!chosen) {
        for (const t of design.territories) {
          if (t.where.length === 0 || !t.where.every((w) => w(ctx, account) === true)) continue;
          if (design.design.by === 'score') {
            const score = t.score ? t.score(ctx, account) : null;
            if (!(score instanceof Dec)) continue;
            if (best === undefined || score.gt(best as Dec)) [chosen, best] = [t, score];
          } else {
            const priority = t.territory.priority ?? Number.MAX_SAFE_INTEGER;
            if (best === undefined || priority < (best as number)) [chosen, best] = [t, priority];
          }
        }
      }
      if (chosen && account.key !== undefined) this.accounts.set(account.key, chosen.territory.name);
      if (chosen && typeof name === 'string' && !this.accounts.has(name))
        this.accounts.set(name, chosen.territory.name);
    }
    for (const t of design.territories) this.covers.set(t.territory.name, t.assignments.slice());
    for (const a of run.data.assignments) {
      const list = this.covers.get(a.territory) ?? [];
      list.push({
        payee: a.payee,
        role: a.role,
        from: a.from ?? Number.MIN_SAFE_INTEGER,
        to: a.to ?? Number.MAX_SAFE_INTEGER,
      });
      this.covers.set(a.territory, list);
    }
  }

  /** The territory of an account (by its key, or its name). */
  territoryOf(account: string): string | undefined {
    return this.accounts.get(account);
  }

  /** The payees covering a territory on a day, by payee id; a primary role wins over overlay. */
  payeesOn(territory: string, day: number): Coverage[] {
    const byPayee = new Map<string, Coverage>();
    for (const c of this.covers.get(territory) ?? []) {
      if (day < c.from || day > c.to || !this.known.has(c.payee)) continue;
      const known = byPayee.get(c.payee);
      if (!known || (known.role === 'overlay' && c.role === 'primary'))
        byPayee.set(c.payee, { payee: c.payee, role: c.role });
    }
    return [...byPayee.values()].sort((a, b) => (a.payee < b.payee ? -1 : a.payee > b.payee ? 1 : 0));
  }
}
