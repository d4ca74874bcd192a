/**
 * The balancing routine: proposes reassignments of accounts between territories that make a
 * design fairer on one measure. A deterministic local search: at each step, from the heaviest
 * territory that has one, move the account that most improves the measure to the lightest
 * territory it may go to; equally good moves are chosen between by a seeded generator. Only
 * strict improvements are made, so the measure never gets worse; named accounts stay (unless
 * told otherwise), an account never leaves its geography, and there are at most `maxMoves` moves.
 * Each move sorts the totals once; the measure is updated from the move made, not recomputed.
 */
import { compareText } from '../compare-text.js';
import { compareDec, type Dec, decText, sumOf, ZERO } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import type { AccountAssignment, AssignedAccount } from './assign-accounts.js';
import {
  accountLoad,
  type BalanceOptions,
  basisOf,
  loadFields,
  type TerritoryBalance,
  territoryBalance,
} from './balance.js';
import { FAIRNESS_MEASURES, type FairnessMeasure, type FairnessValue } from './fairness.js';
import { compareKeys, measureOfKey, type Objective, type ObjectiveKey, objectiveOf } from './objective.js';
import { SeededRandom } from './seeded-random.js';

/** Options of {@link rebalance}. */
export interface RebalanceOptions extends BalanceOptions {
  /** The fairness measure to improve, on the basis (default: potential). */
  measure: FairnessMeasure;
  /** Seed of the tie-breaking generator: a whole number from 0 to 2^32 - 1. */
  seed: number;
  /** The most moves to propose (a whole number, 0 or more). */
  maxMoves: number;
  /**
   * Keep named accounts in their territory (default `true`). Then a territory without rules,
   * which holds only the accounts it names, receives no other account either.
   */
  keepNamed?: boolean;
  /**
   * A field of the accounts (such as `region`): an account only moves to a territory whose
   * accounts all share its value of the field. An empty territory, or one whose accounts have
   * several values, receives no account; an account without a value does not move.
   */
  keepGeography?: string;
}

/** One proposed move, in the order they were found. */
export interface ProposedMove {
  /** 1 for the first move. */
  step: number;
  account: string;
  from: string;
  to: string;
  /** The account's basis value that moves (its potential, workload or 1). */
  amount: string;
  /** The measure after this move. */
  measure: FairnessValue;
}

/** Why the search stopped. */
export type RebalanceStop = 'no-improving-move' | 'max-moves' | 'negative-values';

/** A balancing proposal. */
export interface Rebalance {
  measure: FairnessMeasure;
  seed: number;
  maxMoves: number;
  keepNamed: boolean;
  keepGeography?: string;
  /** Every move, in order (an account may move more than once). */
  moves: ProposedMove[];
  /** Where each account that ends elsewhere goes, from its first to its last territory, by account. */
  reassignments: { account: string; from: string; to: string }[];
  stopped: RebalanceStop;
  /** The balance before and after the proposal. */
  before: TerritoryBalance;
  after: TerritoryBalance;
}

/** An account the search may move. */
interface Movable {
  account: string;
  value: Dec;
  geography: string;
}

/** The search's view of the design: totals of the basis, and the accounts free to move. */
interface State {
  totals: Dec[];
  members: Movable[][];
  /** The geography of each territory, `null` when it receives no account. */
  geography: (string | null)[];
  names: string[];
  /** True when some account's basis value is negative: the measures have no value then. */
  negative: boolean;
}

function checkOptions(assignment: AccountAssignment, options: RebalanceOptions): void {
  if (!FAIRNESS_MEASURES.includes(options.measure))
    throw new RangeError(
      `measure must be one of ${FAIRNESS_MEASURES.join(', ')}, not ${quoteAny(options.measure)}`,
    );
  if (!Number.isInteger(options.maxMoves) || options.maxMoves < 0)
    throw new RangeError(`maxMoves must be a whole number, 0 or more, not ${quoteAny(options.maxMoves)}`);
  const geography = options.keepGeography;
  if (geography !== undefined && !assignment.fields.some((f) => f.name === geography))
    throw new RangeError(`keepGeography: ${assignment.source} has no field ${quoteAny(geography)}`);
}

