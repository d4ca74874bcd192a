/**
 * Who looks at results, and which payees they may see: a rep their own statements, a manager
 * their whole team (direct and indirect reports) and themself, finance and admin everyone.
 */
import type { Payee } from '../data/dataset.js';
import type { hierarchyOf } from '../metrics/hierarchy.js';
import { DatedTeams, type DaysOf } from './dated-teams.js';
import type { ScopeData } from './row-owners.js';

/** The roles results can be scoped to. */
export type ViewerRole = 'rep' | 'manager' | 'finance' | 'admin';

/** The roles, in order of reach. */
export const VIEWER_ROLES: readonly ViewerRole[] = ['rep', 'manager', 'finance', 'admin'];

/** Someone looking at results: a role and, for a rep or a manager, their payee id. */
export interface Viewer {
  role: ViewerRole;
  /** The viewer's own payee id; required for `rep` and `manager` (without it they see nothing). */
  payee?: string;
}

/** The payees a viewer may see: everyone, or exactly these ids (sorted). */
export type VisiblePayees = 'everyone' | readonly string[];

function checkViewer(viewer: Viewer): void {
  if (viewer === null || typeof viewer !== 'object' || !VIEWER_ROLES.includes(viewer.role))
    throw new TypeError(`viewer.role must be one of ${VIEWER_ROLES.join(', ')}`);
  if (viewer.payee !== undefined && typeof viewer.payee !== 'string')
    throw new TypeError('viewer.payee must be a payee id (a string) when given');
}

/** True when the viewer sees every statement and the payout liability report (finance, admin). */
export function seesEverything(viewer: Viewer): boolean {
  checkViewer(viewer);
  return viewer.role === 'finance' || viewer.role === 'admin';
}

/**
 * The payees `viewer` may see, from the hierarchy of `payees` (each payee's `manager`, walked as
 * {@link hierarchyOf} walks it for roll-ups) and, when `data` is given, the changes of manager in
 * `data.attributeChanges` (the hierarchy of each day, as roll-up credit follows it):
 *
 * - `finance`, `admin`: everyone;
 * - `rep`: their own id;
 * - `manager`: their own id and every payee whose chain of managers reaches them (direct and
 *   indirect reports) on some day of `during` (a statement's `start` and `end`), or on any day
 *   at all without `during`. A manager whose own chain of managers is a cycle (or runs into one)
 *   on a day sees only themself that day: a cycle never grants visibility (roll-ups list those
 *   payees as `unplaced`).
 *
 * A rep or manager without a `payee`, or whose id is not among `payees`, sees no one. Throws a
 * `TypeError` only for a viewer that is not a viewer (an unknown role).
 */
export function visiblePayees(
  viewer: Viewer,
  payees: readonly Payee[],
  data?: Pick<ScopeData, 'attributeChanges'>,
  during?: DaysOf,
): VisiblePayees {
  if (seesEverything(viewer)) return 'everyone';
  const self = viewer.payee;
  const teams = new DatedTeams(payees, data?.attributeChanges ?? []);
  if (self === undefined || !teams.has(self)) return [];
  if (viewer.role === 'rep') return [self];
  return teams.team(self, during);
}
