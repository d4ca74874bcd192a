/**
 * Territories: each account (a record of the `territories on` source) goes to one territory —
 * a territory naming it (by key or `name` field) first, then among the territories whose `where`
 * rules all hold, the lowest `priority` (or highest `score`), the earlier in the plan on a tie.
 * Payees cover territories through the plan's `assign` clauses and the dataset's territory
 * assignments, each with a role and optional dates.
 */
import type { IrExpr, Territories, Territory } from '@attain/dsl';
import { compareOptionalText, compareText } from '../compare-text.js';
import type { Rec, SourceSchema } from '../data/model.js';
import type { Assignment } from '../data/sections.js';
import { Dec } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import { Ctx } from '../evaluate/context.js';
import type { Run } from '../evaluate/run.js';
import type { Period } from '../time/calendar.js';
import { parseDate } from '../time/dates.js';

/** A territory with compiled rules. */
export interface CompiledTerritory {
  territory: Territory;
  order: number;
  where: Fn[];
  score: Fn | undefined;
  named: Set<string>;
  assignments: Cover[];
}

/** A payee covering a territory, from one day to another (day numbers, both inclusive). */
export interface Cover {
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
  /** The position of the source's `name` field in a record, if it has one. */
  nameField: number | undefined;
  /** The first territory (in plan order) naming each named account. */
  namedIn: Map<string, CompiledTerritory>;
  /** The territories whose rules an account may match, in the order they are tried. */
  candidates: Candidates;
}

/**
 * The territories with rules, in the order they are tried (`by priority`: lowest priority first,
 * then plan order; `by score`: plan order), split by the values of the Text fields that rules test
 * against literals (`region = "EMEA"`, `segment in ["SMB", "MM"]`): a territory whose rules require
 * another value can never match, so it is not tried. A tree: each node splits on the field most of
 * its territories test; the same result as trying every territory, without evaluating most rules
 * of a large design.
 */
export interface Candidates {
  /** The position of the field this node splits on; `undefined` for a leaf. */
  field: number | undefined;
  byValue: Map<string, Candidates>;
  /** For any other value: the territories whose rules allow any value of the field. */
  rest: Candidates | undefined;
  /** The territories to try, in order (a leaf's). */
  list: CompiledTerritory[];
}

/** The values of a Text field that `where` allows, when its conjuncts test the field against literals. */
function allowedValues(where: readonly IrExpr[], source: string, field: string): Set<string> | undefined {
  let allowed: Set<string> | undefined;
  const isField = (e: IrExpr) => e.op === 'field' && e.source === source && e.field === field;
  const text = (e: IrExpr) => (e.op === 'literal' && typeof e.value === 'string' ? e.value : undefined);
  const restrict = (values: readonly (string | undefined)[]) => {
    if (values.some((v) => v === undefined)) return;
    const before = allowed;
    allowed = new Set((values as string[]).filter((v) => !before || before.has(v)));
  };
  const visit = (e: IrExpr): void => {
    if (e.op === 'binary' && e.operator === 'and') {
      visit(e.left);
      visit(e.right);
    } else if (e.op === 'binary' && e.operator === '=') {
      if (isField(e.left)) restrict([text(e.right)]);
      else if (isField(e.right)) restrict([text(e.left)]);
    } else if (e.op === 'in-list' && !e.negated && isField(e.value)) restrict(e.items.map(text));
  };
  for (const w of where) visit(w);
  return allowed;
}