const geographyOf = (a: AssignedAccount, field: string | undefined): string | null => {
  if (field === undefined) return '';
  const value = a.values[field];
  return value === null || value === undefined ? null : String(value);
};

function initialState(assignment: AccountAssignment, options: RebalanceOptions): State {
  const fields = loadFields(assignment, options);
  const names = assignment.territories.map((t) => t.name);
  const index = new Map(names.map((name, i) => [name, i]));
  const totals = names.map(() => ZERO);
  const members: Movable[][] = names.map(() => []);
  const seen: (Set<string | null> | undefined)[] = names.map(() => undefined);
  const keepNamed = options.keepNamed ?? true;
  let negative = false;
  for (const a of assignment.accounts) {
    const i = index.get(a.territory);
    if (i === undefined) continue;
    const value = basisOf(accountLoad(a.values, fields), fields.basis);
    totals[i] = (totals[i] as Dec).plus(value);
    if (value.isNegative() && !value.isZero()) negative = true;
    const geography = geographyOf(a, options.keepGeography);
    const set = seen[i] ?? new Set();
    set.add(geography);
    seen[i] = set;
    if ((keepNamed && a.named) || !value.gt(0) || geography === null) continue;
    (members[i] as Movable[]).push({ account: a.account, value, geography });
  }
  // Without a geography field every territory may receive any account, empty ones included;
  // a territory of named accounts only (no rules) receives none while named accounts are kept.
  const geography = seen.map((set, i) => {
    if (keepNamed && !assignment.territories[i]?.rules) return null;
    if (options.keepGeography === undefined) return '';
    return set?.size === 1 ? ([...set][0] as string | null) : null;
  });
  return { totals, members, geography, names, negative };
}

/** Territories by total, lightest first, then by name. */
function byLightness(state: State): number[] {
  return state.names
    .map((_, i) => i)
    .sort(
      (a, b) =>
        compareDec(state.totals[a] as Dec, state.totals[b] as Dec) ||
        compareText(state.names[a] as string, state.names[b] as string),
    );
}

/** The territories that may receive accounts, lightest first, by geography. */
function destinations(state: State, lightest: readonly number[]): Map<string, number[]> {
  const byGeography = new Map<string, number[]>();
  for (const i of lightest) {
    const geography = state.geography[i];
    if (geography === null || geography === undefined) continue;
    const list = byGeography.get(geography);
    if (list) list.push(i);
    else byGeography.set(geography, [i]);
  }
  return byGeography;
}

/** One move the search may make, with the objective's key after it. */
interface Candidate {
  from: number;
  to: number;
  member: number;
  key: ObjectiveKey;
}

/** The best strictly improving moves out of territory `from`, all equally good. */
function bestMovesFrom(
  state: State,
  from: number,
  destinations: ReadonlyMap<string, readonly number[]>,
  objective: Objective,
): Candidate[] {
  let best = objective.current;
  let found: Candidate[] = [];
  const members = state.members[from] as Movable[];
  for (let m = 0; m < members.length; m++) {
    const account = members[m] as Movable;
    // The lightest territories (all those tied) that the account may go to.
    let floor: Dec | undefined;
    for (const to of destinations.get(account.geography) ?? []) {
      if (to === from) continue;
      const total = state.totals[to] as Dec;
      if (floor === undefined) floor = total;
      else if (!total.eq(floor)) break;
      const key = objective.after(from, to, account.value);
      const order = compareKeys(key, best);
      if (order < 0) {
        best = key;
        found = [{ from, to, member: m, key }];
      } else if (order === 0 && found.length > 0) found.push({ from, to, member: m, key });
    }
  }
  return found;
}

/** Moves a member from one territory to another, keeping members sorted by account. */
function move(state: State, candidate: Candidate): Movable {
  const from = state.members[candidate.from] as Movable[];
  const [account] = from.splice(candidate.member, 1) as [Movable];
  state.totals[candidate.from] = (state.totals[candidate.from] as Dec).minus(account.value);
  state.totals[candidate.to] = (state.totals[candidate.to] as Dec).plus(account.value);
  const to = state.members[candidate.to] as Movable[];
  let at = 0;
  while (at < to.length && compareText((to[at] as Movable).account, account.account) < 0) at++;
  to.splice(at, 0, account);
  return account;
}

