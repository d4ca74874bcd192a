/**
 * Scenario comparison of two territory designs over the same accounts: which accounts move
 * (grouped by from and to territory), the balance of each design, the coverage gaps of each
 * (territories without a primary payee, unassigned accounts), and continuity: the share of
 * accounts that keep a primary payee they had.
 */
import type { Plan } from '@attain/dsl';
import { compareText } from '../compare-text.js';
import type { DataRecord } from '../data/dataset.js';
import { Dec, decText } from '../decimal.js';
import { type AccountAssignment, type AssignOptions, assignAccounts } from './assign-accounts.js';
import { type BalanceOptions, type TerritoryBalance, territoryBalance } from './balance.js';

/** Options of {@link compareTerritories}: how accounts are assigned and balanced in both designs. */
export interface CompareOptions extends AssignOptions, BalanceOptions {}

/** Accounts that go from one territory to another; `null` is "unassigned". */
export interface AccountMoves {
  from: string | null;
  to: string | null;
  /** The accounts, sorted. */
  accounts: string[];
}

/** One design as seen in a comparison. */
export interface DesignReview {
  plan: { name: string; version?: string };
  /** The day the design's accounts were placed on and its payees read (see {@link compareTerritories}). */
  asOf: string;
  balance: TerritoryBalance;
  /** Territories with no primary payee on the as-of date, in plan order. */
  withoutPrimary: string[];
  /** Accounts in no territory, sorted. */
  unassigned: string[];
}

/** Two territory designs compared. */
export interface TerritoryComparison {
  /** The before design's day (`before.asOf`): the one given, else the first day of its plan. */
  asOf: string;
  /** How many distinct accounts the comparison is about. */
  accounts: number;
  before: DesignReview;
  after: DesignReview;
  /** How many accounts change territory (unassigned counts as a place). */
  moved: number;
  /** The changes, grouped by from and to territory (sorted by name; unassigned last). */
  moves: AccountMoves[];
  /**
   * Accounts that had a primary payee before (`of`) and still have one of those payees as
   * primary after (`kept`); `share` is `kept / of`, `null` when `of` is 0.
   */
  continuity: { kept: number; of: number; share: string | null };
}

/** `null` (unassigned) after every name. */
function byPlace(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** Each account's place and primary payees. */
function places(assignment: AccountAssignment): Map<string, { territory: string | null; primary: string[] }> {
  const map = new Map<string, { territory: string | null; primary: string[] }>();
  for (const a of assignment.accounts) map.set(a.account, { territory: a.territory, primary: a.primary });
  for (const u of assignment.unassigned)
    if (!map.has(u.account)) map.set(u.account, { territory: null, primary: [] });
  return map;
}

function review(assignment: AccountAssignment, options: BalanceOptions): DesignReview {
  return {
    plan: assignment.plan,
    asOf: assignment.asOf,
    balance: territoryBalance(assignment, options),
    withoutPrimary: assignment.territories.filter((t) => t.primary.length === 0).map((t) => t.name),
    unassigned: [...new Set(assignment.unassigned.map((u) => u.account))],
  };
}

/**
 * Compares two territory designs (two plans with a `territories` block) over the same account
 * records, on the as-of date given (inside both plans' dates), else each on the first day of its
 * own plan (this year's design against next year's: each on its own first day; each review says
 * its day). Pure and deterministic. Throws a `RangeError` as
 * {@link assignAccounts} and {@link territoryBalance} do.
 */
export function compareTerritories(
  before: Plan,
  after: Plan,
  accounts: readonly DataRecord[],
  options: CompareOptions,
): TerritoryComparison {
  const a = assignAccounts(before, accounts, options);
  const b = assignAccounts(after, accounts, options);
  const placesA = places(a);
  const placesB = places(b);
  const ids = [...new Set([...placesA.keys(), ...placesB.keys()])].sort(compareText);
  const groups = new Map<string, AccountMoves>();
  let moved = 0;
  let kept = 0;
  let of = 0;
  for (const id of ids) {
    const from = placesA.get(id) ?? { territory: null, primary: [] };
    const to = placesB.get(id) ?? { territory: null, primary: [] };
    if (from.primary.length > 0) {
      of++;
      if (from.primary.some((p) => to.primary.includes(p))) kept++;
    }
    if (from.territory === to.territory) continue;
    moved++;
    const key = JSON.stringify([from.territory, to.territory]);
    const group = groups.get(key) ?? { from: from.territory, to: to.territory, accounts: [] };
    group.accounts.push(id);
    groups.set(key, group);
  }
  return {
    asOf: a.asOf,
    accounts: ids.length,
    before: review(a, options),
    after: review(b, options),
    moved,
    moves: [...groups.values()].sort((x, y) => byPlace(x.from, y.from) || byPlace(x.to, y.to)),
    continuity: { kept, of, share: of === 0 ? null : decText(new Dec(kept).div(of)) },
  };
}