/** Splits `order` on the best Text field not used yet, while splitting pays. */
function candidatesOf(
  order: CompiledTerritory[],
  source: string,
  schema: SourceSchema | undefined,
  used: ReadonlySet<number> = new Set(),
): Candidates {
  const leaf: Candidates = { field: undefined, byValue: new Map(), rest: undefined, list: order };
  if (order.length <= 4) return leaf;
  let best: { field: number; allowed: (Set<string> | undefined)[]; count: number } | undefined;
  for (const [field, f] of (schema?.fields ?? []).entries()) {
    if (f.type.kind !== 'Text' || used.has(field)) continue;
    const allowed = order.map((t) => allowedValues(t.territory.where, source, f.name));
    const count = allowed.filter((a) => a !== undefined).length;
    if (count > 0 && (!best || count > best.count)) best = { field, allowed, count };
  }
  if (!best) return leaf;
  const { field, allowed } = best;
  const lists = new Map<string, CompiledTerritory[]>();
  for (const value of new Set(allowed.flatMap((a) => (a ? [...a] : []))))
    lists.set(
      value,
      order.filter((_, i) => allowed[i]?.has(value) ?? true),
    );
  // Territories that allow any value are tried under every value: stop when that copies too much.
  let size = 0;
  for (const list of lists.values()) size += list.length;
  if (size > 4 * order.length) return leaf;
  const deeper = new Set([...used, field]);
  const byValue = new Map<string, Candidates>();
  for (const [value, list] of lists) byValue.set(value, candidatesOf(list, source, schema, deeper));
  const rest = candidatesOf(
    order.filter((_, i) => allowed[i] === undefined),
    source,
    schema,
    deeper,
  );
  return { field, byValue, rest, list: order };
}

/** The territories an account may match, in the order they are tried. */
export function candidatesFor(candidates: Candidates, account: Rec): CompiledTerritory[] {
  let node = candidates;
  while (node.field !== undefined) {
    const value = account.v[node.field];
    node = (typeof value === 'string' ? node.byValue.get(value) : undefined) ?? (node.rest as Candidates);
  }
  return node.list;
}

/** Compiles the `territories` block. */
export function compileTerritories(design: Territories, env: CompileEnv): CompiledTerritories {
  const scopes = [{ source: design.source, entries: false }];
  const schema = env.schemas.get(design.source);
  const territories = design.territories.map(
    (territory, order): CompiledTerritory => ({
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
    }),
  );
  const namedIn = new Map<string, CompiledTerritory>();
  for (const t of territories) for (const name of t.named) if (!namedIn.has(name)) namedIn.set(name, t);
  const priority = (t: CompiledTerritory): number => t.territory.priority ?? Number.MAX_SAFE_INTEGER;
  const order = territories.filter((t) => t.where.length > 0);
  if (design.by !== 'score') order.sort((a, b) => priority(a) - priority(b) || a.order - b.order);
  return {
    design,
    schema,
    territories,
    nameField: schema?.index.get('name'),
    namedIn,
    candidates: candidatesOf(order, design.source, schema),
  };
}

/** Where an account goes, and whether it is named there (named accounts ignore the rules). */
export interface Placement {
  territory: CompiledTerritory;
  named: boolean;
}

/**
 * The period whose accounts are placed as of `day`: the plan's period containing it. Accounts are
 * placed once per period: crediting places the account of a record dated in a period as the rules
 * read in that period (a `convert(...)` without a date takes the rate of the period's end, `today`
 * is the period's last day), whatever the run's as-of date or the other periods it calculates.
 * (The checker keeps the period itself out of the rules, AT5010.)
 */
export function placementPeriod(run: Run, day: number): Period {
  return run.program.calendar.containing(run.program.plan.header.period, day);
}

/**
 * The context territory rules are read in for the period containing `day`: no payee, the
 * {@link placementPeriod}, and `today` its last day, not the run's as-of date, also inside the
 * definitions a rule reads (a `let`, with its versions by date): where an account is in a period
 * never depends on when the calculation is run, so a sequence of runs and one call place it
 * alike, and a rerun never moves a closed period's credit. Used by crediting
 * ({@link TerritoryMap}) and `assignAccounts` alike, so `assignAccounts` as of a day places every
 * account where crediting does for that day's period. A context of its own (not the run's record
 * context of the period, whose `today` is the as-of date), made once per period by its callers.
 */
export function placementContext(run: Run, day: number): Ctx {
  const period = placementPeriod(run, day);
  const ctx = new Ctx(run, null, period, false, undefined);
  ctx.today = period.end;
  return ctx;
}

