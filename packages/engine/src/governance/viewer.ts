/**
 * Who looks at results, and which payees they may see: a rep their own statements, a manager
 * their whole team (direct and indirect reports) and themself, finance and admin everyone.
 */
import type { Payee } from '../data/dataset.js';

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
 * The payees `viewer` may see, from the hierarchy of `payees` (each payee's `manager`):
 *
 * - `finance`, `admin`: everyone;
 * - `rep`: their own id;
 * - `manager`: their own id and every payee whose chain of managers reaches them (direct and
 *   indirect reports). A cycle in the chain ends the walk: each payee is visited once.
 *
 * A rep or manager without a `payee`, or whose id is not among `payees`, sees no one. Throws a
 * `TypeError` only for a viewer that is not a viewer (an unknown role).
 */
export function visiblePayees(viewer: Viewer, payees: readonly Payee[]): VisiblePayees {
  if (seesEverything(viewer)) return 'everyone';
  const self = viewer.payee;
  if (self === undefined || !payees.some((p) => p.id === self)) return [];
  if (viewer.role === 'rep') return [self];
  const reports = new Map<string, string[]>();
  for (const p of payees) {
    if (typeof p.manager !== 'string' || typeof p.id !== 'string') continue;
    const list = reports.get(p.manager);
    if (list) list.push(p.id);
    else reports.set(p.manager, [p.id]);
  }
  const seen = new Set<string>([self]);
  const queue = [self];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const report of reports.get(next) ?? []) {
      if (seen.has(report)) continue;
      seen.add(report);
      queue.push(report);
    }
  }
  return [...seen].sort();
}
