/**
 * Territory balance: per territory, the accounts it holds, their potential and workload (exact
 * decimal sums) and the payees covering it; across territories, how fair the design is on one
 * quantity (see {@link fairnessOf}). Unassigned accounts are listed with their potential.
 */

import { Dec, decText, ONE, sumOf, ZERO } from '../decimal.js';
import { quoteAny } from '../text/quoted.js';
import type { AccountAssignment, UnassignedReason } from './assign-accounts.js';
import { type Fairness, fairnessOf } from './fairness.js';

/** The quantity fairness is measured on. */
export type BalanceBasis = 'potential' | 'workload' | 'accounts';

/** Options of {@link territoryBalance}. */
export interface BalanceOptions {
  /** A numeric field of the accounts (`Number`, `Integer`, `Percent` or `Money`): each account's potential. */
  potential: string;
  /** A numeric field giving each account's workload, or `count` (the default): 1 per account. */
  workload?: string;
  /** The quantity fairness is measured on; default `potential`. */
  basis?: BalanceBasis;
}

/** One territory's load. */
export interface TerritoryLoad {
  territory: string;
  label?: string;
  accounts: number;
  /** Σ potential of its accounts, exact. */
  potential: string;
  /** Σ workload of its accounts, exact. */
  workload: string;
  /** Its part of the basis total, as a ratio (`0.25`); `null` when the total is 0. */
  share: string | null;
  primary: string[];
  overlay: string[];
}

/** Balance of a territory design. */
export interface TerritoryBalance {
  /** The potential field. */
  potential: string;
  /** The workload field, or `count`. */
  workload: string;
  basis: BalanceBasis;
  /** Every territory, in plan order. */
  territories: TerritoryLoad[];
  /** Totals over the assigned accounts. */
  totals: { accounts: number; potential: string; workload: string };
  /** How evenly the basis is spread over the territories (all of them, empty ones included). */
  fairness: Fairness;
  /** Accounts in no territory: how many, their potential (valid records only), and each with its reason. */
  unassigned: { accounts: number; potential: string; list: { account: string; reason: UnassignedReason }[] };
  /** Accounts whose potential or workload is empty: counted as 0. */
  empty: { account: string; field: string }[];
}

const NUMERIC: ReadonlySet<string> = new Set(['Number', 'Integer', 'Percent', 'Money']);

/** The basis and fields, checked against the assignment's fields. */
export interface LoadFields {
  potential: string;
  /** `undefined`: 1 per account. */
  workload: string | undefined;
  basis: BalanceBasis;
}

/** Checks the options (a `RangeError` names what is wrong) and resolves the defaults. */
export function loadFields(assignment: AccountAssignment, options: BalanceOptions): LoadFields {
  const numeric = (option: string, field: unknown): string => {
    const found = assignment.fields.find((f) => f.name === field);
    if (typeof field !== 'string' || !found) {
      const names = assignment.fields.filter((f) => NUMERIC.has(f.type)).map((f) => f.name);
      throw new RangeError(
        `${option} must be a numeric field of ${assignment.source} (${names.join(', ') || 'it has none'}), not ${quoteAny(field)}`,
      );
    }
    if (!NUMERIC.has(found.type))
      throw new RangeError(
        `${option}: field ${field} of ${assignment.source} is ${found.type}, not a number`,
      );
    return field;
  };
  const basis = options.basis ?? 'potential';
  if (basis !== 'potential' && basis !== 'workload' && basis !== 'accounts')
    throw new RangeError(`basis must be potential, workload or accounts, not ${quoteAny(basis)}`);
  return {
    potential: numeric('potential', options.potential),
    workload:
      options.workload === undefined || options.workload === 'count'
        ? undefined
        : numeric('workload', options.workload),
    basis,
  };
}

/** One account's potential and workload; `empty` lists the fields that had no value. */
export function accountLoad(
  values: Readonly<Record<string, unknown>>,
  fields: LoadFields,
): { potential: Dec; workload: Dec; empty: string[] } {
  const empty: string[] = [];
  const read = (field: string): Dec => {
    const text = values[field];
    if (typeof text === 'string') return new Dec(text);
    empty.push(field);
    return ZERO;
  };
  const potential = read(fields.potential);
  const workload = fields.workload === undefined ? ONE : read(fields.workload);
  return { potential, workload, empty };
}

/** The quantity of an account's load that fairness is measured on. */
export function basisOf(load: { potential: Dec; workload: Dec }, basis: BalanceBasis): Dec {
  return basis === 'potential' ? load.potential : basis === 'workload' ? load.workload : ONE;
}

/**
 * The balance of a territory design: per territory, accounts, potential and workload; across
 * territories, the fairness of the chosen basis. Pure and exact. Throws a `RangeError` when a
 * field is not a numeric field of the accounts or the basis is unknown.
 */
export function territoryBalance(assignment: AccountAssignment, options: BalanceOptions): TerritoryBalance {
  const fields = loadFields(assignment, options);
  const sums = new Map<string, { accounts: number; potential: Dec; workload: Dec }>();
  for (const t of assignment.territories) sums.set(t.name, { accounts: 0, potential: ZERO, workload: ZERO });
  const empty: { account: string; field: string }[] = [];
  for (const a of assignment.accounts) {
    const load = accountLoad(a.values, fields);
    for (const field of load.empty) empty.push({ account: a.account, field });
    const sum = sums.get(a.territory);
    if (!sum) continue;
    sum.accounts++;
    sum.potential = sum.potential.plus(load.potential);
    sum.workload = sum.workload.plus(load.workload);
  }
  const bases = assignment.territories.map((t) => {
    const sum = sums.get(t.name) as { accounts: number; potential: Dec; workload: Dec };
    return fields.basis === 'potential'
      ? sum.potential
      : fields.basis === 'workload'
        ? sum.workload
        : new Dec(sum.accounts);
  });
  const total = sumOf(bases);
  let potential = ZERO;
  let workload = ZERO;
  const territories = assignment.territories.map((t, i): TerritoryLoad => {
    const sum = sums.get(t.name) as { accounts: number; potential: Dec; workload: Dec };
    potential = potential.plus(sum.potential);
    workload = workload.plus(sum.workload);
    return {
      territory: t.name,
      ...(t.label === undefined ? {} : { label: t.label }),
      accounts: sum.accounts,
      potential: decText(sum.potential),
      workload: decText(sum.workload),
      share: total.isZero() ? null : decText((bases[i] as Dec).div(total)),
      primary: t.primary,
      overlay: t.overlay,
    };
  });
  let unassignedPotential = ZERO;
  for (const u of assignment.unassigned) {
    if (u.values) unassignedPotential = unassignedPotential.plus(accountLoad(u.values, fields).potential);
  }
  return {
    potential: fields.potential,
    workload: fields.workload ?? 'count',
    basis: fields.basis,
    territories,
    totals: {
      accounts: assignment.accounts.length,
      potential: decText(potential),
      workload: decText(workload),
    },
    fairness: fairnessOf(bases),
    unassigned: {
      accounts: assignment.unassigned.length,
      potential: decText(unassignedPotential),
      list: assignment.unassigned.map((u) => ({ account: u.account, reason: u.reason })),
    },
    empty,
  };
}