/** True when every `where` rule of the territory holds for the account. */
export function matches(t: CompiledTerritory, ctx: Ctx, account: Rec): boolean {
  for (const w of t.where) if (w(ctx, account) !== true) return false;
  return true;
}

/**
 * The territory of one account, or `undefined` when no territory names it and no rule matches
 * (with `by score`: no matching territory gives a score). `ctx` is the record context the rules
 * are evaluated in.
 */
export function placeAccount(design: CompiledTerritories, ctx: Ctx, account: Rec): Placement | undefined {
  const name = design.nameField === undefined ? undefined : account.v[design.nameField];
  const byKey = account.key === undefined ? undefined : design.namedIn.get(account.key);
  const byName = typeof name === 'string' ? design.namedIn.get(name) : undefined;
  const named = byKey && byName ? (byKey.order <= byName.order ? byKey : byName) : (byKey ?? byName);
  if (named) return { territory: named, named: true };
  const candidates = candidatesFor(design.candidates, account);
  if (design.design.by !== 'score') {
    // Lowest priority first, then plan order: the first match is the one the rules choose.
    for (const t of candidates) if (matches(t, ctx, account)) return { territory: t, named: false };
    return undefined;
  }
  let chosen: CompiledTerritory | undefined;
  let best: Dec | undefined;
  for (const t of candidates) {
    if (!matches(t, ctx, account)) continue;
    const score = t.score ? t.score(ctx, account) : null;
    if (!(score instanceof Dec)) continue;
    if (best === undefined || score.gt(best)) [chosen, best] = [t, score];
  }
  return chosen ? { territory: chosen, named: false } : undefined;
}

/** A payee on a territory on a day. */
export interface Coverage {
  payee: string;
  role: 'primary' | 'overlay';
}

/**
 * The payees of `covers` covering a territory on a day, by payee id; a primary role wins over
 * overlay. Only payees for which `known` is true count.
 */
export function coverageOn(
  covers: readonly Cover[],
  day: number,
  known: (payee: string) => boolean,
): Coverage[] {
  const byPayee = new Map<string, Coverage>();
  for (const c of covers) {
    if (day < c.from || day > c.to || !known(c.payee)) continue;
    const found = byPayee.get(c.payee);
    if (!found || (found.role === 'overlay' && c.role === 'primary'))
      byPayee.set(c.payee, { payee: c.payee, role: c.role });
  }
  return [...byPayee.values()].sort((a, b) => compareText(a.payee, b.payee));
}

/** The covers of every territory: the plan's `assign` clauses, then the dataset's assignments. */
export function coversOf(
  design: CompiledTerritories,
  assignments: readonly Assignment[],
): Map<string, Cover[]> {
  const covers = new Map<string, Cover[]>();
  for (const t of design.territories) covers.set(t.territory.name, t.assignments.slice());
  for (const a of assignments) {
    const list = covers.get(a.territory) ?? [];
    list.push({
      payee: a.payee,
      role: a.role,
      from: a.from ?? Number.MIN_SAFE_INTEGER,
      to: a.to ?? Number.MAX_SAFE_INTEGER,
    });
    covers.set(a.territory, list);
  }
  return covers;
}

/** An account placed in a territory, as crediting finds it by a key or a name. */
export interface AccountPlace {
  /** The key of the account (`undefined` for an account without one). */
  key: string | undefined;
  /** The account's row in its source. */
  row: number;
  territory: string;
  /** A hypothetical account row: the credit it places is an estimate. */
  hyp: boolean;
}

/** The territory an account reference (a key or a name) resolves to. */
export interface AccountTerritory {
  territory: string;
  /**
   * For a name shared by accounts in different territories (and the key of none): every such
   * account, by key, then territory, then row; `territory` is the first one's. Absent otherwise.
   */
  ambiguous?: AccountPlace[];
  /**
   * True when only hypothetical accounts place the reference in `territory` (every account of the
   * key, or of the name in that territory): the credit is an estimate, never paid. Absent otherwise.
   */
  hyp?: true;
}

/** Accounts placed for one period: by key, and by name. */
interface Placed {
  byKey: Map<string, AccountTerritory>;
  byName: Map<string, AccountTerritory>;
}

