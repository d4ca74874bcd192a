/**
 * `scope(results, viewer, payees, data?)`: the part of the results a viewer may see.
 */

import { compareText } from '../compare-text.js';
import type { Payee } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { DatedTeams, type DaysOf } from './dated-teams.js';
import { RowOwners, type ScopeData } from './row-owners.js';
import { seesEverything, type Viewer, type visiblePayees } from './viewer.js';

/**
 * The results as `viewer` may see them. Finance and admin see everything (a copy of the lists);
 * a rep sees their own statements, a manager their own and those of their team (see
 * {@link visiblePayees}). With `data`, the team follows the changes of manager in
 * `data.attributeChanges` day by day: a manager sees a statement when its payee reported to
 * them (directly or up the chain, as it stood that day) on at least one day of its period. A rep
 * moved from m1 to m2 on 2026-05-15 is in both teams for 2026-Q2, in m1's alone before, in m2's
 * alone after. For a rep or a manager:
 *
 * - `statements`: those of payees visible in the statement's period (with their credits,
 *   earnings, metrics and signals);
 * - `warnings`: those naming a payee visible in the warning's period (a warning without a period,
 *   or of a period no statement has: visible on some day of the results' statements, or on any
 *   day when there are none); a warning that names no payee (about a record, before crediting
 *   decides whose it is) is left out;
 * - `errors` (strict mode) and `rejected` (lenient mode): those about a row whose owners are all
 *   visible (on some day of the results' statements, or any day when there are none) and that
 *   has at least one owner (see {@link RowOwners}). Rows naming another payee, FX rates and rows
 *   naming no payee are left out, so nothing about other payees leaks through an error's key or
 *   reason. One exception: a row of `attributeChanges` that changes a payee's `manager` is also
 *   shown to the new manager it names (when they are a payee, and visible on some day of the
 *   results' statements: the manager themself and those above them), who must fix or confirm it,
 *   though the change, rejected, never moved the payee into their team. Without `data`, only
 *   `payees` rows can be attributed, so only their errors are kept.
 *
 * `meta` is kept as is. The input is never changed; statement objects are shared, not copied.
 * `payees` are the dataset's payees (the hierarchy); `data` the rest of the dataset: its changes
 * of manager, and the rows of sources, quotas, adjustments, territory assignments and attribute
 * changes to attribute. Without `data`, every statement is scoped by the `manager` of `payees`.
 */
export function scope(results: Results, viewer: Viewer, payees: readonly Payee[], data?: ScopeData): Results {
  if (seesEverything(viewer))
    return {
      meta: results.meta,
      errors: [...results.errors],
      rejected: [...results.rejected],
      warnings: [...results.warnings],
      statements: [...results.statements],
    };
  const self = viewer.payee;
  const dated = new DatedTeams(payees, data?.attributeChanges ?? []);
  if (self === undefined || !dated.has(self))
    return { meta: results.meta, errors: [], rejected: [], warnings: [], statements: [] };
  const teams = viewer.role === 'rep' ? undefined : dated;
  // The payees visible on some day of a span (a period's), by span; `run`: the statements' span.
  const spans = new Map<string, ReadonlySet<string>>();
  const visibleDuring = (during: DaysOf | undefined): ReadonlySet<string> => {
    const key = during === undefined ? '' : `${during.start}/${during.end}`;
    let set = spans.get(key);
    if (!set) {
      set = new Set(teams ? teams.team(self, during) : [self]);
      spans.set(key, set);
    }
    return set;
  };
  const periods = new Map<string, DaysOf>();
  let run: DaysOf | undefined;
  for (const s of results.statements) {
    if (!periods.has(s.period)) periods.set(s.period, { start: s.start, end: s.end });
    if (run === undefined) run = { start: s.start, end: s.end };
    else
      run = {
        start: compareText(s.start, run.start) < 0 ? s.start : run.start,
        end: compareText(s.end, run.end) > 0 ? s.end : run.end,
      };
  }
  const sees = visibleDuring(run);
  const owners = new RowOwners(payees, data);
  const rowVisible = (source: string, row: number | undefined, key: string | undefined): boolean => {
    const named = owners.of(source, row, key);
    // A change of manager is also the new manager's to fix or confirm (and so of those above them).
    for (const manager of owners.managersNamed(source, row)) if (sees.has(manager)) return true;
    if (named.size === 0) return false;
    for (const id of named) if (!sees.has(id)) return false;
    return true;
  };
  const warningVisible = (payee: string | undefined, period: string | undefined): boolean => {
    if (payee === undefined) return false;
    const during = period === undefined ? undefined : periods.get(period);
    return (during === undefined ? sees : visibleDuring(during)).has(payee);
  };
  return {
    meta: results.meta,
    errors: results.errors.filter((e) => rowVisible(e.source, e.row, e.key)),
    rejected: results.rejected.filter((r) => rowVisible(r.source, r.row, r.key)),
    warnings: results.warnings.filter((w) => warningVisible(w.payee, w.period)),
    statements: results.statements.filter((s) => visibleDuring({ start: s.start, end: s.end }).has(s.payee)),
  };
}