/** The assignment with some accounts in other territories (and those territories' payees). */
export function applyReassignments(
  assignment: AccountAssignment,
  reassignments: readonly { account: string; to: string }[],
): AccountAssignment {
  const target = new Map(reassignments.map((r) => [r.account, r.to]));
  const territories = new Map(assignment.territories.map((t) => [t.name, t]));
  const counts = new Map<string, number>();
  const accounts = assignment.accounts.map((a) => {
    const to = target.get(a.account);
    const t = to === undefined ? undefined : territories.get(to);
    let moved = a;
    if (t) {
      // Moved by hand, not placed by its rules: a tie that placed it no longer says where it is.
      const { tiedWith: _placedByTie, ...account } = a;
      moved = { ...account, territory: t.name, primary: t.primary, overlay: t.overlay };
    }
    counts.set(moved.territory, (counts.get(moved.territory) ?? 0) + 1);
    return moved;
  });
  return {
    ...assignment,
    territories: assignment.territories.map((t) => ({ ...t, accounts: counts.get(t.name) ?? 0 })),
    accounts,
  };
}

/**
 * Proposes reassignments that make the design fairer on `options.measure` (over the basis, default
 * potential), with at most `options.maxMoves` moves. Deterministic: the same assignment and options
 * give the same proposal; ties are broken by a generator seeded with `options.seed`. The measure
 * never gets worse; named accounts never move (unless `keepNamed` is false); with `keepGeography`,
 * an account only goes to a territory of its own geography. Throws a `RangeError` on a bad option.
 */
export function rebalance(assignment: AccountAssignment, options: RebalanceOptions): Rebalance {
  checkOptions(assignment, options);
  const random = new SeededRandom(options.seed);
  const state = initialState(assignment, options);
  const moves: ProposedMove[] = [];
  const firstPlace = new Map<string, string>();
  const lastPlace = new Map<string, string>();
  let stopped: RebalanceStop = state.negative ? 'negative-values' : 'no-improving-move';
  // Moves keep the sum; the key of the move made is the next move's current key.
  const total = sumOf(state.totals);
  let current: ObjectiveKey | undefined;
  while (!state.negative) {
    if (moves.length >= options.maxMoves) {
      stopped = 'max-moves';
      break;
    }
    const lightest = byLightness(state);
    const objective = objectiveOf(options.measure, state.totals, lightest, current);
    const open = destinations(state, lightest);
    let found: Candidate[] = [];
    // Heaviest first: the first territory with an improving move gives it.
    for (let k = lightest.length - 1; k >= 0 && found.length === 0; k--)
      found = bestMovesFrom(state, lightest[k] as number, open, objective);
    if (found.length === 0) break;
    const chosen = found[found.length === 1 ? 0 : random.below(found.length)] as Candidate;
    current = chosen.key;
    const fromName = state.names[chosen.from] as string;
    const toName = state.names[chosen.to] as string;
    const account = move(state, chosen);
    if (!firstPlace.has(account.account)) firstPlace.set(account.account, fromName);
    lastPlace.set(account.account, toName);
    moves.push({
      step: moves.length + 1,
      account: account.account,
      from: fromName,
      to: toName,
      amount: decText(account.value),
      measure: measureOfKey(options.measure, current, state.totals.length, total),
    });
  }
  const reassignments = [...lastPlace.entries()]
    .filter(([account, to]) => firstPlace.get(account) !== to)
    .map(([account, to]) => ({ account, from: firstPlace.get(account) as string, to }))
    .sort((a, b) => compareText(a.account, b.account));
  const result: Rebalance = {
    measure: options.measure,
    seed: options.seed,
    maxMoves: options.maxMoves,
    keepNamed: options.keepNamed ?? true,
    moves,
    reassignments,
    stopped,
    before: territoryBalance(assignment, options),
    after: territoryBalance(applyReassignments(assignment, reassignments), options),
  };
  if (options.keepGeography !== undefined) result.keepGeography = options.keepGeography;
  return result;
}