/** Places every account of the run's accounts source for one period (see {@link placementPeriod}). */
function placeAll(run: Run, design: CompiledTerritories, period: Period): Placed {
  const placed: Placed = { byKey: new Map(), byName: new Map() };
  // Warnings of placing (a rule without a value...) are the period's: a period the run does not
  // report (worked out for year to date, or a period of earlier results) keeps them to itself.
  const ctx = placementContext(run, period.start);
  const named = new Map<string, AccountPlace[]>();
  for (const account of run.data.records.get(design.design.source) ?? []) {
    const chosen = placeAccount(design, ctx, account)?.territory;
    if (!chosen) continue;
    const territory = chosen.territory.name;
    if (account.key !== undefined)
      placed.byKey.set(account.key, account.hyp ? { territory, hyp: true } : { territory });
    const name = design.nameField === undefined ? undefined : account.v[design.nameField];
    if (typeof name !== 'string') continue;
    const list = named.get(name);
    const place = { key: account.key, row: account.row, territory, hyp: account.hyp };
    if (list) list.push(place);
    else named.set(name, [place]);
  }
  for (const [name, list] of named) {
    list.sort(
      (a, b) => compareOptionalText(a.key, b.key) || compareText(a.territory, b.territory) || a.row - b.row,
    );
    const first = list[0] as AccountPlace;
    const found: AccountTerritory = { territory: first.territory };
    if (list.some((a) => a.territory !== first.territory)) found.ambiguous = list;
    if (list.every((a) => a.territory !== first.territory || a.hyp)) found.hyp = true;
    placed.byName.set(name, found);
  }
  return placed;
}

/**
 * Accounts to territories, and territories to payees, for one run. An account reference is
 * matched by key first, then by `name`. A name shared by placed accounts in different territories
 * is ambiguous: it resolves to the territory of the account with the smallest key (then the
 * smallest territory name), whatever the order of the account rows. Accounts in no territory are
 * not candidates. Hypothetical accounts are placed like real ones, but what they place is an
 * estimate (see {@link AccountTerritory.hyp}). Accounts are placed once per period, on first use,
 * as the rules read in that period ({@link placementPeriod}): the credit of a record never depends
 * on the run's as-of date or on the other periods the run calculates.
 */
export class TerritoryMap {
  /** Accounts placed, by the ordinal of the period they are placed for. */
  private readonly placed = new Map<number, Placed>();
  /** The period asked for last, and its accounts: records come period by period. */
  private last: { period: Period; placed: Placed } | undefined;
  private readonly covers: Map<string, Cover[]>;
  private readonly known: (payee: string) => boolean;

  constructor(private readonly run: Run) {
    const payees = run.data.payees.byId;
    this.known = (payee) => payees.has(payee);
    const design = run.program.territories;
    this.covers = design ? coversOf(design, run.data.assignments) : new Map();
  }

  /**
   * The territory of an account (by its key, else its name), if it is in one, for a record dated
   * `day`: the account is placed as the rules read in the period containing `day`.
   */
  territoryOf(account: string, day: number): AccountTerritory | undefined {
    const placed = this.placedOn(day);
    return placed.byKey.get(account) ?? placed.byName.get(account);
  }

  /** The accounts placed for the period containing `day`, placed on first use. */
  private placedOn(day: number): Placed {
    const last = this.last;
    if (last && day >= last.period.start && day <= last.period.end) return last.placed;
    const period = placementPeriod(this.run, day);
    let placed = this.placed.get(period.ordinal);
    if (!placed) {
      const design = this.run.program.territories;
      placed = design ? placeAll(this.run, design, period) : { byKey: new Map(), byName: new Map() };
      this.placed.set(period.ordinal, placed);
    }
    this.last = { period, placed };
    return placed;
  }

  /** The payees covering a territory on a day, by payee id; a primary role wins over overlay. */
  payeesOn(territory: string, day: number): Coverage[] {
    return coverageOn(this.covers.get(territory) ?? [], day, this.known);
  }
}
